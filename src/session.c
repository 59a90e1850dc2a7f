/* session.c — see session.h. */
#include "session.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chain.h"
#include "eval.h"
#include "filecache.h"
#include "vscode.h"

static const char *const os_names[] = {"linux", "macos"};
static const char *const shell_names[] = {"zsh", "bash", "sh"};
static const char *const ctx_names[] = {"login-interactive", "interactive", "login",
                                        "script", "vscode", "ssh-command"};

const char *rc_os_name(rc_os os) { return os_names[os]; }
const char *rc_shell_name(rc_shell sh) { return sh < RC_SH_COUNT ? shell_names[sh] : "?"; }
const char *rc_ctx_name(rc_ctx_kind k) { return k < RC_CTX_COUNT ? ctx_names[k] : "?"; }

bool rc_shell_parse(const char *s, rc_shell *out) {
  for (int i = 0; i < RC_SH_COUNT; i++)
    if (!strcmp(s, shell_names[i])) return *out = (rc_shell)i, true;
  return false;
}

bool rc_ctx_parse(const char *s, rc_ctx_kind *out) {
  for (int i = 0; i < RC_CTX_COUNT; i++)
    if (!strcmp(s, ctx_names[i])) return *out = (rc_ctx_kind)i, true;
  return false;
}

bool rc_os_parse(const char *s, rc_os *out) {
  if (!strcmp(s, "linux")) return *out = RC_OS_LINUX, true;
  if (!strcmp(s, "macos") || !strcmp(s, "darwin")) return *out = RC_OS_MACOS, true;
  return false;
}

rc_dialect rc_shell_dialect(rc_shell sh) {
  return sh == RC_SH_ZSH ? RC_DIALECT_ZSH : sh == RC_SH_BASH ? RC_DIALECT_BASH : RC_DIALECT_SH;
}

static char *absolute(rc_arena *A, const char *p) {
  char *r = realpath(p, NULL);
  if (r) {
    char *s = rc_arena_strdup(A, r);
    free(r);
    return s;
  }
  if (p[0] == '/') return rc_arena_strdup(A, p);
  char cwd[PATH_MAX];
  if (!getcwd(cwd, sizeof cwd)) return rc_arena_strdup(A, p);
  return rc_arena_printf(A, "%s/%s", cwd, p);
}

static bool exists_at(const char *root, const char *path) {
  char buf[PATH_MAX];
  snprintf(buf, sizeof buf, "%s%s", strcmp(root, "/") ? root : "", path);
  struct stat st;
  return stat(buf, &st) == 0;
}

rc_session *rc_session_new(const rc_session_opts *opt) {
  rc_session *S = rc_xcalloc(1, sizeof *S);
  rc_arena_init(&S->arena);
  S->opt = *opt;
  S->glob_budget = RC_SESSION_GLOB_ENTRIES;
  if (S->opt.cache) rc_file_cache_begin(S->opt.cache);
  const char *home = opt->home ? opt->home : getenv("HOME");
  S->opt.home = absolute(&S->arena, home && *home ? home : "/");
  size_t hl = strlen(S->opt.home);
  if (hl > 1 && S->opt.home[hl - 1] == '/') ((char *)S->opt.home)[hl - 1] = 0;
  S->opt.sysroot = absolute(&S->arena, opt->sysroot ? opt->sysroot : "/");
  if (!opt->user) {
    const char *b = strrchr(S->opt.home, '/');
    S->opt.user = rc_arena_strdup(&S->arena, b && b[1] ? b + 1 : "user");
  } else {
    S->opt.user = rc_arena_strdup(&S->arena, opt->user);
  }
  if (opt->workspace) S->opt.workspace = absolute(&S->arena, opt->workspace);
  struct stat st;
  S->home_exists = stat(S->opt.home, &st) == 0 && S_ISDIR(st.st_mode);
  S->home_uid = S->home_exists ? (unsigned)st.st_uid : (unsigned)getuid();
  S->macos_builtin = opt->os == RC_OS_MACOS && !exists_at(S->opt.sysroot, "/etc/zprofile") &&
                     !exists_at(S->opt.sysroot, "/etc/paths");
  return S;
}

