/* parse.h — tree-sitter parse of one source, lowered to the IR (lower.c).
 * tree-sitter types never leave parse.c and the lower*.c files. */
#ifndef RC_PARSE_H
#define RC_PARSE_H

#include "ir.h"
#include "source.h"

typedef enum rc_dialect {
  RC_DIALECT_SH,
  RC_DIALECT_BASH,
  RC_DIALECT_ZSH,
} rc_dialect;

const char *rc_dialect_name(rc_dialect d);

/* Parses and lowers `src` (which must outlive the result). Never fails:
 * unparsable regions are recorded in ir->errors. */
rc_ir *rc_parse(const rc_source *src, rc_dialect d);

/* Measurement switches (parse-stats): turn the repairs off to see what
 * plain tree-sitter-bash makes of a file. rc_parse(s, d) == rc_parse_with(s, d, 0). */
enum {
  RC_PARSE_NO_PREPASS = 1u << 0, /* no rewriting: neither ts_fixups.c nor the zsh pre-pass */
  RC_PARSE_NO_RECOVER = 1u << 1, /* skip re-parsing inside ERROR regions (recover.c) */
  RC_PARSE_EAGER = 1u << 2,      /* parse every function body now (no lazy bodies) */
};
rc_ir *rc_parse_with(const rc_source *src, rc_dialect d, unsigned flags);
void rc_ir_free(rc_ir *ir);

/* The body of function definition `s` of `ir`, parsed and lowered on first
 * use (the IR grows; spans, errors and directives are as an eager parse
 * gives them, the body's appended). NULL when the definition has none. */
const rc_stmt *rc_func_body(const rc_ir *ir, const rc_stmt *s);
/* Parses every body still lazy and puts ir->errors and ir->directives back in
 * file order (bodies parsed later append theirs): measurements, dumps. */
void rc_ir_force(const rc_ir *ir);

/* Lowers an `eval` string or other snippet found inside `parent`: the text is
 * parsed on its own, spans are shifted to `at` (the string's position). */
rc_ir *rc_parse_snippet(const rc_source *src, const char *text, uint32_t len,
                        rc_dialect d, const rc_span *at);

/* A parse kept for the next version of the same file (the language server,
 * on every keystroke): the file is kept as pieces of whole statements, and
 * only the pieces an edit changed are parsed and lowered again (parse.c).
 * The result is the IR a fresh rc_parse gives. Opaque; owned by the caller. */
typedef struct rc_reparse rc_reparse;
/* As rc_parse; *keep (NULL the first time) holds the previous versions'
 * pieces: those whose bytes are unchanged are reused. */
rc_ir *rc_parse_keep(const rc_source *src, rc_dialect d, rc_reparse **keep);
/* The same with pieces cut at 1 in 2^bits top-level statements that start a
 * line and no minimum size (rc_parse_keep: 1 in 64, 256 bytes apart at least;
 * tests cut at every one with 0). */
rc_ir *rc_parse_keep_bits(const rc_source *src, rc_dialect d, rc_reparse **keep, unsigned bits);
void rc_reparse_free(rc_reparse *r);
/* Pieces the last parse reused from the version before (tests, benchmarks). */
size_t rc_reparse_reused(const rc_reparse *r);

/* Debug: the tree-sitter S-expression of a text (caller frees). */
char *rc_parse_sexp(const char *text, uint32_t len, rc_dialect d);

#endif
