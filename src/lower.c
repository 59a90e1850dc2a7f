/* lower.c — tree-sitter-bash tree → rc IR: statements, simple commands
 * (builtins, declarations, `unset`, `source`…), compound commands, parse
 * errors and the entry point. Words are lowered in lower_word.c, test
 * expressions in lower_test.c; lower_int.h holds what the three share. With
 * parse.c they are the only files that know tree-sitter node types. */
#include <stdlib.h>
#include <string.h>

#include "lower_int.h"

typedef RC_VEC(rc_decl_item) itemvec;
typedef RC_VEC(rc_assign *) assignvec;

/* Node type names the lowering knows, sorted by name (strcmp order): the
 * symbol table is mapped with a binary search, once per parse. */
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

/* ---- children ---- */

/* Children of n, in order, into a per-depth scratch vector (valid until the
 * next call at the same depth). Uses a cursor: ts_node_child(i) is O(i).
 * Field names cost a lookup per child: only callers that read them ask. */
static kidvec *kids(L *l, TSNode n, bool fields) {
  int d = l->depth < 0 ? 0 : (l->depth > LW_MAX_DEPTH + 7 ? LW_MAX_DEPTH + 7 : l->depth);
  kidvec *v = &l->scratch[d];
  v->n = 0;
  TSTreeCursor *c = &l->cursor;
  ts_tree_cursor_reset(c, n);
  if (ts_tree_cursor_goto_first_child(c)) {
    do {
      kid k;
      k.n = ts_tree_cursor_current_node(c);
      k.k = lw_kind_of(l, k.n);
      k.named = ts_node_is_named(k.n);
      k.field = fields ? ts_tree_cursor_current_field_name(c) : NULL;
      rc_vec_push(v, k);
    } while (ts_tree_cursor_goto_next_sibling(c));
  }
  return v;
}

/* Copies the scratch kids so the caller can recurse while iterating. */
static kid *kids_copy_as(L *l, TSNode n, uint32_t *count, bool fields) {
  kidvec *v = kids(l, n, fields);
  *count = (uint32_t)v->n;
  kid *out = rc_xmalloc(sizeof(kid) * (v->n ? v->n : 1));
  if (v->n) memcpy(out, v->v, sizeof(kid) * v->n);
  return out;
}

kid *lw_kids_copy(L *l, TSNode n, uint32_t *count) { return kids_copy_as(l, n, count, false); }
/* The same with each child's field name. */
static kid *kids_fields(L *l, TSNode n, uint32_t *count) { return kids_copy_as(l, n, count, true); }

static bool is_stmt_kind(nkind k) {
  switch (k) {
  case N_COMMAND: case N_DECL: case N_UNSET: case N_VAR_ASSIGN: case N_VAR_ASSIGNS:
  case N_REDIRECTED: case N_IF: case N_WHILE: case N_FOR: case N_CFOR: case N_CASE:
  case N_FUNC: case N_LIST: case N_PIPELINE: case N_NEGATED: case N_SUBSHELL:
  case N_COMPOUND: case N_TEST:
    return true;
  default:
    return false;
  }
}

static bool is_name_char(char c, bool first) {
  return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
}

/* ---- statements ---- */

static rc_stmt *lower_stmt(L *l, TSNode n);

static rc_stmt *new_stmt(L *l, rc_stmt_kind k, TSNode n) {
  rc_stmt *s = rc_arena_alloc(l->A, sizeof *s);
  s->kind = k;
  s->span = lw_span_of(l, n);
  return s;
}

static rc_stmts finish_stmts(L *l, stmtvec *v) {
  rc_stmts s;
  lw_vec_move(l, v, s.v, s.n);
  return s;
}

static void note_comment(L *l, TSNode n) {
  uint32_t len;
  const char *t = lw_text_of(l, n, &len);
  /* "# rccheck …" (also "#rccheck") */
  uint32_t i = 1;
  while (i < len && (t[i] == ' ' || t[i] == '\t')) i++;
  if (len - i < 7 || memcmp(t + i, "rccheck", 7) != 0) return;
  i += 7;
  if (i < len && t[i] != ' ' && t[i] != '\t' && t[i] != ':') return;
  while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == ':')) i++;
  rc_directive d;
  d.span = lw_span_of(l, n);
  d.text = rc_arena_strndup(l->A, t + i, len - i);
  uint32_t a = ts_node_start_byte(n);
  d.own_line = true;
  for (uint32_t j = a; j > 0 && l->orig[j - 1] != '\n'; j--)
    if (l->orig[j - 1] != ' ' && l->orig[j - 1] != '\t') {
      d.own_line = false;
      break;
    }
  rc_vec_push(&l->ir->directives, d);
}

/* Statements among the children [from, to) of a node. ERROR children are
 * recorded and the statements they still contain are recovered. */
static void stmts_from_kids(L *l, kid *ks, uint32_t from, uint32_t to, stmtvec *out) {
  for (uint32_t i = from; i < to; i++) {
    kid *k = &ks[i];
    if (k->k == N_COMMENT) {
      note_comment(l, k->n);
      continue;
    }
    if (k->k == N_ERROR) {
      uint32_t nk;
      kid *inner = lw_kids_copy(l, k->n, &nk);
      l->depth++;
      stmts_from_kids(l, inner, 0, nk, out);
      l->depth--;
      free(inner);
      continue;
    }
    if (!k->named || !is_stmt_kind(k->k)) continue;
    rc_stmt *s = lower_stmt(l, k->n);
    if (!s) continue;
    if (i + 1 < to && !ks[i + 1].named && lw_tok_is(l, ks[i + 1].n, "&")) s->background = true;
    rc_vec_push(out, s);
  }
}

