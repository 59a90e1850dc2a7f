/* source.h — the bytes of one file and its line map.
 * Only regular files are read, with a size cap, never blocking on FIFOs or
 * devices; problems come back as a status, never as a crash. */
#ifndef RC_SOURCE_H
#define RC_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum rc_load_status {
  RC_LOAD_OK = 0,
  RC_LOAD_MISSING,    /* does not exist (ENOENT, ENOTDIR) */
  RC_LOAD_LOOP,       /* symlink loop (ELOOP) */
  RC_LOAD_UNREADABLE, /* permission or other I/O error */
  RC_LOAD_NOT_REGULAR,/* directory, FIFO, device, socket */
  RC_LOAD_TOO_LARGE,  /* over the size cap */
  RC_LOAD_BINARY,     /* looks like a binary file */
  RC_LOAD_TOO_COMPLEX,/* over the token cap (parsing it would cost too much) */
  RC_LOAD_BUDGET,     /* the run's token budget is spent (session.c) */
} rc_load_status;

/* Caps that bound time and memory. Parsing and lowering cost up to ~500
 * bytes per token on files of tiny statements (`a;a;a;…`), ~100 on real
 * ones; the largest real startup files hold ~100,000 tokens (p10k.zsh,
 * zsh's _git completion), a heavy oh-my-zsh home ~300,000 in all. */
enum {
  RC_SOURCE_MAX_BYTES = 4 * 1024 * 1024,
  RC_SOURCE_MAX_TOKENS = 250 * 1000,     /* per file */
  RC_SESSION_MAX_TOKENS = 1000 * 1000,   /* all files of one run */
  RC_SESSION_GLOB_ENTRIES = 500 * 1000,  /* directory entries all globs of a run read */
};

typedef struct rc_source {
  char *path;      /* absolute path as the shell would name it (owned) */
  char *real;      /* canonical path after symlinks (owned), == path when none */
  char *text;      /* file bytes, NUL-terminated; embedded NULs replaced by ' ' */
  uint32_t len;
  uint32_t *lines; /* byte offset of the start of each line */
  uint32_t nlines;
  uint32_t nul_bytes;     /* count of NUL bytes replaced */
  uint32_t tokens;        /* words and operator bytes, roughly what the parser sees */
  int64_t bad_utf8_at;    /* first invalid UTF-8 byte offset, or -1 */
  bool from_buffer;       /* text came from an editor buffer, not disk */
  int64_t mtime_ns;       /* for --fix: refuse when the file changed */
  uint64_t size_on_disk;
  uint64_t dev, ino;
} rc_source;

/* Reads `path`. On failure returns NULL and sets *status (and *err_no). */
rc_source *rc_source_load(const char *path, rc_load_status *status, int *err_no);
/* The same when the caller knows the canonical path already (NULL: find it). */
rc_source *rc_source_load_at(const char *path, const char *real, rc_load_status *status, int *err_no);
/* Builds a source from memory (editor buffer, test snippet); copies the bytes. */
rc_source *rc_source_from_memory(const char *path, const char *text, size_t len);
/* The text of a file as rc_source_load reads it (same checks), without the
 * line table and counts: malloc'ed, NUL-terminated; NULL when not loadable. */
char *rc_source_read(const char *path, size_t *n);
/* The first bytes of a regular file (a shebang), up to cap; 0 when there
 * are none or it is not a regular file. Nothing else is read. */
size_t rc_source_head(const char *path, char *buf, size_t cap);
void rc_source_free(rc_source *s);

/* 1-based line and byte column of a byte offset. */
void rc_source_pos(const rc_source *s, uint32_t off, uint32_t *line, uint32_t *col);
/* Start offset and length (without newline) of 1-based line `line`. */
bool rc_source_line(const rc_source *s, uint32_t line, uint32_t *off, uint32_t *len);

const char *rc_load_status_str(rc_load_status st);

/* Classify a path without reading it: RC_LOAD_OK for a readable-looking regular file. */
rc_load_status rc_path_probe(const char *path, int *err_no);

#endif
