/* eval_int.h — internals shared by the evaluator's files (eval*.c) and
 * managers.c. Not for rules: they read eval.h. */
#ifndef RC_EVAL_INT_H
#define RC_EVAL_INT_H

#include "chain.h"
#include "eval.h"

enum {
  EV_MAX_SOURCE_DEPTH = 64,
  EV_MAX_CALL_DEPTH = 100,
  EV_MAX_SCOPE_DEPTH = 128,
  EV_MAX_ALTS = 8,
  EV_MAX_STEPS = 2000000,      /* statements evaluated per context */
  EV_MAX_LOOP_ITEMS = 100000,  /* for-loop iterations per context */
  EV_MAX_GLOB = 10000,         /* paths one glob may produce */
  EV_MAX_COMBOS = 16,          /* alternatives enumerated for one assignment */
};

/* Memory one context may use for values before the analysis stops. */
#define EV_MAX_ARENA_BYTES ((size_t)256 << 20)

/* ev_limit kinds: each is reported once per context. */
enum { EV_LIM_VALUE, EV_LIM_NESTING, EV_LIM_WORK, EV_LIM_DEPTH, EV_LIM_ALTS, EV_LIM_COUNT };

/* Abstract exit status. */
typedef enum tri { T_FALSE = 0, T_TRUE = 1, T_UNKNOWN = 2 } tri;

/* FL_ABORT: zsh abandons the file being read after an error such as an
 * assignment to a read-only variable (functions on the way are left too). */
typedef enum flow { FL_NORMAL, FL_RETURN, FL_EXIT, FL_BREAK, FL_CONTINUE, FL_ABORT } flow;

typedef struct res {
  flow fl;
  tri st;
} res;

static inline res ev_res(flow fl, tri st) {
  res r = {fl, st};
  return r;
}

typedef struct fn {
  const rc_stmt *body; /* NULL: autoloaded / unknown body, or not parsed yet: */
  const rc_stmt *def;  /* the definition, when its body is lazy (rc_func_body) */
  const rc_file *file;
  rc_span span;
  /* A choice: the name is defined differently (or not at all) on different
   * paths. `yes` holds under `cond`, `no` on the other paths; NULL: not
   * defined there. body is NULL for a choice. */
  bool choice;
  const struct fn *yes, *no;
  const rc_cond *cond;
} fn;

/* Defined on some paths only (or differently): a call is a branch. */
static inline bool fn_maybe(const fn *f) { return f && f->choice && (!f->yes || !f->no); }

/* An overlay of variables and functions over its parent. */
typedef struct scope {
  rc_map vars;  /* name → const rc_var* */
  rc_map funcs; /* name → const fn* */
  struct scope *parent;
  uint32_t depth;
} scope;

typedef enum frame_kind { FR_CONTEXT, FR_FILE, FR_FUNC, FR_SUBSHELL } frame_kind;

/* A frame: a file being read, a function call, a subshell or the whole
 * context. Paths that leave it early (return, exit) are joined, as they
 * happen, into one "early" state: the frame's changes on those paths. After
 * the first early path only the keys written since the previous one are
 * looked at again (`dirty_*`), so a file of thousands of guarded returns
 * costs what it writes, not returns × variables. */
typedef struct frame {
  frame_kind kind;
  scope *base;
  const rc_cond *conds_at_start;
  RC_VEC(const char *) locals; /* names made local (FR_FUNC) */
  RC_VEC(const rc_var *) saved; /* their values before the call */
  bool early;                  /* some path left early: early_* hold its state */
  rc_map early_vars, early_funcs;
  const rc_cond *early_tag;    /* condition of the first such path */
  rc_map dirty_vars, dirty_funcs; /* written since the last early path */
} frame;

/* A branch point whose outcome is not known: each arm runs in its own
 * overlay; ev_br_end joins them. */
typedef struct branch {
  uint32_t id;
  scope *base;
  const rc_cond *conds_before;
  rc_span span;
  const char *label;
  RC_VEC(scope *) scopes;
  RC_VEC(res) results;
  RC_VEC(bool) deads;
} branch;

