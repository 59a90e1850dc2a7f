/* managers.c — the documented effects of version managers' and system
 * tools' init lines, applied as values tagged with the tool that set them
 * (see go-env.md). The tools are never run: `eval "$(goenv init -)"` becomes
 * "GOROOT=$GOENV_ROOT/versions/$(goenv version-name), set by goenv". */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "eval_int.h"

typedef struct piece {
  bool sym;
  const char *text;
} piece;

/* Builds a value from literal and symbolic pieces; a `$VAR` literal piece
 * is replaced by that variable's current value. All of it is attributed to
 * the tool's event, so a PATH entry names the init line that added it. */
static const rc_str *build(E *e, uint32_t eid, const piece *ps, size_t n) {
  rc_strb b = {0};
  for (size_t i = 0; i < n; i++) {
    if (!ps[i].text) continue;
    if (ps[i].sym) {
      rc_strb_sym(&b, rc_arena_strdup(e->A, ps[i].text), (uint32_t)strlen(ps[i].text), eid);
    } else if (ps[i].text[0] == '$') {
      bool set, certain;
      const rc_str *v = ev_var_value(e, ps[i].text + 1, &set, &certain);
      rc_strb_str_origin(&b, v, eid);
    } else {
      rc_strb_lit(&b, rc_arena_strdup(e->A, ps[i].text), (uint32_t)strlen(ps[i].text), eid);
    }
  }
  return rc_strb_finish(&b, e->A);
}

static rc_span here(E *e) {
  if (e->span_override) return *e->span_override;
  return e->cur_stmt ? e->cur_stmt->span : (rc_span){0};
}

static void mset(E *e, const char *var, const rc_str *v, uint32_t eid, const char *mgr) {
  ev_assign(e, var, v, eid, true, RC_OP_MANAGER, here(e), here(e), mgr);
}

static void mset_pieces(E *e, const char *var, const piece *ps, size_t n, const char *mgr) {
  uint32_t eid = ev_reserve_event(e);
  mset(e, var, build(e, eid, ps, n), eid, mgr);
}

static bool is_set(E *e, const char *var, const char **value) {
  bool set, certain;
  const rc_str *v = ev_var_value(e, var, &set, &certain);
  if (value) *value = set && certain ? rc_str_text(e->A, v, ':') : NULL;
  return set && !rc_str_is_empty(v);
}

/* PATH = dir:$PATH (front) or $PATH:dir. */
static void path_add(E *e, const rc_str *dir, bool front, uint32_t eid, const char *mgr) {
  bool set, certain;
  const rc_str *old = ev_var_value(e, "PATH", &set, &certain);
  rc_strb b = {0};
  if (front) {
    rc_strb_str(&b, dir);
    if (set) rc_strb_lit(&b, ":", 1, eid), rc_strb_str(&b, old);
  } else {
    if (set) rc_strb_str(&b, old), rc_strb_lit(&b, ":", 1, eid);
    rc_strb_str(&b, dir);
  }
  mset(e, "PATH", rc_strb_finish(&b, e->A), eid, mgr);
}

static void path_add_pieces(E *e, const piece *ps, size_t n, bool front, const char *mgr) {
  uint32_t eid = ev_reserve_event(e);
  path_add(e, build(e, eid, ps, n), front, eid, mgr);
}

/* Is `dir` certainly an entry of PATH already? */
static bool path_has(E *e, const rc_str *dir) {
  if (!rc_str_certain(dir)) return false;
  bool set, certain;
  const rc_str *pv = ev_var_value(e, "PATH", &set, &certain);
  if (!set) return false;
  const char *d = rc_str_text(e->A, dir, ':');
  rc_entries ents = {0};
  rc_str_split(e->A, pv, ':', &ents);
  bool has = false;
  for (size_t i = 0; i < ents.n && !has; i++) has = ents.v[i].certain && !strcmp(ents.v[i].text, d);
  rc_vec_free(&ents);
  return has;
}

/* The words of a command line as written (no quoting beyond the trivial). */
static size_t split_words(E *e, const char *cmd, const char **w, size_t max) {
  size_t n = 0;
  const char *p = cmd;
  while (*p && n < max) {
    while (*p == ' ' || *p == '\t' || *p == '"' || *p == '\'') p++;
    if (!*p) break;
    const char *s = p;
    while (*p && *p != ' ' && *p != '\t' && *p != '"' && *p != '\'') p++;
    w[n++] = rc_arena_strndup(e->A, s, (size_t)(p - s));
  }
  return n;
}

