/* base.h — allocation, arenas, growable buffers and a string-keyed hash map.
 * Every allocation goes through rc_xmalloc & co., which abort on out-of-memory,
 * so callers never test for NULL. */
#ifndef RC_BASE_H
#define RC_BASE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#define RC_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define RC_MIN(a, b) ((a) < (b) ? (a) : (b))
#define RC_MAX(a, b) ((a) > (b) ? (a) : (b))

#if defined(__GNUC__)
#define RC_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define RC_PRINTF(f, a)
#endif

void *rc_xmalloc(size_t n);
void *rc_xcalloc(size_t n, size_t size);
void *rc_xrealloc(void *p, size_t n);
char *rc_xstrdup(const char *s);
char *rc_xstrndup(const char *s, size_t n);
char *rc_xasprintf(const char *fmt, ...) RC_PRINTF(1, 2);

/* Arena: bump allocation in chunks; everything is freed at once. */
typedef struct rc_arena_chunk rc_arena_chunk;
typedef struct rc_arena {
  rc_arena_chunk *head;
  size_t total; /* bytes handed out, for statistics and caps */
} rc_arena;

void rc_arena_init(rc_arena *a);
void rc_arena_free(rc_arena *a);
void *rc_arena_alloc(rc_arena *a, size_t n);  /* zeroed, 16-byte aligned */
char *rc_arena_strndup(rc_arena *a, const char *s, size_t n);
char *rc_arena_strdup(rc_arena *a, const char *s);
char *rc_arena_printf(rc_arena *a, const char *fmt, ...) RC_PRINTF(2, 3);
void *rc_arena_memdup(rc_arena *a, const void *p, size_t n);

/* Growable vector of any type: struct { T *v; size_t n, cap; }. */
#define RC_VEC(T) struct { T *v; size_t n, cap; }
#define rc_vec_grow(vec, want)                                                   \
  do {                                                                           \
    if ((want) > (vec)->cap) {                                                   \
      size_t nc_ = (vec)->cap ? (vec)->cap * 2 : 8;                              \
      while (nc_ < (want)) nc_ *= 2;                                             \
      (vec)->v = rc_xrealloc((vec)->v, nc_ * sizeof(*(vec)->v));                 \
      (vec)->cap = nc_;                                                          \
    }                                                                            \
  } while (0)
#define rc_vec_push(vec, item)                                                   \
  do {                                                                           \
    rc_vec_grow((vec), (vec)->n + 1);                                            \
    (vec)->v[(vec)->n++] = (item);                                               \
  } while (0)
/* dst (empty) becomes a copy of src's elements. */
#define rc_vec_copy(dst, src)                                                    \
  do {                                                                           \
    rc_vec_grow((dst), (src)->n);                                                \
    if ((src)->n) memcpy((dst)->v, (src)->v, (src)->n * sizeof(*(dst)->v));      \
    (dst)->n = (src)->n;                                                         \
  } while (0)
#define rc_vec_free(vec)                                                         \
  do {                                                                           \
    free((vec)->v);                                                              \
    (vec)->v = NULL;                                                             \
    (vec)->n = (vec)->cap = 0;                                                   \
  } while (0)

/* Growable NUL-terminated byte buffer. */
typedef struct rc_buf {
  char *s;
  size_t n, cap;
} rc_buf;

void rc_buf_reserve(rc_buf *b, size_t extra);
void rc_buf_add(rc_buf *b, const char *s, size_t n);
void rc_buf_puts(rc_buf *b, const char *s);
void rc_buf_putc(rc_buf *b, char c);
void rc_buf_printf(rc_buf *b, const char *fmt, ...) RC_PRINTF(2, 3);
void rc_buf_vprintf(rc_buf *b, const char *fmt, va_list ap);
void rc_buf_clear(rc_buf *b);
void rc_buf_free(rc_buf *b);
char *rc_buf_steal(rc_buf *b); /* caller owns the result (never NULL) */

/* Open-addressing hash map from NUL-terminated strings to pointers. Keys are
 * not copied: they must outlive the map (arena strings usually). */
typedef struct rc_map_slot {
  const char *key;
  void *val;
  uint32_t hash;
} rc_map_slot;
typedef struct rc_map {
  rc_map_slot *slots;
  size_t cap, n;
} rc_map;

uint32_t rc_hash(const char *s, size_t n);
void *rc_map_get(const rc_map *m, const char *key);
/* The same with the key's hash known (rc_hash of the whole key): a key
 * looked up in a chain of maps is hashed once. */
void *rc_map_get_hashed(const rc_map *m, const char *key, uint32_t hash);
bool rc_map_has(const rc_map *m, const char *key);
void rc_map_put(rc_map *m, const char *key, void *val);
void rc_map_free(rc_map *m);
/* dst (uninitialised or freed) becomes a copy of src, slot for slot (the
 * keys are borrowed, as in src). */
void rc_map_copy(rc_map *dst, const rc_map *src);
/* Iterate: for (size_t i = 0; i < m->cap; i++) if (m->slots[i].key) ... */

bool rc_str_eq(const char *a, const char *b);
bool rc_str_starts(const char *s, const char *prefix);
bool rc_str_ends(const char *s, const char *suffix);

#endif
