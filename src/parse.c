/* parse.c — see parse.h. */
#include "parse.h"

#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

#include "lower.h"
#include "recover.h"
#include "ts_fixups.h"
#include "zsh_prepass.h"

const TSLanguage *tree_sitter_bash(void);

const char *rc_dialect_name(rc_dialect d) {
  switch (d) {
  case RC_DIALECT_SH: return "sh";
  case RC_DIALECT_BASH: return "bash";
  case RC_DIALECT_ZSH: return "zsh";
  }
  return "?";
}

/* A fresh parse of text, of the nr ranges r only when nr > 0. */
static TSTree *parse_text_in(const char *text, uint32_t len, const TSRange *r, uint32_t nr) {
  TSParser *p = ts_parser_new();
  ts_parser_set_language(p, tree_sitter_bash());
  if (nr) ts_parser_set_included_ranges(p, r, nr);
  TSTree *t = ts_parser_parse_string(p, NULL, text, len);
  ts_parser_delete(p);
  return t;
}

static TSTree *parse_text(const char *text, uint32_t len) { return parse_text_in(text, len, NULL, 0); }

/* Every file is parsed in pieces: runs of whole top-level statements, cut
 * where a statement starts a line whose first bytes hash to a multiple of
 * 2^bits (past PIECE_SOFT bytes from the last cut more lines qualify), at
 * least PIECE_MIN bytes apart (a file of one line repeated is not thousands
 * of pieces), or past PIECE_MAX bytes. Where cuts fall depends on the text
 * near them, so after an edit they soon fall where they fell before: an edit
 * changes the pieces around it only. Each piece is parsed and lowered on its own (tree-sitter
 * included ranges keep offsets absolute, as in recover.c) into its own IR;
 * the file's IR lists the pieces' statements. The language server keeps a
 * buffer's pieces (struct rc_reparse): the next version reuses every piece
 * whose bytes are unchanged, moving its spans to where the bytes are now
 * (rc_ir_shift), and parses the others. A piece that does not parse cleanly
 * sends the file down the whole-file path, errors and recovery as before. */
/* (SOFT 512 rather than 1024: a language-server edit halfway down the
 * benchmark's .zshrc 8% cheaper, a lint of 630 loose files 0.2% dearer) */
enum { PIECE_BITS = 6, PIECE_MIN = 256, PIECE_SOFT = 512, PIECE_MAX = 16384 };

typedef struct piece {
  uint32_t a, b, line; /* bytes [a, b) of the version it was lowered in; line of a */
  char *bytes;         /* the original then the parsed bytes, 2 × (b - a) */
  rc_ir *ir;           /* its statements, spans as of a and line */
  bool used;
} piece;

struct rc_reparse {
  RC_VEC(piece) pieces;
  rc_dialect d;
  unsigned bits;       /* cut at 1 in 2^bits statements (tests use few) */
  uint32_t min;        /* bytes between cuts, at least (tests: none) */
  size_t reused;       /* pieces the last parse took from the one before */
};

static void piece_free(piece *p) {
  rc_ir_free(p->ir);
  free(p->bytes);
}

void rc_reparse_free(rc_reparse *r) {
  if (!r) return;
  for (size_t i = 0; i < r->pieces.n; i++) piece_free(&r->pieces.v[i]);
  rc_vec_free(&r->pieces);
  free(r);
}

enum { MAX_RANGES = 32 }; /* bodies left out by included ranges, at most (else blanked) */

/* parse_common's own: the pieces did not parse, parse the file whole (a
 * piece is already retried with its bodies: so would its eager parse fail) */
enum { PARSE_WHOLE = 1u << 15 };

/* Row and byte column of offset `at` of a source. */
static TSPoint src_point(const rc_source *src, uint32_t at) {
  uint32_t line, col;
  rc_source_pos(src, at, &line, &col);
  return (TSPoint){line - 1, col - 1};
}

