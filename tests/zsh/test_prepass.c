/* test_prepass.c — the zsh pre-pass, one test per family of zsh syntax.
 *
 * Each case: the pre-passed text keeps the length and every newline, the
 * parse (pre-pass + recovery) has no ERROR or MISSING node unless the case
 * says so, and the IR dump (rc_ir_dump) contains the expected lines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ir_dump.h"
#include "parse.h"
#include "zsh_prepass.h"

/* Checks `zsh` and returns its IR dump (caller frees). */
static char *lowered(const char *zsh, bool parse_clean) {
  size_t n = strlen(zsh);
  char *copy = strdup(zsh);
  rc_zsh_prepass(copy, (uint32_t)n);
  assert_int_equal(strlen(copy), n);
  for (size_t i = 0; i < n; i++)
    if ((zsh[i] == '\n') != (copy[i] == '\n')) fail_msg("newline moved at %zu in:\n%s\n->\n%s", i, zsh, copy);
  rc_source *s = rc_source_from_memory("/home/u/.zshrc", zsh, n);
  rc_ir *ir = rc_parse(s, RC_DIALECT_ZSH);
  rc_buf b = {0};
  rc_ir_dump(ir, &b);
  char *dump = rc_buf_steal(&b);
  if (parse_clean && strstr(dump, "parse-error"))
    fail_msg("parse error in:\n%s\npre-passed:\n%s\nIR:\n%s", zsh, copy, dump);
  rc_ir_free(ir);
  rc_source_free(s);
  free(copy);
  return dump;
}

/* The IR of `zsh` holds each expected line (a NULL-terminated list). */
static void expect(const char *zsh, ...) {
  char *dump = lowered(zsh, true);
  va_list ap;
  va_start(ap, zsh);
  for (const char *e; (e = va_arg(ap, const char *)) != NULL;)
    if (!strstr(dump, e)) fail_msg("expected %s\nin the IR of:\n%s\nIR:\n%s", e, zsh, dump);
  va_end(ap);
  free(dump);
}

/* ---- the families, most damaging first ---- */

static void isset(void **st) {
  (void)st;
  expect("(( $+commands[go] )) && export GOPATH=~/go\n",
         "1:1 list &&", "arith \"(( $+commands[go] ))\"", "decl export set=1 clear=0 GOPATH=", NULL);
  expect("if (( ! ${+commands[fzf]} )); then return; fi\nsource ~/.fzf.zsh\n",
         "arith \"(( ! ${+commands[fzf]} ))\"", "2:1 source [\"~/.fzf.zsh\"]", NULL);
  expect("echo $+foo ${+bar} $+commands[git]\n", "[$foo{isset}] [$bar{isset}] [$commands[git]{isset}]", NULL);
}

static void nested_expansions(void **st) {
  (void)st;
  expect("x=${${x:-y}:-z}\nexport X=1\n", "1:1 assign x=[$x{other}]", "2:1 decl export", NULL);
  expect("0=\"${${ZERO:-${0:#$ZSH_ARGZERO}}:-${(%):-%N}}\"\nsource ${0:h}/lib.zsh\n",
         "2:1 source [$0{other} \"/lib.zsh\"]", NULL);
}

static void expansion_flags(void **st) {
  (void)st;
  expect("y=(${(s.:.)PATH})\nlines=(\"${(@f)$(cat ~/.hosts)}\")\n",
         "1:1 assign y=([$PATH{other}])", "2:1 assign lines=([dq:$?{other [dq:cmdsub(1 stmts)]}])", NULL);
  /* arg: the substitutions nested in the operand, for walkers */
  expect("echo ${(j: :)${(k)aliases}} ${(%):-%n}\n", "[$aliases{other [$aliases{other}]}] [$?{other}]", NULL);
}

static void anonymous_functions(void **st) {
  (void)st;
  expect("() {\n  local d=$1\n  export A=$d\n} /tmp\nexport B=2\n",
         "1:1 group", "2:3 decl local", "3:3 decl export set=1 clear=0 A=[$d]", "5:1 decl export", NULL);
  expect("function { export C=1 } a b\n", "1:1 group", "decl export set=1 clear=0 C=", NULL);
}

static void disown(void **st) {
  (void)st;
  expect("sleep 10 &|\nexport A=1\n", "1:1 cmd & [\"sleep\"] [\"10\"]", "2:1 decl export", NULL);
  expect("mycmd &!\n", "1:1 cmd & [\"mycmd\"]", NULL);
}