typedef struct E {
  rc_session *S;
  rc_ctx *C;
  rc_arena *A;
  rc_shell shell;
  rc_dialect dialect;
  rc_plan plan;
  scope *top;
  const rc_cond *conds;
  uint32_t next_branch;
  RC_VEC(frame *) frames;
  const rc_file *file; /* file being evaluated (NULL: none) */
  int32_t visit;
  RC_VEC(const rc_file *) stack; /* files being sourced, for cycles */
  uint32_t call_depth;
  uint32_t discard;    /* >0: inside a subshell, effects are dropped */
  uint64_t steps, loop_items;
  size_t arena_start;  /* arena size when the context started */
  bool limit_reported[EV_LIM_COUNT];
  uint32_t nearly;     /* frames with early paths (they track writes) */
  rc_map interned;     /* names → one arena copy */
  rc_map problem_keys; /* de-duplication of problems */
  rc_map exec_keys;    /* de-duplication of command substitution sites */
  rc_map named;        /* names already in C->names */
  const rc_var *tied_src[6], *tied_view[6]; /* last array view per tied pair */
  bool stop;           /* NO_RCS: read no further startup files */
  bool macos_sim;      /* simulating macOS without its filesystem */
  bool dead;           /* the early flow being propagated left no live state */
  bool ro_error;       /* the statement assigned to or unset a read-only variable */
  const rc_stmt *cur_stmt;
  bool source_silenced; /* the `source` being run has its stderr redirected */
  rc_map pins;         /* name → alt index + 1, while enumerating alternatives */
  const char *manager; /* events belong to this tool (a manager's own file) */
  const rc_span *span_override; /* where manager effects are reported */
  rc_map ties;         /* zsh typeset -T: array name → tie */
  bool glob_failed;    /* zsh "no matches found": the current file is abandoned */
  bool in_hook;        /* running precmd hooks after the startup files */
  /* Shared walks (eval_ctx.c): `watch` is a variable whose every lookup and
   * write is noticed (`watched`); when `pending`, it is this context's
   * initial variable, put into the root scope when first touched. */
  const char *watch;
  uint32_t watch_hash;
  bool watched, pending;
  bool dash_read;      /* $- was expanded (a terminal's is not -c's, nor a login shell's) */
  bool login_read;     /* the login option was asked for */
} E;

/* ---- eval_ctx.c ---- */
/* `watch` was looked up or written: sharing ends, a pending variable is put. */
void ev_watch_hit(E *e);

/* ---- eval_scope.c ---- */
scope *ev_scope_push(E *e);
void ev_scope_free(scope *s);
frame *ev_frame_push(E *e, frame_kind k);
/* Ends frame f (e->top must be f->base); returns the flow the caller sees. */
res ev_frame_end(E *e, frame *f, res body);
/* A branch: ev_br_begin (false: nested too deeply, nothing to do), then per
 * arm ev_br_arm, the arm's statements and ev_br_arm_end with their result;
 * ev_br_end joins the arms and returns the flow after the branch. */
bool ev_br_begin(E *e, branch *b, rc_span span, const char *label);
void ev_br_arm(E *e, branch *b);
void ev_br_arm_end(E *e, branch *b, res r);
res ev_br_end(E *e, branch *b);
/* A variable as stored (no tied-array view, no PROMPT alias): see ev_get. */
const rc_var *ev_raw_get(E *e, const char *name);
const fn *ev_get_fn(E *e, const char *name);
void ev_put(E *e, const char *name, const rc_var *v);
/* Defines (f) or removes (f NULL) a function in the current scope. */
void ev_put_fn(E *e, const char *name, const fn *f);

/* ---- eval_vars.c ---- */
rc_var *ev_new_var(E *e, uint32_t nalts);
const char *ev_intern(E *e, const char *s);
const rc_var *ev_get(E *e, const char *name);
/* zsh typeset -T SCALAR array [sep] */
void ev_add_tie(E *e, const char *scalar, const char *array, char sep);
/* The scalar a zsh array is tied to (PATH for path), or NULL. */
const char *ev_tied_scalar(E *e, const char *name);
uint32_t ev_reserve_event(E *e);
void ev_commit_event(E *e, uint32_t id, const char *var, rc_op op, rc_span span, rc_span name_span,
                     const rc_alt *after, const char *manager);
