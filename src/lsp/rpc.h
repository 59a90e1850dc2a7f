/* rpc.h — JSON-RPC 2.0 over a byte stream with LSP's `Content-Length`
 * framing. Hostile input comes back as a status, never as a crash: headers
 * are capped, bodies over RC_RPC_MAX_BODY are skipped without being stored,
 * and after garbage the reader looks for the next `Content-Length:` header. */
#ifndef RC_LSP_RPC_H
#define RC_LSP_RPC_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

enum {
  RC_RPC_MAX_BODY = 16 * 1024 * 1024, /* bytes of one message */
  RC_RPC_MAX_HEADER = 8 * 1024,       /* bytes of one header block */
};

/* JSON-RPC and LSP error codes. */
enum {
  RC_RPC_PARSE_ERROR = -32700,
  RC_RPC_INVALID_REQUEST = -32600,
  RC_RPC_METHOD_NOT_FOUND = -32601,
  RC_RPC_INVALID_PARAMS = -32602,
  RC_RPC_INTERNAL_ERROR = -32603,
  RC_RPC_SERVER_NOT_INITIALIZED = -32002,
};

typedef struct rc_rpc {
  int in, out;
  char *buf;          /* unread input: buf[0..len) */
  size_t len, cap;
  size_t skip;        /* bytes of an oversized body still to drop */
  bool eof;
  bool broken;        /* writing failed: the client is gone */
} rc_rpc;

typedef enum rc_rpc_status {
  RC_RPC_MSG,   /* *msg is a parsed JSON value (caller owns it) */
  RC_RPC_BAD,   /* unusable message: answer *code / *why (static text) with id null */
  RC_RPC_EOF,   /* end of input (possibly in the middle of a message) */
} rc_rpc_status;

void rc_rpc_init(rc_rpc *r, int in, int out);
void rc_rpc_free(rc_rpc *r);

/* Reads the next message, blocking until one is complete. */
rc_rpc_status rc_rpc_read(rc_rpc *r, json_t **msg, int *code, const char **why);
/* Is more input ready right now (so work on the current state can wait)? */
bool rc_rpc_pending(rc_rpc *r);

/* Writes one message (borrowed). Returns false once the output is broken. */
bool rc_rpc_send(rc_rpc *r, json_t *msg);
/* Helpers: a response with `result` (stolen), an error response, a notification (params stolen). */
bool rc_rpc_reply(rc_rpc *r, json_t *id, json_t *result);
bool rc_rpc_error(rc_rpc *r, json_t *id, int code, const char *message);
bool rc_rpc_notify(rc_rpc *r, const char *method, json_t *params);

#endif
