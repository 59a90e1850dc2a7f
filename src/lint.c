/* lint.c — see lint.h. Suppression and configuration are applied here,
 * once, for every rule. */
#include "lint.h"

#include <fnmatch.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chain.h"
#include "cli.h"
#include "config.h"

/* ---- severities ---- */

const char *rc_severity_name(rc_severity s) {
  static const char *const n[] = {"style", "info", "warning", "error"};
  return s <= RC_SEV_ERROR ? n[s] : "?";
}

bool rc_severity_parse(const char *s, rc_severity *out) {
  for (int i = 0; i <= RC_SEV_ERROR; i++)
    if (!strcmp(s, rc_severity_name((rc_severity)i))) return *out = (rc_severity)i, true;
  return false;
}

const rc_rule *rc_rule_find(const char *s) {
  for (size_t i = 0; i < rc_rules_count; i++)
    if (!strcasecmp(rc_rules[i]->id, s) || !strcmp(rc_rules[i]->name, s)) return rc_rules[i];
  return NULL;
}

/* ---- reporting (rule.h) ---- */

typedef struct engine {
  rc_lint *L;
} engine;

static bool user_file(rc_lint *L, const rc_file *f) {
  if (!f || f->builtin || !f->fs_path) return false;
  /* asked for every event of every rule: the map's answer kept by file id */
  if (f->id < L->user_memo.n && L->user_memo.v[f->id]) return L->user_memo.v[f->id] == 2;
  bool mine = rc_map_has(&L->user_files, f->fs_path);
  while (L->user_memo.n <= f->id) rc_vec_push(&L->user_memo, 0);
  L->user_memo.v[f->id] = mine ? 2 : 1;
  return mine;
}

bool rc_user_file(rc_check *cx, const rc_file *f) { return user_file(((engine *)cx->engine)->L, f); }

rc_diag *rc_report(rc_check *cx, const rc_file *file, rc_span span, const char *fmt, ...) {
  rc_lint *L = ((engine *)cx->engine)->L;
  if (!user_file(L, file)) return NULL;
  char *key = rc_arena_printf(&L->S->arena, "%s:%s:%u:%u", cx->rule->id, file->fs_path, span.start, span.end);
  rc_diag *d = rc_map_get(&L->seen, key);
  if (!d) {
    d = rc_xcalloc(1, sizeof *d);
    d->rule = cx->rule;
    d->severity = cx->rule->severity;
    d->file = file;
    d->span = span;
    rc_buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    rc_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    d->message = rc_arena_strdup(&L->S->arena, b.s ? b.s : "");
    rc_buf_free(&b);
    rc_map_put(&L->seen, key, d);
    rc_vec_push(&L->diags, d);
    d->fresh = true;
  } else {
    d->fresh = false;
  }
  if (cx->ctx) d->ctx_mask[cx->ctx->shell] |= 1u << cx->ctx->kind;
  return d;
}

void rc_note(rc_diag *d, const rc_file *file, rc_span span, const char *fmt, ...) {
  if (!d || !d->fresh || !file) return;
  rc_buf b = {0};
  va_list ap;
  va_start(ap, fmt);
  rc_buf_vprintf(&b, fmt, ap);
  va_end(ap);
  rc_related r = {file, span, rc_xstrdup(b.s ? b.s : "")};
  rc_buf_free(&b);
  for (size_t i = 0; i < d->notes.n; i++)
    if (d->notes.v[i].file == file && d->notes.v[i].span.start == span.start && !strcmp(d->notes.v[i].message, r.message)) {
      free((char *)r.message);
      return;
    }
  rc_vec_push(&d->notes, r);
}

void rc_fix_begin(rc_diag *d, bool safe, const char *title) {
  if (!d || !d->fresh || d->has_fix) return;
  d->has_fix = true;
  d->fix_safe = safe;
  d->fix_title = rc_xstrdup(title);
}

void rc_fix_edit(rc_diag *d, const rc_file *file, rc_span span, const char *text) {
  if (!d || !d->fresh || !d->has_fix) return;
  rc_edit e = {file, span, rc_xstrdup(text)};
  rc_vec_push(&d->edits, e);
}

