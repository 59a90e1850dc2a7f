/* json_text.h — JSON strings from text that may not be UTF-8. jansson
 * refuses such text (json_string returns NULL and the field silently goes
 * missing), and analyzed files, paths and values may hold any bytes. */
#ifndef RC_JSON_TEXT_H
#define RC_JSON_TEXT_H

#include <jansson.h>
#include <stddef.h>

/* Length of the valid UTF-8 sequence at the start of p (n >= 1 bytes), 0
 * for an invalid or cut one (overlong forms, surrogates and code points past
 * U+10FFFF are invalid). */
size_t rc_utf8_len(const char *p, size_t n);

/* A JSON string of s (NULL: ""), each invalid UTF-8 byte shown as U+FFFD.
 * Never NULL. */
json_t *rc_json_text(const char *s);

#endif
