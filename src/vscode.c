/* vscode.c — see vscode.h: finding and reading the settings files, their
 * precedence, resolving values, and the integrated terminal's plan. */
#include "vscode.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chain.h"

static const char *const editors[] = {"Code", "Code - Insiders", "VSCodium"};

const char *rc_vs_layer_name(rc_vs_layer l) {
  return l == RC_VS_WORKSPACE ? "vscode workspace settings" : "vscode user settings";
}

const char *rc_vscode_os_key(const rc_session *S) { return S->opt.os == RC_OS_MACOS ? "osx" : "linux"; }

static void add_file(rc_session *S, rc_vscode *V, const char *path, rc_vs_layer layer, const char *editor,
                     bool active) {
  if (V->nfiles >= RC_VS_MAX_FILES) return;
  if (rc_session_probe(S, rc_session_fs_path(S, path)) != RC_LOAD_OK &&
      !rc_map_has(&S->buffers, rc_session_fs_path(S, path)))
    return;
  rc_file *f = rc_session_data_file(S, path);
  if (!f->src) return;
  rc_vs_file *vf = &V->files[V->nfiles++];
  memset(vf, 0, sizeof *vf);
  vf->file = f;
  vf->layer = layer;
  vf->editor = editor;
  vf->active = active;
  rc_json_doc doc = rc_json_parse(&S->arena, f->src);
  vf->root = doc.root && doc.root->kind == RC_JSON_OBJECT ? doc.root : NULL;
  vf->nerrors = doc.nerrors;
  vf->first_error = doc.first_error;
}

const rc_vscode *rc_vscode_get(rc_session *S) {
  if (S->vscode) return S->vscode;
  rc_vscode *V = rc_arena_alloc(&S->arena, sizeof *V);
  S->vscode = V;
  const char *base = S->opt.os == RC_OS_MACOS ? "Library/Application Support" : ".config";
  bool have_user = false;
  for (size_t i = 0; i < RC_ARRAY_LEN(editors); i++) {
    const char *p = rc_arena_printf(&S->arena, "%s/%s/%s/User/settings.json", S->opt.home, base, editors[i]);
    size_t before = V->nfiles;
    add_file(S, V, p, RC_VS_USER, editors[i], !have_user);
    if (V->nfiles > before) have_user = true;
  }
  if (S->opt.workspace)
    add_file(S, V, rc_arena_printf(&S->arena, "%s/.vscode/settings.json", S->opt.workspace), RC_VS_WORKSPACE,
             "workspace", true);
  return V;
}

void rc_vscode_free(rc_vscode *V) {
  if (!V) return;
  for (int i = 0; i < RC_SH_COUNT; i++) rc_ctx_free(V->terminal[i]);
}

/* ---- precedence ---- */

bool rc_vscode_value(const rc_vscode *V, const char *key, const char *sub, rc_vs_value *out) {
  memset(out, 0, sizeof *out);
  bool found = false;
  for (size_t i = 0; i < V->nfiles; i++) {
    const rc_vs_file *f = &V->files[i];
    if (!f->active || !f->root) continue;
    const rc_json_member *m;
    const rc_json *v = rc_json_get(f->root, key, &m);
    if (v && sub) v = v->kind == RC_JSON_OBJECT ? rc_json_get(v, sub, &m) : NULL;
    if (!v) continue;
    if (found && out->from->layer == RC_VS_USER && f->layer == RC_VS_WORKSPACE) {
      out->hidden = out->value;
      out->hidden_from = out->from;
      out->hidden_key_span = out->key_span;
    }
    out->key = key;
    out->sub = sub;
    out->value = v;
    out->from = f;
    out->key_span = m->key_span;
    found = true;
  }
  return found;
}

