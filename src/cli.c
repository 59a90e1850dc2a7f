/* cli.c — helpers shared by the subcommands. */
#include "cli.h"

#include <string.h>

unsigned rc_cli_shells(const rc_cli *c, rc_session *S) { return c->shells ? c->shells : rc_session_shells(S); }

unsigned rc_cli_ctxs(const rc_cli *c) { return c->ctxs ? c->ctxs : (1u << RC_CTX_COUNT) - 1; }

const char *rc_display_path(rc_session *S, const char *path) {
  if (!path) return "";
  size_t n = strlen(S->opt.home);
  if (n > 1 && !strncmp(path, S->opt.home, n) && (path[n] == '/' || path[n] == 0))
    return rc_arena_printf(&S->arena, "~%s", path + n);
  return path;
}
