/* rule_go.c — helpers for the Go toolchain rules (declared in rule.h): which
 * version managers a context sets up, where their `go` comes from, and the
 * go env file. Facts in /work/shared/reference/go-env.md. */
#include <string.h>
#include <sys/stat.h>

#include "rule.h"

const char *rc_go_clean(rc_session *S, const char *path) {
  size_t n = strlen(path);
  char *out = rc_arena_alloc(&S->arena, n + 1);
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (path[i] == '/' && k && out[k - 1] == '/') continue;
    out[k++] = path[i];
  }
  while (k > 1 && out[k - 1] == '/') k--;
  out[k] = 0;
  return out;
}

bool rc_go_under(rc_session *S, const char *path, const char *dir) {
  const char *p = rc_go_clean(S, path), *d = rc_go_clean(S, dir);
  size_t n = strlen(d);
  if (!n) return false;
  return !strncmp(p, d, n) && (p[n] == 0 || p[n] == '/' || (n == 1 && d[0] == '/'));
}

static const char *const go_managers[] = {"goenv", "gvm", "mise", "asdf", "asdf-golang", "g", "brew"};

bool rc_go_manager_event(const rc_event *ev) {
  if (!ev->manager) return false;
  for (size_t i = 0; i < RC_ARRAY_LEN(go_managers); i++)
    if (!strcmp(ev->manager, go_managers[i])) return true;
  return false;
}

/* Certain final text of a variable, or NULL. */
static const char *final_text(rc_session *S, const rc_ctx *C, const char *name) {
  return rc_var_text(S, rc_ctx_var(C, name));
}

static bool file_mentions(rc_session *S, const char *model_path, const char *const *words, size_t n) {
  /* asked once per context: the existence test is the session's memo */
  const char *fs = rc_session_fs_path(S, model_path);
  struct stat sb;
  if (rc_session_stat(S, fs, true, &sb) != 0 || !S_ISREG(sb.st_mode)) return false;
  rc_load_status st;
  rc_source *src = rc_source_load(fs, &st, NULL);
  if (!src) return false;
  bool hit = false;
  for (uint32_t l = 1; l <= src->nlines && !hit; l++) {
    uint32_t off, len;
    rc_source_line(src, l, &off, &len);
    const char *t = src->text + off;
    while (len && (*t == ' ' || *t == '\t')) t++, len--;
    for (size_t i = 0; i < n && !hit; i++) {
      size_t k = strlen(words[i]);
      /* `golang 1.22`, `go = "1.22"`, `"go" = …` */
      hit = len > k && !strncmp(t, words[i], k) && (t[k] == ' ' || t[k] == '\t' || t[k] == '=' || t[k] == '"');
    }
  }
  rc_source_free(src);
  return hit;
}

bool rc_go_manager_has_go(rc_session *S, const rc_ctx *C, const char *name) {
  const char *home = S->opt.home;
  static const char *const tv[] = {"golang"};
  bool tool_versions = file_mentions(S, rc_arena_printf(&S->arena, "%s/.tool-versions", home), tv, 1);
  if (!strcmp(name, "asdf")) {
    const char *dd = final_text(S, C, "ASDF_DATA_DIR");
    if (dd && rc_path_exists(S, rc_arena_printf(&S->arena, "%s/plugins/golang", dd), 'd')) return true;
    if (rc_path_exists(S, rc_arena_printf(&S->arena, "%s/.asdf/plugins/golang", home), 'd')) return true;
    for (size_t i = 0; i < C->hooks.n; i++)
      if (C->hooks.v[i].manager && !strcmp(C->hooks.v[i].manager, "asdf-golang")) return true;
    return tool_versions;
  }
  if (!strcmp(name, "mise")) {
    static const char *const cfg[] = {"go", "\"go\"", "golang"};
    static const char *const files[] = {"/.config/mise/config.toml", "/.config/mise.toml", "/.mise.toml",
                                        "/.rtx.toml", "/.config/rtx/config.toml"};
    for (size_t i = 0; i < RC_ARRAY_LEN(files); i++)
      if (file_mentions(S, rc_arena_printf(&S->arena, "%s%s", home, files[i]), cfg, RC_ARRAY_LEN(cfg))) return true;
    if (rc_path_exists(S, rc_arena_printf(&S->arena, "%s/.local/share/mise/installs/go", home), 'd')) return true;
    return tool_versions;
  }
  return true;
}

