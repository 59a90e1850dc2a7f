/* test_eval_flow.c — which code runs where: contexts and interactive
 * guards, decided and undecided conditions (alternatives tied to their
 * condition), early returns, `source`, globbed source loops.
 *
 * Expected values were checked by running zsh 5.9 / bash 5.2 on the same
 * homes: `zsh -l -i`, `zsh -i`, `zsh -l -c`, `zsh -c`, VS Code's
 * `VSCODE_RESOLVING_ENVIRONMENT=1 $SHELL -i -l -c`, and for bash the same
 * plus `SSH_CLIENT=… bash -c`. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "eval_helpers.h"

/* "A=1 B=_" for the listed variables ("_" when unset, "?" when not one
 * certain value). */
static char *summary(rc_session *S, rc_ctx *C, const char *const *vars) {
  rc_buf b = {0};
  for (size_t i = 0; vars[i]; i++) {
    const rc_var *v = rc_ctx_var(C, vars[i]);
    rc_summary s = rc_var_summary(v);
    const char *t = s == RC_SUM_UNSET ? "_" : s == RC_SUM_SET ? th_val(S, C, vars[i]) : "?";
    rc_buf_printf(&b, "%s%s=%s", i ? " " : "", vars[i], t);
  }
  return rc_buf_steal(&b);
}

#define EXPECT_SUMMARY(S, C, vars, want)                                                  \
  do {                                                                                    \
    char *got_ = summary(S, C, vars);                                                     \
    if (strcmp(got_, want))                                                               \
      print_error("%s %s:\n want %s\n got  %s\n", rc_shell_name((C)->shell), rc_ctx_name((C)->kind), want, got_); \
    assert_string_equal(got_, want);                                                      \
    free(got_);                                                                           \
  } while (0)

/* ---- contexts and interactive guards ---- */

static void guards_home(th *t) {
  th_write(t, "~/.profile",
           "export PROF=1\n"
           "if [ -n \"$BASH_VERSION\" ]; then\n"
           "    if [ -f \"$HOME/.bashrc\" ]; then\n"
           "\t. \"$HOME/.bashrc\"\n"
           "    fi\n"
           "fi\n"
           "export AFTER=1\n");
  th_write(t, "~/.bashrc",
           "export PRE=1\n"
           "case $- in\n"
           "    *i*) ;;\n"
           "      *) return;;\n"
           "esac\n"
           "export RC=1\n"
           "[ -z \"$PS1\" ] && return\n"
           "export RC2=1\n");
  th_write(t, "~/.zshenv",
           "export ZE=1\n"
           "[[ -o interactive ]] || return\n"
           "export ZE2=1\n");
  th_write(t, "~/.zshrc",
           "[[ $- == *i* ]] || return 0\n"
           "export ZRC=1\n"
           "if [[ -n \"$VSCODE_RESOLVING_ENVIRONMENT\" ]]; then return; fi\n"
           "export ZRC2=1\n");
  th_write(t, "~/.zprofile", "export ZP=1\n");
}

