/* text.h — the LSP's view of text: positions in UTF-8 or UTF-16 code units
 * (rccheck spans are byte offsets with 1-based byte columns) and file URIs.
 * JSON strings that are always valid UTF-8 come from rc_json_text
 * (json_text.h). */
#ifndef RC_LSP_TEXT_H
#define RC_LSP_TEXT_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ir.h"
#include "source.h"

typedef enum rc_lsp_enc { RC_ENC_UTF16 = 0, RC_ENC_UTF8 } rc_lsp_enc;

/* Code units of the first `bytes` bytes of a line (stops before a character
 * that `bytes` would cut). Invalid UTF-8 counts one unit per byte. */
uint32_t rc_lsp_units(const char *line, size_t len, size_t bytes, rc_lsp_enc enc);
/* Bytes of a line covered by `units` code units (clamped to the line). */
size_t rc_lsp_bytes(const char *line, size_t len, uint64_t units, rc_lsp_enc enc);

/* {"line", "character"} of byte offset `off` of a source (clamped). */
json_t *rc_lsp_position(const rc_source *s, uint32_t off, rc_lsp_enc enc);
/* {"start", "end"} of a span; without a source, from its line and byte columns. */
json_t *rc_lsp_range(const rc_source *s, rc_span sp, rc_lsp_enc enc);
/* Byte offset of an LSP position in `text` (positions past a line's end or
 * past the last line are clamped, as the protocol asks). */
size_t rc_lsp_offset(const char *text, size_t len, int64_t line, int64_t character, rc_lsp_enc enc);

/* The path of a `file:` URI (malloc), or NULL for other schemes and bad URIs. */
char *rc_lsp_uri_to_path(const char *uri);
/* `file://` URI of an absolute path (malloc). */
char *rc_lsp_path_to_uri(const char *path);

#endif
