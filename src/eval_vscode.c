/* eval_vscode.c — the editor's settings as events of a context (vscode.h):
 * what the Go extension gives the tools it runs, after the vscode context's
 * chain; and the environment VS Code starts its integrated terminal with,
 * before that terminal's chain. Every change is an ordinary event made with
 * ev_assign/ev_unset, so `rccheck env` and the rules see where it came from. */
#include <string.h>

#include "eval_int.h"
#include "vscode.h"

/* ${env:NAME} against the state being evaluated: the extension host's
 * environment (or VS Code's, for the terminal). As in the shell, the text
 * belongs to the setting, except a variable's own old value (PATH in PATH). */
typedef struct env_ud {
  E *e;
  const char *self;
  uint32_t eid;
  const rc_ctx *vscode; /* resolve against VS Code's environment instead (inheritEnv off) */
} env_ud;

static const rc_str *e_env(void *ud, const char *name) {
  env_ud *u = ud;
  bool set = true, certain;
  const rc_str *v;
  if (u->vscode) {
    const rc_var *var = rc_vscode_shell_var(u->vscode, name);
    set = rc_var_exported(var);
    v = !set ? NULL
        : rc_var_summary(var) == RC_SUM_MAYBE ? rc_str_sym(u->e->A, rc_arena_printf(u->e->A, "${env:%s}", name), u->eid)
                                               : var->alts[0].val;
  } else {
    v = ev_var_value(u->e, name, &set, &certain);
  }
  if (!set) return NULL;
  if (!u->vscode && u->self && !strcmp(name, u->self)) return v;
  rc_strb b = {0};
  rc_strb_str_origin(&b, v, u->eid);
  return rc_strb_finish(&b, u->e->A);
}

/* Remembers what the shell gave before the first setting changes `name`. */
static void snapshot(E *e, const char *name) {
  if (rc_map_has(&e->C->before_settings, name)) return;
  const rc_var *v = ev_get(e, name);
  rc_map_put(&e->C->before_settings, ev_intern(e, name), (void *)(v ? v : ev_new_var(e, 0)));
}

/* The value a setting gives a variable, or NULL for values that set none. */
static const rc_str *setting_str(E *e, const char *var, const rc_json *v, unsigned flags, uint32_t eid,
                                 const rc_ctx *vscode) {
  env_ud u = {e, var, eid, vscode};
  switch (v->kind) {
  case RC_JSON_STRING: return rc_vscode_resolve(e->S, v->text, flags, e_env, &u, eid);
  case RC_JSON_NUMBER:
  case RC_JSON_BOOL: return rc_str_lit(e->A, v->text, eid);
  default: return NULL;
  }
}

static void apply(E *e, const char *var, const rc_vs_value *sv, const rc_str *val, uint32_t eid) {
  const rc_file *saved = e->file;
  int32_t visit = e->visit;
  e->file = sv->from->file;
  e->visit = -1;
  snapshot(e, var);
  const char *layer = rc_vs_layer_name(sv->from->layer);
  if (val) ev_assign(e, var, val, eid, true, RC_OP_SETTING, sv->value->span, sv->key_span, layer);
  else ev_unset(e, var, sv->value->span, layer);
  e->file = saved;
  e->visit = visit;
}

static void set_from(E *e, const char *var, const rc_vs_value *sv, unsigned flags, const rc_ctx *vscode) {
  uint32_t eid = ev_reserve_event(e);
  const rc_str *val = setting_str(e, var, sv->value, flags, eid, vscode);
  if (!val) return;
  apply(e, var, sv, val, eid);
}