void rc_session_free(rc_session *S) {
  if (!S) return;
  rc_vscode_free(S->vscode);
  for (size_t i = 0; i < S->ctxs.n; i++) rc_ctx_free(S->ctxs.v[i]);
  rc_vec_free(&S->ctxs);
  for (size_t i = 0; i < S->file_list.n; i++) {
    if (S->file_list.v[i]->cached) continue;
    rc_ir_free(S->file_list.v[i]->ir);
    rc_source_free(S->file_list.v[i]->src);
  }
  /* Files unused for this many sessions leave the cache. */
  if (S->opt.cache) rc_file_cache_end(S->opt.cache, 32);
  rc_vec_free(&S->file_list);
  for (size_t i = 0; i < S->snippet_irs.n; i++) rc_ir_free(S->snippet_irs.v[i]);
  rc_vec_free(&S->snippet_irs);
  for (size_t i = 0; i < S->buffers.cap; i++)
    if (S->buffers.slots[i].key) {
      rc_buf_free(S->buffers.slots[i].val);
      free(S->buffers.slots[i].val);
    }
  rc_map_free(&S->buffers);
  rc_map_free(&S->files);
  rc_map_free(&S->snippets);
  rc_map_free(&S->mapped);
  rc_map_free(&S->real);
  rc_map_free(&S->stats);
  for (size_t i = 0; i < S->fragments.n; i++) rc_ctx_free(S->fragments.v[i].ctx);
  rc_vec_free(&S->fragments);
  rc_session_prefetch_free(S);
  rc_arena_free(&S->arena);
  free(S);
}

void rc_session_set_buffer(rc_session *S, const char *fs_path, const char *text, size_t len) {
  rc_buf *b = rc_map_get(&S->buffers, fs_path);
  if (!b) {
    b = rc_xcalloc(1, sizeof *b);
    rc_map_put(&S->buffers, rc_arena_strdup(&S->arena, fs_path), b);
  }
  rc_buf_clear(b);
  rc_buf_add(b, text, len);
}

static bool in_home(rc_session *S, const char *p) {
  size_t n = strlen(S->opt.home);
  return strncmp(p, S->opt.home, n) == 0 && (p[n] == 0 || p[n] == '/');
}

/* Stands for "does not resolve" in S->real (a NULL value means "absent"). */
static const char unresolved[] = "";

/* A plain absolute path: no empty, `.` or `..` component, no trailing
 * slash; *base is its last component. */
static bool plain_path(const char *p, const char **base) {
  if (p[0] != '/' || !p[1]) return false;
  for (const char *c = p; *c; c++)
    if (c[0] == '/' && (c[1] == '/' || !c[1] || (c[1] == '.' && (c[2] == '/' || !c[2] || (c[2] == '.' && (c[3] == '/' || !c[3]))))))
      return false;
  *base = strrchr(p, '/') + 1;
  return true;
}

const char *rc_session_realpath(rc_session *S, const char *fs_path) {
  const char *r = rc_map_get(&S->real, fs_path);
  if (r) return r == unresolved ? NULL : r;
  /* realpath(d/b) is realpath(d)/b when b exists and is no symlink: the
   * folders are resolved once, each file costs one lstat. */
  const char *base;
  struct stat st;
  if (plain_path(fs_path, &base) && base - fs_path > 1) {
    char *dir = rc_arena_strndup(&S->arena, fs_path, (size_t)(base - fs_path - 1));
    const char *rd = rc_session_realpath(S, dir);
    if (!rd || rc_session_stat(S, fs_path, false, &st) != 0) r = unresolved;
    else if (!S_ISLNK(st.st_mode)) r = rc_arena_printf(&S->arena, "%s/%s", strcmp(rd, "/") ? rd : "", base);
  }
  if (!r) {
    char *sys = realpath(fs_path, NULL);
    r = sys ? rc_arena_strdup(&S->arena, sys) : unresolved;
    free(sys);
  }
  rc_map_put(&S->real, rc_arena_strdup(&S->arena, fs_path), (void *)r);
  return r == unresolved ? NULL : r;
}

