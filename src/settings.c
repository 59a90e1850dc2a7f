/* settings.c — see settings.h. The pinned tree-sitter `json` grammar reads
 * comments as extras; trailing commas come back as an ERROR node holding the
 * comma (objects) or a MISSING value before `]` (arrays), which VS Code
 * accepts, so they are not counted as errors. */
#include "settings.h"

#include <string.h>
#include <tree_sitter/api.h>

const TSLanguage *tree_sitter_json(void);

enum { JSON_MAX_DEPTH = 64 };

typedef struct P {
  rc_arena *A;
  const rc_source *src;
  rc_json_doc *doc;
} P;

static rc_span span_of(TSNode n) {
  TSPoint a = ts_node_start_point(n), b = ts_node_end_point(n);
  return (rc_span){ts_node_start_byte(n), ts_node_end_byte(n), a.row + 1, a.column + 1, b.row + 1, b.column + 1};
}

static void error_at(P *p, TSNode n) {
  if (!p->doc->nerrors++) p->doc->first_error = span_of(n);
}

static bool is(TSNode n, const char *type) { return !strcmp(ts_node_type(n), type); }

/* An ERROR node holding nothing but commas, blanks and comments. */
static bool only_commas(P *p, TSNode n) {
  const char *t = p->src->text;
  uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
  for (uint32_t i = a; i < b; i++) {
    if (t[i] == ',' || t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r') continue;
    if (t[i] == '/' && i + 1 < b && t[i + 1] == '/') {
      while (i < b && t[i] != '\n') i++;
      continue;
    }
    if (t[i] == '/' && i + 1 < b && t[i + 1] == '*') {
      const char *end = strstr(t + i + 2, "*/");
      if (!end || (uint32_t)(end - t) + 2 > b) return false;
      i = (uint32_t)(end - t) + 1;
      continue;
    }
    return false;
  }
  return true;
}

/* An ERROR (or MISSING) node where a value or member would be: only commas
 * is a trailing comma, which VS Code accepts; anything else is an error.
 * Returns whether it was. */
static bool stray(P *p, TSNode n) {
  if (only_commas(p, n)) return false;
  error_at(p, n);
  return true;
}

static void put_utf8(rc_buf *b, unsigned cp) {
  char s[4];
  int n;
  if (cp < 0x80) s[0] = (char)cp, n = 1;
  else if (cp < 0x800) s[0] = (char)(0xC0 | cp >> 6), s[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
  else if (cp < 0x10000)
    s[0] = (char)(0xE0 | cp >> 12), s[1] = (char)(0x80 | ((cp >> 6) & 0x3F)), s[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
  else
    s[0] = (char)(0xF0 | cp >> 18), s[1] = (char)(0x80 | ((cp >> 12) & 0x3F)), s[2] = (char)(0x80 | ((cp >> 6) & 0x3F)),
    s[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
  rc_buf_add(b, s, (size_t)n);
}

static int hex4(const char *s, uint32_t n) {
  if (n < 4) return -1;
  int v = 0;
  for (int i = 0; i < 4; i++) {
    char c = s[i];
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/* The text between the quotes, unescaped. */
static const char *decode(P *p, TSNode n, bool *escaped) {
  uint32_t a = ts_node_start_byte(n) + 1, b = ts_node_end_byte(n);
  const char *t = p->src->text;
  uint32_t nc = ts_node_child_count(n);
  if (nc >= 2 && b > a && !ts_node_is_missing(ts_node_child(n, nc - 1))) b--; /* the closing quote */
  rc_buf out = {0};
  *escaped = false;
  for (uint32_t i = a; i < b; i++) {
    if (t[i] != '\\' || i + 1 >= b) {
      rc_buf_putc(&out, t[i]);
      continue;
    }
    *escaped = true;
    char c = t[++i];
    switch (c) {
    case 'n': rc_buf_putc(&out, '\n'); break;
    case 't': rc_buf_putc(&out, '\t'); break;
    case 'r': rc_buf_putc(&out, '\r'); break;
    case 'b': rc_buf_putc(&out, '\b'); break;
    case 'f': rc_buf_putc(&out, '\f'); break;
    case 'u': {
      int cp = hex4(t + i + 1, b - i - 1);
      if (cp < 0) {
        rc_buf_putc(&out, 'u');
        break;
      }
      i += 4;
      if (cp >= 0xD800 && cp < 0xDC00 && i + 6 < b && t[i + 1] == '\\' && t[i + 2] == 'u') {
        int lo = hex4(t + i + 3, b - i - 3);
        if (lo >= 0xDC00 && lo < 0xE000) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          i += 6;
        }
      }
      put_utf8(&out, cp ? (unsigned)cp : ' '); /* a NUL would cut the C string */
      break;
    }
    default: rc_buf_putc(&out, c); break; /* \" \\ \/ */
    }
  }
  const char *s = rc_arena_strndup(p->A, out.s ? out.s : "", out.n);
  rc_buf_free(&out);
  return s;
}

static const rc_json *value(P *p, TSNode n, unsigned depth);

typedef RC_VEC(rc_json_member) members_t;
typedef RC_VEC(const rc_json *) items_t;

static void add_pair(P *p, TSNode pair, members_t *out, unsigned depth) {
  TSNode k = ts_node_child_by_field_name(pair, "key", 3);
  TSNode v = ts_node_child_by_field_name(pair, "value", 5);
  if (ts_node_is_null(k) || ts_node_is_null(v) || ts_node_is_missing(v) || ts_node_is_missing(k)) {
    error_at(p, pair);
    return;
  }
  const rc_json *val = value(p, v, depth + 1);
  if (!val) return;
  bool esc;
  rc_json_member m = {decode(p, k, &esc), span_of(k), val};
  rc_vec_push(out, m);
}

/* Pairs of an object, also those tree-sitter wrapped in an ERROR (a missing
 * comma): VS Code reads them too, with an error. */
static void object_members(P *p, TSNode obj, members_t *out, unsigned depth) {
  uint32_t nc = ts_node_named_child_count(obj);
  for (uint32_t i = 0; i < nc; i++) {
    TSNode c = ts_node_named_child(obj, i);
    if (is(c, "comment")) continue;
    if (is(c, "pair")) {
      add_pair(p, c, out, depth);
    } else if (ts_node_is_error(c)) {
      if (stray(p, c)) object_members(p, c, out, depth);
    } else {
      error_at(p, c);
    }
  }
}

static void array_items(P *p, TSNode arr, items_t *out, unsigned depth) {
  uint32_t nc = ts_node_named_child_count(arr);
  for (uint32_t i = 0; i < nc; i++) {
    TSNode c = ts_node_named_child(arr, i);
    if (is(c, "comment")) continue;
    if (ts_node_is_missing(c)) { /* `[1, 2,]`: a trailing comma when last */
      if (i + 1 < nc) error_at(p, c);
      continue;
    }
    if (ts_node_is_error(c)) {
      stray(p, c);
      continue;
    }
    const rc_json *v = value(p, c, depth + 1);
    if (v) rc_vec_push(out, v);
  }
}

static const rc_json *value(P *p, TSNode n, unsigned depth) {
  if (depth > JSON_MAX_DEPTH) {
    error_at(p, n);
    return NULL;
  }
  rc_json *v = rc_arena_alloc(p->A, sizeof *v);
  v->span = span_of(n);
  const char *t = p->src->text;
  if (ts_node_has_error(n) && !is(n, "object") && !is(n, "array")) error_at(p, n);
  if (is(n, "string")) {
    v->kind = RC_JSON_STRING;
    v->text = decode(p, n, &v->escaped);
  } else if (is(n, "number")) {
    v->kind = RC_JSON_NUMBER;
    v->text = rc_arena_strndup(p->A, t + v->span.start, v->span.end - v->span.start);
  } else if (is(n, "true") || is(n, "false")) {
    v->kind = RC_JSON_BOOL;
    v->boolean = is(n, "true");
    v->text = v->boolean ? "true" : "false";
  } else if (is(n, "null")) {
    v->kind = RC_JSON_NULL;
    v->text = "null";
  } else if (is(n, "object")) {
    members_t ms = {0};
    object_members(p, n, &ms, depth);
    v->kind = RC_JSON_OBJECT;
    v->n = (uint32_t)ms.n;
    v->members = ms.n ? rc_arena_memdup(p->A, ms.v, ms.n * sizeof *ms.v) : NULL;
    rc_vec_free(&ms);
  } else if (is(n, "array")) {
    items_t is_ = {0};
    array_items(p, n, &is_, depth);
    v->kind = RC_JSON_ARRAY;
    v->n = (uint32_t)is_.n;
    v->items = is_.n ? rc_arena_memdup(p->A, is_.v, is_.n * sizeof *is_.v) : NULL;
    rc_vec_free(&is_);
  } else {
    error_at(p, n);
    return NULL;
  }
  return v;
}

rc_json_doc rc_json_parse(rc_arena *A, const rc_source *src) {
  rc_json_doc doc;
  memset(&doc, 0, sizeof doc);
  P p = {A, src, &doc};
  TSParser *ps = ts_parser_new();
  ts_parser_set_language(ps, tree_sitter_json());
  TSTree *tree = ts_parser_parse_string(ps, NULL, src->text, src->len);
  ts_parser_delete(ps);
  if (!tree) return doc;
  TSNode root = ts_tree_root_node(tree);
  if (ts_node_is_error(root)) stray(&p, root); /* nothing recognisable */
  uint32_t nc = ts_node_named_child_count(root);
  for (uint32_t i = 0; i < nc; i++) {
    TSNode c = ts_node_named_child(root, i);
    if (is(c, "comment")) continue;
    if (ts_node_is_error(c) || ts_node_is_missing(c)) {
      stray(&p, c);
      continue;
    }
    if (doc.root) { /* VS Code reads one value: anything after it is an error */
      error_at(&p, c);
      continue;
    }
    doc.root = value(&p, c, 0);
  }
  ts_tree_delete(tree);
  return doc;
}

const rc_json *rc_json_get(const rc_json *obj, const char *key, const rc_json_member **m) {
  if (m) *m = NULL;
  if (!obj || obj->kind != RC_JSON_OBJECT) return NULL;
  for (uint32_t i = obj->n; i-- > 0;)
    if (!strcmp(obj->members[i].key, key)) {
      if (m) *m = &obj->members[i];
      return obj->members[i].value;
    }
  return NULL;
}

const char *rc_json_string(const rc_json *v) { return v && v->kind == RC_JSON_STRING ? v->text : NULL; }