const rc_file *rc_user_data_file(rc_check *cx, const char *model_path) {
  rc_lint *L = ((engine *)cx->engine)->L;
  rc_file *f = rc_session_data_file(L->S, model_path);
  if (!f->src) return NULL;
  size_t n = strlen(L->S->opt.home);
  if (!L->file_mode && !strncmp(f->fs_path, L->S->opt.home, n) && f->fs_path[n] == '/') {
    rc_map_put(&L->user_files, f->fs_path, (void *)1);
    L->user_memo.n = 0;
  }
  return f;
}

void rc_diag_severity(rc_diag *d, rc_severity s) {
  if (d && d->fresh) d->severity = s;
}

void rc_diag_add_context(rc_diag *d, rc_shell sh, rc_ctx_kind k) {
  if (d) d->ctx_mask[sh] |= 1u << k;
}

void rc_diag_free(rc_diag *d) {
  for (size_t i = 0; i < d->notes.n; i++) free((char *)d->notes.v[i].message);
  rc_vec_free(&d->notes);
  for (size_t i = 0; i < d->edits.n; i++) free((char *)d->edits.v[i].text);
  rc_vec_free(&d->edits);
  free((char *)d->fix_title);
  free(d);
}

const char *rc_diag_contexts_text(rc_session *S, const rc_diag *d) {
  rc_buf b = {0};
  for (int sh = 0; sh < RC_SH_COUNT; sh++) {
    uint32_t m = d->ctx_mask[sh] & ((1u << RC_CTX_COUNT) - 1);
    for (int k = 0; k < RC_CTX_COUNT; k++)
      if (m & (1u << k)) rc_buf_printf(&b, "%s%s %s", b.n ? ", " : "", rc_shell_name((rc_shell)sh), rc_ctx_name((rc_ctx_kind)k));
  }
  const char *s = rc_arena_strdup(&S->arena, b.s ? b.s : "");
  rc_buf_free(&b);
  return s;
}

static int diag_cmp(const void *a, const void *b) {
  const rc_diag *x = *(rc_diag *const *)a, *y = *(rc_diag *const *)b;
  int c = strcmp(x->file->path, y->file->path);
  if (c) return c;
  if (x->span.line != y->span.line) return x->span.line < y->span.line ? -1 : 1;
  if (x->span.col != y->span.col) return x->span.col < y->span.col ? -1 : 1;
  return strcmp(x->rule->id, y->rule->id);
}

void rc_diag_sort(rc_diag_list *l) {
  if (l->n > 1) qsort(l->v, l->n, sizeof(rc_diag *), diag_cmp);
}

/* ---- roles (FILE mode) ---- */

static const struct { const char *name, *role; } role_names[] = {
  {"zshenv", ".zshenv"}, {"zprofile", ".zprofile"}, {"zshrc", ".zshrc"}, {"zlogin", ".zlogin"},
  {"zlogout", ".zlogout"}, {"bashrc", ".bashrc"}, {"bash_profile", ".bash_profile"},
  {"bash_login", ".bash_login"}, {"profile", ".profile"}, {"bash_logout", ".bash_logout"},
};

const char *rc_role_of_name(const char *path) {
  const char *b = strrchr(path, '/');
  b = b ? b + 1 : path;
  char name[128];
  snprintf(name, sizeof name, "%s", b);
  /* chezmoi: private_dot_zshrc, dot_zshrc; dotbot/rcm: zshrc.symlink */
  char *p = name;
  if (!strncmp(p, "private_", 8)) p += 8;
  if (!strncmp(p, "dot_", 4)) p += 4;
  else if (p[0] == '.') p++;
  char *dot = strstr(p, ".symlink");
  if (dot && !dot[8]) *dot = 0;
  for (size_t i = 0; i < RC_ARRAY_LEN(role_names); i++)
    if (!strcmp(p, role_names[i].name)) return role_names[i].role;
  return NULL;
}

