/* test_shared_walk.c — login-interactive, vscode and zsh's interactive
 * context evaluated in one walk (rc_eval_context_group) must give what each
 * evaluated on its own gives: every event, value (with the origin of each
 * segment), chain entry, read, program, problem and final variable. Checked
 * on every corpus home for zsh and bash; on homes that touch VS Code's
 * marker in awkward places (a branch, a subshell, a function's local,
 * unset), where the vscode context puts the marker when first touched; and
 * on homes whose zprofile files do something or which ask for the login
 * option, where interactive is evaluated alone. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "eval_helpers.h"

static void str_dump(rc_buf *b, const rc_str *v) {
  if (!v) {
    rc_buf_puts(b, "-");
    return;
  }
  rc_buf_printf(b, "[%s%s", v->array ? "a" : "", v->capped ? "c" : "");
  for (uint32_t i = 0; i < v->nseg; i++)
    rc_buf_printf(b, " %u:%.*s@%u", v->seg[i].kind, (int)v->seg[i].n, v->seg[i].s ? v->seg[i].s : "",
                  v->seg[i].origin);
  rc_buf_puts(b, "]");
}

static void cond_dump(rc_buf *b, const rc_cond *c) {
  for (; c; c = c->next) rc_buf_printf(b, " %u/%u@%u", c->branch, c->arms, c->span.start);
}

static void alt_dump(rc_buf *b, const rc_alt *a) {
  rc_buf_printf(b, "{%u %d ev%u", a->state, a->exported, a->event);
  str_dump(b, a->val);
  cond_dump(b, a->cond);
  rc_buf_puts(b, "}");
}

static void var_dump(rc_buf *b, const rc_var *v) {
  if (!v) {
    rc_buf_puts(b, "null");
    return;
  }
  rc_buf_printf(b, "attrs%u", v->attrs);
  for (uint32_t i = 0; i < v->nalts; i++) alt_dump(b, &v->alts[i]);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

static void map_dump(rc_buf *b, const rc_map *m) {
  const char **keys = calloc(m->n + 1, sizeof *keys);
  size_t n = 0;
  for (size_t i = 0; i < m->cap; i++)
    if (m->slots[i].key) keys[n++] = m->slots[i].key;
  qsort(keys, n, sizeof *keys, cmp_str);
  for (size_t i = 0; i < n; i++) {
    rc_buf_printf(b, "  %s=", keys[i]);
    var_dump(b, rc_map_get(m, keys[i]));
    rc_buf_puts(b, "\n");
  }
  free(keys);
}

static const char *fname(const rc_file *f) { return f ? f->path : "-"; }

/* Everything a context holds, as text. */
static char *ctx_dump(const rc_ctx *C) {
  rc_buf b = {0};
  rc_buf_printf(&b, "shell %d kind %d precmd %d\n", C->shell, C->kind, C->ran_precmd);
  for (size_t i = 0; i < C->visits.n; i++) {
    const rc_visit *v = &C->visits.v[i];
    rc_buf_printf(&b, "visit %s %s e%d s%d p%d via%u d%u c%d u%d x%d", v->path, fname(v->file), v->exists,
                  v->startup, v->parent, v->via.start, v->depth, v->cycle, v->unresolved, v->at_exit);
    cond_dump(&b, v->cond);
    rc_buf_puts(&b, "\n");
  }
  for (size_t i = 0; i < C->events.n; i++) {
    const rc_event *e = &C->events.v[i];
    rc_buf_printf(&b, "event %u %s op%d %s %u-%u n%u v%d u%u h%d m%s ", e->id, e->var, e->op, fname(e->file),
                  e->span.start, e->span.end, e->name_span.start, e->visit, e->uniq, e->in_hook,
                  e->manager ? e->manager : "-");
    alt_dump(&b, &e->after);
    var_dump(&b, e->result);
    cond_dump(&b, e->cond);
    rc_buf_puts(&b, "\n");
  }
  for (size_t i = 0; i < C->reads.n; i++)
    rc_buf_printf(&b, "read %s %s %u %u %d\n", C->reads.v[i].var, fname(C->reads.v[i].file), C->reads.v[i].span.start,
                  C->reads.v[i].state_before, C->reads.v[i].visit);
  for (size_t i = 0; i < C->execs.n; i++) {
    const rc_exec_site *x = &C->execs.v[i];
    rc_buf_printf(&b, "exec %s %u %s %s %d %d %u", fname(x->file), x->span.start, x->text, x->manager ? x->manager : "-",
                  x->cmdsub, x->visit, x->events_before);
    cond_dump(&b, x->cond);
    rc_buf_puts(&b, "\n");
  }
  for (size_t i = 0; i < C->problems.n; i++)
    rc_buf_printf(&b, "problem %d %s %u %s %s\n", C->problems.v[i].kind, fname(C->problems.v[i].file),
                  C->problems.v[i].span.start, C->problems.v[i].target ? C->problems.v[i].target : "-",
                  C->problems.v[i].message);
  for (size_t i = 0; i < C->hooks.n; i++)
    rc_buf_printf(&b, "hook %s %s %s %u\n", C->hooks.v[i].kind, C->hooks.v[i].func, fname(C->hooks.v[i].file),
                  C->hooks.v[i].span.start);
  for (size_t i = 0; i < C->names.n; i++) rc_buf_printf(&b, "name %s\n", C->names.v[i]);
  rc_buf_puts(&b, "final\n");
  map_dump(&b, &C->final);
  rc_buf_puts(&b, "before settings\n");
  map_dump(&b, &C->before_settings);
  return rc_buf_steal(&b);
}

