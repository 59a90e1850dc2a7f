/* server.c — the language server: lifecycle, documents, lint scheduling and
 * publishing. Single-threaded: input is drained before linting, so a burst
 * of changes is linted once, at its latest version. */
#include <limits.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "eval.h"
#include "filecache.h"
#include "json_text.h"
#include "lsp/convert.h"
#include "lsp/lsp.h"
#include "lsp/rpc.h"

#ifndef RC_VERSION
#define RC_VERSION "0.1.0"
#endif
#ifndef RC_RULES_URL
#define RC_RULES_URL ""
#endif

enum { MAX_DOCS = 256, MAX_DIAGS_PER_DOC = 1000 };

typedef struct doc {
  char *uri;         /* as the client sent it */
  char *path;        /* file system path; NULL for other schemes */
  char *key;         /* canonical path (or path): compared with the engine's files */
  char *text;        /* NUL-terminated; NUL bytes replaced by spaces */
  size_t len;
  json_t *version;   /* integer or NULL */
  bool dirty;        /* changed since the last lint */
  bool in_chain;     /* the home's startup chain read it in the last home lint */
  bool fresh;        /* not yet seen by a home lint (it may be a symlink's target) */
  char *published;   /* last diagnostics sent (compact JSON), to skip repeats */
  RC_VEC(char *) deps; /* analyzed on its own: the files its last lint read */
  json_t *items;     /* [{"diagnostic", "fix"?, "disable"?}] from the last lint */
} doc;

typedef struct server {
  rc_rpc rpc;
  rc_lint_opts base;
  char *home_key;    /* canonical home, to tell home files from the rest */
  rc_lsp_enc enc;
  char *rules_url;
  bool initialized, shutdown;
  RC_VEC(doc *) docs;
  RC_VEC(char *) said; /* configuration errors already shown */
} server;

/* ---- documents ---- */

static char *canonical(const char *path) {
  char *r = realpath(path, NULL);
  return r ? r : rc_xstrdup(path);
}

static doc *doc_find(server *sv, const char *uri) {
  for (size_t i = 0; uri && i < sv->docs.n; i++)
    if (!strcmp(sv->docs.v[i]->uri, uri)) return sv->docs.v[i];
  return NULL;
}

static void doc_set_text(doc *d, const char *s, size_t n) {
  free(d->text);
  d->text = rc_xstrndup(s, n);
  for (size_t i = 0; i < n; i++)
    if (!d->text[i]) d->text[i] = ' ';
  d->len = n;
  d->dirty = true;
}

static void doc_clear_deps(doc *d) {
  for (size_t i = 0; i < d->deps.n; i++) free(d->deps.v[i]);
  rc_vec_free(&d->deps);
}

/* Documents analyzed on their own that read `changed` must be analyzed again
 * (documents of the home are all refreshed by the home's lint). */
static void mark_dependents(server *sv, const doc *changed) {
  for (size_t i = 0; i < sv->docs.n && changed->key; i++) {
    doc *d = sv->docs.v[i];
    for (size_t k = 0; d != changed && !d->in_chain && k < d->deps.n; k++)
      if (!strcmp(d->deps.v[k], changed->key)) d->dirty = true;
  }
}

static void doc_free(doc *d) {
  doc_clear_deps(d);
  free(d->uri);
  free(d->path);
  free(d->key);
  free(d->text);
  free(d->published);
  json_decref(d->version);
  json_decref(d->items);
  free(d);
}

static bool under_home(const server *sv, const doc *d) {
  size_t n = strlen(sv->home_key);
  return d->key && !strncmp(d->key, sv->home_key, n) && (d->key[n] == '/' || n == 1);
}

/* ---- publishing ---- */

static void publish(server *sv, doc *d, bool force) {
  json_t *list = json_array();
  size_t n = json_array_size(d->items);
  for (size_t i = 0; i < n; i++) json_array_append(list, json_object_get(json_array_get(d->items, i), "diagnostic"));
  char *text = json_dumps(list, JSON_COMPACT);
  if (!force && d->published && text && !strcmp(text, d->published)) {
    free(text);
    json_decref(list);
    return;
  }
  free(d->published);
  d->published = text;
  json_t *p = json_pack("{s:s,s:o}", "uri", d->uri, "diagnostics", list);
  if (d->version) json_object_set(p, "version", d->version);
  rc_rpc_notify(&sv->rpc, "textDocument/publishDiagnostics", p);
}