static const char *base_name(const char *p) {
  const char *s = strrchr(p, '/');
  return s ? s + 1 : p;
}

/* Is the tool there? Installed (1), absent (0) or cannot tell (2). A
 * `$HOME/…`/`~/…` path is expanded first. */
static int tool_present(E *e, const char *word) {
  if (word[0] == '$' || word[0] == '~') {
    const char *rest = word[0] == '~' ? word + 1 : strchr(word, '/');
    if (!rest) return 2;
    const char *home;
    if (!is_set(e, "HOME", &home) || !home) return 2;
    word = rc_arena_printf(e->A, "%s%s", home, rest);
  }
  if (strchr(word, '$')) return 2;
  return ev_lookup_command(e, word, NULL);
}

/* ---- Homebrew ---- */

static bool brew_shellenv(E *e, const char *brew) {
  const char *prefix = NULL;
  size_t n = strlen(brew);
  if (brew[0] == '/' && n > 9 && !strcmp(brew + n - 9, "/bin/brew")) prefix = rc_arena_strndup(e->A, brew, n - 9);
  else {
    const char *where = NULL;
    if (ev_lookup_command(e, brew, &where) == 1 && where) {
      size_t k = strlen(where);
      if (k > 9 && !strcmp(where + k - 9, "/bin/brew")) prefix = rc_arena_strndup(e->A, where, k - 9);
    }
  }
  const char *mgr = "brew";
  piece pp[] = {{prefix == NULL, prefix ? prefix : "$(brew --prefix)"}};
  mset_pieces(e, "HOMEBREW_PREFIX", pp, 1, mgr);
  piece cellar[] = {{prefix == NULL, prefix ? prefix : "$(brew --prefix)"}, {false, "/Cellar"}};
  mset_pieces(e, "HOMEBREW_CELLAR", cellar, 2, mgr);
  bool arm = prefix && !strcmp(prefix, "/opt/homebrew");
  piece repo[] = {{prefix == NULL, prefix ? prefix : "$(brew --repository)"}, {false, arm || !prefix ? NULL : "/Homebrew"}};
  mset_pieces(e, "HOMEBREW_REPOSITORY", repo, 2, mgr);
  piece bin[] = {{prefix == NULL, prefix ? prefix : "$(brew --prefix)"}, {false, "/bin:"},
                 {prefix == NULL, prefix ? prefix : "$(brew --prefix)"}, {false, "/sbin"}};
  path_add_pieces(e, bin, 4, true, mgr);
  return true;
}

/* ---- goenv ---- */

static void goenv_init(E *e, bool path_only) {
  const char *mgr = "goenv";
  if (!is_set(e, "GOENV_ROOT", NULL)) {
    piece r[] = {{false, "$HOME"}, {false, "/.goenv"}};
    mset_pieces(e, "GOENV_ROOT", r, 2, mgr);
  }
  const char *order;
  bool front = is_set(e, "GOENV_PATH_ORDER", &order) && order && !strcmp(order, "front");
  /* goenv adds its shims only when PATH does not have them yet. */
  piece shims[] = {{false, "$GOENV_ROOT"}, {false, "/shims"}};
  uint32_t eid = ev_reserve_event(e);
  const rc_str *dir = build(e, eid, shims, 2);
  if (!path_has(e, dir)) path_add(e, dir, front, eid, mgr);
  piece sh[] = {{false, rc_shell_name(e->shell)}};
  mset_pieces(e, "GOENV_SHELL", sh, 1, mgr);
  if (path_only) return;
  const char *dis;
  if (!(is_set(e, "GOENV_DISABLE_GOROOT", &dis) && dis && !strcmp(dis, "1"))) {
    piece g[] = {{false, "$GOENV_ROOT"}, {false, "/versions/"}, {true, "$(goenv version-name)"}};
    mset_pieces(e, "GOROOT", g, 3, mgr);
  }
  if (!(is_set(e, "GOENV_DISABLE_GOPATH", &dis) && dis && !strcmp(dis, "1"))) {
    const char *pre;
    bool has_pre = is_set(e, "GOENV_GOPATH_PREFIX", &pre);
    piece g[] = {{false, has_pre ? "$GOENV_GOPATH_PREFIX" : "$HOME"}, {false, has_pre ? "/" : "/go/"},
                 {true, "$(goenv version-name)"}};
    mset_pieces(e, "GOPATH", g, 3, mgr);
  }
}

