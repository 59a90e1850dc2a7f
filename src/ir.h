/* ir.h — the small intermediate representation of the statements that matter
 * for the environment. Lowered once per file from the tree-sitter tree
 * (lower.c); rules and the evaluator read only this, never tree-sitter nodes.
 * Everything here lives in the owning rc_ir's arena. */
#ifndef RC_IR_H
#define RC_IR_H

#include <stdbool.h>
#include <stdint.h>

#include "base.h"
#include "source.h"

/* Byte range [start, end) plus 1-based line/column (columns count bytes). */
typedef struct rc_span {
  uint32_t start, end;
  uint32_t line, col, end_line, end_col;
} rc_span;

/* ---- words ---- */

typedef enum rc_quote {
  RC_Q_NONE = 0, /* unquoted: subject to tilde, glob and field splitting */
  RC_Q_DOUBLE,   /* "…" */
  RC_Q_SINGLE,   /* '…' and $'…' (already unescaped) */
} rc_quote;

typedef enum rc_wpart_kind {
  RC_WP_LIT,     /* literal text (backslash escapes already removed) */
  RC_WP_PARAM,   /* $x ${x} ${x:-w} ${#x} ${x[i]} … */
  RC_WP_CMDSUB,  /* $(…) or `…`: never run; kept as written plus its statements */
  RC_WP_ARITH,   /* $((…)) */
  RC_WP_PROCSUB, /* <(…) >(…) =(…) */
  RC_WP_OPAQUE,  /* something we do not model (brace expansion, zsh flags…) */
} rc_wpart_kind;

/* Parameter expansion operators. */
typedef enum rc_pop {
  RC_POP_NONE = 0,
  RC_POP_DEFAULT,        /* ${x:-w}  (colon: also when empty) */
  RC_POP_ASSIGN_DEFAULT, /* ${x:=w} */
  RC_POP_ALT,            /* ${x:+w} */
  RC_POP_ERROR,          /* ${x:?w} */
  RC_POP_LENGTH,         /* ${#x} */
  RC_POP_TRIM_PREFIX,    /* ${x#p}  (long: ##) */
  RC_POP_TRIM_SUFFIX,    /* ${x%p}  (long: %%) */
  RC_POP_REPLACE,        /* ${x/p/r} (all: //) */
  RC_POP_SUBSTR,         /* ${x:o:l} */
  RC_POP_CASE,           /* ${x^^} ${x,,} … */
  RC_POP_ISSET,          /* zsh ${+x} / $+x */
  RC_POP_FILTER,         /* zsh ${x:#p}: the elements that do not match p */
  RC_POP_OTHER,          /* anything else: value unknown */
} rc_pop;

typedef struct rc_word rc_word;
typedef struct rc_stmt rc_stmt;

typedef struct rc_stmts {
  rc_stmt **v;
  uint32_t n;
} rc_stmts;

typedef struct rc_wpart {
  rc_wpart_kind kind;
  rc_quote quote;
  rc_span span;
  const char *text;  /* LIT: the text; other kinds: the source text as written */
  uint32_t len;
  /* PARAM */
  const char *name;     /* variable name, "@", "#", "-", "0", "1"… */
  const char *subscript;/* ${a[i]}: the index text as written, or NULL */
  rc_pop op;
  bool colon;           /* ${x:-w} vs ${x-w} */
  bool longest;         /* ## %% // */
  bool zsh_flags;       /* ${(…)x}: zsh expansion flags present */
  rc_word *arg;         /* operand word of the operator (ARITH: the expression), or NULL */
  rc_word *arg2;        /* replacement for ${x/p/r}, length for ${x:o:l} */
  /* CMDSUB / PROCSUB: the lowered statements (never executed) */
  rc_stmts body;
} rc_wpart;

struct rc_word {
  rc_span span;
  rc_wpart *parts;
  uint32_t nparts;
  const char *raw; /* source text of the whole word */
};

/* ---- test expressions ([ … ], test …, [[ … ]]) ---- */

typedef enum rc_texpr_kind {
  RC_TX_WORD,   /* bare word: true when non-empty */
  RC_TX_UNARY,  /* -f w, -z w, -o opt, … */
  RC_TX_BINARY, /* w = w, w == w, w != w, w =~ w, -eq, -nt, … */
  RC_TX_NOT,
  RC_TX_AND,
  RC_TX_OR,
  RC_TX_UNKNOWN,/* could not be understood */
} rc_texpr_kind;

typedef struct rc_texpr rc_texpr;
struct rc_texpr {
  rc_texpr_kind kind;
  rc_span span;
  const char *op;     /* "-f", "==", … */
  rc_word *a, *b;     /* operands (WORD uses a) */
  rc_texpr *l, *r;    /* NOT uses l */
  bool pattern_rhs;   /* [[ a == pattern ]]: b is a glob pattern */
};

