/* eval.h — abstract interpretation of a context's startup chain.
 *
 * For one shell × context, the evaluator walks the files the shell reads (the
 * plan comes from chain.c), follows `source` statically, decides the
 * conditions it can (file tests, $-, known strings), keeps both outcomes of
 * the others as alternatives tied to their condition, and records:
 *   - the chain: every file read, with the line that sourced it;
 *   - events: every change to a variable, with its location and value after;
 *   - reads, programs that would run, and problems met on the way.
 * Nothing is ever executed. */
#ifndef RC_EVAL_H
#define RC_EVAL_H

#include "ir.h"
#include "session.h"
#include "value.h"

/* A path condition: the undecided branches (and which arms) that lead here. */
typedef struct rc_cond rc_cond;
struct rc_cond {
  const rc_cond *next;
  uint32_t branch;     /* unique per evaluated branch point */
  uint32_t arms;       /* bit mask of the arms taken */
  const rc_file *file; /* where the branch point is */
  rc_span span;
  const char *label;   /* "if [[ $(uname -m) == arm64 ]]" → short text */
  uint32_t depth;      /* nodes in the list from here (at most 64: older ones are dropped) */
};

/* Two conditions exclude each other when they take different arms of the
 * same branch point. */
bool rc_cond_exclusive(const rc_cond *a, const rc_cond *b);

typedef enum rc_vstate {
  RC_VS_UNSET = 0,
  RC_VS_SET,     /* value certain (no symbolic part) */
  RC_VS_UNKNOWN, /* value depends on something outside the files */
} rc_vstate;

/* One possible outcome of a variable. */
typedef struct rc_alt {
  uint8_t state;
  bool exported;
  const rc_str *val;   /* SET/UNKNOWN; NULL when UNSET */
  const rc_cond *cond; /* when this outcome holds (NULL: always) */
  uint32_t event;      /* the event that produced it, or RC_NO_EVENT */
} rc_alt;

enum {
  RC_VA_UNIQUE = 1u << 0,   /* typeset -U on this name (zsh PATH: the scalar side) */
  RC_VA_READONLY = 1u << 1,
  RC_VA_INTEGER = 1u << 2,
  RC_VA_ARRAY = 1u << 3,
  RC_VA_LOCAL = 1u << 4,
  RC_VA_UNIQUE_ARRAY = 1u << 5, /* zsh typeset -U on the tied array (path): it de-duplicates
                                   assignments to path only, not those to PATH */
};

typedef struct rc_var {
  uint32_t nalts;
  uint32_t attrs;
  const rc_alt *alts;
} rc_var;

/* Summary state as `rccheck env` reports it. */
typedef enum rc_summary { RC_SUM_UNSET, RC_SUM_SET, RC_SUM_UNKNOWN, RC_SUM_MAYBE } rc_summary;
rc_summary rc_var_summary(const rc_var *v);
const char *rc_summary_name(rc_summary s);
/* Exported in every outcome where it is set. */
bool rc_var_exported(const rc_var *v);

typedef enum rc_op {
  RC_OP_INIT,       /* initial environment */
  RC_OP_ASSIGN,     /* X=v, export X=v, typeset X=v */
  RC_OP_APPEND,     /* X+=v, path+=(…) */
  RC_OP_EXPORT,     /* export X (attribute only) */
  RC_OP_UNEXPORT,   /* export -n X, typeset +x X */
  RC_OP_UNSET,
  RC_OP_DEFAULT,    /* ${X:=v} */
  RC_OP_LOCAL,      /* local X (function scope) */
  RC_OP_RESTORE,    /* end of a function's local scope */
  RC_OP_MANAGER,    /* effect of a version manager's init line */
  RC_OP_PATH_HELPER,/* macOS path_helper rebuilt PATH */
  RC_OP_UNIQUE,     /* typeset -U removed duplicates */
  RC_OP_LOOP,       /* for loop variable */
  RC_OP_JOIN,       /* branches merged (not shown in histories) */
  RC_OP_SETTING,    /* an editor setting (VS Code layer) */
} rc_op;
const char *rc_op_name(rc_op op);

typedef struct rc_event {
  uint32_t id;
  const char *var;
  rc_op op;
  const rc_file *file; /* NULL: initial environment or built-in */
  rc_span span;        /* the statement (or word) responsible */
  rc_span name_span;   /* the variable name inside it, when known */
  rc_alt after;        /* outcome on this path after the event (the first one) */
  const rc_var *result;/* the variable after the event, all outcomes */
  const rc_cond *cond;
  const char *manager; /* "goenv", "brew", "path_helper", … or NULL */
  int32_t visit;       /* chain entry in which it happened */
  uint32_t uniq;       /* typeset -U in force (0/1) */
  bool in_hook;        /* made by a prompt hook (precmd), not by the startup files */
} rc_event;