void ev_problem(E *e, rc_problem_kind k, rc_span span, const char *target, const char *fmt, ...)
    RC_PRINTF(5, 6);
void ev_limit(E *e, int which, rc_span span, const char *what);
/* Assigns a value on the current path. flags: RC_F_EXPORT … */
void ev_assign(E *e, const char *name, const rc_str *val, uint32_t eid, bool export_it,
               rc_op op, rc_span span, rc_span name_span, const char *manager);
/* Same with several outcomes (one per alternative of the inputs). */
void ev_assign_alts(E *e, const char *name, const rc_str *const *vals, const rc_cond *const *conds,
                    uint32_t n, uint32_t eid, bool export_it, rc_op op, rc_span span,
                    rc_span name_span, const char *manager);
void ev_unset(E *e, const char *name, rc_span span, const char *manager);
void ev_set_export(E *e, const char *name, bool on, rc_span span);
/* Makes name local to frame f (a function call, or a file read with
 * arguments): its value before is put back when f ends. */
void ev_make_local(E *e, frame *f, const char *name);
/* Sets or clears an attribute (RC_VA_READONLY, RC_VA_UNIQUE …) of name. */
void ev_set_attr(E *e, const char *name, uint32_t attr, bool on, rc_span span);
/* $@ becomes args[0..n): a call, `source FILE ARGS`, `set --`, `shift`.
 * The caller makes it local first where the shell does. */
void ev_set_positional(E *e, const rc_str *const *args, size_t n);
bool ev_opt(E *e, const char *name);
void ev_set_opt(E *e, const char *name, bool on);
/* A pseudo-option no setopt can name: `emulate` switched away from zsh. */
#define EV_OPT_EMULATED "<emulated>"

/* setopt/unsetopt NAME: zsh spelling (case, underscores, "no" prefix). */
void ev_set_zsh_option(E *e, const char *raw, bool on);

/* ---- eval_word.c ---- */
/* $- of this shell in a terminal (tty) or not, a login shell or not, into
 * b (24 bytes): what tells the contexts sharing a walk apart (eval_ctx.c). */
void ev_dash_text(E *e, bool tty, bool login, char *b);
/* w is `$-` alone (quoted or not). */
bool ev_word_is_dash(const rc_word *w);
/* The contexts a walk can be shared by (eval_ctx.c) see EV_DASH_VARIANTS
 * values of $-: which of them the glob w matches (bit v), or -1 when w is
 * not literal. All or none: testing $- with w tells none of them apart. */
enum { EV_DASH_VARIANTS = 3, EV_DASH_ALL = (1 << EV_DASH_VARIANTS) - 1 };
int ev_dash_matches(E *e, const rc_word *w);

/* ---- eval.c ---- */
res ev_stmts(E *e, const rc_stmts *ss);
res ev_call(E *e, const char *name, const fn *f, const rc_str *const *args, uint32_t nargs);
void ev_add_hook(E *e, const char *kind, const char *func, rc_span span, const char *manager);

/* ---- eval_source.c ---- */
/* Records a file of the chain; returns its index. */
int32_t ev_add_visit(E *e, const rc_file *f, const char *path, bool exists, bool startup, rc_span via);
res ev_source_path(E *e, const char *path, rc_span span, const rc_word *const *args, uint32_t nargs,
                   bool startup);
/* `source FILE [ARGS]` and `. FILE`. */
res ev_source_stmt(E *e, const rc_stmt *s);
/* `eval ARGS`. */
res ev_eval(E *e, const rc_stmt *s);

/* ---- eval_word.c ---- */
typedef struct wopts {
  const char *self;    /* variable being assigned: its own expansions keep origins */
  uint32_t origin;     /* event id for new text */
  bool assign;         /* tilde after ':' too */
} wopts;