/* ---- statements ---- */

typedef enum rc_stmt_kind {
  RC_S_ASSIGN,   /* X=1 Y+=2 arr=(…) with no command */
  RC_S_DECL,     /* export/typeset/declare/local/readonly/integer/float */
  RC_S_UNSET,
  RC_S_SOURCE,   /* source / . */
  RC_S_EVAL,
  RC_S_CMD,      /* any other simple command; builtin tells which */
  RC_S_FUNC,     /* function definition */
  RC_S_IF,
  RC_S_CASE,
  RC_S_FOR,
  RC_S_WHILE,
  RC_S_LIST,     /* lhs && rhs, lhs || rhs */
  RC_S_NOT,      /* ! stmt */
  RC_S_PIPE,     /* a | b | c */
  RC_S_SUBSHELL, /* ( … ) */
  RC_S_GROUP,    /* { … } */
  RC_S_TEST,     /* [ … ] test … [[ … ]] */
  RC_S_ARITH,    /* (( … )) */
  RC_S_ERROR,    /* a region the parser could not understand */
} rc_stmt_kind;

/* Builtins the evaluator gives meaning to (RC_S_CMD). */
typedef enum rc_builtin {
  RC_B_NONE = 0,  /* external command, function call or unmodelled builtin */
  RC_B_RETURN,
  RC_B_EXIT,
  RC_B_SETOPT,    /* zsh setopt */
  RC_B_UNSETOPT,
  RC_B_SET,       /* set -a / set -o … */
  RC_B_EMULATE,
  RC_B_TRUE,      /* true, : */
  RC_B_FALSE,
  RC_B_SHIFT,
  RC_B_CD,
  RC_B_ALIAS,
  RC_B_AUTOLOAD,
  RC_B_HOOK,      /* add-zsh-hook */
  RC_B_BREAK,
  RC_B_CONTINUE,
  RC_B_COMMAND_V, /* command -v / type / which / whence / hash (lookup only) */
  RC_B_READ,
  RC_B_EXEC,      /* exec cmd: the shell is replaced, nothing after runs */
} rc_builtin;

/* Declaration commands. */
typedef enum rc_decl_cmd {
  RC_D_EXPORT,
  RC_D_TYPESET, /* typeset and declare */
  RC_D_LOCAL,
  RC_D_READONLY,
  RC_D_INTEGER, /* zsh integer / float */
} rc_decl_cmd;

/* Attribute flags of declarations (set with -x, removed with +x). */
enum {
  RC_F_EXPORT = 1u << 0,   /* x */
  RC_F_UNIQUE = 1u << 1,   /* U (zsh) */
  RC_F_GLOBAL = 1u << 2,   /* g */
  RC_F_ARRAY = 1u << 3,    /* a */
  RC_F_ASSOC = 1u << 4,    /* A */
  RC_F_READONLY = 1u << 5, /* r */
  RC_F_INTEGER = 1u << 6,  /* i */
  RC_F_TIED = 1u << 7,     /* T (zsh) */
  RC_F_FUNCS = 1u << 8,    /* f: operate on functions */
  RC_F_PRINT = 1u << 9,    /* p */
  RC_F_NAMEREF = 1u << 10, /* n (bash) / unset -n */
  RC_F_VARS = 1u << 11,    /* unset -v */
  RC_F_OTHER = 1u << 12,   /* a flag we do not model */
};

typedef struct rc_assign {
  rc_span span;        /* whole NAME=value */
  rc_span name_span;
  const char *name;
  const char *index;   /* arr[i]=… index text, or NULL */
  bool append;         /* += */
  bool array;          /* NAME=( … ) */
  rc_word *value;      /* scalar value (NULL for "X=") */
  rc_word **elems;     /* array elements */
  uint32_t nelems;
} rc_assign;

typedef struct rc_decl_item {
  rc_span span;
  const char *name;    /* NULL when the argument is not a static name */
  rc_assign *assign;   /* NAME=value item, or NULL for a bare name */
  rc_word *word;       /* the argument as a word, when name is NULL */
} rc_decl_item;

typedef struct rc_if_clause {
  rc_stmts cond;       /* empty for the else clause */
  rc_stmts body;
  rc_span span;        /* from if/elif/else keyword to the end of the body */
} rc_if_clause;

typedef struct rc_case_item {
  rc_word **patterns;
  uint32_t npatterns;
  rc_stmts body;
  int term;            /* 0 ";;", 1 ";&" (fall through), 2 ";;&" (test next) */
  rc_span span;
} rc_case_item;

