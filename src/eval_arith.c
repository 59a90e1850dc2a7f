/* eval_arith.c — shell arithmetic ($((…)) and ((…))) over known integers:
 * + - * / % comparisons && || ! ?: and assignments (= += -= ++ --). Any
 * unknown operand makes the whole result unknown; nothing is guessed. */
#include <stdlib.h>
#include <string.h>

#include "eval_int.h"

typedef struct ar {
  E *e;
  const char *p, *end;
  bool unknown, error;
  rc_span span;
  int depth;
} ar;

static void skip(ar *a) {
  while (a->p < a->end && (*a->p == ' ' || *a->p == '\t' || *a->p == '\n')) a->p++;
}

static bool eat(ar *a, const char *tok) {
  skip(a);
  size_t n = strlen(tok);
  if ((size_t)(a->end - a->p) >= n && !memcmp(a->p, tok, n)) {
    /* do not split `<=` as `<`, `&&` as `&`, `==` as `=` … */
    if (n == 1 && a->p + 1 < a->end && strchr("=&|<>+-", a->p[1]) && a->p[1] != '(' &&
        (a->p[1] == '=' || a->p[1] == a->p[0]))
      return false;
    a->p += n;
    return true;
  }
  return false;
}

static bool name_char(char c, bool first) {
  return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
}

static long var_value(ar *a, const char *name) {
  bool set, certain;
  const rc_str *v = ev_var_value(a->e, name, &set, &certain);
  if (!set) return 0;
  if (!certain) {
    a->unknown = true;
    return 0;
  }
  char *t = rc_str_text(a->e->A, v, ' ');
  while (*t == ' ') t++;
  if (!*t) return 0;
  char *endp;
  long x = strtol(t, &endp, 0);
  while (*endp == ' ') endp++;
  if (*endp) a->unknown = true; /* an expression stored in a variable: not followed */
  return x;
}

static void assign(ar *a, const char *name, long v) {
  uint32_t eid = ev_reserve_event(a->e);
  ev_assign(a->e, name, rc_str_lit(a->e->A, rc_arena_printf(a->e->A, "%ld", v), eid), eid, false, RC_OP_ASSIGN,
            a->span, a->span, NULL);
}

static long expr(ar *a);

static long primary(ar *a) {
  skip(a);
  if (++a->depth > 64) {
    a->error = true;
    return 0;
  }
  long r = 0;
  if (eat(a, "(")) {
    r = expr(a);
    if (!eat(a, ")")) a->error = true;
  } else if (eat(a, "!")) {
    r = !primary(a);
  } else if (eat(a, "-")) {
    r = -primary(a);
  } else if (eat(a, "+")) {
    r = primary(a);
  } else if (a->p < a->end && *a->p >= '0' && *a->p <= '9') {
    char buf[64];
    size_t n = 0;
    while (a->p < a->end && n + 1 < sizeof buf && (name_char(*a->p, false) || *a->p == '#')) buf[n++] = *a->p++;
    buf[n] = 0;
    char *endp;
    r = strtol(buf, &endp, 0);
    if (*endp) a->unknown = true; /* base#digits and friends */
  } else if (a->p < a->end && (*a->p == '$' || name_char(*a->p, true))) {
    if (*a->p == '$') {
      a->p++;
      if (a->p < a->end && *a->p == '{') a->p++;
    }
    const char *s = a->p;
    while (a->p < a->end && name_char(*a->p, a->p == s)) a->p++;
    char *name = rc_arena_strndup(a->e->A, s, (size_t)(a->p - s));
    if (a->p < a->end && *a->p == '}') a->p++;
    if (!*name) {
      a->error = true;
      return 0;
    }
    skip(a);
    static const char *const ops[] = {"+=", "-=", "*=", "/=", "%="};
    for (size_t i = 0; i < RC_ARRAY_LEN(ops); i++)
      if (a->end - a->p >= 2 && !memcmp(a->p, ops[i], 2)) {
        a->p += 2;
        long rhs = expr(a);
        long cur = var_value(a, name);
        switch (ops[i][0]) {
        case '+': r = cur + rhs; break;
        case '-': r = cur - rhs; break;
        case '*': r = cur * rhs; break;
        case '/': r = rhs ? cur / rhs : (a->error = true, 0); break;
        default: r = rhs ? cur % rhs : (a->error = true, 0); break;
        }
        if (!a->unknown && !a->error) assign(a, name, r);
        a->depth--;
        return r;
      }
    if (a->p < a->end && *a->p == '=' && (a->p + 1 >= a->end || a->p[1] != '=')) {
      a->p++;
      r = expr(a);
      if (!a->unknown && !a->error) assign(a, name, r);
      a->depth--;
      return r;
    }
    r = var_value(a, name);
    if (eat(a, "++")) {
      if (!a->unknown) assign(a, name, r + 1);
    } else if (eat(a, "--")) {
      if (!a->unknown) assign(a, name, r - 1);
    }
  } else {
    a->error = true;
  }
  a->depth--;
  return r;
}

static long unary(ar *a) {
  skip(a);
  if (a->end - a->p >= 2 && (!memcmp(a->p, "++", 2) || !memcmp(a->p, "--", 2))) {
    bool inc = a->p[0] == '+';
    a->p += 2;
    skip(a);
    const char *s = a->p;
    while (a->p < a->end && name_char(*a->p, a->p == s)) a->p++;
    char *name = rc_arena_strndup(a->e->A, s, (size_t)(a->p - s));
    long v = var_value(a, name) + (inc ? 1 : -1);
    if (!a->unknown) assign(a, name, v);
    return v;
  }
  return primary(a);
}

static long mul(ar *a) {
  long r = unary(a);
  for (;;) {
    if (eat(a, "*")) r *= unary(a);
    else if (eat(a, "/")) {
      long d = unary(a);
      r = d ? r / d : (a->error = true, 0);
    } else if (eat(a, "%")) {
      long d = unary(a);
      r = d ? r % d : (a->error = true, 0);
    } else return r;
  }
}

static long add(ar *a) {
  long r = mul(a);
  for (;;) {
    if (eat(a, "+")) r += mul(a);
    else if (eat(a, "-")) r -= mul(a);
    else return r;
  }
}

static long cmp(ar *a) {
  long r = add(a);
  for (;;) {
    if (eat(a, "<=")) r = r <= add(a);
    else if (eat(a, ">=")) r = r >= add(a);
    else if (eat(a, "<")) r = r < add(a);
    else if (eat(a, ">")) r = r > add(a);
    else if (eat(a, "==")) r = r == add(a);
    else if (eat(a, "!=")) r = r != add(a);
    else return r;
  }
}

static long land(ar *a) {
  long r = cmp(a);
  while (eat(a, "&&")) {
    long b = cmp(a);
    r = r && b;
  }
  return r;
}

static long lor(ar *a) {
  long r = land(a);
  while (eat(a, "||")) {
    long b = land(a);
    r = r || b;
  }
  return r;
}

static long expr(ar *a) {
  long c = lor(a);
  if (eat(a, "?")) {
    long x = expr(a);
    if (!eat(a, ":")) a->error = true;
    long y = expr(a);
    return c ? x : y;
  }
  return c;
}

/* Evaluates `text` (the expression, without $(( )) or (( ))). */
bool ev_arith_eval(E *e, const char *text, uint32_t len, rc_span span, long *out) {
  ar a = {e, text, text + len, false, false, span, 0};
  long v = expr(&a);
  skip(&a);
  if (a.p != a.end) a.error = true;
  if (a.unknown || a.error) return false;
  *out = v;
  return true;
}
