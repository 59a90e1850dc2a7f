/* cmd_env.c — `rccheck env`: the final value of each variable in each
 * context, with the numbered history of the lines that produced it; `--diff`
 * shows only what differs between contexts, with the deciding line. */
#include <jansson.h>
#include <string.h>

#include "cli.h"
#include "json_text.h"
#include "vscode.h"

typedef RC_VEC(const char *) names_t;
typedef RC_VEC(rc_ctx *) ctxs_t;

/* Colon lists whose entries are worth showing one by one. */
static bool is_list(const char *n) {
  return !strcmp(n, "PATH") || !strcmp(n, "MANPATH") || !strcmp(n, "INFOPATH") || !strcmp(n, "FPATH") ||
         !strcmp(n, "GOPATH") || !strcmp(n, "CDPATH");
}

static const char *where(rc_session *S, const rc_ctx *C, uint32_t ev) {
  if (ev == RC_NO_EVENT || ev >= C->events.n) return "?";
  const rc_event *e = &C->events.v[ev];
  if (!e->file) return e->op == RC_OP_INIT ? "initial environment" : "built-in";
  return rc_arena_printf(&S->arena, "%s:%u", rc_display_path(S, e->file->path), e->span.line);
}

static const char *alt_text(rc_session *S, const rc_alt *a) {
  if (a->state == RC_VS_UNSET) return "(unset)";
  return rc_str_text(&S->arena, a->val, ' ');
}

static const char *cond_short(rc_session *S, const rc_cond *c) {
  if (!c) return NULL;
  const char *l = c->label ? c->label : "condition";
  if (c->file && c->span.line)
    return rc_arena_printf(&S->arena, "%s at %s:%u", l, rc_display_path(S, c->file->path), c->span.line);
  return l;
}

/* Listed by default: what the user's own files touch, and whatever ends up
 * exported (the environment programs see), not the shell settings system
 * files make for themselves. */
static bool worth_listing(const rc_ctx *C, const char *name) {
  const rc_var *v = rc_ctx_var(C, name);
  if (rc_var_exported(v)) return true;
  size_t n;
  const uint32_t *evs = rc_ctx_var_events(C, name, &n);
  const char *home = C->S->opt.home;
  size_t hl = strlen(home);
  for (size_t i = 0; i < n; i++) {
    const rc_file *f = C->events.v[evs[i]].file;
    if (f && f->fs_path && !strncmp(f->fs_path, home, hl) && f->fs_path[hl] == '/') return true;
  }
  return false;
}

static void collect_names(rc_cli *c, ctxs_t *cs, names_t *out) {
  if (c->nargs) {
    for (int i = 0; i < c->nargs; i++) rc_vec_push(out, c->args[i]);
    return;
  }
  rc_map seen = {0};
  for (size_t i = 0; i < cs->n; i++)
    for (size_t k = 0; k < cs->v[i]->names.n; k++) {
      const char *n = cs->v[i]->names.v[k];
      if (rc_map_has(&seen, n)) continue;
      bool worth = false;
      for (size_t j = 0; j < cs->n && !worth; j++) worth = worth_listing(cs->v[j], n);
      if (!worth) continue;
      rc_map_put(&seen, n, (void *)1);
      rc_vec_push(out, n);
    }
  rc_map_free(&seen);
}

static void text_value(rc_session *S, const rc_ctx *C, const rc_var *v, FILE *out) {
  rc_summary sum = rc_var_summary(v);
  if (sum == RC_SUM_UNSET) {
    fprintf(out, "(unset)\n");
    return;
  }
  if (sum == RC_SUM_MAYBE) {
    fprintf(out, "one of %u values%s\n", v->nalts, rc_var_exported(v) ? " (exported)" : "");
    for (uint32_t i = 0; i < v->nalts; i++) {
      const char *cond = cond_short(S, v->alts[i].cond);
      fprintf(out, "      - %s%s%s  [%s]\n", alt_text(S, &v->alts[i]), cond ? "  if " : "", cond ? cond : "",
              where(S, C, v->alts[i].event));
    }
    return;
  }
  fprintf(out, "%s%s%s\n", alt_text(S, &v->alts[0]), sum == RC_SUM_UNKNOWN ? "  (not known statically)" : "",
          rc_var_exported(v) ? "  (exported)" : "  (not exported)");
}

