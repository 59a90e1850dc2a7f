/* fmt_rules.h — rules that exist only in the format and fix tests.
 *
 * The Go rule pack (branch go-rules) brings the real ones: the tests look
 * those up by name (REAL_GOROOT_RULE, REAL_CELLAR_RULE in test_formats.c)
 * and use them, with the whole rule table, as soon as they are in rc_rules. */
#ifndef RC_TEST_FMT_RULES_H
#define RC_TEST_FMT_RULES_H

#include "rule.h"

extern const rc_rule rc_test_rule_goroot;     /* RC901: GOROOT set twice, differently (note at the first) */
extern const rc_rule rc_test_rule_cellar;     /* RC905: /Cellar/go/<v> → /opt/go, a safe fix */
extern const rc_rule rc_test_rule_whole_line; /* RC906: rewrites a Cellar line: overlaps RC905's fix */

#endif