static void say_errors(server *sv, const rc_lint *L) {
  for (size_t i = 0; i < L->errors.n; i++) {
    bool seen = false;
    for (size_t k = 0; k < sv->said.n && !seen; k++) seen = !strcmp(sv->said.v[k], L->errors.v[i]);
    if (seen) continue;
    rc_vec_push(&sv->said, rc_xstrdup(L->errors.v[i]));
    char *m = rc_xasprintf("rccheck: %s", L->errors.v[i]);
    rc_rpc_notify(&sv->rpc, "window/showMessage", json_pack("{s:i,s:o}", "type", 2, "message", rc_json_text(m)));
    free(m);
  }
}

/* ---- linting ---- */

/* What a lint run needs to map engine files back to documents. */
typedef struct run {
  server *sv;
  rc_lint *L;
  char **keys; /* canonical path per rc_file id (lazily) */
} run;

static const char *file_key(run *r, const rc_file *f) {
  if (!f->fs_path) return f->path;
  if (!r->keys[f->id]) r->keys[f->id] = canonical(f->fs_path);
  return r->keys[f->id];
}

static char *uri_of(void *ud, const rc_file *f) {
  run *r = ud;
  const char *k = file_key(r, f);
  for (size_t i = 0; i < r->sv->docs.n; i++)
    if (r->sv->docs.v[i]->key && !strcmp(r->sv->docs.v[i]->key, k)) return rc_xstrdup(r->sv->docs.v[i]->uri);
  return rc_lsp_path_to_uri(k);
}

static void run_start(run *r, server *sv, rc_lint_opts *o, const char **paths, const char **texts) {
  int n = 0;
  for (size_t i = 0; i < sv->docs.n; i++) {
    doc *d = sv->docs.v[i];
    if (!d->path) continue;
    paths[n] = d->path, texts[n++] = d->text;
    if (strcmp(d->key, d->path)) paths[n] = d->key, texts[n++] = d->text;
  }
  o->buffer_paths = paths;
  o->buffer_texts = texts;
  o->nbuffers = n;
  r->sv = sv;
  r->L = rc_lint_run(o);
  r->keys = rc_xcalloc(r->L->S->file_list.n + 1, sizeof(char *));
  say_errors(sv, r->L);
}

static void run_end(run *r) {
  for (size_t i = 0; i < r->L->S->file_list.n; i++) free(r->keys[i]);
  free(r->keys);
  rc_lint_free(r->L);
}

/* The document's findings from a run, as LSP items. */
static void take_items(run *r, doc *d) {
  rc_lsp_conv c = {.enc = r->sv->enc, .rules_url = r->sv->rules_url, .uri_of = uri_of, .ud = r};
  rc_session *S = r->L->S;
  for (size_t i = 0; i < S->ctxs.n; i++) {
    const rc_ctx *C = S->ctxs.v[i];
    for (size_t k = 0; k < C->visits.n; k++)
      if (C->visits.v[k].file && !strcmp(file_key(r, C->visits.v[k].file), d->key)) c.read_in[C->shell] |= 1u << C->kind;
  }
  json_decref(d->items);
  d->items = json_array();
  for (size_t i = 0; i < r->L->diags.n && json_array_size(d->items) < MAX_DIAGS_PER_DOC; i++) {
    const rc_diag *g = r->L->diags.v[i];
    if (strcmp(file_key(r, g->file), d->key)) continue;
    json_t *it = json_pack("{s:o}", "diagnostic", rc_lsp_diagnostic(&c, S, g));
    json_t *fix = rc_lsp_fix_action(&c, g), *dis = rc_lsp_disable_action(&c, g);
    if (fix) json_object_set_new(it, "fix", fix);
    if (dis) json_object_set_new(it, "disable", dis);
    json_array_append_new(d->items, it);
  }
}

