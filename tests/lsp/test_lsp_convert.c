/* test_lsp_convert.c — the language server's conversions: UTF-16 columns,
 * file URIs, the "disable" edit, and diagnostics with notes and fixes built
 * by hand (no rule offers a fix or a note yet; these pin the LSP shape). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "diag.h"
#include "lsp/convert.h"

static void test_units(void **st) {
  (void)st;
  const char *l = "a\xc3\xa9\xf0\x9f\x98\x80" "b"; /* a é 😀 b: 1+2+4+1 bytes */
  size_t n = strlen(l);
  assert_int_equal(rc_lsp_units(l, n, 1, RC_ENC_UTF16), 1);
  assert_int_equal(rc_lsp_units(l, n, 3, RC_ENC_UTF16), 2);
  assert_int_equal(rc_lsp_units(l, n, 7, RC_ENC_UTF16), 4); /* the emoji is a surrogate pair */
  assert_int_equal(rc_lsp_units(l, n, 8, RC_ENC_UTF16), 5);
  assert_int_equal(rc_lsp_units(l, n, 5, RC_ENC_UTF16), 2); /* inside the emoji: before it */
  assert_int_equal(rc_lsp_units(l, n, 99, RC_ENC_UTF16), 5);
  assert_int_equal(rc_lsp_units(l, n, 5, RC_ENC_UTF8), 5);
  assert_int_equal(rc_lsp_bytes(l, n, 4, RC_ENC_UTF16), 7);
  assert_int_equal(rc_lsp_bytes(l, n, 3, RC_ENC_UTF16), 3); /* half a pair: before it */
  assert_int_equal(rc_lsp_bytes(l, n, 100, RC_ENC_UTF16), 8);
  assert_int_equal(rc_lsp_bytes(l, n, 100, RC_ENC_UTF8), 8);
  const char *bad = "\xff\xfe" "x\xe2\x82"; /* invalid bytes and a truncated sequence count one each */
  assert_int_equal(rc_lsp_units(bad, strlen(bad), strlen(bad), RC_ENC_UTF16), 5);
  const char *text = "ab\r\n\xc3\xa9x\n";
  assert_int_equal(rc_lsp_offset(text, strlen(text), 1, 1, RC_ENC_UTF16), 6);
  assert_int_equal(rc_lsp_offset(text, strlen(text), 0, 50, RC_ENC_UTF16), 2); /* clamped before \r */
  assert_int_equal(rc_lsp_offset(text, strlen(text), 9, 0, RC_ENC_UTF16), strlen(text));
}

static void test_uris(void **st) {
  (void)st;
  char *u = rc_lsp_path_to_uri("/home/r\xc3\xa9mi/my dots/100%/.zshrc");
  assert_string_equal(u, "file:///home/r%C3%A9mi/my%20dots/100%25/.zshrc");
  char *p = rc_lsp_uri_to_path(u);
  assert_string_equal(p, "/home/r\xc3\xa9mi/my dots/100%/.zshrc");
  free(u);
  free(p);
  p = rc_lsp_uri_to_path("file://localhost/etc/zshrc");
  assert_string_equal(p, "/etc/zshrc");
  free(p);
  p = rc_lsp_uri_to_path("FILE:///a%2fb");
  assert_string_equal(p, "/a/b");
  free(p);
  assert_null(rc_lsp_uri_to_path("untitled:Untitled-1"));
  assert_null(rc_lsp_uri_to_path("file://server/share/x"));
  assert_null(rc_lsp_uri_to_path("file:///a%00b"));
  assert_null(rc_lsp_uri_to_path("file:///a%zz"));
  assert_null(rc_lsp_uri_to_path("file:///a%4"));
}

static void expect_disable(const char *line, const char *want_text, size_t want_at) {
  size_t at;
  char *text;
  assert_true(rc_lsp_disable_edit(line, strlen(line), "RC101", &at, &text));
  assert_string_equal(text, want_text);
  assert_int_equal(at, want_at);
  free(text);
}