/* Lazy function bodies. Functions defined outside functions mostly never run
 * at startup (in oh-my-zsh with ten plugins, 65% of the bytes read are such
 * bodies, and more than half of those never run), and parsing is most of rccheck's
 * time. So a file is parsed without the inside of those bodies, leaving
 * `f() { }` — tree-sitter skips them as ranges not included, or, for the
 * language server's pieces (parsed with ranges of their own) and for files
 * of many functions, they are blanked, newlines kept — and each body is
 * parsed from ir->full when first asked for (rc_func_body). The bodies are found by the zsh
 * pre-pass scanner, for every dialect (on a scratch copy when the dialect is
 * not zsh: there it only reads). A file whose outline has parse errors, or
 * whose tree does not show each left-out body as a function's body, is
 * parsed whole instead. */
static char *blank_bodies(const char *text, uint32_t len, const uint32_t *fns, uint32_t nfns) {
  char *b = rc_xstrndup(text, len);
  for (uint32_t k = 0; k < nfns; k++)
    for (uint32_t i = fns[2 * k] + 1; i < fns[2 * k + 1] && i < len; i++)
      if (b[i] != '\n') b[i] = ' ';
  return b;
}

static TSTree *parse_ranges(TSParser *p, const char *text, uint32_t len, const TSRange *r, uint32_t nr) {
  ts_parser_reset(p);
  return ts_parser_set_included_ranges(p, r, nr) ? ts_parser_parse_string(p, NULL, text, len) : NULL;
}

/* The statements of the bytes [a, b) of a piece, lowered into an IR of its
 * own. Its outline is parsed without the bodies left out (see lazy bodies
 * below): included ranges around them, or past MAX_RANGES the text with
 * them blanked (`skel`); `full` has them. A piece whose outline does not
 * parse, or does not show its left-out bodies as functions' bodies, is
 * parsed again with its bodies (as a file is, whole). NULL when it still
 * does not parse: the text is damaged, or a cut fell inside a statement
 * (the scanner gives up past its nesting limit); the caller parses the file
 * whole. */
static rc_ir *lower_piece(TSParser *p, const rc_source *src, const char *orig, const char *skel, const char *full,
                          uint32_t len, rc_dialect d, uint32_t a, uint32_t b, const uint32_t *fns, uint32_t nfns) {
  TSRange whole = {src_point(src, a), src_point(src, b), a, b};
  uint32_t lo = 0, hi = nfns; /* the first body in the piece */
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (fns[2 * mid] < a) lo = mid + 1;
    else hi = mid;
  }
  uint32_t want = 0;
  while (lo + want < nfns && fns[2 * (lo + want)] < b) want++;
  rc_ir *ir = rc_xcalloc(1, sizeof *ir);
  rc_arena_init(&ir->arena);
  ir->src = src;
  ir->zsh = d == RC_DIALECT_ZSH;
  TSTree *t;
  const char *outline = full;
  if (!want) {
    t = parse_ranges(p, full, len, &whole, 1);
  } else if (want <= MAX_RANGES) {
    TSRange rs[MAX_RANGES + 1];
    uint32_t from = a;
    for (uint32_t k = 0; k < want; k++) {
      uint32_t open = fns[2 * (lo + k)] + 1, close = fns[2 * (lo + k) + 1];
      rs[k] = (TSRange){src_point(src, from), src_point(src, open), from, open};
      from = close;
    }
    rs[want] = (TSRange){src_point(src, from), whole.end_point, from, b};
    t = parse_ranges(p, full, len, rs, want + 1);
  } else {
    outline = skel;
    t = parse_ranges(p, skel, len, &whole, 1);
  }
  if (t && !ts_node_has_error(ts_tree_root_node(t))) {
    ir->lazy = (uint32_t *)fns;
    ir->nlazy = nfns;
    TSNode root = ts_tree_root_node(t);
    rc_lower_tree(ir, &root, tree_sitter_bash(), outline, orig, len, NULL);
    ts_tree_delete(t);
    t = NULL;
    ir->lazy = NULL;
    ir->nlazy = 0;
    if (ir->lazies.n == want && !ir->errors.n) goto done;
    /* a left-out body the tree does not show as one: with the bodies */
    rc_ir_free(ir);
    ir = rc_xcalloc(1, sizeof *ir);
    rc_arena_init(&ir->arena);
    ir->src = src;
    ir->zsh = d == RC_DIALECT_ZSH;
  }
  if (want || !t) { /* with its bodies */
    if (t) ts_tree_delete(t);
    t = parse_ranges(p, full, len, &whole, 1);
  }
  if (!t || ts_node_has_error(ts_tree_root_node(t))) {
    if (t) ts_tree_delete(t);
    rc_ir_free(ir);
    return NULL;
  }
  TSNode root = ts_tree_root_node(t);
  rc_lower_tree(ir, &root, tree_sitter_bash(), full, orig, len, NULL);
  ts_tree_delete(t);