/* One file of the chain. */
typedef struct rc_visit {
  const rc_file *file;
  const char *path;    /* model path */
  bool exists;
  bool startup;        /* read by the shell itself (not sourced) */
  int32_t parent;      /* visit that sourced it, -1 for startup files */
  rc_span via;         /* the source line in the parent */
  const rc_cond *cond; /* undecided conditions guarding it */
  uint32_t depth;
  bool cycle;          /* sourcing it again was refused (cycle) */
  bool unresolved;     /* a `source` whose path is not known statically */
  bool at_exit;        /* read when the shell exits (.zlogout, .bash_logout) */
} rc_visit;

typedef struct rc_read {
  const char *var;
  const rc_file *file;
  rc_span span;
  uint8_t state_before; /* summary at the time of the read */
  int32_t visit;
} rc_read;

typedef struct rc_exec_site {
  const rc_file *file;
  rc_span span;
  const char *text;    /* as written */
  const char *manager; /* recognised init line, or NULL */
  bool cmdsub;         /* inside $(…) / `…` (the output is used) */
  int32_t visit;
  const rc_cond *cond; /* undecided conditions leading here */
  uint32_t events_before; /* events recorded before it (ids below this came first) */
} rc_exec_site;

typedef enum rc_problem_kind {
  RC_PB_SOURCE_MISSING,     /* source of a file that does not exist */
  RC_PB_SOURCE_UNRESOLVED,  /* path cannot be worked out statically */
  RC_PB_SOURCE_CYCLE,
  RC_PB_SOURCE_NOT_REGULAR, /* directory, FIFO, device */
  RC_PB_FILE_UNREADABLE,    /* permission, loop, too large, binary */
  RC_PB_LIMIT,              /* a cap was hit (value size, depth, loop) */
} rc_problem_kind;

typedef struct rc_problem {
  rc_problem_kind kind;
  const rc_file *file;  /* where (the source line's file), NULL: none */
  rc_span span;
  const char *target;   /* the file or thing concerned */
  const char *message;
} rc_problem;

/* A zsh hook function registered with add-zsh-hook or precmd_functions. */
typedef struct rc_hook {
  const char *kind;     /* "precmd", "chpwd", … */
  const char *func;
  const rc_file *file;
  rc_span span;
  const char *manager;
} rc_hook;

struct rc_ctx {
  rc_session *S;
  rc_shell shell;
  rc_ctx_kind kind;
  RC_VEC(rc_visit) visits;
  RC_VEC(rc_event) events;
  RC_VEC(rc_read) reads;
  RC_VEC(rc_exec_site) execs;
  RC_VEC(rc_problem) problems;
  RC_VEC(rc_hook) hooks;
  rc_map final;                 /* name → const rc_var* after the chain */
  RC_VEC(const char *) names;   /* variables the files touch, first-touch order */
  rc_map var_events;            /* name → RC_VEC(uint32_t)* event ids */
  bool ran_precmd;              /* precmd hooks were applied (interactive) */
  bool shared_walk;             /* evaluated in login-interactive's walk (rc_eval_context_group) */
  rc_map before_settings;       /* vscode: name → rc_var* before the editor's settings (vscode.h) */
};

/* Evaluates shell × kind over the session's home. */
rc_ctx *rc_eval_context(rc_session *S, rc_shell sh, rc_ctx_kind k);
/* The same with a given startup plan (chain.h), e.g. one file on its own. */
struct rc_plan;
rc_ctx *rc_eval_context_plan(rc_session *S, rc_shell sh, rc_ctx_kind k, const struct rc_plan *plan);
/* login-interactive, and from the same walk, when `want` asks for them
 * (1 << kind), the vscode context into *vs and zsh's interactive one into
 * *in. vscode reads the same files and starts alike but for VS Code's marker
 * variable and $-; interactive reads the same files but the zprofile ones
 * and differs in the login option and $-. While the walk does not look at
 * what differs (and, for interactive, the zprofile files change nothing but
 * the chain), they are one walk, copied where their paths part: the result
 * is the one each gives evaluated alone. A context the walk cannot give is
 * NULL: evaluate it on its own. */
rc_ctx *rc_eval_context_group(rc_session *S, rc_shell sh, unsigned want, rc_ctx **vs, rc_ctx **in);
void rc_ctx_free(rc_ctx *C);

/* Final variable (NULL when the files never touched it and it is not in the
 * initial environment). */
const rc_var *rc_ctx_var(const rc_ctx *C, const char *name);
/* Event ids touching `name`, in order. */
const uint32_t *rc_ctx_var_events(const rc_ctx *C, const char *name, size_t *n);

#endif
