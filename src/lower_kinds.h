/* lower_kinds.h — the node types the lowering tells apart, by the
 * grammar's names: lower.c maps a grammar's symbols through it, and
 * gen_kinds.c makes that map for the pinned grammar at build time. */
#ifndef RC_LOWER_KINDS_H
#define RC_LOWER_KINDS_H

#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

#include "lower_int.h"

const TSLanguage *tree_sitter_bash(void);

/* Node type names the lowering knows, sorted by name (strcmp order): the
 * symbol table is mapped with a binary search, once per build (gen_kinds.c). */
typedef struct kind_name {
  const char *name;
  nkind k;
} kind_name;
static const kind_name kind_names[] = {
  {"ERROR", N_ERROR}, {"ansi_c_string", N_ANSI_C}, {"arithmetic_expansion", N_ARITH_EXP}, {"array", N_ARRAY},
  {"binary_expression", N_BINARY}, {"brace_expression", N_BRACE_EXP}, {"c_style_for_statement", N_CFOR},
  {"case_item", N_CASE_ITEM}, {"case_statement", N_CASE}, {"command", N_COMMAND},
  {"command_name", N_COMMAND_NAME}, {"command_substitution", N_CMDSUB}, {"comment", N_COMMENT},
  {"compound_statement", N_COMPOUND}, {"concatenation", N_CONCAT}, {"declaration_command", N_DECL},
  {"do_group", N_DO_GROUP}, {"elif_clause", N_ELIF}, {"else_clause", N_ELSE}, {"expansion", N_EXPANSION},
  {"extglob_pattern", N_EXTGLOB}, {"file_redirect", N_FILE_REDIRECT}, {"for_statement", N_FOR},
  {"function_definition", N_FUNC}, {"heredoc_body", N_HEREDOC_BODY},
  {"heredoc_redirect", N_HEREDOC_REDIRECT}, {"herestring_redirect", N_HERESTRING}, {"if_statement", N_IF},
  {"list", N_LIST}, {"negated_command", N_NEGATED}, {"number", N_NUMBER},
  {"parenthesized_expression", N_PAREN}, {"pipeline", N_PIPELINE}, {"postfix_expression", N_POSTFIX},
  {"process_substitution", N_PROCSUB}, {"program", N_PROGRAM}, {"raw_string", N_RAW_STRING},
  {"redirected_statement", N_REDIRECTED}, {"regex", N_REGEX}, {"simple_expansion", N_SIMPLE_EXP},
  {"special_variable_name", N_SPECIAL_VAR}, {"string", N_STRING}, {"string_content", N_STRING_CONTENT},
  {"subscript", N_SUBSCRIPT}, {"subshell", N_SUBSHELL}, {"ternary_expression", N_TERNARY},
  {"test_command", N_TEST}, {"test_operator", N_TEST_OP}, {"translated_string", N_TRANSLATED},
  {"unary_expression", N_UNARY}, {"unset_command", N_UNSET}, {"variable_assignment", N_VAR_ASSIGN},
  {"variable_assignments", N_VAR_ASSIGNS}, {"variable_name", N_VARIABLE_NAME}, {"while_statement", N_WHILE},
  {"word", N_WORD},
};

static int kind_name_cmp(const void *key, const void *elem) { return strcmp(key, ((const kind_name *)elem)->name); }

/* kinds[s] for every symbol s < n of lang: its nkind, N_OTHER when unknown. */
static inline void rc_kinds_of(const TSLanguage *lang, uint8_t *kinds, uint32_t n) {
  for (uint32_t s = 0; s < n; s++) {
    kinds[s] = N_OTHER;
    if (ts_language_symbol_type(lang, (TSSymbol)s) != TSSymbolTypeRegular) continue;
    const char *nm = ts_language_symbol_name(lang, (TSSymbol)s);
    const kind_name *hit = bsearch(nm, kind_names, sizeof kind_names / sizeof kind_names[0], sizeof kind_names[0],
                                   kind_name_cmp);
    if (hit) kinds[s] = (uint8_t)hit->k;
  }
}

#endif