done:
  if (d == RC_DIALECT_ZSH) rc_zsh_fixup(ir, orig, len, true);
  else rc_bash_fixup(ir, orig, len);
  return ir;
}

/* A parse in pieces (see struct rc_reparse): NULL when a piece does not
 * parse cleanly (the caller parses the file whole). kept: keep is the
 * language server's, whose pieces the next version may reuse; otherwise
 * the pieces belong to the returned IR alone. */
static rc_ir *parse_pieces(const rc_source *src, const char *orig, const char *parsed, const char *full,
                           uint32_t len, rc_dialect d, const uint32_t *starts, uint32_t nstarts, const uint32_t *fns,
                           uint32_t nfns, rc_reparse *keep, bool kept) {
  if (keep->d != d) { /* another dialect lowers other statements */
    for (size_t i = 0; i < keep->pieces.n; i++) piece_free(&keep->pieces.v[i]);
    keep->pieces.n = 0;
    keep->d = d;
  }
  /* where pieces begin: statements that start a line, picked by the hash of
   * that line's first bytes */
  RC_VEC(uint32_t) cut = {0};
  rc_vec_push(&cut, 0u);
  uint32_t mask = (1u << keep->bits) - 1;
  for (uint32_t k = 0; k < nstarts; k++) {
    uint32_t s = starts[k], last = cut.v[cut.n - 1];
    if (s <= last || s - last < keep->min || s >= len || orig[s - 1] != '\n') continue;
    uint32_t e = s;
    while (e < len && e - s < 64 && orig[e] != '\n') e++;
    /* a long piece takes more lines as cuts (a text of few distinct lines
     * may have none that hash right): pieces stay small, cuts content's */
    uint32_t m = s - last >= 4 * PIECE_SOFT ? mask >> 4 : s - last >= PIECE_SOFT ? mask >> 2 : mask;
    if ((rc_hash(orig + s, e - s) & m) == 0 || s - last >= PIECE_MAX) rc_vec_push(&cut, s);
  }
  rc_vec_push(&cut, len);
  for (size_t i = 0; i < keep->pieces.n; i++) keep->pieces.v[i].used = false;
  keep->reused = 0;
  RC_VEC(piece) out = {0};
  TSParser *p = NULL;
  bool ok = true;
  uint32_t line = 1, at = 0;
  size_t next = 0; /* where the old pieces are looked at first: they come in the same order */
  for (size_t i = 0; i + 1 < cut.n && ok; i++) {
    uint32_t a = cut.v[i], b = cut.v[i + 1], n = b - a;
    for (; at < a; at++) line += orig[at] == '\n';
    piece np = {a, b, line, NULL, NULL, false};
    piece *old = NULL;
    for (size_t j = 0; j < keep->pieces.n && !old; j++) {
      size_t k = (next + j) % keep->pieces.n;
      piece *q = &keep->pieces.v[k];
      /* (refs: the last version's IR still reads it, moving it would not do) */
      if (!q->used && q->ir && !q->ir->refs && q->b - q->a == n && !memcmp(q->bytes, orig + a, n) &&
          !memcmp(q->bytes + n, parsed + a, n))
        old = q, next = k + 1;
    }
    if (old) { /* the same bytes: the same statements, moved */
      old->used = true;
      keep->reused++;
      np.bytes = old->bytes, np.ir = old->ir;
      old->bytes = NULL, old->ir = NULL;
      /* bodies parsed for the last version belonged to its IR (freed) */
      for (size_t k = 0; k < np.ir->lazies.n; k++) {
        np.ir->lazies.v[k]->u.func.lazy = true;
        np.ir->lazies.v[k]->u.func.body = NULL;
      }
      rc_ir_shift(np.ir, (int64_t)a - old->a, (int64_t)line - old->line);
      np.ir->src = src;
    } else {
      if (!p) {
        p = ts_parser_new();
        ts_parser_set_language(p, tree_sitter_bash());
      }
      np.ir = lower_piece(p, src, orig, parsed, full, len, d, a, b, fns, nfns);
      if (!np.ir) {
        ok = false;
        break;
      }
      if (kept) { /* compared by the next version */
        np.bytes = rc_xmalloc(2 * (size_t)n + 1);
        memcpy(np.bytes, orig + a, n);
        memcpy(np.bytes + n, parsed + a, n);
      }
    }
    rc_vec_push(&out, np);
  }
  if (p) ts_parser_delete(p);
  rc_vec_free(&cut);
  rc_ir *ir = NULL;
  size_t npieces = out.n;
  if (ok) { /* the file's IR: the pieces' statements, in order */
    ir = rc_xcalloc(1, sizeof *ir);
    rc_arena_init(&ir->arena);
    ir->src = src;
    ir->zsh = d == RC_DIALECT_ZSH;
    for (size_t i = 0; i < npieces; i++) {
      if (kept) out.v[i].ir->refs++; /* held by the keep and by ir */
      rc_vec_push(&ir->parts, out.v[i].ir);
    }
  }
  if (kept) {
    /* what the next version may reuse: this version's pieces, and on
     * failure the older ones too (each knows where its spans are) */
    for (size_t i = 0; i < keep->pieces.n; i++) {
      piece *q = &keep->pieces.v[i];
      if (q->ir && (ok || out.n + 1 > 4 * keep->pieces.n)) piece_free(q), q->ir = NULL;
      else if (q->ir) rc_vec_push(&out, *q);
    }
    rc_vec_free(&keep->pieces);
    keep->pieces.v = out.v, keep->pieces.n = out.n, keep->pieces.cap = out.cap;
  } else {
    for (size_t i = 0; i < out.n; i++) {
      free(out.v[i].bytes);
      if (!ok) rc_ir_free(out.v[i].ir);
    }
    rc_vec_free(&out);
  }
  if (!ok) return NULL;
  uint32_t nst = 0;
  for (size_t i = 0; i < ir->parts.n; i++) nst += ir->parts.v[i]->top.n;
  ir->top.n = nst;
  ir->top.v = nst ? rc_arena_alloc(&ir->arena, sizeof(rc_stmt *) * nst) : NULL;
  nst = 0;
  for (size_t i = 0; i < ir->parts.n; i++) {
    const rc_ir *q = ir->parts.v[i];
    for (uint32_t k = 0; k < q->top.n; k++) ir->top.v[nst++] = q->top.v[k];
    for (size_t k = 0; k < q->errors.n; k++) {
      /* whether damage runs to the end depends on what follows the piece:
       * as lower.c decides it (an ERROR node over lines, to the last byte) */
      rc_parse_error e = q->errors.v[k];
      e.to_eof = e.span.end >= len && e.span.end_line > e.span.line + 1;
      rc_vec_push(&ir->errors, e);
    }
    for (size_t k = 0; k < q->directives.n; k++) rc_vec_push(&ir->directives, q->directives.v[k]);
    for (size_t k = 0; k < q->lazies.n; k++) rc_vec_push(&ir->lazies, q->lazies.v[k]);
    ir->top_level_total += q->top_level_total;
    ir->top_level_lost += q->top_level_lost;
    ir->too_deep |= q->too_deep;
  }
  ir->first_cmd_line = ir->top.n ? ir->top.v[0]->span.line : 0;
  return ir;
}

