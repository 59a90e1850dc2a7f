/* convert.h — rccheck diagnostics as LSP objects: a Diagnostic, and the
 * code actions that go with it (the rule's fix, "disable on this line"). */
#ifndef RC_LSP_CONVERT_H
#define RC_LSP_CONVERT_H

#include <jansson.h>

#include "diag.h"
#include "lsp/text.h"

typedef struct rc_lsp_conv {
  rc_lsp_enc enc;
  const char *rules_url;          /* docs base: href = base#ID; NULL or "": none */
  uint32_t read_in[RC_SH_COUNT];  /* contexts that read the document: a finding in all says nothing */
  /* URI for a file (malloc): an open document keeps the URI its client
   * sent. NULL: the file:// URI of its path. */
  char *(*uri_of)(void *ud, const rc_file *f);
  void *ud;
} rc_lsp_conv;

/* The URI of a diagnostic's file as conv names it (malloc). */
char *rc_lsp_file_uri(const rc_lsp_conv *c, const rc_file *f);
/* An LSP Diagnostic for d. */
json_t *rc_lsp_diagnostic(const rc_lsp_conv *c, rc_session *S, const rc_diag *d);
/* Code actions for d, without their "diagnostics" member, or NULL: the
 * rule's fix (preferred when safe), and "disable RCxxx on this line". */
json_t *rc_lsp_fix_action(const rc_lsp_conv *c, const rc_diag *d);
json_t *rc_lsp_disable_action(const rc_lsp_conv *c, const rc_diag *d);

/* The text inserted by the "disable" action for a line, and where (byte
 * offset in the line): " # rccheck disable=ID" at its end, or ",ID" added to
 * the line's own `rccheck disable=` list. False when no safe place exists
 * (a line continued with a backslash). *text is malloc'd. */
bool rc_lsp_disable_edit(const char *line, size_t len, const char *id, size_t *at, char **text);

#endif