typedef struct stat_memo {
  int r, err;
  struct stat st;
} stat_memo;

static const stat_memo *memo(rc_session *S, const char *fs_path, char kind, int mode) {
  char small[512];
  int n = snprintf(small, sizeof small, "%c%d:%s", kind, mode, fs_path);
  const char *key = (size_t)n < sizeof small ? small : rc_arena_printf(&S->arena, "%c%d:%s", kind, mode, fs_path);
  stat_memo *m = rc_map_get(&S->stats, key);
  if (m) return m;
  m = rc_arena_alloc(&S->arena, sizeof *m);
  m->r = kind == 'a' ? access(fs_path, mode) : kind == 'l' ? lstat(fs_path, &m->st) : stat(fs_path, &m->st);
  m->err = m->r ? errno : 0;
  rc_map_put(&S->stats, key == small ? rc_arena_strdup(&S->arena, key) : key, m);
  return m;
}

int rc_session_stat(rc_session *S, const char *fs_path, bool follow, struct stat *st) {
  const stat_memo *m = memo(S, fs_path, follow ? 's' : 'l', 0);
  if (m->r) errno = m->err;
  else *st = m->st;
  return m->r;
}

int rc_session_access(rc_session *S, const char *fs_path, int mode) {
  const stat_memo *m = memo(S, fs_path, 'a', mode);
  if (m->r) errno = m->err;
  return m->r;
}

rc_load_status rc_session_probe(rc_session *S, const char *fs_path) {
  struct stat st;
  if (rc_session_stat(S, fs_path, true, &st) != 0) {
    int e = errno;
    return e == ENOENT || e == ENOTDIR ? RC_LOAD_MISSING : e == ELOOP ? RC_LOAD_LOOP : RC_LOAD_UNREADABLE;
  }
  if (!S_ISREG(st.st_mode)) return RC_LOAD_NOT_REGULAR;
  if ((uint64_t)st.st_size > RC_SOURCE_MAX_BYTES) return RC_LOAD_TOO_LARGE;
  return RC_LOAD_OK;
}

void rc_session_map_file(rc_session *S, const char *model, const char *fs_path) {
  const char *real = rc_session_realpath(S, fs_path);
  rc_map_put(&S->mapped, rc_arena_strdup(&S->arena, model), rc_arena_strdup(&S->arena, real ? real : fs_path));
}

const char *rc_session_fs_path(rc_session *S, const char *model) {
  const char *m = rc_map_get(&S->mapped, model);
  if (m) return m;
  if (!strcmp(S->opt.sysroot, "/") || model[0] != '/' || in_home(S, model)) return model;
  return rc_arena_printf(&S->arena, "%s%s", S->opt.sysroot, model);
}

const char *rc_session_file_key(rc_session *S, const char *path, rc_dialect d, const char **fs, const char **real) {
  *fs = rc_session_fs_path(S, path);
  *real = NULL;
  if (S->macos_builtin && rc_macos_stock_file(path)) return NULL;
  /* Cache by real path so a symlinked dotfile and its target are one file. */
  *real = rc_session_realpath(S, *fs);
  return rc_arena_printf(&S->arena, "%d:%s", (int)d, *real ? *real : *fs);
}

