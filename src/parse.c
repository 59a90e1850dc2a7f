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

static rc_ir *parse_common(const rc_source *src, const char *orig, uint32_t len, rc_dialect d,
                           const rc_span *at, unsigned flags) {
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
  TSTree *tree = parse_text(parsed, len);
  if (tree) {
    TSNode root = ts_tree_root_node(tree);
    /* A damaged parse is redone statement by statement (recover.c). */
    if (recover && starts && ts_node_has_error(root))
      rc_recover_lower(ir, tree_sitter_bash(), parsed, orig, len, starts, nstarts);
    else
      rc_lower_tree(ir, &root, tree_sitter_bash(), parsed, orig, len, at);
    ts_tree_delete(tree);
    /* zsh: give back, from the original bytes, the meaning the pre-pass
     * rewrote away (zsh_fixup.c). */
    if (d == RC_DIALECT_ZSH && !(flags & RC_PARSE_NO_PREPASS)) rc_zsh_fixup(ir, orig, len, at == NULL);
  }
  free(text);
  free(starts);
  return ir;
}

rc_ir *rc_parse(const rc_source *src, rc_dialect d) {
  return parse_common(src, src->text, src->len, d, NULL, 0);
}

rc_ir *rc_parse_with(const rc_source *src, rc_dialect d, unsigned flags) {
  return parse_common(src, src->text, src->len, d, NULL, flags);
}

rc_ir *rc_parse_snippet(const rc_source *src, const char *text, uint32_t len, rc_dialect d,
                        const rc_span *at) {
  return parse_common(src, text, len, d, at, 0);
}

void rc_ir_free(rc_ir *ir) {
  if (!ir) return;
  rc_vec_free(&ir->errors);
  rc_vec_free(&ir->directives);
  rc_arena_free(&ir->arena);
  free(ir);
}

char *rc_parse_sexp(const char *text, uint32_t len, rc_dialect d) {
  char *copy = rc_xstrndup(text, len);
  rc_ts_fixups(copy, len);
  if (d == RC_DIALECT_ZSH) rc_zsh_prepass(copy, len);
  TSTree *t = parse_text(copy, len);
  char *s = ts_node_string(ts_tree_root_node(t));
  char *out = rc_xstrdup(s);
  free(s);
  ts_tree_delete(t);
  free(copy);
  return out;
}
