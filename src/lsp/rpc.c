/* rpc.c — see rpc.h. */
#include "lsp/rpc.h"

#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base.h"

enum { READ_CHUNK = 64 * 1024, SHRINK_ABOVE = 1024 * 1024 };

void rc_rpc_init(rc_rpc *r, int in, int out) {
  memset(r, 0, sizeof *r);
  r->in = in;
  r->out = out;
}

void rc_rpc_free(rc_rpc *r) {
  free(r->buf);
  r->buf = NULL;
  r->len = r->cap = 0;
}

/* Drops the first n unread bytes. A buffer grown for a big message is given
 * back once it is mostly empty, so memory follows the current message. */
static void consume(rc_rpc *r, size_t n) {
  memmove(r->buf, r->buf + n, r->len - n);
  r->len -= n;
  if (r->cap > SHRINK_ABOVE && r->len < READ_CHUNK) {
    r->cap = 4 * READ_CHUNK;
    r->buf = rc_xrealloc(r->buf, r->cap);
  }
}

/* Reads what is available (blocking); false at end of input. */
static bool fill(rc_rpc *r) {
  if (r->eof) return false;
  if (r->cap - r->len < READ_CHUNK) {
    r->cap = r->len + READ_CHUNK;
    r->buf = rc_xrealloc(r->buf, r->cap);
  }
  for (;;) {
    ssize_t n = read(r->in, r->buf + r->len, r->cap - r->len);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      r->eof = true;
      return false;
    }
    r->len += (size_t)n;
    return true;
  }
}

static const char *find_ci(const char *p, size_t n, const char *needle) {
  size_t k = strlen(needle);
  for (size_t i = 0; i + k <= n; i++)
    if (!strncasecmp(p + i, needle, k)) return p + i;
  return NULL;
}

typedef enum frame_kind {
  FRAME_INCOMPLETE, /* the header block has not ended yet */
  FRAME_OK,         /* *hdr bytes of header, *body bytes of body */
  FRAME_GARBAGE,    /* no usable Content-Length; *hdr: bytes to drop */
  FRAME_TOO_BIG,    /* *hdr bytes of header; *body is over the cap */
} frame_kind;

/* Parses the header block at the start of the buffer without consuming it. */
static frame_kind frame(const rc_rpc *r, size_t *hdr, size_t *body) {
  const char *p = r->buf, *end = NULL;
  size_t n = r->len, term = 0, lim = RC_MIN(n, (size_t)RC_RPC_MAX_HEADER + 4);
  for (size_t i = 0; i + 1 < lim && !end; i++) {
    if (p[i] == '\n' && p[i + 1] == '\n') end = p + i, term = 2;
    else if (i + 3 < lim && !memcmp(p + i, "\r\n\r\n", 4)) end = p + i, term = 4;
  }
  if (!end) {
    if (n <= RC_RPC_MAX_HEADER) return FRAME_INCOMPLETE;
    const char *next = find_ci(p + 1, n - 1, "Content-Length:");
    *hdr = next ? (size_t)(next - p) : n - 16; /* keep a possible partial header name */
    return FRAME_GARBAGE;
  }
  *hdr = (size_t)(end - p) + term;
  bool have_len = false, bad = false;
  uint64_t len = 0;
  for (const char *line = p; line < end && !bad;) {
    const char *nl = memchr(line, '\n', (size_t)(end - line));
    const char *le = nl ? nl : end;
    size_t ll = (size_t)(le - line);
    if (ll && line[ll - 1] == '\r') ll--;
    const char *colon = memchr(line, ':', ll);
    if (!colon) bad = true;
    else if ((size_t)(colon - line) == 14 && !strncasecmp(line, "Content-Length", 14)) {
      const char *v = colon + 1, *ve = line + ll;
      while (v < ve && (*v == ' ' || *v == '\t')) v++;
      while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t')) ve--;
      if (v == ve) bad = true;
      for (len = 0; v < ve && !bad; v++) {
        if (*v < '0' || *v > '9') bad = true;
        else if (len <= UINT32_MAX * (uint64_t)16) len = len * 10 + (uint64_t)(*v - '0');
      }
      have_len = !bad;
    }
    line = nl ? nl + 1 : end;
  }
  if (bad || !have_len) {
    const char *next = find_ci(p + 1, *hdr - 1, "Content-Length:");
    if (next && next < end) *hdr = (size_t)(next - p);
    return FRAME_GARBAGE;
  }
  if (len > RC_RPC_MAX_BODY) {
    *body = len > SIZE_MAX / 2 ? SIZE_MAX / 2 : (size_t)len; /* what to skip */
    return FRAME_TOO_BIG;
  }
  *body = (size_t)len;
  return FRAME_OK;
}