static void equals_substitution(void **st) {
  (void)st;
  expect("diff =(ls a) =(ls b)\n", "cmd [\"diff\"] [procsub(1 stmts)] [procsub(1 stmts)]", NULL);
}

static void zsh_operators(void **st) {
  (void)st;
  expect("echo ${p:#pat} ${x:gs/a/b} ${~p} ${^p} ${=p} ${x:t:r} ${0:A:h}\n",
         "[$p{filter [\"pat\"]}] [$x{other}] [$p{other}] [$p{other}] [$p{other}] [$x{other}] [$0{other}]", NULL);
}

static void glob_qualifiers(void **st) {
  (void)st;
  expect("path+=( ~/go/bin(N) /opt/*/bin(N-/) $path )\n",
         "1:1 assign path+=([\"~/go/bin(N)\"] [\"/opt/*/bin(N-/)\"] [$path])", NULL);
  expect("for f in ~/.zsh/*.zsh(N.); do source $f; done\nrm -f *(#qN.mh+24)\n",
         "for f in [\"~/.zsh/*.zsh(N.)\"]", "source [$f]", "cmd [\"rm\"] [\"-f\"] [\"*(#qN.mh+24)\"]", NULL);
}

static void subscript_flags(void **st) {
  (void)st;
  expect("echo ${a[(i)x]} $a[(r)y] ${commands[(I)git*]}\n",
         "[$a[(i)x]{other}] [$a[(r)y]] [$commands[(I)git*]{other}]", NULL);
}

static void short_for(void **st) {
  (void)st;
  expect("for f (a b) source $f\nexport A=1\n",
         "1:1 for f in [\"a\"] [\"b\"]\n  1:13 source [$f]", "2:1 decl export", NULL);
  expect("for f (\n  ~/.zsh/a.zsh\n  ~/.zsh/b.zsh\n) {\n  source $f\n}\n",
         "1:1 for f in [\"~/.zsh/a.zsh\"] [\"~/.zsh/b.zsh\"]\n  5:3 source [$f]", NULL);
  expect("for i (1 2) do echo $i; done\n", "1:1 for i in [\"1\"] [\"2\"]\n  1:16 cmd [\"echo\"] [$i]", NULL);
  expect("for x in a b; echo $x\n", "1:1 for x in [\"a\"] [\"b\"]\n  1:15 cmd [\"echo\"] [$x]", NULL);
}

static void multi_variable_for(void **st) {
  (void)st;
  expect("for k v in a 1 b 2; do export $k=$v; done\n", "1:1 for k in [\"a\"] [\"1\"] [\"b\"] [\"2\"]", NULL);
}

static void bare_subscript_in_test(void **st) {
  (void)st;
  expect("[ $a[x] = y ] && export B=1\n", "test [ ([$a[x]] = [\"y\"])", "decl export", NULL);
}

static void brace_without_semicolon(void **st) {
  (void)st;
  expect("foo() { echo hi }\nbar() { x=1 }\nexport A=1\n",
         "1:1 func foo", "1:9 cmd [\"echo\"] [\"hi\"]", "2:1 func bar", "2:9 assign x=", "3:1 decl export",
         NULL);
  expect("f () {cmd a b }\n", "1:1 func f", "1:7 cmd [\"cmd\"] [\"a\"] [\"b\"]", NULL);
  expect("{ try } always { finally }\n", "1:1 group", "1:3 cmd [\"try\"]", "1:18 cmd [\"finally\"]", NULL);
}

static void length(void **st) {
  (void)st;
  expect("echo $#path ${#path}\n(( $#x > 0 ))\n", "[$path{len}] [$path{len}]", "2:1 arith", NULL);
}

static void zsh_patterns(void **st) {
  (void)st;
  expect("case $x in\n  (a|b)*) echo ab ;;\n  <->) echo num ;;\n  (*.(gz|bz2)) echo z ;;\nesac\n",
         "[\"(a|b)*\"]) term=0", "[\"<->\"]) term=0", "[\"*.(gz|bz2)\"]) term=0", NULL);
  expect("[[ $x == (#i)foo* ]] && [[ $y = -* && -n $z ]]\n", "==pat [\"(#i)foo*\"]", "=pat [\"-*\"]", NULL);
}

static void multi_name_function(void **st) {
  (void)st;
  expect("function a b {\n  echo 2\n}\n", "1:1 func a", "2:3 cmd [\"echo\"] [\"2\"]", NULL);
}