static void test_disable_edit(void **st) {
  (void)st;
  expect_disable("export GOROOT=/x", " # rccheck disable=RC101", 16);
  expect_disable("export GOROOT=/x   ", " # rccheck disable=RC101", 16);
  expect_disable("", "# rccheck disable=RC101", 0);
  expect_disable("export A=1 # rccheck disable=RC002 because", ",RC101", 34);
  size_t at;
  char *text = NULL;
  assert_false(rc_lsp_disable_edit("export A=1 \\", 12, "RC101", &at, &text));
  assert_null(text);
}

static const rc_rule test_rule = {
  .id = "RC901", .name = "test-finding", .severity = RC_SEV_STYLE, .summary = "test",
};

typedef struct fixture {
  rc_session *S;
  rc_file a, b;
  rc_diag *d;
} fixture;

static void fixture_init(fixture *fx) {
  rc_session_opts o = {.home = "/h"};
  fx->S = rc_session_new(&o);
  const char *ta = "# \xc3\xa9\xc3\xa9\nexport GOROOT=\"$HOME/\xf0\x9f\x98\x80/go\" # here\n";
  const char *tb = "export GOROOT=/usr/lib/go\n";
  fx->a = (rc_file){.path = "/h/.zshrc", .fs_path = "/h/.zshrc", .src = rc_source_from_memory("/h/.zshrc", ta, strlen(ta))};
  fx->b = (rc_file){.path = "/h/.zprofile", .fs_path = "/h/.zprofile",
                    .src = rc_source_from_memory("/h/.zprofile", tb, strlen(tb)), .id = 1};
  rc_diag *d = rc_xcalloc(1, sizeof *d);
  d->rule = &test_rule;
  d->severity = RC_SEV_STYLE;
  d->file = &fx->a;
  /* the value $HOME/😀/go: bytes 22..35 of the file, line 2, byte columns 16..29 */
  d->span = (rc_span){.start = 22, .end = 35, .line = 2, .col = 16, .end_line = 2, .end_col = 29};
  d->message = "GOROOT is set twice";
  rc_related r = {&fx->b, {.start = 0, .end = 25, .line = 1, .col = 1, .end_line = 1, .end_col = 26},
                  rc_xstrdup("first set here")};
  rc_vec_push(&d->notes, r);
  d->ctx_mask[RC_SH_ZSH] = 1u << RC_CTX_LOGIN_INTERACTIVE;
  fx->d = d;
}

static void fixture_free(fixture *fx) {
  rc_diag_free(fx->d);
  rc_source_free(fx->a.src);
  rc_source_free(fx->b.src);
  rc_session_free(fx->S);
}

static json_t *at(json_t *j, const char *path) {
  json_t *v = json_object_get(j, path);
  assert_non_null(v);
  return v;
}

static void expect_pos(json_t *range, const char *which, int line, int ch) {
  json_t *p = at(range, which);
  assert_int_equal(json_integer_value(at(p, "line")), line);
  assert_int_equal(json_integer_value(at(p, "character")), ch);
}

static void test_diagnostic(void **st) {
  (void)st;
  fixture fx;
  fixture_init(&fx);
  rc_lsp_conv c = {.enc = RC_ENC_UTF16, .rules_url = "https://x.test/rules.md"};
  c.read_in[RC_SH_ZSH] = (1u << RC_CTX_LOGIN_INTERACTIVE) | (1u << RC_CTX_INTERACTIVE);
  json_t *j = rc_lsp_diagnostic(&c, fx.S, fx.d);
  expect_pos(at(j, "range"), "start", 1, 15);
  expect_pos(at(j, "range"), "end", 1, 26); /* 13 bytes; the emoji is 4 bytes, 2 units */
  assert_int_equal(json_integer_value(at(j, "severity")), 4);
  assert_string_equal(json_string_value(at(j, "code")), "RC901");
  assert_string_equal(json_string_value(at(at(j, "codeDescription"), "href")), "https://x.test/rules.md#RC901");
  assert_string_equal(json_string_value(at(j, "message")),
                      "GOROOT is set twice [test-finding]\nonly in: zsh login-interactive");
  json_t *rel = json_array_get(at(j, "relatedInformation"), 0);
  assert_string_equal(json_string_value(at(at(rel, "location"), "uri")), "file:///h/.zprofile");
  expect_pos(at(at(rel, "location"), "range"), "end", 0, 25);
  assert_string_equal(json_string_value(at(rel, "message")), "first set here");
  json_decref(j);
  /* read in only the one context: no "only in"; utf-8 columns are bytes */
  c.read_in[RC_SH_ZSH] = 1u << RC_CTX_LOGIN_INTERACTIVE;
  c.enc = RC_ENC_UTF8;
  c.rules_url = NULL;
  j = rc_lsp_diagnostic(&c, fx.S, fx.d);
  assert_string_equal(json_string_value(at(j, "message")), "GOROOT is set twice [test-finding]");
  expect_pos(at(j, "range"), "end", 1, 28);
  assert_null(json_object_get(j, "codeDescription"));
  json_decref(j);
  fixture_free(&fx);
}

