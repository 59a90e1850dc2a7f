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

/* Home paths read better as ~ in tables (text output only). */
const char *rc_display_value(rc_session *S, const char *v) {
  const char *home = S->opt.home;
  size_t hl = strlen(home);
  if (hl < 2) return v;
  rc_buf b = {0};
  for (const char *p = v; *p;) {
    bool at_start = p == v || p[-1] == ':' || p[-1] == ' ';
    if (at_start && !strncmp(p, home, hl) && (p[hl] == '/' || p[hl] == ':' || p[hl] == 0 || p[hl] == ' ')) {
      rc_buf_putc(&b, '~');
      p += hl;
      continue;
    }
    rc_buf_putc(&b, *p++);
  }
  const char *r = rc_arena_strdup(&S->arena, b.s ? b.s : "");
  rc_buf_free(&b);
  return r;
}

