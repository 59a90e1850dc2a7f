/* fmt_rules.c — rules compiled only into the format and fix tests, standing
 * in for the Go rule pack until it is merged (see fmt_rules.h). */
#include "fmt_rules.h"

#include <string.h>

/* GOROOT exported with two different values: reported at the later
 * assignment, with a note at the first. */
static void goroot_check(rc_check *cx) {
  size_t n;
  const uint32_t *ids = rc_ctx_var_events(cx->ctx, "GOROOT", &n);
  const rc_event *first = NULL, *last = NULL;
  for (size_t i = 0; i < n; i++) {
    const rc_event *e = &cx->ctx->events.v[ids[i]];
    if (e->op != RC_OP_ASSIGN || !e->file || !rc_user_file(cx, e->file) || !e->after.val) continue;
    if (!first) first = e;
    last = e;
  }
  if (!first || first == last) return;
  const char *a = rc_str_text(&cx->S->arena, first->after.val, ' ');
  const char *b = rc_str_text(&cx->S->arena, last->after.val, ' ');
  if (!strcmp(a, b)) return;
  rc_diag *d = rc_report(cx, last->file, last->span, "GOROOT is set to %s here but to %s before", b, a);
  rc_note(d, first->file, first->span, "GOROOT is first set here");
}

const rc_rule rc_test_rule_goroot = {
  .id = "RC901",
  .name = "test-goroot-conflicting",
  .severity = RC_SEV_WARNING,
  .hook = RC_ON_CONTEXT,
  .summary = "Test rule: GOROOT is set to two different directories",
  .what = "GOROOT is assigned two different values along one startup chain.",
  .why = "Only the last one counts; the first misleads.",
  .fix = "Keep one assignment.",
  .bad = "# --- .zprofile\nexport GOROOT=/usr/local/go\n# --- .zshrc\nexport GOROOT=/opt/go\n",
  .good = "export GOROOT=/usr/local/go\n",
  .check = goroot_check,
};

static rc_span span_of(const rc_source *s, uint32_t a, uint32_t b) {
  rc_span sp = {.start = a, .end = b};
  rc_source_pos(s, a, &sp.line, &sp.col);
  rc_source_pos(s, b, &sp.end_line, &sp.end_col);
  return sp;
}

/* `/Cellar/go/<version>` in any line: the safe fix writes `/opt/go`. */
static void cellar_check(rc_check *cx) {
  const rc_source *s = cx->file->src;
  if (!s) return;
  for (const char *p = s->text; (p = strstr(p, "/Cellar/go/")); p++) {
    const char *e = p + strlen("/Cellar/go/");
    while (*e && *e != '/' && *e != '"' && *e != '\n' && *e != ':') e++;
    rc_span sp = span_of(s, (uint32_t)(p - s->text), (uint32_t)(e - s->text));
    rc_diag *d = rc_report(cx, cx->file, sp, "a versioned Cellar path breaks at the next brew upgrade");
    rc_fix_begin(d, true, "use the stable opt path");
    rc_fix_edit(d, cx->file, sp, "/opt/go");
  }
}

const rc_rule rc_test_rule_cellar = {
  .id = "RC905",
  .name = "test-cellar-path",
  .severity = RC_SEV_WARNING,
  .fixable = true,
  .hook = RC_ON_FILE,
  .summary = "Test rule: a versioned Homebrew Cellar path",
  .what = "A path into /Cellar/go/<version>.",
  .why = "It breaks at the next upgrade.",
  .fix = "Use $HOMEBREW_PREFIX/opt/go.",
  .bad = "export GOROOT=/opt/homebrew/Cellar/go/1.22.0/libexec\n",
  .good = "export GOROOT=/opt/homebrew/opt/go/libexec\n",
  .check = cellar_check,
};

/* A safe fix that rewrites the whole line holding a Cellar path: it
 * overlaps the fix of test-cellar-path. */
static void whole_line_check(rc_check *cx) {
  const rc_source *s = cx->file->src;
  if (!s) return;
  for (uint32_t l = 1; l <= s->nlines; l++) {
    uint32_t off, len;
    if (!rc_source_line(s, l, &off, &len) || !memmem(s->text + off, len, "/Cellar/go/", 11)) continue;
    rc_span sp = span_of(s, off, off + len);
    rc_diag *d = rc_report(cx, cx->file, sp, "this line is rewritten");
    rc_fix_begin(d, true, "rewrite the line");
    rc_fix_edit(d, cx->file, sp, "export GOROOT=/usr/local/go");
  }
}

const rc_rule rc_test_rule_whole_line = {
  .id = "RC906",
  .name = "test-whole-line",
  .severity = RC_SEV_INFO,
  .fixable = true,
  .hook = RC_ON_FILE,
  .summary = "Test rule: rewrites whole lines",
  .what = "Lines with a Cellar path.",
  .why = "To test overlapping fixes.",
  .fix = "Rewrite the line.",
  .bad = "export GOROOT=/opt/homebrew/Cellar/go/1.22.0/libexec\n",
  .good = "export GOROOT=/usr/local/go\n",
  .check = whole_line_check,
};
