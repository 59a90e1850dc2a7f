/* RC113 go-managers-clash */
#include <stdlib.h>
#include <string.h>

#include "rule.h"

enum { MAXM = 12 };

static const char *label(const rc_go_mgr *m) {
  if (!strcmp(m->name, "sdk")) return m->system ? "a system Go install" : "a Go SDK folder on PATH";
  if (!strcmp(m->name, "homebrew")) return "Homebrew's go";
  return m->name;
}

/* Counts at all: Homebrew and system installs only when their bin comes
 * before the other manager's on PATH. */
static bool counts(rc_session *S, const rc_ctx *C, const rc_go_mgr *m, const rc_go_mgr *other) {
  if (!m->by_precedence) return true;
  int a = rc_go_path_pos(S, C, m->dir), b = other->dir ? rc_go_path_pos(S, C, other->dir) : -1;
  return a >= 0 && (b < 0 || a < b);
}

typedef struct hit {
  const rc_file *file, *efile;
  rc_span span, espan;
  const char *later, *earlier;
  RC_VEC(const rc_ctx *) ctxs;
  RC_VEC(const char *) wins;
} hit;

static void check(rc_check *cx) {
  RC_VEC(hit) hits = {0};
  for (size_t c = 0; c < cx->nctxs; c++) {
    const rc_ctx *C = cx->ctxs[c];
    rc_go_mgr m[MAXM];
    size_t n = rc_go_managers(cx->S, C, m, MAXM);
    for (size_t j = 1; j < n; j++) {
      for (size_t i = 0; i < j; i++) {
        const rc_go_mgr *a = &m[i], *b = &m[j];
        if (rc_cond_exclusive(a->cond, b->cond) || !counts(cx->S, C, a, b) || !counts(cx->S, C, b, a)) continue;
        /* report at the later line the user wrote */
        const rc_go_mgr *at = rc_user_file(cx, b->file) ? b : rc_user_file(cx, a->file) ? a : NULL;
        if (!at) continue;
        const rc_go_mgr *other = at == b ? a : b;
        /* which go wins: the manager whose folder comes first on PATH */
        int pa = rc_go_path_pos(cx->S, C, a->dir), pb = rc_go_path_pos(cx->S, C, b->dir);
        const rc_go_mgr *w = pa >= 0 && (pb < 0 || pa < pb) ? a : pb >= 0 ? b : NULL;
        hit *h = NULL;
        for (size_t k = 0; k < hits.n && !h; k++)
          if (hits.v[k].file == at->file && hits.v[k].span.start == at->span.start) h = &hits.v[k];
        if (!h) {
          rc_vec_push(&hits, ((hit){.file = at->file, .span = at->span, .efile = other->file, .espan = other->span,
                                    .later = label(at), .earlier = label(other)}));
          h = &hits.v[hits.n - 1];
        }
        rc_vec_push(&h->ctxs, C);
        rc_vec_push(&h->wins, w ? rc_arena_printf(&cx->S->arena, "`go` comes from %s (%s)", rc_path(cx->S, w->dir), label(w))
                                : "which `go` runs depends on programs rccheck does not run");
        goto next_ctx; /* one pair per context and line is enough */
      }
    }
  next_ctx:;
  }
  for (size_t i = 0; i < hits.n; i++) {
    hit *h = &hits.v[i];
    rc_diag *d = rc_report(cx, h->file, h->span,
                           "two Go version managers set up in one shell: %s here and %s earlier; the one "
                           "that comes later on PATH or in GOROOT silently loses",
                           h->later, h->earlier);
    rc_note(d, h->efile, h->espan, "%s set up here", h->earlier);
    bool *done = calloc(h->ctxs.n, sizeof(bool));
    for (size_t k = 0; k < h->ctxs.n; k++) {
      rc_diag_add_context(d, h->ctxs.v[k]->shell, h->ctxs.v[k]->kind);
      if (done[k]) continue;
      rc_buf b = {0};
      for (size_t m = k; m < h->ctxs.n; m++)
        if (!done[m] && !strcmp(h->wins.v[m], h->wins.v[k])) {
          done[m] = true;
          rc_buf_printf(&b, "%s%s %s", b.n ? ", " : "", rc_shell_name(h->ctxs.v[m]->shell), rc_ctx_name(h->ctxs.v[m]->kind));
        }
      rc_note(d, h->file, h->span, "%s: %s", b.s, h->wins.v[k]);
      rc_buf_free(&b);
    }
    free(done);
    rc_vec_free(&h->ctxs);
    rc_vec_free(&h->wins);
  }
  rc_vec_free(&hits);
}

const rc_rule rc_rule_rc113 = {
  .id = "RC113",
  .name = "go-managers-clash",
  .severity = RC_SEV_WARNING,
  .hook = RC_ON_HOME,
  .summary = "Two Go version managers are active in the same shell",
  .what = "Two of gvm, goenv, asdf (with asdf-golang), mise (managing go), g, a hand-made SDK folder on PATH, "
          "or Homebrew's go (when its bin comes first) set up in one context.",
  .why = "Each manager assumes it owns GOROOT and the `go` on PATH. Together, the one set up later or placed "
         "earlier on PATH wins silently, `go version` disagrees with the manager's own answer, and editors pick "
         "yet another one (golang/vscode-go#776, moovweb/gvm#126, asdf-vm/asdf#1550).",
  .fix = "Keep one manager: remove the other's init line (and its PATH entries).",
  .bad = "# --- .goenv/bin/goenv\n#!/bin/sh\n# --- .zshrc\nexport GOENV_ROOT=$HOME/.goenv\n"
         "export PATH=$GOENV_ROOT/bin:$PATH\neval \"$(goenv init -)\"\nexport PATH=$HOME/sdk/go1.22.5/bin:$PATH\n",
  .good = "# --- .goenv/bin/goenv\n#!/bin/sh\n# --- .zshrc\nexport GOENV_ROOT=$HOME/.goenv\n"
          "export PATH=$GOENV_ROOT/bin:$PATH\neval \"$(goenv init -)\"\n",
  .check = check,
};
