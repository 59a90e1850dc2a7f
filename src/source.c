/* source.c — see source.h. */
#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base.h"

const char *rc_load_status_str(rc_load_status st) {
  switch (st) {
  case RC_LOAD_OK: return "ok";
  case RC_LOAD_MISSING: return "does not exist";
  case RC_LOAD_LOOP: return "symlink loop";
  case RC_LOAD_UNREADABLE: return "cannot be read";
  case RC_LOAD_NOT_REGULAR: return "is not a regular file";
  case RC_LOAD_TOO_LARGE: return "is too large";
  case RC_LOAD_BINARY: return "is a binary file";
  case RC_LOAD_TOO_COMPLEX: return "is too large to analyze";
  case RC_LOAD_BUDGET: return "is over the run's limit";
  }
  return "?";
}

static rc_load_status status_of_errno(int e) {
  if (e == ENOENT || e == ENOTDIR) return RC_LOAD_MISSING;
  if (e == ELOOP) return RC_LOAD_LOOP;
  return RC_LOAD_UNREADABLE;
}

rc_load_status rc_path_probe(const char *path, int *err_no) {
  struct stat st;
  if (stat(path, &st) != 0) {
    if (err_no) *err_no = errno;
    return status_of_errno(errno);
  }
  if (err_no) *err_no = 0;
  if (!S_ISREG(st.st_mode)) return RC_LOAD_NOT_REGULAR;
  if ((uint64_t)st.st_size > RC_SOURCE_MAX_BYTES) return RC_LOAD_TOO_LARGE;
  return RC_LOAD_OK;
}

/* NUL bytes early in the file, or many control bytes, mean "not a script". */
static bool looks_binary(const char *p, size_t n) {
  size_t head = n < 4096 ? n : 4096, ctl = 0;
  if (memchr(p, 0, head)) return true;
  /* control bytes but \t \n \v \f \r and ESC: bit c of this mask */
  const uint32_t bad = ~(uint32_t)((1u << '\t') | (1u << '\n') | (1u << '\v') | (1u << '\f') | (1u << '\r') | (1u << 27));
  for (size_t i = 0; i < head; i++) {
    unsigned char c = (unsigned char)p[i];
    ctl += c < 32 && (bad >> c & 1);
  }
  return head >= 32 && ctl * 10 > head;
}