static rc_ir *parse_common(const rc_source *src, const char *orig, uint32_t len, rc_dialect d,
                           const rc_span *at, unsigned flags, rc_reparse *keep) {
  rc_ir *ir = rc_xcalloc(1, sizeof *ir);
  rc_arena_init(&ir->arena);
  ir->src = src;
  ir->zsh = d == RC_DIALECT_ZSH;
  /* Rewrites of a copy, offsets unchanged: ts_fixups.c (every dialect),
   * then the zsh pre-pass, whose scan also gives where top-level statements
   * start, for recover.c. RC_PARSE_NO_PREPASS parses the bytes as they are. */
  char *text = rc_xstrndup(orig, len);
  const char *parsed = orig;
  uint32_t *starts = NULL, nstarts = 0, *fns = NULL, nfns = 0, *cuts = NULL, ncuts = 0;
  bool recover = !at && !(flags & RC_PARSE_NO_RECOVER);
  bool lazy = !at && !(flags & (RC_PARSE_EAGER | RC_PARSE_NO_PREPASS));
  if (!(flags & RC_PARSE_NO_PREPASS)) {
    uint32_t fixes = rc_ts_fixups(text, len);
    if (d == RC_DIALECT_ZSH) {
      rc_zsh_scan(text, len, recover ? &starts : NULL, &nstarts, lazy ? &fns : NULL, &nfns);
      fixes++;
    } else if (!at) {
      /* where statements start (the pieces) and the bodies to leave out,
       * from the zsh scanner on a scratch copy (it rewrites zsh syntax) */
      char *scratch = rc_xstrndup(text, len);
      uint32_t *bf = NULL, nbf = 0;
      rc_zsh_scan_fixes(scratch, len, &cuts, &ncuts, lazy ? &fns : NULL, &nfns, &bf, &nbf);
      for (uint32_t k = 0; k < nbf; k++) { /* what bash needs rewritten too (zsh_prepass.h) */
        uint32_t a = bf[2 * k], e = bf[2 * k + 1] < len ? bf[2 * k + 1] : len;
        if (a < e && memcmp(text + a, scratch + a, e - a)) memcpy(text + a, scratch + a, e - a), fixes++;
      }
      free(bf);
      free(scratch);
    }
    if (fixes) parsed = text;
  }
  /* the text with the left-out bodies blanked: for pieces of many bodies,
   * whole files of many, and as the language server's pieces' key */
  char *skel = nfns && (keep || nfns > MAX_RANGES) ? blank_bodies(text, len, fns, nfns) : NULL;
  /* Every file is parsed in pieces (see struct rc_reparse), so that the
   * language server, which reuses them, gives the IR every other run gives. */
  bool pieces = !at && !(flags & (RC_PARSE_NO_PREPASS | PARSE_WHOLE));
  if (pieces) {
    rc_reparse once = {.bits = PIECE_BITS, .min = PIECE_MIN};
    rc_ir *p = parse_pieces(src, orig, skel ? skel : parsed, text, len, d, d == RC_DIALECT_ZSH ? starts : cuts,
                            d == RC_DIALECT_ZSH ? nstarts : ncuts, fns, nfns, keep ? keep : &once, keep != NULL);
    if (p) {
      rc_ir_free(ir);
      ir = p;
      goto done;
    }
  }
  /* Whole: tree-sitter looks the current range up linearly at every token:
   * past a few dozen ranges the blanked copy is cheaper (12,000 ranges: 76%
   * of the time in ts_lexer_goto) */
  bool ranges = nfns && nfns <= MAX_RANGES;
  if (skel && !ranges) parsed = skel;
  TSTree *tree;
  if (ranges) {
    TSRange *rs = rc_xmalloc(sizeof *rs * (nfns + 1));
    uint32_t from = 0;
    for (uint32_t k = 0; k < nfns; k++) {
      rs[k] = (TSRange){src_point(src, from), src_point(src, fns[2 * k] + 1), from, fns[2 * k] + 1};
      from = fns[2 * k + 1];
    }
    rs[nfns] = (TSRange){src_point(src, from), src_point(src, len), from, len};
    tree = parse_text_in(text, len, rs, nfns + 1);
    free(rs);
  } else {
    tree = parse_text(parsed, len);
  }
  /* the outline does not parse: the errors are the file's own, parsed whole
   * (recover.c handles them) */
  if (nfns && (!tree || ts_node_has_error(ts_tree_root_node(tree)))) goto whole;
  ir->lazy = fns;
  ir->nlazy = nfns;
  if (tree) {
    TSNode root = ts_tree_root_node(tree);
    /* A damaged parse is redone statement by statement (recover.c). */
    const uint32_t *at_starts = d == RC_DIALECT_ZSH ? starts : cuts; /* (bash: from the scratch scan) */
    uint32_t n_starts = d == RC_DIALECT_ZSH ? nstarts : ncuts;
    if (recover && at_starts && ts_node_has_error(root))
      rc_recover_lower(ir, tree_sitter_bash(), parsed, orig, len, at_starts, n_starts);
    else
      rc_lower_tree(ir, &root, tree_sitter_bash(), parsed, orig, len, at);
    if (ir->lazies.n != nfns) goto whole; /* a left-out body the tree does not show as one */
    ts_tree_delete(tree);
    /* zsh: give back, from the original bytes, the meaning the pre-pass
     * rewrote away (zsh_fixup.c). */
    if (d == RC_DIALECT_ZSH && !(flags & RC_PARSE_NO_PREPASS)) rc_zsh_fixup(ir, orig, len, at == NULL);
    else if (!(flags & RC_PARSE_NO_PREPASS) && !at) rc_bash_fixup(ir, orig, len);
  }
  ir->lazy = NULL;
  ir->nlazy = 0;
done:
  if (ir->lazies.n) { /* the bodies are parsed from the full text */
    ir->full = text;
    ir->full_len = len;
    ir->zsh = d == RC_DIALECT_ZSH;
    text = NULL;
  }
  free(fns);
  free(skel);
  free(text);
  free(starts);
  free(cuts);
  return ir;
whole:
  if (tree) ts_tree_delete(tree);
  free(fns);
  free(skel);
  free(text);
  free(starts);
  free(cuts);
  ir->lazy = NULL;
  rc_ir_free(ir);
  return parse_common(src, orig, len, d, at, flags | RC_PARSE_EAGER | (pieces ? PARSE_WHOLE : 0), keep);
}