size_t rc_vscode_members(const rc_vscode *V, const char *key, rc_vs_value *out, size_t max) {
  size_t n = 0;
  for (size_t i = 0; i < V->nfiles; i++) {
    const rc_vs_file *f = &V->files[i];
    const rc_json *obj = f->active ? rc_json_get(f->root, key, NULL) : NULL;
    if (!obj || obj->kind != RC_JSON_OBJECT) continue;
    for (uint32_t k = 0; k < obj->n; k++) {
      const char *name = obj->members[k].key;
      bool seen = false;
      for (size_t j = 0; j < n && j < max && !seen; j++) seen = !strcmp(out[j].sub, name);
      /* a duplicate within one file: the later one wins, keep one entry */
      for (uint32_t j = k + 1; j < obj->n && !seen; j++) seen = !strcmp(obj->members[j].key, name);
      if (seen) continue;
      if (n < max) rc_vscode_value(V, key, name, &out[n]);
      n++;
    }
  }
  return n;
}

/* ---- resolving values ---- */

unsigned rc_vscode_flags(const char *key) {
  if (rc_str_starts(key, "terminal.integrated.")) return RC_VS_ENV | RC_VS_USERHOME;
  return RC_VS_TILDE | RC_VS_ENV;
}

const rc_str *rc_vscode_resolve(rc_session *S, const char *text, unsigned flags, rc_vs_env_fn env, void *ud,
                                uint32_t origin) {
  rc_strb b = {0};
  const char *home = S->opt.home, *ws = S->opt.workspace;
  const char *p = text;
  if ((flags & RC_VS_TILDE) && p[0] == '~' && (p[1] == '/' || !p[1])) {
    rc_strb_lit(&b, home, (uint32_t)strlen(home), origin);
    p++;
  }
  while (*p) {
    const char *d = strstr(p, "${");
    const char *close = d ? strchr(d, '}') : NULL;
    if (!d || !close) {
      rc_strb_lit(&b, p, (uint32_t)strlen(p), origin);
      break;
    }
    rc_strb_lit(&b, p, (uint32_t)(d - p), origin);
    const char *name = d + 2;
    size_t n = (size_t)(close - name);
    if ((flags & RC_VS_ENV) && n > 4 && !strncmp(name, "env:", 4)) {
      const char *var = rc_arena_strndup(&S->arena, name + 4, n - 4);
      const rc_str *v = env ? env(ud, var) : NULL;
      if (v) rc_strb_str(&b, v);
    } else if ((flags & RC_VS_USERHOME) && n == 8 && !strncmp(name, "userHome", 8)) {
      rc_strb_lit(&b, home, (uint32_t)strlen(home), origin);
    } else if ((n == 15 && !strncmp(name, "workspaceFolder", 15)) || (n == 13 && !strncmp(name, "workspaceRoot", 13))) {
      if (ws) rc_strb_lit(&b, ws, (uint32_t)strlen(ws), origin);
      else rc_strb_sym(&b, d, (uint32_t)(close + 1 - d), origin);
    } else if (n == 23 && !strncmp(name, "workspaceFolderBasename", 23)) {
      const char *base = ws ? strrchr(ws, '/') : NULL;
      if (base) rc_strb_lit(&b, base + 1, (uint32_t)strlen(base + 1), origin);
      else rc_strb_sym(&b, d, (uint32_t)(close + 1 - d), origin);
    } else {
      rc_strb_lit(&b, d, (uint32_t)(close + 1 - d), origin); /* not a variable here: kept as written */
    }
    p = close + 1;
  }
  return rc_strb_finish(&b, &S->arena);
}

const rc_var *rc_vscode_shell_var(const rc_ctx *C, const char *name) {
  if (rc_map_has(&C->before_settings, name)) {
    const rc_var *v = rc_map_get(&C->before_settings, name);
    return v && v->nalts ? v : NULL;
  }
  return rc_ctx_var(C, name);
}

static const rc_str *ctx_env(void *ud, const char *name) {
  const rc_ctx *C = ud;
  const rc_var *v = rc_vscode_shell_var(C, name);
  rc_summary s = rc_var_summary(v);
  if (s == RC_SUM_UNSET) return NULL;
  if (s == RC_SUM_MAYBE) return rc_str_sym(&C->S->arena, rc_arena_printf(&C->S->arena, "${env:%s}", name), RC_NO_EVENT);
  return v->alts[0].val;
}

const char *rc_vscode_resolve_text(rc_session *S, const rc_ctx *C, const char *text, unsigned flags) {
  const rc_str *v = rc_vscode_resolve(S, text, flags, C ? ctx_env : NULL, (void *)C, RC_NO_EVENT);
  return rc_str_certain(v) ? rc_str_text(&S->arena, v, ':') : NULL;
}

