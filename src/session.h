/* session.h — one analysis run: options, the file cache (each file read and
 * parsed once, keyed by real path and dialect), and the evaluated contexts.
 * The LSP keeps one session per lint and replaces editor buffers with
 * rc_session_set_buffer before evaluating. */
#ifndef RC_SESSION_H
#define RC_SESSION_H

#include <stdbool.h>

#include "base.h"
#include "ir.h"
#include "parse.h"
#include "source.h"

typedef enum rc_os { RC_OS_LINUX, RC_OS_MACOS } rc_os;
typedef enum rc_shell { RC_SH_ZSH, RC_SH_BASH, RC_SH_SH, RC_SH_COUNT } rc_shell;
typedef enum rc_ctx_kind {
  RC_CTX_LOGIN_INTERACTIVE,
  RC_CTX_INTERACTIVE,
  RC_CTX_LOGIN,
  RC_CTX_SCRIPT,
  RC_CTX_VSCODE,
  RC_CTX_SSH_COMMAND,
  RC_CTX_COUNT
} rc_ctx_kind;

const char *rc_os_name(rc_os os);
const char *rc_shell_name(rc_shell sh);
const char *rc_ctx_name(rc_ctx_kind k);
bool rc_shell_parse(const char *s, rc_shell *out);
bool rc_ctx_parse(const char *s, rc_ctx_kind *out);
bool rc_os_parse(const char *s, rc_os *out);
rc_dialect rc_shell_dialect(rc_shell sh);

/* A file as the shell names it. Loaded lazily, at most once per dialect. */
typedef struct rc_file {
  const char *path;    /* model path (what the shell sees), arena */
  const char *fs_path; /* where it is read from; NULL for built-in files */
  rc_dialect dialect;
  rc_load_status status;
  int err_no;
  rc_source *src;      /* NULL unless loaded */
  rc_ir *ir;           /* NULL unless parsed */
  bool builtin;        /* stock system file rccheck supplies (macOS) */
  bool data;           /* read as data (go env file, editor settings): no IR */
  bool cached;         /* src and ir belong to opt.cache, not to the session */
  uint32_t id;         /* index in session->files */
} rc_file;

typedef struct rc_session_opts {
  const char *home;    /* absolute path of the home directory */
  const char *sysroot; /* "/" by default */
  rc_os os;
  bool inherit_env;    /* start from this process's environment */
  const char *user;    /* USER/LOGNAME; default: the home's basename */
  bool virtual_home;   /* the home is not on disk (loose files): its absence proves nothing */
  bool no_shared_walks; /* evaluate every context on its own (tests: the shared walk must agree) */
  const char *workspace; /* a VS Code workspace folder (--workspace), or NULL */
  struct rc_file_cache *cache; /* parsed files kept across sessions (filecache.h), or
                                  NULL; borrowed: it must outlive the session */
  int jobs;            /* threads rc_session_prefetch parses on: 0 one per core, 1 none */
} rc_session_opts;

typedef struct rc_ctx rc_ctx;

/* A file with no startup role, analyzed on its own (lint FILE…). */
typedef struct rc_fragment {
  const char *path;
  rc_shell shell;
  rc_ctx *ctx;
} rc_fragment;

typedef struct rc_session {
  rc_session_opts opt;
  rc_arena arena;
  rc_map files;                 /* "d:<fs path>" → rc_file* */
  RC_VEC(rc_file *) file_list;
  rc_map buffers;               /* fs path → rc_buf* (editor contents) */
  rc_map snippets;              /* eval text → rc_ir* */
  RC_VEC(rc_ir *) snippet_irs;
  bool macos_builtin;           /* sysroot has no macOS files: use stock ones */
  unsigned home_uid;
  bool home_exists;
  RC_VEC(rc_ctx *) ctxs;
  unsigned want_ctxs;           /* contexts the caller will ask for (1 << kind): some share a walk */
  rc_map mapped;                /* model path → fs path (lint FILE… roles) */
  RC_VEC(rc_fragment) fragments;
  struct rc_vscode *vscode;     /* editor settings, loaded on first use (vscode.h) */
  rc_map real;                  /* fs path → realpath (arena), or `unresolved` */
  rc_map stats;                 /* "s:"/"l:"/"a<mode>:" + fs path → cached answer */
  uint64_t tokens;              /* parsed so far, against RC_SESSION_MAX_TOKENS */
  rc_map prefetched;            /* file key (as S->files) → its job in *prefetch */
  struct rc_prefetch *prefetch; /* threads parsing the fragments' files (prefetch.c), or NULL */
  uint64_t glob_budget;         /* directory entries globs may still read */
} rc_session;

