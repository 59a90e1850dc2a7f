/* parse_stats.c — see parse_stats.h.
 *
 * Per file, one JSON object: the parser's own counts (ERROR regions, lost
 * top-level statements) plus what tests/parse-coverage/coverage.py needs to
 * compare the IR with zsh's parse of the same file: the head of every
 * top-level statement and every export / assignment / source anywhere in the
 * statement tree (command substitutions excluded, as on the zsh side). */
#include "parse_stats.h"

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "parse.h"

enum { HEAD_MAX = 160 };

typedef struct stats_opts {
  rc_dialect dialect;
  unsigned flags;
} stats_opts;

typedef struct stats_total {
  uint64_t files, unreadable, damaged, to_eof, bytes, top_total, top_lost;
  double seconds;
} stats_total;

static void add_fact(json_t *facts, const char *kind, const char *what) {
  json_t *f = json_array();
  json_array_append_new(f, json_string(kind));
  json_array_append_new(f, json_stringn(what, strlen(what)));
  json_array_append_new(facts, f);
}

static void walk_stmts(const rc_stmts *ss, json_t *facts);

static void walk_stmt(const rc_stmt *s, json_t *facts) {
  if (!s) return;
  switch (s->kind) {
  case RC_S_ASSIGN:
    for (uint32_t i = 0; i < s->u.assign.n; i++) add_fact(facts, "assign", s->u.assign.v[i]->name);
    break;
  case RC_S_DECL:
    if (strcmp(s->u.decl.cmd_name, "export") != 0) break;
    for (uint32_t i = 0; i < s->u.decl.nitems; i++)
      if (s->u.decl.items[i].name) add_fact(facts, "export", s->u.decl.items[i].name);
    break;
  case RC_S_SOURCE:
    add_fact(facts, "source", s->u.source.path ? s->u.source.path->raw : "");
    break;
  case RC_S_FUNC:
    walk_stmt(s->u.func.body, facts);
    break;
  case RC_S_IF:
    for (uint32_t i = 0; i < s->u.if_.n; i++) {
      walk_stmts(&s->u.if_.clauses[i].cond, facts);
      walk_stmts(&s->u.if_.clauses[i].body, facts);
    }
    break;
  case RC_S_CASE:
    for (uint32_t i = 0; i < s->u.case_.n; i++) walk_stmts(&s->u.case_.items[i].body, facts);
    break;
  case RC_S_FOR:
    walk_stmts(&s->u.for_.body, facts);
    break;
  case RC_S_WHILE:
    walk_stmts(&s->u.while_.cond, facts);
    walk_stmts(&s->u.while_.body, facts);
    break;
  case RC_S_LIST:
    walk_stmt(s->u.list.lhs, facts);
    walk_stmt(s->u.list.rhs, facts);
    break;
  case RC_S_NOT:
    walk_stmt(s->u.not_.inner, facts);
    break;
  case RC_S_PIPE:
    walk_stmts(&s->u.pipe.elems, facts);
    break;
  case RC_S_SUBSHELL:
  case RC_S_GROUP:
    walk_stmts(&s->u.group.body, facts);
    break;
  default:
    break;
  }
}

static void walk_stmts(const rc_stmts *ss, json_t *facts) {
  for (uint32_t i = 0; i < ss->n; i++) walk_stmt(ss->v[i], facts);
}

/* [kind, function name or null, source text from the statement's start to
 * the end of its first line] */
static json_t *top_entry(const rc_source *src, const rc_stmt *s) {
  json_t *e = json_array();
  json_array_append_new(e, json_string(rc_stmt_kind_name(s->kind)));
  json_array_append_new(e, s->kind == RC_S_FUNC ? json_string(s->u.func.name) : json_null());
  uint32_t a = s->span.start < src->len ? s->span.start : src->len, b = a;
  while (b < src->len && b - a < HEAD_MAX && src->text[b] != '\n') b++;
  json_array_append_new(e, json_stringn(src->text + a, b - a));
  return e;
}

