/* th_file.c — see th_file.h. */
#include "th_file.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"

char *th_read_stream(FILE *f, size_t *len) {
  rc_buf b = {0};
  char chunk[4096];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) rc_buf_add(&b, chunk, n);
  if (len) *len = b.n;
  return rc_buf_steal(&b);
}

char *th_slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *s = th_read_stream(f, len);
  fclose(f);
  return s;
}

void th_spit(const char *path, const char *text) {
  FILE *f = fopen(path, "wb");
  if (!f) fail_msg("cannot write %s", path);
  fputs(text, f);
  fclose(f);
}

bool th_file_is(const char *path, const char *want) {
  char *got = th_slurp(path, NULL);
  bool ok = got && !strcmp(got, want);
  if (!ok) print_error("%s holds:\n%s\n", path, got ? got : "(nothing)");
  free(got);
  return ok;
}

bool th_no_leftovers(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return true;
  bool ok = true;
  for (struct dirent *e; (e = readdir(d));)
    if (strstr(e->d_name, ".rccheck-")) print_error("left behind: %s/%s\n", dir, e->d_name), ok = false;
  closedir(d);
  return ok;
}
