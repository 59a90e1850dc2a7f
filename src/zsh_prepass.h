/* zsh_prepass.h — length-preserving rewrite of zsh-only syntax into text
 * tree-sitter-bash can parse. Every byte keeps its offset and every newline
 * stays, so spans in the rewritten text are spans in the original. */
#ifndef RC_ZSH_PREPASS_H
#define RC_ZSH_PREPASS_H

#include <stdint.h>

/* Rewrites buf[0..len) in place; returns the number of rewrites made. */
uint32_t rc_zsh_prepass(char *buf, uint32_t len);

#endif