rc_stmts lw_body_of(L *l, TSNode n) {
  stmtvec v = {0};
  uint32_t nk;
  l->depth++;
  kid *ks = lw_kids_copy(l, n, &nk);
  stmts_from_kids(l, ks, 0, nk, &v);
  free(ks);
  l->depth--;
  return finish_stmts(l, &v);
}

/* The same for children already listed (the root's, also counted below). */
static rc_stmts lower_body_kids(L *l, kid *ks, uint32_t nk) {
  stmtvec v = {0};
  l->depth++;
  stmts_from_kids(l, ks, 0, nk, &v);
  l->depth--;
  return finish_stmts(l, &v);
}

/* NAME=value (variable_assignment node). */
static rc_assign *lower_assign(L *l, TSNode n) {
  rc_assign *a = rc_arena_alloc(l->A, sizeof *a);
  a->span = lw_span_of(l, n);
  uint32_t nk;
  kid *ks = kids_fields(l, n, &nk);
  bool seen_op = false;
  for (uint32_t i = 0; i < nk; i++) {
    kid *k = &ks[i];
    if (!seen_op && k->field && !strcmp(k->field, "name")) {
      a->name_span = lw_span_of(l, k->n);
      if (k->k == N_SUBSCRIPT) {
        TSNode nm = ts_node_child_by_field_name(k->n, "name", 4);
        TSNode ix = ts_node_child_by_field_name(k->n, "index", 5);
        a->name = ts_node_is_null(nm) ? lw_dup_text(l, k->n) : lw_dup_text(l, nm);
        if (!ts_node_is_null(ix)) a->index = lw_dup_text(l, ix);
      } else {
        a->name = lw_dup_text(l, k->n);
      }
      continue;
    }
    if (!seen_op && !k->named && (lw_tok_is(l, k->n, "=") || lw_tok_is(l, k->n, "+="))) {
      seen_op = true;
      a->append = lw_tok_is(l, k->n, "+=");
      continue;
    }
    if (seen_op && k->k == N_ARRAY) {
      a->array = true;
      uint32_t ne;
      kid *es = lw_kids_copy(l, k->n, &ne);
      wordvec ev = {0};
      for (uint32_t j = 0; j < ne; j++) {
        if (es[j].k == N_COMMENT) {
          note_comment(l, es[j].n);
          continue;
        }
        if (!es[j].named) continue;
        rc_vec_push(&ev, lw_word(l, es[j].n, RC_Q_NONE));
      }
      lw_vec_move(l, &ev, a->elems, a->nelems);
      free(es);
      continue;
    }
    if (seen_op && k->named && k->k != N_COMMENT && !a->value) {
      /* The value runs from here to the end of the assignment node. */
      a->value = lw_range_word(l, n, ts_node_start_byte(k->n), ts_node_end_byte(n), RC_Q_NONE);
    }
  }
  if (!a->name) a->name = "";
  free(ks);
  return a;
}

/* An argument word of the form NAME=value / NAME+=value (integer x=1,
 * export "A=b" …) turned into an assignment; NULL if it is not one. */
static rc_assign *assign_from_word(L *l, rc_word *w) {
  if (!w->nparts || w->parts[0].kind != RC_WP_LIT) return NULL;
  const char *t = w->parts[0].text;
  uint32_t n = w->parts[0].len, i = 0;
  while (i < n && is_name_char(t[i], i == 0)) i++;
  if (i == 0 || i >= n) return NULL;
  bool append = false;
  if (t[i] == '+' && i + 1 < n && t[i + 1] == '=') append = true;
  else if (t[i] != '=') return NULL;
  rc_assign *a = rc_arena_alloc(l->A, sizeof *a);
  a->span = w->span;
  a->name_span = w->span;
  a->name = rc_arena_strndup(l->A, t, i);
  a->append = append;
  uint32_t skip = i + (append ? 2 : 1);
  rc_word *v = rc_arena_alloc(l->A, sizeof *v);
  *v = *w;
  v->parts = rc_arena_memdup(l->A, w->parts, sizeof(rc_wpart) * w->nparts);
  v->parts[0].text += skip;
  v->parts[0].len -= skip;
  if (v->parts[0].len == 0 && v->nparts > 1) {
    v->parts++;
    v->nparts--;
  }
  const char *eq = strchr(w->raw, '=');
  v->raw = eq ? eq + 1 : w->raw;
  a->value = v;
  return a;
}