static void short_and_brace_if(void **st) {
  (void)st;
  expect("if [[ -n $x ]] export Y=1\n", "1:1 if\n  cond:\n    1:4 test [[", "decl export set=1 clear=0 Y=", NULL);
  expect("if [[ $a ]] {\n  export A=1\n} elif (( b )) {\n  export B=1\n} else {\n  export C=1\n}\n",
         "1:1 if", "2:3 decl export", "3:8 arith", "4:3 decl export", "else:\n    6:3 decl export", NULL);
}

static void more_zsh_forms(void **st) {
  (void)st;
  expect("repeat $n do a+=(.); done\nexport A=1\n", "1:1 cmd [\"repeat\"] [$n]", "1:11 group",
         "1:14 assign a+=([\".\"])", "2:1 decl export", NULL);
  expect("if ! { x=1 }; then :; fi\n", "1:4 not\n      1:6 group\n        1:8 assign x=", NULL);
  expect("if { a; b } then c; fi\n", "1:1 if", "1:6 cmd [\"a\"]", "1:18 cmd [\"c\"]", NULL);
  expect("case $x in\n(a) b;;\n(bindkey' '-[ev]) c;;\nesac\n", "[\"bindkey\" sq:\" \" \"-[ev]\"]) term=0", NULL);
  expect("kept=($~*) n=$#1\n", "assign kept=([$*{other}])", NULL);
  expect("T=`echo $T | sed s/a$//`\n", "1:1 assign T=[cmdsub(1 stmts)]", NULL);
  expect("typeset -A m; m[$k]=() a[(i)x]=1\n", "assign m[$k]=[sq:\"\"]", NULL);
}

/* ---- valid bash tree-sitter-bash cannot parse (or parses wrong) ---- */

static void bash_blind_spots(void **st) {
  (void)st;
  expect("HISTSIZE=-1 2>/dev/null\nexport A=1\n", "1:1 assign > HISTSIZE=", "2:1 decl export", NULL);
  expect("a=1 b=2\nls\n", "1:1 assign a=[\"1\"]", "1:5 assign b=[\"2\"]", "2:1 cmd [\"ls\"]", NULL);
  expect("echo ${v: -$n} ${v:$off:$len} $\n", "[$v{other [$n]}] [$v{other [$len]}] [\"$\"]", NULL);
  expect("source $ZSH/plugins/$p/$p.plugin.zsh\nPATH=$PATH:$1\n",
         "1:1 source [$ZSH \"/plugins/\" $p \"/\" $p \".plugin.zsh\"]", "2:1 assign PATH=[$PATH \":\" $1]", NULL);
  expect("PS1='%n'\\\n'@%m'\n", "1:1 assign PS1=[sq:\"%n@%m\"]", NULL);
  expect("x=${a}\\[ y=\"b\"\\ c\n", "[$a sq:\"[\"]", "[dq:\"b\" \" c\"]", NULL);
}

/* ---- recovery: an error stays in its statement ---- */

static void recovery(void **st) {
  (void)st;
  char *d = lowered("export A=1\nwork_in_progress() {}\nexport B=2\nsource ~/.zshrc.local\n", false);
  assert_non_null(strstr(d, "1:1 decl export"));
  assert_non_null(strstr(d, "3:1 decl export"));
  assert_non_null(strstr(d, "4:1 source"));
  assert_null(strstr(d, "to-eof"));
  free(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(isset),
    cmocka_unit_test(nested_expansions),
    cmocka_unit_test(expansion_flags),
    cmocka_unit_test(anonymous_functions),
    cmocka_unit_test(disown),
    cmocka_unit_test(equals_substitution),
    cmocka_unit_test(zsh_operators),
    cmocka_unit_test(glob_qualifiers),
    cmocka_unit_test(subscript_flags),
    cmocka_unit_test(short_for),
    cmocka_unit_test(multi_variable_for),
    cmocka_unit_test(bare_subscript_in_test),
    cmocka_unit_test(brace_without_semicolon),
    cmocka_unit_test(length),
    cmocka_unit_test(zsh_patterns),
    cmocka_unit_test(multi_name_function),
    cmocka_unit_test(short_and_brace_if),
    cmocka_unit_test(more_zsh_forms),
    cmocka_unit_test(bash_blind_spots),
    cmocka_unit_test(recovery),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
