/* chain.c — startup plans per shell × context × OS (see startup-files.md). */
#include "chain.h"

#include <string.h>

bool rc_ctx_is_login(rc_ctx_kind k) {
  return k == RC_CTX_LOGIN_INTERACTIVE || k == RC_CTX_LOGIN || k == RC_CTX_VSCODE;
}

bool rc_ctx_is_interactive(rc_ctx_kind k) {
  return k == RC_CTX_LOGIN_INTERACTIVE || k == RC_CTX_INTERACTIVE || k == RC_CTX_VSCODE;
}

static void add(rc_plan *p, rc_step_kind k, const char *name) {
  if (p->n >= RC_PLAN_MAX) return;
  rc_step s = {k, name, {NULL, NULL, NULL}};
  p->steps[p->n++] = s;
}

static void add_first_of(rc_plan *p, const char *a, const char *b, const char *c) {
  if (p->n >= RC_PLAN_MAX) return;
  rc_step s = {RC_STEP_FIRST_OF, a, {b, c, NULL}};
  p->steps[p->n++] = s;
}

void rc_chain_plan(rc_shell sh, rc_ctx_kind k, rc_os os, rc_plan *p) {
  memset(p, 0, sizeof *p);
  p->login = rc_ctx_is_login(k);
  p->interactive = rc_ctx_is_interactive(k);
  p->ssh = k == RC_CTX_SSH_COMMAND;
  p->vscode = k == RC_CTX_VSCODE;
  /* A prompt is drawn only in a real terminal session; `-c` and VS Code's
   * environment resolution run none, so precmd hooks never fire there. */
  p->runs_precmd = k == RC_CTX_LOGIN_INTERACTIVE || k == RC_CTX_INTERACTIVE;
  bool mac = os == RC_OS_MACOS;
  switch (sh) {
  case RC_SH_ZSH:
    add(p, RC_STEP_SYSTEM, mac ? "/etc/zshenv" : "/etc/zsh/zshenv");
    add(p, RC_STEP_ZDOT, ".zshenv");
    if (p->login) {
      add(p, RC_STEP_SYSTEM, mac ? "/etc/zprofile" : "/etc/zsh/zprofile");
      add(p, RC_STEP_ZDOT, ".zprofile");
    }
    if (p->interactive) {
      add(p, RC_STEP_SYSTEM, mac ? "/etc/zshrc" : "/etc/zsh/zshrc");
      add(p, RC_STEP_ZDOT, ".zshrc");
    }
    if (p->login) {
      add(p, RC_STEP_SYSTEM, mac ? "/etc/zlogin" : "/etc/zsh/zlogin");
      add(p, RC_STEP_ZDOT, ".zlogin");
    }
    if (p->login && p->interactive) { /* an interactive login shell, when it exits */
      p->exit_steps[p->nexit++] = (rc_step){RC_STEP_ZDOT, ".zlogout", {NULL, NULL, NULL}};
      p->exit_steps[p->nexit++] = (rc_step){RC_STEP_SYSTEM, mac ? "/etc/zlogout" : "/etc/zsh/zlogout", {NULL, NULL, NULL}};
    }
    /* Debian's zsh offers its new-user script to interactive shells that find
     * no dotfile in ZDOTDIR, right after /etc/zsh/zshenv. */
    p->newuser = p->interactive && !mac;
    break;
  case RC_SH_BASH:
    if (p->login) {
      add(p, RC_STEP_SYSTEM, "/etc/profile");
      add_first_of(p, ".bash_profile", ".bash_login", ".profile");
      if (!p->interactive) add(p, RC_STEP_ENVFILE, "BASH_ENV");
      /* bash -l -c and VS Code's resolver exit without reading it */
      if (k == RC_CTX_LOGIN_INTERACTIVE)
        p->exit_steps[p->nexit++] = (rc_step){RC_STEP_HOME, ".bash_logout", {NULL, NULL, NULL}};
    } else if (p->interactive) {
      if (!mac) add(p, RC_STEP_SYSTEM, "/etc/bash.bashrc");
      add(p, RC_STEP_HOME, ".bashrc");
    } else if (p->ssh && !mac) {
      /* Debian's bash sources the bashrc files when sshd runs it. */
      add(p, RC_STEP_SYSTEM, "/etc/bash.bashrc");
      add(p, RC_STEP_HOME, ".bashrc");
    } else {
      add(p, RC_STEP_ENVFILE, "BASH_ENV");
    }
    break;
  case RC_SH_SH:
  case RC_SH_COUNT:
    if (p->login) {
      add(p, RC_STEP_SYSTEM, "/etc/profile");
      add(p, RC_STEP_HOME, ".profile");
    }
    if (p->interactive) add(p, RC_STEP_ENVFILE, "ENV");
    break;
  }
}

const char *rc_default_path(rc_os os, bool root) {
  if (os == RC_OS_MACOS) return "/usr/bin:/bin:/usr/sbin:/sbin"; /* launchd */
  /* Debian's login(1) ENV_PATH / ENV_SUPATH (/etc/login.defs) */
  return root ? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
              : "/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games";
}

/* Stand-ins written for rccheck: they reproduce only what the stock macOS
 * files do to the environment (path_helper, sourcing /etc/bashrc). */
static const struct { const char *path, *text; } macos_stock[] = {
  {"/etc/zprofile",
   "# rccheck stand-in for the stock macOS /etc/zprofile: it runs path_helper.\n"
   "eval \"$(/usr/libexec/path_helper -s)\"\n"},
  {"/etc/zshrc", "# rccheck stand-in for the stock macOS /etc/zshrc (prompt and history only).\n"},
  {"/etc/profile",
   "# rccheck stand-in for the stock macOS /etc/profile: path_helper, then /etc/bashrc for bash.\n"
   "eval \"$(/usr/libexec/path_helper -s)\"\n"
   "if [ \"${BASH-no}\" != \"no\" ]; then\n"
   "  [ -r /etc/bashrc ] && . /etc/bashrc\n"
   "fi\n"},
  {"/etc/bashrc", "# rccheck stand-in for the stock macOS /etc/bashrc (prompt only).\n"},
  {"/etc/paths", "/usr/local/bin\n/usr/bin\n/bin\n/usr/sbin\n/sbin\n"},
};

const char *rc_macos_stock_file(const char *path) {
  for (size_t i = 0; i < RC_ARRAY_LEN(macos_stock); i++)
    if (!strcmp(path, macos_stock[i].path)) return macos_stock[i].text;
  return NULL;
}
