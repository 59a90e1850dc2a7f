/* main.c — command line entry point. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir_dump.h"
#include "parse.h"

static int dump(const char *what, const char *path, rc_dialect d) {
  rc_load_status st;
  int e;
  rc_source *s = rc_source_load(path, &st, &e);
  if (!s) {
    fprintf(stderr, "rccheck: %s: %s\n", path, rc_load_status_str(st));
    return 2;
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
  return 0;
}

int main(int argc, char **argv) {
  if (argc >= 3 && (!strcmp(argv[1], "dump-ir") || !strcmp(argv[1], "dump-tree"))) {
    rc_dialect d = RC_DIALECT_ZSH;
    if (argc >= 4 && !strcmp(argv[3], "bash")) d = RC_DIALECT_BASH;
    return dump(argv[1], argv[2], d);
  }
  fprintf(stderr, "usage: rccheck dump-ir|dump-tree FILE [bash|zsh]\n");
  return 2;
}