static uint32_t parse_flags(const char *t, rc_decl_cmd cmd, uint32_t *set, uint32_t *clear) {
  bool plus = t[0] == '+';
  uint32_t f = 0;
  for (const char *p = t + 1; *p; p++) {
    switch (*p) {
    case 'x': f |= RC_F_EXPORT; break;
    case 'U': f |= RC_F_UNIQUE; break;
    case 'g': f |= RC_F_GLOBAL; break;
    case 'a': f |= RC_F_ARRAY; break;
    case 'A': f |= RC_F_ASSOC; break;
    case 'r': f |= RC_F_READONLY; break;
    case 'i': f |= RC_F_INTEGER; break;
    case 'T': f |= RC_F_TIED; break;
    case 'f': case 'F': f |= RC_F_FUNCS; break;
    case 'p': f |= RC_F_PRINT; break;
    case 'n':
      if (cmd == RC_D_EXPORT) { /* export -n: remove the export attribute */
        *clear |= RC_F_EXPORT;
        *set &= ~(uint32_t)RC_F_EXPORT;
        continue;
      }
      f |= RC_F_NAMEREF;
      break;
    default: f |= RC_F_OTHER; break;
    }
  }
  if (plus) *clear |= f;
  else *set |= f;
  return f;
}

static rc_decl_cmd decl_cmd_of(const char *name) {
  if (!strcmp(name, "export")) return RC_D_EXPORT;
  if (!strcmp(name, "local")) return RC_D_LOCAL;
  if (!strcmp(name, "readonly")) return RC_D_READONLY;
  if (!strcmp(name, "integer") || !strcmp(name, "float")) return RC_D_INTEGER;
  return RC_D_TYPESET;
}

static void decl_init(rc_stmt *s, const char *name) {
  s->u.decl.cmd_name = name;
  s->u.decl.cmd = decl_cmd_of(name);
  if (s->u.decl.cmd == RC_D_EXPORT) s->u.decl.set_flags |= RC_F_EXPORT;
  if (s->u.decl.cmd == RC_D_READONLY) s->u.decl.set_flags |= RC_F_READONLY;
  if (s->u.decl.cmd == RC_D_INTEGER) s->u.decl.set_flags |= RC_F_INTEGER;
}

static bool word_is_flag(const rc_word *w) {
  return w->nparts == 1 && w->parts[0].kind == RC_WP_LIT && w->parts[0].quote == RC_Q_NONE &&
         w->parts[0].len >= 2 && (w->parts[0].text[0] == '-' || w->parts[0].text[0] == '+');
}

static void decl_add_word(L *l, rc_stmt *s, itemvec *items, rc_word *w) {
  if (word_is_flag(w)) {
    parse_flags(w->parts[0].text, s->u.decl.cmd, &s->u.decl.set_flags, &s->u.decl.clear_flags);
    return;
  }
  rc_decl_item it = {0};
  it.span = w->span;
  it.word = w;
  it.assign = assign_from_word(l, w);
  if (it.assign) {
    it.name = it.assign->name;
  } else if (w->nparts == 1 && w->parts[0].kind == RC_WP_LIT) {
    const char *t = w->parts[0].text;
    uint32_t i = 0;
    while (i < w->parts[0].len && is_name_char(t[i], i == 0)) i++;
    if (i && i == w->parts[0].len) it.name = w->parts[0].text;
  }
  rc_vec_push(items, it);
}

static rc_stmt *lower_decl(L *l, TSNode n) {
  rc_stmt *s = new_stmt(l, RC_S_DECL, n);
  uint32_t nk;
  kid *ks = lw_kids_copy(l, n, &nk);
  itemvec items = {0};
  bool have_cmd = false;
  for (uint32_t i = 0; i < nk; i++) {
    kid *k = &ks[i];
    if (!have_cmd && !k->named) {
      decl_init(s, lw_dup_text(l, k->n));
      have_cmd = true;
      continue;
    }
    if (k->k == N_COMMENT) continue;
    if (!k->named) continue;
    if (k->k == N_VAR_ASSIGN) {
      rc_decl_item it = {0};
      it.assign = lower_assign(l, k->n);
      it.name = it.assign->name;
      it.span = it.assign->span;
      rc_vec_push(&items, it);
    } else if (k->k == N_VARIABLE_NAME) {
      rc_decl_item it = {0};
      it.name = lw_dup_text(l, k->n);
      it.span = lw_span_of(l, k->n);
      rc_vec_push(&items, it);
    } else {
      decl_add_word(l, s, &items, lw_word(l, k->n, RC_Q_NONE));
    }
  }
  if (!have_cmd) decl_init(s, "typeset");
  lw_vec_move(l, &items, s->u.decl.items, s->u.decl.nitems);
  free(ks);
  return s;
}

/* `unset` with the nw argument words in w: flags and names, whether the
 * grammar made it an unset_command or a plain command (after `builtin`). */
static rc_stmt *unset_stmt(L *l, TSNode n, rc_word **w, size_t nw) {
  rc_stmt *s = new_stmt(l, RC_S_UNSET, n);
  wordvec names = {0};
  for (size_t i = 0; i < nw; i++) {
    if (!word_is_flag(w[i])) {
      rc_vec_push(&names, w[i]);
      continue;
    }
    for (const char *p = w[i]->parts[0].text + 1; *p; p++) {
      if (*p == 'f') s->u.unset.flags |= RC_F_FUNCS;
      else if (*p == 'v') s->u.unset.flags |= RC_F_VARS;
      else if (*p == 'n') s->u.unset.flags |= RC_F_NAMEREF;
    }
  }
  lw_vec_move(l, &names, s->u.unset.names, s->u.unset.n);
  return s;
}

