/* value.c — see value.h. */
#include "value.h"

#include <string.h>

static void push(rc_strb *b, rc_seg_kind k, const char *s, uint32_t n, uint32_t origin) {
  if (b->overflow) return;
  if (k != RC_SEG_SEP && n == 0) return;
  if (b->len + n > RC_VALUE_MAX_BYTES || b->segs.n + 1 > RC_VALUE_MAX_SEGS) {
    b->overflow = true;
    return;
  }
  /* Adjacent literal text with one origin stays one segment. */
  if (k == RC_SEG_LIT && b->segs.n) {
    rc_seg *l = &b->segs.v[b->segs.n - 1];
    if (l->kind == RC_SEG_LIT && l->origin == origin && l->s + l->n == s) {
      l->n += n;
      b->len += n;
      return;
    }
  }
  rc_seg g = {s, n, (uint8_t)k, origin};
  rc_vec_push(&b->segs, g);
  b->len += n;
}

void rc_strb_lit(rc_strb *b, const char *s, uint32_t n, uint32_t origin) { push(b, RC_SEG_LIT, s, n, origin); }
void rc_strb_sym(rc_strb *b, const char *s, uint32_t n, uint32_t origin) { push(b, RC_SEG_SYM, s, n, origin); }
void rc_strb_sep(rc_strb *b) {
  b->array = true;
  push(b, RC_SEG_SEP, "", 0, RC_NO_EVENT);
}

void rc_strb_str(rc_strb *b, const rc_str *v) {
  if (!v) return;
  if (v->capped) b->overflow = true;
  if (b->overflow || !v->nseg) return;
  /* Only the first segment can join the builder's last one: a finished value
   * holds no two segments that push would have joined. The rest is copied at
   * once; a cap crossed on the way makes the whole the overflow value. */
  push(b, (rc_seg_kind)v->seg[0].kind, v->seg[0].s, v->seg[0].n, v->seg[0].origin);
  uint32_t rest = v->nseg - 1, bytes = v->len - (v->seg[0].kind == RC_SEG_SEP ? 0 : v->seg[0].n);
  if (b->overflow || !rest) return;
  if (b->len + bytes > RC_VALUE_MAX_BYTES || b->segs.n + rest > RC_VALUE_MAX_SEGS) {
    b->overflow = true;
    return;
  }
  rc_vec_grow(&b->segs, b->segs.n + rest);
  memcpy(b->segs.v + b->segs.n, v->seg + 1, sizeof(rc_seg) * rest);
  b->segs.n += rest;
  b->len += bytes;
}

void rc_strb_str_origin(rc_strb *b, const rc_str *v, uint32_t origin) {
  if (!v) return;
  if (v->capped) b->overflow = true;
  for (uint32_t i = 0; i < v->nseg; i++) push(b, (rc_seg_kind)v->seg[i].kind, v->seg[i].s, v->seg[i].n, origin);
}

static const char overflow_text[] = "<value too large>";

const rc_str *rc_str_overflow(rc_arena *A) {
  rc_str *v = rc_arena_alloc(A, sizeof(rc_str) + sizeof(rc_seg));
  v->nseg = 1;
  v->len = sizeof overflow_text - 1;
  v->capped = true;
  v->seg[0] = (rc_seg){overflow_text, sizeof overflow_text - 1, RC_SEG_SYM, RC_NO_EVENT};
  return v;
}

const rc_str *rc_strb_finish(rc_strb *b, rc_arena *A) {
  if (b->overflow) {
    rc_vec_free(&b->segs);
    return rc_str_overflow(A);
  }
  /* Segments point at arena or file text, which live as long as the run. */
  rc_str *v = rc_arena_alloc(A, sizeof(rc_str) + sizeof(rc_seg) * b->segs.n);
  v->nseg = (uint32_t)b->segs.n;
  v->len = b->len;
  v->array = b->array;
  if (b->segs.n) memcpy(v->seg, b->segs.v, sizeof(rc_seg) * b->segs.n);
  rc_vec_free(&b->segs);
  return v;
}

const rc_str *rc_strb_take(rc_strb *b, rc_arena *A) {
  const rc_str *v;
  if (b->overflow) {
    v = rc_str_overflow(A);
  } else {
    rc_str *w = rc_arena_alloc(A, sizeof(rc_str) + sizeof(rc_seg) * b->segs.n);
    w->nseg = (uint32_t)b->segs.n;
    w->len = b->len;
    w->array = b->array;
    if (b->segs.n) memcpy(w->seg, b->segs.v, sizeof(rc_seg) * b->segs.n);
    v = w;
  }
  b->segs.n = 0;
  b->len = 0;
  b->array = b->overflow = false;
  return v;
}

void rc_strb_free(rc_strb *b) { rc_vec_free(&b->segs); }

const rc_str *rc_str_empty(rc_arena *A) { return rc_arena_alloc(A, sizeof(rc_str)); }

const rc_str *rc_str_lit(rc_arena *A, const char *s, uint32_t origin) {
  rc_strb b = {0};
  rc_strb_lit(&b, rc_arena_strdup(A, s), (uint32_t)strlen(s), origin);
  return rc_strb_finish(&b, A);
}

const rc_str *rc_str_sym(rc_arena *A, const char *s, uint32_t origin) {
  rc_strb b = {0};
  rc_strb_sym(&b, rc_arena_strdup(A, s), (uint32_t)strlen(s), origin);
  return rc_strb_finish(&b, A);
}

bool rc_str_certain(const rc_str *v) {
  for (uint32_t i = 0; i < v->nseg; i++)
    if (v->seg[i].kind == RC_SEG_SYM) return false;
  return true;
}

