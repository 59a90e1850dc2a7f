/* RC105 homebrew-cellar-path */
#include <stdlib.h>
#include <string.h>

#include "rule.h"

/* In `text`, the next versioned Cellar path of go from `from`: the offsets
 * of "Cellar/go/1.21.4" (or "Cellar/go@1.21/1.21.5") and of the prefix
 * before it, if one is written literally. */
typedef struct cellar {
  size_t start, end;   /* "Cellar/go…/<version>" */
  size_t prefix;       /* start of a literal absolute prefix, or start */
  const char *formula; /* "go", "go@1.21" */
} cellar;

static bool next_cellar(rc_session *S, const char *text, size_t from, cellar *c) {
  for (const char *p = strstr(text + from, "/Cellar/go"); p; p = strstr(p + 1, "/Cellar/go")) {
    const char *f = p + 8, *q = f + 2;
    if (*q == '@')
      while (*q && *q != '/') q++;
    if (*q != '/' || !(q[1] >= '0' && q[1] <= '9')) continue;
    const char *v = q + 1;
    while (*v && *v != '/' && *v != '"' && *v != '\'' && *v != ':' && *v != ' ') v++;
    c->start = (size_t)(p + 1 - text);
    c->end = (size_t)(v - text);
    c->formula = rc_arena_strndup(&S->arena, f, (size_t)(q - f));
    size_t b = c->start - 1;
    while (b > 0 && text[b - 1] != '"' && text[b - 1] != '=' && text[b - 1] != ':' && text[b - 1] != ' ' &&
           text[b - 1] != '\'' && text[b - 1] != '$' && text[b - 1] != '}' && text[b - 1] != ')')
      b--;
    c->prefix = text[b] == '/' && (b == 0 || text[b - 1] != '}') ? b : c->start;
    return true;
  }
  return false;
}

typedef struct site {
  const rc_event *ev;
  bool all_shellenv; /* brew shellenv ran before it in every context */
  uint32_t ctxs[RC_SH_COUNT];
} site;

static bool shellenv_before(const rc_ctx *C, const rc_event *ev, const char *prefix) {
  size_t n;
  const uint32_t *ids = rc_ctx_var_events(C, "HOMEBREW_PREFIX", &n);
  for (size_t i = 0; i < n; i++) {
    const rc_event *b = &C->events.v[ids[i]];
    if (b->id < ev->id && b->manager && !strcmp(b->manager, "brew") && !rc_cond_exclusive(b->cond, ev->cond) &&
        b->after.state == RC_VS_SET && rc_str_is(b->after.val, prefix))
      return true;
  }
  return false;
}

static rc_span sub(rc_span s, size_t a, size_t b) {
  rc_span r = s;
  r.start = s.start + (uint32_t)a;
  r.end = s.start + (uint32_t)b;
  r.col = s.col + (uint32_t)a;
  r.end_line = r.line;
  r.end_col = s.col + (uint32_t)b;
  return r;
}

static void report(rc_check *cx, const site *s) {
  const rc_event *ev = s->ev;
  const char *text = rc_span_text(cx->S, ev->file, ev->span);
  cellar ce;
  next_cellar(cx->S, text, 0, &ce);
  const char *path = rc_arena_strndup(&cx->S->arena, text + ce.start, ce.end - ce.start);
  rc_diag *d = rc_report(cx, ev->file, ev->span,
                         "versioned Homebrew path `%s`: `brew upgrade` deletes that folder and this line breaks; "
                         "`opt/%s` always points at the installed version",
                         path, ce.formula);
  for (int sh = 0; sh < RC_SH_COUNT; sh++)
    for (int k = 0; k < RC_CTX_COUNT; k++)
      if (s->ctxs[sh] & (1u << k)) rc_diag_add_context(d, (rc_shell)sh, (rc_ctx_kind)k);
  bool quoted1 = strchr(text, '\'') != NULL;
  bool use_var = s->all_shellenv && !quoted1;
  rc_fix_begin(d, true, use_var ? "use $HOMEBREW_PREFIX/opt/…" : "use the stable opt/ path");
  for (size_t at = 0; next_cellar(cx->S, text, at, &ce); at = ce.end) {
    if (use_var && ce.prefix < ce.start)
      rc_fix_edit(d, ev->file, sub(ev->span, ce.prefix, ce.end),
                  rc_arena_printf(&cx->S->arena, "$HOMEBREW_PREFIX/opt/%s", ce.formula));
    else
      rc_fix_edit(d, ev->file, sub(ev->span, ce.start, ce.end), rc_arena_printf(&cx->S->arena, "opt/%s", ce.formula));
  }
}

/* Does the value after ev mention /Cellar/go? (A scratch copy: the text of
 * every PATH line would otherwise stay in the arena.) */