static rc_stmt *lower_unset(L *l, TSNode n) {
  uint32_t nk;
  kid *ks = lw_kids_copy(l, n, &nk);
  wordvec args = {0};
  for (uint32_t i = 0; i < nk; i++)
    if (ks[i].named && ks[i].k != N_COMMENT) rc_vec_push(&args, lw_word(l, ks[i].n, RC_Q_NONE));
  free(ks);
  rc_stmt *s = unset_stmt(l, n, args.v, args.n);
  rc_vec_free(&args);
  return s;
}

/* ---- simple commands ---- */

static const struct { const char *name; rc_builtin b; } builtins[] = {
  {"return", RC_B_RETURN}, {"exit", RC_B_EXIT}, {"logout", RC_B_EXIT},
  {"setopt", RC_B_SETOPT}, {"unsetopt", RC_B_UNSETOPT}, {"set", RC_B_SET},
  {"emulate", RC_B_EMULATE}, {"true", RC_B_TRUE}, {":", RC_B_TRUE},
  {"false", RC_B_FALSE}, {"shift", RC_B_SHIFT}, {"cd", RC_B_CD},
  {"pushd", RC_B_CD}, {"alias", RC_B_ALIAS}, {"autoload", RC_B_AUTOLOAD},
  {"add-zsh-hook", RC_B_HOOK}, {"break", RC_B_BREAK}, {"continue", RC_B_CONTINUE},
  {"type", RC_B_COMMAND_V}, {"which", RC_B_COMMAND_V}, {"whence", RC_B_COMMAND_V},
  {"hash", RC_B_COMMAND_V}, {"read", RC_B_READ}, {"exec", RC_B_EXEC},
};

/* X=1 Y=2 with no command: a statement of the nv assignments in v. */
static rc_stmt *assign_stmt(L *l, TSNode n, rc_assign **v, size_t nv) {
  rc_stmt *s = new_stmt(l, RC_S_ASSIGN, n);
  s->u.assign.n = (uint32_t)nv;
  s->u.assign.v = nv ? rc_arena_memdup(l->A, v, sizeof(rc_assign *) * nv) : NULL;
  return s;
}

/* A simple command with a name: `source`, `eval`, a declaration, `unset`,
 * `test`, or any other command. Words looked through leave args; what the
 * statement keeps is moved out of args and env (the caller frees the rest). */
static rc_stmt *named_command(L *l, TSNode n, rc_word *name, wordvec *args, assignvec *env) {
  rc_stmt *s;
  /* `builtin X …`, `command X …` (but not `command -v`): look through. */
  const char *nm = lw_word_lit(name);
  while (nm && (!strcmp(nm, "builtin") || !strcmp(nm, "command") || !strcmp(nm, "noglob") ||
                !strcmp(nm, "nocorrect")) && args->n) {
    const char *a0 = lw_word_lit(args->v[0]);
    if (!strcmp(nm, "command") && a0 && a0[0] == '-') break;
    name = args->v[0];
    memmove(args->v, args->v + 1, sizeof(rc_word *) * (args->n - 1));
    args->n--;
    nm = lw_word_lit(name);
  }
  if (nm && (!strcmp(nm, "source") || !strcmp(nm, "."))) {
    s = new_stmt(l, RC_S_SOURCE, n);
    s->u.source.cmd = name;
    if (args->n) {
      s->u.source.path = args->v[0];
      s->u.source.nargs = (uint32_t)args->n - 1;
      s->u.source.args = args->n > 1 ? rc_arena_memdup(l->A, args->v + 1, sizeof(rc_word *) * (args->n - 1)) : NULL;
    }
  } else if (nm && !strcmp(nm, "eval")) {
    s = new_stmt(l, RC_S_EVAL, n);
    lw_vec_move(l, args, s->u.eval.args, s->u.eval.n);
  } else if (nm && (!strcmp(nm, "integer") || !strcmp(nm, "float") ||
                    !strcmp(nm, "export") || !strcmp(nm, "typeset") || !strcmp(nm, "declare") ||
                    !strcmp(nm, "local") || !strcmp(nm, "readonly"))) {
    s = new_stmt(l, RC_S_DECL, n);
    decl_init(s, rc_arena_strdup(l->A, nm));
    itemvec items = {0};
    for (size_t i = 0; i < args->n; i++) decl_add_word(l, s, &items, args->v[i]);
    lw_vec_move(l, &items, s->u.decl.items, s->u.decl.nitems);
  } else if (nm && !strcmp(nm, "unset")) {
    s = unset_stmt(l, n, args->v, args->n);
  } else if (nm && (!strcmp(nm, "test") || !strcmp(nm, "["))) {
    s = new_stmt(l, RC_S_TEST, n);
    uint32_t na = (uint32_t)args->n;
    if (!strcmp(nm, "[") && na && lw_word_lit(args->v[na - 1]) && !strcmp(lw_word_lit(args->v[na - 1]), "]")) na--;
    s->u.test.expr = rc_lower_test_args(l->A, args->v, na, s->span);
  } else {
    s = new_stmt(l, RC_S_CMD, n);
    s->u.cmd.name = name;
    if (nm) {
      for (size_t i = 0; i < RC_ARRAY_LEN(builtins); i++)
        if (!strcmp(nm, builtins[i].name)) s->u.cmd.builtin = builtins[i].b;
      if (!strcmp(nm, "command") && args->n && lw_word_lit(args->v[0]) &&
          (!strcmp(lw_word_lit(args->v[0]), "-v") || !strcmp(lw_word_lit(args->v[0]), "-V")))
        s->u.cmd.builtin = RC_B_COMMAND_V;
      if (s->u.cmd.builtin == RC_B_EXEC && args->n == 0) s->u.cmd.builtin = RC_B_NONE;
    }
    lw_vec_move(l, args, s->u.cmd.args, s->u.cmd.nargs);
    lw_vec_move(l, env, s->u.cmd.env, s->u.cmd.nenv);
  }
  return s;
}