static void test_context_guards(void **st) {
  (void)st;
  static const char *const zv[] = {"ZE", "ZE2", "ZP", "ZRC", "ZRC2", NULL};
  static const char *const bv[] = {"PROF", "PRE", "RC", "RC2", "AFTER", NULL};
  static const struct {
    rc_ctx_kind k;
    const char *zsh, *bash;
  } want[] = {
    {RC_CTX_LOGIN_INTERACTIVE, "ZE=1 ZE2=1 ZP=1 ZRC=1 ZRC2=1", "PROF=1 PRE=1 RC=1 RC2=1 AFTER=1"},
    {RC_CTX_INTERACTIVE, "ZE=1 ZE2=1 ZP=_ ZRC=1 ZRC2=1", "PROF=_ PRE=1 RC=1 RC2=1 AFTER=_"},
    {RC_CTX_LOGIN, "ZE=1 ZE2=_ ZP=1 ZRC=_ ZRC2=_", "PROF=1 PRE=1 RC=_ RC2=_ AFTER=1"},
    {RC_CTX_SCRIPT, "ZE=1 ZE2=_ ZP=_ ZRC=_ ZRC2=_", "PROF=_ PRE=_ RC=_ RC2=_ AFTER=_"},
    {RC_CTX_VSCODE, "ZE=1 ZE2=1 ZP=1 ZRC=1 ZRC2=_", "PROF=1 PRE=1 RC=1 RC2=1 AFTER=1"},
    /* Debian's bash reads ~/.bashrc for `ssh host cmd`; its guard returns. */
    {RC_CTX_SSH_COMMAND, "ZE=1 ZE2=_ ZP=_ ZRC=_ ZRC2=_", "PROF=_ PRE=1 RC=_ RC2=_ AFTER=_"},
  };
  th t;
  th_init(&t);
  guards_home(&t);
  rc_session *S = th_session(&t, RC_OS_LINUX);
  for (size_t i = 0; i < RC_ARRAY_LEN(want); i++) {
    EXPECT_SUMMARY(S, rc_session_ctx(S, RC_SH_ZSH, want[i].k), zv, want[i].zsh);
    EXPECT_SUMMARY(S, rc_session_ctx(S, RC_SH_BASH, want[i].k), bv, want[i].bash);
  }
  /* The return in ~/.bashrc ends that file only: the chain shows it read. */
  rc_ctx *C = rc_session_ctx(S, RC_SH_BASH, RC_CTX_LOGIN);
  bool read_bashrc = false;
  for (size_t i = 0; i < C->visits.n; i++)
    if (C->visits.v[i].exists && rc_str_ends(C->visits.v[i].path, "/.bashrc")) read_bashrc = true;
  assert_true(read_bashrc);
  rc_session_free(S);
  th_free(&t);
}

/* $- per context, with the flags the real shells show. */
/* `! a | b` negates the pipeline (tree-sitter-bash gives the `!` to a);
 * `if [[ c ]] 2>/dev/null; then` is a redirected test, not zsh's short if;
 * `! { … }` a group; `X=1 2>/dev/null` an assignment (bash as zsh). */
static void test_negated_pipeline_and_redirected_test(void **st) {
  (void)st;
  static const char *const vars[] = {"N1", "N2", "T1", "G1", "R1", "R2", NULL};
  const char *text = "if ! true | false; then N1=1; else N1=0; fi\n"
                     "! false | true && N2=1 || N2=0\n"
                     "if [[ a == a ]] 2>/dev/null; then T1=1; else T1=0; fi\n"
                     "! { G1=1; }\n"         /* a group: G1 stays set */
                     "R1=1 2>/dev/null\n"    /* a redirected assignment, */
                     "R2=2\n";               /* not the next line's prefix */
  th t;
  th_init(&t);
  th_write(&t, "~/.zshenv", text);
  th_write(&t, "~/.bashrc", text);
  rc_session *S = th_session(&t, RC_OS_LINUX);
  EXPECT_SUMMARY(S, rc_session_ctx(S, RC_SH_ZSH, RC_CTX_SCRIPT), vars, "N1=1 N2=0 T1=1 G1=1 R1=1 R2=2");
  EXPECT_SUMMARY(S, rc_session_ctx(S, RC_SH_BASH, RC_CTX_INTERACTIVE), vars, "N1=1 N2=0 T1=1 G1=1 R1=1 R2=2");
  rc_session_free(S);
  th_free(&t);
}

