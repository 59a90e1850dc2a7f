/* diag.h — diagnostics as the engine and the output formats see them. */
#ifndef RC_DIAG_H
#define RC_DIAG_H

#include "rule.h"

typedef struct rc_related {
  const rc_file *file;
  rc_span span;
  const char *message;
} rc_related;

typedef struct rc_edit {
  const rc_file *file;
  rc_span span; /* bytes replaced (may be empty: an insertion) */
  const char *text;
} rc_edit;

struct rc_diag {
  const rc_rule *rule;
  rc_severity severity;
  const rc_file *file;
  rc_span span;
  const char *message;
  RC_VEC(rc_related) notes;
  bool has_fix, fix_safe;
  const char *fix_title;
  RC_VEC(rc_edit) edits;
  uint32_t ctx_mask[RC_SH_COUNT]; /* contexts (bits of rc_ctx_kind) per shell */
  bool fresh;                     /* reported just now: notes and fixes may be added */
};

typedef RC_VEC(rc_diag *) rc_diag_list;

/* "zsh login, zsh vscode" style list (arena). */
const char *rc_diag_contexts_text(rc_session *S, const rc_diag *d);
/* Sorts by file, line, column, id. */
void rc_diag_sort(rc_diag_list *l);
void rc_diag_free(rc_diag *d);

#endif