static rc_stmt *lower_command(L *l, TSNode n) {
  uint32_t nk;
  kid *ks = kids_fields(l, n, &nk);
  assignvec env = {0};
  wordvec args = {0};
  rc_word *name = NULL;
  bool redirected = false;
  for (uint32_t i = 0; i < nk; i++) {
    kid *k = &ks[i];
    if (k->k == N_COMMENT) {
      note_comment(l, k->n);
      continue;
    }
    if (!k->named) continue;
    if (k->field && !strcmp(k->field, "redirect")) {
      redirected = true;
      continue;
    }
    if (k->k == N_FILE_REDIRECT || k->k == N_HEREDOC_REDIRECT || k->k == N_HERESTRING) {
      redirected = true;
      continue;
    }
    if (!name && k->k == N_VAR_ASSIGN) {
      rc_vec_push(&env, lower_assign(l, k->n));
      continue;
    }
    if (!name && k->k == N_COMMAND_NAME) {
      name = lw_word(l, k->n, RC_Q_NONE);
      continue;
    }
    if (name) rc_vec_push(&args, lw_word(l, k->n, RC_Q_NONE));
  }
  free(ks);
  bool empty_name = !name || (name->nparts == 0) ||
                    (name->nparts == 1 && name->parts[0].kind == RC_WP_LIT && name->parts[0].len == 0 &&
                     name->parts[0].quote == RC_Q_NONE);
  rc_stmt *s = empty_name ? assign_stmt(l, n, env.v, env.n) : named_command(l, n, name, &args, &env);
  s->redirected = redirected;
  rc_vec_free(&env);
  rc_vec_free(&args);
  return s;
}

/* ---- compound statements ---- */

static rc_stmt *lower_if(L *l, TSNode n) {
  rc_stmt *s = new_stmt(l, RC_S_IF, n);
  RC_VEC(rc_if_clause) cl = {0};
  uint32_t nk;
  kid *ks = lw_kids_copy(l, n, &nk);
  /* if: condition statements up to `then`, body after, until elif/else/fi */
  uint32_t then_at = nk;
  for (uint32_t i = 0; i < nk; i++)
    if (!ks[i].named && lw_tok_is(l, ks[i].n, "then")) {
      then_at = i;
      break;
    }
  rc_if_clause c = {0};
  stmtvec v = {0};
  l->depth++;
  stmts_from_kids(l, ks, 0, then_at, &v);
  c.cond = finish_stmts(l, &v);
  uint32_t body_end = then_at;
  while (body_end < nk && ks[body_end].k != N_ELIF && ks[body_end].k != N_ELSE) body_end++;
  stmts_from_kids(l, ks, then_at < nk ? then_at + 1 : nk, body_end, &v);
  c.body = finish_stmts(l, &v);
  c.span = s->span;
  rc_vec_push(&cl, c);
  for (uint32_t i = body_end; i < nk; i++) {
    if (ks[i].k != N_ELIF && ks[i].k != N_ELSE) continue;
    uint32_t ek;
    kid *es = lw_kids_copy(l, ks[i].n, &ek);
    rc_if_clause e = {0};
    e.span = lw_span_of(l, ks[i].n);
    if (ks[i].k == N_ELIF) {
      uint32_t t = ek;
      for (uint32_t j = 0; j < ek; j++)
        if (!es[j].named && lw_tok_is(l, es[j].n, "then")) {
          t = j;
          break;
        }
      stmts_from_kids(l, es, 0, t, &v);
      e.cond = finish_stmts(l, &v);
      stmts_from_kids(l, es, t < ek ? t + 1 : ek, ek, &v);
      e.body = finish_stmts(l, &v);
    } else {
      stmts_from_kids(l, es, 0, ek, &v);
      e.body = finish_stmts(l, &v);
      s->u.if_.has_else = true;
    }
    rc_vec_push(&cl, e);
    free(es);
  }
  l->depth--;
  free(ks);
  lw_vec_move(l, &cl, s->u.if_.clauses, s->u.if_.n);
  return s;
}

static rc_stmt *lower_while(L *l, TSNode n) {
  rc_stmt *s = new_stmt(l, RC_S_WHILE, n);
  uint32_t nk;
  kid *ks = kids_fields(l, n, &nk);
  stmtvec v = {0};
  l->depth++;
  uint32_t body = nk;
  for (uint32_t i = 0; i < nk; i++) {
    if (!ks[i].named && i == 0 && lw_tok_is(l, ks[i].n, "until")) s->u.while_.until = true;
    if (ks[i].field && !strcmp(ks[i].field, "body")) {
      body = i;
      break;
    }
  }
  stmts_from_kids(l, ks, 0, body, &v);
  s->u.while_.cond = finish_stmts(l, &v);
  if (body < nk) s->u.while_.body = lw_body_of(l, ks[body].n);
  l->depth--;
  free(ks);
  return s;
}

