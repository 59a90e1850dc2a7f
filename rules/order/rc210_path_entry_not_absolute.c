/* RC210 path-entry-not-absolute */
#include <string.h>

#include "rule.h"

typedef struct bad {
  uint32_t origin;
  const char *text; /* "" for an empty entry */
  const char *where; /* leading, trailing, double colon */
} bad;

/* Entries of a certain PATH value that are empty, `.`, or relative, with the
 * event responsible: an empty entry belongs to the colon that makes it. */
static size_t find_bad(rc_arena *A, const rc_str *v, bad *out, size_t max) {
  size_t n = 0, entry_no = 0;
  uint32_t first_origin = RC_NO_EVENT, last_colon = RC_NO_EVENT;
  rc_buf cur = {0};
  bool certain = true;
  for (uint32_t i = 0; i <= v->nseg && n < max; i++) {
    const rc_seg *g = i < v->nseg ? &v->seg[i] : NULL;
    if (g && g->kind == RC_SEG_SEP) continue;
    uint32_t len = g ? g->n : 1;
    for (uint32_t k = 0; k < len && n < max; k++) {
      bool end = !g || (g->kind == RC_SEG_LIT && g->s[k] == ':');
      if (!end) {
        if (first_origin == RC_NO_EVENT) first_origin = g->origin;
        if (g->kind == RC_SEG_SYM) certain = false;
        rc_buf_putc(&cur, g->s[k]);
        continue;
      }
      const char *t = cur.s ? cur.s : "";
      if (!cur.n) {
        uint32_t o = g ? g->origin : last_colon;
        const char *w = entry_no == 0 ? (g ? "a leading ':'" : "an empty PATH") : g ? "'::'" : "a trailing ':'";
        if (o != RC_NO_EVENT) out[n++] = (bad){o, "", w};
      } else if (certain && (t[0] != '/')) {
        out[n++] = (bad){first_origin, rc_arena_strdup(A, t), NULL};
      }
      if (g) last_colon = g->origin;
      entry_no++;
      rc_buf_clear(&cur);
      first_origin = RC_NO_EVENT;
      certain = true;
    }
  }
  rc_buf_free(&cur);
  return n;
}

static void check(rc_check *cx) {
  const rc_ctx *C = cx->ctx;
  const rc_var *v = rc_ctx_var(C, "PATH");
  if (!rc_ctx_is_home(cx, C) || !v) return;
  for (uint32_t a = 0; a < v->nalts; a++) {
    if (!v->alts[a].val || v->alts[a].val->array) continue;
    bad bs[16];
    size_t n = find_bad(&cx->S->arena, v->alts[a].val, bs, RC_ARRAY_LEN(bs));
    for (size_t i = 0; i < n; i++) {
      const rc_event *ev = bs[i].origin < C->events.n ? &C->events.v[bs[i].origin] : NULL;
      if (!ev || !ev->file) continue;
      if (!bs[i].text[0])
        rc_report(cx, ev->file, ev->span,
                  "this line leaves an empty entry in PATH (%s; an expansion here may be empty): the shell searches "
                  "an empty entry as the current directory, so any program in the folder you are in can run as `go` "
                  "or `ls`",
                  bs[i].where);
      else if (!strcmp(bs[i].text, "."))
        rc_report(cx, ev->file, ev->span,
                  "this line puts `.` on PATH: programs in whatever folder you are in run in place of real commands");
      else
        rc_report(cx, ev->file, ev->span,
                  "this line puts the relative entry `%s` on PATH: it is looked up from the current directory, so "
                  "commands change with the folder you are in%s",
                  bs[i].text, bs[i].text[0] == '~' ? " (a quoted `~` stays literal; bash expands it when it searches PATH, but go, make and other programs do not: use $HOME)" : "");
    }
  }
}

const rc_rule rc_rule_rc210 = {
  .id = "RC210",
  .name = "path-entry-not-absolute",
  .severity = RC_SEV_WARNING,
  .hook = RC_ON_CONTEXT,
  .summary = "PATH holds an empty, `.` or relative entry (the current directory is searched)",
  .what = "An empty PATH entry — a leading or trailing `:`, or `::`, often from an unset variable as in "
          "`PATH=\"$PATH:$GOBIN\"` — or `.`, or a relative entry such as `go/bin` or a quoted `~/go/bin`.",
  .why = "The shell and every program using execvp search an empty or relative entry from the current directory: "
         "a `go` or `ls` dropped into a repository you cloned runs instead of the real one. Relative entries also "
         "make `which` depend on where you are.",
  .fix = "Use absolute directories, and only add a variable's directory when it is set: "
         "`[ -n \"$GOBIN\" ] && PATH=\"$PATH:$GOBIN\"`.",
  .bad = "# rccheck-fixture: shell=zsh\n# --- .zshenv\nexport PATH=\"$PATH:.\"\n",
  .good = "# rccheck-fixture: shell=zsh\n# --- .zshenv\nexport PATH=\"$PATH:$HOME/bin\"\n",
  .check = check,
};
