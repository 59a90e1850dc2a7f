/* test_settings.c — settings.json as JSON with comments and trailing commas
 * (settings.c), and the editor's settings layered on the vscode context and
 * the integrated terminal (vscode.c, eval_vscode.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "fixture.h"
#include "settings.h"
#include "th_lint.h"
#include "vscode.h"

typedef struct doc {
  rc_arena A;
  rc_source *src;
  rc_json_doc d;
} doc;

static void parse(doc *x, const char *text) {
  rc_arena_init(&x->A);
  x->src = rc_source_from_memory("/t/settings.json", text, strlen(text));
  x->d = rc_json_parse(&x->A, x->src);
}

static void done(doc *x) {
  rc_source_free(x->src);
  rc_arena_free(&x->A);
}

static void test_jsonc(void **st) {
  (void)st;
  doc x;
  parse(&x,
        "// user settings\n"
        "{\n"
        "  /* Go */ \"go.goroot\": \"/usr/local/go\",\n"
        "  \"go.toolsEnvVars\": { \"GOFLAGS\": \"-mod=mod\", },\n"
        "  \"list\": [1, 2,],\n"
        "  \"go.goroot\": \"/opt/go\", // a later duplicate wins\n"
        "}\n");
  assert_int_equal(x.d.nerrors, 0);
  assert_non_null(x.d.root);
  assert_int_equal(x.d.root->kind, RC_JSON_OBJECT);
  assert_int_equal(x.d.root->n, 4);
  const rc_json_member *m;
  const rc_json *g = rc_json_get(x.d.root, "go.goroot", &m);
  assert_string_equal(rc_json_string(g), "/opt/go");
  assert_int_equal(g->span.line, 6);
  assert_int_equal(g->span.col, 16);
  assert_int_equal(m->key_span.col, 3);
  const rc_json *t = rc_json_get(x.d.root, "go.toolsEnvVars", NULL);
  assert_string_equal(rc_json_string(rc_json_get(t, "GOFLAGS", NULL)), "-mod=mod");
  const rc_json *l = rc_json_get(x.d.root, "list", NULL);
  assert_int_equal(l->kind, RC_JSON_ARRAY);
  assert_int_equal(l->n, 2);
  assert_string_equal(l->items[1]->text, "2");
  done(&x);
}

static void test_strings(void **st) {
  (void)st;
  doc x;
  parse(&x, "{\"a\": \"tab\\there \\\"q\\\" \\u00e9 \\ud83d\\ude00 \\/\", \"b\": \"\", \"c\": true, \"d\": null}");
  assert_int_equal(x.d.nerrors, 0);
  const rc_json *a = rc_json_get(x.d.root, "a", NULL);
  assert_string_equal(a->text, "tab\there \"q\" \xc3\xa9 \xf0\x9f\x98\x80 /");
  assert_true(a->escaped);
  assert_string_equal(rc_json_get(x.d.root, "b", NULL)->text, "");
  assert_false(rc_json_get(x.d.root, "b", NULL)->escaped);
  assert_true(rc_json_get(x.d.root, "c", NULL)->boolean);
  assert_int_equal(rc_json_get(x.d.root, "d", NULL)->kind, RC_JSON_NULL);
  done(&x);
}

static void test_errors(void **st) {
  (void)st;
  doc x;
  /* a missing comma: both members are still read, with an error */
  parse(&x, "{\n  \"a\": 1\n  \"b\": 2\n}\n");
  assert_true(x.d.nerrors > 0);
  assert_non_null(rc_json_get(x.d.root, "a", NULL));
  assert_non_null(rc_json_get(x.d.root, "b", NULL));
  done(&x);
  parse(&x, "{\"a\": }");
  assert_true(x.d.nerrors > 0);
  assert_null(rc_json_get(x.d.root, "a", NULL));
  done(&x);
  parse(&x, "");
  assert_null(x.d.root);
  done(&x);
  parse(&x, "// nothing but a comment\n");
  assert_null(x.d.root);
  assert_int_equal(x.d.nerrors, 0);
  done(&x);
  /* hostile nesting stops at the cap, without recursion trouble */
  rc_buf b = {0};
  for (int i = 0; i < 5000; i++) rc_buf_puts(&b, "[");
  parse(&x, b.s);
  assert_true(x.d.nerrors > 0);
  done(&x);
  rc_buf_free(&b);
}