static rc_stmt *lower_for(L *l, TSNode n, bool c_style) {
  rc_stmt *s = new_stmt(l, RC_S_FOR, n);
  s->u.for_.c_style = c_style;
  uint32_t nk;
  kid *ks = kids_fields(l, n, &nk);
  wordvec words = {0};
  l->depth++;
  for (uint32_t i = 0; i < nk; i++) {
    kid *k = &ks[i];
    if (!k->named && lw_tok_is(l, k->n, "in")) s->u.for_.in_list = true;
    if (!k->field) continue;
    if (!strcmp(k->field, "variable")) s->u.for_.var = lw_dup_text(l, k->n);
    else if (!strcmp(k->field, "value")) {
      rc_vec_push(&words, lw_word(l, k->n, RC_Q_NONE));
      s->u.for_.in_list = true;
    } else if (!strcmp(k->field, "body")) s->u.for_.body = lw_body_of(l, k->n);
  }
  l->depth--;
  lw_vec_move(l, &words, s->u.for_.words, s->u.for_.nwords);
  free(ks);
  return s;
}

/* One `pattern | pattern) body ;;` of a case statement. */
static rc_case_item case_item(L *l, TSNode n) {
  rc_case_item it = {0};
  it.span = lw_span_of(l, n);
  uint32_t ik;
  kid *is = kids_fields(l, n, &ik);
  wordvec pats = {0};
  stmtvec body = {0};
  uint32_t body_from = ik;
  for (uint32_t j = 0; j < ik; j++) {
    if (is[j].field && !strcmp(is[j].field, "value")) {
      /* `*":$GOBIN:"*` comes as three adjacent value nodes: one pattern */
      uint32_t a = ts_node_start_byte(is[j].n), b = ts_node_end_byte(is[j].n);
      uint32_t m = j;
      while (m + 1 < ik && is[m + 1].field && !strcmp(is[m + 1].field, "value") &&
             ts_node_start_byte(is[m + 1].n) == b)
        b = ts_node_end_byte(is[++m].n);
      rc_vec_push(&pats, m == j ? lw_word(l, is[j].n, RC_Q_NONE) : lw_range_word(l, n, a, b, RC_Q_NONE));
      j = m;
      continue;
    }
    if (!is[j].named && lw_tok_is(l, is[j].n, ")") && body_from == ik) {
      body_from = j + 1;
      continue;
    }
    if (is[j].field && (!strcmp(is[j].field, "termination") || !strcmp(is[j].field, "fallthrough"))) {
      if (lw_tok_is(l, is[j].n, ";&")) it.term = 1;
      else if (lw_tok_is(l, is[j].n, ";;&")) it.term = 2;
    }
  }
  if (body_from < ik) stmts_from_kids(l, is, body_from, ik, &body);
  it.body = finish_stmts(l, &body);
  lw_vec_move(l, &pats, it.patterns, it.npatterns);
  free(is);
  return it;
}

static rc_stmt *lower_case(L *l, TSNode n) {
  rc_stmt *s = new_stmt(l, RC_S_CASE, n);
  uint32_t nk;
  kid *ks = kids_fields(l, n, &nk);
  RC_VEC(rc_case_item) items = {0};
  l->depth++;
  for (uint32_t i = 0; i < nk; i++) {
    kid *k = &ks[i];
    if (k->field && !strcmp(k->field, "value") && !s->u.case_.subject) {
      s->u.case_.subject = lw_word(l, k->n, RC_Q_NONE);
      continue;
    }
    if (k->k == N_COMMENT) {
      note_comment(l, k->n);
      continue;
    }
    if (k->k == N_CASE_ITEM) rc_vec_push(&items, case_item(l, k->n));
  }
  l->depth--;
  lw_vec_move(l, &items, s->u.case_.items, s->u.case_.n);
  free(ks);
  return s;
}

/* (( … )): the text as written and the expression inside. */
static rc_stmt *lower_arith(L *l, TSNode n) {
  rc_stmt *s = new_stmt(l, RC_S_ARITH, n);
  uint32_t len;
  const char *t = lw_text_of(l, n, &len);
  s->u.arith.text = rc_arena_strndup(l->A, t, len);
  s->u.arith.len = len;
  uint32_t a0 = ts_node_start_byte(n), b0 = ts_node_end_byte(n);
  if (len >= 4 && !memcmp(t + len - 2, "))", 2)) s->u.arith.expr = lw_range_word(l, n, a0 + 2, b0 - 2, RC_Q_NONE);
  return s;
}

/* A body parse.c left out (its bytes blanked, parsed when the function is
 * called): the node is the empty { } standing for one of ir->lazy. */
static bool lazy_body(L *l, TSNode body) {
  const rc_ir *ir = l->ir;
  if (!ir->nlazy || l->snippet_at) return false;
  uint32_t a = ts_node_start_byte(body), e = ts_node_end_byte(body), lo = 0, hi = ir->nlazy;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (ir->lazy[2 * mid] < a) lo = mid + 1;
    else hi = mid;
  }
  return lo < ir->nlazy && ir->lazy[2 * lo] == a && ir->lazy[2 * lo + 1] + 1 == e;
}