/* Folders that belong to a version manager, never a hand-made SDK. */
static bool manager_folder(const char *p) {
  static const char *const m[] = {"/.goenv/", "/.gvm/", "/.asdf/", "/mise/", "/.g/", "/.go/", "/Cellar/", "/opt/go/"};
  for (size_t i = 0; i < RC_ARRAY_LEN(m); i++)
    if (strstr(p, m[i])) return true;
  return false;
}

/* Is X (a PATH entry minus /bin) a Go SDK tree set up by hand? */
static bool sdk_tree(rc_session *S, const rc_ctx *C, const char *x) {
  const char *home = S->opt.home;
  if (!x[0] || rc_str_ends(x, "/bin") || rc_str_ends(x, "/bin/go") || manager_folder(rc_arena_printf(&S->arena, "%s/", x))) return false;
  if (rc_go_under(S, x, rc_arena_printf(&S->arena, "%s/go", home))) return false; /* the default GOPATH */
  size_t n;
  const uint32_t *ids = rc_ctx_var_events(C, "GOPATH", &n);
  for (size_t i = 0; i < n; i++) {
    const char *g = rc_event_text(S, &C->events.v[ids[i]]);
    if (g && rc_go_under(S, x, g)) return false;
  }
  ids = rc_ctx_var_events(C, "GOROOT", &n);
  for (size_t i = 0; i < n; i++) {
    const rc_event *ev = &C->events.v[ids[i]];
    const char *g = rc_event_text(S, ev);
    if (!ev->manager && g && !strcmp(rc_go_clean(S, g), x)) return true;
  }
  const char *b = strrchr(x, '/');
  b = b ? b + 1 : x;
  return rc_str_ends(x, "/usr/local/go") || rc_str_ends(x, "/usr/lib/go") || strstr(x, "/usr/lib/go-") ||
         rc_str_starts(b, "go1.") || strstr(x, "/sdk/go") ||
         (rc_path_exists(S, rc_arena_printf(&S->arena, "%s/bin/go", x), 'f') &&
          rc_path_exists(S, rc_arena_printf(&S->arena, "%s/VERSION", x), 'f'));
}

/* Files a manager ships that the shell follows (their events carry the tag). */
static bool manager_file(const char *p) {
  return strstr(p, "/.gvm/") || rc_str_ends(p, "/.g/env") || strstr(p, "/.asdf/") || strstr(p, "/.goenv/");
}

/* Where the user set the manager up: the line in their own file. */
static void site_of(const rc_ctx *C, const rc_event *ev, const rc_file **file, rc_span *span) {
  *file = ev->file;
  *span = ev->span;
  int32_t v = ev->visit;
  while (v >= 0 && (size_t)v < C->visits.n && manager_file(C->visits.v[v].path) && C->visits.v[v].parent >= 0) {
    *span = C->visits.v[v].via;
    v = C->visits.v[v].parent;
    *file = C->visits.v[v].file;
  }
}

static bool is_system(rc_session *S, const rc_file *f) {
  if (!f || f->builtin || !f->fs_path) return true;
  size_t n = strlen(S->opt.home);
  return strncmp(f->path, S->opt.home, n) || f->path[n] != '/';
}

