/* settings.h — JSON with comments and trailing commas (VS Code's settings.json)
 * as positioned values. tree-sitter stays inside settings.c: callers see a
 * small tree of rc_json values, each with the span it was written at. */
#ifndef RC_SETTINGS_H
#define RC_SETTINGS_H

#include <stdbool.h>
#include <stdint.h>

#include "base.h"
#include "ir.h"
#include "source.h"

typedef enum rc_json_kind {
  RC_JSON_NULL,
  RC_JSON_BOOL,
  RC_JSON_NUMBER,
  RC_JSON_STRING,
  RC_JSON_ARRAY,
  RC_JSON_OBJECT,
} rc_json_kind;

typedef struct rc_json rc_json;

typedef struct rc_json_member {
  const char *key;      /* decoded */
  rc_span key_span;     /* the key with its quotes */
  const rc_json *value;
} rc_json_member;

struct rc_json {
  rc_json_kind kind;
  rc_span span;         /* the whole value (a string with its quotes) */
  const char *text;     /* STRING: decoded text; NUMBER: as written; BOOL: "true"/"false" */
  bool boolean;
  bool escaped;         /* STRING: held escapes, so decoded and written text differ */
  uint32_t n;           /* ARRAY/OBJECT: number of items */
  const rc_json *const *items;  /* ARRAY */
  const rc_json_member *members; /* OBJECT, in file order */
};

typedef struct rc_json_doc {
  const rc_json *root;  /* the first value of the document, or NULL */
  uint32_t nerrors;     /* syntax errors other than trailing commas */
  rc_span first_error;
} rc_json_doc;

/* Parses src (which must outlive the result); everything lives in A. */
rc_json_doc rc_json_parse(rc_arena *A, const rc_source *src);

/* The member `key` of an object (the last one: a later duplicate wins, as in
 * VS Code), or NULL. *m receives the member when m is not NULL. */
const rc_json *rc_json_get(const rc_json *obj, const char *key, const rc_json_member **m);

/* The text of a string value, or NULL for any other kind. */
const char *rc_json_string(const rc_json *v);

#endif
