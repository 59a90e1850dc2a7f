/* cmd_chain.c — `rccheck chain` (the files each context reads, as a tree)
 * and `rccheck graph` (the same as Graphviz DOT, with where tracked
 * variables get their final values). */
#include <jansson.h>
#include <string.h>

#include "cli.h"
#include "json_text.h"

static const char *cond_text(rc_session *S, const rc_cond *c) {
  if (!c) return NULL;
  if (c->file && c->span.line)
    return rc_arena_printf(&S->arena, "%s (%s:%u)", c->label ? c->label : "condition",
                           rc_display_path(S, c->file->path), c->span.line);
  return c->label ? c->label : "condition";
}

static const char *visit_note(rc_session *S, const rc_ctx *C, const rc_visit *v) {
  if (v->unresolved) return "cannot be resolved statically: not followed";
  if (v->cycle) return "already being read: cycle, not read again";
  if (!v->exists) return v->startup ? "does not exist" : "does not exist";
  if (v->file && v->file->status != RC_LOAD_OK) return rc_load_status_str(v->file->status);
  (void)C;
  (void)S;
  return NULL;
}

static void chain_text(rc_session *S, const rc_ctx *C, FILE *out) {
  fprintf(out, "%s %s\n", rc_shell_name(C->shell), rc_ctx_name(C->kind));
  for (size_t i = 0; i < C->visits.n; i++) {
    const rc_visit *v = &C->visits.v[i];
    fprintf(out, "  %*s%s", (int)(v->depth * 2), "", rc_display_path(S, v->path));
    if (v->parent >= 0) {
      const rc_visit *p = &C->visits.v[v->parent];
      fprintf(out, "  (%s:%u)", rc_display_path(S, p->path), v->via.line);
    }
    const char *note = visit_note(S, C, v);
    if (note) fprintf(out, "  [%s]", note);
    const char *cond = cond_text(S, v->cond);
    if (cond && v->exists) fprintf(out, "  [only if: %s]", cond);
    if (v->file && v->file->builtin) fprintf(out, "  [stock macOS file, rccheck's stand-in]");
    if (v->at_exit) fprintf(out, "  [when the shell exits]");
    fputc('\n', out);
  }
}

static json_t *chain_json(rc_session *S, const rc_ctx *C) {
  json_t *files = json_array();
  for (size_t i = 0; i < C->visits.n; i++) {
    const rc_visit *v = &C->visits.v[i];
    json_t *f = json_object();
    json_object_set_new(f, "path", rc_json_text(v->path));
    json_object_set_new(f, "exists", json_boolean(v->exists));
    if (v->parent >= 0) {
      json_t *via = json_object();
      json_object_set_new(via, "file", rc_json_text(C->visits.v[v->parent].path));
      json_object_set_new(via, "line", json_integer(v->via.line));
      json_object_set_new(f, "via", via);
    } else {
      json_object_set_new(f, "via", json_null());
    }
    json_object_set_new(f, "depth", json_integer(v->depth));
    if (v->cycle) json_object_set_new(f, "cycle", json_true());
    if (v->at_exit) json_object_set_new(f, "at_exit", json_true());
    if (v->unresolved) json_object_set_new(f, "unresolved", json_true());
    if (v->file && v->exists && v->file->status != RC_LOAD_OK)
      json_object_set_new(f, "error", rc_json_text(rc_load_status_str(v->file->status)));
    const char *cond = cond_text(S, v->cond);
    if (cond) json_object_set_new(f, "condition", rc_json_text(cond));
    json_array_append_new(files, f);
  }
  json_t *c = json_object();
  json_object_set_new(c, "name", rc_json_text(rc_ctx_name(C->kind)));
  json_object_set_new(c, "shell", rc_json_text(rc_shell_name(C->shell)));
  json_object_set_new(c, "files", files);
  return c;
}

int rc_cmd_chain(rc_cli *c, FILE *out) {
  rc_session *S = rc_cli_session(c);
  if (!S) return RC_EXIT_USAGE;
  unsigned shells = rc_cli_shells(c, S), ctxs = rc_cli_ctxs(c);
  S->want_ctxs = ctxs;
  bool json = c->format && !strcmp(c->format, "json");
  json_t *root = json ? json_object() : NULL, *arr = json ? json_array() : NULL;
  bool first = true;
  for (int sh = 0; sh < RC_SH_COUNT; sh++) {
    if (!(shells & (1u << sh))) continue;
    for (int k = 0; k < RC_CTX_COUNT; k++) {
      if (!(ctxs & (1u << k))) continue;
      rc_ctx *C = rc_session_ctx(S, (rc_shell)sh, (rc_ctx_kind)k);
      if (json) {
        json_array_append_new(arr, chain_json(S, C));
      } else {
        if (!first) fputc('\n', out);
        chain_text(S, C, out);
      }
      first = false;
    }
  }
  if (json) {
    json_object_set_new(root, "contexts", arr);
    json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fputc('\n', out);
    json_decref(root);
  }
  rc_session_free(S);
  return RC_EXIT_OK;
}

