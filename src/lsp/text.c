/* text.c — see text.h. */
#include "lsp/text.h"

#include <string.h>
#include <strings.h>

#include "base.h"
#include "json_text.h"

/* Length of the valid UTF-8 sequence at p (1 for an invalid byte). */
static size_t seq_len(const char *p, size_t n) {
  size_t k = rc_utf8_len(p, n);
  return k ? k : 1;
}

uint32_t rc_lsp_units(const char *line, size_t len, size_t bytes, rc_lsp_enc enc) {
  if (bytes > len) bytes = len;
  if (enc == RC_ENC_UTF8) return (uint32_t)bytes;
  uint32_t u = 0;
  for (size_t i = 0; i < bytes;) {
    size_t k = seq_len(line + i, len - i);
    if (i + k > bytes) break;
    u += k == 4 ? 2 : 1;
    i += k;
  }
  return u;
}

size_t rc_lsp_bytes(const char *line, size_t len, uint64_t units, rc_lsp_enc enc) {
  if (enc == RC_ENC_UTF8) return units > len ? len : (size_t)units;
  uint64_t u = 0;
  size_t i = 0;
  while (i < len && u < units) {
    size_t k = seq_len(line + i, len - i);
    unsigned w = k == 4 ? 2 : 1;
    if (u + w > units) break; /* inside a surrogate pair: stay before the character */
    u += w;
    i += k;
  }
  return i;
}

json_t *rc_lsp_position(const rc_source *s, uint32_t off, rc_lsp_enc enc) {
  if (off > s->len) off = s->len;
  uint32_t line, col, loff, llen;
  rc_source_pos(s, off, &line, &col);
  rc_source_line(s, line, &loff, &llen);
  uint32_t ch = rc_lsp_units(s->text + loff, llen, off - loff, enc);
  return json_pack("{s:I,s:I}", "line", (json_int_t)line - 1, "character", (json_int_t)ch);
}

json_t *rc_lsp_range(const rc_source *s, rc_span sp, rc_lsp_enc enc) {
  if (s && (sp.line || sp.end)) {
    uint32_t a = sp.start, b = sp.end < sp.start ? sp.start : sp.end;
    return json_pack("{s:o,s:o}", "start", rc_lsp_position(s, a, enc), "end", rc_lsp_position(s, b, enc));
  }
  json_int_t l = sp.line ? (json_int_t)sp.line - 1 : 0, c = sp.col ? (json_int_t)sp.col - 1 : 0;
  json_int_t el = sp.end_line ? (json_int_t)sp.end_line - 1 : l, ec = sp.end_col ? (json_int_t)sp.end_col - 1 : c;
  if (el < l || (el == l && ec < c)) el = l, ec = c;
  return json_pack("{s:{s:I,s:I},s:{s:I,s:I}}", "start", "line", l, "character", c, "end", "line", el, "character", ec);
}

size_t rc_lsp_offset(const char *text, size_t len, int64_t line, int64_t character, rc_lsp_enc enc) {
  if (line < 0) return 0;
  size_t off = 0;
  for (int64_t l = 0; l < line; l++) {
    const char *nl = memchr(text + off, '\n', len - off);
    if (!nl) return len;
    off = (size_t)(nl - text) + 1;
  }
  const char *nl = memchr(text + off, '\n', len - off);
  size_t ll = nl ? (size_t)(nl - (text + off)) : len - off;
  if (ll && text[off + ll - 1] == '\r') ll--;
  return off + rc_lsp_bytes(text + off, ll, character < 0 ? 0 : (uint64_t)character, enc);
}

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

char *rc_lsp_uri_to_path(const char *uri) {
  if (strncasecmp(uri, "file://", 7)) return NULL;
  const char *p = uri + 7;
  if (!strncasecmp(p, "localhost/", 10)) p += 9;
  if (*p != '/') return NULL; /* another host */
  rc_buf b = {0};
  for (; *p && *p != '?' && *p != '#'; p++) {
    if (*p == '%') {
      int h = hexval(p[1]), l = h < 0 ? -1 : hexval(p[2]);
      if (l < 0 || (h == 0 && l == 0)) {
        rc_buf_free(&b);
        return NULL;
      }
      rc_buf_putc(&b, (char)(h * 16 + l));
      p += 2;
    } else {
      rc_buf_putc(&b, *p);
    }
  }
  return rc_buf_steal(&b);
}

char *rc_lsp_path_to_uri(const char *path) {
  rc_buf b = {0};
  rc_buf_puts(&b, "file://");
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("/-._~", *p))
      rc_buf_putc(&b, (char)*p);
    else
      rc_buf_printf(&b, "%%%02X", *p);
  }
  return rc_buf_steal(&b);
}
