/* main.c — the command line: options, subcommands, exit codes. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "ir_dump.h"
#include "parse.h"

#ifndef RC_VERSION
#define RC_VERSION "0.1.0"
#endif

static const char usage_text[] =
  "usage: rccheck [lint] [options] [FILE...]\n"
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
  "  --format FMT          text or json (chain, env)\n"
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

enum { O_HOME = 256, O_SHELL, O_OS, O_SYSROOT, O_CONTEXT, O_FORMAT, O_DIFF, O_INHERIT, O_USER, O_VERSION, O_COLOR };

int main(int argc, char **argv) {
  const char *cmd = "lint";
  int first = 1;
  static const char *const cmds[] = {"lint", "chain", "env", "graph", "dump-ir", "dump-tree"};
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
    {NULL, 0, NULL, 0},
  };
  rc_cli c;
  memset(&c, 0, sizeof c);
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
      if (strcmp(optarg, "text") && strcmp(optarg, "json")) return usage_error("unknown format '%s'", optarg);
      c.format = optarg;
      break;
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
  return rc_cmd_chain(&c, stdout);
}
