/* main.c — the command line: options, subcommands, exit codes. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "format.h"
#include "lint.h"
#include "rule.h"
#include "ir_dump.h"
#include "parse.h"

#ifndef RC_VERSION
#define RC_VERSION "0.1.0"
#endif

static const char usage_text[] =
  "usage: rccheck [lint] [options] [FILE...]\n"
  "       rccheck rules [ID|NAME]\n"
  "       rccheck chain [options]\n"
  "       rccheck env [VAR...] [--diff] [options]\n"
  "       rccheck graph [options]\n"
  "\n"
  "Static analysis of shell startup files: which files each kind of shell reads,\n"
  "what GOROOT, GOPATH, PATH... end up as in each context, and why. Nothing in the\n"
  "analyzed files is ever run.\n"
  "\n"
  "Options:\n"
  "  --home DIR            the home to analyze (default: $HOME)\n"
  "  --shell zsh|bash|sh   the shell (default: those the home has files for)\n"
  "  --os macos|linux      the system to model (default: the running one)\n"
  "  --sysroot DIR         where system files are read from (default: /)\n"
  "  --context NAME|all    login-interactive, interactive, login, script, vscode,\n"
  "                        ssh-command (default: all)\n"
  "  --format FMT          lint: text, gcc, json; chain/env: text, json\n"
  "  --severity LEVEL      lint: show findings from LEVEL up (style, info,\n"
  "                        warning, error)\n"
  "  --fail-on LEVEL       lint: exit 1 when a finding is at LEVEL or above\n"
  "                        (default: warning)\n"
  "  --enable ID|NAME      lint: turn a rule on (repeatable)\n"
  "  --disable ID|NAME     lint: turn a rule off (repeatable)\n"
  "  --config FILE         lint: read this configuration instead of .rccheckrc\n"
  "  --no-config           lint: read no configuration file\n"
  "  --color WHEN          auto, always or never (NO_COLOR is honoured)\n"
  "  --diff                env: only variables that differ between contexts\n"
  "  --inherit-env         start from this process's environment instead of a\n"
  "                        fresh login session's (HOME USER LOGNAME SHELL PATH)\n"
  "  --user NAME           USER/LOGNAME of the session (default: the home's name)\n"
  "  -h, --help            this help\n"
  "  --version             the version\n";

static int usage_error(const char *fmt, const char *arg) {
  fprintf(stderr, "rccheck: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\nTry 'rccheck --help'.\n");
  return RC_EXIT_USAGE;
}

static int dump(const char *what, const char *path, rc_dialect d) {
  rc_load_status st;
  int e;
  rc_source *s = rc_source_load(path, &st, &e);
  if (!s) {
    fprintf(stderr, "rccheck: %s: %s\n", path, rc_load_status_str(st));
    return RC_EXIT_USAGE;
  }
  if (!strcmp(what, "dump-tree")) {
    char *t = rc_parse_sexp(s->text, s->len, d);
    puts(t);
    free(t);
  } else {
    rc_ir *ir = rc_parse(s, d);
    rc_buf b = {0};
    rc_ir_dump(ir, &b);
    fputs(b.s ? b.s : "", stdout);
    rc_buf_free(&b);
    rc_ir_free(ir);
  }
  rc_source_free(s);
  return RC_EXIT_OK;
}

static rc_os running_os(void) {
#ifdef __APPLE__
  return RC_OS_MACOS;
#else
  return RC_OS_LINUX;
#endif
}

enum {
  O_HOME = 256, O_SHELL, O_OS, O_SYSROOT, O_CONTEXT, O_FORMAT, O_DIFF, O_INHERIT, O_USER, O_VERSION,
  O_COLOR, O_SEVERITY, O_FAIL_ON, O_ENABLE, O_DISABLE, O_CONFIG, O_NO_CONFIG,
};

static int cmd_rules(rc_cli *c) {
  if (c->nargs) {
    const rc_rule *r = rc_rule_find(c->args[0]);
    if (!r) return usage_error("no rule '%s' (rccheck rules lists them)", c->args[0]);
    printf("%s %s (%s%s%s)\n\n%s\n\n## What it finds\n%s\n\n## Why it hurts\n%s\n\n## Example\n%s\n## Fix\n%s\n\n%s\n",
           r->id, r->name, rc_severity_name(r->severity), r->fixable ? ", fixable" : "",
           r->off_by_default ? ", off by default" : "", r->summary, r->what, r->why, r->bad, r->fix, r->good);
    return RC_EXIT_OK;
  }
  printf("%-6s %-34s %-8s %-7s %s\n", "ID", "NAME", "SEVERITY", "FIXABLE", "SUMMARY");
  for (size_t i = 0; i < rc_rules_count; i++) {
    const rc_rule *r = rc_rules[i];
    printf("%-6s %-34s %-8s %-7s %s%s\n", r->id, r->name, rc_severity_name(r->severity), r->fixable ? "yes" : "no",
           r->summary, r->off_by_default ? " (off by default)" : "");
  }
  return RC_EXIT_OK;
}

static int cmd_lint(rc_cli *c, rc_lint_opts *lo) {
  lo->sopt = c->sopt;
  lo->shells = c->shells;
  lo->ctxs = c->ctxs;
  lo->files = c->args;
  lo->nfiles = c->nargs;
  rc_lint *L = rc_lint_run(lo);
  rc_format_opts fo = {false, NULL};
  char cwd[4096];
  if (getcwd(cwd, sizeof cwd)) fo.cwd = cwd;
  bool tty = isatty(1);
  fo.color = c->color == 1 || (c->color == -1 && tty && !getenv("NO_COLOR"));
  const char *fmt = c->format ? c->format : "text";
  if (!strcmp(fmt, "gcc")) rc_format_gcc(L, &fo, stdout);
  else if (!strcmp(fmt, "json")) rc_format_json(L, &fo, stdout);
  else rc_format_text(L, &fo, stdout);
  for (size_t i = 0; i < L->errors.n && strcmp(fmt, "text"); i++) fprintf(stderr, "rccheck: %s\n", L->errors.v[i]);
  int code = L->exit_code;
  rc_lint_free(L);
  return code;
}

int main(int argc, char **argv) {
  const char *cmd = "lint";
  int first = 1;
  static const char *const cmds[] = {"lint", "chain", "env", "graph", "rules", "dump-ir", "dump-tree"};
  if (argc > 1)
    for (size_t i = 0; i < RC_ARRAY_LEN(cmds); i++)
      if (!strcmp(argv[1], cmds[i])) cmd = cmds[i], first = 2;
  if (!strcmp(cmd, "dump-ir") || !strcmp(cmd, "dump-tree")) {
    if (argc < 3) return usage_error("%s needs a FILE", cmd);
    rc_dialect d = argc >= 4 && !strcmp(argv[3], "bash") ? RC_DIALECT_BASH : RC_DIALECT_ZSH;
    return dump(cmd, argv[2], d);
  }
  static const struct option longopts[] = {
    {"home", required_argument, NULL, O_HOME},       {"shell", required_argument, NULL, O_SHELL},
    {"os", required_argument, NULL, O_OS},           {"sysroot", required_argument, NULL, O_SYSROOT},
    {"context", required_argument, NULL, O_CONTEXT}, {"format", required_argument, NULL, O_FORMAT},
    {"diff", no_argument, NULL, O_DIFF},             {"inherit-env", no_argument, NULL, O_INHERIT},
    {"user", required_argument, NULL, O_USER},       {"version", no_argument, NULL, O_VERSION},
    {"color", required_argument, NULL, O_COLOR},     {"help", no_argument, NULL, 'h'},
    {"severity", required_argument, NULL, O_SEVERITY}, {"fail-on", required_argument, NULL, O_FAIL_ON},
    {"enable", required_argument, NULL, O_ENABLE},   {"disable", required_argument, NULL, O_DISABLE},
    {"config", required_argument, NULL, O_CONFIG},   {"no-config", no_argument, NULL, O_NO_CONFIG},
    {NULL, 0, NULL, 0},
  };
  rc_cli c;
  memset(&c, 0, sizeof c);
  rc_lint_opts lo;
  memset(&lo, 0, sizeof lo);
  lo.min_severity = lo.fail_on = -1;
  c.sopt.os = running_os();
  c.color = -1;
  /* getopt_long permutes: options may follow positional arguments. */
  int gargc = argc - first + 1;
  char **gargv = argv + first - 1;
  optind = 1;
  int opt;
  while ((opt = getopt_long(gargc, gargv, "h", longopts, NULL)) != -1) {
    switch (opt) {
    case O_HOME: c.sopt.home = optarg; break;
    case O_SYSROOT: c.sopt.sysroot = optarg; break;
    case O_USER: c.sopt.user = optarg; break;
    case O_INHERIT: c.sopt.inherit_env = true; break;
    case O_DIFF: c.diff = true; break;
    case O_SHELL: {
      rc_shell sh;
      if (!rc_shell_parse(optarg, &sh)) return usage_error("unknown shell '%s' (zsh, bash or sh)", optarg);
      c.shells |= 1u << sh;
      break;
    }
    case O_OS:
      if (!rc_os_parse(optarg, &c.sopt.os)) return usage_error("unknown OS '%s' (macos or linux)", optarg);
      break;
    case O_CONTEXT: {
      if (!strcmp(optarg, "all")) {
        c.ctxs = (1u << RC_CTX_COUNT) - 1;
        break;
      }
      rc_ctx_kind k;
      if (!rc_ctx_parse(optarg, &k)) return usage_error("unknown context '%s'", optarg);
      c.ctxs |= 1u << k;
      break;
    }
    case O_FORMAT:
      if (strcmp(optarg, "text") && strcmp(optarg, "json") && strcmp(optarg, "gcc"))
        return usage_error("unknown format '%s' (text, gcc, json)", optarg);
      c.format = optarg;
      break;
    case O_SEVERITY:
    case O_FAIL_ON: {
      rc_severity s;
      if (!rc_severity_parse(optarg, &s)) return usage_error("unknown severity '%s' (style, info, warning, error)", optarg);
      if (opt == O_SEVERITY) lo.min_severity = (int)s;
      else lo.fail_on = (int)s;
      break;
    }
    case O_ENABLE:
    case O_DISABLE:
      if (!rc_rule_find(optarg) && strcmp(optarg, "all")) return usage_error("no rule '%s' (rccheck rules lists them)", optarg);
      if (opt == O_ENABLE && lo.nenable < 64) lo.enable[lo.nenable++] = optarg;
      if (opt == O_DISABLE && lo.ndisable < 64) lo.disable[lo.ndisable++] = optarg;
      break;
    case O_CONFIG: lo.config_path = optarg; break;
    case O_NO_CONFIG: lo.no_config = true; break;
    case O_COLOR:
      c.color = !strcmp(optarg, "always") ? 1 : !strcmp(optarg, "never") ? 0 : -1;
      break;
    case O_VERSION: printf("rccheck %s\n", RC_VERSION); return RC_EXIT_OK;
    case 'h': fputs(usage_text, stdout); return RC_EXIT_OK;
    default: fprintf(stderr, "Try 'rccheck --help'.\n"); return RC_EXIT_USAGE;
    }
  }
  c.args = gargv + optind;
  c.nargs = gargc - optind;
  if (!strcmp(cmd, "chain")) return c.nargs ? usage_error("chain takes no FILE ('%s')", c.args[0]) : rc_cmd_chain(&c, stdout);
  if (!strcmp(cmd, "env")) return rc_cmd_env(&c, stdout);
  if (!strcmp(cmd, "graph")) return rc_cmd_graph(&c, stdout);
  if (!strcmp(cmd, "rules")) return cmd_rules(&c);
  return cmd_lint(&c, &lo);
}