/* Entries of PATH that event ev added. */
static size_t new_entries(rc_session *S, const rc_event *ev, rc_entries *out) {
  out->n = 0;
  if (!ev->after.val) return 0;
  /* An entry's origin is one of its segments': none from ev, no entry. */
  bool mine = false;
  for (uint32_t i = 0; i < ev->after.val->nseg && !mine; i++) mine = ev->after.val->seg[i].origin == ev->id;
  if (!mine) return 0;
  rc_entries mine_all = {0};
  rc_str_split_origin(&S->arena, ev->after.val, ':', ev->id, &mine_all);
  for (size_t i = 0; i < mine_all.n; i++)
    if (mine_all.v[i].certain && mine_all.v[i].text[0]) rc_vec_push(out, mine_all.v[i]);
  rc_vec_free(&mine_all);
  return out->n;
}

static const char *shim_manager(const char *e) {
  if (rc_str_ends(e, "/shims") && strstr(e, "asdf")) return "asdf";
  if (rc_str_ends(e, "/.goenv/shims")) return "goenv";
  if (rc_str_ends(e, "/mise/shims") || rc_str_ends(e, "/rtx/shims")) return "mise";
  if (rc_str_ends(e, "/.g/bin")) return "voidint/g";
  return NULL;
}

static size_t add_mgr(rc_go_mgr *out, size_t n, size_t max, const rc_go_mgr *m) {
  for (size_t i = 0; i < n; i++)
    if (!strcmp(out[i].name, m->name)) {
      if (!out[i].dir && m->dir) out[i].dir = m->dir;
      return n;
    }
  if (n < max) out[n++] = *m;
  return n;
}

size_t rc_go_managers(rc_session *S, const rc_ctx *C, rc_go_mgr *out, size_t max) {
  size_t n = 0;
  rc_entries ents = {0};
  bool asdf_go = rc_go_manager_has_go(S, C, "asdf"), mise_go = rc_go_manager_has_go(S, C, "mise");
  for (size_t i = 0; i < C->events.n; i++) {
    const rc_event *ev = &C->events.v[i];
    if (!ev->var || !rc_event_sets(ev)) continue;
    bool path = !strcmp(ev->var, "PATH");
    /* (only a manager's own events, PATH and GOROOT tell: most events are
     * neither, and where they come from costs a walk up the chain) */
    if (!ev->manager && !path && strcmp(ev->var, "GOROOT")) continue;
    rc_go_mgr m;
    memset(&m, 0, sizeof m);
    m.event = ev->id;
    m.cond = ev->cond;
    site_of(C, ev, &m.file, &m.span);
    m.system = is_system(S, m.file);
    if (path) new_entries(S, ev, &ents);
    if (ev->manager && rc_go_manager_event(ev)) {
      m.name = !strcmp(ev->manager, "asdf-golang") ? "asdf"
               : !strcmp(ev->manager, "brew")      ? "homebrew"
               : !strcmp(ev->manager, "g")         ? "voidint/g"
                                                   : ev->manager;
      if (!strcmp(m.name, "asdf") && !asdf_go) continue;
      if (!strcmp(m.name, "mise") && !mise_go) continue;
      if (!strcmp(m.name, "homebrew")) {
        const char *p = final_text(S, C, "HOMEBREW_PREFIX");
        if (!p || !(rc_path_exists(S, rc_arena_printf(&S->arena, "%s/bin/go", p), 'e') ||
                    rc_path_exists(S, rc_arena_printf(&S->arena, "%s/opt/go", p), 'e')))
          continue;
        m.by_precedence = true;
        m.dir = rc_arena_printf(&S->arena, "%s/bin", p);
      } else if (path) {
        for (size_t k = 0; k < ents.n && !m.dir; k++) m.dir = rc_go_clean(S, ents.v[k].text);
      }
      n = add_mgr(out, n, max, &m);
      continue;
    }
    if (ev->manager && strcmp(ev->manager, "path_helper")) continue;
    if (!ev->manager && !strcmp(ev->var, "GOROOT")) {
      const char *v = rc_event_text(S, ev);
      if (v && rc_go_under(S, v, rc_arena_printf(&S->arena, "%s/.go", S->opt.home)) &&
          !strcmp(rc_go_clean(S, v), rc_arena_printf(&S->arena, "%s/.go", S->opt.home))) {
        m.name = "stefanmaric/g";
        n = add_mgr(out, n, max, &m);
      }
      continue;
    }
    if (!path) continue;
    for (size_t k = 0; k < ents.n; k++) {
      const char *e = rc_go_clean(S, ents.v[k].text);
      const char *sm = ev->manager ? NULL : shim_manager(e);
      if (sm) {
        if ((!strcmp(sm, "asdf") && !asdf_go) || (!strcmp(sm, "mise") && !mise_go)) continue;
        m.name = sm;
        m.dir = e;
        n = add_mgr(out, n, max, &m);
      } else if (rc_str_ends(e, "/bin") && sdk_tree(S, C, rc_arena_strndup(&S->arena, e, strlen(e) - 4))) {
        m.name = "sdk";
        m.dir = e;
        m.by_precedence = m.system;
        n = add_mgr(out, n, max, &m);
      }
    }
  }
  rc_vec_free(&ents);
  return n;
}

