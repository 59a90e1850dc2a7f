/* test_eval_tools.c — provenance of PATH entries, the version managers'
 * init lines modelled as values tagged with the manager, and macOS
 * path_helper. The tools are never run: the test worlds only hold files
 * where the init lines look for them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "eval_helpers.h"

#define EXPECT_STR(got, want)                                                   \
  do {                                                                          \
    const char *g_ = (got);                                                     \
    const char *w_ = (want);                                                    \
    if (strcmp(g_, w_)) print_error("want %s\ngot  %s\n", w_, g_);             \
    assert_string_equal(g_, w_);                                                \
  } while (0)

/* "e@init e@init …" for the default PATH of a fresh login. */
static char *init_entries(const char *path) {
  rc_buf b = {0};
  const char *p = path;
  while (*p) {
    const char *c = strchr(p, ':');
    size_t n = c ? (size_t)(c - p) : strlen(p);
    rc_buf_printf(&b, "%s%.*s@init", b.n ? " " : "", (int)n, p);
    p += n + (c ? 1 : 0);
  }
  return rc_buf_steal(&b);
}

/* ---- each PATH entry names the line that added it ---- */

static void test_path_provenance(void **st) {
  (void)st;
  th t;
  th_init(&t);
  th_write(&t, "~/.zshenv",
           "export PATH=/opt/a:$PATH\n"
           "PATH=\"$PATH:/opt/b\"\n"
           "GOPATH=$HOME/go\n"
           "export PATH=$GOPATH/bin:$PATH\n"
           "path=(/opt/c $path)\n");
  th_write(&t, "~/.bashrc",
           "export PATH=/opt/a:$PATH\n"
           "PATH=\"$PATH:/opt/b\"\n"
           "GOPATH=$HOME/go\n"
           "export PATH=$GOPATH/bin:$PATH\n");
  rc_session *S = th_session(&t, RC_OS_LINUX);
  char *init = init_entries(rc_default_path(RC_OS_LINUX, geteuid() == 0));
  char *want = rc_xasprintf("/opt/c@~/.zshenv:5 %s/go/bin@~/.zshenv:4 /opt/a@~/.zshenv:1 %s /opt/b@~/.zshenv:2",
                            t.home, init);
  rc_ctx *C = rc_session_ctx(S, RC_SH_ZSH, RC_CTX_SCRIPT);
  EXPECT_STR(th_entries(S, C, "PATH"), want);
  free(want);
  want = rc_xasprintf("%s/go/bin@~/.bashrc:4 /opt/a@~/.bashrc:1 %s /opt/b@~/.bashrc:2", t.home, init);
  EXPECT_STR(th_entries(S, rc_session_ctx(S, RC_SH_BASH, RC_CTX_INTERACTIVE), "PATH"), want);
  free(want);
  free(init);
  /* The history: the initial value, then one event per line. */
  size_t n;
  const uint32_t *ids = rc_ctx_var_events(C, "PATH", &n);
  assert_int_equal(n, 5);
  assert_int_equal(C->events.v[ids[0]].op, RC_OP_INIT);
  assert_int_equal(C->events.v[ids[4]].span.line, 5);
  rc_session_free(S);
  th_free(&t);
}

/* ---- version managers ---- */

static void managers_world(th *t) {
  th_write_mode(t, "/opt/homebrew/bin/brew", "#!/bin/sh\n", 0755);
  th_write_mode(t, "/usr/bin/mise", "#!/bin/sh\n", 0755);
  th_write_mode(t, "~/.goenv/bin/goenv", "#!/bin/sh\n", 0755);
  th_write(t, "~/.asdf/asdf.sh", "# asdf\n");
}

