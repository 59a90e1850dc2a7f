/* test_fnmatch.c — ev_fnmatch answers as fnmatch(pat, s, 0) does, on the
 * guard idioms it matches itself and on everything it hands to fnmatch. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <fnmatch.h>
#include <string.h>

#include "eval_int.h"

static uint32_t next(uint32_t *s) {
  *s ^= *s << 13;
  *s ^= *s >> 17;
  *s ^= *s << 5;
  return *s;
}

static void fill(char *out, size_t max, const char *alphabet, uint32_t *seed) {
  size_t n = next(seed) % max, k = strlen(alphabet);
  for (size_t i = 0; i < n; i++) out[i] = alphabet[next(seed) % k];
  out[n] = 0;
}

static void test_idioms(void **st) {
  (void)st;
  const char *path = ":/usr/local/bin:/usr/bin:/home/u/go/bin:";
  assert_true(ev_fnmatch("*:/home/u/go/bin:*", path));
  assert_false(ev_fnmatch("*:/home/u/go:*", path));
  assert_true(ev_fnmatch(":/usr/local*", path));
  assert_true(ev_fnmatch("*go/bin:", path));
  assert_true(ev_fnmatch("*", ""));
  assert_true(ev_fnmatch("", ""));
  assert_false(ev_fnmatch("", "a"));
  assert_true(ev_fnmatch("darwin*", "darwin23"));
  assert_false(ev_fnmatch("darwin\\*", "darwin23"));
}

static void test_same_as_fnmatch(void **st) {
  (void)st;
  uint32_t seed = 88172645u;
  char pat[16], s[24];
  for (int i = 0; i < 200000; i++) {
    fill(pat, sizeof pat, "ab:**?[]\\/.", &seed);
    fill(s, sizeof s, "ab:/.*", &seed);
    bool want = fnmatch(pat, s, 0) == 0;
    if (ev_fnmatch(pat, s) != want) print_error("pattern '%s' subject '%s': fnmatch %d\n", pat, s, want);
    assert_int_equal(ev_fnmatch(pat, s), want);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_idioms),
    cmocka_unit_test(test_same_as_fnmatch),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
