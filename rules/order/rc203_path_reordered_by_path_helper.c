/* RC203 path-reordered-by-path-helper */
#include <string.h>

#include "rule.h"

static long index_of(const rc_entries *e, const char *text) {
  for (size_t i = 0; i < e->n; i++)
    if (!strcmp(e->v[i].text, text)) return (long)i;
  return -1;
}

/* PATH just before event `id` of context C. */
static const rc_str *path_before(const rc_ctx *C, uint32_t id) {
  size_t n;
  const uint32_t *evs = rc_ctx_var_events(C, "PATH", &n);
  const rc_str *v = NULL;
  for (size_t i = 0; i < n && evs[i] < id; i++) v = C->events.v[evs[i]].after.val;
  return v;
}

/* One reordered entry, with the contexts where it happens. */
typedef struct hit {
  const rc_event *u, *ph;
  const char *text, *behind;
  uint32_t ctxs[RC_SH_COUNT];
  RC_VEC(const rc_ctx *) in;
} hit;
typedef RC_VEC(hit) hits;

static const char *show_path(rc_check *cx, const rc_entries *e) {
  rc_buf b = {0};
  for (size_t i = 0; i < e->n; i++) rc_buf_printf(&b, "%s%s", i ? ":" : "", rc_path(cx->S, e->v[i].text));
  const char *s = rc_arena_strdup(&cx->S->arena, b.s ? b.s : "");
  rc_buf_free(&b);
  return s;
}

static void one_entry(rc_check *cx, const rc_ctx *C, const rc_event *ph, const rc_entries *before, size_t i,
                      const rc_entries *after, const rc_entries *final, hits *out) {
  const rc_entry *x = &before->v[i];
  const rc_event *u = x->origin < C->events.n ? &C->events.v[x->origin] : NULL;
  if (!x->text[0] || !u || !u->file || !rc_user_file(cx, u->file)) return;
  /* a prepend: ahead of a directory that was already on PATH */
  bool ahead = false;
  for (size_t j = i + 1; j < before->n && !ahead; j++) {
    long a = index_of(after, before->v[j].text);
    ahead = a >= 0 && after->v[a].origin == ph->id;
  }
  long fin = index_of(final, x->text);
  if (!ahead || fin < 0) return;
  rc_buf behind = {0};
  size_t nb = 0;
  for (long j = 0; j < fin; j++) {
    const rc_entry *s = &final->v[j];
    long a = index_of(after, s->text);
    if (a < 0 || after->v[a].origin != ph->id) continue; /* not one path_helper put first */
    long b = index_of(before, s->text);
    if (b >= 0 && (size_t)b < i) continue; /* it was ahead already */
    if (nb++ < 4) rc_buf_printf(&behind, "%s%s", nb > 1 ? ", " : "", s->text);
  }
  if (nb > 4) rc_buf_puts(&behind, ", …");
  if (nb) {
    hit *h = NULL;
    for (size_t k = 0; k < out->n && !h; k++)
      if (out->v[k].u->file == u->file && out->v[k].u->span.start == u->span.start && !strcmp(out->v[k].text, x->text))
        h = &out->v[k];
    if (!h) {
      hit n = {u, ph, x->text, rc_arena_strdup(&cx->S->arena, behind.s), {0}, {0}};
      rc_vec_push(out, n);
      h = &out->v[out->n - 1];
    }
    h->ctxs[C->shell] |= 1u << C->kind;
    rc_vec_push(&h->in, C);
  }
  rc_buf_free(&behind);
}