rc_file *rc_session_file(rc_session *S, const char *path, rc_dialect d) {
  const char *fs, *real;
  const char *key = rc_session_file_key(S, path, d, &fs, &real);
  const char *stock = key ? NULL : rc_macos_stock_file(path);
  if (!key) key = rc_arena_printf(&S->arena, "%d:%s", (int)d, path);
  rc_file *f = rc_map_get(&S->files, key);
  if (f) return f;
  /* An editor buffer may be open under the symlink's target. */
  rc_buf *buf = stock ? NULL : rc_map_get(&S->buffers, fs);
  if (!buf && real) buf = rc_map_get(&S->buffers, real);
  f = rc_arena_alloc(&S->arena, sizeof *f);
  f->path = rc_arena_strdup(&S->arena, path);
  f->fs_path = stock ? NULL : rc_arena_strdup(&S->arena, fs);
  f->dialect = d;
  f->id = (uint32_t)S->file_list.n;
  rc_vec_push(&S->file_list, f);
  rc_map_put(&S->files, key, f);
  if (stock) {
    f->builtin = true;
    f->src = rc_source_from_memory(path, stock, strlen(stock));
  } else if (buf && buf->n > RC_SOURCE_MAX_BYTES) {
    f->status = RC_LOAD_TOO_LARGE;
  } else if (S->opt.cache) {
    f->cached = rc_file_cache_get(S->opt.cache, real ? real : fs, fs, d, buf ? (buf->s ? buf->s : "") : NULL,
                                  buf ? buf->n : 0, RC_SESSION_MAX_TOKENS - S->tokens, &f->src, &f->ir, &f->status,
                                  &f->err_no);
    if (f->cached) f->status = RC_LOAD_OK, S->tokens += f->src->tokens;
    return f;
  } else if (buf) {
    f->src = rc_source_from_memory(fs, buf->s ? buf->s : "", buf->n);
  } else if (!rc_prefetched(S, key, &f->src, &f->ir, &f->status, &f->err_no)) {
    f->src = rc_source_load_at(fs, real, &f->status, &f->err_no);
  }
  if (f->src) {
    /* Parsing costs memory and time per token: a cap per file, and one for
     * the whole run (a glob may source thousands of large files). */
    f->status = f->src->tokens > RC_SOURCE_MAX_TOKENS                    ? RC_LOAD_TOO_COMPLEX
                : S->tokens + f->src->tokens > RC_SESSION_MAX_TOKENS ? RC_LOAD_BUDGET
                                                                     : RC_LOAD_OK;
    if (f->status != RC_LOAD_OK) {
      rc_ir_free(f->ir);
      f->ir = NULL;
      rc_source_free(f->src);
      f->src = NULL;
      return f;
    }
    S->tokens += f->src->tokens;
    if (!f->ir) f->ir = rc_parse(f->src, d);
  }
  return f;
}

rc_file *rc_session_data_file(rc_session *S, const char *path) {
  const char *fs = rc_session_fs_path(S, path);
  const char *real = rc_session_realpath(S, fs);
  char *key = rc_arena_printf(&S->arena, "data:%s", real ? real : fs);
  rc_file *f = rc_map_get(&S->files, key);
  if (f) return f;
  f = rc_arena_alloc(&S->arena, sizeof *f);
  f->path = rc_arena_strdup(&S->arena, path);
  f->fs_path = rc_arena_strdup(&S->arena, fs);
  f->data = true;
  f->id = (uint32_t)S->file_list.n;
  rc_vec_push(&S->file_list, f);
  rc_map_put(&S->files, key, f);
  rc_buf *buf = rc_map_get(&S->buffers, fs);
  if (buf) f->src = rc_source_from_memory(fs, buf->s ? buf->s : "", buf->n);
  else f->src = rc_source_load(fs, &f->status, &f->err_no);
  if (f->src) f->status = RC_LOAD_OK;
  return f;
}

rc_ir *rc_session_snippet(rc_session *S, const rc_file *in, const char *text, rc_dialect d,
                          const rc_span *at) {
  char *key = rc_arena_printf(&S->arena, "%u:%u:%d:%s", in ? in->id : 0u, at->start, (int)d, text);
  rc_ir *ir = rc_map_get(&S->snippets, key);
  if (ir) return ir;
  ir = rc_parse_snippet(in ? in->src : NULL, text, (uint32_t)strlen(text), d, at);
  rc_vec_push(&S->snippet_irs, ir);
  rc_map_put(&S->snippets, key, ir);
  return ir;
}