static rc_session *session_at(const char *home, const char *sys, bool shared) {
  rc_session_opts o;
  memset(&o, 0, sizeof o);
  o.home = home;
  o.sysroot = sys;
  o.os = RC_OS_LINUX;
  o.user = "u";
  o.no_shared_walks = !shared;
  rc_session *S = rc_session_new(&o);
  S->want_ctxs = (1u << RC_CTX_COUNT) - 1;
  return S;
}

enum { SHARED_VS = 1, SHARED_IN = 2 };

/* Both ways for one shell of one home; returns which contexts were shared. */
static int compare_home(const char *home, const char *sys, rc_shell sh) {
  rc_session *A = session_at(home, sys, true), *B = session_at(home, sys, false);
  static const rc_ctx_kind kinds[] = {RC_CTX_LOGIN_INTERACTIVE, RC_CTX_VSCODE, RC_CTX_INTERACTIVE};
  int shared = 0;
  for (size_t i = 0; i < RC_ARRAY_LEN(kinds); i++) {
    const rc_ctx *a = rc_session_ctx(A, sh, kinds[i]), *b = rc_session_ctx(B, sh, kinds[i]);
    assert_false(b->shared_walk);
    char *x = ctx_dump(a), *y = ctx_dump(b);
    if (strcmp(x, y)) fprintf(stderr, "%s differs: %s (shell %d)\n", rc_ctx_name(kinds[i]), home, sh);
    assert_string_equal(x, y);
    free(x), free(y);
    if (a->shared_walk) shared |= kinds[i] == RC_CTX_VSCODE ? SHARED_VS : SHARED_IN;
  }
  rc_session_free(A);
  rc_session_free(B);
  return shared;
}