/* A function's body, parsed from ir->full. The functions it defines are left
 * out in turn, as a file's are (oh-my-zsh's z plugin defines eleven helpers
 * inside its 55 KB `zshz`, run from a prompt hook: most never run), unless
 * there are too many for ranges or the outline does not show them as
 * bodies: then it is parsed whole. */
static rc_stmt *body_of(rc_ir *ir, TSParser *p, uint32_t a, uint32_t b) {
  TSRange whole = {src_point(ir->src, a), src_point(ir->src, b), a, b};
  uint32_t *fns = NULL, nfns = 0;
  char *scratch = rc_xstrndup(ir->full + a, b - a); /* (the scanner rewrites what it reads) */
  rc_zsh_scan(scratch, b - a, NULL, NULL, &fns, &nfns);
  free(scratch);
  /* the body's own braces are not a definition's: only those inside */
  uint32_t k = 0;
  for (uint32_t i = 0; i < nfns; i++)
    if (fns[2 * i] > 0 && fns[2 * i + 1] + 1 < b - a) fns[2 * k] = fns[2 * i] + a, fns[2 * k + 1] = fns[2 * i + 1] + a, k++;
  nfns = k <= MAX_RANGES ? k : 0;
  TSRange rs[MAX_RANGES + 1];
  uint32_t from = a;
  for (uint32_t i = 0; i < nfns; i++) {
    rs[i] = (TSRange){src_point(ir->src, from), src_point(ir->src, fns[2 * i] + 1), from, fns[2 * i] + 1};
    from = fns[2 * i + 1];
  }
  rs[nfns] = (TSRange){src_point(ir->src, from), whole.end_point, from, b};
  rc_stmt *body = NULL;
  size_t nlazies = ir->lazies.n, ndirs = ir->directives.n, nerrs = ir->errors.n;
  ts_parser_reset(p);
  TSTree *t = nfns && ts_parser_set_included_ranges(p, rs, nfns + 1) ? ts_parser_parse_string(p, NULL, ir->full, ir->full_len) : NULL;
  if (t && !ts_node_has_error(ts_tree_root_node(t))) {
    TSNode root = ts_tree_root_node(t);
    ir->lazy = fns;
    ir->nlazy = nfns;
    body = rc_lower_body(ir, &root, tree_sitter_bash(), ir->full, ir->src->text, ir->full_len);
    ir->lazy = NULL;
    ir->nlazy = 0;
    if (ir->lazies.n - nlazies != nfns) { /* a left-out body the tree does not show as one */
      body = NULL;
      ir->lazies.n = nlazies, ir->directives.n = ndirs, ir->errors.n = nerrs;
    }
  }
  if (t) ts_tree_delete(t);
  free(fns);
  if (body) return body;
  ts_parser_reset(p);
  t = ts_parser_set_included_ranges(p, &whole, 1) ? ts_parser_parse_string(p, NULL, ir->full, ir->full_len) : NULL;
  if (t && ts_node_has_error(ts_tree_root_node(t)) && ir->zsh && b - a >= 2 && ir->full[a] == '{' &&
      ir->full[b - 1] == '}' && !strchr(" \t\n;&", ir->full[b - 2])) {
    /* zsh's `{cmd}`: the list inside the braces parses alone */
    TSRange in = {src_point(ir->src, a + 1), src_point(ir->src, b - 1), a + 1, b - 1};
    ts_parser_reset(p);
    TSTree *u = ts_parser_set_included_ranges(p, &in, 1) ? ts_parser_parse_string(p, NULL, ir->full, ir->full_len) : NULL;
    if (u && !ts_node_has_error(ts_tree_root_node(u))) {
      ts_tree_delete(t);
      TSNode root = ts_tree_root_node(u);
      rc_span sp = {a, b, whole.start_point.row + 1, whole.start_point.column + 1, whole.end_point.row + 1,
                    whole.end_point.column + 1};
      body = rc_lower_braced(ir, &root, tree_sitter_bash(), ir->full, ir->src->text, ir->full_len, sp);
      ts_tree_delete(u);
      return body;
    }
    if (u) ts_tree_delete(u);
  }
  if (t) {
    TSNode root = ts_tree_root_node(t);
    body = rc_lower_body(ir, &root, tree_sitter_bash(), ir->full, ir->src->text, ir->full_len);
    ts_tree_delete(t);
  }
  return body;
}

