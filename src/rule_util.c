/* rule_util.c — helpers for rules (declared in rule.h). */
#include <string.h>

#include "cli.h"
#include "rule.h"

const rc_event *rc_alt_event(const rc_ctx *C, const rc_alt *a) {
  if (!a || a->event == RC_NO_EVENT || a->event >= C->events.n) return NULL;
  return &C->events.v[a->event];
}

rc_span rc_line_span(const rc_file *f, uint32_t line, bool with_newline) {
  rc_span s = {0};
  uint32_t off, len;
  if (!f->src || !rc_source_line(f->src, line, &off, &len)) return s;
  s.start = off;
  s.end = off + len;
  s.line = s.end_line = line;
  s.col = 1;
  s.end_col = len + 1;
  if (with_newline && s.end < f->src->len) {
    s.end++;
    s.end_line = line + 1;
    s.end_col = 1;
  }
  return s;
}

const char *rc_span_text(rc_session *S, const rc_file *f, rc_span span) {
  if (!f->src || span.end > f->src->len || span.start > span.end) return "";
  return rc_arena_strndup(&S->arena, f->src->text + span.start, span.end - span.start);
}

const char *rc_path(rc_session *S, const char *path) { return rc_display_path(S, path); }

const char *rc_where(rc_session *S, const rc_file *f, rc_span span) {
  if (!f) return "the initial environment";
  return rc_arena_printf(&S->arena, "%s:%u", rc_display_path(S, f->path), span.line);
}

const char *rc_var_text(rc_session *S, const rc_var *v) {
  if (rc_var_summary(v) != RC_SUM_SET) return NULL;
  return rc_str_text(&S->arena, v->alts[0].val, ' ');
}

