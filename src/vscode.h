/* vscode.h — the editor's own settings, layered on what the shell gives VS Code.
 *
 * VS Code started from the Dock resolves its environment by running the
 * login shell (the `vscode` context). On top of that:
 *   - the Go extension (vscode-go) changes the environment of the tools it
 *     runs: `go.goroot` replaces GOROOT when that folder exists, then
 *     `go.toolsEnvVars` are applied, then `go.gopath` (or the environment's
 *     GOPATH) replaces GOPATH. The evaluator folds these into the `vscode`
 *     context as RC_OP_SETTING events (eval_vscode.c);
 *   - `go` itself is chosen from `go.alternateTools.go`, then `$GOBIN/go`,
 *     then `<GOROOT>/bin/go`, then PATH;
 *   - the integrated terminal starts from VS Code's environment (the shell's,
 *     without the Go extension's changes; a fresh session's with
 *     `terminal.integrated.inheritEnv: false`), plus `TERM_PROGRAM=vscode`,
 *     plus `terminal.integrated.env.<os>`, and only then runs its shell —
 *     login on macOS, not on Linux, unless the default profile's args say
 *     otherwise — whose startup files may change those values again
 *     (rc_vscode_terminal).
 * Settings are read from the user settings of VS Code (`Code`), then of
 * `Code - Insiders` or `VSCodium` when VS Code's are absent (the first one
 * found is the editor modeled; the others are still checked on their own),
 * and from a workspace's `.vscode/settings.json` (--workspace), which wins
 * over the user's; object settings are merged member by member. */
#ifndef RC_VSCODE_H
#define RC_VSCODE_H

#include "eval.h"
#include "settings.h"

typedef enum rc_vs_layer { RC_VS_USER, RC_VS_WORKSPACE } rc_vs_layer;

/* "vscode user settings" / "vscode workspace settings" */
const char *rc_vs_layer_name(rc_vs_layer l);

typedef struct rc_vs_file {
  const rc_file *file;   /* registered in the session: diagnostics may point into it */
  rc_vs_layer layer;
  const char *editor;    /* "Code", "Code - Insiders", "VSCodium"; "workspace" */
  bool active;           /* a layer of the editor modeled */
  const rc_json *root;   /* NULL when the file holds no object */
  uint32_t nerrors;      /* JSON syntax errors (VS Code reads around them) */
  rc_span first_error;
} rc_vs_file;

enum { RC_VS_MAX_FILES = 4 };

typedef struct rc_vscode {
  rc_vs_file files[RC_VS_MAX_FILES];
  size_t nfiles;
  rc_ctx *terminal[RC_SH_COUNT]; /* the integrated terminal per shell (owned) */
  bool terminal_done[RC_SH_COUNT];
} rc_vscode;

/* The settings of the session's home and workspace, read on first use. */
const rc_vscode *rc_vscode_get(rc_session *S);
void rc_vscode_free(rc_vscode *V);

/* One setting as VS Code resolves it over the active layers. */
typedef struct rc_vs_value {
  const char *key;       /* "go.goroot", "go.toolsEnvVars" */
  const char *sub;       /* member of an object setting ("GOROOT"), or NULL */
  const rc_json *value;
  const rc_vs_file *from;
  rc_span key_span;      /* the key, or the member's key */
  const rc_json *hidden; /* a user value this workspace value overrides, or NULL */
  const rc_vs_file *hidden_from;
  rc_span hidden_key_span;
} rc_vs_value;

/* The effective value of `key` (sub NULL) or of member `sub` of object
 * setting `key`; false when no active layer sets it. */
bool rc_vscode_value(const rc_vscode *V, const char *key, const char *sub, rc_vs_value *out);
/* The members of object setting `key` merged over the layers (the workspace
 * wins per member), in the user's order then the workspace's new ones.
 * Returns how many there are; fills at most max. */
size_t rc_vscode_members(const rc_vscode *V, const char *key, rc_vs_value *out, size_t max);

/* "osx" or "linux": the suffix of terminal.integrated.* settings. */
const char *rc_vscode_os_key(const rc_session *S);

/* Resolving a setting's text. VS Code expands `${env:NAME}`, `${userHome}`
 * and `${workspaceFolder}` in terminal.integrated.env (not `~`, not `$NAME`);
 * vscode-go expands `${env:NAME}`, then `${workspaceFolder}` and a leading
 * `~` in its path settings and in go.toolsEnvVars (not `$NAME`). */
enum { RC_VS_TILDE = 1, RC_VS_ENV = 2, RC_VS_USERHOME = 4 };
/* The value of an environment variable for ${env:NAME}: NULL when unset. */
typedef const rc_str *(*rc_vs_env_fn)(void *ud, const char *name);
const rc_str *rc_vscode_resolve(rc_session *S, const char *text, unsigned flags, rc_vs_env_fn env, void *ud,
                                uint32_t origin);
/* The same against context C's environment before the settings layer: the
 * text, or NULL when it depends on something not known statically. */
const char *rc_vscode_resolve_text(rc_session *S, const rc_ctx *C, const char *text, unsigned flags);
/* The flags for a setting key ("go.goroot", "go.toolsEnvVars", "terminal.integrated.env.osx"). */
unsigned rc_vscode_flags(const char *key);

/* A variable of context C before the editor's settings layer (what the
 * shell gave VS Code), NULL when unset. Same as rc_ctx_var elsewhere. */
const rc_var *rc_vscode_shell_var(const rc_ctx *C, const char *name);

/* The integrated terminal for shell sh: a context evaluated from VS Code's
 * environment (see above), of kind login-interactive or interactive. NULL
 * when the terminal's default profile runs another shell. Owned by the
 * session. */
rc_ctx *rc_vscode_terminal(rc_session *S, rc_shell sh);

/* Filesystem answers for paths of the analyzed system: 1 yes, 0 no, -1
 * cannot tell (a system path while simulating macOS on another OS). */
int rc_vscode_is_dir(rc_session *S, const char *path);
int rc_vscode_is_exec(rc_session *S, const char *path);
/* The path after symlinks, as the analyzed system names it (arena). */
const char *rc_vscode_realpath(rc_session *S, const char *path);
/* Two paths name the same folder (trailing slashes and symlinks aside). */
bool rc_vscode_same_dir(rc_session *S, const char *a, const char *b);
/* The Go installation a go program belongs to: the folder holding its bin/,
 * after symlinks; NULL when it is not in a bin/ folder. */
const char *rc_vscode_go_tree(rc_session *S, const char *go);
/* "go1.22.1" from <tree>/VERSION, or NULL. */
const char *rc_vscode_go_version(rc_session *S, const char *tree);
/* The first executable `prog` in the PATH value v; *origin is the event of
 * its entry. NULL when none, or when an entry before it cannot be checked. */
const char *rc_vscode_which(rc_session *S, const rc_str *v, const char *prog, uint32_t *origin);
/* The next vscode context of a list, from *i on (then *i is past it):
 * `for (size_t i = 0; (C = rc_vscode_next_ctx(cx->ctxs, cx->nctxs, &i));)`. */
rc_ctx *rc_vscode_next_ctx(rc_ctx *const *ctxs, size_t n, size_t *i);
/* Variables the Go rules care about: Go's (GOROOT, GOFLAGS, CGO_* …) and PATH. */
bool rc_vscode_go_var(const char *name);

#endif
