/* prefetch.c — the files of `rccheck lint FILE…` loaded and parsed on the
 * other cores while this thread evaluates them (see session.h).
 *
 * Parsing is most of a lint of loose files (tree-sitter alone is over half of
 * it) and each file parses on its own: rc_parse reads only its source and
 * allocates only what it returns. Evaluation stays on the calling thread and
 * in order. Worker threads take the files in order and parse ahead; when the
 * evaluation needs a file no worker has taken, this thread parses it itself,
 * and while a worker is on it, parses the next ones. rc_session_file takes each result
 * where it would have loaded the file and applies the per-file and per-run
 * token budgets there, so every answer, diagnostic and limit is what a run
 * without threads gives. The workers only stop parsing early once the files
 * they have parsed hold more tokens than a run may (RC_SESSION_MAX_TOKENS):
 * those are parsed as before, if the evaluation reaches them.
 *
 * What a worker reads of the session: the job's two paths, arena strings
 * written before the workers start (arena chunks never move). */
#include "session.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "parse.h"

enum { MAX_THREADS = 16 };

typedef enum { JOB_WAITING, JOB_TAKEN, JOB_DONE } job_state;

typedef struct job {
  const char *fs, *real;
  rc_dialect d;
  job_state state; /* under the pool's lock */
  bool handed;     /* given to rc_session_file (this thread only) */
  rc_source *src;
  rc_ir *ir;
  rc_load_status status;
  int err_no;
} job;

struct rc_prefetch {
  pthread_mutex_t lock;
  pthread_cond_t done;
  job *jobs;
  size_t n, next;   /* next: the first job a worker may not have looked at */
  uint64_t tokens;  /* in the files parsed so far */
  pthread_t threads[MAX_THREADS];
  int nthreads;
  size_t handed; /* parsed files given to rc_session_file */
};

static void run(struct rc_prefetch *P, job *j) {
  j->src = rc_source_load_at(j->fs, j->real, &j->status, &j->err_no);
  bool parse = j->src && j->src->tokens <= RC_SOURCE_MAX_TOKENS; /* else refused in rc_session_file */
  if (parse) {
    pthread_mutex_lock(&P->lock);
    P->tokens += j->src->tokens;
    parse = P->tokens <= RC_SESSION_MAX_TOKENS;
    pthread_mutex_unlock(&P->lock);
  }
  if (parse) j->ir = rc_parse(j->src, j->d);
  pthread_mutex_lock(&P->lock);
  j->state = JOB_DONE;
  pthread_cond_broadcast(&P->done);
  pthread_mutex_unlock(&P->lock);
}

/* The first job no one has taken, now taken; NULL when none is left. Under
 * the lock. */
static job *take_next(struct rc_prefetch *P) {
  while (P->next < P->n && P->jobs[P->next].state != JOB_WAITING) P->next++;
  job *j = P->next < P->n ? &P->jobs[P->next++] : NULL;
  if (j) j->state = JOB_TAKEN;
  return j;
}

static void *work(void *arg) {
  struct rc_prefetch *P = arg;
  for (;;) {
    pthread_mutex_lock(&P->lock);
    job *j = take_next(P);
    pthread_mutex_unlock(&P->lock);
    if (!j) return NULL;
    run(P, j);
  }
}

static int threads_for(const rc_session *S, size_t njobs) {
  long n = S->opt.jobs > 0 ? S->opt.jobs : sysconf(_SC_NPROCESSORS_ONLN);
  if (n < 1) n = 1;
  if (n > MAX_THREADS) n = MAX_THREADS;
  if ((size_t)n > njobs) n = (long)njobs;
  return (int)n;
}

void rc_session_prefetch_fragments(rc_session *S) {
  if (S->opt.cache || S->prefetch || S->fragments.n < 2) return;
  int nt = threads_for(S, S->fragments.n);
  if (nt < 2) return;
  /* Keys, real paths and the checks rc_session_file makes first: on this
   * thread (the session's maps are not shared). */
  struct rc_prefetch *P = rc_xcalloc(1, sizeof *P);
  P->jobs = rc_xcalloc(S->fragments.n, sizeof *P->jobs);
  for (size_t i = 0; i < S->fragments.n; i++) {
    const rc_fragment *fr = &S->fragments.v[i];
    rc_dialect d = rc_shell_dialect(fr->shell);
    const char *fs, *real;
    const char *key = rc_session_file_key(S, fr->path, d, &fs, &real);
    if (!key || rc_map_has(&S->files, key) || rc_map_has(&S->prefetched, key) || rc_map_has(&S->buffers, fs) ||
        (real && rc_map_has(&S->buffers, real)))
      continue;
    P->jobs[P->n] = (job){.fs = fs, .real = real, .d = d};
    rc_map_put(&S->prefetched, key, &P->jobs[P->n]);
    P->n++;
  }
  pthread_mutex_init(&P->lock, NULL);
  pthread_cond_init(&P->done, NULL);
  S->prefetch = P;
  /* this thread evaluates, and parses what no worker has taken yet */
  for (int k = 1; k < threads_for(S, P->n); k++) /* (a thread that cannot start leaves its share) */
    if (pthread_create(&P->threads[P->nthreads], NULL, work, P) == 0) P->nthreads++;
}

bool rc_prefetched(rc_session *S, const char *key, rc_source **src, rc_ir **ir, rc_load_status *status,
                   int *err_no) {
  struct rc_prefetch *P = S->prefetch;
  job *j = P ? rc_map_get(&S->prefetched, key) : NULL;
  if (!j || j->handed) return false;
  /* Not taken: this thread parses it. Being parsed: this thread parses
   * the next file no one has taken meanwhile, as a worker would (waiting
   * would leave a core idle), and waits only when none is left. */
  pthread_mutex_lock(&P->lock);
  while (j->state != JOB_DONE) {
    job *k = j->state == JOB_WAITING ? j : take_next(P);
    if (!k) {
      pthread_cond_wait(&P->done, &P->lock);
      continue;
    }
    k->state = JOB_TAKEN;
    pthread_mutex_unlock(&P->lock);
    run(P, k);
    pthread_mutex_lock(&P->lock);
  }
  pthread_mutex_unlock(&P->lock);
  j->handed = true;
  P->handed += j->ir != NULL;
  *src = j->src;
  *ir = j->ir;
  *status = j->status;
  *err_no = j->err_no;
  j->src = NULL;
  j->ir = NULL;
  return true;
}

size_t rc_session_prefetched(const rc_session *S) { return S->prefetch ? S->prefetch->handed : 0; }

void rc_session_prefetch_free(rc_session *S) {
  struct rc_prefetch *P = S->prefetch;
  if (P) {
    for (int k = 0; k < P->nthreads; k++) pthread_join(P->threads[k], NULL);
    for (size_t i = 0; i < P->n; i++) {
      rc_ir_free(P->jobs[i].ir);
      rc_source_free(P->jobs[i].src);
    }
    pthread_mutex_destroy(&P->lock);
    pthread_cond_destroy(&P->done);
    free(P->jobs);
    free(P);
    S->prefetch = NULL;
  }
  rc_map_free(&S->prefetched);
}
