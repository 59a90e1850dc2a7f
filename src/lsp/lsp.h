/* lsp.h — `rccheck lsp`: a language server over stdio, a thin client of the
 * lint engine. Open buffers replace their files on disk; a document is
 * analyzed as part of the home when the home's startup chain reads it, else
 * on its own with the role its name, a `# rccheck role=` directive or the
 * configuration gives it (the same as `rccheck lint FILE`). */
#ifndef RC_LSP_H
#define RC_LSP_H

#include "lint.h"

/* Serves one client on in/out until `exit` or end of input. `base` holds the
 * command line's lint options (home, sysroot, rules, configuration).
 * Returns the process exit code: 0 after shutdown + exit, else 1. */
int rc_lsp_serve(const rc_lint_opts *base, int in, int out);

#endif