/* ---- graph ---- */

static void dot_escape(FILE *out, const char *s) {
  for (; *s; s++) {
    if (*s == '"' || *s == '\\') fputc('\\', out);
    if (*s == '\n') {
      fputs("\\n", out);
      continue;
    }
    fputc(*s, out);
  }
}

static bool tracked(const char *n) {
  static const char *const t[] = {"GOROOT", "GOPATH", "GOBIN", "GO111MODULE", "GOFLAGS",
                                  "GOTOOLCHAIN", "PATH", "ZDOTDIR", "HOMEBREW_PREFIX"};
  for (size_t i = 0; i < RC_ARRAY_LEN(t); i++)
    if (!strcmp(n, t[i])) return true;
  return false;
}

static void graph_ctx(rc_session *S, const rc_ctx *C, FILE *out, int idx) {
  fprintf(out, "  subgraph cluster_%d {\n    label=\"%s %s\";\n    style=rounded;\n", idx,
          rc_shell_name(C->shell), rc_ctx_name(C->kind));
  fprintf(out, "    c%d_start [label=\"%s starts\", shape=circle];\n", idx, rc_shell_name(C->shell));
  /* Which variables get their final value in which file. */
  RC_VEC(rc_buf) notes = {0};
  rc_vec_grow(&notes, C->visits.n);
  for (size_t i = 0; i < C->visits.n; i++) notes.v[i] = (rc_buf){0};
  for (size_t i = 0; i < C->final.cap; i++) {
    const char *name = C->final.slots[i].key;
    if (!name || !tracked(name)) continue;
    const rc_var *v = C->final.slots[i].val;
    for (uint32_t k = 0; k < v->nalts; k++) {
      uint32_t ev = v->alts[k].event;
      if (ev == RC_NO_EVENT || ev >= C->events.n) continue;
      int32_t vi = C->events.v[ev].visit;
      if (vi < 0 || (size_t)vi >= C->visits.n) continue;
      const char *val = v->alts[k].val ? rc_display_value(S, rc_str_text(&S->arena, v->alts[k].val, ' ')) : "(unset)";
      if (strlen(val) > 60) val = rc_arena_printf(&S->arena, "%.57s...", val);
      rc_buf_printf(&notes.v[vi], "\n%s = %s (line %u)", name, val, C->events.v[ev].span.line);
    }
  }
  int32_t prev_startup = -1;
  for (size_t i = 0; i < C->visits.n; i++) {
    const rc_visit *v = &C->visits.v[i];
    fprintf(out, "    c%d_v%zu [shape=box, label=\"", idx, i);
    dot_escape(out, rc_display_path(S, v->path));
    if (notes.v[i].s) dot_escape(out, notes.v[i].s);
    fprintf(out, "\"%s];\n", !v->exists ? ", style=dashed, fontcolor=gray" : "");
    if (v->parent >= 0) {
      fprintf(out, "    c%d_v%d -> c%d_v%zu [label=\"line %u\"];\n", idx, v->parent, idx, i, v->via.line);
    } else if (v->startup) {
      if (prev_startup < 0) fprintf(out, "    c%d_start -> c%d_v%zu [style=bold];\n", idx, idx, i);
      else fprintf(out, "    c%d_v%d -> c%d_v%zu [style=bold, label=\"%s\"];\n", idx, prev_startup, idx, i,
                   v->at_exit ? "at exit" : "then");
      prev_startup = (int32_t)i;
    }
  }
  for (size_t i = 0; i < C->visits.n; i++) rc_buf_free(&notes.v[i]);
  rc_vec_free(&notes);
  fprintf(out, "  }\n");
}

int rc_cmd_graph(rc_cli *c, FILE *out) {
  rc_session *S = rc_cli_session(c);
  if (!S) return RC_EXIT_USAGE;
  unsigned shells = rc_cli_shells(c, S);
  unsigned ctxs = c->ctxs ? c->ctxs : 1u << RC_CTX_LOGIN_INTERACTIVE;
  S->want_ctxs = ctxs;
  fprintf(out, "digraph rccheck {\n  rankdir=TB;\n  node [fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n");
  int idx = 0;
  for (int sh = 0; sh < RC_SH_COUNT; sh++) {
    if (!(shells & (1u << sh))) continue;
    for (int k = 0; k < RC_CTX_COUNT; k++)
      if (ctxs & (1u << k)) graph_ctx(S, rc_session_ctx(S, (rc_shell)sh, (rc_ctx_kind)k), out, idx++);
  }
  fprintf(out, "}\n");
  rc_session_free(S);
  return RC_EXIT_OK;
}