static void test_corpus_homes(void **st) {
  (void)st;
  const char *src = getenv("RC_SRC");
  assert_non_null(src);
  char dir[PATH_MAX];
  snprintf(dir, sizeof dir, "%s/corpus", src);
  DIR *d = opendir(dir);
  assert_non_null(d);
  int runs = 0, shared = 0, shared_in = 0;
  struct dirent *de;
  while ((de = readdir(d))) {
    if (de->d_name[0] == '.') continue;
    char home[PATH_MAX + 300], root[PATH_MAX + 300], sys[PATH_MAX + 300];
    snprintf(home, sizeof home, "%s/%s/home", dir, de->d_name);
    snprintf(root, sizeof root, "%s/%s/root", dir, de->d_name);
    struct stat sb;
    if (stat(home, &sb) != 0) continue;
    /* the system files: the corpus home's overlay, else none (a stable world) */
    snprintf(sys, sizeof sys, "%s", stat(root, &sb) == 0 ? root : "/nonexistent");
    for (int sh = RC_SH_ZSH; sh <= RC_SH_BASH; sh++) {
      runs++;
      int got = compare_home(home, sys, (rc_shell)sh);
      shared += (got & SHARED_VS) != 0;
      shared_in += (got & SHARED_IN) != 0;
      if (sh == RC_SH_BASH) assert_false(got & SHARED_IN); /* bash's interactive reads other files */
    }
  }
  closedir(d);
  fprintf(stderr, "shared walk: vscode in %d of %d corpus runs, interactive in %d of %d zsh runs\n", shared, runs,
          shared_in, runs / 2);
  assert_true(runs >= 60);
  /* most homes never look at the marker, most zsh homes have no zprofile:
   * if none shares, the walk is not shared at all */
  assert_true(shared * 2 > runs);
  assert_true(shared_in * 4 > runs / 2);
}

/* The marker touched where a pending variable is hardest to put: inside a
 * branch, a subshell, a command substitution, a function with it local,
 * and unset on one path. Each way is compared; the values are checked too. */
static void test_marker_touched_late(void **st) {
  (void)st;
  static const char *const rcs[] = {
      "export A=1\nif [[ $(uname -m) == arm64 ]]; then export B=$VSCODE_RESOLVING_ENVIRONMENT; fi\nexport C=2\n",
      "export A=1\n( export B=$VSCODE_RESOLVING_ENVIRONMENT; unset VSCODE_RESOLVING_ENVIRONMENT )\nexport C=$VSCODE_RESOLVING_ENVIRONMENT\n",
      "export A=$(echo $VSCODE_RESOLVING_ENVIRONMENT)\nexport C=$VSCODE_RESOLVING_ENVIRONMENT\n",
      "f() { local VSCODE_RESOLVING_ENVIRONMENT=2; export B=$VSCODE_RESOLVING_ENVIRONMENT; }\nexport A=1\nf\n"
      "export C=$VSCODE_RESOLVING_ENVIRONMENT\n",
      "export A=1\nif [[ $(uname -m) == arm64 ]]; then unset VSCODE_RESOLVING_ENVIRONMENT; fi\nexport C=${VSCODE_RESOLVING_ENVIRONMENT:-none}\n",
      "export A=1\n[[ $(uname -m) == arm64 ]] && return\nexport VSCODE_RESOLVING_ENVIRONMENT=7\nexport C=$VSCODE_RESOLVING_ENVIRONMENT\n",
      "export A=1\ncase $- in *m*) export M=1 ;; esac\nexport C=2\n",
  };
  /* C in the vscode context, then in login-interactive */
  static const char *const want[][2] = {
      {"2", "2"}, {"1", "<unset>"}, {"1", "<unset>"}, {"1", "<unset>"}, {"1", "none"}, {"7", "7"}, {"2", "2"},
  };
  for (size_t i = 0; i < RC_ARRAY_LEN(rcs); i++) {
    th t;
    th_init(&t);
    th_write(&t, "~/.zshrc", rcs[i]);
    th_write(&t, "~/.bashrc", rcs[i]);
    th_write(&t, "~/.bash_profile", ". ~/.bashrc\n");
    for (int sh = RC_SH_ZSH; sh <= RC_SH_BASH; sh++) {
      assert_false(compare_home(t.home, t.sys, (rc_shell)sh) & SHARED_VS);
      rc_session *S = session_at(t.home, t.sys, true);
      const rc_ctx *li = rc_session_ctx(S, (rc_shell)sh, RC_CTX_LOGIN_INTERACTIVE);
      const rc_ctx *vs = rc_session_ctx(S, (rc_shell)sh, RC_CTX_VSCODE);
      const rc_var *c = rc_ctx_var(vs, "C");
      assert_true(th_has_alt(S, c, want[i][0]));
      assert_true(th_has_alt(S, rc_ctx_var(li, "C"), want[i][1]) ||
                  (!strcmp(want[i][1], "<unset>") && !strcmp(th_val(S, li, "C"), "")));
      /* the marker is an initial variable: no file line, on every path */
      const rc_event *init = th_event(vs, "VSCODE_RESOLVING_ENVIRONMENT", RC_OP_INIT, 0);
      assert_non_null(init);
      assert_null(init->file);
      assert_null(init->cond);
      assert_null(th_event(li, "VSCODE_RESOLVING_ENVIRONMENT", RC_OP_INIT, 0));
      rc_session_free(S);
    }
    th_free(&t);
  }
}

