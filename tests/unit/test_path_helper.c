/* test_path_helper.c — the PATH order rccheck predicts for macOS login shells,
 * where /etc/zprofile runs path_helper. No real shell here can show it (it is
 * a macOS program), so RC203 rests on these assertions: the order follows
 * path_helper's documented algorithm (/etc/paths, then /etc/paths.d sorted,
 * then the previous PATH without duplicates). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "eval.h"
#include "fixture.h"
#include "th_lint.h"

/* Final PATH of zsh × k for a fixture home, with the home shown as ~. */
static char *final_path(const char *text, rc_ctx_kind k) {
  rc_fixture fx;
  th_fixture(text, &fx);
  rc_session_opts o = {.home = fx.home, .sysroot = fx.root, .os = RC_OS_MACOS, .user = "user"};
  rc_session *S = rc_session_new(&o);
  rc_ctx *C = rc_session_ctx(S, RC_SH_ZSH, k);
  const rc_var *v = rc_ctx_var(C, "PATH");
  assert_non_null(v);
  rc_entries e = {0};
  rc_str_split(&S->arena, v->alts[0].val, ':', &e);
  rc_buf b = {0};
  size_t hl = strlen(fx.home);
  for (size_t i = 0; i < e.n; i++) {
    const char *t = e.v[i].text;
    if (!strncmp(t, fx.home, hl)) rc_buf_printf(&b, "%s~%s", i ? ":" : "", t + hl);
    else rc_buf_printf(&b, "%s%s", i ? ":" : "", t);
  }
  rc_vec_free(&e);
  rc_session_free(S);
  rc_fixture_free(&fx);
  return rc_buf_steal(&b);
}

#define EXPECT_PATH(text, k, want)                                                 \
  do {                                                                             \
    char *got_ = final_path(text, k);                                              \
    if (strcmp(got_, want)) print_error("want %s\n got %s\n", want, got_);         \
    assert_string_equal(got_, want);                                               \
    free(got_);                                                                    \
  } while (0)

static const char *const zshenv_prepend = "# --- .zshenv\nexport PATH=\"$HOME/sdk/go/bin:$PATH\"\n";

static void test_stock_files(void **st) {
  (void)st;
  /* launchd's PATH, then ~/.zshenv's prepend: first in zsh -c */
  EXPECT_PATH(zshenv_prepend, RC_CTX_SCRIPT, "~/sdk/go/bin:/usr/bin:/bin:/usr/sbin:/sbin");
  /* login shells: /etc/paths first, the prepend behind every system directory */
  EXPECT_PATH(zshenv_prepend, RC_CTX_LOGIN, "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin:~/sdk/go/bin");
  EXPECT_PATH(zshenv_prepend, RC_CTX_LOGIN_INTERACTIVE, "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin:~/sdk/go/bin");
  EXPECT_PATH(zshenv_prepend, RC_CTX_VSCODE, "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin:~/sdk/go/bin");
}

static void test_after_path_helper(void **st) {
  (void)st;
  /* ~/.zprofile runs after /etc/zprofile: the prepend stays first */
  EXPECT_PATH("# --- .zprofile\nexport PATH=\"$HOME/sdk/go/bin:$PATH\"\n", RC_CTX_LOGIN,
              "~/sdk/go/bin:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin");
  /* brew shellenv in ~/.zprofile (Homebrew's instructions) */
  EXPECT_PATH("# --- .zprofile\neval \"$(/opt/homebrew/bin/brew shellenv)\"\n", RC_CTX_LOGIN,
              "/opt/homebrew/bin:/opt/homebrew/sbin:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin");
}

static void test_paths_d(void **st) {
  (void)st;
  /* /etc/paths.d files in natural order after /etc/paths, then the old PATH */
  const char *home = "# --- /etc/zprofile\neval `/usr/libexec/path_helper -s`\n"
                     "# --- /etc/paths\n/usr/local/bin\n/usr/bin\n/bin\n/usr/sbin\n/sbin\n"
                     "# --- /etc/paths.d/10-go\n/usr/local/go/bin\n"
                     "# --- /etc/paths.d/2-tex\n/Library/TeX/texbin\n"
                     "# --- .zshenv\nexport PATH=\"$HOME/sdk/go/bin:$PATH:$HOME/.local/bin\"\n";
  EXPECT_PATH(home, RC_CTX_LOGIN,
              "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin:/Library/TeX/texbin:/usr/local/go/bin:~/sdk/go/bin:"
              "~/.local/bin");
  EXPECT_PATH(home, RC_CTX_SCRIPT, "~/sdk/go/bin:/usr/bin:/bin:/usr/sbin:/sbin:~/.local/bin");
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_stock_files),
    cmocka_unit_test(test_after_path_helper),
    cmocka_unit_test(test_paths_d),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