struct rc_stmt {
  rc_stmt_kind kind;
  rc_span span;
  bool background;     /* cmd & — runs in a subshell */
  bool redirected;     /* has redirections (2>/dev/null …) */
  union {
    struct { rc_assign **v; uint32_t n; } assign;                       /* ASSIGN */
    struct {
      rc_decl_cmd cmd;
      const char *cmd_name;                /* "export", "typeset", "declare"… */
      uint32_t set_flags, clear_flags;     /* -x sets EXPORT, +x clears it */
      rc_decl_item *items;
      uint32_t nitems;
    } decl;                                                             /* DECL */
    struct { uint32_t flags; rc_word **names; uint32_t n; } unset;       /* UNSET */
    struct {
      rc_word *cmd;                        /* "source" or "." */
      rc_word *path;                       /* NULL when missing */
      rc_word **args; uint32_t nargs;      /* positional parameters */
    } source;                                                           /* SOURCE */
    struct { rc_word **args; uint32_t n; } eval;                        /* EVAL */
    struct {
      rc_builtin builtin;
      rc_word *name;
      rc_word **args; uint32_t nargs;
      rc_assign **env; uint32_t nenv;      /* X=1 cmd: temporary environment */
    } cmd;                                                              /* CMD */
    struct {
      const char *name;
      rc_span name_span;
      rc_stmt *body;       /* NULL while lazy (use rc_func_body), or when absent */
      bool lazy;           /* body not parsed yet: bytes [body_a, body_e) of the file */
      uint32_t body_a, body_e;
    } func;                                                             /* FUNC */
    struct { rc_if_clause *clauses; uint32_t n; bool has_else; } if_;    /* IF */
    struct { rc_word *subject; rc_case_item *items; uint32_t n; } case_;/* CASE */
    struct {
      const char *var;                     /* NULL for C-style for */
      rc_word **words; uint32_t nwords;
      bool in_list;                        /* false: iterates over "$@" */
      bool c_style;
      rc_stmts body;
    } for_;                                                             /* FOR */
    struct { rc_stmts cond; rc_stmts body; bool until; } while_;       /* WHILE */
    struct { rc_stmt *lhs, *rhs; bool is_or; } list;                    /* LIST */
    struct { rc_stmt *inner; } not_;                                    /* NOT */
    struct { rc_stmts elems; } pipe;                                    /* PIPE */
    struct { rc_stmts body; } group;                                    /* SUBSHELL, GROUP */
    struct { rc_texpr *expr; bool double_bracket; } test;               /* TEST */
    struct { const char *text; uint32_t len; rc_word *expr; } arith;    /* ARITH: expr inside (( )) */
  } u;
};

/* A parse problem: lines the parser could not understand. */
typedef struct rc_parse_error {
  rc_span span;
  bool to_eof;      /* the damage runs to the end of the file */
} rc_parse_error;

/* `# rccheck …` comment directives, found while lowering. */
typedef struct rc_directive {
  rc_span span;
  const char *text;     /* after "rccheck", trimmed */
  bool own_line;        /* the comment is alone on its line */
} rc_directive;

typedef struct rc_ir {
  rc_arena arena;
  const rc_source *src;
  rc_stmts top;
  RC_VEC(rc_parse_error) errors;
  RC_VEC(rc_directive) directives;
  uint32_t top_level_total;   /* top-level statements seen by the parser */
  uint32_t top_level_lost;    /* of those, inside ERROR regions and unrecovered */
  uint32_t first_cmd_line;    /* line of the first command (for file-wide directives) */
  bool too_deep;              /* nesting cap hit while lowering */
  /* Lazy function bodies (parse.c): the bodies of functions defined outside
   * functions are parsed when first asked for (rc_func_body): most of them
   * never run at startup. full: the text they are parsed from (pre-passed,
   * owned); lazy: the { and } offsets of each such body, in pairs (while
   * lowering). */
  char *full;
  uint32_t full_len;
  uint32_t *lazy, nlazy;
  RC_VEC(rc_stmt *) lazies;   /* the definitions whose body is lazy */
  bool zsh;                   /* bodies get the zsh fix-up */
  /* A file parsed in pieces (parse.c): the pieces' own IRs, whose statements
   * `top` lists. An IR may have several holders (a file's IR and the
   * language server's kept pieces): refs counts those beyond the first,
   * and rc_ir_free frees it when the last lets go. */
  RC_VEC(struct rc_ir *) parts;
  uint32_t refs;
} rc_ir;

const char *rc_stmt_kind_name(rc_stmt_kind k);
/* Moves every span of ir's statements, errors and directives by `bytes` and
 * `lines` (ir_shift.c): its text moved in the file, columns unchanged. */
void rc_ir_shift(rc_ir *ir, int64_t bytes, int64_t lines);

#endif
