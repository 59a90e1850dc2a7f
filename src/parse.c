/* parse.c — see parse.h. */
#include "parse.h"

#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

#include "lower.h"
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

static rc_ir *parse_common(const rc_source *src, const char *orig, uint32_t len, rc_dialect d,
                           const rc_span *at) {
  rc_ir *ir = rc_xcalloc(1, sizeof *ir);
  rc_arena_init(&ir->arena);
  ir->src = src;
  /* The zsh pre-pass rewrites a copy; offsets are unchanged. */
  char *text = rc_xstrndup(orig, len);
  const char *parsed = orig;
  uint32_t fixes = rc_ts_fixups(text, len);
  if (d == RC_DIALECT_ZSH) fixes += rc_zsh_prepass(text, len);
  if (fixes) parsed = text;
  TSTree *tree = parse_text(parsed, len);
  if (tree) {
    TSNode root = ts_tree_root_node(tree);
    rc_lower_tree(ir, &root, tree_sitter_bash(), parsed, orig, len, at);
    ts_tree_delete(tree);
  }
  free(text);
  return ir;
}

rc_ir *rc_parse(const rc_source *src, rc_dialect d) {
  return parse_common(src, src->text, src->len, d, NULL);
}

rc_ir *rc_parse_snippet(const rc_source *src, const char *text, uint32_t len, rc_dialect d,
                        const rc_span *at) {
  return parse_common(src, text, len, d, at);
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