static void test_dash_flags(void **st) {
  (void)st;
  th t;
  th_init(&t);
  th_write(&t, "~/.zshenv", "F=$-\n");
  th_write(&t, "~/.profile", "F=$-\n");
  th_write(&t, "~/.bashrc", "F=$-\n");
  rc_session *S = th_session(&t, RC_OS_LINUX);
  assert_string_equal(th_val(S, rc_session_ctx(S, RC_SH_ZSH, RC_CTX_SCRIPT), "F"), "569X");
  assert_string_equal(th_val(S, rc_session_ctx(S, RC_SH_ZSH, RC_CTX_LOGIN), "F"), "569Xl");
  assert_string_equal(th_val(S, rc_session_ctx(S, RC_SH_ZSH, RC_CTX_INTERACTIVE), "F"), "569XZims");
  assert_string_equal(th_val(S, rc_session_ctx(S, RC_SH_ZSH, RC_CTX_VSCODE), "F"), "569XZil");
  assert_string_equal(th_val(S, rc_session_ctx(S, RC_SH_BASH, RC_CTX_LOGIN), "F"), "hBc");
  assert_string_equal(th_val(S, rc_session_ctx(S, RC_SH_BASH, RC_CTX_INTERACTIVE), "F"), "himBHs");
  assert_string_equal(th_val(S, rc_session_ctx(S, RC_SH_BASH, RC_CTX_VSCODE), "F"), "hiBHc");
  rc_session_free(S);
  th_free(&t);
}

/* VSCODE_RESOLVING_ENVIRONMENT exists in the vscode context only; $PS1 is
 * set in interactive shells only (zsh keeps an empty one in -c shells). */
static void test_vscode_and_ps1(void **st) {
  (void)st;
  th t;
  th_init(&t);
  th_write(&t, "~/.zshenv",
           "[ \"$VSCODE_RESOLVING_ENVIRONMENT\" = 1 ] && V=1 || V=0\n"
           "[ -n \"$PS1\" ] && P=set || P=empty\n");
  rc_session *S = th_session(&t, RC_OS_LINUX);
  for (int k = 0; k < RC_CTX_COUNT; k++) {
    rc_ctx *C = rc_session_ctx(S, RC_SH_ZSH, (rc_ctx_kind)k);
    assert_string_equal(th_val(S, C, "V"), k == RC_CTX_VSCODE ? "1" : "0");
    assert_string_equal(th_val(S, C, "P"), rc_ctx_is_interactive((rc_ctx_kind)k) ? "set" : "empty");
    assert_string_equal(th_val(S, C, "VSCODE_RESOLVING_ENVIRONMENT"), k == RC_CTX_VSCODE ? "1" : "<unset>");
  }
  rc_session_free(S);
  th_free(&t);
}

/* `[ "$(uname)" = Darwin ]` is decided by --os. */
static void test_uname_from_os(void **st) {
  (void)st;
  th t;
  th_init(&t);
  th_write(&t, "~/.zshenv",
           "if [ \"$(uname)\" = Darwin ]; then OS=mac; else OS=other; fi\n"
           "case \"$(uname -s)\" in Linux) K=linux;; Darwin) K=darwin;; esac\n");
  rc_session *S = th_session(&t, RC_OS_MACOS);
  rc_ctx *C = rc_session_ctx(S, RC_SH_ZSH, RC_CTX_SCRIPT);
  assert_string_equal(th_val(S, C, "OS"), "mac");
  assert_string_equal(th_val(S, C, "K"), "darwin");
  rc_session_free(S);
  S = th_session(&t, RC_OS_LINUX);
  C = rc_session_ctx(S, RC_SH_ZSH, RC_CTX_SCRIPT);
  assert_string_equal(th_val(S, C, "OS"), "other");
  assert_string_equal(th_val(S, C, "K"), "linux");
  rc_session_free(S);
  th_free(&t);
}

/* ---- file tests against the filesystem ---- */