/* Drops the rest of an oversized body; false at end of input. */
static bool skip_body(rc_rpc *r) {
  while (r->skip) {
    size_t k = RC_MIN(r->skip, r->len);
    consume(r, k);
    r->skip -= k;
    if (r->skip && !fill(r)) return false;
  }
  return true;
}

rc_rpc_status rc_rpc_read(rc_rpc *r, json_t **msg, int *code, const char **why) {
  *msg = NULL;
  if (!skip_body(r)) return RC_RPC_EOF;
  for (;;) {
    size_t hdr = 0, body = 0;
    switch (frame(r, &hdr, &body)) {
    case FRAME_INCOMPLETE:
      if (!fill(r)) return RC_RPC_EOF;
      continue;
    case FRAME_GARBAGE:
      consume(r, hdr);
      *code = RC_RPC_PARSE_ERROR;
      *why = "invalid message header (a Content-Length header is required)";
      return RC_RPC_BAD;
    case FRAME_TOO_BIG:
      consume(r, hdr);
      r->skip = body;
      *code = RC_RPC_INVALID_REQUEST;
      *why = "message too large (the limit is 16 MiB)";
      return RC_RPC_BAD;
    case FRAME_OK:
      break;
    }
    while (r->len < hdr + body)
      if (!fill(r)) return RC_RPC_EOF;
    json_error_t err;
    json_t *j = json_loadb(r->buf + hdr, body, JSON_ALLOW_NUL | JSON_DECODE_ANY, &err);
    consume(r, hdr + body);
    if (!j) {
      *code = RC_RPC_PARSE_ERROR;
      *why = "the message is not valid JSON";
      return RC_RPC_BAD;
    }
    *msg = j;
    return RC_RPC_MSG;
  }
}

bool rc_rpc_pending(rc_rpc *r) {
  if (r->eof) return r->len > 0;
  size_t hdr = 0, body = 0;
  frame_kind k = r->skip ? FRAME_INCOMPLETE : frame(r, &hdr, &body);
  if (k == FRAME_GARBAGE || k == FRAME_TOO_BIG || (k == FRAME_OK && r->len >= hdr + body)) return true;
  struct pollfd pfd = {.fd = r->in, .events = POLLIN};
  return poll(&pfd, 1, 0) > 0;
}

static bool write_all(rc_rpc *r, const char *p, size_t n) {
  while (n && !r->broken) {
    ssize_t w = write(r->out, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) r->broken = true;
    else p += w, n -= (size_t)w;
  }
  return !r->broken;
}

bool rc_rpc_send(rc_rpc *r, json_t *msg) {
  if (r->broken) return false;
  json_object_set_new(msg, "jsonrpc", json_string("2.0"));
  char *body = json_dumps(msg, JSON_COMPACT);
  if (!body) return true; /* unserializable: dropped (never happens with checked strings) */
  size_t n = strlen(body);
  char head[64];
  int h = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", n);
  bool ok = write_all(r, head, (size_t)h) && write_all(r, body, n);
  free(body);
  return ok;
}

bool rc_rpc_reply(rc_rpc *r, json_t *id, json_t *result) {
  json_t *m = json_object();
  json_object_set(m, "id", id ? id : json_null());
  json_object_set_new(m, "result", result ? result : json_null());
  bool ok = rc_rpc_send(r, m);
  json_decref(m);
  return ok;
}

bool rc_rpc_error(rc_rpc *r, json_t *id, int code, const char *message) {
  json_t *m = json_object(), *e = json_object();
  json_object_set_new(e, "code", json_integer(code));
  json_object_set_new(e, "message", json_string(message));
  json_object_set(m, "id", id ? id : json_null());
  json_object_set_new(m, "error", e);
  bool ok = rc_rpc_send(r, m);
  json_decref(m);
  return ok;
}

bool rc_rpc_notify(rc_rpc *r, const char *method, json_t *params) {
  json_t *m = json_object();
  json_object_set_new(m, "method", json_string(method));
  json_object_set_new(m, "params", params ? params : json_object());
  bool ok = rc_rpc_send(r, m);
  json_decref(m);
  return ok;
}