static void report(rc_check *cx, hit *h) {
  rc_diag *d = rc_report(cx, h->u->file, h->u->span,
                         "%s is put in front of PATH here, but %s (path_helper) runs later in login shells and moves it "
                         "behind %s; it stays first only in shells that skip %s",
                         rc_path(cx->S, h->text), rc_where(cx->S, h->ph->file, h->ph->span), h->behind,
                         rc_path(cx->S, h->ph->file->path));
  for (int sh = 0; sh < RC_SH_COUNT; sh++)
    for (int k = 0; k < RC_CTX_COUNT; k++)
      if (h->ctxs[sh] & (1u << k)) rc_diag_add_context(d, (rc_shell)sh, (rc_ctx_kind)k);
  /* the final order, once per distinct PATH */
  for (size_t i = 0; i < h->in.n; i++) {
    const rc_ctx *C = h->in.v[i];
    rc_entries fe = {0};
    rc_str_split(&cx->S->arena, rc_ctx_var(C, "PATH")->alts[0].val, ':', &fe);
    const char *fp = show_path(cx, &fe);
    rc_vec_free(&fe);
    rc_buf who = {0};
    bool first = true;
    for (size_t j = 0; j < h->in.n; j++) {
      const rc_ctx *D = h->in.v[j];
      rc_entries de = {0};
      rc_str_split(&cx->S->arena, rc_ctx_var(D, "PATH")->alts[0].val, ':', &de);
      bool same = !strcmp(show_path(cx, &de), fp);
      rc_vec_free(&de);
      if (!same) continue;
      if (j < i) first = false;
      rc_buf_printf(&who, "%s%s %s", who.n ? ", " : "", rc_shell_name(D->shell), rc_ctx_name(D->kind));
    }
    if (first) rc_note(d, h->u->file, h->u->span, "final PATH in %s: %s", who.s, fp);
    rc_buf_free(&who);
  }
}

static void check(rc_check *cx) {
  hits hs = {0};
  for (size_t c = 0; c < cx->nctxs; c++) {
    const rc_ctx *C = cx->ctxs[c];
    const rc_var *fv = rc_ctx_var(C, "PATH");
    if (!rc_ctx_is_home(cx, C) || !fv || !fv->nalts || !fv->alts[0].val) continue;
    for (size_t k = 0; k < C->events.n; k++) {
      const rc_event *ph = &C->events.v[k];
      if (ph->op != RC_OP_PATH_HELPER || !ph->after.val) continue;
      const rc_str *bv = path_before(C, ph->id);
      if (!bv) continue;
      rc_entries before = {0}, after = {0}, final = {0};
      rc_str_split(&cx->S->arena, bv, ':', &before);
      rc_str_split(&cx->S->arena, ph->after.val, ':', &after);
      rc_str_split(&cx->S->arena, fv->alts[0].val, ':', &final);
      for (size_t i = 0; i < before.n; i++) one_entry(cx, C, ph, &before, i, &after, &final, &hs);
      rc_vec_free(&before);
      rc_vec_free(&after);
      rc_vec_free(&final);
    }
  }
  for (size_t i = 0; i < hs.n; i++) {
    report(cx, &hs.v[i]);
    rc_vec_free(&hs.v[i].in);
  }
  rc_vec_free(&hs);
}

const rc_rule rc_rule_rc203 = {
  .id = "RC203",
  .name = "path-reordered-by-path-helper",
  .severity = RC_SEV_WARNING,
  .hook = RC_ON_HOME,
  .summary = "A PATH prepend made before /etc/zprofile ends up behind the system directories (macOS)",
  .what = "On macOS, /etc/zprofile (and /etc/profile for bash) runs `path_helper`, which rebuilds PATH as the "
          "directories of /etc/paths and /etc/paths.d first, then whatever PATH held before. A directory put in "
          "front of PATH earlier, in ~/.zshenv, lands behind /usr/local/bin, /usr/bin, /bin… in every login shell "
          "(Terminal, VS Code's environment), and stays first only in `zsh -c`.",
  .why = "A `go` (or any tool) in /usr/local/bin or /usr/bin silently wins over the one you put first, and only "
         "in login shells: the terminal and a script disagree about which Go they run.",
  .fix = "Prepend in ~/.zprofile, which zsh reads after /etc/zprofile (for bash, ~/.bash_profile), or prepend "
         "again there.",
  .bad = "# rccheck-fixture: os=macos shell=zsh\n# --- .zshenv\nexport PATH=\"$HOME/sdk/go1.22.5/bin:$PATH\"\n",
  .good = "# rccheck-fixture: os=macos shell=zsh\n# --- .zprofile\nexport PATH=\"$HOME/sdk/go1.22.5/bin:$PATH\"\n",
  .check = check,
};