static void test_file_tests(void **st) {
  (void)st;
  th t;
  th_init(&t);
  th_write(&t, "~/f", "content\n");
  th_write(&t, "~/empty", "");
  th_write_mode(&t, "~/x", "#!/bin/sh\n", 0755);
  th_dir(&t, "~/d");
  th_write(&t, "/etc/thing", "x\n");
  th_write(&t, "~/.zshenv",
           "[ -f ~/f ] && F=1\n"
           "[ -f ~/d ] && FD=1\n"
           "[ -d ~/d ] && D=1\n"
           "test -d ~/f && DF=1\n"
           "[ -e ~/nope ] && E=1\n"
           "[ -e ~/empty ] && EE=1\n"
           "[ -s ~/empty ] && SE=1\n"
           "[[ -s ~/f ]] && S=1\n"
           "[ -x ~/x ] && X=1\n"
           "[ -x ~/f ] && XF=1\n"
           "[ -r ~/f ] && R=1\n"
           "[ ! -f ~/nope ] && NOT=1\n"
           "[ -f /etc/thing ] && SYS=1\n"
           "[ -f /etc/none ] && SYSN=1\n"
           "if [[ -d ~/d && -f ~/f ]]; then AND=1; fi\n"
           "[ -f ~/nope ] || [ -f ~/f ] && OR=1\n");
  rc_session *S = th_session(&t, RC_OS_LINUX);
  rc_ctx *C = rc_session_ctx(S, RC_SH_ZSH, RC_CTX_SCRIPT);
  static const char *const vars[] = {"F", "FD", "D", "DF", "E", "EE", "SE", "S", "X", "XF", "R", "NOT", "SYS", "SYSN", "AND", "OR", NULL};
  EXPECT_SUMMARY(S, C, vars, "F=1 FD=_ D=1 DF=_ E=_ EE=1 SE=_ S=1 X=1 XF=_ R=1 NOT=1 SYS=1 SYSN=_ AND=1 OR=1");
  rc_session_free(S);
  th_free(&t);
}

/* ---- undecided conditions: both outcomes, each with its condition ---- */

static void test_undecided_alternatives(void **st) {
  (void)st;
  th t;
  th_init(&t);
  th_write(&t, "~/.zshenv",
           "if [ \"$TERM\" = xterm ]; then A=1; else A=2; fi\n"
           "[ -n \"$TMUX\" ] && export C=tmux\n"
           "E=$A/x\n"
           "K=fixed\n"
           "if [ -n \"$DISPLAY\" ]; then K=fixed; fi\n");
  rc_session *S = th_session(&t, RC_OS_LINUX);
  rc_ctx *C = rc_session_ctx(S, RC_SH_ZSH, RC_CTX_SCRIPT);
  const rc_var *a = rc_ctx_var(C, "A");
  assert_int_equal(rc_var_summary(a), RC_SUM_MAYBE);
  assert_int_equal(a->nalts, 2);
  assert_true(th_has_alt(S, a, "1") && th_has_alt(S, a, "2"));
  /* Same branch point, different arms: the two outcomes exclude each other. */
  assert_non_null(a->alts[0].cond);
  assert_non_null(a->alts[1].cond);
  assert_int_equal(a->alts[0].cond->branch, a->alts[1].cond->branch);
  assert_int_not_equal(a->alts[0].cond->arms, a->alts[1].cond->arms);
  assert_true(rc_cond_exclusive(a->alts[0].cond, a->alts[1].cond));
  assert_int_equal(a->alts[0].cond->span.line, 1);
  /* Each outcome names the assignment that made it. */
  assert_string_equal(th_where(S, C, a->alts[0].event), "~/.zshenv:1");

  const rc_var *c = rc_ctx_var(C, "C");
  assert_int_equal(rc_var_summary(c), RC_SUM_MAYBE);
  assert_true(th_has_alt(S, c, "tmux") && th_has_alt(S, c, "<unset>"));
  for (uint32_t i = 0; i < c->nalts; i++) {
    if (c->alts[i].state == RC_VS_SET) assert_true(c->alts[i].exported);
    assert_non_null(c->alts[i].cond);
    assert_int_equal(c->alts[i].cond->span.line, 2);
  }
  assert_true(rc_var_exported(c)); /* exported wherever it is set */

  /* Values computed from an undecided variable keep its alternatives and
   * their conditions. */
  const rc_var *e = rc_ctx_var(C, "E");
  assert_int_equal(e->nalts, 2);
  assert_true(th_has_alt(S, e, "1/x") && th_has_alt(S, e, "2/x"));
  for (uint32_t i = 0; i < e->nalts; i++) {
    const char *from_a = th_alt(S, e, i);
    for (uint32_t k = 0; k < a->nalts; k++)
      if (from_a[0] == th_alt(S, a, k)[0]) assert_int_equal(e->alts[i].cond->arms, a->alts[k].cond->arms);
  }
  /* An undecided branch that sets the same value is no alternative. */
  assert_int_equal(rc_var_summary(rc_ctx_var(C, "K")), RC_SUM_SET);
  rc_session_free(S);
  th_free(&t);
}

