/* rule.h — the only header a rule includes.
 *
 * A rule is a descriptor (id, name, severity, docs, a bad and a good
 * snippet) and one check function. The engine calls the check per evaluated
 * context (RC_ON_CONTEXT), once per lint with every context (RC_ON_HOME), or
 * per analyzed file (RC_ON_FILE). A rule reads the IR (ir.h) and the
 * evaluation (eval.h), and reports with rc_report(); a finding reported in
 * several contexts is merged into one diagnostic listing them.
 *
 * Snippets and fixtures are homes written as text: lines `# --- PATH` start a
 * file (relative to the home, or /etc/… in the sysroot); with no marker the
 * text is `~/.zshrc`; a file whose first line starts with `#!` is made
 * executable (a stand-in program). A first line `# rccheck-fixture: os=macos shell=zsh`
 * sets options. `# expect: NAME` at the end of a line expects NAME there; on
 * a line of its own, on the next line. */
#ifndef RC_RULE_H
#define RC_RULE_H

#include <stdarg.h>

#include "eval.h"
#include "ir.h"
#include "session.h"
#include "vscode.h"

typedef enum rc_severity {
  RC_SEV_STYLE = 0,
  RC_SEV_INFO,
  RC_SEV_WARNING,
  RC_SEV_ERROR,
} rc_severity;

const char *rc_severity_name(rc_severity s);
bool rc_severity_parse(const char *s, rc_severity *out);

typedef enum rc_rule_hook {
  RC_ON_CONTEXT, /* once per evaluated shell × context */
  RC_ON_HOME,    /* once per lint, with every context */
  RC_ON_FILE,    /* once per analyzed file (its IR) */
} rc_rule_hook;

typedef struct rc_check rc_check;

typedef struct rc_rule {
  const char *id;       /* "RC101": stable, grouped by family */
  const char *name;     /* kebab-case, names the problem */
  rc_severity severity; /* default */
  bool fixable;         /* offers an automatic fix */
  bool off_by_default;
  bool needs_home;      /* judges the whole set of startup files: skipped when
                           linting loose files (pre-commit) without --home */
  rc_rule_hook hook;
  const char *summary;  /* one line */
  const char *what;     /* doc: what it finds */
  const char *why;      /* doc: why it hurts */
  const char *fix;      /* doc: how to fix it */
  const char *bad;      /* a home where the rule fires (and nothing else) */
  const char *good;     /* the same home fixed: nothing fires */
  const char *url;      /* optional link to more documentation */
  void (*check)(rc_check *cx);
} rc_rule;

typedef struct rc_diag rc_diag;

/* What a check function sees. */
struct rc_check {
  const rc_rule *rule;
  rc_session *S;
  rc_ctx *ctx;          /* RC_ON_CONTEXT */
  rc_ctx *const *ctxs;  /* RC_ON_HOME: all evaluated contexts */
  size_t nctxs;
  const rc_file *file;  /* RC_ON_FILE */
  void *engine;         /* private */
};

/* Reports a finding at `span` of `file`; returns it for notes and fixes.
 * Returns NULL (and drops it) when the file is not one the user analyzes
 * (a system file, say): the caller may ignore the result. */
rc_diag *rc_report(rc_check *cx, const rc_file *file, rc_span span, const char *fmt, ...) RC_PRINTF(4, 5);
/* A related location ("first set at ~/.zprofile:2"). */
void rc_note(rc_diag *d, const rc_file *file, rc_span span, const char *fmt, ...) RC_PRINTF(4, 5);
/* Starts a fix; safe fixes are applied by --fix and shown by --format diff. */
void rc_fix_begin(rc_diag *d, bool safe, const char *title);
/* Adds a byte-range replacement to the fix. */
void rc_fix_edit(rc_diag *d, const rc_file *file, rc_span span, const char *text);
/* Gives this finding another severity than the rule's default (a rule
 * whose findings differ in weight); configuration still overrides it. */
void rc_diag_severity(rc_diag *d, rc_severity s);
/* Marks the finding as holding in this context (RC_ON_HOME rules). */
void rc_diag_add_context(rc_diag *d, rc_shell sh, rc_ctx_kind k);

