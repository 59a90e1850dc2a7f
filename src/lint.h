/* lint.h — the default command: evaluate every context, run the rules,
 * apply suppressions and configuration, and decide the exit code. */
#ifndef RC_LINT_H
#define RC_LINT_H

#include "diag.h"

typedef struct rc_lint_opts {
  rc_session_opts sopt;
  unsigned shells;            /* 0: the home's shells */
  unsigned ctxs;              /* 0: all */
  char **files;               /* FILE arguments (dotfiles repositories) */
  int nfiles;
  int min_severity;           /* -1: from config, else style */
  int fail_on;                /* -1: from config, else warning */
  const char *enable[64];
  int nenable;
  const char *disable[64];
  int ndisable;
  const char *config_path;    /* --config FILE */
  bool no_config;
  /* Editor buffers: fs path → text (the language server). */
  const char *const *buffer_paths;
  const char *const *buffer_texts;
  int nbuffers;
} rc_lint_opts;

typedef struct rc_lint {
  rc_session *S;
  rc_diag_list diags;          /* shown, sorted */
  RC_VEC(char *) errors;       /* usage / configuration / I/O problems */
  rc_severity fail_on;
  int exit_code;
  /* private */
  rc_map seen;                 /* dedupe key → rc_diag* */
  rc_map user_files;           /* fs paths of the files diagnostics may point at */
  RC_VEC(uint8_t) user_memo;   /* by rc_file id: 0 not asked yet, 1 not the user's, 2 the user's */
  rc_map rule_sev;             /* id → severity+1 override */
  rc_map rule_on;              /* id → 1 enabled, 2 disabled */
  bool file_mode;
  bool virtual_home;           /* FILE mode without --home: the other dotfiles are unknown */
} rc_lint;

rc_lint *rc_lint_run(const rc_lint_opts *o);
/* The same with another rule table (tests run rules that are not in rc_rules). */
rc_lint *rc_lint_run_rules(const rc_lint_opts *o, const rc_rule *const *rules, size_t nrules);
void rc_lint_free(rc_lint *L);

/* The role of a dotfile from its name (`zshrc`, `dot_zshrc`, `zsh/zshrc`,
 * `zshrc.symlink` …): ".zshrc", ".bashrc" … or NULL. */
const char *rc_role_of_name(const char *path);

#endif
