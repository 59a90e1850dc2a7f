/* RC304 terminal-env-overridden-by-shell */
#include <string.h>

#include "rule.h"

/* The event the setting made in the terminal context. */
static size_t setting_event(const rc_ctx *T, const rc_vs_value *m, const uint32_t *evs, size_t n) {
  for (size_t i = 0; i < n; i++) {
    const rc_event *e = &T->events.v[evs[i]];
    if (e->op == RC_OP_SETTING && e->file == m->from->file && e->span.start == m->value->span.start) return i;
  }
  return n;
}

static bool in_value(rc_session *S, const rc_str *v, const char *entry, int *index) {
  rc_entries es = {0};
  rc_str_split(&S->arena, v, ':', &es);
  bool found = false;
  for (size_t i = 0; i < es.n && !found; i++)
    if (es.v[i].certain && !strcmp(es.v[i].text, entry)) found = true, *index = (int)i;
  rc_vec_free(&es);
  return found;
}

/* PATH: the directories the setting itself adds (not ${env:PATH}) must
 * survive, and keep ahead of the inherited ones the system files reorder. */
static void check_path(rc_check *cx, rc_ctx *T, const char *key, const rc_vs_value *m, const uint32_t *evs,
                       size_t n, size_t at) {
  rc_session *S = cx->S;
  uint32_t sid = evs[at];
  const rc_event *se = &T->events.v[sid];
  if (se->after.state == RC_VS_UNSET) return;
  rc_entries es = {0};
  rc_str_split(&S->arena, se->after.val, ':', &es);
  const char *first = NULL, *behind = NULL;
  for (size_t i = 0; i < es.n; i++) {
    if (!first && es.v[i].origin == sid && es.v[i].certain && es.v[i].text[0]) first = es.v[i].text;
    else if (first && !behind && es.v[i].origin != sid && es.v[i].certain && es.v[i].text[0]) behind = es.v[i].text;
  }
  rc_vec_free(&es);
  if (!first) return;
  for (size_t i = at + 1; i < n; i++) {
    const rc_event *e = &T->events.v[evs[i]];
    if (e->op == RC_OP_JOIN || e->after.state == RC_VS_UNSET) continue;
    int a, b;
    rc_diag *d = NULL;
    if (!in_value(S, e->after.val, first, &a)) {
      d = rc_report(cx, m->from->file, m->value->span,
                    "%s puts %s on PATH, but the terminal's shell replaces PATH before the prompt: the "
                    "directory is gone in VS Code's terminal",
                    key, rc_path(S, first));
    } else if (behind && (e->op == RC_OP_PATH_HELPER || !rc_user_file(cx, e->file)) &&
               in_value(S, e->after.val, behind, &b) && b < a) {
      d = rc_report(cx, m->from->file, m->value->span,
                    "%s puts %s first on PATH, but the terminal's login shell moves it behind %s: programs "
                    "there win over the ones the setting meant",
                    key, rc_path(S, first), rc_path(S, behind));
    } else {
      continue;
    }
    if (e->file) rc_note(d, e->file, e->span, "%s", e->op == RC_OP_PATH_HELPER ? "path_helper rebuilds PATH here" : "PATH is set here");
    rc_diag_add_context(d, T->shell, T->kind);
    return;
  }
}

