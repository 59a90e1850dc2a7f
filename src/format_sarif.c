/* format_sarif.c — SARIF 2.1.0 as GitHub code scanning takes it: every rule
 * with its documentation, results with regions in UTF-16 columns, notes as
 * related locations linked from the message, fixes, and a fingerprint per
 * result so code scanning can follow a finding as lines move.
 *
 * URIs are relative to %SRCROOT%: the git work tree around the current
 * directory, else the current directory; a file outside it gets an absolute
 * file: URI. Written with jansson. */
#include <jansson.h>
#include <limits.h>
#include <string.h>

#include "cli.h"
#include "format.h"

#ifndef RC_VERSION
#define RC_VERSION "0.0.0"
#endif

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
/* Where code scanning links the tool name; rules link to their section of
 * docs/rules.md there. */
#define RC_INFORMATION_URI "https://github.com/rccheck/rccheck"
#define RC_RULES_DOC RC_INFORMATION_URI "/blob/main/docs/rules.md"
#define SRCROOT "%SRCROOT%"
#define FINGERPRINT_KEY "rccheckLineHash/v1"

typedef RC_VEC(const rc_rule *) rule_list;

typedef struct sarif {
  const rc_lint *L;
  rc_arena *A;
  const rc_format_opts *o;
  const char *cwd;
  char *base;      /* %SRCROOT% (malloc), or NULL */
  rule_list rules; /* the table, then rules only met in diagnostics */
  rc_map seen;     /* fingerprint → occurrences so far */
} sarif;

static json_t *msg(const char *text) { return json_pack("{s:s}", "text", text); }

static const char *level_of(rc_severity s) {
  return s == RC_SEV_ERROR ? "error" : s == RC_SEV_WARNING ? "warning" : "note";
}

/* Code scanning shows messages as sentences. */
static const char *sentence(rc_arena *A, const char *s) {
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\n')) n--;
  if (n && strchr(".!?", s[n - 1])) return rc_arena_strndup(A, s, n);
  return rc_arena_printf(A, "%.*s.", (int)n, s);
}

/* Message text may hold embedded links `[text](id)`: literal brackets are
 * escaped (SARIF §3.11.6), and so is a backslash before one. */
static void put_escaped(rc_buf *b, const char *s) {
  for (; *s; s++) {
    if (*s == '[' || *s == ']' || (*s == '\\' && (s[1] == '[' || s[1] == ']'))) rc_buf_putc(b, '\\');
    rc_buf_putc(b, *s);
  }
}

/* "sourced-file-missing" → "SourcedFileMissing" (SARIF's friendly names). */
static const char *pascal(rc_arena *A, const char *kebab) {
  char *s = rc_arena_strdup(A, kebab), *w = s;
  bool up = true;
  for (const char *p = kebab; *p; p++) {
    if (*p == '-' || *p == '_') {
      up = true;
      continue;
    }
    *w++ = up && *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p;
    up = false;
  }
  *w = 0;
  return s;
}

static size_t rule_index(sarif *X, const rc_rule *r) {
  for (size_t i = 0; i < X->rules.n; i++)
    if (X->rules.v[i] == r) return i;
  rc_vec_push(&X->rules, r);
  return X->rules.n - 1;
}

static json_t *rule_json(sarif *X, const rc_rule *r) {
  rc_arena *A = X->A;
  const char *help = rc_arena_printf(A, "%s\n\nWhy it hurts: %s\n\nFix: %s", r->what, r->why, r->fix);
  const char *md = rc_arena_printf(A,
                                   "**%s** `%s`\n\n## What it finds\n\n%s\n\n## Why it hurts\n\n%s\n\n## Example\n\n"
                                   "```sh\n%s```\n\n## Fix\n\n%s\n\n```sh\n%s```\n",
                                   r->id, r->name, r->what, r->why, r->bad, r->fix, r->good);
  json_t *conf = json_pack("{s:s}", "level", level_of(r->severity));
  if (r->off_by_default) json_object_set_new(conf, "enabled", json_false());
  json_t *j = json_pack("{s:s, s:s, s:o, s:o, s:{s:s, s:s}, s:o, s:{s:[s]}}", "id", r->id, "name",
                        pascal(A, r->name), "shortDescription", msg(sentence(A, r->summary)), "fullDescription",
                        msg(sentence(A, r->what)), "help", "text", help, "markdown", md, "defaultConfiguration", conf,
                        "properties", "tags", r->name);
  json_object_set_new(j, "helpUri", json_string(r->url ? r->url : rc_arena_printf(A, "%s#%s", RC_RULES_DOC, r->id)));
  return j;
}