static void text_var(rc_session *S, const rc_ctx *C, const char *name, FILE *out) {
  const rc_var *v = rc_ctx_var(C, name);
  fprintf(out, "  %s %s: ", rc_shell_name(C->shell), rc_ctx_name(C->kind));
  text_value(S, C, v, out);
  size_t n;
  const uint32_t *evs = rc_ctx_var_events(C, name, &n);
  int k = 0;
  for (size_t i = 0; i < n; i++) {
    const rc_event *e = &C->events.v[evs[i]];
    if (e->op == RC_OP_JOIN) continue;
    const char *val = e->after.state == RC_VS_UNSET ? "(unset)" : rc_str_text(&S->arena, e->after.val, ' ');
    if (e->result && e->result->nalts > 1) val = rc_arena_printf(&S->arena, "%s (or %u other values)", val, e->result->nalts - 1);
    fprintf(out, "      %d. %-28s %-11s %s%s%s%s\n", ++k, where(S, C, evs[i]), rc_op_name(e->op), val,
            e->manager ? "  [" : "", e->manager ? e->manager : "", e->manager ? "]" : "");
  }
  if (v && is_list(name) && rc_var_summary(v) != RC_SUM_UNSET && v->alts[0].val) {
    rc_entries ents = {0};
    rc_str_split(&S->arena, v->alts[0].val, ':', &ents);
    fprintf(out, "      entries%s:\n", v->nalts > 1 ? " (first value)" : "");
    for (size_t i = 0; i < ents.n; i++)
      fprintf(out, "        %2zu. %-40s %s\n", i + 1, ents.v[i].text[0] ? ents.v[i].text : "(empty)",
              where(S, C, ents.v[i].origin));
    rc_vec_free(&ents);
  }
}

static json_t *alt_json(rc_session *S, const rc_ctx *C, const rc_alt *a) {
  json_t *o = json_object();
  json_object_set_new(o, "state", rc_json_text(a->state == RC_VS_UNSET ? "unset" : a->state == RC_VS_SET ? "set" : "unknown"));
  json_object_set_new(o, "value", a->state == RC_VS_UNSET ? json_null() : rc_json_text(alt_text(S, a)));
  json_object_set_new(o, "exported", json_boolean(a->exported));
  const char *cond = cond_short(S, a->cond);
  if (cond) json_object_set_new(o, "condition", rc_json_text(cond));
  if (a->event != RC_NO_EVENT && a->event < C->events.n && C->events.v[a->event].file) {
    json_object_set_new(o, "file", rc_json_text(C->events.v[a->event].file->path));
    json_object_set_new(o, "line", json_integer(C->events.v[a->event].span.line));
  }
  return o;
}

static json_t *var_json(rc_session *S, const rc_ctx *C, const char *name) {
  const rc_var *v = rc_ctx_var(C, name);
  rc_summary sum = rc_var_summary(v);
  json_t *o = json_object();
  json_object_set_new(o, "state", rc_json_text(rc_summary_name(sum)));
  json_object_set_new(o, "value", sum == RC_SUM_SET || sum == RC_SUM_UNKNOWN ? rc_json_text(alt_text(S, &v->alts[0])) : json_null());
  json_object_set_new(o, "exported", json_boolean(rc_var_exported(v)));
  json_t *alts = json_array();
  for (uint32_t i = 0; v && sum == RC_SUM_MAYBE && i < v->nalts; i++) json_array_append_new(alts, alt_json(S, C, &v->alts[i]));
  json_object_set_new(o, "alternatives", alts);
  json_t *hist = json_array();
  size_t n;
  const uint32_t *evs = rc_ctx_var_events(C, name, &n);
  for (size_t i = 0; i < n; i++) {
    const rc_event *e = &C->events.v[evs[i]];
    if (e->op == RC_OP_JOIN) continue;
    json_t *h = json_object();
    json_object_set_new(h, "file", e->file ? rc_json_text(e->file->path) : json_null());
    json_object_set_new(h, "line", json_integer(e->span.line));
    json_object_set_new(h, "column", json_integer(e->span.col));
    json_object_set_new(h, "op", rc_json_text(rc_op_name(e->op)));
    json_object_set_new(h, "value", e->after.state == RC_VS_UNSET ? json_null() : rc_json_text(alt_text(S, &e->after)));
    json_object_set_new(h, "exported", json_boolean(e->after.exported));
    if (e->manager) json_object_set_new(h, "manager", rc_json_text(e->manager));
    const char *cond = cond_short(S, e->cond);
    if (cond) json_object_set_new(h, "condition", rc_json_text(cond));
    json_array_append_new(hist, h);
  }
  json_object_set_new(o, "history", hist);
  if (rc_map_has(&C->before_settings, name)) {
    /* what the shell gave, before the editor's settings changed it */
    const rc_var *sv = rc_vscode_shell_var(C, name);
    rc_summary ss = rc_var_summary(sv);
    json_t *sh = json_object();
    json_object_set_new(sh, "state", rc_json_text(rc_summary_name(ss)));
    json_object_set_new(sh, "value", ss == RC_SUM_SET || ss == RC_SUM_UNKNOWN ? rc_json_text(alt_text(S, &sv->alts[0])) : json_null());
    json_object_set_new(sh, "exported", json_boolean(rc_var_exported(sv)));
    json_object_set_new(o, "shell", sh);
  }
  if (v && is_list(name) && sum != RC_SUM_UNSET && v->alts[0].val) {
    json_t *ents = json_array();
    rc_entries es = {0};
    rc_str_split(&S->arena, v->alts[0].val, ':', &es);
    for (size_t i = 0; i < es.n; i++) {
      json_t *en = json_object();
      json_object_set_new(en, "value", rc_json_text(es.v[i].text));
      json_object_set_new(en, "certain", json_boolean(es.v[i].certain));
      uint32_t ev = es.v[i].origin;
      if (ev != RC_NO_EVENT && ev < C->events.n && C->events.v[ev].file) {
        json_object_set_new(en, "file", rc_json_text(C->events.v[ev].file->path));
        json_object_set_new(en, "line", json_integer(C->events.v[ev].span.line));
      }
      json_array_append_new(ents, en);
    }
    rc_vec_free(&es);
    json_object_set_new(o, "entries", ents);
  }
  return o;
}

