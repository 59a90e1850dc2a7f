/* config.h — `.rccheckrc` (INI, parsed with inih), found upward from each
 * analyzed file, over $XDG_CONFIG_HOME/rccheck/config.
 *
 *   [rccheck]
 *   disable = RC103, goroot-not-needed
 *   enable = RC210
 *   severity = info          ; minimum severity shown
 *   fail-on = warning        ; exit 1 from this severity up
 *   [severity]
 *   RC101 = error            ; per-rule severity
 *   [roles]
 *   zsh/zshrc = zshrc        ; role of a file in a dotfiles repository (glob)
 */
#ifndef RC_CONFIG_H
#define RC_CONFIG_H

#include "base.h"

typedef struct rc_config_kv {
  const char *key, *value;
} rc_config_kv;

typedef struct rc_config {
  const char *path;             /* where it was read from */
  RC_VEC(const char *) enable;
  RC_VEC(const char *) disable;
  int min_severity;             /* -1: not set */
  int fail_on;                  /* -1: not set */
  RC_VEC(rc_config_kv) severity;
  RC_VEC(rc_config_kv) roles;
  char *error;                  /* NULL, or what is wrong (malloc) */
} rc_config;

/* Reads an INI file into c (zeroed first). false: c->error says why. */
bool rc_config_load(const char *path, rc_config *c, rc_arena *A);
void rc_config_free(rc_config *c);

/* Nearest `.rccheckrc` in dir or its parents, or NULL (arena). */
const char *rc_config_find(const char *dir, rc_arena *A);
/* $XDG_CONFIG_HOME/rccheck/config (or ~/.config/rccheck/config) if it exists. */
const char *rc_config_user_path(rc_arena *A);

#endif