static void stats_file(const char *path, const stats_opts *o, stats_total *t) {
  rc_load_status st;
  int e;
  rc_source *src = rc_source_load(path, &st, &e);
  json_t *j = json_object();
  json_object_set_new(j, "file", json_string(path));
  if (!src) {
    json_object_set_new(j, "error", json_string(rc_load_status_str(st)));
    t->unreadable++;
  } else {
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    rc_ir *ir = rc_parse_with(src, o->dialect, o->flags);
    rc_ir_force(ir); /* the facts inside function bodies count */
    clock_gettime(CLOCK_MONOTONIC, &t1);
    t->seconds += (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    bool to_eof = false;
    for (size_t i = 0; i < ir->errors.n; i++) to_eof |= ir->errors.v[i].to_eof;
    json_object_set_new(j, "bytes", json_integer(src->len));
    json_object_set_new(j, "errors", json_integer((json_int_t)ir->errors.n));
    json_object_set_new(j, "to_eof", json_boolean(to_eof));
    json_object_set_new(j, "top_total", json_integer(ir->top_level_total));
    json_object_set_new(j, "top_lost", json_integer(ir->top_level_lost));
    json_t *top = json_array();
    for (uint32_t i = 0; i < ir->top.n; i++) json_array_append_new(top, top_entry(src, ir->top.v[i]));
    json_object_set_new(j, "top", top);
    json_t *facts = json_array();
    walk_stmts(&ir->top, facts);
    json_object_set_new(j, "facts", facts);
    t->files++;
    t->bytes += src->len;
    t->damaged += ir->errors.n > 0;
    t->to_eof += to_eof;
    t->top_total += ir->top_level_total;
    t->top_lost += ir->top_level_lost;
    rc_ir_free(ir);
    rc_source_free(src);
  }
  char *line = json_dumps(j, JSON_COMPACT | JSON_ENSURE_ASCII);
  puts(line);
  free(line);
  json_decref(j);
}

static int name_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Files under `path` in name order; symlinked directories are not followed
 * and dot-directories (.git …) are skipped. */
static void stats_path(const char *path, const stats_opts *o, stats_total *t, int depth) {
  struct stat sb;
  if (lstat(path, &sb) != 0 || depth > 64) {
    stats_file(path, o, t);
    return;
  }
  if (!S_ISDIR(sb.st_mode)) {
    if (S_ISREG(sb.st_mode) || depth == 0) stats_file(path, o, t);
    return;
  }
  DIR *d = opendir(path);
  if (!d) return;
  RC_VEC(char *) names = {0};
  struct dirent *de;
  while ((de = readdir(d)) != NULL)
    if (de->d_name[0] != '.' || (strcmp(de->d_name, ".") && strcmp(de->d_name, "..") &&
                                 strcmp(de->d_name, ".git")))
      rc_vec_push(&names, rc_xstrdup(de->d_name));
  closedir(d);
  if (names.n) qsort(names.v, names.n, sizeof(char *), name_cmp);
  for (size_t i = 0; i < names.n; i++) {
    char *sub = rc_xasprintf("%s/%s", path, names.v[i]);
    stats_path(sub, o, t, depth + 1);
    free(sub);
    free(names.v[i]);
  }
  rc_vec_free(&names);
}

static int usage(void) {
  fputs("usage: rccheck parse-stats [--bash|--zsh] [--no-prepass] [--no-recover] PATH…\n"
        "  PATH: a file, a directory (walked), or - for paths on stdin, one a line\n",
        stderr);
  return 2;
}

int rc_parse_stats_main(int argc, char **argv) {
  stats_opts o = {RC_DIALECT_ZSH, 0};
  stats_total t = {0};
  int npaths = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--bash")) o.dialect = RC_DIALECT_BASH;
    else if (!strcmp(a, "--zsh")) o.dialect = RC_DIALECT_ZSH;
    else if (!strcmp(a, "--no-prepass")) o.flags |= RC_PARSE_NO_PREPASS;
    else if (!strcmp(a, "--no-recover")) o.flags |= RC_PARSE_NO_RECOVER;
    else if (a[0] == '-' && a[1]) return usage();
    else npaths++;
  }
  if (!npaths) return usage();
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (a[0] == '-' && a[1]) continue;
    if (strcmp(a, "-") != 0) {
      stats_path(a, &o, &t, 0);
      continue;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, stdin)) > 0) {
      if (line[n - 1] == '\n') line[--n] = 0;
      if (n) stats_file(line, &o, &t);
    }
    free(line);
  }
  fprintf(stderr,
          "parse-stats: %llu files (%llu unreadable), %llu with ERROR nodes, %llu to EOF; "
          "top-level statements %llu, lost %llu (%.2f%%); %.2f MB/s\n",
          (unsigned long long)t.files, (unsigned long long)t.unreadable,
          (unsigned long long)t.damaged, (unsigned long long)t.to_eof,
          (unsigned long long)t.top_total, (unsigned long long)t.top_lost,
          t.top_total ? 100.0 * (double)t.top_lost / (double)t.top_total : 0.0,
          t.seconds > 0 ? (double)t.bytes / 1e6 / t.seconds : 0.0);
  return 0;
}
