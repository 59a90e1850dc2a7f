/* ts_fixups.h — length-preserving rewrites of valid bash that
 * tree-sitter-bash mis-parses silently (no ERROR node), applied to the copy
 * that is parsed; the lowering reads literal text from the original bytes. */
#ifndef RC_TS_FIXUPS_H
#define RC_TS_FIXUPS_H

#include <stdint.h>

/* Rewrites buf[0..len) in place; returns the number of rewrites. */
uint32_t rc_ts_fixups(char *buf, uint32_t len);

#endif