/* ---- locations ---- */

/* `p` made absolute against cwd, with `.`, `..` and doubled slashes gone. */
static char *absolute(rc_arena *A, const char *cwd, const char *p) {
  char *in = p[0] == '/' || !cwd ? rc_arena_strdup(A, p) : rc_arena_printf(A, "%s/%s", cwd, p);
  char *out = rc_arena_alloc(A, strlen(in) + 2);
  size_t n = 0;
  for (char *seg = strtok(in, "/"); seg; seg = strtok(NULL, "/")) {
    if (!strcmp(seg, ".")) continue;
    if (!strcmp(seg, "..")) {
      while (n && out[n - 1] != '/') n--;
      if (n) n--;
      continue;
    }
    out[n++] = '/';
    strcpy(out + n, seg);
    n += strlen(seg);
  }
  if (!n) out[n++] = '/';
  out[n] = 0;
  return out;
}

static const char *percent_encode(rc_arena *A, const char *s) {
  rc_buf b = {0};
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
      rc_buf_putc(&b, (char)*p);
    else rc_buf_printf(&b, "%%%02X", *p);
  }
  const char *r = rc_arena_strdup(A, b.s ? b.s : "");
  rc_buf_free(&b);
  return r;
}

/* {"uri", "uriBaseId"}: relative to %SRCROOT% when the file is below it (as
 * named, else after resolving symlinks), else an absolute file: URI. */
static json_t *artifact(sarif *X, const rc_file *f) {
  const char *p = absolute(X->A, X->cwd, f->fs_path ? f->fs_path : f->path);
  const char *rel = X->base ? rc_path_below(p, X->base) : NULL;
  if (!rel && X->base && f->fs_path) {
    char *real = realpath(f->fs_path, NULL);
    if (real) {
      const char *r = rc_path_below(real, X->base);
      if (r) rel = p = rc_arena_strdup(X->A, r);
      free(real);
    }
  }
  if (rel) return json_pack("{s:s, s:s}", "uri", percent_encode(X->A, rel), "uriBaseId", SRCROOT);
  return json_pack("{s:s}", "uri", rc_arena_printf(X->A, "file://%s", percent_encode(X->A, p)));
}

/* SARIF counts columns in UTF-16 code units; spans count bytes. */
static uint32_t utf16_col(const rc_file *f, uint32_t line, uint32_t col) {
  uint32_t off, len;
  if (!col || !f->src || !rc_source_line(f->src, line, &off, &len)) return col ? col : 1;
  const unsigned char *t = (const unsigned char *)f->src->text + off;
  uint32_t n = col - 1, units = 0;
  for (uint32_t i = 0; i < n && i < len; i++) {
    if ((t[i] & 0xC0) == 0x80) continue;
    units += t[i] >= 0xF0 ? 2 : 1;
  }
  if (n > len) units += n - len;
  return units + 1;
}

static json_t *region(const rc_file *f, rc_span s) {
  uint32_t line = s.line ? s.line : 1;
  json_t *r = json_pack("{s:i, s:i}", "startLine", (json_int_t)line, "startColumn",
                        (json_int_t)utf16_col(f, line, s.line ? s.col : 1));
  if (s.line && s.end_line >= s.line && s.end_col &&
      (s.end_line > s.line || s.end_col > s.col)) {
    json_object_set_new(r, "endLine", json_integer(s.end_line));
    json_object_set_new(r, "endColumn", json_integer(utf16_col(f, s.end_line, s.end_col)));
  }
  return r;
}

/* The region's lines and one more on each side, for readers without the
 * file; NULL when that would not be larger than the region. */
