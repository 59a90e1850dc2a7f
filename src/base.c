/* base.c — see base.h. */
#include "base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void rc_oom(size_t n) {
  fprintf(stderr, "rccheck: out of memory (%zu bytes)\n", n);
  abort();
}

void *rc_xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) rc_oom(n);
  return p;
}

void *rc_xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p) rc_oom(n * size);
  return p;
}

void *rc_xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) rc_oom(n);
  return q;
}

char *rc_xstrndup(const char *s, size_t n) {
  char *p = rc_xmalloc(n + 1);
  memcpy(p, s, n);
  p[n] = 0;
  return p;
}

char *rc_xstrdup(const char *s) { return rc_xstrndup(s, strlen(s)); }

char *rc_xasprintf(const char *fmt, ...) {
  rc_buf b = {0};
  va_list ap;
  va_start(ap, fmt);
  rc_buf_vprintf(&b, fmt, ap);
  va_end(ap);
  return rc_buf_steal(&b);
}

/* ---- arena ---- */

struct rc_arena_chunk {
  rc_arena_chunk *next;
  size_t used, cap;
  _Alignas(16) unsigned char data[];
};

/* Chunks grow from about a page to 64 KiB: a small file's IR (thousands of
 * files in a plugin folder) does not hold 64 KiB. */
enum { RC_ARENA_FIRST = 4096 - 64, RC_ARENA_CHUNK = 64 * 1024 };

void rc_arena_init(rc_arena *a) {
  a->head = NULL;
  a->total = 0;
}

void rc_arena_free(rc_arena *a) {
  rc_arena_chunk *c = a->head;
  while (c) {
    rc_arena_chunk *n = c->next;
    free(c);
    c = n;
  }
  a->head = NULL;
  a->total = 0;
}

/* Bump allocation without zeroing (for copies that fill what they get). */
static void *arena_take(rc_arena *a, size_t n) {
  n = (n + 15) & ~(size_t)15;
  rc_arena_chunk *c = a->head;
  if (!c || c->cap - c->used < n) {
    /* Large requests get a chunk of their own behind the current one, so the
     * free space of the current chunk is not wasted. */
    size_t grow = !c ? RC_ARENA_FIRST : c->cap >= RC_ARENA_CHUNK / 2 ? RC_ARENA_CHUNK : c->cap * 2;
    size_t cap = n > RC_ARENA_CHUNK / 4 || n > grow ? n : grow;
    rc_arena_chunk *nc = rc_xmalloc(sizeof *nc + cap);
    nc->used = 0;
    nc->cap = cap;
    if (c && cap == n) {
      nc->next = c->next;
      c->next = nc;
    } else {
      nc->next = c;
      a->head = nc;
    }
    c = nc;
  }
  void *p = c->data + c->used;
  c->used += n;
  a->total += n;
  return p;
}

void *rc_arena_alloc(rc_arena *a, size_t n) {
  void *p = arena_take(a, n);
  memset(p, 0, n);
  return p;
}

char *rc_arena_strndup(rc_arena *a, const char *s, size_t n) {
  char *p = arena_take(a, n + 1);
  if (n) memcpy(p, s, n);
  p[n] = 0;
  return p;
}

char *rc_arena_strdup(rc_arena *a, const char *s) { return rc_arena_strndup(a, s, strlen(s)); }

void *rc_arena_memdup(rc_arena *a, const void *p, size_t n) {
  void *q = arena_take(a, n);
  if (n) memcpy(q, p, n);
  return q;
}

char *rc_arena_printf(rc_arena *a, const char *fmt, ...) {
  char small[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) n = 0;
  char *p = arena_take(a, (size_t)n + 1);
  if ((size_t)n < sizeof small) {
    memcpy(p, small, (size_t)n + 1);
  } else {
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
  }
  return p;
}

/* ---- buffers ---- */

void rc_buf_reserve(rc_buf *b, size_t extra) {
  if (b->n + extra + 1 > b->cap) {
    size_t nc = b->cap ? b->cap * 2 : 64;
    while (nc < b->n + extra + 1) nc *= 2;
    b->s = rc_xrealloc(b->s, nc);
    b->cap = nc;
  }
}

