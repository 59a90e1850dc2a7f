/* zsh_prepass.h — length-preserving rewrite of zsh-only syntax into text
 * tree-sitter-bash can parse. Every byte keeps its offset and every newline
 * stays, so spans in the rewritten text are spans in the original.
 *
 * Two halves: rc_zsh_prepass() rewrites a copy before tree-sitter sees it;
 * rc_zsh_fixup() (zsh_fixup.c) runs on the lowered IR and gives back, from
 * the original bytes, the meaning the rewrite hid. */
#ifndef RC_ZSH_PREPASS_H
#define RC_ZSH_PREPASS_H

#include <stdbool.h>
#include <stdint.h>

#include "ir.h"

/* Rewrites buf[0..len) in place; returns the number of rewrites made. */
uint32_t rc_zsh_prepass(char *buf, uint32_t len);

/* The same, also returning the offsets where top-level statements begin a
 * line, in order (for recover.c); *starts is malloc'ed, the caller frees. */
uint32_t rc_zsh_prepass_starts(char *buf, uint32_t len, uint32_t **starts, uint32_t *nstarts);

/* The same, also returning (when fns is not NULL) the bodies of functions
 * defined outside any function (at the top level, or in an if, a loop, a
 * group), `name() { … }` and `function name { … }`: 2 ×
 * *nfns offsets, the { and the } of each, in order (malloc'ed). parse.c
 * parses those bodies only when a function is called (see lazy bodies there). */
uint32_t rc_zsh_scan(char *buf, uint32_t len, uint32_t **starts, uint32_t *nstarts, uint32_t **fns,
                     uint32_t *nfns);

/* The same, also returning (when fixes is not NULL) where the scan made
 * rewrites that bash needs as well: 2 × *nfixes offsets [a, e), in order
 * (malloc'ed). tree-sitter-bash misreads bash there as it does zsh: a
 * pattern (`[[ $P == *$HOME* ]]`: one token; with `${HOME}` the test splits;
 * a case item's `x*"$y"`: two patterns; `=`'s right side: a regex), a
 * line of assignments only (`a=1 b=2`), which it runs into the next line's
 * command, a line of assignments and redirections only (`X=1 2>/dev/null`,
 * likewise; rc_bash_fixup repairs the IR), `! { … }` (no group after `!`),
 * and an escaped byte after a quote or an expansion (`${a}\[`, two words). Bash files take these bytes from the scanner's copy (parse.c). */
uint32_t rc_zsh_scan_fixes(char *buf, uint32_t len, uint32_t **starts, uint32_t *nstarts, uint32_t **fns,
                          uint32_t *nfns, uint32_t **fixes, uint32_t *nfixes);

/* Walks the IR lowered from the pre-passed text and repairs what the rewrite
 * changed, reading the original bytes `orig`: zsh parameter expansions
 * (flags, nesting, modifiers, $+x, $#x, $x[i]) become RC_WP_PARAM parts with
 * the right name, op and zsh_flags; `for x (…) body` loops become RC_S_FOR.
 * spans_real is false for eval snippets, whose spans all point at the eval. */
void rc_zsh_fixup(rc_ir *ir, const char *orig, uint32_t len, bool spans_real);
/* The same for one statement (a function body parsed later, parse.c). */
void rc_zsh_fixup_stmt(rc_ir *ir, rc_stmt *s, const char *orig, uint32_t len);
/* For bash, the repairs its copy of the scanner's rewrites needs (see
 * rc_zsh_scan_fixes): `X=1 2>/dev/null`, pre-passed to `X=1 :>/dev/null`,
 * becomes a redirected assignment again, `! { … }` (pre-passed to
 * `! ( … )`) a group. */
void rc_bash_fixup(rc_ir *ir, const char *orig, uint32_t len);
void rc_bash_fixup_stmt(rc_ir *ir, rc_stmt *s, const char *orig, uint32_t len);

/* ---- shared by zsh_prepass.c and zsh_fixup.c ---- */

/* The parts of one ${…} expansion, as byte offsets into the text it was
 * scanned from. Empty parts have a == e. */
typedef struct rc_zexp {
  uint32_t end;                /* one past the closing }, or 0 when unterminated */
  uint32_t flags_a, flags_e;   /* (…) expansion flags, parentheses included */
  uint32_t pre_a, pre_e;       /* prefix characters: ^ = ~ + # ! */
  uint32_t subj_a, subj_e;     /* name, special parameter, or nested word */
  bool nested;                 /* subject is ${…}, $(…), "…" or $name */
  uint32_t sub_a, sub_e;       /* subscripts, brackets included */
  bool zsh_sub;                /* (flags) in a subscript, a,b ranges, or two subscripts */
  uint32_t op_a, op_e;         /* operator / modifiers and operand, up to the } */
  bool zsh_op;                 /* zsh-only operator or modifier (:#, :t, :gs/…/…) */
  bool ts_bad;                 /* bash that tree-sitter-bash cannot parse (${v: -1}) */
} rc_zexp;

/* Scans the expansion starting with "${" at text[at]; in_dq: inside "…",
 * where single quotes are literal. */
void rc_zexp_scan(const char *text, uint32_t len, uint32_t at, bool in_dq, rc_zexp *e);

/* True when the expansion uses syntax bash does not have (or that
 * tree-sitter-bash cannot parse). */
bool rc_zexp_is_zsh(const char *text, const rc_zexp *e);

/* One past the end of the quoted string / substitution starting at text[at]
 * ('…', "…", `…`, $'…', $(…), ${…}, $((…)), $name); len when unterminated. */
uint32_t rc_zsh_skip(const char *text, uint32_t len, uint32_t at, bool in_dq);

#endif
