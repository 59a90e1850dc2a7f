/* zsh_prepass.c — see zsh_prepass.h. */
#include "zsh_prepass.h"

uint32_t rc_zsh_prepass(char *buf, uint32_t len) {
  (void)buf;
  (void)len;
  return 0;
}