static void clear_items(doc *d) {
  json_decref(d->items);
  d->items = json_array();
}

/* The home as the shells read it, with every open buffer. Refreshes every
 * document the chain reads, so a change in ~/.zprofile updates ~/.zshrc. */
static void lint_home(server *sv) {
  size_t cap = 2 * sv->docs.n + 1;
  const char **paths = rc_xcalloc(cap, sizeof(char *)), **texts = rc_xcalloc(cap, sizeof(char *));
  rc_lint_opts o = sv->base;
  o.files = NULL;
  o.nfiles = 0;
  run r;
  run_start(&r, sv, &o, paths, texts);
  const rc_session *S = r.L->S;
  for (size_t i = 0; i < sv->docs.n; i++) {
    doc *d = sv->docs.v[i];
    if (!d->path) continue;
    bool was = d->in_chain;
    d->in_chain = d->fresh = false;
    for (size_t k = 0; k < S->file_list.n && !d->in_chain; k++) {
      const rc_file *f = S->file_list.v[k];
      /* read, or found but refused (too large, binary…): its RC005 is news */
      d->in_chain = (f->src || f->status != RC_LOAD_MISSING) && f->fs_path && !f->builtin &&
                    !strcmp(file_key(&r, f), d->key);
    }
    if (d->in_chain) {
      take_items(&r, d);
      publish(sv, d, d->dirty);
      d->dirty = false;
    } else if (was) {
      d->dirty = true; /* no longer read by the home: analyzed on its own below */
    }
  }
  run_end(&r);
  free(paths);
  free(texts);
}

/* A document the home does not read: `rccheck lint FILE` semantics. */
static void lint_alone(server *sv, doc *d) {
  d->dirty = false;
  if (!d->path || access(d->path, F_OK) != 0) {
    /* not a file, or not saved yet: the engine's FILE mode needs it on disk */
    clear_items(d);
    publish(sv, d, true);
    return;
  }
  size_t cap = 2 * sv->docs.n + 1;
  const char **paths = rc_xcalloc(cap, sizeof(char *)), **texts = rc_xcalloc(cap, sizeof(char *));
  rc_lint_opts o = sv->base;
  char *files[1] = {d->path};
  o.files = files;
  o.nfiles = 1;
  run r;
  run_start(&r, sv, &o, paths, texts);
  take_items(&r, d);
  publish(sv, d, true);
  doc_clear_deps(d);
  const rc_session *S = r.L->S;
  for (size_t k = 0; k < S->file_list.n; k++)
    if (S->file_list.v[k]->src && S->file_list.v[k]->fs_path && !S->file_list.v[k]->builtin)
      rc_vec_push(&d->deps, rc_xstrdup(file_key(&r, S->file_list.v[k])));
  run_end(&r);
  free(paths);
  free(texts);
}

static void lint_dirty(server *sv) {
  bool home = false;
  for (size_t i = 0; i < sv->docs.n; i++)
    if (sv->docs.v[i]->dirty) mark_dependents(sv, sv->docs.v[i]);
  for (size_t i = 0; i < sv->docs.n; i++) {
    doc *d = sv->docs.v[i];
    if (d->dirty && d->path && (d->in_chain || d->fresh || under_home(sv, d))) home = true;
  }
  if (home) lint_home(sv);
  for (size_t i = 0; i < sv->docs.n; i++)
    if (sv->docs.v[i]->dirty) lint_alone(sv, sv->docs.v[i]);
}

/* ---- handlers ---- */

