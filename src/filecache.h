/* filecache.h — parsed files kept from one session to the next (the
 * language server lints the same home on every keystroke).
 *
 * An entry holds a file's bytes (rc_source) and its IR for one dialect. It is
 * reused while the file is unchanged: on disk the same size, modification
 * time, inode and device; for an editor buffer the same bytes (which is what
 * a buffer version promises, without trusting the client to count). The cache
 * owns its sources and IRs; a session borrows them for its lifetime
 * (rc_file.cached) and never frees them. One session at a time may use a
 * cache: a changed file replaces its entry, which must not be in use. */
#ifndef RC_FILECACHE_H
#define RC_FILECACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "parse.h"
#include "source.h"

typedef struct rc_file_cache rc_file_cache;

rc_file_cache *rc_file_cache_new(void);
void rc_file_cache_free(rc_file_cache *c);

/* Starts and ends a session's use of the cache. rc_file_cache_end drops the
 * entries no session used in the last `keep` sessions (closed documents,
 * files the home stopped reading). */
void rc_file_cache_begin(rc_file_cache *c);
void rc_file_cache_end(rc_file_cache *c, unsigned keep);

/* The file `fs_path` parsed as dialect d under cache key `key` (its real
 * path, or fs_path when it has none): from the cache when unchanged, else read (from `buf` when non-NULL,
 * an editor buffer of `buf_len` bytes) and parsed, and kept. Returns false
 * when the file cannot be read (*status, *err_no say why; nothing is kept).
 * *src and *ir belong to the cache. */
bool rc_file_cache_get(rc_file_cache *c, const char *key, const char *fs_path, rc_dialect d, const char *buf,
                       size_t buf_len, rc_source **src, rc_ir **ir, rc_load_status *status, int *err_no);

/* Statistics: lookups answered from the cache, and files read and parsed. */
void rc_file_cache_stats(const rc_file_cache *c, size_t *hits, size_t *misses);

#endif