static rc_stmt *lower_stmt(L *l, TSNode n) {
  if (++l->depth > LW_MAX_DEPTH) {
    l->ir->too_deep = true;
    l->depth--;
    return new_stmt(l, RC_S_ERROR, n);
  }
  rc_stmt *s = NULL;
  nkind k = lw_kind_of(l, n);
  switch (k) {
  case N_COMMAND:
    s = lower_command(l, n);
    break;
  case N_DECL:
    s = lower_decl(l, n);
    break;
  case N_UNSET:
    s = lower_unset(l, n);
    break;
  case N_VAR_ASSIGN: {
    rc_assign *a = lower_assign(l, n);
    s = assign_stmt(l, n, &a, 1);
    break;
  }
  case N_VAR_ASSIGNS: {
    uint32_t nk;
    kid *ks = lw_kids_copy(l, n, &nk);
    assignvec v = {0};
    for (uint32_t i = 0; i < nk; i++)
      if (ks[i].k == N_VAR_ASSIGN) rc_vec_push(&v, lower_assign(l, ks[i].n));
    s = assign_stmt(l, n, v.v, v.n);
    rc_vec_free(&v);
    free(ks);
    break;
  }
  case N_REDIRECTED: {
    TSNode body = ts_node_child_by_field_name(n, "body", 4);
    if (!ts_node_is_null(body) && is_stmt_kind(lw_kind_of(l, body))) {
      s = lower_stmt(l, body);
      if (s) {
        s->redirected = true;
        s->span = lw_span_of(l, n);
      }
    }
    break;
  }
  case N_IF:
    s = lower_if(l, n);
    break;
  case N_WHILE:
    s = lower_while(l, n);
    break;
  case N_FOR:
  case N_CFOR:
    s = lower_for(l, n, k == N_CFOR);
    break;
  case N_CASE:
    s = lower_case(l, n);
    break;
  case N_FUNC: {
    s = new_stmt(l, RC_S_FUNC, n);
    TSNode nm = ts_node_child_by_field_name(n, "name", 4);
    TSNode body = ts_node_child_by_field_name(n, "body", 4);
    s->u.func.name = ts_node_is_null(nm) ? "" : lw_dup_text(l, nm);
    s->u.func.name_span = ts_node_is_null(nm) ? s->span : lw_span_of(l, nm);
    if (!ts_node_is_null(body) && lazy_body(l, body)) {
      s->u.func.lazy = true;
      s->u.func.body_a = ts_node_start_byte(body);
      s->u.func.body_e = ts_node_end_byte(body);
      rc_vec_push(&l->ir->lazies, s);
    } else if (!ts_node_is_null(body) && is_stmt_kind(lw_kind_of(l, body))) {
      s->u.func.body = lower_stmt(l, body);
    }
    break;
  }
  case N_LIST: {
    uint32_t nk;
    kid *ks = lw_kids_copy(l, n, &nk);
    rc_stmt *lhs = NULL, *rhs = NULL;
    bool is_or = false, seen_op = false;
    for (uint32_t i = 0; i < nk; i++) {
      if (!ks[i].named) {
        if (lw_tok_is(l, ks[i].n, "||")) is_or = true, seen_op = true;
        else if (lw_tok_is(l, ks[i].n, "&&")) seen_op = true;
        continue;
      }
      if (ks[i].k == N_COMMENT) continue;
      if (!is_stmt_kind(ks[i].k)) continue;
      if (!seen_op && !lhs) lhs = lower_stmt(l, ks[i].n);
      else if (seen_op && !rhs) rhs = lower_stmt(l, ks[i].n);
    }
    free(ks);
    if (lhs && rhs) {
      s = new_stmt(l, RC_S_LIST, n);
      s->u.list.lhs = lhs;
      s->u.list.rhs = rhs;
      s->u.list.is_or = is_or;
    } else {
      s = lhs ? lhs : rhs;
    }
    break;
  }
  case N_PIPELINE:
    s = new_stmt(l, RC_S_PIPE, n);
    s->u.pipe.elems = lw_body_of(l, n);
    break;
  case N_NEGATED: {
    s = new_stmt(l, RC_S_NOT, n);
    TSNode inner = ts_node_named_child(n, 0);
    s->u.not_.inner = ts_node_is_null(inner) ? NULL : lower_stmt(l, inner);
    if (!s->u.not_.inner) s->u.not_.inner = new_stmt(l, RC_S_ERROR, n);
    break;
  }
  case N_SUBSHELL:
    s = new_stmt(l, RC_S_SUBSHELL, n);
    s->u.group.body = lw_body_of(l, n);
    break;
  case N_COMPOUND:
  case N_TEST: {
    TSNode first = ts_node_child(n, 0);
    if (!ts_node_is_null(first) && lw_tok_is(l, first, "((")) {
      s = lower_arith(l, n);
    } else if (k == N_COMPOUND) {
      s = new_stmt(l, RC_S_GROUP, n);
      s->u.group.body = lw_body_of(l, n);
    } else {
      s = new_stmt(l, RC_S_TEST, n);
      s->u.test.double_bracket = !ts_node_is_null(first) && lw_tok_is(l, first, "[[");
      s->u.test.expr = lw_test_expr(l, n, s->u.test.double_bracket, s->span);
    }
    break;
  }
  default:
    s = NULL;
    break;
  }
  l->depth--;
  return s;
}

