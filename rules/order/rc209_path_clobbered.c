/* RC209 path-clobbered */
#include <string.h>

#include "rule.h"

static bool has(const rc_entries *e, const char *text) {
  for (size_t i = 0; i < e->n; i++)
    if (!strcmp(e->v[i].text, text)) return true;
  return false;
}

/* PATH just before event `id`. */
static const rc_str *path_before(const rc_ctx *C, uint32_t id) {
  size_t n;
  const uint32_t *evs = rc_ctx_var_events(C, "PATH", &n);
  const rc_str *v = NULL;
  for (size_t i = 0; i < n && evs[i] < id; i++) v = C->events.v[evs[i]].after.val;
  return v;
}

static void check(rc_check *cx) {
  const rc_ctx *C = cx->ctx;
  if (!rc_ctx_is_home(cx, C)) return;
  /* What is dropped and never comes back: a reset followed by
   * `source /etc/profile` (path_helper) or a rebuild is not a loss. */
  rc_entries final = {0};
  const rc_var *fv = rc_ctx_var(C, "PATH");
  if (fv && fv->nalts == 1 && fv->alts[0].val) rc_str_split(&cx->S->arena, fv->alts[0].val, ':', &final);
  size_t n;
  const uint32_t *ids = rc_ctx_var_events(C, "PATH", &n);
  for (size_t i = 0; i < n; i++) {
    const rc_event *ev = &C->events.v[ids[i]];
    if (ev->op != RC_OP_ASSIGN || !ev->file || !rc_user_file(cx, ev->file) || !ev->after.val ||
        !rc_str_certain(ev->after.val))
      continue;
    const rc_str *prev = path_before(C, ev->id);
    if (!prev) continue;
    rc_entries old = {0}, now = {0};
    rc_str_split(&cx->S->arena, prev, ':', &old);
    rc_str_split(&cx->S->arena, ev->after.val, ':', &now);
    bool system_gone = !has(&now, "/usr/bin") && !has(&now, "/bin") && (has(&old, "/usr/bin") || has(&old, "/bin")) &&
                       !has(&final, "/usr/bin") && !has(&final, "/bin");
    rc_buf dropped = {0};
    size_t nd = 0;
    const rc_event *user_lost[3];
    size_t nu = 0;
    for (size_t k = 0; k < old.n; k++) {
      const rc_entry *x = &old.v[k];
      if (!x->text[0] || has(&now, x->text) || has(&final, x->text)) continue;
      const rc_event *o = x->origin < C->events.n ? &C->events.v[x->origin] : NULL;
      bool by_user = o && o->file && rc_user_file(cx, o->file);
      if (by_user && nu < RC_ARRAY_LEN(user_lost)) user_lost[nu++] = o;
      if (nd++ < 4) rc_buf_printf(&dropped, "%s%s", nd > 1 ? ", " : "", rc_path(cx->S, x->text));
    }
    if (nd > 4) rc_buf_printf(&dropped, " and %zu more", nd - 4);
    if (system_gone || nu) {
      rc_diag *d = rc_report(cx, ev->file, ev->span,
                             "PATH is assigned here without its previous value ($PATH): %s%s",
                             system_gone ? "the system directories are gone (/usr/bin, /bin), so ls, git and go are "
                                           "not found; "
                                         : "",
                             rc_arena_printf(&cx->S->arena, "it drops %s", dropped.s));
      for (size_t k = 0; k < nu; k++) rc_note(d, user_lost[k]->file, user_lost[k]->span, "this line's PATH entry is lost");
    }
    rc_buf_free(&dropped);
    rc_vec_free(&old);
    rc_vec_free(&now);
  }
  rc_vec_free(&final);
}

const rc_rule rc_rule_rc209 = {
  .id = "RC209",
  .name = "path-clobbered",
  .severity = RC_SEV_WARNING,
  .hook = RC_ON_CONTEXT,
  .summary = "PATH is assigned without its previous value, dropping directories set before",
  .what = "`export PATH=\"$HOME/go/bin\"` (no `:$PATH`), or a full reset such as `PATH=/usr/local/bin:/usr/bin:/bin` "
          "after earlier files added entries. Reported when the assignment drops the system directories or entries "
          "that an earlier line of your files added.",
  .why = "Without /usr/bin and /bin nothing but builtins runs; a reset in ~/.zprofile or ~/.bash_profile silently "
         "undoes the Go entries ~/.zshenv added, in login shells only.",
  .fix = "Keep the previous value: `export PATH=\"$HOME/go/bin:$PATH\"`, or move the entries the reset drops after "
         "it.",
  .bad = "# rccheck-fixture: shell=zsh\n# --- .zshenv\nexport PATH=\"$HOME/go/bin\"\n",
  .good = "# rccheck-fixture: shell=zsh\n# --- .zshenv\nexport PATH=\"$HOME/go/bin:$PATH\"\n",
  .check = check,
};
