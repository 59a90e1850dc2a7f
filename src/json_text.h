/* json_text.h — JSON strings from text that may not be UTF-8. jansson
 * refuses such text (json_string returns NULL and the field silently goes
 * missing), and analyzed files, paths and values may hold any bytes. */
#ifndef RC_JSON_TEXT_H
#define RC_JSON_TEXT_H

#include <jansson.h>

/* A JSON string of s (NULL: ""), each invalid UTF-8 byte shown as U+FFFD.
 * Never NULL. */
json_t *rc_json_text(const char *s);

#endif