void rc_buf_add(rc_buf *b, const char *s, size_t n) {
  rc_buf_reserve(b, n);
  if (n) memcpy(b->s + b->n, s, n);
  b->n += n;
  b->s[b->n] = 0;
}

void rc_buf_puts(rc_buf *b, const char *s) { rc_buf_add(b, s, strlen(s)); }

void rc_buf_putc(rc_buf *b, char c) { rc_buf_add(b, &c, 1); }

void rc_buf_vprintf(rc_buf *b, const char *fmt, va_list ap) {
  va_list cp;
  va_copy(cp, ap);
  int n = vsnprintf(NULL, 0, fmt, cp);
  va_end(cp);
  if (n <= 0) {
    rc_buf_reserve(b, 0);
    return;
  }
  rc_buf_reserve(b, (size_t)n);
  vsnprintf(b->s + b->n, (size_t)n + 1, fmt, ap);
  b->n += (size_t)n;
}

void rc_buf_printf(rc_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  rc_buf_vprintf(b, fmt, ap);
  va_end(ap);
}

void rc_buf_clear(rc_buf *b) {
  b->n = 0;
  if (b->s) b->s[0] = 0;
}

void rc_buf_free(rc_buf *b) {
  free(b->s);
  b->s = NULL;
  b->n = b->cap = 0;
}

char *rc_buf_steal(rc_buf *b) {
  if (!b->s) rc_buf_reserve(b, 0), b->s[0] = 0;
  char *s = b->s;
  b->s = NULL;
  b->n = b->cap = 0;
  return s;
}

/* ---- hash map ---- */

uint32_t rc_hash(const char *s, size_t n) {
  uint32_t h = 2166136261u; /* FNV-1a */
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 16777619u;
  }
  return h;
}

static rc_map_slot *rc_map_find(const rc_map *m, const char *key, uint32_t h) {
  size_t mask = m->cap - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    rc_map_slot *s = &m->slots[i];
    if (!s->key || (s->hash == h && strcmp(s->key, key) == 0)) return s;
  }
}

void *rc_map_get(const rc_map *m, const char *key) {
  if (!m->cap) return NULL;
  rc_map_slot *s = rc_map_find(m, key, rc_hash(key, strlen(key)));
  return s->key ? s->val : NULL;
}

void *rc_map_get_hashed(const rc_map *m, const char *key, uint32_t hash) {
  if (!m->cap) return NULL;
  rc_map_slot *s = rc_map_find(m, key, hash);
  return s->key ? s->val : NULL;
}

bool rc_map_has(const rc_map *m, const char *key) {
  if (!m->cap) return false;
  return rc_map_find(m, key, rc_hash(key, strlen(key)))->key != NULL;
}

void rc_map_put(rc_map *m, const char *key, void *val) {
  if ((m->n + 1) * 4 > m->cap * 3) {
    rc_map old = *m;
    m->cap = old.cap ? old.cap * 2 : 16;
    m->slots = rc_xcalloc(m->cap, sizeof *m->slots);
    m->n = 0;
    for (size_t i = 0; i < old.cap; i++)
      if (old.slots[i].key) {
        rc_map_slot *s = rc_map_find(m, old.slots[i].key, old.slots[i].hash);
        *s = old.slots[i];
        m->n++;
      }
    free(old.slots);
  }
  uint32_t h = rc_hash(key, strlen(key));
  rc_map_slot *s = rc_map_find(m, key, h);
  if (!s->key) {
    s->key = key;
    s->hash = h;
    m->n++;
  }
  s->val = val;
}

void rc_map_copy(rc_map *dst, const rc_map *src) {
  *dst = *src;
  if (!src->cap) return;
  dst->slots = rc_xmalloc(src->cap * sizeof *src->slots);
  memcpy(dst->slots, src->slots, src->cap * sizeof *src->slots);
}

void rc_map_free(rc_map *m) {
  free(m->slots);
  m->slots = NULL;
  m->cap = m->n = 0;
}

bool rc_str_eq(const char *a, const char *b) { return a && b && strcmp(a, b) == 0; }

bool rc_str_starts(const char *s, const char *p) { return strncmp(s, p, strlen(p)) == 0; }

bool rc_str_ends(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && memcmp(s + n - m, suffix, m) == 0;
}
