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

struct rc_reparse {
  TSTree *tree;  /* the previous parse */
  char *text;    /* the bytes it parsed (after the pre-passes) */
  uint32_t len;
  rc_dialect d;
};

void rc_reparse_free(rc_reparse *r) {
  if (!r) return;
  if (r->tree) ts_tree_delete(r->tree);
  free(r->text);
  free(r);
}

/* Row and byte column of offset `at` in text. */
static TSPoint point_at(const char *text, uint32_t at) {
  TSPoint p = {0, 0};
  const char *line = text;
  for (const char *q = text; (q = memchr(q, '\n', (size_t)(text + at - q))) != NULL; q++) p.row++, line = q + 1;
  p.column = (uint32_t)(text + at - line);
  return p;
}

/* Parses text, reusing the kept tree: the edit is the span between the
 * longest common prefix and suffix of the old and new bytes. */
static TSTree *reparse(rc_reparse *k, const char *text, uint32_t len) {
  /* A damaged tree is not reused (see below): while the text stays broken,
   * each version is parsed once, afresh. */
  if (ts_node_has_error(ts_tree_root_node(k->tree))) return parse_text(text, len);
  uint32_t pre = 0, max = k->len < len ? k->len : len;
  while (pre < max && k->text[pre] == text[pre]) pre++;
  uint32_t suf = 0;
  while (suf < max - pre && k->text[k->len - 1 - suf] == text[len - 1 - suf]) suf++;
  TSInputEdit ed;
  ed.start_byte = pre;
  ed.old_end_byte = k->len - suf;
  ed.new_end_byte = len - suf;
  ed.start_point = point_at(text, pre);
  ed.old_end_point = point_at(k->text, ed.old_end_byte);
  ed.new_end_point = point_at(text, ed.new_end_byte);
  ts_tree_edit(k->tree, &ed);
  TSParser *p = ts_parser_new();
  ts_parser_set_language(p, tree_sitter_bash());
  TSTree *t = ts_parser_parse_string(p, k->tree, text, len);
  /* Error recovery can take another path when old subtrees are reused:
   * a damaged text is parsed afresh, so the IR stays the fresh parse's. */
  if (t && ts_node_has_error(ts_tree_root_node(t))) {
    ts_tree_delete(t);
    t = ts_parser_parse_string(p, NULL, text, len);
  }
  ts_parser_delete(p);
  return t;
}

enum { MAX_RANGES = 32 }; /* bodies left out by included ranges, at most (else blanked) */

/* Row and byte column of offset `at` of a source. */
static TSPoint src_point(const rc_source *src, uint32_t at) {
  uint32_t line, col;
  rc_source_pos(src, at, &line, &col);
  return (TSPoint){line - 1, col - 1};
}

/* Before parsing a file again whole: the kept tree may have been edited
 * towards the blanked text, so it is not reused. */
static void drop_kept(rc_reparse *keep) {
  if (keep && keep->tree) ts_tree_delete(keep->tree);
  if (keep) keep->tree = NULL;
}

