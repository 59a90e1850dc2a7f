/* chain.h — which startup files each shell reads, per context and OS.
 * The plan is a list of steps; the evaluator walks it because some steps
 * depend on the state the earlier files leave ($ZDOTDIR, $BASH_ENV, NO_RCS). */
#ifndef RC_CHAIN_H
#define RC_CHAIN_H

#include <stdbool.h>

#include "session.h"

typedef enum rc_step_kind {
  RC_STEP_SYSTEM,   /* a fixed system file (under the sysroot) */
  RC_STEP_ZDOT,     /* ${ZDOTDIR:-$HOME}/<name>, looked up when reached */
  RC_STEP_HOME,     /* $HOME/<name> */
  RC_STEP_FIRST_OF, /* the first existing of $HOME/<names> */
  RC_STEP_ENVFILE,  /* the file named by a variable ($BASH_ENV, $ENV) */
} rc_step_kind;

typedef struct rc_step {
  rc_step_kind kind;
  const char *name;      /* path, file name, or variable */
  const char *alts[3];   /* FIRST_OF: the other candidates */
} rc_step;

enum { RC_PLAN_MAX = 12 };

typedef struct rc_plan {
  rc_step steps[RC_PLAN_MAX];
  unsigned n;
  rc_step exit_steps[2]; /* read when the shell exits (.zlogout, .bash_logout) */
  unsigned nexit;
  bool newuser;          /* zsh: the new-user script when ZDOTDIR has no dotfiles */
  bool login, interactive;
  bool ssh;              /* SSH_CLIENT set */
  bool vscode;           /* VSCODE_RESOLVING_ENVIRONMENT=1 */
  bool vscode_terminal;  /* VS Code's integrated terminal (vscode.h) */
  bool runs_precmd;      /* a prompt is drawn: precmd hooks run */
} rc_plan;

/* Builds the plan for a shell × context on an OS. */
void rc_chain_plan(rc_shell sh, rc_ctx_kind k, rc_os os, rc_plan *out);

/* Flags of a context independent of the shell. */
bool rc_ctx_is_login(rc_ctx_kind k);
bool rc_ctx_is_interactive(rc_ctx_kind k);

/* Stock system PATH of a fresh login session. */
const char *rc_default_path(rc_os os, bool root);

/* rccheck-supplied stand-ins for macOS system files when the sysroot has
 * none: returns the text or NULL. */
const char *rc_macos_stock_file(const char *path);

#endif
