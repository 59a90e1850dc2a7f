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
 * text is `~/.zshrc`. A first line `# rccheck-fixture: os=macos shell=zsh`
 * sets options. `# expect: NAME` at the end of a line expects NAME there; on
 * a line of its own, on the next line. */
#ifndef RC_RULE_H
#define RC_RULE_H

#include <stdarg.h>

#include "eval.h"
#include "ir.h"
#include "session.h"

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

/* The registry (rules/rules.c). */
extern const rc_rule *const rc_rules[];
extern const size_t rc_rules_count;
const rc_rule *rc_rule_find(const char *id_or_name);

#endif