static rc_lint *lint_fx(const char *text, rc_fixture *fx) {
  rc_lint_opts o;
  th_fixture_opts(text, fx, &o);
  return rc_lint_run(&o);
}

static const rc_event *last_event(const rc_ctx *C, const char *var) {
  size_t n;
  const uint32_t *evs = rc_ctx_var_events(C, var, &n);
  return n ? &C->events.v[evs[n - 1]] : NULL;
}

static void test_layer(void **st) {
  (void)st;
  rc_fixture fx;
  rc_lint *L = lint_fx("# rccheck-fixture: workspace=w shell=zsh\n"
                       "# --- .zshrc\n"
                       "export GOPATH=$HOME/go\n"
                       "export GOFLAGS=-mod=readonly\n"
                       "# --- .config/Code/User/settings.json\n"
                       "{ \"go.toolsEnvVars\": { \"GOFLAGS\": \"-mod=mod\", \"CGO_ENABLED\": \"0\" },\n"
                       "  \"go.gopath\": \"${env:HOME}/gopath\" }\n"
                       "# --- w/.vscode/settings.json\n"
                       "{ \"go.toolsEnvVars\": { \"CGO_ENABLED\": \"1\" } }\n",
                       &fx);
  rc_session *S = L->S;
  rc_ctx *C = rc_session_ctx(S, RC_SH_ZSH, RC_CTX_VSCODE);
  const rc_event *e = last_event(C, "GOFLAGS");
  assert_non_null(e);
  assert_int_equal(e->op, RC_OP_SETTING);
  assert_string_equal(e->manager, "vscode user settings");
  assert_int_equal(e->span.line, 1);
  assert_true(rc_str_is(e->after.val, "-mod=mod"));
  e = last_event(C, "CGO_ENABLED");
  assert_string_equal(e->manager, "vscode workspace settings");
  assert_true(rc_str_is(e->after.val, "1"));
  const char *gp = rc_var_text(S, rc_ctx_var(C, "GOPATH"));
  assert_string_equal(gp, rc_arena_printf(&S->arena, "%s/gopath", fx.home));
  /* what the shell gave VS Code is kept */
  assert_string_equal(rc_var_text(S, rc_vscode_shell_var(C, "GOFLAGS")), "-mod=readonly");
  assert_null(rc_vscode_shell_var(C, "CGO_ENABLED"));
  /* other contexts see none of it */
  rc_ctx *I = rc_session_ctx(S, RC_SH_ZSH, RC_CTX_INTERACTIVE);
  assert_string_equal(rc_var_text(S, rc_ctx_var(I, "GOFLAGS")), "-mod=readonly");
  assert_null(rc_ctx_var(I, "CGO_ENABLED"));
  /* settings files are user files: registered, not parsed as shell */
  const rc_vscode *V = rc_vscode_get(S);
  assert_int_equal(V->nfiles, 2);
  assert_true(V->files[0].file->data);
  assert_null(V->files[0].file->ir);
  th_lint_free(L, &fx);
}

