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

static TSTree *parse_text(const char *text, uint32_t len) {
  TSParser *p = ts_parser_new();
  ts_parser_set_language(p, tree_sitter_bash());
  TSTree *t = ts_parser_parse_string(p, NULL, text, len);
  ts_parser_delete(p);
  return t;
}

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
  uint32_t *starts = NULL, nstarts = 0;
  bool recover = !at && !(flags & RC_PARSE_NO_RECOVER);
  if (!(flags & RC_PARSE_NO_PREPASS)) {
    uint32_t fixes = rc_ts_fixups(text, len);
    if (d == RC_DIALECT_ZSH) {
      rc_zsh_prepass_starts(text, len, recover ? &starts : NULL, &nstarts);
      fixes++;
    }
    if (fixes) parsed = text;
  }
  TSTree *tree = keep && keep->tree && keep->d == d ? reparse(keep, parsed, len) : parse_text(parsed, len);
  if (tree) {
    TSNode root = ts_tree_root_node(tree);
    /* A damaged parse is redone statement by statement (recover.c); the
     * whole-file tree is still the one kept for the next version. */
    if (recover && starts && ts_node_has_error(root))
      rc_recover_lower(ir, tree_sitter_bash(), parsed, orig, len, starts, nstarts);
    else
      rc_lower_tree(ir, &root, tree_sitter_bash(), parsed, orig, len, at);
    if (keep) { /* kept for the next version */
      if (keep->tree) ts_tree_delete(keep->tree);
      free(keep->text);
      keep->tree = tree;
      keep->text = parsed == text ? text : rc_xstrndup(parsed, len);
      keep->len = len;
      keep->d = d;
      if (parsed == text) text = NULL;
    } else {
      ts_tree_delete(tree);
    }
    /* zsh: give back, from the original bytes, the meaning the pre-pass
     * rewrote away (zsh_fixup.c). */
    if (d == RC_DIALECT_ZSH && !(flags & RC_PARSE_NO_PREPASS)) rc_zsh_fixup(ir, orig, len, at == NULL);
  }
  free(text);
  free(starts);
  return ir;
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
