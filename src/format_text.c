/* format_text.c — text (with the source line and an underline), gcc (for
 * vim/emacs quickfix) and JSON (written with jansson). */
#include <jansson.h>
#include <string.h>

#include "cli.h"
#include "format.h"

const char *rc_format_path(rc_session *S, const rc_format_opts *o, const rc_file *f) {
  const char *p = f->fs_path ? f->fs_path : f->path;
  if (o && o->cwd) {
    size_t n = strlen(o->cwd);
    if (n > 1 && !strncmp(p, o->cwd, n) && p[n] == '/') return p + n + 1;
  }
  return rc_display_path(S, p);
}

static const char *sev_color(rc_severity s) {
  switch (s) {
  case RC_SEV_ERROR: return "\033[1;31m";
  case RC_SEV_WARNING: return "\033[1;33m";
  case RC_SEV_INFO: return "\033[1;36m";
  default: return "\033[1;32m";
  }
}

static void source_excerpt(const rc_diag *d, const rc_format_opts *o, FILE *out) {
  const rc_file *f = d->file;
  uint32_t off, len;
  if (!f->src || !d->span.line || !rc_source_line(f->src, d->span.line, &off, &len)) return;
  const char *t = f->src->text + off;
  fprintf(out, "%5u | ", d->span.line);
  for (uint32_t i = 0; i < len; i++) fputc(t[i] == '\t' ? ' ' : t[i], out);
  fputs("\n      | ", out);
  uint32_t a = d->span.col ? d->span.col - 1 : 0;
  uint32_t b = d->span.end_line == d->span.line && d->span.end_col > d->span.col ? d->span.end_col - 1 : len;
  if (b > len) b = len;
  if (b <= a) b = a + 1;
  for (uint32_t i = 0; i < a; i++) fputc(' ', out);
  if (o->color) fputs(sev_color(d->severity), out);
  fputc('^', out);
  for (uint32_t i = a + 1; i < b; i++) {
    /* count UTF-8 continuation bytes as part of the previous column */
    if (i < len && ((unsigned char)t[i] & 0xC0) == 0x80) continue;
    fputc('~', out);
  }
  if (o->color) fputs("\033[0m", out);
  fputc('\n', out);
}

void rc_format_text(const rc_lint *L, const rc_format_opts *o, FILE *out) {
  size_t counts[4] = {0};
  for (size_t i = 0; i < L->diags.n; i++) {
    const rc_diag *d = L->diags.v[i];
    counts[d->severity]++;
    const char *path = rc_format_path(L->S, o, d->file);
    uint32_t line = d->span.line ? d->span.line : 1, col = d->span.col ? d->span.col : 1;
    if (o->color)
      fprintf(out, "\033[1m%s:%u:%u:\033[0m %s%s:\033[0m %s \033[2m[%s %s]\033[0m\n", path, line, col,
              sev_color(d->severity), rc_severity_name(d->severity), d->message, d->rule->id, d->rule->name);
    else
      fprintf(out, "%s:%u:%u: %s: %s [%s %s]\n", path, line, col, rc_severity_name(d->severity), d->message,
              d->rule->id, d->rule->name);
    source_excerpt(d, o, out);
    for (size_t k = 0; k < d->notes.n; k++) {
      const rc_related *r = &d->notes.v[k];
      fprintf(out, "      = note: %s:%u: %s\n", rc_format_path(L->S, o, r->file), r->span.line ? r->span.line : 1,
              r->message);
    }
    const char *ctxs = rc_diag_contexts_text(L->S, d);
    if (*ctxs) fprintf(out, "      = in: %s\n", ctxs);
    if (d->has_fix)
      fprintf(out, "      = fix%s: %s\n", d->fix_safe ? "" : " (unsafe, not applied by --fix)", d->fix_title);
  }
  for (size_t i = 0; i < L->errors.n; i++) fprintf(out, "rccheck: %s\n", L->errors.v[i]);
  if (L->diags.n) {
    fprintf(out, "\n%zu finding%s:", L->diags.n, L->diags.n == 1 ? "" : "s");
    const char *names[] = {"style", "info", "warning", "error"};
    bool first = true;
    for (int s = 3; s >= 0; s--)
      if (counts[s])
        fprintf(out, "%s %zu %s%s", first ? "" : ",", counts[s], names[s], counts[s] > 1 && s >= 2 ? "s" : ""),
            first = false;
    fputc('\n', out);
  }
}