/* ---- mise ---- */

static void mise_activate(E *e, bool shims) {
  const char *mgr = "mise";
  if (shims) {
    bool d = is_set(e, "MISE_DATA_DIR", NULL);
    piece p[] = {{false, d ? "$MISE_DATA_DIR" : "$HOME"}, {false, d ? "/shims" : "/.local/share/mise/shims"}};
    path_add_pieces(e, p, 2, true, mgr);
    return;
  }
  /* The hook runs once now and again at every prompt. */
  piece p[] = {{true, "$(mise bin-paths)"}};
  path_add_pieces(e, p, 1, true, mgr);
  piece g[] = {{true, "$(mise where go)"}};
  mset_pieces(e, "GOROOT", g, 1, mgr);
  if (!is_set(e, "GOBIN", NULL)) {
    piece b[] = {{true, "$(mise where go)"}, {false, "/bin"}};
    mset_pieces(e, "GOBIN", b, 2, mgr);
  }
  piece s[] = {{false, rc_shell_name(e->shell)}};
  mset_pieces(e, "MISE_SHELL", s, 1, mgr);
  if (e->shell == RC_SH_ZSH) ev_add_hook(e, "precmd", "_mise_hook", here(e), mgr);
}

/* ---- *env shims (pyenv, rbenv, nodenv …) ---- */

static void shim_init(E *e, const char *tool) {
  char var[32];
  size_t k = 0;
  for (const char *c = tool; *c && k < 20; c++) var[k++] = (char)(*c >= 'a' && *c <= 'z' ? *c - 32 : *c);
  memcpy(var + k, "_ROOT", 6);
  const char *root;
  bool has = is_set(e, var, &root);
  piece p[] = {{false, has ? rc_arena_printf(e->A, "$%s", var) : "$HOME"},
               {false, has ? "/shims" : rc_arena_printf(e->A, "/.%s/shims", tool)}};
  path_add_pieces(e, p, 2, true, rc_arena_strdup(e->A, tool));
}

/* ---- macOS path_helper ---- */

static int natural_cmp(const void *a, const void *b) {
  return strverscmp(*(const char *const *)a, *(const char *const *)b);
}

static void add_lines(E *e, const char *model_path, namevec *out) {
  const char *text = NULL;
  rc_source *src = NULL;
  if (e->S->macos_builtin) text = rc_macos_stock_file(model_path);
  if (!text) {
    rc_load_status st;
    src = rc_source_load(rc_session_fs_path(e->S, model_path), &st, NULL);
    if (!src) return;
    text = src->text;
  }
  const char *p = text;
  while (*p) {
    const char *s = p;
    while (*p && *p != '\n') p++;
    const char *t = s;
    while (t < p && (*t == ' ' || *t == '\t')) t++;
    const char *u = p;
    while (u > t && (u[-1] == ' ' || u[-1] == '\t' || u[-1] == '\r')) u--;
    if (u > t && *t != '#') rc_vec_push(out, rc_arena_strndup(e->A, t, (size_t)(u - t)));
    if (*p) p++;
  }
  rc_source_free(src);
}

