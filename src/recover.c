/* recover.c — see recover.h.
 *
 * tree-sitter's error recovery often lets one construct it cannot parse
 * swallow everything after it, to the end of the file. When the whole-file
 * parse has errors, parse.c hands the file here: it is parsed again in
 * pieces cut where top-level statements begin (offsets found by the zsh
 * pre-pass scanner, which knows quotes, here-documents and nesting), each
 * piece on its own — ts_parser_set_included_ranges keeps every offset and
 * point absolute — and lowered piece by piece into the same IR. Runs of
 * clean pieces are parsed together; a failing run is halved until the bad
 * piece is alone; a bad piece is first retried joined with the next few (a
 * start taken for a boundary inside a construct), else lowered with its
 * error, which then stops at its own end. Runs grow again after a bad piece,
 * and past WORK times the file's size of re-parsing (a file that is not
 * shell at all) pieces are taken one by one, as they come. */
#include "recover.h"

#include <stdlib.h>
#include <string.h>

#include "lower.h"

enum {
  RUN = 64,  /* pieces tried at once, at most */
  JOIN = 8,  /* pieces a bad one is retried joined with */
  WORK = 4,  /* bytes re-parsed, at most, per byte of the file */
};

typedef struct cut {
  uint32_t byte;
  TSPoint point;
} cut;

typedef struct rec {
  rc_ir *ir;
  const TSLanguage *lang;
  const char *text, *orig;
  uint32_t len;
  TSParser *p;
  cut *cuts;
  uint32_t ncuts;
  RC_VEC(rc_stmt *) top;
  uint64_t work; /* bytes parsed so far */
} rec;

static TSTree *parse_range(rec *r, uint32_t a, uint32_t b) {
  TSRange range = {r->cuts[a].point, r->cuts[b].point, r->cuts[a].byte, r->cuts[b].byte};
  r->work += range.end_byte - range.start_byte;
  ts_parser_reset(r->p);
  if (!ts_parser_set_included_ranges(r->p, &range, 1)) return NULL;
  return ts_parser_parse_string(r->p, NULL, r->text, r->len);
}

static void lower_piece(rec *r, TSTree *t) {
  TSNode root = ts_tree_root_node(t);
  rc_lower_tree(r->ir, &root, r->lang, r->text, r->orig, r->len, NULL);
  for (uint32_t i = 0; i < r->ir->top.n; i++) rc_vec_push(&r->top, r->ir->top.v[i]);
  ts_tree_delete(t);
}

static bool clean(TSTree *t) { return t && !ts_node_has_error(ts_tree_root_node(t)); }

void rc_recover_lower(rc_ir *ir, const TSLanguage *lang, const char *text, const char *orig, uint32_t len,
                      const uint32_t *starts, uint32_t nstarts) {
  rec r;
  memset(&r, 0, sizeof r);
  r.ir = ir;
  r.lang = lang;
  r.text = text;
  r.orig = orig;
  r.len = len;
  /* cut points 0 < starts… < len, with their row/column */
  r.cuts = rc_xmalloc(sizeof(cut) * (nstarts + 2));
  r.cuts[r.ncuts++] = (cut){0, {0, 0}};
  uint32_t row = 0, col = 0, at = 0;
  for (uint32_t k = 0; k <= nstarts; k++) {
    uint32_t b = k < nstarts ? starts[k] : len;
    if (b <= r.cuts[r.ncuts - 1].byte || b > len) continue;
    for (; at < b; at++) {
      if (text[at] == '\n') row++, col = 0;
      else col++;
    }
    r.cuts[r.ncuts++] = (cut){b, {row, col}};
  }
  r.p = ts_parser_new();
  ts_parser_set_language(r.p, lang);
  uint32_t last = r.ncuts - 1, i = 0, run = RUN;
  uint64_t budget = (uint64_t)len * WORK;
  while (i < last) {
    bool spent = r.work > budget;
    uint32_t j = i + (spent ? 1 : run) < last ? i + (spent ? 1 : run) : last;
    for (;;) {
      TSTree *t = parse_range(&r, i, j);
      if (clean(t) || (spent && t)) {
        lower_piece(&r, t);
        i = j;
        if (run < RUN) run *= 2;
        break;
      }
      run = 1; /* grows again after the bad piece */
      if (j > i + 1) { /* halve the run */
        if (t) ts_tree_delete(t);
        j = i + (j - i) / 2;
        continue;
      }
      /* one bad piece: joined with the next ones, does it parse? */
      uint32_t k = i + 2;
      for (; k <= last && k <= i + JOIN; k++) {
        TSTree *u = parse_range(&r, i, k);
        if (clean(u)) {
          if (t) ts_tree_delete(t);
          t = u;
          break;
        }
        if (u) ts_tree_delete(u);
      }
      if (!t) { /* cannot happen with a valid range; keep going */
        i = j;
        break;
      }
      lower_piece(&r, t);
      i = k <= last && k <= i + JOIN ? k : j;
      break;
    }
  }
  ts_parser_delete(r.p);
  free(r.cuts);
  ir->top.n = (uint32_t)r.top.n;
  ir->top.v = r.top.n ? rc_arena_memdup(&ir->arena, r.top.v, sizeof(rc_stmt *) * r.top.n) : NULL;
  ir->first_cmd_line = ir->top.n ? ir->top.v[0]->span.line : 0;
  rc_vec_free(&r.top);
}