void rc_format_gcc(const rc_lint *L, const rc_format_opts *o, FILE *out) {
  for (size_t i = 0; i < L->diags.n; i++) {
    const rc_diag *d = L->diags.v[i];
    const char *kind = d->severity == RC_SEV_ERROR ? "error" : d->severity == RC_SEV_WARNING ? "warning" : "note";
    fprintf(out, "%s:%u:%u: %s: %s [%s]\n", rc_format_path(L->S, o, d->file), d->span.line ? d->span.line : 1,
            d->span.col ? d->span.col : 1, kind, d->message, d->rule->id);
    /* related locations as gcc prints them: quickfix lists them under it */
    for (size_t k = 0; k < d->notes.n; k++) {
      const rc_related *r = &d->notes.v[k];
      fprintf(out, "%s:%u:%u: note: %s\n", rc_format_path(L->S, o, r->file), r->span.line ? r->span.line : 1,
              r->span.col ? r->span.col : 1, r->message);
    }
  }
  for (size_t i = 0; i < L->errors.n; i++) fprintf(stderr, "rccheck: %s\n", L->errors.v[i]);
}

static json_t *pos(json_t *o, const rc_span *s, bool end) {
  json_object_set_new(o, "line", json_integer(s->line ? s->line : 1));
  json_object_set_new(o, "column", json_integer(s->col ? s->col : 1));
  if (end) {
    json_object_set_new(o, "endLine", json_integer(s->end_line ? s->end_line : 1));
    json_object_set_new(o, "endColumn", json_integer(s->end_col ? s->end_col : 1));
  }
  return o;
}

void rc_format_json(const rc_lint *L, const rc_format_opts *o, FILE *out) {
  json_t *arr = json_array();
  for (size_t i = 0; i < L->diags.n; i++) {
    const rc_diag *d = L->diags.v[i];
    json_t *j = json_object();
    json_object_set_new(j, "file", json_string(rc_format_path(L->S, o, d->file)));
    pos(j, &d->span, true);
    json_object_set_new(j, "severity", json_string(rc_severity_name(d->severity)));
    json_object_set_new(j, "code", json_string(d->rule->id));
    json_object_set_new(j, "name", json_string(d->rule->name));
    json_object_set_new(j, "message", json_string(d->message));
    json_t *ctxs = json_array();
    for (int sh = 0; sh < RC_SH_COUNT; sh++)
      for (int k = 0; k < RC_CTX_COUNT; k++)
        if (d->ctx_mask[sh] & (1u << k))
          json_array_append_new(ctxs, json_string(rc_arena_printf(&L->S->arena, "%s %s", rc_shell_name((rc_shell)sh),
                                                                  rc_ctx_name((rc_ctx_kind)k))));
    json_object_set_new(j, "contexts", ctxs);
    json_t *rel = json_array();
    for (size_t k = 0; k < d->notes.n; k++) {
      json_t *r = json_object();
      json_object_set_new(r, "file", json_string(rc_format_path(L->S, o, d->notes.v[k].file)));
      pos(r, &d->notes.v[k].span, false);
      json_object_set_new(r, "message", json_string(d->notes.v[k].message));
      json_array_append_new(rel, r);
    }
    json_object_set_new(j, "related", rel);
    if (d->has_fix) {
      json_t *fx = json_object(), *edits = json_array();
      json_object_set_new(fx, "applicability", json_string(d->fix_safe ? "safe" : "unsafe"));
      json_object_set_new(fx, "title", json_string(d->fix_title));
      for (size_t k = 0; k < d->edits.n; k++) {
        json_t *ed = json_object();
        json_object_set_new(ed, "file", json_string(rc_format_path(L->S, o, d->edits.v[k].file)));
        pos(ed, &d->edits.v[k].span, true);
        json_object_set_new(ed, "text", json_string(d->edits.v[k].text));
        json_array_append_new(edits, ed);
      }
      json_object_set_new(fx, "edits", edits);
      json_object_set_new(j, "fix", fx);
    } else {
      json_object_set_new(j, "fix", json_null());
    }
    json_array_append_new(arr, j);
  }
  json_t *root = json_object();
  json_object_set_new(root, "diagnostics", arr);
  if (L->errors.n) {
    json_t *errs = json_array();
    for (size_t i = 0; i < L->errors.n; i++) json_array_append_new(errs, json_string(L->errors.v[i]));
    json_object_set_new(root, "errors", errs);
  }
  json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  fputc('\n', out);
  json_decref(root);
}