rc_session *rc_session_new(const rc_session_opts *opt);
void rc_session_free(rc_session *S);

/* Replaces the on-disk contents of fs_path for this session (editor buffer). */
void rc_session_set_buffer(rc_session *S, const char *fs_path, const char *text, size_t len);

/* Reads model path `model` from `fs_path` (a dotfile playing a role). */
void rc_session_map_file(rc_session *S, const char *model, const char *fs_path);
/* Adds a file to analyze on its own, in the interactive context of the shell
 * its name or shebang suggests; returns its index. */
size_t rc_session_add_fragment(rc_session *S, const char *fs_path);
rc_ctx *rc_session_fragment_ctx(rc_session *S, size_t i);

/* realpath(3) of a filesystem path, asked of the system once per session
 * (arena); NULL when it does not resolve. */
const char *rc_session_realpath(rc_session *S, const char *fs_path);

/* stat(2) (follow) or lstat(2) of a filesystem path, and access(2) with a
 * mode, asked of the system once per session: every context tests the same
 * files. 0 on success, else -1 with errno set, as the system calls. */
struct stat;
int rc_session_stat(rc_session *S, const char *fs_path, bool follow, struct stat *st);
int rc_session_access(rc_session *S, const char *fs_path, int mode);
/* rc_path_probe (source.h) through the cached stat. */
rc_load_status rc_session_probe(rc_session *S, const char *fs_path);

/* Model path → filesystem path (sysroot applied outside the home). Arena. */
const char *rc_session_fs_path(rc_session *S, const char *model_path);

/* The file at model path `path`, loaded and parsed for dialect d. Never NULL;
 * check ->status. */
rc_file *rc_session_file(rc_session *S, const char *path, rc_dialect d);

/* The key rc_session_file caches `path` under for dialect d (arena), with
 * its filesystem path and real path (NULL when unresolved); NULL when the
 * file is not read from disk (a stock macOS file). */
const char *rc_session_file_key(rc_session *S, const char *path, rc_dialect d, const char **fs, const char **real);

/* Starts loading and parsing the files of the fragments (lint FILE…) on
 * opt.jobs - 1 threads, ahead of their evaluation on this one;
 * rc_session_file takes each result in evaluation order, so budgets and
 * output are as without (prefetch.c). */
void rc_session_prefetch_fragments(rc_session *S);
/* rc_session_file's side: true, with what was loaded and parsed (*ir NULL
 * when it was not parsed), when `key` was prefetched; each once. */
bool rc_prefetched(rc_session *S, const char *key, rc_source **src, rc_ir **ir, rc_load_status *status,
                   int *err_no);
void rc_session_prefetch_free(rc_session *S);
/* How many files rc_session_file took parsed from the prefetch (tests). */
size_t rc_session_prefetched(const rc_session *S);

/* A file read as data, never parsed (the go env file, editor settings):
 * loaded once, with its line map, for rules that report into it. Never NULL;
 * check ->status. */
rc_file *rc_session_data_file(rc_session *S, const char *path);

/* An eval string parsed once per text (spans point at `at` in `in`). */
rc_ir *rc_session_snippet(rc_session *S, const rc_file *in, const char *text, rc_dialect d,
                          const rc_span *at);

/* Evaluates (once) and returns the context for shell × kind. */
rc_ctx *rc_session_ctx(rc_session *S, rc_shell sh, rc_ctx_kind k);

/* Which shells the home uses: zsh and/or bash when their files exist, else
 * the shell of $SHELL (zsh when unknown). Returns a bit mask of 1<<rc_shell. */
unsigned rc_session_shells(rc_session *S);

#endif
