/* recover.h — keeps a parse error inside the top-level statement it starts
 * in (used by parse.c only; tree-sitter types stay in parse/lower/recover). */
#ifndef RC_RECOVER_H
#define RC_RECOVER_H

#include <tree_sitter/api.h>

#include "ir.h"

/* Lowers text[0..len) into ir as rc_lower_tree would, but parses it in
 * pieces cut at `starts` (offsets where top-level statements begin a line,
 * ascending), so that one bad construct cannot swallow the statements after
 * it. `text` is what tree-sitter parses, `orig` the original bytes. */
void rc_recover_lower(rc_ir *ir, const TSLanguage *lang, const char *text, const char *orig, uint32_t len,
                      const uint32_t *starts, uint32_t nstarts);

#endif
