/* lower.h — tree-sitter tree → IR; used by parse.c only. */
#ifndef RC_LOWER_H
#define RC_LOWER_H

#include "ir.h"

/* tree_root points at a TSNode, language at a TSLanguage (kept opaque here so
 * that tree-sitter headers stay out of the rest of the program). `text` is
 * what was parsed, `orig` the original bytes of the same length. With
 * snippet_at, every span is set to it (eval strings). */
void rc_lower_tree(rc_ir *ir, const void *tree_root, const void *language, const char *text,
                   const char *orig, uint32_t len, const rc_span *snippet_at);

/* A function body parsed on its own (parse.c, lazy bodies): the first
 * statement under the root, lowered into ir; errors are recorded. */
rc_stmt *rc_lower_body(rc_ir *ir, const void *tree_root, const void *language, const char *text,
                       const char *orig, uint32_t len);
/* The same for a body `{ list}` whose list alone was parsed (zsh closes at
 * `cmd}`, which tree-sitter cannot): tree_root's statements as a group
 * spanning the braces. */
rc_stmt *rc_lower_braced(rc_ir *ir, const void *tree_root, const void *language, const char *text,
                         const char *orig, uint32_t len, rc_span braces);

/* `test`/`[` arguments → expression. */
rc_texpr *rc_lower_test_args(rc_arena *A, rc_word **w, uint32_t n, rc_span sp);

#endif