static void path_helper(E *e) {
  uint32_t eid = ev_reserve_event(e);
  namevec dirs = {0};
  add_lines(e, "/etc/paths", &dirs);
  if (!e->S->macos_builtin) {
    DIR *d = opendir(rc_session_fs_path(e->S, "/etc/paths.d"));
    if (d) {
      RC_VEC(const char *) names = {0};
      struct dirent *de;
      while ((de = readdir(d)))
        if (de->d_name[0] != '.') rc_vec_push(&names, rc_arena_strdup(e->A, de->d_name));
      closedir(d);
      if (names.n) qsort(names.v, names.n, sizeof(char *), natural_cmp);
      for (size_t i = 0; i < names.n; i++)
        add_lines(e, rc_arena_printf(e->A, "/etc/paths.d/%s", names.v[i]), &dirs);
      rc_vec_free(&names);
    }
  }
  /* Then the current entries not already present, in their order. */
  bool set, certain;
  const rc_str *old = ev_var_value(e, "PATH", &set, &certain);
  rc_entries ents = {0};
  if (set) rc_str_split(e->A, old, ':', &ents);
  rc_strb b = {0};
  size_t n = 0;
  rc_map seen = {0}; /* entries already in the result */
  for (size_t i = 0; i < dirs.n; i++) {
    if (rc_map_has(&seen, dirs.v[i])) continue;
    rc_map_put(&seen, dirs.v[i], (void *)1);
    if (n++) rc_strb_lit(&b, ":", 1, eid);
    rc_strb_lit(&b, dirs.v[i], (uint32_t)strlen(dirs.v[i]), eid);
  }
  for (size_t i = 0; i < ents.n; i++) {
    if (ents.v[i].certain) {
      if (rc_map_has(&seen, ents.v[i].text)) continue;
      rc_map_put(&seen, ents.v[i].text, (void *)1);
    }
    if (n++) rc_strb_lit(&b, ":", 1, ents.v[i].origin);
    if (ents.v[i].certain) rc_strb_lit(&b, ents.v[i].text, (uint32_t)strlen(ents.v[i].text), ents.v[i].origin);
    else rc_strb_sym(&b, ents.v[i].text, (uint32_t)strlen(ents.v[i].text), ents.v[i].origin);
  }
  rc_vec_free(&ents);
  rc_vec_free(&dirs);
  rc_map_free(&seen);
  ev_assign(e, "PATH", rc_strb_finish(&b, e->A), eid, true, RC_OP_PATH_HELPER, here(e), here(e), "path_helper");
}

bool ev_manager_eval(E *e, const rc_stmt *s, const char *cmd) {
  (void)s;
  const char *w[8];
  size_t n = split_words(e, cmd, w, 8);
  if (!n) return false;
  const char *tool = base_name(w[0]);
  if (!strcmp(tool, "path_helper") && n >= 2 && !strcmp(w[1], "-s")) {
    if (e->S->opt.os != RC_OS_MACOS) return false;
    path_helper(e);
    return true;
  }
  if (n >= 2 && !strcmp(tool, "brew") && !strcmp(w[1], "shellenv")) {
    if (tool_present(e, w[0]) == 0) return false;
    return brew_shellenv(e, w[0]);
  }
  if (n >= 2 && !strcmp(tool, "goenv") && !strcmp(w[1], "init")) {
    if (tool_present(e, w[0]) == 0) return false;
    goenv_init(e, n >= 3 && !strcmp(w[2], "--path"));
    return true;
  }
  if (n >= 2 && (!strcmp(tool, "mise") || !strcmp(tool, "rtx")) && !strcmp(w[1], "activate")) {
    if (tool_present(e, w[0]) == 0) return false;
    bool shims = false;
    for (size_t i = 2; i < n; i++) shims |= !strcmp(w[i], "--shims");
    mise_activate(e, shims);
    return true;
  }
  if (n >= 2 && !strcmp(w[1], "init") &&
      (!strcmp(tool, "pyenv") || !strcmp(tool, "rbenv") || !strcmp(tool, "nodenv") ||
       !strcmp(tool, "jenv") || !strcmp(tool, "plenv"))) {
    if (tool_present(e, w[0]) == 0) return false;
    shim_init(e, tool);
    return true;
  }
  return false;
}

static bool ends_with(const char *s, const char *suf) { return rc_str_ends(s, suf); }

static bool file_there(E *e, const char *path) {
  tri t = ev_file_test(e, 'f', path);
  return t != T_FALSE;
}

/* The shell reads a manager's file even though rccheck applies its model:
 * it belongs in the chain. Returns the previous visit to restore. */
static int32_t manager_visit(E *e, const char *path) {
  int32_t saved = e->visit;
  rc_file *f = rc_session_file(e->S, path, e->dialect);
  e->visit = ev_add_visit(e, f, path, true, false, here(e));
  return saved;
}

