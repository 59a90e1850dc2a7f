/* ts_fixups.c — see ts_fixups.h.
 *
 * The one fixed here is common in Go setups: in `PATH=$PATH:$GOPATH/bin`
 * tree-sitter-bash (0.23 and 0.25) ends the assignment at `:$` and parses
 * `GOPATH/bin` as a command. It happens whenever an unbraced `$NAME` follows
 * an earlier quote or expansion in the same word and is itself followed by
 * punctuation such as `/` `.` `-`. The grammar accepts `:` there, so that
 * byte becomes `:` in the parsed copy; the structure is then right and the
 * literal text still comes from the original. */
#include "ts_fixups.h"

#include <stdbool.h>
#include <string.h>

static bool name_start(char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool name_char(char c) { return name_start(c) || (c >= '0' && c <= '9'); }

static bool word_break(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '|' || c == '&' || c == '(' ||
         c == ')' || c == '<' || c == '>' || c == '`';
}

/* Punctuation after an expansion at which tree-sitter ends the word. */
static bool cuts_word(char d) {
  return d == '/' || d == '.' || d == '-' || d == ',' || d == '=' || d == '+' || d == '%' || d == '~' || d == '^';
}

/* Bytes [a, e) become a name tree-sitter reads whole (the lowering takes
 * its text from the original), and the byte after it ':' when it would
 * lengthen the name or cut the word. */
static void as_name(char *buf, uint32_t a, uint32_t e, uint32_t len) {
  memset(buf + a, 'p', e - a);
  if (e < len && (name_char(buf[e]) || cuts_word(buf[e]))) buf[e] = ':';
}

/* Is the ':' at buf[c] the operator of `${name:`? */
static bool substr_at(const char *buf, uint32_t c) {
  uint32_t k = c;
  while (k > 0 && name_char(buf[k - 1])) k--;
  return k < c && name_start(buf[k]) && k >= 2 && buf[k - 1] == '{' && buf[k - 2] == '$';
}

/* Bytes any rule below looks at; the others only end a word's start. */
static bool special(unsigned char c) {
  static const char set[] = "\\'#\"$})( \t\n;|&<>`";
  return c && memchr(set, c, sizeof set - 1) != NULL;
}

uint32_t rc_ts_fixups(char *buf, uint32_t len) {
  /* One table of the special bytes, built once per call (no globals). */
  bool sp[256];
  for (int c = 0; c < 256; c++) sp[c] = special((unsigned char)c);
  uint32_t n = 0;
  bool dq = false;          /* inside "…" */
  bool fancy = false;       /* the current word already has a quote or an expansion */
  bool word_start = true;
  uint32_t brace = 0;       /* inside ${…}: a `/` there is an operator */
  uint32_t paren = 0;       /* inside $(…) or $((…)) */
  for (uint32_t i = 0; i < len; i++) {
    if (!sp[(unsigned char)buf[i]]) { /* a run of plain bytes */
      while (i + 1 < len && !sp[(unsigned char)buf[i + 1]]) i++;
      word_start = false;
      continue;
    }
    char c = buf[i];
    if (c == '\\' && i + 1 < len) {
      i++;
      word_start = false;
      continue;
    }
    if (!dq && c == '\'') {
      fancy = true;
      while (++i < len && buf[i] != '\'') {}
      word_start = false;
      continue;
    }
    if (!dq && c == '#' && word_start) {
      while (i + 1 < len && buf[i + 1] != '\n') i++;
      continue;
    }
    if (c == '"') {
      dq = !dq;
      fancy = true;
      word_start = false;
      continue;
    }
    if (c == '$' && i + 1 < len && buf[i + 1] == '{') {
      brace++;
      fancy = true;
      i++;
      word_start = false;
      continue;
    }
    if (c == '$' && i + 1 < len && buf[i + 1] == '(') {
      paren++;
      fancy = true;
      i++;
      word_start = false;
      continue;
    }
    if (c == '}' && brace) {
      brace--;
      continue;
    }
    if (c == ')' && paren) {
      paren--;
      continue;
    }
    if (!dq && !brace && !paren && word_break(c)) {
      fancy = false;
      word_start = true;
      continue;
    }
    bool word_start_before = word_start;
    word_start = false;
    if (c == '$' && brace && i >= 3 && buf[i - 1] == ':' && i + 1 < len &&
        (name_start(buf[i + 1]) || (buf[i + 1] >= '0' && buf[i + 1] <= '9')) && substr_at(buf, i - 1)) {
      /* ${v:$off:$len}: tree-sitter cannot parse a substring offset that
       * starts with $ (a name it can: the lowering reads `$off` from the
       * original, and the offset is evaluated as arithmetic) */
      buf[i] = '_';
      n++;
      continue;
    }
    if (c == '$' && i + 1 < len && buf[i + 1] == '$' && !word_start_before && !dq && !brace && !paren) {
      /* `/tmp/f.$$`, `a$$`: tree-sitter takes $$ inside a word for text,
       * a name it reads (its text, `$`, comes from the original) */
      as_name(buf, i + 1, i + 2, len);
      n++;
      fancy = true;
      i++;
      continue;
    }
    if (c == '$' && i + 1 < len && buf[i + 1] >= '0' && buf[i + 1] <= '9') {
      /* `$PATH:$1`, `$a/$2`: tree-sitter ends the word at `:$` there too,
       * but takes a name whole (`$1x` is ${1}x: the x is cut off) */
      uint32_t j = i + 1;
      while (j < len && buf[j] >= '0' && buf[j] <= '9') j++; /* (zsh's $12 is ${12}, bash's ${1}2: lower_word.c) */
      if (!dq && !brace && !paren && fancy) {
        as_name(buf, i + 1, j, len);
        n++;
      }
      fancy = true;
      i = j - 1;
      continue;
    }
    if (c != '$' || i + 1 >= len || !name_start(buf[i + 1])) continue;
    uint32_t j = i + 1;
    while (j < len && name_char(buf[j])) j++;
    if (!dq && !brace && !paren && fancy && j < len && cuts_word(buf[j])) {
      buf[j] = ':';
      n++;
    }
    fancy = true;
    i = j - 1;
  }
  return n;
}