/* ---- helpers for rules ---- */

/* The event that produced a value outcome (or NULL). */
const rc_event *rc_alt_event(const rc_ctx *C, const rc_alt *a);
/* A span covering a whole line of a file (for line-level fixes). */
rc_span rc_line_span(const rc_file *f, uint32_t line, bool with_newline);
/* Text of a span (arena). */
const char *rc_span_text(rc_session *S, const rc_file *f, rc_span span);
/* "~/.zshrc" for a path in the home, else the path. */
const char *rc_path(rc_session *S, const char *path);
/* "~/.zprofile:2" */
const char *rc_where(rc_session *S, const rc_file *f, rc_span span);
/* Is the event in a file the user analyzes (not a system file)? */
bool rc_user_file(rc_check *cx, const rc_file *f);
/* Final value text of a variable if certain, else NULL. */
const char *rc_var_text(rc_session *S, const rc_var *v);

/* Does the event give the variable a value (assign, append, default, a
 * manager's effect, a loop)? */
bool rc_event_sets(const rc_event *ev);
/* The value after the event as the user reads it (`:` between array
 * elements), or NULL when the event leaves it unset. */
const char *rc_event_text(rc_session *S, const rc_event *ev);
/* Is the statement at `span` conditional in its file: inside an if, case or
 * loop body, a function, or on the right of && / ||? */
bool rc_span_guarded(const rc_file *f, rc_span span);
/* Calls fn on every statement of a list, nested ones included (command
 * substitutions excepted). */
void rc_stmts_walk(const rc_stmts *ss, void (*fn)(const rc_stmt *s, void *data), void *data);
/* Does a model path exist in the analyzed system (the home or the sysroot)?
 * kind 'e' anything, 'f' regular file, 'd' directory. */
bool rc_path_exists(rc_session *S, const char *model_path, char kind);
/* A file read as data, not shell (the go env file): NULL when it does not
 * exist. Diagnostics may point into it when it lies in the home. */
const rc_file *rc_user_data_file(rc_check *cx, const char *model_path);

/* ---- Go toolchain helpers (rule_go.c) ---- */

/* A path without a trailing slash or doubled slashes (arena). */
const char *rc_go_clean(rc_session *S, const char *path);
/* Is `path` equal to `dir` or inside it (both cleaned)? */
bool rc_go_under(rc_session *S, const char *path, const char *dir);
/* Is the event a Go version manager's (or a manager's own file's)? */
bool rc_go_manager_event(const rc_event *ev);

/* One Go version manager set up in a context. */
typedef struct rc_go_mgr {
  const char *name;    /* "goenv", "gvm", "asdf", "mise", "voidint/g", "stefanmaric/g", "homebrew", "sdk" */
  const rc_file *file; /* the init line (in the user's file when it is sourced) */
  rc_span span;
  uint32_t event;      /* its first event */
  const rc_cond *cond;
  const char *dir;     /* the PATH entry that provides `go`, or NULL */
  bool system;         /* set up by a system file (/etc/profile.d, path_helper) */
  bool by_precedence;  /* counts only when its dir comes first on PATH (Homebrew, system SDK) */
} rc_go_mgr;
/* The Go version managers active in a context, in order (at most max). */
size_t rc_go_managers(rc_session *S, const rc_ctx *C, rc_go_mgr *out, size_t max);
/* Position of `dir` in the final PATH of C (0-based), or -1. */
int rc_go_path_pos(rc_session *S, const rc_ctx *C, const char *dir);
/* Does the home show that a manager handles Go (asdf, mise: plugin, tool
 * versions, config)? */
bool rc_go_manager_has_go(rc_session *S, const rc_ctx *C, const char *name);

/* The go env file of a context: $GOENV, else the OS default under the home.
 * NULL when GOENV is off or not known statically. */
const char *rc_go_env_path(rc_session *S, const rc_ctx *C);
typedef struct rc_go_setting {
  const char *key, *value;
  rc_span span;        /* the whole line */
} rc_go_setting;
/* The KEY=value lines of a go env file (at most max). */
size_t rc_go_env_settings(rc_session *S, const rc_file *f, rc_go_setting *out, size_t max);
/* A context of the home's startup chain (not a file analyzed on its own). */
bool rc_ctx_is_home(rc_check *cx, const rc_ctx *C);