bool ev_manager_source(E *e, const char *path, rc_span span) {
  (void)span;
  if (ends_with(path, "/.gvm/scripts/gvm") || ends_with(path, "/gvm/scripts/gvm")) {
    if (!file_there(e, path)) return false;
    const char *mgr = "gvm";
    int32_t saved_visit = manager_visit(e, path);
    ev_unset(e, "GOROOT", here(e), mgr);
    ev_unset(e, "GOPATH", here(e), mgr);
    ev_unset(e, "GOBIN", here(e), mgr);
    size_t k = strlen(path) - strlen("/scripts/gvm");
    const char *root = rc_arena_strndup(e->A, path, k);
    piece r[] = {{false, root}};
    mset_pieces(e, "GVM_ROOT", r, 1, mgr);
    /* gvm loads the default environment, a plain file of exports (PATH
     * included); without one it only puts its own bin on PATH. */
    const char *def = rc_arena_printf(e->A, "%s/environments/default", root);
    if (ev_file_test(e, 's', def) != T_TRUE) {
      piece bin[] = {{false, root}, {false, "/bin"}};
      path_add_pieces(e, bin, 2, true, mgr);
    }
    if (ev_file_test(e, 's', def) == T_TRUE) {
      const char *saved = e->manager;
      e->manager = mgr;
      ev_source_path(e, def, here(e), NULL, 0, false);
      e->manager = saved;
    } else {
      piece g[] = {{false, root}, {false, "/gos/"}, {true, "$(gvm current)"}};
      mset_pieces(e, "GOROOT", g, 3, mgr);
      piece p[] = {{false, root}, {false, "/pkgsets/"}, {true, "$(gvm current)"}, {false, "/global"}};
      mset_pieces(e, "GOPATH", p, 4, mgr);
      piece pb[] = {{false, "$GOPATH"}, {false, "/bin:"}, {false, "$GOROOT"}, {false, "/bin"}};
      path_add_pieces(e, pb, 4, true, mgr);
    }
    e->visit = saved_visit;
    return true;
  }
  if (ends_with(path, "/asdf.sh") && strstr(path, "asdf")) {
    if (!file_there(e, path)) return false;
    const char *mgr = "asdf";
    int32_t saved_visit = manager_visit(e, path);
    const char *dir = rc_arena_strndup(e->A, path, strlen(path) - strlen("/asdf.sh"));
    if (ends_with(dir, "/libexec")) dir = rc_arena_strndup(e->A, dir, strlen(dir) - strlen("/libexec"));
    piece d[] = {{false, dir}};
    mset_pieces(e, "ASDF_DIR", d, 1, mgr);
    piece bin[] = {{false, dir}, {false, "/bin"}};
    path_add_pieces(e, bin, 2, true, mgr);
    bool dd = is_set(e, "ASDF_DATA_DIR", NULL);
    piece shims[] = {{false, dd ? "$ASDF_DATA_DIR" : "$HOME"}, {false, dd ? "/shims" : "/.asdf/shims"}};
    path_add_pieces(e, shims, 2, true, mgr);
    e->visit = saved_visit;
    return true;
  }
  if (ends_with(path, "/plugins/golang/set-env.zsh") || ends_with(path, "/plugins/golang/set-env.bash")) {
    if (!file_there(e, path)) return false;
    int32_t saved_visit = manager_visit(e, path);
    if (ends_with(path, ".zsh")) {
      /* A precmd hook: it runs before each prompt, never in -c shells. */
      ev_add_hook(e, "precmd", "asdf_update_golang_env", here(e), "asdf-golang");
    } else {
      rc_hook h = {"precmd", "asdf_update_golang_env", e->file, here(e), "asdf-golang"};
      ev_manager_hook(e, &h);
    }
    e->visit = saved_visit;
    return true;
  }
  if (ends_with(path, "/nix-daemon.sh") || ends_with(path, "/nix.sh") || ends_with(path, "/.g/env") ||
      ends_with(path, "/sdkman-init.sh")) {
    /* Plain shell files: followed for real, their events tagged. */
    const char *mgr = ends_with(path, "/.g/env") ? "g" : ends_with(path, "sdkman-init.sh") ? "sdkman" : "nix";
    const char *saved = e->manager;
    e->manager = mgr;
    ev_source_path(e, path, e->cur_stmt ? e->cur_stmt->span : span, NULL, 0, false);
    e->manager = saved;
    return true;
  }
  return false;
}

void ev_manager_hook(E *e, const rc_hook *h) {
  if (!h->manager || strcmp(h->manager, "asdf-golang")) return;
  const rc_stmt *saved = e->cur_stmt;
  const char *mgr = "asdf-golang";
  /* set-env sets each variable only when it is not set already */
  if (!is_set(e, "GOROOT", NULL)) {
    piece g[] = {{true, "$(asdf where golang)"}, {false, "/go"}};
    mset_pieces(e, "GOROOT", g, 2, mgr);
  }
  if (!is_set(e, "GOPATH", NULL)) {
    piece g[] = {{true, "$(asdf where golang)"}, {false, "/packages"}};
    mset_pieces(e, "GOPATH", g, 2, mgr);
  }
  e->cur_stmt = saved;
}