static const char *role_from_directive(const rc_lint_opts *o, const char *fs_path, rc_arena *A) {
  char *text = NULL;
  size_t n;
  for (int i = 0; i < o->nbuffers && !text; i++) /* an editor buffer: its unsaved directive counts */
    if (!strcmp(o->buffer_paths[i], fs_path)) text = rc_xstrdup(o->buffer_texts[i]);
  if (!text) text = rc_source_read(fs_path, &n);
  if (!text) return NULL;
  const char *role = NULL;
  const char *p = strstr(text, "rccheck role=");
  if (p) {
    p += 13;
    const char *q = p;
    while (*q && *q != ' ' && *q != '\n' && *q != '\t') q++;
    char *r = rc_arena_strndup(A, p, (size_t)(q - p));
    role = rc_role_of_name(r);
  }
  free(text);
  return role;
}

/* ---- suppression ---- */

static bool directive_names(const char *text, const rc_rule *r) {
  const char *p = strstr(text, "disable=");
  if (!p) return false;
  p += 8;
  while (*p && *p != ' ' && *p != '\t') {
    const char *s = p;
    while (*p && *p != ',' && *p != ' ' && *p != '\t') p++;
    size_t n = (size_t)(p - s);
    if ((n == 3 && !strncmp(s, "all", 3)) || (n == strlen(r->id) && !strncasecmp(s, r->id, n)) ||
        (n == strlen(r->name) && !strncmp(s, r->name, n)))
      return true;
    if (*p == ',') p++;
  }
  return false;
}

/* The first line after `line` that holds something other than a comment. */
static uint32_t next_code_line(const rc_file *f, uint32_t line) {
  for (uint32_t l = line + 1; f->src && l <= f->src->nlines; l++) {
    uint32_t off, len;
    rc_source_line(f->src, l, &off, &len);
    const char *t = f->src->text + off;
    uint32_t i = 0;
    while (i < len && (t[i] == ' ' || t[i] == '\t')) i++;
    if (i < len && t[i] != '#') return l;
  }
  return 0;
}

static bool suppressed(const rc_diag *d) {
  const rc_ir *ir = d->file->ir;
  if (!ir) return false;
  for (size_t i = 0; i < ir->directives.n; i++) {
    const rc_directive *dv = &ir->directives.v[i];
    if (!directive_names(dv->text, d->rule)) continue;
    uint32_t l = dv->span.line;
    if (!dv->own_line && l == d->span.line) return true;
    if (dv->own_line) {
      if (ir->first_cmd_line == 0 || l < ir->first_cmd_line) return true; /* the whole file */
      if (next_code_line(d->file, l) == d->span.line) return true;
    }
  }
  return false;
}

/* ---- configuration per file ---- */

typedef struct cfgs {
  rc_lint *L;
  rc_config user;
  bool have_user;
  rc_map by_dir; /* dir → rc_config* (NULL entry: none) */
  RC_VEC(rc_config *) owned;
} cfgs;

static const rc_config *config_for(cfgs *C, const rc_file *f) {
  char *dir = rc_arena_strdup(&C->L->S->arena, f->fs_path);
  char *slash = strrchr(dir, '/');
  if (slash) *slash = 0;
  if (rc_map_has(&C->by_dir, dir)) return rc_map_get(&C->by_dir, dir);
  const char *p = rc_config_find(*dir ? dir : "/", &C->L->S->arena);
  rc_config *c = NULL;
  if (p) {
    for (size_t i = 0; i < C->owned.n; i++)
      if (!strcmp(C->owned.v[i]->path, p)) c = C->owned.v[i];
    if (!c) {
      c = rc_xcalloc(1, sizeof *c);
      if (!rc_config_load(p, c, &C->L->S->arena)) rc_vec_push(&C->L->errors, rc_xstrdup(c->error));
      rc_vec_push(&C->owned, c);
    }
  }
  rc_map_put(&C->by_dir, dir, c);
  return c;
}

static int list_has(const char *const *v, size_t n, const rc_rule *r) {
  for (size_t i = 0; i < n; i++)
    if (!strcmp(v[i], "all") || !strcasecmp(v[i], r->id) || !strcmp(v[i], r->name)) return 1;
  return 0;
}