/* ---- the filesystem of the analyzed system ---- */

static bool reliable(rc_session *S, const char *path) {
  size_t n = strlen(S->opt.home);
  bool in_home = !strncmp(path, S->opt.home, n) && (path[n] == '/' || !path[n]);
  bool in_ws = S->opt.workspace && rc_str_starts(path, S->opt.workspace);
  return path[0] == '/' && (!S->macos_builtin || in_home || in_ws);
}

int rc_vscode_is_dir(rc_session *S, const char *path) {
  if (!reliable(S, path)) return -1;
  struct stat st;
  return rc_session_stat(S, rc_session_fs_path(S, path), true, &st) == 0 && S_ISDIR(st.st_mode);
}

int rc_vscode_is_exec(rc_session *S, const char *path) {
  if (!reliable(S, path)) return -1;
  const char *fs = rc_session_fs_path(S, path);
  struct stat st;
  return rc_session_stat(S, fs, true, &st) == 0 && S_ISREG(st.st_mode) && rc_session_access(S, fs, X_OK) == 0;
}

const char *rc_vscode_realpath(rc_session *S, const char *path) {
  const char *fs = rc_session_fs_path(S, path);
  char *r = realpath(fs, NULL);
  if (!r) {
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/') n--;
    return rc_arena_strndup(&S->arena, path, n);
  }
  const char *root = S->opt.sysroot;
  size_t rl = strlen(root);
  const char *out = r;
  if (strcmp(root, "/") && !strncmp(r, root, rl) && r[rl] == '/') out = r + rl;
  const char *s = rc_arena_strdup(&S->arena, out);
  free(r);
  return s;
}

bool rc_vscode_same_dir(rc_session *S, const char *a, const char *b) {
  return !strcmp(rc_vscode_realpath(S, a), rc_vscode_realpath(S, b));
}

const char *rc_vscode_go_tree(rc_session *S, const char *go) {
  char *r = rc_arena_strdup(&S->arena, rc_vscode_realpath(S, go));
  char *slash = strrchr(r, '/');
  if (!slash || slash == r) return NULL;
  *slash = 0;
  slash = strrchr(r, '/');
  if (!slash || strcmp(slash, "/bin")) return NULL;
  *slash = 0;
  return *r ? r : "/";
}

const char *rc_vscode_go_version(rc_session *S, const char *tree) {
  if (!reliable(S, tree)) return NULL;
  const char *p = rc_session_fs_path(S, rc_arena_printf(&S->arena, "%s/VERSION", tree));
  rc_load_status st;
  rc_source *src = rc_source_load(p, &st, NULL);
  if (!src) return NULL;
  size_t n = strcspn(src->text, "\n\r \t");
  const char *v = n && !strncmp(src->text, "go", 2) ? rc_arena_strndup(&S->arena, src->text, n) : NULL;
  rc_source_free(src);
  return v;
}

const char *rc_vscode_which(rc_session *S, const rc_str *v, const char *prog, uint32_t *origin) {
  if (!v) return NULL;
  rc_entries es = {0};
  rc_str_split(&S->arena, v, ':', &es);
  const char *found = NULL;
  for (size_t i = 0; i < es.n; i++) {
    if (!es.v[i].certain || es.v[i].text[0] != '/') break;
    const char *cand = rc_arena_printf(&S->arena, "%s/%s", es.v[i].text, prog);
    int x = rc_vscode_is_exec(S, cand);
    if (x < 0) break;
    if (x) {
      found = cand;
      if (origin) *origin = es.v[i].origin;
      break;
    }
  }
  rc_vec_free(&es);
  return found;
}

rc_ctx *rc_vscode_next_ctx(rc_ctx *const *ctxs, size_t n, size_t *i) {
  while (*i < n) {
    rc_ctx *C = ctxs[(*i)++];
    if (C->kind == RC_CTX_VSCODE) return C;
  }
  return NULL;
}

