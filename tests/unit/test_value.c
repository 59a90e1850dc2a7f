/* test_value.c — value helpers the rules lean on: rc_str_split_origin keeps
 * exactly the entries of rc_str_split whose origin is asked for, on random
 * values (literal and unknown segments from several events, arrays, empty
 * entries, separators at segment edges). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "value.h"

static uint64_t rnd(uint64_t *s) {
  *s ^= *s << 13, *s ^= *s >> 7, *s ^= *s << 17;
  return *s;
}

static void test_split_origin(void **st) {
  (void)st;
  static const char *const pieces[] = {"", ":", "/usr/bin", "/bin:", ":/opt/go/bin", "a", "b:c", "::", "/x:/y"};
  uint64_t seed = 0x9E3779B97F4A7C15u;
  rc_arena A;
  rc_arena_init(&A);
  size_t kept = 0;
  for (int round = 0; round < 3000; round++) {
    rc_strb b = {0};
    bool array = rnd(&seed) % 5 == 0;
    if (array) rc_strb_sep(&b); /* (as eval builds them: a separator before each element) */
    int nseg = (int)(rnd(&seed) % 9);
    for (int i = 0; i < nseg; i++) {
      const char *p = pieces[rnd(&seed) % (sizeof pieces / sizeof pieces[0])];
      uint32_t origin = (uint32_t)(rnd(&seed) % 4);
      if (origin == 3) origin = RC_NO_EVENT;
      uint64_t k = rnd(&seed) % 6;
      if (array && k == 0) rc_strb_sep(&b);
      else if (k == 1) rc_strb_sym(&b, p, (uint32_t)strlen(p), origin);
      else rc_strb_lit(&b, p, (uint32_t)strlen(p), origin);
    }
    const rc_str *v = rc_strb_finish(&b, &A);
    rc_entries all = {0};
    rc_str_split(&A, v, ':', &all);
    for (uint32_t want = 0; want < 3; want++) {
      rc_entries mine = {0};
      rc_str_split_origin(&A, v, ':', want, &mine);
      size_t j = 0;
      for (size_t i = 0; i < all.n; i++) {
        if (all.v[i].origin != want) continue;
        assert_true(j < mine.n);
        assert_string_equal(all.v[i].text, mine.v[j].text);
        assert_int_equal(all.v[i].certain, mine.v[j].certain);
        assert_int_equal(mine.v[j].origin, want);
        j++;
      }
      assert_int_equal(j, mine.n);
      kept += j;
      rc_vec_free(&mine);
    }
    rc_vec_free(&all);
  }
  assert_true(kept > 1000); /* the cases are not all empty */
  rc_arena_free(&A);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_split_origin),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
