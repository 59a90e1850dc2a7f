/* convert.c — see convert.h. */
#include "lsp/convert.h"

#include <string.h>

#include "base.h"
#include "json_text.h"

char *rc_lsp_file_uri(const rc_lsp_conv *c, const rc_file *f) {
  char *u = c->uri_of ? c->uri_of(c->ud, f) : NULL;
  return u ? u : rc_lsp_path_to_uri(f->fs_path ? f->fs_path : f->path);
}

static int lsp_severity(rc_severity s) {
  switch (s) {
  case RC_SEV_ERROR: return 1;
  case RC_SEV_WARNING: return 2;
  case RC_SEV_INFO: return 3;
  default: return 4; /* style: a hint */
  }
}

/* "only in: zsh login, zsh vscode" when the finding does not hold in every
 * context that reads the file. */
static void contexts_note(const rc_lsp_conv *c, rc_session *S, const rc_diag *d, rc_buf *b) {
  bool all = true, any = false;
  for (int sh = 0; sh < RC_SH_COUNT; sh++) {
    if (c->read_in[sh] & ~d->ctx_mask[sh]) all = false;
    if (d->ctx_mask[sh]) any = true;
  }
  if (all || !any) return;
  rc_buf_printf(b, "\nonly in: %s", rc_diag_contexts_text(S, d));
}

json_t *rc_lsp_diagnostic(const rc_lsp_conv *c, rc_session *S, const rc_diag *d) {
  json_t *j = json_object();
  json_object_set_new(j, "range", rc_lsp_range(d->file->src, d->span, c->enc));
  json_object_set_new(j, "severity", json_integer(lsp_severity(d->severity)));
  json_object_set_new(j, "code", json_string(d->rule->id));
  const char *url = d->rule->url;
  char *owned = NULL;
  if (!url && c->rules_url && *c->rules_url) url = owned = rc_xasprintf("%s#%s", c->rules_url, d->rule->id);
  if (url) json_object_set_new(j, "codeDescription", json_pack("{s:o}", "href", rc_json_text(url)));
  free(owned);
  json_object_set_new(j, "source", json_string("rccheck"));
  rc_buf m = {0};
  rc_buf_printf(&m, "%s [%s]", d->message, d->rule->name);
  contexts_note(c, S, d, &m);
  json_object_set_new(j, "message", rc_json_text(m.s));
  rc_buf_free(&m);
  if (d->notes.n) {
    json_t *rel = json_array();
    for (size_t i = 0; i < d->notes.n; i++) {
      const rc_related *r = &d->notes.v[i];
      char *uri = rc_lsp_file_uri(c, r->file);
      json_array_append_new(rel, json_pack("{s:{s:o,s:o},s:o}", "location", "uri", rc_json_text(uri), "range",
                                           rc_lsp_range(r->file->src, r->span, c->enc), "message",
                                           rc_json_text(r->message)));
      free(uri);
    }
    json_object_set_new(j, "relatedInformation", rel);
  }
  return j;
}

/* Adds a TextEdit to changes[uri]. */
static void add_edit(json_t *changes, const char *uri, json_t *range, const char *text) {
  json_t *list = json_object_get(changes, uri);
  if (!list) {
    list = json_array();
    json_object_set_new(changes, uri, list);
  }
  json_array_append_new(list, json_pack("{s:o,s:o}", "range", range, "newText", rc_json_text(text)));
}

static json_t *action(const char *title, bool preferred, json_t *changes) {
  json_t *a = json_pack("{s:o,s:s,s:{s:o}}", "title", rc_json_text(title), "kind", "quickfix", "edit", "changes", changes);
  if (preferred) json_object_set_new(a, "isPreferred", json_true());
  return a;
}

bool rc_lsp_disable_edit(const char *line, size_t len, const char *id, size_t *at, char **text) {
  size_t e = len;
  while (e && (line[e - 1] == ' ' || line[e - 1] == '\t')) e--;
  if (e && line[e - 1] == '\\') return false; /* a comment would end the continued command */
  static const char key[] = "rccheck disable=";
  const char *p = NULL;
  for (size_t i = 0; i + sizeof key - 1 <= e && !p; i++)
    if (!memcmp(line + i, key, sizeof key - 1)) p = line + i;
  if (p) {
    const char *q = p + sizeof key - 1;
    while (q < line + e && *q != ' ' && *q != '\t') q++;
    *at = (size_t)(q - line);
    *text = rc_xasprintf(",%s", id);
    return true;
  }
  *at = e;
  *text = rc_xasprintf("%s# rccheck disable=%s", e ? " " : "", id);
  return true;
}

json_t *rc_lsp_fix_action(const rc_lsp_conv *c, const rc_diag *d) {
  if (!d->has_fix || !d->edits.n) return NULL;
  json_t *changes = json_object();
  for (size_t i = 0; i < d->edits.n; i++) {
    const rc_edit *e = &d->edits.v[i];
    char *uri = rc_lsp_file_uri(c, e->file);
    add_edit(changes, uri, rc_lsp_range(e->file->src, e->span, c->enc), e->text);
    free(uri);
  }
  char *title = d->fix_safe ? rc_xstrdup(d->fix_title) : rc_xasprintf("%s (unsafe: check the result)", d->fix_title);
  json_t *a = action(title, d->fix_safe, changes);
  free(title);
  return a;
}

json_t *rc_lsp_disable_action(const rc_lsp_conv *c, const rc_diag *d) {
  const rc_source *s = d->file->src;
  uint32_t off, len;
  size_t at;
  char *text;
  /* a data file (settings.json, the go env file) has no `#` comments to put it in */
  if (!s || d->file->data || !d->span.line || !rc_source_line(s, d->span.line, &off, &len) ||
      !rc_lsp_disable_edit(s->text + off, len, d->rule->id, &at, &text))
    return NULL;
  rc_span sp = {.start = off + (uint32_t)at, .end = off + (uint32_t)at, .line = d->span.line};
  json_t *changes = json_object();
  char *uri = rc_lsp_file_uri(c, d->file);
  add_edit(changes, uri, rc_lsp_range(s, sp, c->enc), text);
  free(uri);
  free(text);
  char *title = rc_xasprintf("Disable %s (%s) on this line", d->rule->id, d->rule->name);
  json_t *a = action(title, false, changes);
  free(title);
  return a;
}
