/* config.c — see config.h. */
#include "config.h"

#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "rule.h"

typedef struct loader {
  rc_config *c;
  rc_arena *A;
  rc_buf err;
} loader;

static char *trim(rc_arena *A, const char *s, size_t n) {
  while (n && (*s == ' ' || *s == '\t')) s++, n--;
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
  return rc_arena_strndup(A, s, n);
}

/* "a, b c" → items */
static void add_list(loader *ld, const char *v, void *vec) {
  RC_VEC(const char *) *out = vec;
  const char *p = v;
  while (*p) {
    while (*p == ',' || *p == ' ' || *p == '\t') p++;
    const char *s = p;
    while (*p && *p != ',' && *p != ' ' && *p != '\t') p++;
    if (p > s) rc_vec_push(out, trim(ld->A, s, (size_t)(p - s)));
  }
}

static int handler(void *user, const char *section, const char *name, const char *value) {
  loader *ld = user;
  rc_config *c = ld->c;
  if (!strcmp(section, "rccheck")) {
    if (!strcmp(name, "disable")) add_list(ld, value, &c->disable);
    else if (!strcmp(name, "enable")) add_list(ld, value, &c->enable);
    else if (!strcmp(name, "severity") || !strcmp(name, "fail-on")) {
      rc_severity s;
      if (!rc_severity_parse(value, &s)) {
        rc_buf_printf(&ld->err, "%s: unknown severity '%s' (error, warning, info, style)", name, value);
        return 0;
      }
      if (name[0] == 's') c->min_severity = (int)s;
      else c->fail_on = (int)s;
    } else {
      rc_buf_printf(&ld->err, "unknown key '%s' in [rccheck]", name);
      return 0;
    }
  } else if (!strcmp(section, "severity")) {
    rc_severity s;
    if (!rc_severity_parse(value, &s)) {
      rc_buf_printf(&ld->err, "[severity] %s: unknown severity '%s'", name, value);
      return 0;
    }
    if (!rc_rule_find(name)) {
      rc_buf_printf(&ld->err, "[severity] unknown rule '%s'", name);
      return 0;
    }
    rc_config_kv kv = {rc_arena_strdup(ld->A, name), rc_arena_strdup(ld->A, value)};
    rc_vec_push(&c->severity, kv);
  } else if (!strcmp(section, "roles")) {
    rc_config_kv kv = {rc_arena_strdup(ld->A, name), rc_arena_strdup(ld->A, value)};
    rc_vec_push(&c->roles, kv);
  } else {
    rc_buf_printf(&ld->err, "unknown section [%s]", section);
    return 0;
  }
  return 1;
}

bool rc_config_load(const char *path, rc_config *c, rc_arena *A) {
  memset(c, 0, sizeof *c);
  c->min_severity = c->fail_on = -1;
  c->path = rc_arena_strdup(A, path);
  loader ld = {c, A, {0}};
  int r = ini_parse(path, handler, &ld);
  if (r != 0) {
    if (r < 0) c->error = rc_xasprintf("%s: cannot be read", path);
    else c->error = rc_xasprintf("%s:%d: %s", path, r, ld.err.s ? ld.err.s : "syntax error");
  }
  rc_buf_free(&ld.err);
  for (size_t i = 0; i < c->enable.n; i++)
    if (!rc_rule_find(c->enable.v[i]) && !c->error) c->error = rc_xasprintf("%s: unknown rule '%s'", path, c->enable.v[i]);
  for (size_t i = 0; i < c->disable.n; i++)
    if (strcmp(c->disable.v[i], "all") && !rc_rule_find(c->disable.v[i]) && !c->error)
      c->error = rc_xasprintf("%s: unknown rule '%s'", path, c->disable.v[i]);
  return c->error == NULL;
}

void rc_config_free(rc_config *c) {
  rc_vec_free(&c->enable);
  rc_vec_free(&c->disable);
  rc_vec_free(&c->severity);
  rc_vec_free(&c->roles);
  free(c->error);
  c->error = NULL;
}

static bool is_file(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

const char *rc_config_find(const char *dir, rc_arena *A) {
  char *d = rc_arena_strdup(A, dir);
  for (int guard = 0; guard < 256; guard++) {
    const char *p = rc_arena_printf(A, "%s/.rccheckrc", strcmp(d, "/") ? d : "");
    if (is_file(p)) return p;
    char *slash = strrchr(d, '/');
    if (!slash || slash == d) {
      if (strcmp(d, "/") && d[0] == '/') {
        d[1] = 0;
        continue;
      }
      break;
    }
    *slash = 0;
  }
  return NULL;
}

const char *rc_config_user_path(rc_arena *A) {
  const char *x = getenv("XDG_CONFIG_HOME");
  const char *home = getenv("HOME");
  const char *p = x && *x ? rc_arena_printf(A, "%s/rccheck/config", x)
                          : home ? rc_arena_printf(A, "%s/.config/rccheck/config", home) : NULL;
  return p && is_file(p) ? p : NULL;
}
