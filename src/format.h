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

#endif