static void test_brew_goenv_asdf_mise(void **st) {
  (void)st;
  th t;
  th_init(&t);
  managers_world(&t);
  th_write(&t, "~/.zshrc",
           "eval \"$(/opt/homebrew/bin/brew shellenv)\"\n"
           "export GOENV_ROOT=\"$HOME/.goenv\"\n"
           "export PATH=\"$GOENV_ROOT/bin:$PATH\"\n"
           "eval \"$(goenv init -)\"\n"
           ". \"$HOME/.asdf/asdf.sh\"\n"
           "eval \"$(mise activate zsh)\"\n");
  rc_session *S = th_session(&t, RC_OS_LINUX);
  rc_ctx *C = rc_session_ctx(S, RC_SH_ZSH, RC_CTX_INTERACTIVE);

  /* brew shellenv: HOMEBREW_* exported, bin and sbin in front. */
  assert_string_equal(th_val(S, C, "HOMEBREW_PREFIX"), "/opt/homebrew");
  assert_string_equal(th_val(S, C, "HOMEBREW_CELLAR"), "/opt/homebrew/Cellar");
  assert_true(rc_var_exported(rc_ctx_var(C, "HOMEBREW_PREFIX")));
  const rc_event *ev = th_event(C, "HOMEBREW_PREFIX", RC_OP_MANAGER, 0);
  assert_non_null(ev);
  assert_string_equal(ev->manager, "brew");
  assert_int_equal(ev->span.line, 1);

  /* goenv: GOROOT under its root, version not known statically. */
  ev = th_event(C, "GOROOT", RC_OP_MANAGER, 0);
  assert_non_null(ev);
  assert_string_equal(ev->manager, "goenv");
  assert_int_equal(ev->span.line, 4);
  char *want = rc_xasprintf("%s/.goenv/versions/$(goenv version-name)", t.home);
  assert_string_equal(rc_str_text(&S->arena, ev->after.val, ' '), want);
  free(want);
  assert_int_equal(ev->after.state, RC_VS_UNKNOWN);

  /* mise activate runs its hook at once: GOROOT from mise, last. */
  ev = th_event(C, "GOROOT", RC_OP_MANAGER, 1);
  assert_non_null(ev);
  assert_string_equal(ev->manager, "mise");
  assert_int_equal(ev->span.line, 6);
  assert_string_equal(th_val(S, C, "GOROOT"), "$(mise where go)");
  assert_int_equal(rc_var_summary(rc_ctx_var(C, "GOROOT")), RC_SUM_UNKNOWN);
  bool mise_hook = false;
  for (size_t i = 0; i < C->hooks.n; i++)
    if (C->hooks.v[i].manager && !strcmp(C->hooks.v[i].manager, "mise")) mise_hook = true;
  assert_true(mise_hook);

  /* PATH: each entry from its line, the goenv shims appended. */
  char *init = init_entries(rc_default_path(RC_OS_LINUX, geteuid() == 0));
  want = rc_xasprintf("$(mise bin-paths)@~/.zshrc:6 %s/.asdf/shims@~/.zshrc:5 %s/.asdf/bin@~/.zshrc:5 "
                      "%s/.goenv/bin@~/.zshrc:3 /opt/homebrew/bin@~/.zshrc:1 /opt/homebrew/sbin@~/.zshrc:1 %s "
                      "%s/.goenv/shims@~/.zshrc:4",
                      t.home, t.home, t.home, init, t.home);
  EXPECT_STR(th_entries(S, C, "PATH"), want);
  free(want);
  free(init);
  rc_session_free(S);
  th_free(&t);
}

/* A tool that is not installed: its init line changes nothing. */
static void test_manager_not_installed(void **st) {
  (void)st;
  th t;
  th_init(&t);
  th_write(&t, "~/.zshrc", "eval \"$(/opt/homebrew/bin/brew shellenv)\"\neval \"$(goenv init -)\"\n");
  rc_session *S = th_session(&t, RC_OS_LINUX);
  rc_ctx *C = rc_session_ctx(S, RC_SH_ZSH, RC_CTX_INTERACTIVE);
  assert_string_equal(th_val(S, C, "HOMEBREW_PREFIX"), "<unset>");
  assert_string_equal(th_val(S, C, "GOROOT"), "<unset>");
  rc_session_free(S);
  th_free(&t);
}

/* goenv adds its shims only when PATH does not have them (a terminal that
 * inherited them keeps them where they were). */
static void test_goenv_shims_once(void **st) {
  (void)st;
  th t;
  th_init(&t);
  managers_world(&t);
  th_write(&t, "~/.zshrc",
           "export GOENV_ROOT=$HOME/.goenv PATH=$HOME/.goenv/bin:$PATH\n"
           "export PATH=$HOME/.goenv/shims:$PATH\n"
           "eval \"$(goenv init -)\"\n");
  rc_session *S = th_session(&t, RC_OS_LINUX);
  rc_ctx *C = rc_session_ctx(S, RC_SH_ZSH, RC_CTX_INTERACTIVE);
  char *shims = rc_xasprintf("%s/.goenv/shims", t.home);
  rc_entries es = {0};
  rc_str_split(&S->arena, rc_ctx_var(C, "PATH")->alts[0].val, ':', &es);
  int count = 0;
  for (size_t i = 0; i < es.n; i++) count += !strcmp(es.v[i].text, shims);
  assert_int_equal(count, 1);
  assert_string_equal(es.v[0].text, shims);
  rc_vec_free(&es);
  free(shims);
  rc_session_free(S);
  th_free(&t);
}

