/* ts_parse.c — the bare tree-sitter parse of files, the reference the
 * benchmark compares rccheck against: read each file, parse it with the same
 * runtime and grammar rccheck uses, free the tree. Prints bytes, lines and
 * the time spent parsing (reading excluded). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <tree_sitter/api.h>

const TSLanguage *tree_sitter_bash(void);

static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, len = 0;
  char *b = malloc(cap);
  size_t r;
  while (b && (r = fread(b + len, 1, cap - len, f)) > 0) {
    len += r;
    if (len == cap) b = realloc(b, cap *= 2);
  }
  fclose(f);
  *n = len;
  return b;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  TSParser *p = ts_parser_new();
  ts_parser_set_language(p, tree_sitter_bash());
  size_t bytes = 0, lines = 0;
  double spent = 0;
  for (int i = 1; i < argc; i++) {
    size_t n;
    char *text = slurp(argv[i], &n);
    if (!text) continue;
    for (size_t k = 0; k < n; k++) lines += text[k] == '\n';
    double t0 = now();
    TSTree *t = ts_parser_parse_string(p, NULL, text, (uint32_t)n);
    ts_tree_delete(t);
    spent += now() - t0;
    bytes += n;
    free(text);
  }
  ts_parser_delete(p);
  printf("%zu bytes %zu lines %.6f s\n", bytes, lines, spent);
  return 0;
}