static json_t *context_region(sarif *X, const rc_source *src, rc_span s) {
  uint32_t last = src->nlines - (src->len && src->text[src->len - 1] == '\n' ? 1 : 0);
  uint32_t endl = s.end_line > s.line ? s.end_line - (s.end_col <= 1) : s.line;
  uint32_t a = s.line > 1 ? s.line - 1 : 1, b = RC_MIN(endl + 1, last), off, len, eoff, elen;
  if (!s.line || s.line > last || b < a || !rc_source_line(src, a, &off, &len) || !rc_source_line(src, b, &eoff, &elen))
    return NULL;
  if (a == s.line && b == endl && s.col <= 1 && s.end_line == endl && s.end_col > elen) return NULL;
  if (eoff + elen - off > 16384) return NULL;
  return json_pack("{s:i, s:i, s:o}", "startLine", (json_int_t)a, "endLine", (json_int_t)b, "snippet",
                   msg(rc_arena_strndup(X->A, src->text + off, eoff + elen - off)));
}

static json_t *physical(sarif *X, const rc_file *f, rc_span s) {
  json_t *r = region(f, s);
  if (f->src && s.end > s.start && s.end <= f->src->len && s.end - s.start <= 4096)
    json_object_set_new(r, "snippet", msg(rc_arena_strndup(X->A, f->src->text + s.start, s.end - s.start)));
  json_t *p = json_pack("{s:o, s:o}", "artifactLocation", artifact(X, f), "region", r);
  json_t *ctx = f->src ? context_region(X, f->src, s) : NULL;
  if (ctx) json_object_set_new(p, "contextRegion", ctx);
  return json_pack("{s:o}", "physicalLocation", p);
}

/* ---- fingerprints ---- */

static uint64_t fnv1a(uint64_t h, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
  return h;
}

/* Rule, file and the flagged line's text without its indentation: stable
 * while lines move; `:n` tells apart the same finding on identical lines. */
static const char *fingerprint(sarif *X, const rc_diag *d, const char *uri) {
  uint64_t h = 0xcbf29ce484222325ULL;
  h = fnv1a(h, d->rule->id, strlen(d->rule->id) + 1);
  h = fnv1a(h, uri, strlen(uri) + 1);
  uint32_t off, len;
  if (d->file->src && d->span.line && rc_source_line(d->file->src, d->span.line, &off, &len)) {
    const char *t = d->file->src->text + off;
    while (len && (*t == ' ' || *t == '\t')) t++, len--;
    while (len && (t[len - 1] == ' ' || t[len - 1] == '\t')) len--;
    h = fnv1a(h, t, len);
  }
  char *key = rc_arena_printf(X->A, "%016llx", (unsigned long long)h);
  uintptr_t n = (uintptr_t)rc_map_get(&X->seen, key) + 1;
  rc_map_put(&X->seen, key, (void *)n);
  return rc_arena_printf(X->A, "%s:%lu", key, (unsigned long)n);
}

/* ---- results ---- */

static json_t *fix_json(sarif *X, const rc_diag *d) {
  json_t *changes = json_array();
  RC_VEC(const rc_file *) files = {0}; /* the file of each change */
  for (size_t i = 0; i < d->edits.n; i++) {
    const rc_edit *e = &d->edits.v[i];
    json_t *rep = json_pack("{s:{s:i, s:i}, s:o}", "deletedRegion", "byteOffset", (json_int_t)e->span.start,
                            "byteLength", (json_int_t)(e->span.end - e->span.start), "insertedContent", msg(e->text));
    size_t k = 0;
    while (k < files.n && files.v[k] != e->file) k++;
    if (k == files.n) {
      rc_vec_push(&files, e->file);
      json_array_append_new(changes, json_pack("{s:o, s:[]}", "artifactLocation", artifact(X, e->file), "replacements"));
    }
    json_array_append_new(json_object_get(json_array_get(changes, k), "replacements"), rep);
  }
  rc_vec_free(&files);
  return json_pack("{s:o, s:o, s:{s:b}}", "description", msg(sentence(X->A, d->fix_title)), "artifactChanges", changes,
                   "properties", "safe", d->fix_safe);
}

