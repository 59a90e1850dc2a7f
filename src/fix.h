/* fix.h — safe fixes: gathered per file into a plan (edits that would
 * overlap an earlier fix are left out, and said so), shown as a unified diff
 * (format_diff.c) or written in place (--fix).
 *
 * Writing is atomic per file: the new text goes to a temporary file in the
 * same folder, which then replaces the original by rename(2), keeping its
 * mode and owner. A symlinked dotfile is edited at its target, so the link
 * stays a link. A file that changed since rccheck read it is not touched.
 * Unless told otherwise, the original is kept as FILE.rccheck.bak beside the
 * (target) file, replacing an older backup of the same name. */
#ifndef RC_FIX_H
#define RC_FIX_H

#include <stdio.h>

#include "lint.h"

#define RC_FIX_BACKUP_SUFFIX ".rccheck.bak"

/* The fixes planned for one file. */
typedef struct rc_fix_file {
  const rc_file *file;      /* the file as the lint saw it (first one met) */
  const rc_source *src;     /* its bytes as read */
  char *real;               /* canonical path: where the bytes are written (owned) */
  RC_VEC(rc_edit) edits;    /* sorted by start; never overlapping; texts borrowed */
  size_t nfixes;            /* findings whose fix is in here */
  char *fixed;              /* the new text (owned) */
  size_t fixed_len;
} rc_fix_file;

typedef struct rc_fix_plan {
  RC_VEC(rc_fix_file) files;
  size_t nfixes;            /* findings fixed by the plan */
  size_t nskipped;          /* safe fixes left out (overlap, file unusable) */
} rc_fix_plan;

/* Gathers the safe fixes of L's diagnostics in their order; each one left
 * out is explained on `err` (NULL: silently). The plan borrows from L. */
void rc_fix_plan_build(const rc_lint *L, rc_fix_plan *P, FILE *err);
void rc_fix_plan_free(rc_fix_plan *P);

typedef struct rc_fix_opts {
  bool no_backup;           /* --no-backup */
} rc_fix_opts;

/* Writes every file of the plan; reports each file written or refused on
 * `err`. Returns the number of files that could not be written (those are
 * left exactly as they were). */
size_t rc_fix_apply(rc_session *S, const rc_fix_plan *P, const rc_fix_opts *o, FILE *err);

#endif