bool rc_str_is_empty(const rc_str *v) { return v->len == 0 && !v->array; }

bool rc_str_equal(const rc_str *a, const rc_str *b) {
  if (a == b) return true;
  if (!a || !b || a->len != b->len || a->array != b->array) return false;
  /* Compare as streams of (kind, byte): segment boundaries may differ. */
  uint32_t i = 0, j = 0, oi = 0, oj = 0;
  for (;;) {
    while (i < a->nseg && a->seg[i].kind != RC_SEG_SEP && oi == a->seg[i].n) i++, oi = 0;
    while (j < b->nseg && b->seg[j].kind != RC_SEG_SEP && oj == b->seg[j].n) j++, oj = 0;
    if (i == a->nseg || j == b->nseg) return i == a->nseg && j == b->nseg;
    const rc_seg *x = &a->seg[i], *y = &b->seg[j];
    if (x->kind != y->kind) return false;
    if (x->kind == RC_SEG_SEP) {
      i++, j++;
      continue;
    }
    if (x->s[oi] != y->s[oj]) return false;
    oi++, oj++;
  }
}

char *rc_str_text(rc_arena *A, const rc_str *v, char sep) {
  char *out = rc_arena_alloc(A, v->len + v->nseg + 1);
  uint32_t n = 0;
  bool first = true;
  for (uint32_t i = 0; i < v->nseg; i++) {
    if (v->seg[i].kind == RC_SEG_SEP) {
      if (!first) out[n++] = sep;
      first = false;
      continue;
    }
    memcpy(out + n, v->seg[i].s, v->seg[i].n);
    n += v->seg[i].n;
  }
  out[n] = 0;
  return out;
}

bool rc_str_is(const rc_str *v, const char *s) {
  size_t n = strlen(s);
  if (v->len != n || v->array) return false;
  size_t at = 0;
  for (uint32_t i = 0; i < v->nseg; i++) {
    if (v->seg[i].kind != RC_SEG_LIT) return false;
    if (memcmp(s + at, v->seg[i].s, v->seg[i].n)) return false;
    at += v->seg[i].n;
  }
  return true;
}

/* Entries are pushed only when `all`, or when their origin is `want`; the
 * bytes of the others are not copied. */
typedef struct splitter {
  rc_arena *A;
  rc_entries *out;
  bool all;
  uint32_t want;
} splitter;

static void flush_entry(const splitter *sp, rc_buf *cur, uint32_t origin, bool certain) {
  if (sp->all || origin == sp->want) {
    rc_entry e = {rc_arena_strndup(sp->A, cur->s ? cur->s : "", cur->n), origin, certain};
    rc_vec_push(sp->out, e);
  }
  rc_buf_clear(cur);
}

static void split(const splitter *sp, const rc_str *v, char sep) {
  rc_buf cur = {0};
  uint32_t origin = RC_NO_EVENT;
  bool certain = true, open = !v->array;
  for (uint32_t i = 0; i < v->nseg; i++) {
    const rc_seg *g = &v->seg[i];
    if (g->kind == RC_SEG_SEP) { /* arrays: one entry per element */
      if (open) flush_entry(sp, &cur, origin, certain);
      open = true, origin = RC_NO_EVENT, certain = true;
      continue;
    }
    /* Runs of bytes between separators are copied at once. */
    bool splits = !v->array && g->kind == RC_SEG_LIT;
    for (uint32_t k = 0; k < g->n;) {
      const char *hit = splits ? memchr(g->s + k, sep, g->n - k) : NULL;
      uint32_t end = hit ? (uint32_t)(hit - g->s) : g->n;
      if (end > k) {
        if (origin == RC_NO_EVENT) origin = g->origin;
        if (g->kind == RC_SEG_SYM) certain = false;
        /* (an entry takes the first origin its bytes have: keep bytes
         * while there is none yet) */
        if (sp->all || origin == sp->want || origin == RC_NO_EVENT) rc_buf_add(&cur, g->s + k, end - k);
      }
      if (!hit) break;
      flush_entry(sp, &cur, origin == RC_NO_EVENT ? g->origin : origin, certain);
      origin = RC_NO_EVENT, certain = true;
      k = end + 1;
    }
  }
  /* A scalar always has a last entry ("" for an empty PATH or a trailing ':'). */
  if (open && (v->array || v->nseg || v->len == 0)) flush_entry(sp, &cur, origin, certain);
  rc_buf_free(&cur);
}

void rc_str_split(rc_arena *A, const rc_str *v, char sep, rc_entries *out) {
  split(&(splitter){A, out, true, 0}, v, sep);
}

void rc_str_split_origin(rc_arena *A, const rc_str *v, char sep, uint32_t origin, rc_entries *out) {
  split(&(splitter){A, out, false, origin}, v, sep);
}

void rc_str_elements(rc_arena *A, const rc_str *v, rc_strvec *out) {
  if (!v->array) {
    rc_vec_push(out, v);
    return;
  }
  rc_strb b = {0};
  bool open = false;
  for (uint32_t i = 0; i < v->nseg; i++) {
    if (v->seg[i].kind == RC_SEG_SEP) {
      if (open) rc_vec_push(out, rc_strb_finish(&b, A));
      b = (rc_strb){0};
      open = true;
      continue;
    }
    if (!open) open = true;
    if (v->seg[i].kind == RC_SEG_SYM) rc_strb_sym(&b, v->seg[i].s, v->seg[i].n, v->seg[i].origin);
    else rc_strb_lit(&b, v->seg[i].s, v->seg[i].n, v->seg[i].origin);
  }
  if (open) rc_vec_push(out, rc_strb_finish(&b, A));
  else rc_strb_free(&b);
}