static void check_var(rc_check *cx, rc_ctx *T, const char *key, const rc_vs_value *m) {
  rc_session *S = cx->S;
  size_t n;
  const uint32_t *evs = rc_ctx_var_events(T, m->sub, &n);
  size_t at = setting_event(T, m, evs, n);
  if (at >= n) return;
  if (!strcmp(m->sub, "PATH")) {
    check_path(cx, T, key, m, evs, n, at);
    return;
  }
  const rc_var *fin = rc_ctx_var(T, m->sub);
  const rc_event *se = &T->events.v[evs[at]];
  rc_summary s = rc_var_summary(fin);
  if (s == RC_SUM_SET || s == RC_SUM_UNSET) {
    bool same = s == RC_SUM_SET ? se->after.state != RC_VS_UNSET && rc_str_equal(fin->alts[0].val, se->after.val)
                                : se->after.state == RC_VS_UNSET;
    if (same) return;
  }
  for (size_t i = at + 1; i < n; i++) {
    const rc_event *e = &T->events.v[evs[i]];
    if (e->op == RC_OP_JOIN || e->op == RC_OP_EXPORT || !e->file) continue;
    const char *now = e->after.state == RC_VS_UNSET ? "unsets it" : rc_arena_printf(&S->arena, "sets it to %s",
                                                                                     rc_str_text(&S->arena, e->after.val, ' '));
    bool maybe = s == RC_SUM_MAYBE;
    rc_diag *d = rc_report(cx, m->from->file, m->value->span,
                           "%s sets %s, but the terminal's shell %s%s before the prompt: the setting %s "
                           "VS Code's terminal",
                           key, m->sub, now, maybe ? " in some cases" : "", maybe ? "does not always reach" : "never reaches");
    rc_note(d, e->file, e->span, "%s is changed here", m->sub);
    rc_diag_add_context(d, T->shell, T->kind);
    return;
  }
}

static void check(rc_check *cx) {
  rc_session *S = cx->S;
  const rc_vscode *V = rc_vscode_get(S);
  const char *key = rc_arena_printf(&S->arena, "terminal.integrated.env.%s", rc_vscode_os_key(S));
  rc_vs_value m[64];
  size_t n = rc_vscode_members(V, key, m, RC_ARRAY_LEN(m));
  if (!n) return;
  size_t i = 0;
  for (rc_ctx *C; (C = rc_vscode_next_ctx(cx->ctxs, cx->nctxs, &i));) {
    rc_ctx *T = rc_vscode_terminal(S, C->shell);
    for (size_t k = 0; T && k < n && k < RC_ARRAY_LEN(m); k++)
      if (rc_vscode_go_var(m[k].sub) && m[k].value->kind != RC_JSON_NULL) check_var(cx, T, key, &m[k]);
  }
}

const rc_rule rc_rule_rc304 = {
  .id = "RC304",
  .name = "terminal-env-overridden-by-shell",
  .severity = RC_SEV_WARNING,
  .hook = RC_ON_HOME,
  .summary = "terminal.integrated.env sets a Go variable or PATH that the terminal's shell changes again",
  .what = "`terminal.integrated.env.osx` (or `.linux`) sets GOROOT, GOPATH, another Go variable or PATH, "
          "but the shell VS Code then starts in its integrated terminal (a login shell on macOS, whose "
          "startup files run again) sets that variable again, removes the directories the setting added to "
          "PATH, or — macOS's path_helper — moves them behind the system directories.",
  .why = "VS Code applies `terminal.integrated.env.*` to the terminal's environment *before* the shell "
         "starts, so every startup file still has the last word: the setting looks applied in settings.json "
         "and has no effect in the terminal, and the terminal's Go differs from the one intended "
         "(golang/vscode-go#2517).",
  .fix = "Set the variable in one place: in the startup files (for every terminal, VS Code's included), or "
         "guard the startup line so it keeps a value VS Code gave (`export GOROOT=${GOROOT:-/usr/local/go}`); "
         "on macOS, prepend PATH entries in `~/.zprofile` after path_helper, or make the terminal profile a "
         "non-login shell.",
  .bad = "# --- .zshrc\n"
         "export GOROOT=/usr/local/go\n"
         "# --- .config/Code/User/settings.json\n"
         "{ \"terminal.integrated.env.linux\": { \"GOROOT\": \"/opt/go1.22\" } }\n",
  .good = "# --- .zshrc\n"
          "export GOROOT=${GOROOT:-/usr/local/go}\n"
          "# --- .config/Code/User/settings.json\n"
          "{ \"terminal.integrated.env.linux\": { \"GOROOT\": \"/opt/go1.22\" } }\n",
  .check = check,
};