static void test_terminal(void **st) {
  (void)st;
  rc_fixture fx;
  rc_lint *L = lint_fx("# rccheck-fixture: shell=zsh\n"
                       "# --- .zshenv\n"
                       "export GOPATH=$HOME/go\n"
                       "# --- .zshrc\n"
                       "[ \"$TERM_PROGRAM\" = vscode ] && export IN_VSCODE=1\n"
                       "# --- .config/Code/User/settings.json\n"
                       "{ \"terminal.integrated.env.linux\": { \"GOFLAGS\": \"-mod=mod\", \"GOPATH\": null,\n"
                       "    \"PATH\": \"/opt/go/bin:${env:PATH}\" } }\n",
                       &fx);
  rc_session *S = L->S;
  rc_ctx *T = rc_vscode_terminal(S, RC_SH_ZSH);
  assert_non_null(T);
  assert_int_equal(T->kind, RC_CTX_INTERACTIVE); /* Linux: not a login shell */
  assert_string_equal(rc_var_text(S, rc_ctx_var(T, "GOFLAGS")), "-mod=mod");
  assert_string_equal(rc_var_text(S, rc_ctx_var(T, "IN_VSCODE")), "1");
  /* null unset GOPATH, and .zshenv set it again */
  assert_string_equal(rc_var_text(S, rc_ctx_var(T, "GOPATH")), rc_arena_printf(&S->arena, "%s/go", fx.home));
  const char *path = rc_var_text(S, rc_ctx_var(T, "PATH"));
  assert_true(rc_str_starts(path, "/opt/go/bin:"));
  /* the inherited part came from VS Code's environment, not the setting */
  rc_entries es = {0};
  rc_str_split(&S->arena, rc_ctx_var(T, "PATH")->alts[0].val, ':', &es);
  assert_true(es.n > 1);
  assert_int_equal(T->events.v[es.v[0].origin].op, RC_OP_SETTING);
  assert_int_equal(T->events.v[es.v[1].origin].op, RC_OP_INIT);
  rc_vec_free(&es);
  th_lint_free(L, &fx);
}

/* inheritEnv off: a fresh session's environment, but ${env:…} is still
 * VS Code's (what its login shell gave it) */
static void test_terminal_no_inherit(void **st) {
  (void)st;
  rc_fixture fx;
  rc_lint *L = lint_fx("# rccheck-fixture: shell=zsh\n"
                       "# --- .zprofile\n"
                       "export GOROOT=/opt/go\n"
                       "# --- .zshrc\n"
                       ":\n"
                       "# --- .config/Code/User/settings.json\n"
                       "{ \"terminal.integrated.inheritEnv\": false,\n"
                       "  \"terminal.integrated.env.linux\": { \"GOBIN\": \"${env:GOROOT}/bin\" } }\n",
                       &fx);
  rc_session *S = L->S;
  rc_ctx *T = rc_vscode_terminal(S, RC_SH_ZSH);
  assert_null(rc_ctx_var(T, "GOROOT"));
  assert_string_equal(rc_var_text(S, rc_ctx_var(T, "GOBIN")), "/opt/go/bin");
  th_lint_free(L, &fx);
}

static void test_terminal_profiles(void **st) {
  (void)st;
  rc_fixture fx;
  rc_lint *L = lint_fx("# rccheck-fixture: os=macos shell=zsh\n"
                       "# --- .zshrc\n"
                       ":\n"
                       "# --- Library/Application Support/Code/User/settings.json\n"
                       "{}\n",
                       &fx);
  rc_ctx *T = rc_vscode_terminal(L->S, RC_SH_ZSH);
  assert_int_equal(T->kind, RC_CTX_LOGIN_INTERACTIVE); /* macOS: -l */
  /* no default profile: whatever the user's shell is */
  assert_int_equal(rc_vscode_terminal(L->S, RC_SH_BASH)->kind, RC_CTX_LOGIN_INTERACTIVE);
  th_lint_free(L, &fx);
  L = lint_fx("# rccheck-fixture: os=macos shell=zsh\n"
              "# --- .zshrc\n"
              ":\n"
              "# --- Library/Application Support/Code/User/settings.json\n"
              "{ \"terminal.integrated.defaultProfile.osx\": \"bash\",\n"
              "  \"terminal.integrated.profiles.osx\": { \"bash\": { \"path\": \"/opt/homebrew/bin/bash\", \"args\": [] } } }\n",
              &fx);
  assert_null(rc_vscode_terminal(L->S, RC_SH_ZSH));
  T = rc_vscode_terminal(L->S, RC_SH_BASH);
  assert_non_null(T);
  assert_int_equal(T->kind, RC_CTX_INTERACTIVE);
  th_lint_free(L, &fx);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_jsonc),          cmocka_unit_test(test_strings),
    cmocka_unit_test(test_errors),         cmocka_unit_test(test_layer),
    cmocka_unit_test(test_terminal),       cmocka_unit_test(test_terminal_no_inherit),
    cmocka_unit_test(test_terminal_profiles),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