const rc_str *ev_word(E *e, const rc_word *w, const wopts *o);
/* Fields of a command argument: splitting and globbing applied. */
typedef rc_strvec strvec;
void ev_fields(E *e, const rc_word *const *ws, uint32_t n, const wopts *o, strvec *out);
/* Names of multi-valued variables a word expands (for enumerating alternatives). */
typedef RC_VEC(const char *) namevec;
void ev_word_vars(E *e, const rc_word *w, namevec *out);
/* Certain literal text of a word, or NULL. */
const char *ev_word_text(E *e, const rc_word *w);
/* A word's text (rc_str_text with ' ') into out, and whether it is certain,
 * without keeping the value: tests that only compare it (a ":$PATH:" per
 * guard would otherwise stay in the arena for the whole run). */
void ev_word_buf(E *e, const rc_word *w, rc_buf *out, bool *certain);
const rc_str *ev_var_value(E *e, const char *name, bool *is_set, bool *certain);
/* The scalar an array reads as: its elements joined by `sep`, which must
 * live as long as the run (the value points at it); a scalar comes back as
 * is. sep_from_next: a separator without an origin takes the next
 * element's, so a tied PATH's ':' belongs to the change that added the
 * entry after it. */
const rc_str *ev_join_array(E *e, const rc_str *v, const char *sep, bool sep_from_next);
/* Interpret a glob pattern (unquoted parts) against the filesystem. */
void ev_glob(E *e, const char *pattern, bool nullglob, strvec *out, bool *ok);

/* The home directory of the tilde prefix at t (`~`, `~user`); *used: its length. */
const rc_str *ev_tilde_prefix(E *e, const char *t, uint32_t n, uint32_t *used);

/* ---- eval_cond.c ---- */
tri ev_test(E *e, const rc_texpr *t, bool double_bracket);
/* fnmatch(pat, s, 0) == 0, with the guard idioms (*":x:"*, x*, *x) matched
 * as substrings, prefixes and suffixes: the same answer, without fnmatch
 * walking a whole PATH per star. */
bool ev_fnmatch(const char *pat, const char *s);
/* The fnmatch pattern of a pattern word ([[ x == w ]], case): unquoted text
 * and bash's unquoted expansions as pattern bytes, quoted bytes and zsh's
 * expansions (no GLOB_SUBST) escaped, a leading `~`
 * expanded (its value escaped). False when a value is not known. */
bool ev_pattern_text(E *e, const rc_word *w, rc_buf *out);
/* Does s match the pattern, as e's shell matches it: bash's extglob
 * operators `@(…)` `!(…)` `*(…)` `+(…)` `?(…)`, zsh's `(a|b)` groups;
 * T_UNKNOWN for what is not modelled (zsh's `(#…)` flags, ksh operators in
 * zsh, a bare group in bash). */
tri ev_pattern_match(E *e, const char *pat, const char *s);
tri ev_file_test(E *e, char op, const char *path);
/* Looks a command up on PATH: 1 found (path in *where), 0 not found, 2 unknown. */
int ev_lookup_command(E *e, const char *name, const char **where);
/* Value of a command substitution we can compute without running anything
 * (uname, id -u, command -v, dirname …), or NULL. */
const rc_str *ev_pure_cmdsub(E *e, const rc_wpart *p, uint32_t origin);
tri ev_arith(E *e, const char *text, uint32_t len);
/* eval_arith.c: the value of an arithmetic expression, if known. */
bool ev_arith_eval(E *e, const char *text, uint32_t len, rc_span span, long *out);
bool ev_fs_reliable(E *e, const char *path);

/* ---- managers.c ---- */
/* eval "$(X …)" of a known tool: applies its documented effects and returns
 * true. `cmd` is the command inside the substitution as written. */
bool ev_manager_eval(E *e, const rc_stmt *s, const char *cmd);
/* `source <path>` of a known tool's init file: applies its effects. */
bool ev_manager_source(E *e, const char *path, rc_span span);
/* Runs a hook a manager registered (precmd). */
void ev_manager_hook(E *e, const rc_hook *h);

/* ---- eval_ctx.c ---- */
res ev_run_plan(E *e);

/* ---- eval_vscode.c ---- */
/* The editor's settings applied after the vscode context's chain. */
void ev_vscode_layer(E *e);
/* VS Code's environment for its integrated terminal, before the shell starts. */
void ev_vscode_terminal_env(E *e);

#endif