/* ---- errors ---- */

/* Records the outermost ERROR and MISSING nodes, skipping clean subtrees. */
static void collect_errors(L *l, TSNode root) {
  TSTreeCursor c = ts_tree_cursor_new(root);
  bool descend = true;
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(&c);
    bool recorded = false;
    if (ts_node_is_error(n) || ts_node_is_missing(n)) {
      rc_parse_error e;
      e.span = lw_span_of(l, n);
      e.to_eof = ts_node_end_byte(n) >= l->len && ts_node_is_error(n) &&
                 ts_node_start_point(n).row + 1 < ts_node_end_point(n).row;
      rc_vec_push(&l->ir->errors, e);
      recorded = true;
    }
    if (descend && !recorded && ts_node_has_error(n) && ts_tree_cursor_goto_first_child(&c)) continue;
    descend = true;
    if (ts_tree_cursor_goto_next_sibling(&c)) continue;
    bool done = true;
    while (ts_tree_cursor_goto_parent(&c)) {
      if (ts_tree_cursor_goto_next_sibling(&c)) {
        done = false;
        break;
      }
    }
    if (done) break;
  }
  ts_tree_cursor_delete(&c);
}

static void count_top_level(L *l, const kid *ks, uint32_t nk) {
  for (uint32_t i = 0; i < nk; i++) {
    if (ks[i].k == N_ERROR) {
      /* A line of an ERROR region with no statement recovered from it. */
      uint32_t a = ts_node_start_point(ks[i].n).row, b = ts_node_end_point(ks[i].n).row;
      l->ir->top_level_lost += b - a + 1;
      l->ir->top_level_total += b - a + 1;
    } else if (ks[i].named && is_stmt_kind(ks[i].k)) {
      l->ir->top_level_total++;
    }
  }
}

static int kind_name_cmp(const void *key, const void *elem) { return strcmp(key, ((const kind_name *)elem)->name); }

static void init_kinds(L *l, const TSLanguage *lang) {
  l->nsyms = ts_language_symbol_count(lang);
  l->kinds = rc_xcalloc(l->nsyms, 1);
  for (uint32_t s = 0; s < l->nsyms; s++) {
    if (ts_language_symbol_type(lang, (TSSymbol)s) != TSSymbolTypeRegular) continue;
    const char *nm = ts_language_symbol_name(lang, (TSSymbol)s);
    const void *hit = bsearch(nm, kind_names, RC_ARRAY_LEN(kind_names), sizeof kind_names[0], kind_name_cmp);
    if (hit) l->kinds[s] = (uint8_t)((const kind_name *)hit)->k;
  }
}

/* One lowering of a tree into ir: set up, then torn down by l_end(). */
static void l_begin(L *l, rc_ir *ir, TSNode root, const void *language, const char *text, const char *orig,
                    uint32_t len, const rc_span *snippet_at) {
  memset(l, 0, sizeof *l);
  l->ir = ir;
  l->A = &ir->arena;
  l->text = text;
  l->orig = orig;
  l->len = len;
  l->snippet_at = snippet_at;
  l->zsh = ir->zsh;
  init_kinds(l, (const TSLanguage *)language);
  l->cursor = ts_tree_cursor_new(root);
}

static void l_end(L *l) {
  ts_tree_cursor_delete(&l->cursor);
  for (size_t i = 0; i < RC_ARRAY_LEN(l->scratch); i++) rc_vec_free(&l->scratch[i]);
  free(l->kinds);
}

rc_stmt *rc_lower_body(rc_ir *ir, const void *tree_root, const void *language, const char *text,
                       const char *orig, uint32_t len) {
  TSNode root = *(const TSNode *)tree_root;
  L l;
  l_begin(&l, ir, root, language, text, orig, len, NULL);
  uint32_t nk;
  kid *ks = lw_kids_copy(&l, root, &nk);
  rc_stmt *body = NULL;
  l.depth++; /* as inside the definition */
  for (uint32_t i = 0; i < nk && !body; i++)
    if (ks[i].named && is_stmt_kind(ks[i].k)) body = lower_stmt(&l, ks[i].n);
  l.depth--;
  if (ts_node_has_error(root)) collect_errors(&l, root);
  free(ks);
  l_end(&l);
  return body;
}

void rc_lower_tree(rc_ir *ir, const void *tree_root, const void *language, const char *text,
                   const char *orig, uint32_t len, const rc_span *snippet_at) {
  TSNode root = *(const TSNode *)tree_root;
  L l;
  l_begin(&l, ir, root, language, text, orig, len, snippet_at);
  uint32_t nk;
  kid *ks = lw_kids_copy(&l, root, &nk);
  ir->top = lower_body_kids(&l, ks, nk);
  if (!snippet_at) {
    if (ts_node_has_error(root)) collect_errors(&l, root);
    count_top_level(&l, ks, nk);
    ir->first_cmd_line = ir->top.n ? ir->top.v[0]->span.line : 0;
  }
  free(ks);
  l_end(&l);
}