static void test_actions(void **st) {
  (void)st;
  fixture fx;
  fixture_init(&fx);
  rc_diag *d = fx.d;
  d->fresh = true;
  rc_fix_begin(d, true, "Keep the first GOROOT");
  rc_fix_edit(d, &fx.a, (rc_span){.start = 22, .end = 35}, "/usr/lib/go");
  rc_fix_edit(d, &fx.b, (rc_span){.start = 0, .end = 0}, "# moved\n");
  rc_lsp_conv c = {.enc = RC_ENC_UTF16};
  json_t *fix = rc_lsp_fix_action(&c, d);
  assert_string_equal(json_string_value(at(fix, "title")), "Keep the first GOROOT");
  assert_string_equal(json_string_value(at(fix, "kind")), "quickfix");
  assert_true(json_is_true(at(fix, "isPreferred")));
  json_t *changes = at(at(fix, "edit"), "changes");
  json_t *ea = json_array_get(at(changes, "file:///h/.zshrc"), 0);
  expect_pos(at(ea, "range"), "start", 1, 15);
  expect_pos(at(ea, "range"), "end", 1, 26);
  assert_string_equal(json_string_value(at(ea, "newText")), "/usr/lib/go");
  json_t *eb = json_array_get(at(changes, "file:///h/.zprofile"), 0);
  expect_pos(at(eb, "range"), "start", 0, 0);
  json_t *dis = rc_lsp_disable_action(&c, d);
  assert_string_equal(json_string_value(at(dis, "title")), "Disable RC901 (test-finding) on this line");
  assert_null(json_object_get(dis, "isPreferred"));
  json_t *e = json_array_get(at(at(at(dis, "edit"), "changes"), "file:///h/.zshrc"), 0);
  assert_string_equal(json_string_value(at(e, "newText")), " # rccheck disable=RC901");
  expect_pos(at(e, "range"), "start", 1, 34); /* the end of line 2: 36 bytes, 34 UTF-16 units */
  json_decref(fix);
  json_decref(dis);
  fixture_free(&fx);
}

static void test_unsafe_fix_and_bad_utf8(void **st) {
  (void)st;
  fixture fx;
  fixture_init(&fx);
  rc_diag *d = fx.d;
  d->fresh = true;
  d->message = "bad \xff byte";
  rc_fix_begin(d, false, "Remove the line");
  rc_fix_edit(d, &fx.a, (rc_span){.start = 8, .end = 8}, "");
  rc_lsp_conv c = {.enc = RC_ENC_UTF16};
  json_t *fix = rc_lsp_fix_action(&c, d);
  assert_string_equal(json_string_value(at(fix, "title")), "Remove the line (unsafe: check the result)");
  assert_null(json_object_get(fix, "isPreferred"));
  json_decref(fix);
  d->has_fix = false;
  assert_null(rc_lsp_fix_action(&c, d));
  json_t *j = rc_lsp_diagnostic(&c, fx.S, d);
  assert_string_equal(json_string_value(at(j, "message")), "bad \xef\xbf\xbd byte [test-finding]");
  json_decref(j);
  fixture_free(&fx);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_units),
    cmocka_unit_test(test_uris),
    cmocka_unit_test(test_disable_edit),
    cmocka_unit_test(test_diagnostic),
    cmocka_unit_test(test_actions),
    cmocka_unit_test(test_unsafe_fix_and_bad_utf8),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