/* Same final outcome in two contexts? */
static bool same_var(const rc_var *a, const rc_var *b) {
  rc_summary sa = rc_var_summary(a), sb = rc_var_summary(b);
  if (sa != sb) return false;
  if (sa == RC_SUM_UNSET) return true;
  if (a->nalts != b->nalts || rc_var_exported(a) != rc_var_exported(b)) return false;
  for (uint32_t i = 0; i < a->nalts; i++)
    if (a->alts[i].state != b->alts[i].state ||
        (a->alts[i].state != RC_VS_UNSET && !rc_str_equal(a->alts[i].val, b->alts[i].val)))
      return false;
  return true;
}

static const char *cell_value(rc_session *S, const rc_var *v) {
  rc_summary sum = rc_var_summary(v);
  if (sum == RC_SUM_UNSET) return "(unset)";
  if (sum == RC_SUM_MAYBE) {
    rc_buf b = {0};
    for (uint32_t i = 0; i < v->nalts; i++) rc_buf_printf(&b, "%s%s", i ? " | " : "", alt_text(S, &v->alts[i]));
    const char *s = rc_arena_strdup(&S->arena, b.s);
    rc_buf_free(&b);
    return s;
  }
  const char *t = alt_text(S, &v->alts[0]);
  return rc_var_exported(v) ? t : rc_arena_printf(&S->arena, "%s (not exported)", t);
}

static const char *cell_where(rc_session *S, const rc_ctx *C, const rc_var *v) {
  if (!v || !v->nalts) return "";
  if (v->nalts == 1) {
    const char *w = where(S, C, v->alts[0].event);
    return v->alts[0].event == RC_NO_EVENT ? "" : rc_arena_printf(&S->arena, "<- %s", w);
  }
  rc_buf b = {0};
  for (uint32_t i = 0; i < v->nalts; i++) rc_buf_printf(&b, "%s%s", i ? ", " : "<- ", where(S, C, v->alts[i].event));
  const char *s = rc_arena_strdup(&S->arena, b.s);
  rc_buf_free(&b);
  return s;
}

static const char *clip(rc_session *S, const char *s, size_t w) {
  if (strlen(s) <= w) return s;
  return rc_arena_printf(&S->arena, "%.*s…", (int)(w - 1), s);
}

/* Cuts a cell into lines of at most w bytes, preferring to break after ':'. */
static size_t wrap(rc_session *S, const char *s, size_t w, const char **lines, size_t max) {
  size_t n = 0, len = strlen(s);
  while (len && n < max) {
    size_t take = len <= w ? len : w;
    if (take < len)
      for (size_t k = take; k > w / 2; k--)
        if (s[k - 1] == ':' || s[k - 1] == ' ') {
          take = k;
          break;
        }
    lines[n++] = rc_arena_strndup(&S->arena, s, take);
    s += take;
    len -= take;
  }
  if (!n) lines[n++] = "";
  return n;
}

