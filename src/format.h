/* format.h — output formats of the linter. Each writes the whole result. */
#ifndef RC_FORMAT_H
#define RC_FORMAT_H

#include <stdio.h>

#include "lint.h"

typedef struct rc_format_opts {
  bool color;
  const char *cwd; /* paths are shown relative to it, or as ~/… */
} rc_format_opts;

/* How a diagnostic's file is shown. */
const char *rc_format_path(rc_session *S, const rc_format_opts *o, const rc_file *f);

void rc_format_text(const rc_lint *L, const rc_format_opts *o, FILE *out);
void rc_format_gcc(const rc_lint *L, const rc_format_opts *o, FILE *out);
void rc_format_json(const rc_lint *L, const rc_format_opts *o, FILE *out);
/* SARIF 2.1.0 for code scanning: URIs relative to the git work tree around
 * o->cwd (else o->cwd) under the base id %SRCROOT%. */
void rc_format_sarif(const rc_lint *L, const rc_format_opts *o, FILE *out);
/* The safe fixes as a unified diff (fix.h); what is left out, and where the
 * patch applies when not in o->cwd, goes to `err`. */
void rc_format_diff(const rc_lint *L, const rc_format_opts *o, FILE *out, FILE *err);

/* The top of the git work tree holding `dir` (malloc), or NULL. */
char *rc_git_toplevel(const char *dir);
/* `path` relative to `dir` when strictly below it, else NULL. */
const char *rc_path_below(const char *path, const char *dir);

#endif