bool rc_vscode_go_var(const char *name) {
  /* `go help environment` (GOOGLE_… and friends are not Go's) */
  static const char *const go[] = {
    "GO111MODULE", "GCCGO", "GOARCH", "GOAUTH", "GOBIN", "GOCACHE", "GOCACHEPROG", "GODEBUG", "GOENV",
    "GOEXPERIMENT", "GOFIPS140", "GOFLAGS", "GOINSECURE", "GOMODCACHE", "GONOPROXY", "GONOSUMDB", "GOOS",
    "GOPATH", "GOPRIVATE", "GOPROXY", "GOROOT", "GOSUMDB", "GOTELEMETRY", "GOTELEMETRYDIR", "GOTMPDIR",
    "GOTOOLCHAIN", "GOVCS", "GOWORK", "GO386", "GOAMD64", "GOARM", "GOARM64", "GOMIPS", "GOMIPS64",
    "GOPPC64", "GORISCV64", "GOWASM", "PATH",
  };
  for (size_t i = 0; i < RC_ARRAY_LEN(go); i++)
    if (!strcmp(name, go[i])) return true;
  return rc_str_starts(name, "CGO_");
}

/* ---- the integrated terminal ---- */

static int shell_of_path(const char *path) {
  const char *b = strrchr(path, '/');
  b = b ? b + 1 : path;
  rc_shell sh;
  return rc_shell_parse(b, &sh) && sh != RC_SH_SH ? (int)sh : -1;
}

static bool args_login(const rc_json *args) {
  for (uint32_t i = 0; args && args->kind == RC_JSON_ARRAY && i < args->n; i++) {
    const char *a = rc_json_string(args->items[i]);
    if (!a) continue;
    if (!strcmp(a, "--login")) return true;
    if (a[0] == '-' && a[1] != '-' && strchr(a, 'l')) return true; /* -l, -il, -li */
  }
  return false;
}

/* Which shell the default profile runs (-1: the user's default shell, -2:
 * another program) and whether it is a login shell. */
static int terminal_profile(rc_session *S, const rc_vscode *V, rc_shell sh, bool *login) {
  const char *os = rc_vscode_os_key(S);
  bool mac = S->opt.os == RC_OS_MACOS;
  rc_vs_value dp, prof;
  const char *name = NULL;
  if (rc_vscode_value(V, rc_arena_printf(&S->arena, "terminal.integrated.defaultProfile.%s", os), NULL, &dp))
    name = rc_json_string(dp.value);
  int which = -1;
  if (name) {
    which = shell_of_path(name); /* the built-in profiles are named after their shell */
    if (which < 0) which = -2;
  }
  /* Without a default profile, VS Code runs the user's shell with the
   * profile of the same name, when the settings define one. */
  const char *pname = name ? name : rc_shell_name(sh);
  const char *pkey = rc_arena_printf(&S->arena, "terminal.integrated.profiles.%s", os);
  *login = mac; /* the built-in macOS profiles pass -l; the Linux ones nothing */
  if (rc_vscode_value(V, pkey, pname, &prof) && prof.value->kind == RC_JSON_OBJECT) {
    const rc_json *path = rc_json_get(prof.value, "path", NULL);
    if (path && path->kind == RC_JSON_ARRAY && path->n) path = path->items[0];
    int p = rc_json_string(path) ? shell_of_path(path->text) : -1;
    if (name && rc_json_string(path)) which = p >= 0 ? p : -2;
    const rc_json *args = rc_json_get(prof.value, "args", NULL);
    if (args) *login = args_login(args);
  }
  return which;
}

rc_ctx *rc_vscode_terminal(rc_session *S, rc_shell sh) {
  rc_vscode *V = (rc_vscode *)rc_vscode_get(S);
  if (V->terminal_done[sh]) return V->terminal[sh];
  V->terminal_done[sh] = true;
  bool login;
  int which = terminal_profile(S, V, sh, &login);
  if (which == -2 || (which >= 0 && which != (int)sh)) return NULL;
  rc_ctx_kind k = login ? RC_CTX_LOGIN_INTERACTIVE : RC_CTX_INTERACTIVE;
  rc_plan plan;
  rc_chain_plan(sh, k, S->opt.os, &plan);
  plan.vscode_terminal = true;
  V->terminal[sh] = rc_eval_context_plan(S, sh, k, &plan);
  return V->terminal[sh];
}