/* Each arm of an undecided branch starts from the state before the branch:
 * the else arm does not see what the then arm set. */
static void test_arms_independent(void **st) {
  (void)st;
  th t;
  th_init(&t);
  th_write(&t, "~/.zshenv",
           "X=0\n"
           "if [ -n \"$TERM\" ]; then X=1; else Y=$X; fi\n"
           "case $TERM in xterm) A=1;; *) B=\"<$A>\";; esac\n"
           "if [ -n \"$DISPLAY\" ]; then C=1; elif [ -n \"$TMUX\" ]; then D=\"<$C>\"; else E=\"<$C>\"; fi\n");
  rc_session *S = th_session(&t, RC_OS_LINUX);
  rc_ctx *C = rc_session_ctx(S, RC_SH_ZSH, RC_CTX_SCRIPT);
  const rc_var *y = rc_ctx_var(C, "Y"), *b = rc_ctx_var(C, "B"), *d = rc_ctx_var(C, "D"), *e = rc_ctx_var(C, "E");
  assert_true(y->nalts == 2 && th_has_alt(S, y, "0") && th_has_alt(S, y, "<unset>"));
  assert_true(b->nalts == 2 && th_has_alt(S, b, "<>") && th_has_alt(S, b, "<unset>"));
  assert_true(d->nalts == 2 && th_has_alt(S, d, "<>") && th_has_alt(S, d, "<unset>"));
  assert_true(e->nalts == 2 && th_has_alt(S, e, "<>") && th_has_alt(S, e, "<unset>"));
  rc_session_free(S);
  th_free(&t);
}

/* An undecided early return: the values set after it hold only when the
 * file went on; those before it on both paths. */
static void test_undecided_return(void **st) {
  (void)st;
  th t;
  th_init(&t);
  th_write(&t, "~/.zshenv",
           "export A=1\n"
           "[ -n \"$TERM\" ] && return\n"
           "export B=2\n"
           "A=3\n");
  th_write(&t, "~/.zshrc", "export R=1\n");
  rc_session *S = th_session(&t, RC_OS_LINUX);
  rc_ctx *C = rc_session_ctx(S, RC_SH_ZSH, RC_CTX_INTERACTIVE);
  const rc_var *a = rc_ctx_var(C, "A");
  assert_int_equal(rc_var_summary(a), RC_SUM_MAYBE);
  assert_true(th_has_alt(S, a, "1") && th_has_alt(S, a, "3"));
  const rc_var *b = rc_ctx_var(C, "B");
  assert_true(th_has_alt(S, b, "2") && th_has_alt(S, b, "<unset>"));
  /* Each outcome carries the condition of its path, from line 2. */
  for (uint32_t i = 0; i < a->nalts; i++) {
    assert_non_null(a->alts[i].cond);
    assert_true(a->alts[i].cond->span.line == 2);
  }
  assert_true(rc_cond_exclusive(a->alts[0].cond, a->alts[1].cond));
  /* The next file runs on both paths. */
  assert_int_equal(rc_var_summary(rc_ctx_var(C, "R")), RC_SUM_SET);
  rc_session_free(S);
  th_free(&t);
}

/* A function defined (or removed) on some paths only: calling it is
 * itself undecided; the definition on each path runs there. */