static int64_t first_bad_utf8(const unsigned char *p, size_t n) {
  size_t i = 0;
  while (i < n) {
    /* ASCII runs eight bytes at a time. */
    while (i + 8 <= n) {
      uint64_t w;
      memcpy(&w, p + i, 8);
      if (w & UINT64_C(0x8080808080808080)) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = p[i];
    if (c < 0x80) { i++; continue; }
    size_t k;
    uint32_t min;
    if ((c & 0xE0) == 0xC0) k = 1, min = 0x80;
    else if ((c & 0xF0) == 0xE0) k = 2, min = 0x800;
    else if ((c & 0xF8) == 0xF0) k = 3, min = 0x10000;
    else return (int64_t)i;
    uint32_t cp = c & (0x3F >> k);
    for (size_t j = 1; j <= k; j++) {
      if (i + j >= n || (p[i + j] & 0xC0) != 0x80) return (int64_t)i;
      cp = (cp << 6) | (p[i + j] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return (int64_t)i;
    i += k + 1;
  }
  return -1;
}

enum { C_OTHER, C_WORD, C_NEWLINE, C_BLANK };

static void finish(rc_source *s) {
  char *end = s->text + s->len;
  s->nul_bytes = 0;
  for (char *z = s->text; (z = memchr(z, 0, (size_t)(end - z))) != NULL; z++) *z = ' ', s->nul_bytes++;
  /* Tokens: runs of word bytes, and every other byte but blanks and the
   * newlines of blank lines. (A table of byte classes, built per file: no
   * globals.) */
  uint8_t cls[256];
  for (int c = 0; c < 256; c++)
    cls[c] = c == '_' || c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                 ? C_WORD
             : c == '\n'                         ? C_NEWLINE
             : c == ' ' || c == '\t' || c == '\r' ? C_BLANK
                                                  : C_OTHER;
  uint32_t tokens = 0;
  bool word = false, nonblank = false;
  for (uint32_t i = 0; i < s->len; i++) {
    uint8_t k = cls[(unsigned char)s->text[i]];
    bool w = k == C_WORD;
    tokens += w && !word;
    tokens += k == C_OTHER;
    word = w;
    if (k == C_NEWLINE) tokens += nonblank, nonblank = false;
    else nonblank |= k != C_BLANK;
  }
  s->tokens = tokens;
  s->bad_utf8_at = first_bad_utf8((const unsigned char *)s->text, s->len);
  uint32_t n = 1;
  for (const char *q = s->text; (q = memchr(q, '\n', (size_t)(end - q))) != NULL; q++) n++;
  s->lines = rc_xmalloc(sizeof(uint32_t) * n);
  s->nlines = 0;
  s->lines[s->nlines++] = 0;
  for (const char *q = s->text; (q = memchr(q, '\n', (size_t)(end - q))) != NULL; q++)
    s->lines[s->nlines++] = (uint32_t)(q - s->text) + 1;
}

rc_source *rc_source_from_memory(const char *path, const char *text, size_t len) {
  if (len > RC_SOURCE_MAX_BYTES) len = RC_SOURCE_MAX_BYTES;
  rc_source *s = rc_xcalloc(1, sizeof *s);
  s->path = rc_xstrdup(path);
  s->real = rc_xstrdup(path);
  s->text = rc_xstrndup(text, len);
  s->len = (uint32_t)len;
  s->from_buffer = true;
  s->mtime_ns = -1;
  finish(s);
  return s;
}

rc_source *rc_source_load(const char *path, rc_load_status *status, int *err_no) {
  return rc_source_load_at(path, NULL, status, err_no);
}

/* The bytes of a regular file (NUL-terminated, malloc'ed), or NULL with
 * *status (and *err_no) set: the checks every load makes. */
static char *read_all(const char *path, rc_load_status *status, int *err_no, struct stat *stp, size_t *np) {
  *status = RC_LOAD_OK;
  if (err_no) *err_no = 0;
  /* O_NONBLOCK: opening a FIFO must not wait for a writer. The type check
   * after open (not before) closes the stat/open race. */
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    if (err_no) *err_no = errno;
    *status = errno == EISDIR ? RC_LOAD_NOT_REGULAR : status_of_errno(errno);
    return NULL;
  }
  struct stat st;
  if (fstat(fd, &st) != 0) {
    if (err_no) *err_no = errno;
    close(fd);
    *status = RC_LOAD_UNREADABLE;
    return NULL;
  }
  if (!S_ISREG(st.st_mode)) {
    close(fd);
    *status = RC_LOAD_NOT_REGULAR;
    return NULL;
  }
  if ((uint64_t)st.st_size > RC_SOURCE_MAX_BYTES) {
    close(fd);
    *status = RC_LOAD_TOO_LARGE;
    return NULL;
  }
  /* st_size can lie (procfs reports 0): read up to the cap + 1 byte. */
  size_t cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 64 * 1024, n = 0;
  char *buf = rc_xmalloc(cap + 1);
  for (;;) {
    if (n == cap) {
      if (cap > RC_SOURCE_MAX_BYTES) break;
      cap = cap * 2 > (size_t)RC_SOURCE_MAX_BYTES + 1 ? (size_t)RC_SOURCE_MAX_BYTES + 1 : cap * 2;
      buf = rc_xrealloc(buf, cap + 1);
    }
    ssize_t r = read(fd, buf + n, cap - n);
    if (r < 0) {
      if (errno == EINTR) continue;
      if (err_no) *err_no = errno;
      free(buf);
      close(fd);
      *status = RC_LOAD_UNREADABLE;
      return NULL;
    }
    if (r == 0) break;
    n += (size_t)r;
  }
  close(fd);
  if (n > RC_SOURCE_MAX_BYTES) {
    free(buf);
    *status = RC_LOAD_TOO_LARGE;
    return NULL;
  }
  if (looks_binary(buf, n)) {
    free(buf);
    *status = RC_LOAD_BINARY;
    return NULL;
  }
  buf[n] = 0;
  *stp = st;
  *np = n;
  return buf;
}

rc_source *rc_source_load_at(const char *path, const char *known_real, rc_load_status *status, int *err_no) {
  struct stat st;
  size_t n;
  char *buf = read_all(path, status, err_no, &st, &n);
  if (!buf) return NULL;
  rc_source *s = rc_xcalloc(1, sizeof *s);
  s->path = rc_xstrdup(path);
  char *real = known_real ? rc_xstrdup(known_real) : realpath(path, NULL);
  s->real = real ? real : rc_xstrdup(path);
  s->text = buf;
  s->len = (uint32_t)n;
  s->mtime_ns = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
  s->size_on_disk = (uint64_t)st.st_size;
  s->dev = (uint64_t)st.st_dev;
  s->ino = (uint64_t)st.st_ino;
  finish(s);
  return s;
}

char *rc_source_read(const char *path, size_t *n) {
  rc_load_status st;
  struct stat sb;
  char *t = read_all(path, &st, NULL, &sb, n);
  for (char *z = t; t && (z = memchr(z, 0, (size_t)(t + *n - z))) != NULL; z++) *z = ' '; /* as finish() */
  return t;
}

size_t rc_source_head(const char *path, char *buf, size_t cap) {
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return 0;
  struct stat st;
  size_t n = 0;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
    while (n < cap) {
      ssize_t r = read(fd, buf + n, cap - n);
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0) break;
      n += (size_t)r;
    }
  close(fd);
  return n;
}

void rc_source_free(rc_source *s) {
  if (!s) return;
  free(s->path);
  free(s->real);
  free(s->text);
  free(s->lines);
  free(s);
}

void rc_source_pos(const rc_source *s, uint32_t off, uint32_t *line, uint32_t *col) {
  uint32_t lo = 0, hi = s->nlines; /* find last line start <= off */
  while (hi - lo > 1) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (s->lines[mid] <= off) lo = mid;
    else hi = mid;
  }
  *line = lo + 1;
  *col = off - s->lines[lo] + 1;
}

bool rc_source_line(const rc_source *s, uint32_t line, uint32_t *off, uint32_t *len) {
  if (line < 1 || line > s->nlines) return false;
  uint32_t a = s->lines[line - 1];
  uint32_t b = line < s->nlines ? s->lines[line] - 1 : s->len;
  if (b > a && s->text[b - 1] == '\r') b--;
  *off = a;
  *len = b - a;
  return true;
}