const rc_stmt *rc_func_body(const rc_ir *cir, const rc_stmt *cs) {
  if (!cs || cs->kind != RC_S_FUNC) return NULL;
  if (!cs->u.func.lazy) return cs->u.func.body;
  /* The IR grows by what it always meant: a cache filled on demand. */
  rc_ir *ir = (rc_ir *)cir;
  rc_stmt *s = (rc_stmt *)cs;
  s->u.func.lazy = false;
  TSParser *p = ts_parser_new();
  ts_parser_set_language(p, tree_sitter_bash());
  s->u.func.body = body_of(ir, p, s->u.func.body_a, s->u.func.body_e);
  if (s->u.func.body && ir->zsh) rc_zsh_fixup_stmt(ir, s->u.func.body, ir->src->text, ir->full_len);
  else if (s->u.func.body) rc_bash_fixup_stmt(ir, s->u.func.body, ir->src->text, ir->full_len);
  ts_parser_delete(p);
  return s->u.func.body;
}

static int error_cmp(const void *a, const void *b) {
  const rc_parse_error *x = a, *y = b;
  return x->span.start != y->span.start ? (x->span.start < y->span.start ? -1 : 1)
                                        : (x->span.end > y->span.end) - (x->span.end < y->span.end);
}

static int directive_cmp(const void *a, const void *b) {
  const rc_directive *x = a, *y = b;
  return (x->span.start > y->span.start) - (x->span.start < y->span.start);
}