/* Presence across contexts: an exported variable or a PATH entry that a line
 * of a user file sets in some contexts of a shell, and the contexts of the
 * same shell that end without it. */
typedef struct rc_presence {
  rc_shell shell;
  const char *name;    /* the variable, or the PATH entry's text */
  bool entry;          /* a PATH entry */
  const rc_ctx *ctx;   /* a context where the line sets it */
  const rc_event *ev;  /* the line (in ctx) */
  uint32_t set;        /* contexts (bits of rc_ctx_kind) where this line sets it */
  uint32_t missing;    /* contexts where it is unset (or not on PATH) on every path */
} rc_presence;
typedef RC_VEC(rc_presence) rc_presences;
/* Every such item with a non-empty `missing`, one per name and setting line
 * (RC_ON_HOME rules). The caller frees the vector. */
void rc_presence_scan(rc_check *cx, rc_presences *out);
/* For each item of ps: is it the one line per shell and name (variables and
 * PATH entries apart) that sets it in the most contexts, the first of equals?
 * A malloc'ed array of ps->n flags. */
bool *rc_presence_best(rc_check *cx, const rc_presences *ps);

/* A variable's events (commit order) with the smallest id from each
 * position on: "the latest event before this one" by bisection instead of
 * a walk over all of them (rules asking it for every event were quadratic). */
typedef struct rc_var_hist {
  const uint32_t *ids;
  uint32_t *sufmin;
  size_t n;
} rc_var_hist;
void rc_var_hist_init(rc_var_hist *h, const rc_ctx *C, const char *var);
void rc_var_hist_free(rc_var_hist *h);
/* The last of var's events (commit order) with an id below `id` that is not
 * a join and not in a branch exclusive with `cond`; NULL when none. */
const rc_event *rc_var_hist_before(const rc_ctx *C, const rc_var_hist *h, uint32_t id, const rc_cond *cond);
/* The top startup file of the chain entry that holds an event (the file the
 * shell itself read), or NULL. */
const rc_visit *rc_event_startup_visit(const rc_ctx *C, const rc_event *ev);
/* The line of that startup file that leads to the event: the event itself,
 * or the `source` line that reads the file holding it. */
void rc_event_startup_line(const rc_ctx *C, const rc_event *ev, const rc_file **file, rc_span *span);
/* Bit i set when cx->ctxs holds shell sh's context kind i (home contexts). */
uint32_t rc_shell_ctx_mask(rc_check *cx, rc_shell sh);
/* The home context of shell × kind among cx->ctxs (RC_ON_HOME), or NULL. */
rc_ctx *rc_find_ctx(rc_check *cx, rc_shell sh, rc_ctx_kind k);

/* The event with this id in C (an rc_entry's origin, say), or NULL
 * (RC_NO_EVENT). */
const rc_event *rc_ctx_event(const rc_ctx *C, uint32_t id);
/* The value of an exported variable that is set with one certain value, and
 * in *ev the event that gave it (or NULL); NULL otherwise. */
const char *rc_exported_text(rc_session *S, const rc_ctx *C, const char *var, const rc_event **ev);
/* The ':'-separated entries of such a variable, with their origins, appended
 * to out (nothing otherwise). The caller frees out. */
void rc_exported_entries(rc_session *S, const rc_ctx *C, const char *var, rc_entries *out);
/* Does ev give var a value written by hand in a user file: not a manager's,
 * and not one that reads var again (GOROOT=${GOROOT:-…} keeps a value)? */
bool rc_event_by_hand(rc_check *cx, const rc_event *ev, const char *var);
/* Where to report a problem: its span, or line 1 when it has none (a file
 * that could not be read). */
rc_span rc_problem_span(const rc_problem *p);

/* The registry (rules/rules.c). */
extern const rc_rule *const rc_rules[];
extern const size_t rc_rules_count;
const rc_rule *rc_rule_find(const char *id_or_name);

#endif