void ev_vscode_layer(E *e) {
  const rc_vscode *V = rc_vscode_get(e->S);
  const rc_cond *conds = e->conds;
  e->conds = NULL;
  rc_vs_value sv;
  /* go.goroot: ignored (with a warning) when the folder does not exist */
  if (rc_vscode_value(V, "go.goroot", NULL, &sv) && rc_json_string(sv.value) && *sv.value->text) {
    env_ud u = {e, NULL, RC_NO_EVENT, NULL};
    const rc_str *g = rc_vscode_resolve(e->S, sv.value->text, rc_vscode_flags("go.goroot"), e_env, &u, RC_NO_EVENT);
    const char *t = rc_str_certain(g) ? rc_str_text(e->A, g, ':') : NULL;
    bool set, certain;
    const rc_str *cur = ev_var_value(e, "GOROOT", &set, &certain);
    bool same = t && set && certain && rc_str_is(cur, t);
    if (!same && (!t || rc_vscode_is_dir(e->S, t) != 0)) set_from(e, "GOROOT", &sv, rc_vscode_flags("go.goroot"), NULL);
  }
  /* The tools' GOPATH is go.gopath, else the environment's, set after
   * go.toolsEnvVars: a GOPATH there only counts when neither is set. */
  bool gopath = rc_vscode_value(V, "go.gopath", NULL, &sv) && rc_json_string(sv.value) && *sv.value->text;
  bool set = rc_var_exported(ev_get(e, "GOPATH")); /* in the extension host's environment */
  rc_vs_value m[64];
  size_t n = rc_vscode_members(V, "go.toolsEnvVars", m, RC_ARRAY_LEN(m));
  for (size_t i = 0; i < n && i < RC_ARRAY_LEN(m); i++)
    if (strcmp(m[i].sub, "GOPATH") || (!gopath && !set))
      set_from(e, m[i].sub, &m[i], rc_vscode_flags("go.toolsEnvVars"), NULL);
  if (gopath) set_from(e, "GOPATH", &sv, rc_vscode_flags("go.gopath"), NULL);
  e->conds = conds;
}

/* VS Code's own environment (the shell's, before the Go extension's
 * changes) as the terminal's starting point. */
static void inherit(E *e, rc_ctx *vc) {
  for (size_t i = 0; i < vc->final.cap; i++) {
    const char *name = vc->final.slots[i].key;
    if (!name || !strcmp(name, "VSCODE_RESOLVING_ENVIRONMENT")) continue;
    const rc_var *v = rc_vscode_shell_var(vc, name);
    /* the environment holds strings: zsh's path array view is PATH's */
    if (!rc_var_exported(v) || (v->attrs & RC_VA_ARRAY) || (v->alts[0].val && v->alts[0].val->array)) continue;
    uint32_t eid = ev_reserve_event(e);
    rc_strb b = {0};
    if (rc_var_summary(v) == RC_SUM_MAYBE) {
      const char *sym = rc_arena_printf(e->A, "<%s of VS Code's environment>", name);
      rc_strb_sym(&b, sym, (uint32_t)strlen(sym), eid);
    } else {
      rc_strb_str_origin(&b, v->alts[0].val, eid);
    }
    ev_assign(e, name, rc_strb_finish(&b, e->A), eid, true, RC_OP_INIT, (rc_span){0}, (rc_span){0}, "VS Code");
  }
}

void ev_vscode_terminal_env(E *e) {
  rc_session *S = e->S;
  const rc_vscode *V = rc_vscode_get(S);
  rc_vs_value sv;
  bool inherit_env = true;
  if (rc_vscode_value(V, "terminal.integrated.inheritEnv", NULL, &sv) && sv.value->kind == RC_JSON_BOOL)
    inherit_env = sv.value->boolean;
  /* ${env:NAME} is VS Code's environment either way */
  rc_ctx *vc = rc_session_ctx(S, e->shell, RC_CTX_VSCODE);
  if (inherit_env) inherit(e, vc);
  uint32_t eid = ev_reserve_event(e);
  ev_assign(e, "TERM_PROGRAM", rc_str_lit(e->A, "vscode", eid), eid, true, RC_OP_INIT, (rc_span){0}, (rc_span){0},
            "VS Code");
  const char *key = rc_arena_printf(e->A, "terminal.integrated.env.%s", rc_vscode_os_key(S));
  rc_vs_value m[64];
  size_t n = rc_vscode_members(V, key, m, RC_ARRAY_LEN(m));
  for (size_t i = 0; i < n && i < RC_ARRAY_LEN(m); i++) {
    if (m[i].value->kind == RC_JSON_NULL) { /* null removes the variable */
      apply(e, m[i].sub, &m[i], NULL, RC_NO_EVENT);
      continue;
    }
    set_from(e, m[i].sub, &m[i], rc_vscode_flags(key), inherit_env ? NULL : vc);
  }
}