/* Lazy function bodies. Functions defined outside functions mostly never run
 * at startup (in oh-my-zsh with ten plugins, 65% of the bytes read are such
 * bodies, and more than half of those never run), and parsing is most of rccheck's
 * time. So a file is parsed without the inside of those bodies, leaving
 * `f() { }` — tree-sitter skips them as ranges not included, or, for the
 * language server's kept parse (whose incremental reparse needs one text)
 * and for files of many functions, they are blanked, newlines kept — and
 * each body is parsed from ir->full
 * when first asked for (rc_func_body). The bodies are found by the zsh
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

static rc_ir *parse_common(const rc_source *src, const char *orig, uint32_t len, rc_dialect d,
                           const rc_span *at, unsigned flags, rc_reparse *keep) {
  rc_ir *ir = rc_xcalloc(1, sizeof *ir);
  rc_arena_init(&ir->arena);
  ir->src = src;
  /* Rewrites of a copy, offsets unchanged: ts_fixups.c (every dialect),
   * then the zsh pre-pass, whose scan also gives where top-level statements
   * start, for recover.c. RC_PARSE_NO_PREPASS parses the bytes as they are. */
  char *text = rc_xstrndup(orig, len);
  const char *parsed = orig;
  uint32_t *starts = NULL, nstarts = 0, *fns = NULL, nfns = 0;
  bool recover = !at && !(flags & RC_PARSE_NO_RECOVER);
  bool lazy = !at && !(flags & (RC_PARSE_EAGER | RC_PARSE_NO_PREPASS));
  if (!(flags & RC_PARSE_NO_PREPASS)) {
    uint32_t fixes = rc_ts_fixups(text, len);
    if (d == RC_DIALECT_ZSH) {
      rc_zsh_scan(text, len, recover ? &starts : NULL, &nstarts, lazy ? &fns : NULL, &nfns);
      fixes++;
    } else if (lazy && (memmem(text, len, "()", 2) || memmem(text, len, "function", 8))) {
      /* (no definition without one of those: most files are not scanned) */
      char *scratch = rc_xstrndup(text, len);
      rc_zsh_scan(scratch, len, NULL, NULL, &fns, &nfns);
      free(scratch);
    }
    if (fixes) parsed = text;
  }
  /* tree-sitter looks the current range up linearly at every token: past a
   * few dozen ranges the blanked copy is cheaper (12,000 ranges: 76% of the
   * time in ts_lexer_goto) */
  bool ranges = nfns && !keep && nfns <= MAX_RANGES;
  char *skel = nfns && !ranges ? blank_bodies(text, len, fns, nfns) : NULL;
  if (skel) parsed = skel;
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
    tree = keep && keep->tree && keep->d == d ? reparse(keep, parsed, len) : parse_text(parsed, len);
  }
  /* the outline does not parse: the errors are the file's own, parsed whole
   * (recover.c handles them) */
  if (nfns && (!tree || ts_node_has_error(ts_tree_root_node(tree)))) goto whole;
  ir->lazy = fns;
  ir->nlazy = nfns;
  if (tree) {
    TSNode root = ts_tree_root_node(tree);
    /* A damaged parse is redone statement by statement (recover.c); the
     * whole-file tree is still the one kept for the next version. */
    if (recover && starts && ts_node_has_error(root))
      rc_recover_lower(ir, tree_sitter_bash(), parsed, orig, len, starts, nstarts);
    else
      rc_lower_tree(ir, &root, tree_sitter_bash(), parsed, orig, len, at);
    if (ir->lazies.n != nfns) goto whole; /* a left-out body the tree does not show as one */
    if (keep) { /* kept for the next version */
      if (keep->tree) ts_tree_delete(keep->tree);
      free(keep->text);
      keep->tree = tree;
      keep->text = parsed == skel ? skel : parsed == text ? text : rc_xstrndup(parsed, len);
      keep->len = len;
      keep->d = d;
      if (parsed == skel) skel = NULL;
      else if (parsed == text) text = NULL;
    } else {
      ts_tree_delete(tree);
    }
    /* zsh: give back, from the original bytes, the meaning the pre-pass
     * rewrote away (zsh_fixup.c). */
    if (d == RC_DIALECT_ZSH && !(flags & RC_PARSE_NO_PREPASS)) rc_zsh_fixup(ir, orig, len, at == NULL);
  }
  ir->lazy = NULL;
  ir->nlazy = 0;
  if (ir->lazies.n) { /* the bodies are parsed from the full text (keep took the blanked one) */
    ir->full = text;
    ir->full_len = len;
    ir->zsh = d == RC_DIALECT_ZSH;
    text = NULL;
  }
  free(fns);
  free(skel);
  free(text);
  free(starts);
  return ir;
whole:
  if (tree) ts_tree_delete(tree);
  free(fns);
  free(skel);
  free(text);
  free(starts);
  ir->lazy = NULL;
  rc_ir_free(ir);
  drop_kept(keep);
  return parse_common(src, orig, len, d, at, flags | RC_PARSE_EAGER, keep);
}

const rc_stmt *rc_func_body(const rc_ir *cir, const rc_stmt *cs) {
  if (!cs || cs->kind != RC_S_FUNC) return NULL;
  if (!cs->u.func.lazy) return cs->u.func.body;
  /* The IR grows by what it always meant: a cache filled on demand. */
  rc_ir *ir = (rc_ir *)cir;
  rc_stmt *s = (rc_stmt *)cs;
  s->u.func.lazy = false;
  uint32_t a = s->u.func.body_a, b = s->u.func.body_e;
  TSRange r = {src_point(ir->src, a), src_point(ir->src, b), a, b};
  TSParser *p = ts_parser_new();
  ts_parser_set_language(p, tree_sitter_bash());
  TSTree *t = ts_parser_set_included_ranges(p, &r, 1) ? ts_parser_parse_string(p, NULL, ir->full, ir->full_len) : NULL;
  if (t) {
    TSNode root = ts_tree_root_node(t);
    s->u.func.body = rc_lower_body(ir, &root, tree_sitter_bash(), ir->full, ir->src->text, ir->full_len);
    if (s->u.func.body && ir->zsh) rc_zsh_fixup_stmt(ir, s->u.func.body, ir->src->text, ir->full_len);
    ts_tree_delete(t);
  }
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

rc_ir *rc_parse_keep(const rc_source *src, rc_dialect d, rc_reparse **keep) {
  if (!*keep) *keep = rc_xcalloc(1, sizeof **keep);
  return parse_common(src, src->text, src->len, d, NULL, 0, *keep);
}

rc_ir *rc_parse_snippet(const rc_source *src, const char *text, uint32_t len, rc_dialect d,
                        const rc_span *at) {
  return parse_common(src, text, len, d, at, 0, NULL);
}

void rc_ir_free(rc_ir *ir) {
  if (!ir) return;
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