static void test_undecided_functions(void **st) {
  (void)st;
  th t;
  th_init(&t);
  th_write(&t, "~/.zshenv",
           "if [ -n \"$TERM\" ]; then f() { X=1; }; fi\n"
           "f\n"
           "if [ -n \"$TERM\" ]; then g() { Y=1; }; else g() { Y=2; }; fi\n"
           "g\n"
           "h() { Z=0; }\n"
           "[ -n \"$DISPLAY\" ] && unset -f h\n"
           "h\n"
           "k() { W=1; }\n"
           "if [ -n \"$TERM\" ]; then :; fi\n"
           "k\n"
           "if (( $+functions[f] )); then F=yes; fi\n");
  rc_session *S = th_session(&t, RC_OS_LINUX);
  rc_ctx *C = rc_session_ctx(S, RC_SH_ZSH, RC_CTX_SCRIPT);
  const rc_var *x = rc_ctx_var(C, "X"), *y = rc_ctx_var(C, "Y"), *z = rc_ctx_var(C, "Z"), *f = rc_ctx_var(C, "F");
  assert_true(x->nalts == 2 && th_has_alt(S, x, "1") && th_has_alt(S, x, "<unset>"));
  assert_true(y->nalts == 2 && th_has_alt(S, y, "1") && th_has_alt(S, y, "2"));
  assert_true(z->nalts == 2 && th_has_alt(S, z, "0") && th_has_alt(S, z, "<unset>"));
  assert_true(f->nalts == 2 && th_has_alt(S, f, "yes") && th_has_alt(S, f, "<unset>"));
  assert_string_equal(th_val(S, C, "W"), "1");
  assert_int_equal(rc_var_summary(rc_ctx_var(C, "W")), RC_SUM_SET);
  rc_session_free(S);
  th_free(&t);
}

/* exit ends the shell: no later file is read on that path. */
static void test_exit(void **st) {
  (void)st;
  th t;
  th_init(&t);
  th_write(&t, "~/.zshenv", "export A=1\nexit\nexport B=1\n");
  th_write(&t, "~/.zshrc", "export R=1\n");
  rc_session *S = th_session(&t, RC_OS_LINUX);
  rc_ctx *C = rc_session_ctx(S, RC_SH_ZSH, RC_CTX_INTERACTIVE);
  static const char *const vars[] = {"A", "B", "R", NULL};
  EXPECT_SUMMARY(S, C, vars, "A=1 B=_ R=_");
  rc_session_free(S);
  th_free(&t);
}

/* ---- source ---- */

static void test_source_guarded(void **st) {
  (void)st;
  th t;
  th_init(&t);
  th_write(&t, "~/.aliases", "export AL=1\n");
  th_write(&t, "~/lib.sh", "SA=\"$1-$2-$#\"\nreturn\nSB=never\n");
  th_write(&t, "~/.zshenv",
           "[ -f ~/.aliases ] && . ~/.aliases\n"
           "[ -f ~/.missing ] && . ~/.missing\n"
           "[[ -s \"$HOME/.aliases\" ]] && source \"$HOME/.aliases\"\n"
           "source ~/lib.sh one two\n"
           "S0=$SA\n"
           "source ~/nowhere 2>/dev/null\n"
           "source ~/nowhere\n"
           "AFTER=1\n");
  rc_session *S = th_session(&t, RC_OS_LINUX);
  rc_ctx *C = rc_session_ctx(S, RC_SH_ZSH, RC_CTX_SCRIPT);
  static const char *const vars[] = {"AL", "SA", "SB", "S0", "AFTER", NULL};
  EXPECT_SUMMARY(S, C, vars, "AL=1 SA=one-two-2 SB=_ S0=one-two-2 AFTER=1");
  /* The chain: ~/.aliases read (twice), ~/.missing never tried, ~/nowhere
   * tried twice, reported missing where its errors are not silenced. */
  int aliases = 0, missing = 0, nowhere = 0;
  for (size_t i = 0; i < C->visits.n; i++) {
    const rc_visit *v = &C->visits.v[i];
    if (rc_str_ends(v->path, "/.aliases") && v->exists) aliases++;
    if (rc_str_ends(v->path, "/.missing")) missing++;
    if (rc_str_ends(v->path, "/nowhere")) nowhere++, assert_false(v->exists);
  }
  assert_int_equal(aliases, 2);
  assert_int_equal(missing, 0);
  assert_int_equal(nowhere, 2);
  size_t reported = 0;
  for (size_t i = 0; i < C->problems.n; i++)
    if (C->problems.v[i].kind == RC_PB_SOURCE_MISSING) {
      reported++;
      assert_int_equal(C->problems.v[i].span.line, 7);
    }
  assert_int_equal(reported, 1);
  rc_session_free(S);
  th_free(&t);
}

