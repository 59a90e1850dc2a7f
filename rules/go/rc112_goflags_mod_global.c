/* RC112 goflags-mod-global */
#include <string.h>

#include "rule.h"

static void check(rc_check *cx) {
  const rc_ctx *C = cx->ctx;
  const rc_var *v = rc_ctx_var(C, "GOFLAGS");
  if (!v || !rc_var_exported(v)) return;
  for (uint32_t i = 0; i < v->nalts; i++) {
    const rc_alt *a = &v->alts[i];
    const rc_event *ev = rc_alt_event(C, a);
    if (a->state == RC_VS_UNSET || !ev) continue;
    /* a workspace's settings are per project: where the fix says -mod belongs */
    if (ev->op == RC_OP_SETTING && ev->manager && !strcmp(ev->manager, rc_vs_layer_name(RC_VS_WORKSPACE))) continue;
    const char *t = rc_str_text(&cx->S->arena, a->val, ' ');
    const char *m = strstr(t, "-mod=");
    if (!m || (m != t && m[-1] != ' ')) continue;
    size_t k = strcspn(m, " ");
    rc_report(cx, ev->file, ev->span,
              "GOFLAGS=%s applies `%.*s` to every build in every repository, including ones without a vendor "
              "folder or with a go.mod that must not change",
              t, (int)k, m);
  }
}

const rc_rule rc_rule_rc112 = {
  .id = "RC112",
  .name = "goflags-mod-global",
  .severity = RC_SEV_INFO,
  .hook = RC_ON_CONTEXT,
  .summary = "GOFLAGS sets -mod= for every go command",
  .what = "An exported GOFLAGS holding `-mod=vendor`, `-mod=mod` or `-mod=readonly`.",
  .why = "A per-project choice made global: `-mod=vendor` fails in modules without a vendor folder, `-mod=mod` "
         "lets any build rewrite go.mod; go already picks vendor mode when a vendor folder is present.",
  .fix = "Drop `-mod=…` from GOFLAGS and pass it where a project needs it (its Makefile or CI script).",
  .bad = "# --- .zshenv\n"
         "export GOFLAGS=-mod=vendor\n",
  .good = "# --- .zshenv\n"
         "export GOFLAGS=-trimpath\n",
  .check = check,
};