static const char *get_str(json_t *o, const char *k) {
  json_t *v = json_object_get(o, k);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

static json_t *initialize(server *sv, json_t *params) {
  json_t *encs = json_object_get(json_object_get(json_object_get(params, "capabilities"), "general"),
                                 "positionEncodings");
  sv->enc = RC_ENC_UTF16;
  for (size_t i = 0; i < json_array_size(encs); i++)
    if (json_is_string(json_array_get(encs, i)) && !strcmp(json_string_value(json_array_get(encs, i)), "utf-8"))
      sv->enc = RC_ENC_UTF8;
  const char *url = get_str(json_object_get(params, "initializationOptions"), "rulesUrl");
  if (url) {
    free(sv->rules_url);
    sv->rules_url = rc_xstrdup(url);
  }
  sv->initialized = true;
  return json_pack("{s:{s:s,s:{s:b,s:i,s:{s:b}},s:{s:[s]}},s:{s:s,s:s}}", "capabilities", "positionEncoding",
                   sv->enc == RC_ENC_UTF8 ? "utf-8" : "utf-16", "textDocumentSync", "openClose", 1, "change", 2,
                   "save", "includeText", 0, "codeActionProvider", "codeActionKinds", "quickfix", "serverInfo",
                   "name", "rccheck", "version", RC_VERSION);
}

static void did_open(server *sv, json_t *params) {
  json_t *td = json_object_get(params, "textDocument");
  const char *uri = get_str(td, "uri");
  json_t *text = json_object_get(td, "text");
  if (!uri || !json_is_string(text)) return;
  doc *d = doc_find(sv, uri);
  if (!d) {
    if (sv->docs.n >= MAX_DOCS) return;
    d = rc_xcalloc(1, sizeof *d);
    d->uri = rc_xstrdup(uri);
    d->path = rc_lsp_uri_to_path(uri);
    d->key = d->path ? canonical(d->path) : NULL;
    d->fresh = true;
    d->items = json_array();
    rc_vec_push(&sv->docs, d);
  }
  doc_set_text(d, json_string_value(text), json_string_length(text));
  json_decref(d->version);
  d->version = json_is_integer(json_object_get(td, "version")) ? json_incref(json_object_get(td, "version")) : NULL;
}

static void did_change(server *sv, json_t *params) {
  json_t *td = json_object_get(params, "textDocument");
  doc *d = doc_find(sv, get_str(td, "uri"));
  json_t *changes = json_object_get(params, "contentChanges");
  if (!d || !json_is_array(changes)) return;
  for (size_t i = 0; i < json_array_size(changes); i++) {
    json_t *ch = json_array_get(changes, i), *text = json_object_get(ch, "text");
    if (!json_is_string(text)) continue;
    json_t *range = json_object_get(ch, "range");
    if (!range) {
      doc_set_text(d, json_string_value(text), json_string_length(text));
      continue;
    }
    /* Incremental sync (announced: a keystroke in a large file is a few
     * bytes of JSON, not the whole text again): apply each range in turn. */
    json_t *s = json_object_get(range, "start"), *e = json_object_get(range, "end");
    size_t a = rc_lsp_offset(d->text, d->len, json_integer_value(json_object_get(s, "line")),
                             json_integer_value(json_object_get(s, "character")), sv->enc);
    size_t b = rc_lsp_offset(d->text, d->len, json_integer_value(json_object_get(e, "line")),
                             json_integer_value(json_object_get(e, "character")), sv->enc);
    if (b < a) b = a;
    size_t tn = json_string_length(text);
    if (d->len - (b - a) + tn > RC_RPC_MAX_BODY) continue;
    rc_buf nb = {0};
    rc_buf_add(&nb, d->text, a);
    rc_buf_add(&nb, json_string_value(text), tn);
    rc_buf_add(&nb, d->text + b, d->len - b);
    doc_set_text(d, nb.s ? nb.s : "", nb.n);
    rc_buf_free(&nb);
  }
  json_t *v = json_object_get(td, "version");
  if (json_is_integer(v)) {
    json_decref(d->version);
    d->version = json_incref(v);
  }
}

static void did_close(server *sv, json_t *params) {
  doc *d = doc_find(sv, get_str(json_object_get(params, "textDocument"), "uri"));
  if (!d) return;
  rc_rpc_notify(&sv->rpc, "textDocument/publishDiagnostics", json_pack("{s:s,s:[]}", "uri", d->uri, "diagnostics"));
  /* Its unsaved text no longer counts: what read it reads the disk again. */
  mark_dependents(sv, d);
  if (d->in_chain)
    for (size_t i = 0; i < sv->docs.n; i++)
      if (sv->docs.v[i]->in_chain) sv->docs.v[i]->dirty = true;
  for (size_t i = 0; i < sv->docs.n; i++)
    if (sv->docs.v[i] == d) {
      memmove(&sv->docs.v[i], &sv->docs.v[i + 1], (sv->docs.n - i - 1) * sizeof(doc *));
      sv->docs.n--;
      break;
    }
  doc_free(d);
}

static json_int_t pos_line(json_t *range, const char *which) {
  json_t *l = json_object_get(json_object_get(range, which), "line");
  return json_is_integer(l) ? json_integer_value(l) : -1;
}

static json_t *code_action(server *sv, json_t *params, int *err) {
  json_t *range = json_object_get(params, "range");
  json_int_t a = pos_line(range, "start"), b = pos_line(range, "end");
  if (a < 0 || b < a) {
    *err = RC_RPC_INVALID_PARAMS;
    return NULL;
  }
  json_t *out = json_array();
  json_t *only = json_object_get(json_object_get(params, "context"), "only");
  bool want = !json_is_array(only) || !json_array_size(only);
  for (size_t i = 0; i < json_array_size(only); i++) {
    const char *k = json_string_value(json_array_get(only, i));
    if (k && (!strcmp(k, "quickfix") || !strncmp(k, "quickfix.", 9))) want = true;
  }
  doc *d = doc_find(sv, get_str(json_object_get(params, "textDocument"), "uri"));
  if (!d || !want) return out;
  if (d->dirty) lint_dirty(sv); /* answer for the text the client has now */
  /* Safe fixes first, then the other fixes, then one "disable" per rule and line. */
  for (int pass = 0; pass < 3; pass++)
    for (size_t i = 0; i < json_array_size(d->items); i++) {
      json_t *it = json_array_get(d->items, i), *dg = json_object_get(it, "diagnostic");
      json_t *r = json_object_get(dg, "range");
      if (pos_line(r, "start") > b || pos_line(r, "end") < a) continue;
      json_t *act = json_object_get(it, pass < 2 ? "fix" : "disable");
      if (!act || (pass < 2 && json_is_true(json_object_get(act, "isPreferred")) != (pass == 0))) continue;
      bool dup = false;
      for (size_t k = 0; k < json_array_size(out) && !dup; k++)
        dup = json_equal(json_object_get(json_array_get(out, k), "edit"), json_object_get(act, "edit"));
      if (dup) continue;
      act = json_deep_copy(act);
      json_object_set_new(act, "diagnostics", json_pack("[O]", dg));
      json_array_append_new(out, act);
    }
  return out;
}

/* Handles one message; returns false when the server must stop. */
static bool handle(server *sv, json_t *msg, int *exit_code) {
  if (!json_is_object(msg)) {
    rc_rpc_error(&sv->rpc, NULL, RC_RPC_INVALID_REQUEST, "a message must be a JSON object");
    return true;
  }
  json_t *id = json_object_get(msg, "id"), *m = json_object_get(msg, "method");
  json_t *params = json_object_get(msg, "params");
  if (!m) {
    if (id && (json_object_get(msg, "result") || json_object_get(msg, "error"))) return true; /* a response */
    rc_rpc_error(&sv->rpc, json_is_string(id) || json_is_integer(id) ? id : NULL, RC_RPC_INVALID_REQUEST,
                 "no method");
    return true;
  }
  bool request = id != NULL;
  if (request && !json_is_string(id) && !json_is_integer(id)) {
    rc_rpc_error(&sv->rpc, NULL, RC_RPC_INVALID_REQUEST, "the id must be a number or a string");
    return true;
  }
  if (!json_is_string(m)) {
    if (request) rc_rpc_error(&sv->rpc, id, RC_RPC_INVALID_REQUEST, "the method must be a string");
    return true;
  }
  const char *method = json_string_value(m);
  if (!strcmp(method, "exit")) {
    *exit_code = sv->shutdown ? 0 : 1;
    return false;
  }
  if (!sv->initialized && strcmp(method, "initialize")) {
    if (request) rc_rpc_error(&sv->rpc, id, RC_RPC_SERVER_NOT_INITIALIZED, "the server is not initialized");
    return true;
  }
  if (sv->shutdown) {
    if (request) rc_rpc_error(&sv->rpc, id, RC_RPC_INVALID_REQUEST, "the server is shutting down");
    return true;
  }
  if (request) {
    int err = 0;
    json_t *result = NULL;
    if (!strcmp(method, "initialize")) {
      if (sv->initialized) err = RC_RPC_INVALID_REQUEST;
      else result = initialize(sv, params);
    } else if (!strcmp(method, "shutdown")) {
      sv->shutdown = true;
      result = json_null();
    } else if (!strcmp(method, "textDocument/codeAction")) {
      result = code_action(sv, params, &err);
    } else {
      err = RC_RPC_METHOD_NOT_FOUND;
    }
    if (err)
      rc_rpc_error(&sv->rpc, id, err,
                   err == RC_RPC_METHOD_NOT_FOUND ? "unknown method"
                   : err == RC_RPC_INVALID_PARAMS ? "invalid parameters"
                                                  : "initialize was already received");
    else
      rc_rpc_reply(&sv->rpc, id, result);
    return true;
  }
  if (!strcmp(method, "textDocument/didOpen")) did_open(sv, params);
  else if (!strcmp(method, "textDocument/didChange")) did_change(sv, params);
  else if (!strcmp(method, "textDocument/didClose")) did_close(sv, params);
  else if (!strcmp(method, "textDocument/didSave")) {
    doc *d = doc_find(sv, get_str(json_object_get(params, "textDocument"), "uri"));
    if (d) d->dirty = true; /* files the buffers do not cover may have changed too */
  } else if (!strcmp(method, "workspace/didChangeWatchedFiles")) {
    for (size_t i = 0; i < sv->docs.n; i++) sv->docs.v[i]->dirty = true;
  }
  /* other notifications (initialized, $/cancelRequest, …) need nothing */
  return true;
}

int rc_lsp_serve(const rc_lint_opts *base, int in, int out) {
  signal(SIGPIPE, SIG_IGN);
#ifdef __GLIBC__
  /* Each lint allocates and frees the same few megabytes: keep them rather
   * than hand them back to the kernel and fault them in again next time. */
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 16 << 20);
#endif
  server sv;
  memset(&sv, 0, sizeof sv);
  rc_rpc_init(&sv.rpc, in, out);
  sv.base = *base;
  /* Every lint is a new session; the files it does not change are read and
   * parsed once, for all of them. */
  rc_file_cache *cache = rc_file_cache_new();
  sv.base.sopt.cache = cache;
  const char *home = base->sopt.home ? base->sopt.home : getenv("HOME");
  sv.home_key = canonical(home && *home ? home : "/");
  sv.rules_url = rc_xstrdup(RC_RULES_URL);
  int exit_code = 1;
  for (;;) {
    if (sv.rpc.broken) break;
    if (!rc_rpc_pending(&sv.rpc)) lint_dirty(&sv);
    json_t *msg;
    int code;
    const char *why;
    rc_rpc_status st = rc_rpc_read(&sv.rpc, &msg, &code, &why);
    if (st == RC_RPC_EOF) {
      exit_code = sv.shutdown ? 0 : 1;
      break;
    }
    if (st == RC_RPC_BAD) {
      rc_rpc_error(&sv.rpc, NULL, code, why);
      continue;
    }
    bool go_on = handle(&sv, msg, &exit_code);
    json_decref(msg);
    if (!go_on) break;
  }
  for (size_t i = 0; i < sv.docs.n; i++) doc_free(sv.docs.v[i]);
  rc_vec_free(&sv.docs);
  for (size_t i = 0; i < sv.said.n; i++) free(sv.said.v[i]);
  rc_vec_free(&sv.said);
  free(sv.home_key);
  free(sv.rules_url);
  rc_file_cache_free(cache);
  rc_rpc_free(&sv.rpc);
  return exit_code;
}
