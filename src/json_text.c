/* json_text.c — see json_text.h. */
#include "json_text.h"

#include <string.h>

#include "base.h"

size_t rc_utf8_len(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  unsigned char c = p[0];
  size_t k = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (k <= 1) return k;
  if (k > n) return 0;
  for (size_t i = 1; i < k; i++)
    if ((p[i] & 0xC0) != 0x80) return 0;
  /* overlong 3/4-byte forms, surrogates and code points past U+10FFFF */
  if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F) || (c == 0xF0 && p[1] < 0x90) ||
      (c == 0xF4 && p[1] > 0x8F))
    return 0;
  return k;
}

json_t *rc_json_text(const char *s) {
  if (!s) s = "";
  size_t n = strlen(s);
  json_t *j = json_stringn(s, n);
  if (j) return j;
  rc_buf b = {0};
  for (size_t i = 0; i < n;) {
    size_t k = rc_utf8_len(s + i, n - i);
    if (k) rc_buf_add(&b, s + i, k);
    else rc_buf_puts(&b, "\xEF\xBF\xBD");
    i += k ? k : 1;
  }
  j = json_stringn(b.s ? b.s : "", b.n);
  rc_buf_free(&b);
  return j ? j : json_string("");
}