void rc_ir_force(const rc_ir *cir) {
  rc_ir *ir = (rc_ir *)cir;
  size_t nerr = ir->errors.n, ndir = ir->directives.n;
  for (size_t i = 0; i < ir->lazies.n; i++) rc_func_body(ir, ir->lazies.v[i]);
  /* a body's errors and directives were appended when it was parsed: back
   * in file order, as an eager parse gives them (the lint sorts its own) */
  if (ir->errors.n > 1 && ir->errors.n > nerr)
    qsort(ir->errors.v, ir->errors.n, sizeof *ir->errors.v, error_cmp);
  if (ir->directives.n > 1 && ir->directives.n > ndir)
    qsort(ir->directives.v, ir->directives.n, sizeof *ir->directives.v, directive_cmp);
}

rc_ir *rc_parse(const rc_source *src, rc_dialect d) {
  return parse_common(src, src->text, src->len, d, NULL, 0, NULL);
}

rc_ir *rc_parse_with(const rc_source *src, rc_dialect d, unsigned flags) {
  return parse_common(src, src->text, src->len, d, NULL, flags, NULL);
}

size_t rc_reparse_reused(const rc_reparse *r) { return r ? r->reused : 0; }

rc_ir *rc_parse_keep(const rc_source *src, rc_dialect d, rc_reparse **keep) {
  if (!*keep) *keep = rc_xcalloc(1, sizeof **keep);
  (*keep)->bits = PIECE_BITS;
  (*keep)->min = PIECE_MIN;
  return parse_common(src, src->text, src->len, d, NULL, 0, *keep);
}