/* gvm unsets GOROOT/GOPATH/GOBIN, then sets its own. */
static void test_gvm(void **st) {
  (void)st;
  th t;
  th_init(&t);
  th_write(&t, "~/.gvm/scripts/gvm", "# gvm\n");
  th_write(&t, "~/.zshrc",
           "export GOROOT=/usr/local/go GOBIN=$HOME/bin\n"
           "[[ -s \"$HOME/.gvm/scripts/gvm\" ]] && source \"$HOME/.gvm/scripts/gvm\"\n");
  rc_session *S = th_session(&t, RC_OS_LINUX);
  rc_ctx *C = rc_session_ctx(S, RC_SH_ZSH, RC_CTX_INTERACTIVE);
  const rc_event *un = th_event(C, "GOBIN", RC_OP_UNSET, 0);
  assert_non_null(un);
  assert_string_equal(un->manager, "gvm");
  assert_int_equal(un->span.line, 2);
  assert_string_equal(th_val(S, C, "GOBIN"), "<unset>");
  char *want = rc_xasprintf("%s/.gvm/gos/$(gvm current)", t.home);
  assert_string_equal(th_val(S, C, "GOROOT"), want);
  free(want);
  const rc_event *set = th_event(C, "GOROOT", RC_OP_MANAGER, 0);
  assert_non_null(set);
  assert_string_equal(set->manager, "gvm");
  /* With an empty gvm script the guard fails: nothing happens. */
  rc_session_free(S);
  th_write(&t, "~/.gvm/scripts/gvm", "");
  S = th_session(&t, RC_OS_LINUX);
  C = rc_session_ctx(S, RC_SH_ZSH, RC_CTX_INTERACTIVE);
  assert_string_equal(th_val(S, C, "GOROOT"), "/usr/local/go");
  rc_session_free(S);
  th_free(&t);
}

/* asdf-golang's set-env.zsh is a precmd hook: it runs in terminals only,
 * never in -c shells or for VS Code; it sets GOROOT only when unset. */
static void test_asdf_golang_hook(void **st) {
  (void)st;
  th t;
  th_init(&t);
  th_write(&t, "~/.asdf/plugins/golang/set-env.zsh", "# asdf-golang\n");
  th_write(&t, "~/.zshrc", ". ${ASDF_DATA_DIR:-$HOME/.asdf}/plugins/golang/set-env.zsh\n");
  th_write(&t, "~/.zprofile", "");
  rc_session *S = th_session(&t, RC_OS_LINUX);
  rc_ctx *C = rc_session_ctx(S, RC_SH_ZSH, RC_CTX_INTERACTIVE);
  assert_string_equal(th_val(S, C, "GOROOT"), "$(asdf where golang)/go");
  const rc_event *ev = th_event(C, "GOROOT", RC_OP_MANAGER, 0);
  assert_non_null(ev);
  assert_string_equal(ev->manager, "asdf-golang");
  assert_true(C->ran_precmd);
  assert_string_equal(th_val(S, rc_session_ctx(S, RC_SH_ZSH, RC_CTX_VSCODE), "GOROOT"), "<unset>");
  assert_string_equal(th_val(S, rc_session_ctx(S, RC_SH_ZSH, RC_CTX_LOGIN), "GOROOT"), "<unset>");
  rc_session_free(S);
  /* A GOROOT exported before wins over the hook. */
  th_write(&t, "~/.zprofile", "export GOROOT=/usr/local/go\n");
  S = th_session(&t, RC_OS_LINUX);
  assert_string_equal(th_val(S, rc_session_ctx(S, RC_SH_ZSH, RC_CTX_LOGIN_INTERACTIVE), "GOROOT"), "/usr/local/go");
  rc_session_free(S);
  th_free(&t);
}

/* add-zsh-hook adds a function once, and a hook added while the hooks run
 * waits for the next prompt: a precmd hook that registers itself again (a
 * common way to stay last) runs once before the first prompt. (It used to
 * append itself on every run: minutes and gigabytes for four lines.) */
static void test_hook_adds_itself(void **st) {
  (void)st;
  th t;
  th_init(&t);
  th_write(&t, "~/.zshrc",
           "setgo() { add-zsh-hook precmd setgo; path+=(/hook) }\n"
           "autoload -Uz add-zsh-hook\n"
           "add-zsh-hook precmd setgo\n"
           "add-zsh-hook precmd setgo\n");
  rc_session *S = th_session(&t, RC_OS_LINUX);
  rc_ctx *C = rc_session_ctx(S, RC_SH_ZSH, RC_CTX_INTERACTIVE);
  const char *p = th_val(S, C, "PATH");
  const char *hook = strstr(p, ":/hook");
  assert_non_null(hook);
  assert_string_equal(hook, ":/hook");
  assert_true(C->ran_precmd);
  rc_session_free(S);
  th_free(&t);
}

