/* cli.h — options shared by the subcommands, and their entry points. */
#ifndef RC_CLI_H
#define RC_CLI_H

#include <stdio.h>

#include "eval.h"
#include "session.h"

enum { RC_EXIT_OK = 0, RC_EXIT_FINDINGS = 1, RC_EXIT_USAGE = 2 };

typedef struct rc_cli {
  rc_session_opts sopt;
  unsigned shells;   /* bit mask of rc_shell; 0: decided by the home */
  unsigned ctxs;     /* bit mask of rc_ctx_kind; 0: all */
  const char *format;
  bool diff;
  int color;         /* -1 auto, 0 never, 1 always */
  char **args;       /* positional arguments after the options */
  int nargs;
} rc_cli;

/* Shells and contexts to report, in a stable order. */
unsigned rc_cli_shells(const rc_cli *c, rc_session *S);
unsigned rc_cli_ctxs(const rc_cli *c);

/* "~/.zshrc" for a path in the home, else the path. Arena. */
const char *rc_display_path(rc_session *S, const char *path);
/* A value with the home directory shown as ~ (text output only). Arena. */
const char *rc_display_value(rc_session *S, const char *v);

int rc_cmd_chain(rc_cli *c, FILE *out);
int rc_cmd_env(rc_cli *c, FILE *out);
int rc_cmd_graph(rc_cli *c, FILE *out);

#endif
