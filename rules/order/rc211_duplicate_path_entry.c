/* RC211 duplicate-path-entry */
#include <string.h>

#include "rule.h"

static bool same_line(const rc_event *a, const rc_event *b) {
  return a->file == b->file && a->span.start == b->span.start && a->span.end == b->span.end;
}

static void check(rc_check *cx) {
  const rc_ctx *C = cx->ctx;
  const rc_var *v = rc_ctx_var(C, "PATH");
  if (!rc_ctx_is_home(cx, C) || !v || !v->nalts || !v->alts[0].val || (v->attrs & RC_VA_UNIQUE)) return;
  rc_entries e = {0};
  rc_str_split(&cx->S->arena, v->alts[0].val, ':', &e);
  for (size_t j = 0; j < e.n; j++) {
    if (!e.v[j].text[0] || !e.v[j].certain) continue;
    size_t i = 0;
    while (i < j && strcmp(e.v[i].text, e.v[j].text)) i++;
    if (i == j) continue;
    const rc_event *a = e.v[i].origin < C->events.n ? &C->events.v[e.v[i].origin] : NULL;
    const rc_event *b = e.v[j].origin < C->events.n ? &C->events.v[e.v[j].origin] : NULL;
    if (!a || !b || same_line(a, b)) continue; /* one line run twice: file-read-twice */
    /* report the line that added it last; the other is the note */
    const rc_event *late = a->id > b->id ? a : b, *early = late == a ? b : a;
    if (!late->file || !rc_user_file(cx, late->file)) {
      const rc_event *t = late;
      late = early, early = t;
    }
    if (!late->file) continue;
    rc_diag *d = rc_report(cx, late->file, late->span,
                           "%s is already on PATH (%s): this line adds it a second time", rc_path(cx->S, e.v[j].text),
                           early->file ? rc_where(cx->S, early->file, early->span) : "the initial environment");
    if (early->file) rc_note(d, early->file, early->span, "%s is added here too", rc_path(cx->S, e.v[j].text));
  }
  rc_vec_free(&e);
}

const rc_rule rc_rule_rc211 = {
  .id = "RC211",
  .name = "duplicate-path-entry",
  .severity = RC_SEV_STYLE,
  .hook = RC_ON_CONTEXT,
  .summary = "The final PATH lists the same directory twice",
  .what = "Two lines (or a line and the system files) put the same directory on PATH, and no `typeset -U path` "
          "removes the copy.",
  .why = "Harmless for lookup, but it hides the order the lines meant: a later prepend of a directory already "
         "present does not move the first copy, and PATH keeps growing in nested shells.",
  .fix = "Drop one of the lines, guard it (`case \":$PATH:\" in *\":$d:\"*) ;; *) PATH=\"$d:$PATH\";; esac`), or "
         "use `typeset -U path` in zsh.",
  .bad = "# rccheck-fixture: shell=zsh\n# --- .zshenv\nexport PATH=\"$HOME/go/bin:$PATH\"\n"
         "export PATH=\"$HOME/go/bin:$PATH\"\n",
  .good = "# rccheck-fixture: shell=zsh\n# --- .zshenv\nexport PATH=\"$HOME/go/bin:$PATH\"\n",
  .check = check,
};