/* Applies config layers and the command line to one diagnostic: false when
 * it is disabled. */
static bool configure(const rc_lint_opts *o, cfgs *C, rc_diag *d, int *min_sev, int *fail_on) {
  const rc_rule *r = d->rule;
  bool on = !r->off_by_default;
  const rc_config *layers[2] = {C->have_user ? &C->user : NULL, o->no_config || o->config_path ? NULL : config_for(C, d->file)};
  *min_sev = RC_SEV_STYLE;
  *fail_on = RC_SEV_WARNING;
  for (int i = 0; i < 2; i++) {
    const rc_config *c = layers[i];
    if (!c) continue;
    if (list_has(c->enable.v, c->enable.n, r)) on = true;
    if (list_has(c->disable.v, c->disable.n, r)) on = false;
    for (size_t k = 0; k < c->severity.n; k++)
      if (!strcasecmp(c->severity.v[k].key, r->id) || !strcmp(c->severity.v[k].key, r->name))
        rc_severity_parse(c->severity.v[k].value, &d->severity);
    if (c->min_severity >= 0) *min_sev = c->min_severity;
    if (c->fail_on >= 0) *fail_on = c->fail_on;
  }
  if (list_has(o->enable, (size_t)o->nenable, r)) on = true;
  if (list_has(o->disable, (size_t)o->ndisable, r)) on = false;
  if (o->min_severity >= 0) *min_sev = o->min_severity;
  if (o->fail_on >= 0) *fail_on = o->fail_on;
  return on;
}

/* ---- running ---- */

static void run_rules(rc_lint *L, const rc_rule *const *rules, size_t nrules, rc_ctx *const *ctxs, size_t n) {
  engine eng = {L};
  for (size_t i = 0; i < nrules; i++) {
    const rc_rule *r = rules[i];
    if (r->needs_home && L->virtual_home) continue; /* the rest of the home is not known */
    rc_check cx;
    memset(&cx, 0, sizeof cx);
    cx.rule = r;
    cx.S = L->S;
    cx.engine = &eng;
    cx.ctxs = ctxs;
    cx.nctxs = n;
    switch (r->hook) {
    case RC_ON_CONTEXT:
      for (size_t k = 0; k < n; k++) {
        cx.ctx = ctxs[k];
        r->check(&cx);
      }
      break;
    case RC_ON_HOME:
      r->check(&cx);
      break;
    case RC_ON_FILE:
      for (size_t f = 0; f < L->S->file_list.n; f++) {
        const rc_file *file = L->S->file_list.v[f];
        if (!file->ir || !user_file(L, file)) continue;
        cx.file = file;
        r->check(&cx);
      }
      break;
    }
  }
}

static void mark_user_files(rc_lint *L, char *const *files, int nfiles) {
  rc_session *S = L->S;
  L->user_memo.n = 0;
  /* FILE mode: a file is the user's when it is one of the arguments (by
   * real path); one lookup per file, not one realpath per pair. */
  rc_map args = {0};
  for (int k = 0; k < nfiles; k++) {
    const char *r = rc_session_realpath(S, files[k]);
    if (r) rc_map_put(&args, r, (void *)1);
  }
  for (size_t i = 0; i < S->file_list.n; i++) {
    const rc_file *f = S->file_list.v[i];
    if (!f->fs_path || f->builtin) continue;
    bool mine = false;
    if (nfiles) {
      const char *real = rc_session_realpath(S, f->fs_path);
      mine = real && rc_map_has(&args, real);
    } else {
      size_t n = strlen(S->opt.home);
      mine = !strncmp(f->fs_path, S->opt.home, n) && f->fs_path[n] == '/';
      /* and the workspace's editor settings (--workspace) */
      size_t w = S->opt.workspace ? strlen(S->opt.workspace) : 0;
      mine |= w && f->data && !strncmp(f->fs_path, S->opt.workspace, w) && f->fs_path[w] == '/';
    }
    if (mine) rc_map_put(&L->user_files, f->fs_path, (void *)1);
  }
  rc_map_free(&args);
}