static bool is_go(const char *n) { return !strncmp(n, "GO", 2) || !strcmp(n, "CGO_ENABLED"); }

static int row_rank(const char *n) { return is_go(n) ? 0 : !strcmp(n, "PATH") ? 1 : 2; }

/* One table per shell: rows are variables that differ, columns contexts;
 * each cell is the value (wrapped) and the line that decided it. */
static void diff_text(rc_session *S, ctxs_t *cs, names_t *names, FILE *out) {
  enum { W = 34, MAXL = 16 };
  bool any = false;
  for (int sh = 0; sh < RC_SH_COUNT; sh++) {
    ctxs_t row = {0};
    for (size_t i = 0; i < cs->n; i++)
      if ((int)cs->v[i]->shell == sh) rc_vec_push(&row, cs->v[i]);
    if (row.n < 2) {
      rc_vec_free(&row);
      continue;
    }
    names_t diff = {0};
    for (int rank = 0; rank < 3; rank++)
      for (size_t k = 0; k < names->n; k++) {
        if (row_rank(names->v[k]) != rank) continue;
        const rc_var *first = rc_ctx_var(row.v[0], names->v[k]);
        for (size_t i = 1; i < row.n; i++)
          if (!same_var(first, rc_ctx_var(row.v[i], names->v[k]))) {
            rc_vec_push(&diff, names->v[k]);
            break;
          }
      }
    if (!diff.n) {
      rc_vec_free(&row);
      rc_vec_free(&diff);
      continue;
    }
    any = true;
    fprintf(out, "%s: %zu variable%s differ%s between contexts\n\n", rc_shell_name((rc_shell)sh), diff.n,
            diff.n == 1 ? "" : "s", diff.n == 1 ? "s" : "");
    fprintf(out, "%-12s", "");
    for (size_t i = 0; i < row.n; i++) fprintf(out, " | %-*s", W, rc_ctx_name(row.v[i]->kind));
    fputc('\n', out);
    for (size_t k = 0; k < diff.n; k++) {
      fprintf(out, "%-12s", "------------");
      for (size_t i = 0; i < row.n; i++) fprintf(out, "-+-%.*s", W, "--------------------------------------------------");
      fputc('\n', out);
      const char *cells[16][MAXL];
      size_t ncell[16], height = 1;
      for (size_t i = 0; i < row.n && i < 16; i++) {
        const rc_var *v = rc_ctx_var(row.v[i], diff.v[k]);
        ncell[i] = wrap(S, rc_display_value(S, cell_value(S, v)), W, cells[i], MAXL - 1);
        const char *w = cell_where(S, row.v[i], v);
        if (*w) cells[i][ncell[i]++] = clip(S, w, W);
        if (ncell[i] > height) height = ncell[i];
      }
      for (size_t l = 0; l < height; l++) {
        fprintf(out, "%-12s", l == 0 ? clip(S, diff.v[k], 12) : "");
        for (size_t i = 0; i < row.n && i < 16; i++) {
          const char *t = l < ncell[i] ? cells[i][l] : "";
          size_t shown = strlen(t) - (strstr(t, "…") ? 2 : 0);
          fprintf(out, " | %s%*s", t, (int)(W > shown ? W - shown : 0), "");
        }
        fputc('\n', out);
      }
    }
    fputc('\n', out);
    rc_vec_free(&row);
    rc_vec_free(&diff);
  }
  if (!any) fprintf(out, "No variable differs between the contexts.\n");
}

static json_t *diff_json(rc_session *S, ctxs_t *cs, names_t *names) {
  json_t *arr = json_array();
  for (size_t k = 0; k < names->n; k++) {
    for (int sh = 0; sh < RC_SH_COUNT; sh++) {
      ctxs_t row = {0};
      for (size_t i = 0; i < cs->n; i++)
        if ((int)cs->v[i]->shell == sh) rc_vec_push(&row, cs->v[i]);
      bool differs = false;
      for (size_t i = 1; i < row.n; i++)
        differs |= !same_var(rc_ctx_var(row.v[0], names->v[k]), rc_ctx_var(row.v[i], names->v[k]));
      if (differs) {
        json_t *o = json_object();
        json_object_set_new(o, "variable", rc_json_text(names->v[k]));
        json_object_set_new(o, "shell", rc_json_text(rc_shell_name((rc_shell)sh)));
        json_t *cells = json_object();
        for (size_t i = 0; i < row.n; i++) {
          const rc_var *v = rc_ctx_var(row.v[i], names->v[k]);
          json_t *cell = json_object();
          json_object_set_new(cell, "value", rc_json_text(cell_value(S, v)));
          json_object_set_new(cell, "state", rc_json_text(rc_summary_name(rc_var_summary(v))));
          json_object_set_new(cell, "decided_at", rc_json_text(cell_where(S, row.v[i], v)));
          json_object_set_new(cells, rc_ctx_name(row.v[i]->kind), cell);
        }
        json_object_set_new(o, "contexts", cells);
        json_array_append_new(arr, o);
      }
      rc_vec_free(&row);
    }
  }
  return arr;
}

