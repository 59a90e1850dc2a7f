/* value.h — abstract string values with provenance.
 *
 * A value is an immutable sequence of segments. A literal segment is text the
 * shell would certainly produce; a symbolic segment stands for something not
 * known statically and is shown as written (`$(brew --prefix go)`, `$TERM`).
 * Every segment remembers the event (assignment) that put it there, so each
 * entry of PATH can say which line added it. Arrays separate elements with
 * SEP segments. Values live in an arena and are shared freely. */
#ifndef RC_VALUE_H
#define RC_VALUE_H

#include <stdbool.h>
#include <stdint.h>

#include "base.h"

enum { RC_NO_EVENT = UINT32_MAX };

/* Caps that turn runaway growth into "unknown" (with a diagnostic). A value
 * that hits one is replaced by the overflow value (one symbolic segment,
 * `capped` set), and every value built from a capped value is the
 * overflow value again, so doubling a PATH 20,000 times stays cheap. */
enum { RC_VALUE_MAX_BYTES = 64 * 1024, RC_VALUE_MAX_SEGS = 1024 };

typedef enum rc_seg_kind {
  RC_SEG_LIT = 0,
  RC_SEG_SYM = 1,
  RC_SEG_SEP = 2, /* array element boundary */
} rc_seg_kind;

typedef struct rc_seg {
  const char *s;
  uint32_t n;
  uint8_t kind;
  uint32_t origin; /* event id, or RC_NO_EVENT */
} rc_seg;

typedef struct rc_str {
  uint32_t nseg;
  uint32_t len; /* bytes of text (LIT + SYM) */
  bool array;
  bool capped;  /* stands for a value that grew past the caps: stays unknown */
  rc_seg seg[];
} rc_str;

/* Builder (malloc-backed until finished into an arena). */
typedef struct rc_strb {
  RC_VEC(rc_seg) segs;
  uint32_t len;
  bool array;
  bool overflow; /* a cap was hit */
} rc_strb;

void rc_strb_lit(rc_strb *b, const char *s, uint32_t n, uint32_t origin);
void rc_strb_sym(rc_strb *b, const char *s, uint32_t n, uint32_t origin);
void rc_strb_sep(rc_strb *b);
void rc_strb_str(rc_strb *b, const rc_str *v);                    /* append all */
void rc_strb_str_origin(rc_strb *b, const rc_str *v, uint32_t origin); /* re-attributed */
/* Frees the builder. Returns the overflow value when a cap was hit or an
 * overflow value was appended. */
const rc_str *rc_strb_finish(rc_strb *b, rc_arena *A);
/* The same, but the builder keeps its storage, emptied, for the next value
 * (a loop of values costs one allocation); rc_strb_free it at the end. */
const rc_str *rc_strb_take(rc_strb *b, rc_arena *A);
void rc_strb_free(rc_strb *b);

const rc_str *rc_str_empty(rc_arena *A);
const rc_str *rc_str_lit(rc_arena *A, const char *s, uint32_t origin);
const rc_str *rc_str_sym(rc_arena *A, const char *s, uint32_t origin);
/* The value standing for one that grew past a cap ("<value too large>"). */
const rc_str *rc_str_overflow(rc_arena *A);

bool rc_str_certain(const rc_str *v);          /* no symbolic segment */
bool rc_str_equal(const rc_str *a, const rc_str *b); /* same text and kinds */
bool rc_str_is_empty(const rc_str *v);
/* Text as the user reads it: symbolic parts as written, array elements
 * joined by `sep`. Arena-allocated. */
char *rc_str_text(rc_arena *A, const rc_str *v, char sep);
/* True when the literal text is exactly `s` (certain values only). */
bool rc_str_is(const rc_str *v, const char *s);

/* Entries of a colon list (PATH) or of an array: text and the origin of the
 * entry (the origin of its first non-empty segment). */
typedef struct rc_entry {
  const char *text; /* arena */
  uint32_t origin;
  bool certain;
} rc_entry;
typedef RC_VEC(rc_entry) rc_entries;
void rc_str_split(rc_arena *A, const rc_str *v, char sep, rc_entries *out);
/* The same, keeping only the entries whose origin is `origin` (the others
 * cost a scan, not a copy). */
void rc_str_split_origin(rc_arena *A, const rc_str *v, char sep, uint32_t origin, rc_entries *out);
typedef RC_VEC(const rc_str *) rc_strvec;
/* Array elements (SEP-separated) of v; a scalar is one element. */
void rc_str_elements(rc_arena *A, const rc_str *v, rc_strvec *out);

#endif