/* `file` relative to the folder of config file `cp` (absolute paths from an
 * editor), or NULL when it is not under it. */
static const char *path_under_config(const char *file, const char *cp, rc_arena *A) {
  char *f = realpath(file, NULL), *c = realpath(cp, NULL);
  const char *rel = NULL;
  char *slash = c ? strrchr(c, '/') : NULL;
  if (f && slash) {
    *slash = 0;
    size_t n = strlen(c);
    if (!strncmp(f, c, n) && f[n] == '/') rel = rc_arena_strdup(A, f + n + 1);
  }
  free(f);
  free(c);
  return rel;
}

static unsigned shells_of_roles(const char *const *roles, int n) {
  unsigned m = 0;
  for (int i = 0; i < n; i++) {
    if (!roles[i]) continue;
    if (roles[i][1] == 'z') m |= 1u << RC_SH_ZSH;
    else m |= 1u << RC_SH_BASH;
  }
  return m;
}

rc_lint *rc_lint_run(const rc_lint_opts *o) { return rc_lint_run_rules(o, rc_rules, rc_rules_count); }

rc_lint *rc_lint_run_rules(const rc_lint_opts *o, const rc_rule *const *rules, size_t nrules) {
  rc_lint *L = rc_xcalloc(1, sizeof *L);
  cfgs C;
  memset(&C, 0, sizeof C);
  C.L = L;
  rc_session_opts sopt = o->sopt;
  L->file_mode = o->nfiles > 0;
  const char **roles = rc_xcalloc((size_t)o->nfiles + 1, sizeof(char *));
  rc_arena tmp;
  rc_arena_init(&tmp);
  for (int i = 0; i < o->nfiles; i++) {
    struct stat st;
    if (stat(o->files[i], &st) != 0) {
      rc_vec_push(&L->errors, rc_xasprintf("%s: no such file", o->files[i]));
      continue;
    }
    roles[i] = role_from_directive(o, o->files[i], &tmp);
    if (!roles[i] && !o->no_config) {
      /* [roles] of the nearest .rccheckrc: globs relative to its folder */
      char *dir = rc_arena_strdup(&tmp, o->files[i]);
      char *slash = strrchr(dir, '/');
      if (slash) *slash = 0;
      else dir = ".";
      const char *cp = o->config_path ? o->config_path : rc_config_find(dir, &tmp);
      rc_config cfg;
      if (cp && rc_config_load(cp, &cfg, &tmp)) {
        const char *rel = path_under_config(o->files[i], cp, &tmp);
        for (size_t k = 0; k < cfg.roles.n && !roles[i]; k++)
          if (!fnmatch(cfg.roles.v[k].key, o->files[i], 0) || (o->files[i][0] == '.' && o->files[i][1] == '/' &&
                                                              !fnmatch(cfg.roles.v[k].key, o->files[i] + 2, 0)) ||
              (rel && !fnmatch(cfg.roles.v[k].key, rel, 0)))
            roles[i] = rc_role_of_name(cfg.roles.v[k].value);
      }
      if (cp) rc_config_free(&cfg);
    }
    if (!roles[i]) roles[i] = rc_role_of_name(o->files[i]);
  }
  if (L->file_mode && !sopt.home) {
    sopt.home = "/nonexistent/rccheck-home";
    sopt.virtual_home = true;
    L->virtual_home = true;
  }
  L->S = rc_session_new(&sopt);
  rc_session *S = L->S;
  const char *no_home = L->virtual_home ? NULL : rc_home_problem(S);
  if (no_home) rc_vec_push(&L->errors, rc_xstrdup(no_home));
  for (int i = 0; i < o->nfiles; i++)
    if (roles[i]) rc_session_map_file(S, rc_arena_printf(&S->arena, "%s/%s", S->opt.home, roles[i]), o->files[i]);
  if (o->config_path) {
    if (!rc_config_load(o->config_path, &C.user, &S->arena)) rc_vec_push(&L->errors, rc_xstrdup(C.user.error));
    C.have_user = true;
  } else if (!o->no_config) {
    const char *up = rc_config_user_path(&S->arena);
    if (up) {
      if (!rc_config_load(up, &C.user, &S->arena)) rc_vec_push(&L->errors, rc_xstrdup(C.user.error));
      C.have_user = true;
    }
  }
  for (int i = 0; i < o->nbuffers; i++)
    rc_session_set_buffer(S, o->buffer_paths[i], o->buffer_texts[i], strlen(o->buffer_texts[i]));
  unsigned shells = o->shells;
  if (!shells) shells = L->file_mode ? shells_of_roles(roles, o->nfiles) : rc_session_shells(S);
  unsigned ctxmask = o->ctxs ? o->ctxs : (1u << RC_CTX_COUNT) - 1;
  S->want_ctxs = ctxmask;
  RC_VEC(rc_ctx *) ctxs = {0};
  for (int sh = 0; sh < RC_SH_COUNT; sh++)
    for (int k = 0; k < RC_CTX_COUNT; k++)
      if ((shells & (1u << sh)) && (ctxmask & (1u << k))) rc_vec_push(&ctxs, rc_session_ctx(S, (rc_shell)sh, (rc_ctx_kind)k));
  mark_user_files(L, o->files, o->nfiles);
  /* Files without a role that nothing sources are analyzed on their own. */
  rc_map read = {0}; /* real paths of the files the contexts read */
  for (size_t k = 0; k < S->file_list.n; k++)
    if (S->file_list.v[k]->src && S->file_list.v[k]->fs_path) {
      const char *r = rc_session_realpath(S, S->file_list.v[k]->fs_path);
      if (r) rc_map_put(&read, r, (void *)1);
    }
  for (int i = 0; i < o->nfiles; i++) {
    if (roles[i]) continue;
    const char *real = rc_session_realpath(S, o->files[i]);
    if (real && rc_map_has(&read, real)) continue;
    rc_session_add_fragment(S, o->files[i]);
  }
  rc_map_free(&read);
  rc_session_prefetch_fragments(S);
  for (size_t f = 0; f < S->fragments.n; f++) rc_vec_push(&ctxs, rc_session_fragment_ctx(S, f));
  mark_user_files(L, o->files, o->nfiles);
  run_rules(L, rules, nrules, ctxs.v, ctxs.n);
  /* Suppressions, configuration, filters: once, centrally. */
  rc_diag_list kept = {0};
  L->fail_on = RC_SEV_WARNING;
  int fail = 0;
  for (size_t i = 0; i < L->diags.n; i++) {
    rc_diag *d = L->diags.v[i];
    d->fresh = false;
    int min_sev, fail_on;
    bool on = configure(o, &C, d, &min_sev, &fail_on);
    if (!on || suppressed(d) || (int)d->severity < min_sev) {
      rc_diag_free(d);
      continue;
    }
    if ((int)d->severity >= fail_on) fail = 1;
    rc_vec_push(&kept, d);
  }
  rc_vec_free(&L->diags);
  L->diags = kept;
  rc_diag_sort(&L->diags);
  L->exit_code = L->errors.n ? 2 : fail;
  rc_vec_free(&ctxs);
  free(roles);
  rc_arena_free(&tmp);
  if (C.have_user) rc_config_free(&C.user);
  for (size_t i = 0; i < C.owned.n; i++) {
    rc_config_free(C.owned.v[i]);
    free(C.owned.v[i]);
  }
  rc_vec_free(&C.owned);
  rc_map_free(&C.by_dir);
  return L;
}

void rc_lint_free(rc_lint *L) {
  if (!L) return;
  for (size_t i = 0; i < L->diags.n; i++) rc_diag_free(L->diags.v[i]);
  rc_vec_free(&L->diags);
  for (size_t i = 0; i < L->errors.n; i++) free(L->errors.v[i]);
  rc_vec_free(&L->errors);
  rc_map_free(&L->seen);
  rc_map_free(&L->user_files);
  rc_vec_free(&L->user_memo);
  rc_map_free(&L->rule_sev);
  rc_map_free(&L->rule_on);
  rc_session_free(L->S);
  free(L);
}