rc_ctx *rc_session_ctx(rc_session *S, rc_shell sh, rc_ctx_kind k) {
  for (size_t i = 0; i < S->ctxs.n; i++)
    if (S->ctxs.v[i]->shell == sh && S->ctxs.v[i]->kind == k) return S->ctxs.v[i];
  rc_ctx *C = NULL, *vs = NULL, *in = NULL;
  /* contexts login-interactive's walk can give too (rc_eval_context_group) */
  unsigned want = 0;
  if (k == RC_CTX_LOGIN_INTERACTIVE && !S->opt.no_shared_walks) {
    want = S->want_ctxs & (1u << RC_CTX_VSCODE | 1u << RC_CTX_INTERACTIVE);
    for (size_t i = 0; i < S->ctxs.n; i++)
      if (S->ctxs.v[i]->shell == sh) want &= ~(1u << S->ctxs.v[i]->kind);
  }
  C = want ? rc_eval_context_group(S, sh, want, &vs, &in) : rc_eval_context(S, sh, k);
  rc_vec_push(&S->ctxs, C);
  if (vs) rc_vec_push(&S->ctxs, vs);
  if (in) rc_vec_push(&S->ctxs, in);
  return C;
}

/* lstat: a dotfile that is a broken or looping symlink is still the user's
 * file, and its shell's contexts say why it cannot be read. */
static bool home_has(rc_session *S, const char *name) {
  char *p = rc_arena_printf(&S->arena, "%s/%s", S->opt.home, name);
  struct stat st;
  return lstat(p, &st) == 0;
}

unsigned rc_session_shells(rc_session *S) {
  unsigned m = 0;
  static const char *const z[] = {".zshenv", ".zprofile", ".zshrc", ".zlogin"};
  static const char *const b[] = {".bash_profile", ".bash_login", ".bashrc", ".profile"};
  for (size_t i = 0; i < RC_ARRAY_LEN(z); i++)
    if (home_has(S, z[i])) m |= 1u << RC_SH_ZSH;
  for (size_t i = 0; i < RC_ARRAY_LEN(b); i++)
    if (home_has(S, b[i])) m |= 1u << RC_SH_BASH;
  if (m) return m;
  const char *sh = getenv("SHELL");
  if (sh && strstr(sh, "bash")) return 1u << RC_SH_BASH;
  return 1u << RC_SH_ZSH;
}

/* zsh for *.zsh, a zsh shebang or a zsh folder; bash otherwise. */
static rc_shell guess_shell(rc_session *S, const char *path) {
  if (rc_str_ends(path, ".zsh") || strstr(path, "zsh")) return RC_SH_ZSH;
  if (rc_str_ends(path, ".bash") || strstr(path, "bash")) return RC_SH_BASH;
  char head[256];
  rc_buf *buf = rc_map_get(&S->buffers, path); /* an editor buffer's shebang */
  size_t len = buf ? (buf->n < sizeof head ? buf->n : sizeof head) : rc_source_head(path, head, sizeof head);
  if (buf && len) memcpy(head, buf->s, len);
  if (len > 2 && head[0] == '#' && head[1] == '!') {
    const char *nl = memchr(head, '\n', len);
    if (memmem(head, nl ? (size_t)(nl - head) : len, "zsh", 3)) return RC_SH_ZSH;
  }
  return RC_SH_BASH;
}

size_t rc_session_add_fragment(rc_session *S, const char *fs_path) {
  const char *real = rc_session_realpath(S, fs_path);
  const char *p = real ? real : rc_arena_strdup(&S->arena, fs_path);
  rc_session_map_file(S, p, p);
  rc_fragment f = {p, guess_shell(S, p), NULL};
  rc_vec_push(&S->fragments, f);
  return S->fragments.n - 1;
}

rc_ctx *rc_session_fragment_ctx(rc_session *S, size_t i) {
  rc_fragment *f = &S->fragments.v[i];
  if (!f->ctx) {
    rc_plan plan;
    rc_chain_plan(f->shell, RC_CTX_INTERACTIVE, S->opt.os, &plan);
    plan.n = 1;
    plan.steps[0].kind = RC_STEP_SYSTEM;
    plan.steps[0].name = f->path;
    f->ctx = rc_eval_context_plan(S, f->shell, RC_CTX_INTERACTIVE, &plan);
  }
  return f->ctx;
}