/* ---- macOS path_helper ---- */

static const char stock_zprofile[] =
  "# System-wide profile for interactive zsh(1) login shells.\n"
  "if [ -x /usr/libexec/path_helper ]; then\n"
  "\teval `/usr/libexec/path_helper -s`\n"
  "fi\n";

static void test_path_helper(void **st) {
  (void)st;
  th t;
  th_init(&t);
  th_write(&t, "/etc/paths", "/usr/local/bin\n/usr/bin\n/bin\n/usr/sbin\n/sbin\n");
  th_write(&t, "/etc/paths.d/go", "/usr/local/go/bin\n");
  th_write(&t, "/etc/paths.d/10-x", "/opt/x/bin\n");
  th_write(&t, "/etc/paths.d/9-y", "/opt/y/bin\n");
  th_write(&t, "/etc/zprofile", stock_zprofile);
  th_write_mode(&t, "/usr/libexec/path_helper", "#!/bin/sh\n", 0755);
  th_write(&t, "~/.zshenv", "export PATH=$HOME/bin:$PATH\n");
  th_write(&t, "~/.zshrc", "export PATH=$HOME/rc:$PATH\n");
  rc_session *S = th_session(&t, RC_OS_MACOS);
  /* Login shells: what ~/.zshenv put in front lands behind the system
   * directories; paths.d files in numeric order. */
  char *want = rc_xasprintf("%s/rc@~/.zshrc:1 /usr/local/bin@/etc/zprofile:3 /usr/bin@/etc/zprofile:3 "
                            "/bin@/etc/zprofile:3 /usr/sbin@/etc/zprofile:3 /sbin@/etc/zprofile:3 "
                            "/opt/y/bin@/etc/zprofile:3 /opt/x/bin@/etc/zprofile:3 "
                            "/usr/local/go/bin@/etc/zprofile:3 %s/bin@~/.zshenv:1",
                            t.home, t.home);
  rc_ctx *C = rc_session_ctx(S, RC_SH_ZSH, RC_CTX_LOGIN_INTERACTIVE);
  EXPECT_STR(th_entries(S, C, "PATH"), want);
  free(want);
  const rc_event *ev = th_event(C, "PATH", RC_OP_PATH_HELPER, 0);
  assert_non_null(ev);
  assert_string_equal(ev->manager, "path_helper");
  /* zsh -c: no /etc/zprofile, ~/bin stays first. */
  want = rc_xasprintf("%s/bin@~/.zshenv:1 /usr/bin@init /bin@init /usr/sbin@init /sbin@init", t.home);
  EXPECT_STR(th_entries(S, rc_session_ctx(S, RC_SH_ZSH, RC_CTX_SCRIPT), "PATH"), want);
  free(want);
  rc_session_free(S);
  /* On Linux the same line does nothing: there is no path_helper. */
  S = th_session(&t, RC_OS_LINUX);
  C = rc_session_ctx(S, RC_SH_ZSH, RC_CTX_LOGIN_INTERACTIVE);
  assert_null(th_event(C, "PATH", RC_OP_PATH_HELPER, 0));
  rc_session_free(S);
  th_free(&t);
}

/* --os macos with a sysroot that has no macOS files: rccheck's stand-ins. */
static void test_path_helper_builtin(void **st) {
  (void)st;
  th t;
  th_init(&t);
  th_write(&t, "~/.zprofile", "export PATH=$HOME/bin:$PATH\n");
  th_write(&t, "~/.zshenv", "export PATH=$HOME/env:$PATH\n");
  rc_session *S = th_session(&t, RC_OS_MACOS);
  rc_ctx *C = rc_session_ctx(S, RC_SH_ZSH, RC_CTX_LOGIN);
  char *want = rc_xasprintf("%s/bin@~/.zprofile:1 /usr/local/bin@/etc/zprofile:2 /usr/bin@/etc/zprofile:2 "
                            "/bin@/etc/zprofile:2 /usr/sbin@/etc/zprofile:2 /sbin@/etc/zprofile:2 "
                            "%s/env@~/.zshenv:1",
                            t.home, t.home);
  EXPECT_STR(th_entries(S, C, "PATH"), want);
  free(want);
  rc_session_free(S);
  th_free(&t);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_path_provenance),
    cmocka_unit_test(test_brew_goenv_asdf_mise),
    cmocka_unit_test(test_manager_not_installed),
    cmocka_unit_test(test_goenv_shims_once),
    cmocka_unit_test(test_gvm),
    cmocka_unit_test(test_asdf_golang_hook),
    cmocka_unit_test(test_hook_adds_itself),
    cmocka_unit_test(test_path_helper),
    cmocka_unit_test(test_path_helper_builtin),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
