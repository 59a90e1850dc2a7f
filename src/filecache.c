/* filecache.c — see filecache.h. */
#include "filecache.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct entry {
  char *key;        /* "<dialect>:<real path>", owned; the map's key */
  rc_source *src;   /* owned */
  rc_ir *ir;        /* owned */
  rc_reparse *keep; /* editor buffers: the parse tree, for the next version */
  unsigned used;    /* the session that last used it */
} entry;

struct rc_file_cache {
  rc_map map;       /* key → entry* */
  unsigned session; /* sessions begun so far */
  bool busy;        /* a session is using the cache */
  size_t hits, misses;
};

rc_file_cache *rc_file_cache_new(void) { return rc_xcalloc(1, sizeof(rc_file_cache)); }

static void entry_free(entry *e) {
  rc_reparse_free(e->keep);
  rc_ir_free(e->ir);
  rc_source_free(e->src);
  free(e->key);
  free(e);
}

void rc_file_cache_free(rc_file_cache *c) {
  if (!c) return;
  assert(!c->busy);
  for (size_t i = 0; i < c->map.cap; i++)
    if (c->map.slots[i].key) entry_free(c->map.slots[i].val);
  rc_map_free(&c->map);
  free(c);
}

void rc_file_cache_begin(rc_file_cache *c) {
  assert(!c->busy);
  c->busy = true;
  c->session++;
}

void rc_file_cache_end(rc_file_cache *c, unsigned keep) {
  c->busy = false;
  /* rc_map has no removal: survivors move to a new map. */
  rc_map kept = {0};
  for (size_t i = 0; i < c->map.cap; i++) {
    entry *e = c->map.slots[i].val;
    if (!c->map.slots[i].key) continue;
    if (c->session - e->used < keep) rc_map_put(&kept, e->key, e);
    else entry_free(e);
  }
  rc_map_free(&c->map);
  c->map = kept;
}

/* Is the entry's source still what `fs_path` holds? */
static bool fresh(const entry *e, const char *fs_path, const char *buf, size_t buf_len) {
  const rc_source *s = e->src;
  if (strcmp(s->path, fs_path)) return false; /* reached by another name: named as then */
  if (buf) {
    size_t n = buf_len > RC_SOURCE_MAX_BYTES ? RC_SOURCE_MAX_BYTES : buf_len;
    return s->from_buffer && s->len == n && !s->nul_bytes && !memcmp(s->text, buf, n);
  }
  struct stat st;
  if (s->from_buffer || stat(fs_path, &st) != 0) return false;
  return (uint64_t)st.st_size == s->size_on_disk && (uint64_t)st.st_ino == s->ino &&
         (uint64_t)st.st_dev == s->dev &&
         (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec == s->mtime_ns;
}

bool rc_file_cache_get(rc_file_cache *c, const char *key, const char *fs_path, rc_dialect d, const char *buf,
                       size_t buf_len, rc_source **src, rc_ir **ir, rc_load_status *status, int *err_no) {
  assert(c->busy);
  char *k = rc_xasprintf("%d:%s", (int)d, key);
  entry *e = rc_map_get(&c->map, k);
  if (e && fresh(e, fs_path, buf, buf_len)) {
    free(k);
    e->used = c->session;
    c->hits++;
    *src = e->src;
    *ir = e->ir;
    return true;
  }
  c->misses++;
  rc_source *s = buf ? rc_source_from_memory(fs_path, buf, buf_len) : rc_source_load_at(fs_path, key, status, err_no);
  if (!s) {
    free(k);
    return false; /* unreadable now: the old entry (if any) ages out */
  }
  if (!e) {
    e = rc_xcalloc(1, sizeof *e);
    e->key = k;
    rc_map_put(&c->map, e->key, e);
  } else {
    free(k);
    rc_ir_free(e->ir);
    rc_source_free(e->src);
  }
  e->src = s;
  /* A buffer changes a keystroke at a time: its next version reparses only
   * the edit. Files on disk keep no tree (memory). */
  if (buf) {
    e->ir = rc_parse_keep(s, d, &e->keep);
  } else {
    rc_reparse_free(e->keep);
    e->keep = NULL;
    e->ir = rc_parse(s, d);
  }
  e->used = c->session;
  *src = e->src;
  *ir = e->ir;
  return true;
}

void rc_file_cache_stats(const rc_file_cache *c, size_t *hits, size_t *misses) {
  *hits = c->hits;
  *misses = c->misses;
}