static json_t *result_json(sarif *X, const rc_diag *d) {
  const rc_lint *L = X->L;
  rc_buf text = {0};
  put_escaped(&text, sentence(X->A, d->message));
  json_t *related = json_array();
  for (size_t k = 0; k < d->notes.n; k++) {
    const rc_related *r = &d->notes.v[k];
    rc_buf_puts(&text, " See [");
    put_escaped(&text, rc_arena_printf(X->A, "%s:%u", rc_format_path(L->S, X->o, r->file),
                                       r->span.line ? r->span.line : 1));
    rc_buf_printf(&text, "](%zu): ", k + 1);
    put_escaped(&text, sentence(X->A, r->message));
    json_t *loc = physical(X, r->file, r->span);
    json_object_set_new(loc, "id", json_integer((json_int_t)k + 1));
    json_object_set_new(loc, "message", msg(r->message));
    json_array_append_new(related, loc);
  }
  json_t *loc = physical(X, d->file, d->span);
  const char *uri = json_string_value(json_object_get(json_object_get(json_object_get(loc, "physicalLocation"),
                                                                      "artifactLocation"), "uri"));
  json_t *ctxs = json_array();
  for (int sh = 0; sh < RC_SH_COUNT; sh++)
    for (int k = 0; k < RC_CTX_COUNT; k++)
      if (d->ctx_mask[sh] & (1u << k))
        json_array_append_new(ctxs, json_string(rc_arena_printf(X->A, "%s %s", rc_shell_name((rc_shell)sh),
                                                                rc_ctx_name((rc_ctx_kind)k))));
  json_t *j = json_pack("{s:s, s:i, s:s, s:o, s:[o]}", "ruleId", d->rule->id, "ruleIndex",
                        (json_int_t)rule_index(X, d->rule), "level", level_of(d->severity), "message",
                        msg(text.s), "locations", loc);
  rc_buf_free(&text);
  if (json_array_size(related)) json_object_set_new(j, "relatedLocations", related);
  else json_decref(related);
  json_object_set_new(j, "partialFingerprints", json_pack("{s:s}", FINGERPRINT_KEY, fingerprint(X, d, uri)));
  if (d->has_fix && d->edits.n) json_object_set_new(j, "fixes", json_pack("[o]", fix_json(X, d)));
  json_object_set_new(j, "properties", json_pack("{s:s, s:o}", "name", d->rule->name, "contexts", ctxs));
  return j;
}

void rc_format_sarif(const rc_lint *L, const rc_format_opts *o, FILE *out) {
  sarif X;
  memset(&X, 0, sizeof X);
  X.L = L;
  X.o = o;
  X.A = &L->S->arena;
  X.cwd = o->cwd;
  X.base = o->cwd ? rc_git_toplevel(o->cwd) : NULL;
  if (!X.base && o->cwd) X.base = rc_xstrdup(o->cwd);
  for (size_t i = 0; i < rc_rules_count; i++) rc_vec_push(&X.rules, rc_rules[i]);
  json_t *results = json_array();
  for (size_t i = 0; i < L->diags.n; i++) json_array_append_new(results, result_json(&X, L->diags.v[i]));
  json_t *rules = json_array();
  for (size_t i = 0; i < X.rules.n; i++) json_array_append_new(rules, rule_json(&X, X.rules.v[i]));
  json_t *inv = json_pack("{s:b}", "executionSuccessful", L->errors.n == 0);
  if (L->errors.n) {
    json_t *notes = json_array();
    for (size_t i = 0; i < L->errors.n; i++)
      json_array_append_new(notes, json_pack("{s:s, s:o}", "level", "error", "message", msg(sentence(X.A, L->errors.v[i]))));
    json_object_set_new(inv, "toolExecutionNotifications", notes);
  }
  json_t *run = json_pack("{s:{s:{s:s, s:s, s:s, s:s, s:o}}, s:[o], s:s, s:o}", "tool", "driver", "name", "rccheck",
                          "version", RC_VERSION, "semanticVersion", RC_VERSION, "informationUri", RC_INFORMATION_URI,
                          "rules", rules, "invocations", inv, "columnKind", "utf16CodeUnits", "results", results);
  if (X.base) {
    const char *u = percent_encode(X.A, X.base);
    json_object_set_new(run, "originalUriBaseIds",
                        json_pack("{s:{s:s}}", SRCROOT, "uri",
                                  rc_arena_printf(X.A, "file://%s%s", u, u[strlen(u) - 1] == '/' ? "" : "/")));
  }
  json_t *root = json_pack("{s:s, s:s, s:[o]}", "$schema", SARIF_SCHEMA, "version", "2.1.0", "runs", run);
  json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  fputc('\n', out);
  json_decref(root);
  free(X.base);
  rc_vec_free(&X.rules);
  rc_map_free(&X.seen);
}