/* A home that never touches it shares the walk, and the marker is there. */
static void test_untouched_marker_shared(void **st) {
  (void)st;
  th t;
  th_init(&t);
  th_write(&t, "~/.zshrc", "export GOPATH=$HOME/go\npath=($GOPATH/bin $path)\nf() { export IN_F=1; }\nf\n");
  assert_int_equal(compare_home(t.home, t.sys, RC_SH_ZSH), SHARED_VS | SHARED_IN);
  rc_session *S = session_at(t.home, t.sys, true);
  rc_session_ctx(S, RC_SH_ZSH, RC_CTX_LOGIN_INTERACTIVE);
  const rc_ctx *vs = rc_session_ctx(S, RC_SH_ZSH, RC_CTX_VSCODE);
  assert_true(vs->shared_walk);
  assert_string_equal(th_val(S, vs, "VSCODE_RESOLVING_ENVIRONMENT"), "1");
  assert_string_equal(th_val(S, vs, "IN_F"), "1");
  rc_session_free(S);
  /* asking for vscode alone evaluates it on its own */
  S = session_at(t.home, t.sys, true);
  S->want_ctxs = 1u << RC_CTX_VSCODE;
  assert_false(rc_session_ctx(S, RC_SH_ZSH, RC_CTX_VSCODE)->shared_walk);
  rc_session_free(S);
  th_free(&t);
}

/* interactive shares login-interactive's walk only while the zprofile files
 * change nothing but the chain and no file asks for the login option; $-
 * (whose l flag differs) stops it too. */