/* `j` as json_dumpf with JSON_INDENT(2) prints it nested `depth` levels deep. */
static void dump_at(json_t *j, int depth, FILE *out) {
  char *s = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);
  for (const char *p = s ? s : "null"; *p; p++) {
    fputc(*p, out);
    if (*p == '\n') fprintf(out, "%*s", depth * 2, "");
  }
  free(s);
  json_decref(j);
}

/* The same document as one json_dumpf of the whole tree, written one
 * variable at a time: the tree of 50,000 variables × 6 contexts took
 * hundreds of MB. */
static void json_stream(rc_session *S, ctxs_t *cs, names_t *names, FILE *out) {
  fputs("{\n  \"contexts\": ", out);
  fputs(cs->n ? "[" : "[]", out);
  for (size_t i = 0; i < cs->n; i++) {
    fprintf(out, "%s\n    {\n      \"name\": \"%s\",\n      \"shell\": \"%s\",\n      \"vars\": %s", i ? "," : "",
            rc_ctx_name(cs->v[i]->kind), rc_shell_name(cs->v[i]->shell), names->n ? "{" : "{}");
    for (size_t k = 0; k < names->n; k++) {
      fprintf(out, "%s\n        ", k ? "," : "");
      dump_at(rc_json_text(names->v[k]), 4, out);
      fputs(": ", out);
      dump_at(var_json(S, cs->v[i], names->v[k]), 4, out);
    }
    fputs(names->n ? "\n      }\n    }" : "\n    }", out);
  }
  fputs(cs->n ? "\n  ]\n}\n" : "\n}\n", out);
}

int rc_cmd_env(rc_cli *c, FILE *out) {
  rc_session *S = rc_cli_session(c);
  if (!S) return RC_EXIT_USAGE;
  unsigned shells = rc_cli_shells(c, S), ctxmask = rc_cli_ctxs(c);
  S->want_ctxs = ctxmask;
  ctxs_t cs = {0};
  for (int sh = 0; sh < RC_SH_COUNT; sh++)
    for (int k = 0; k < RC_CTX_COUNT; k++)
      if ((shells & (1u << sh)) && (ctxmask & (1u << k))) rc_vec_push(&cs, rc_session_ctx(S, (rc_shell)sh, (rc_ctx_kind)k));
  names_t names = {0};
  collect_names(c, &cs, &names);
  if (c->diff && !c->nargs) {
    /* the environment programs see: exported somewhere (or a Go variable) */
    names_t keep = {0};
    for (size_t k = 0; k < names.n; k++) {
      bool exp = is_go(names.v[k]);
      for (size_t i = 0; i < cs.n && !exp; i++) exp = rc_var_exported(rc_ctx_var(cs.v[i], names.v[k]));
      if (exp) rc_vec_push(&keep, names.v[k]);
    }
    rc_vec_free(&names);
    names = keep;
  }
  bool json = c->format && !strcmp(c->format, "json");
  if (c->diff) {
    if (json) {
      json_t *root = json_object();
      json_object_set_new(root, "differences", diff_json(S, &cs, &names));
      json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
      fputc('\n', out);
      json_decref(root);
    } else {
      diff_text(S, &cs, &names, out);
    }
  } else if (json) {
    json_stream(S, &cs, &names, out);
  } else {
    for (size_t k = 0; k < names.n; k++) {
      fprintf(out, "%s%s\n", k ? "\n" : "", names.v[k]);
      for (size_t i = 0; i < cs.n; i++) text_var(S, cs.v[i], names.v[k], out);
    }
    if (!names.n) fprintf(out, "The startup files set no variables.\n");
  }
  rc_vec_free(&names);
  rc_vec_free(&cs);
  rc_session_free(S);
  return RC_EXIT_OK;
}
