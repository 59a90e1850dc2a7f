/* RC209 path-clobbered */
#include <string.h>

#include "rule.h"

static bool in_list(const rc_entries *e, const char *text) {
  for (size_t i = 0; i < e->n; i++)
    if (!strcmp(e->v[i].text, text)) return true;
  return false;
}

/* PATH just before event `id`: the value before the first position holding
 * an id >= id. PATH's ids are nearly sorted (an enclosing assignment commits
 * after the ones nested in it), so that position is found by bisection over
 * their running maximum, not by a walk per event (one nested default made
 * the walk run for every event of a long file). */
static const rc_str *path_before(const rc_ctx *C, const uint32_t *ids, const uint32_t *premax, size_t n,
                                 uint32_t id) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (premax[mid] < id) lo = mid + 1;
    else hi = mid;
  }
  return lo ? C->events.v[ids[lo - 1]].after.val : NULL;
}

static void text_of(const rc_str *v, rc_buf *out) {
  rc_buf_reserve(out, 0);
  out->s[out->n] = 0; /* "" when nothing is added */
  for (uint32_t i = 0; i < v->nseg; i++) rc_buf_add(out, v->seg[i].s, v->seg[i].n);
}

/* Does `now` keep every entry of `prev` in one run (`path=(x $path)`,
 * PATH=$PATH:x)? Then nothing is dropped, without splitting either. */
static uint32_t text_len(const rc_str *v) {
  uint32_t n = 0;
  for (uint32_t i = 0; i < v->nseg; i++) n += v->seg[i].n;
  return n;
}

/* The byte of v's text at offset `at` (0 past the end). */
static char byte_at(const rc_str *v, uint32_t at) {
  for (uint32_t i = 0; i < v->nseg; i++) {
    if (at < v->seg[i].n) return v->seg[i].s[at];
    at -= v->seg[i].n;
  }
  return 0;
}

/* Does `small`'s text occur in `big`'s at offset `at`, as whole entries
 * (a ':' or an end on either side)? Segment by segment, without copies. */
static bool entries_at(const rc_str *big, uint32_t blen, uint32_t at, const rc_str *small, uint32_t slen) {
  if (at + slen > blen || (at && byte_at(big, at - 1) != ':') || (at + slen < blen && byte_at(big, at + slen) != ':'))
    return false;
  uint32_t bi = 0, bo = at; /* position in big: segment, offset in it */
  while (bi < big->nseg && bo >= big->seg[bi].n) bo -= big->seg[bi++].n;
  for (uint32_t si = 0, so = 0; si < small->nseg;) {
    if (so >= small->seg[si].n) {
      si++, so = 0;
      continue;
    }
    if (bi >= big->nseg) return false;
    uint32_t k = small->seg[si].n - so, kb = big->seg[bi].n - bo;
    if (kb < k) k = kb;
    if (memcmp(small->seg[si].s + so, big->seg[bi].s + bo, k)) return false;
    so += k, bo += k;
    if (bo >= big->seg[bi].n) bi++, bo = 0;
  }
  return true;
}

static bool keeps_all(const rc_str *prev, const rc_str *now) {
  if (prev->array || now->array || !rc_str_certain(prev) || !rc_str_certain(now)) return false;
  /* PATH=$PATH:x, x:$PATH, a:$PATH:b: the old value is where a segment of
   * the new one starts with its first segment (the same bytes: values are
   * built from the segments of the values they expand). Checked there first,
   * so a home of many PATH lines costs no copy of each value. */
  uint32_t plen = text_len(prev), nlen = text_len(now);
  if (!plen) return true;
  if (plen > nlen) return false;
  uint32_t at = 0;
  for (uint32_t i = 0; i < now->nseg; at += now->seg[i++].n)
    if (now->seg[i].s == prev->seg[0].s && entries_at(now, nlen, at, prev, plen)) return true;
  if (entries_at(now, nlen, 0, prev, plen) || entries_at(now, nlen, nlen - plen, prev, plen)) return true;
  rc_buf ab = {0}, bb = {0}; /* scratch: one of these per PATH line would pile up in the arena */
  text_of(prev, &ab);
  text_of(now, &bb);
  bool kept = ab.n == 0; /* an empty PATH has nothing to lose; else look for a whole run of entries */
  for (const char *p = kept ? NULL : strstr(bb.s, ab.s); p && !kept; p = *p ? strstr(p + 1, ab.s) : NULL)
    kept = (p == bb.s || p[-1] == ':') && (p[ab.n] == ':' || !p[ab.n]);
  rc_buf_free(&ab);
  rc_buf_free(&bb);
  return kept;
}

static void check(rc_check *cx) {
  const rc_ctx *C = cx->ctx;
  if (!rc_ctx_is_home(cx, C)) return;
  /* What is dropped and never comes back: a reset followed by
   * `source /etc/profile` (path_helper) or a rebuild is not a loss. */
  rc_entries final = {0};
  const rc_var *fv = rc_ctx_var(C, "PATH");
  if (fv && fv->nalts == 1 && fv->alts[0].val) rc_str_split(&cx->S->arena, fv->alts[0].val, ':', &final);
  rc_map final_set = {0};
  for (size_t k = 0; k < final.n; k++) rc_map_put(&final_set, final.v[k].text, (void *)1);
  size_t n;
  const uint32_t *ids = rc_ctx_var_events(C, "PATH", &n);
  uint32_t *premax = rc_xmalloc(sizeof(uint32_t) * (n + 1));
  for (size_t i = 0; i < n; i++) premax[i] = i && premax[i - 1] > ids[i] ? premax[i - 1] : ids[i];
  for (size_t i = 0; i < n; i++) {
    const rc_event *ev = &C->events.v[ids[i]];
    if (ev->op != RC_OP_ASSIGN || !ev->file || !rc_user_file(cx, ev->file) || !ev->after.val ||
        !rc_str_certain(ev->after.val))
      continue;
    const rc_str *prev = path_before(C, ids, premax, n, ev->id);
    if (!prev || keeps_all(prev, ev->after.val)) continue;
    rc_entries old = {0}, nowv = {0};
    rc_str_split(&cx->S->arena, prev, ':', &old);
    rc_str_split(&cx->S->arena, ev->after.val, ':', &nowv);
    rc_map now = {0};
    for (size_t k = 0; k < nowv.n; k++) rc_map_put(&now, nowv.v[k].text, (void *)1);
    bool system_gone = !rc_map_has(&now, "/usr/bin") && !rc_map_has(&now, "/bin") &&
                       (in_list(&old, "/usr/bin") || in_list(&old, "/bin")) && !rc_map_has(&final_set, "/usr/bin") &&
                       !rc_map_has(&final_set, "/bin");
    rc_buf dropped = {0};
    size_t nd = 0;
    const rc_event *user_lost[3];
    size_t nu = 0;
    for (size_t k = 0; k < old.n; k++) {
      const rc_entry *x = &old.v[k];
      if (!x->text[0] || rc_map_has(&now, x->text) || rc_map_has(&final_set, x->text)) continue;
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
    rc_vec_free(&nowv);
    rc_map_free(&now);
  }
  free(premax);
  rc_vec_free(&final);
  rc_map_free(&final_set);
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