static void test_interactive_shared_or_not(void **st) {
  (void)st;
  static const struct {
    const char *zprofile, *etc_zprofile, *zshrc;
    bool shared;
    const char *x_in, *x_li; /* X in interactive and login-interactive */
  } cases[] = {
      {NULL, NULL, "export X=rc\n", true, "rc", "rc"},
      {NULL, "# comments only\n", "export X=rc\n", true, "rc", "rc"},
      {"# nothing here\n\n", NULL, "export X=$X-rc\n", true, "-rc", "-rc"},
      {"export X=prof\n", NULL, "export X=$X-rc\n", false, "-rc", "prof-rc"},
      {NULL, "typeset -U path\n", "export X=rc\n", false, "rc", "rc"},
      {NULL, NULL, "[[ -o login ]] && export X=login || export X=not\n", false, "not", "login"},
      {NULL, NULL, "case $- in *l*) export X=login ;; *) export X=not ;; esac\n", false, "not", "login"},
      {NULL, NULL, "f() { export X=$1; }\nif [[ $(uname) == x ]]; then f a; else f b; fi\n", true, "b", "b"},
  };
  for (size_t i = 0; i < RC_ARRAY_LEN(cases); i++) {
    th t;
    th_init(&t);
    if (cases[i].zprofile) th_write(&t, "~/.zprofile", cases[i].zprofile);
    if (cases[i].etc_zprofile) th_write(&t, "/etc/zsh/zprofile", cases[i].etc_zprofile);
    th_write(&t, "~/.zshrc", cases[i].zshrc);
    int got = compare_home(t.home, t.sys, RC_SH_ZSH);
    if (((got & SHARED_IN) != 0) != cases[i].shared) fprintf(stderr, "case %zu: shared %d\n", i, got);
    assert_int_equal((got & SHARED_IN) != 0, cases[i].shared);
    rc_session *S = session_at(t.home, t.sys, true);
    const rc_ctx *li = rc_session_ctx(S, RC_SH_ZSH, RC_CTX_LOGIN_INTERACTIVE);
    const rc_ctx *in = rc_session_ctx(S, RC_SH_ZSH, RC_CTX_INTERACTIVE);
    assert_true(th_has_alt(S, rc_ctx_var(in, "X"), cases[i].x_in));
    assert_true(th_has_alt(S, rc_ctx_var(li, "X"), cases[i].x_li));
    rc_session_free(S);
    th_free(&t);
  }
}

/* `case $- in` and `[[ $- == pattern ]]` with literal patterns share the
 * walk when every context sharing it answers alike (Debian's skeleton
 * .bashrc: *i*), and not when the answer depends on the terminal's m or the
 * login shell's l. */
static void test_dash_case(void **st) {
  (void)st;
  static const struct {
    const char *rc;
    int bash, zsh; /* what is shared */
  } cases[] = {
      {"case $- in\n  *i*) ;;\n  *) return ;;\nesac\nexport X=1\n", SHARED_VS, SHARED_VS | SHARED_IN},
      {"case \"$-\" in *i*) export X=1 ;; *) export X=2 ;; esac\n", SHARED_VS, SHARED_VS | SHARED_IN},
      /* an item some of them take and some not: none is shared (bash's $- has no l) */
      {"case $- in *m*) export X=1 ;; esac\n", 0, 0},
      {"case $- in *l*) export X=1 ;; esac\n", SHARED_VS, 0},
      {"p='*i*'\ncase $- in $p) export X=1 ;; esac\n", 0, 0}, /* a pattern from a variable: not looked into */
      {"[[ $- == *i* ]] && export X=1\n", SHARED_VS, SHARED_VS | SHARED_IN},
      {"[[ \"$-\" != *m* ]] || export X=1\n", 0, 0},
      {"P='*i*'\n[[ $- == $P ]] && export X=1\n", 0, 0},  /* a pattern from a variable: not looked into */
      {"[ \"${-#*i}\" != \"$-\" ] && export X=1\n", 0, 0}, /* other uses of $-: not looked into */
  };
  for (size_t i = 0; i < RC_ARRAY_LEN(cases); i++) {
    th t;
    th_init(&t);
    th_write(&t, "~/.zshrc", cases[i].rc);
    th_write(&t, "~/.bashrc", cases[i].rc);
    th_write(&t, "~/.bash_profile", ". ~/.bashrc\n");
    int zsh = compare_home(t.home, t.sys, RC_SH_ZSH), bash = compare_home(t.home, t.sys, RC_SH_BASH);
    if (zsh != cases[i].zsh || bash != cases[i].bash) fprintf(stderr, "case %zu: zsh %d bash %d\n", i, zsh, bash);
    assert_int_equal(zsh, cases[i].zsh);
    assert_int_equal(bash, cases[i].bash);
    th_free(&t);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_dash_case),
      cmocka_unit_test(test_interactive_shared_or_not),
      cmocka_unit_test(test_corpus_homes),
      cmocka_unit_test(test_marker_touched_late),
      cmocka_unit_test(test_untouched_marker_shared),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