rc_ir *rc_parse_keep_bits(const rc_source *src, rc_dialect d, rc_reparse **keep, unsigned bits) {
  if (!*keep) *keep = rc_xcalloc(1, sizeof **keep);
  (*keep)->bits = bits < 16 ? bits : 16;
  (*keep)->min = 0;
  return parse_common(src, src->text, src->len, d, NULL, 0, *keep);
}

rc_ir *rc_parse_snippet(const rc_source *src, const char *text, uint32_t len, rc_dialect d,
                        const rc_span *at) {
  return parse_common(src, text, len, d, at, 0, NULL);
}

void rc_ir_free(rc_ir *ir) {
  if (!ir) return;
  if (ir->refs) { /* another holder still reads it */
    ir->refs--;
    return;
  }
  for (size_t i = 0; i < ir->parts.n; i++) rc_ir_free(ir->parts.v[i]);
  rc_vec_free(&ir->parts);
  rc_vec_free(&ir->errors);
  rc_vec_free(&ir->directives);
  rc_vec_free(&ir->lazies);
  free(ir->full);
  rc_arena_free(&ir->arena);
  free(ir);
}

/* The depth of the tree, walked with a cursor (no recursion). */
static uint32_t tree_depth(TSNode root) {
  TSTreeCursor c = ts_tree_cursor_new(root);
  uint32_t depth = 0, max = 0;
  for (;;) {
    if (ts_tree_cursor_goto_first_child(&c)) {
      if (++depth > max) max = depth;
      continue;
    }
    while (!ts_tree_cursor_goto_next_sibling(&c)) {
      if (!depth) goto done;
      ts_tree_cursor_goto_parent(&c);
      depth--;
    }
  }
done:
  ts_tree_cursor_delete(&c);
  return max;
}

char *rc_parse_sexp(const char *text, uint32_t len, rc_dialect d) {
  char *copy = rc_xstrndup(text, len);
  rc_ts_fixups(copy, len);
  if (d == RC_DIALECT_ZSH) rc_zsh_prepass(copy, len);
  TSTree *t = parse_text(copy, len);
  /* tree-sitter prints trees recursively: a deep one would overflow the stack */
  uint32_t depth = tree_depth(ts_tree_root_node(t));
  if (depth > 2000) {
    ts_tree_delete(t);
    free(copy);
    return rc_xasprintf("(tree of depth %u: too deep to print)", depth);
  }
  char *s = ts_node_string(ts_tree_root_node(t));
  char *out = rc_xstrdup(s);
  free(s);
  ts_tree_delete(t);
  free(copy);
  return out;
}