int rc_go_path_pos(rc_session *S, const rc_ctx *C, const char *dir) {
  const rc_var *v = rc_ctx_var(C, "PATH");
  if (!v || !v->nalts || !v->alts[0].val || !dir) return -1;
  rc_entries ents = {0};
  rc_str_split(&S->arena, v->alts[0].val, ':', &ents);
  int pos = -1;
  const char *d = rc_go_clean(S, dir);
  for (size_t i = 0; i < ents.n && pos < 0; i++)
    if (!strcmp(rc_go_clean(S, ents.v[i].text), d)) pos = (int)i;
  rc_vec_free(&ents);
  return pos;
}

const char *rc_go_env_path(rc_session *S, const rc_ctx *C) {
  const rc_var *g = rc_ctx_var(C, "GOENV");
  rc_summary sum = rc_var_summary(g);
  if (sum == RC_SUM_SET) {
    const char *t = rc_var_text(S, g);
    if (!strcmp(t, "off") || t[0] != '/') return NULL;
    return t;
  }
  if (sum != RC_SUM_UNSET) return NULL;
  if (S->opt.os == RC_OS_MACOS) return rc_arena_printf(&S->arena, "%s/Library/Application Support/go/env", S->opt.home);
  const rc_var *x = rc_ctx_var(C, "XDG_CONFIG_HOME");
  if (rc_var_summary(x) == RC_SUM_SET && rc_var_text(S, x)[0] == '/')
    return rc_arena_printf(&S->arena, "%s/go/env", rc_var_text(S, x));
  if (rc_var_summary(x) != RC_SUM_UNSET) return NULL;
  return rc_arena_printf(&S->arena, "%s/.config/go/env", S->opt.home);
}

size_t rc_go_env_settings(rc_session *S, const rc_file *f, rc_go_setting *out, size_t max) {
  size_t n = 0;
  if (!f || !f->src) return 0;
  for (uint32_t l = 1; l <= f->src->nlines && n < max; l++) {
    uint32_t off, len;
    rc_source_line(f->src, l, &off, &len);
    const char *t = f->src->text + off;
    const char *eq = memchr(t, '=', len);
    if (!len || t[0] == '#' || !eq || eq == t) continue;
    size_t kl = (size_t)(eq - t);
    while (kl && (t[kl - 1] == ' ' || t[kl - 1] == '\t')) kl--;
    size_t vl = len - (size_t)(eq + 1 - t);
    while (vl && (eq[vl] == '\r' || eq[vl] == ' ')) vl--;
    out[n].key = rc_arena_strndup(&S->arena, t, kl);
    out[n].value = rc_arena_strndup(&S->arena, eq + 1, vl);
    out[n].span = rc_line_span(f, l, false);
    n++;
  }
  return n;
}