/* The line itself names a Cellar path (next_cellar looks there): checked
 * first, as it is cheap, where mentions_cellar copies the whole value. */
static bool line_mentions_cellar(const rc_event *ev) {
  const rc_file *f = ev->file;
  if (!f || !f->src || ev->span.end > f->src->len || ev->span.start > ev->span.end) return false;
  return memmem(f->src->text + ev->span.start, ev->span.end - ev->span.start, "/Cellar/go", 10) != NULL;
}

static bool mentions_cellar(const rc_event *ev) {
  const rc_str *v = ev->after.state == RC_VS_UNSET ? NULL : ev->after.val;
  if (!v) return true; /* rc_event_text decides */
  rc_buf b = {0};
  bool first = true;
  for (uint32_t i = 0; i < v->nseg; i++) {
    if (v->seg[i].kind == RC_SEG_SEP) {
      if (!first) rc_buf_putc(&b, ':');
      first = false;
      continue;
    }
    rc_buf_add(&b, v->seg[i].s, v->seg[i].n);
  }
  bool hit = b.s && strstr(b.s, "/Cellar/go");
  rc_buf_free(&b);
  return hit;
}

static void check(rc_check *cx) {
  RC_VEC(site) sites = {0};
  rc_map seen = {0}; /* "file id:offset" → index in sites + 1 */
  static const char *const vars[] = {"GOROOT", "PATH", "GOPATH", "GOBIN", "GOROOT_BOOTSTRAP"};
  for (size_t c = 0; c < cx->nctxs; c++) {
    const rc_ctx *C = cx->ctxs[c];
    for (size_t v = 0; v < RC_ARRAY_LEN(vars); v++) {
      size_t n;
      const uint32_t *ids = rc_ctx_var_events(C, vars[v], &n);
      for (size_t i = 0; i < n; i++) {
        const rc_event *ev = &C->events.v[ids[i]];
        if (ev->manager || !rc_event_sets(ev) || !rc_user_file(cx, ev->file) || !line_mentions_cellar(ev) ||
            !mentions_cellar(ev))
          continue;
        const char *val = rc_event_text(cx->S, ev);
        const char *text = rc_span_text(cx->S, ev->file, ev->span);
        cellar ce;
        if (!val || !strstr(val, "/Cellar/go") || !next_cellar(cx->S, text, 0, &ce)) continue;
        /* no literal prefix (`x/Cellar/go/…`): prefix == start, nothing to copy */
        bool se = ce.prefix < ce.start &&
                  shellenv_before(C, ev, rc_arena_strndup(&cx->S->arena, text + ce.prefix, ce.start - 1 - ce.prefix));
        const char *key = rc_arena_printf(&cx->S->arena, "%u:%u", ev->file->id, ev->span.start);
        size_t at = (size_t)(uintptr_t)rc_map_get(&seen, key);
        if (!at) {
          rc_vec_push(&sites, ((site){.ev = ev, .all_shellenv = se}));
          rc_map_put(&seen, key, (void *)(uintptr_t)(at = sites.n));
        }
        site *s = &sites.v[at - 1];
        s->all_shellenv &= se;
        s->ctxs[C->shell] |= 1u << C->kind;
      }
    }
  }
  for (size_t k = 0; k < sites.n; k++) report(cx, &sites.v[k]);
  rc_vec_free(&sites);
  rc_map_free(&seen);
}

const rc_rule rc_rule_rc105 = {
  .id = "RC105",
  .name = "homebrew-cellar-path",
  .severity = RC_SEV_WARNING,
  .fixable = true,
  .hook = RC_ON_HOME,
  .summary = "GOROOT or PATH names a versioned Homebrew Cellar folder",
  .what = "A path like `/opt/homebrew/Cellar/go/1.21.4/libexec` in GOROOT, GOROOT_BOOTSTRAP, PATH, GOPATH or GOBIN: what "
          "`go env GOROOT` prints for Homebrew's go, pasted into a startup file.",
  .why = "`brew upgrade go` installs the new version in a new Cellar folder and removes the old one: the "
         "pinned GOROOT then names a folder that does not exist, or an old tree that no longer matches the "
         "`go` on PATH (golang/vscode-go#2012, moovweb/gvm#126).",
  .fix = "Use the stable `opt/go` link: `$HOMEBREW_PREFIX/opt/go/libexec` when `brew shellenv` ran earlier in "
         "every context that reads the line, else the literal `/opt/homebrew/opt/go/libexec`. Better still, "
         "drop GOROOT: go finds its own tree.",
  .bad = "# --- .zshenv\n"
         "export PATH=/opt/homebrew/Cellar/go/1.21.4/libexec/bin:$PATH\n",
  .good = "# --- .zshenv\n"
         "export PATH=/opt/homebrew/opt/go/libexec/bin:$PATH\n",
  .check = check,
};