/* `for f in ~/.zsh/<glob>.zsh; do source "$f"; done`: sorted like the shells sort
 * in the C locale (byte order); dot files are not matched. */
static void glob_home(th *t) {
  static const char *const names[] = {"b", "10", "a", "2", "B", "_x", ".hidden"};
  for (size_t i = 0; i < RC_ARRAY_LEN(names); i++) {
    char p[64], text[64];
    snprintf(p, sizeof p, "~/.zsh/%s.zsh", names[i]);
    snprintf(text, sizeof text, "ORDER=\"$ORDER %s\"\n", names[i]);
    th_write(t, p, text);
  }
}

static void test_glob_source_order(void **st) {
  (void)st;
  th t;
  th_init(&t);
  glob_home(&t);
  th_write(&t, "~/.zshenv", "for f in ~/.zsh/*.zsh; do source \"$f\"; done\n");
  th_write(&t, "~/.bashrc", "for f in ~/.zsh/*.zsh; do . \"$f\"; done\nfor g in ~/.none/*.sh; do G=\"$g\"; done\n");
  rc_session *S = th_session(&t, RC_OS_LINUX);
  assert_string_equal(th_val(S, rc_session_ctx(S, RC_SH_ZSH, RC_CTX_SCRIPT), "ORDER"), " 10 2 B _x a b");
  rc_ctx *C = rc_session_ctx(S, RC_SH_BASH, RC_CTX_INTERACTIVE);
  assert_string_equal(th_val(S, C, "ORDER"), " 10 2 B _x a b");
  /* bash keeps a pattern that matches nothing. */
  char *want = th_expand(&t, "~H/.none/*.sh");
  assert_string_equal(th_val(S, C, "G"), want);
  free(want);
  rc_session_free(S);
  th_free(&t);
}

/* zsh's short for loop: `for f (~/.zsh/<glob>.zsh) source $f`. */
static void test_zsh_short_for(void **st) {
  (void)st;
  th t;
  th_init(&t);
  glob_home(&t);
  th_write(&t, "~/.zshenv", "for f (~/.zsh/*.zsh) source $f\n");
  rc_session *S = th_session(&t, RC_OS_LINUX);
  rc_ctx *C = rc_session_ctx(S, RC_SH_ZSH, RC_CTX_SCRIPT);
  const rc_file *f = NULL;
  for (size_t i = 0; i < C->visits.n && !f; i++)
    if (C->visits.v[i].file && rc_str_ends(C->visits.v[i].path, "/.zshenv")) f = C->visits.v[i].file;
  if (f && f->ir && f->ir->errors.n) {
    /* The zsh parser does not handle this form yet (zsh_prepass.c). */
    rc_session_free(S);
    th_free(&t);
    skip();
  }
  assert_string_equal(th_val(S, C, "ORDER"), " 10 2 B _x a b");
  rc_session_free(S);
  th_free(&t);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_context_guards),
    cmocka_unit_test(test_dash_flags),
    cmocka_unit_test(test_vscode_and_ps1),
    cmocka_unit_test(test_uname_from_os),
    cmocka_unit_test(test_file_tests),
    cmocka_unit_test(test_negated_pipeline_and_redirected_test),
    cmocka_unit_test(test_undecided_alternatives),
    cmocka_unit_test(test_arms_independent),
    cmocka_unit_test(test_undecided_return),
    cmocka_unit_test(test_undecided_functions),
    cmocka_unit_test(test_exit),
    cmocka_unit_test(test_source_guarded),
    cmocka_unit_test(test_glob_source_order),
    cmocka_unit_test(test_zsh_short_for),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
