/* rules.c — the one table of rules. Adding a rule: a new file in a family
 * folder and one line here. Ids are grouped by family:
 *   RC0xx input problems   RC1xx Go toolchain   RC2xx load order and PATH
 *   RC3xx editor settings */
#include "rule.h"

extern const rc_rule rc_rule_rc001, rc_rule_rc002, rc_rule_rc003, rc_rule_rc004, rc_rule_rc005,
    rc_rule_rc006, rc_rule_rc007;
extern const rc_rule rc_rule_rc101, rc_rule_rc102, rc_rule_rc103, rc_rule_rc104, rc_rule_rc105, rc_rule_rc106, rc_rule_rc107, rc_rule_rc108, rc_rule_rc109, rc_rule_rc110, rc_rule_rc111, rc_rule_rc112, rc_rule_rc113, rc_rule_rc114, rc_rule_rc115, rc_rule_rc116, rc_rule_rc117;
extern const rc_rule rc_rule_rc201, rc_rule_rc202, rc_rule_rc203, rc_rule_rc204, rc_rule_rc205, rc_rule_rc206,
    rc_rule_rc207, rc_rule_rc208, rc_rule_rc209, rc_rule_rc210, rc_rule_rc211, rc_rule_rc212, rc_rule_rc213;
extern const rc_rule rc_rule_rc301, rc_rule_rc302, rc_rule_rc303, rc_rule_rc304, rc_rule_rc305, rc_rule_rc306;

const rc_rule *const rc_rules[] = {
  &rc_rule_rc001, &rc_rule_rc002, &rc_rule_rc003, &rc_rule_rc004, &rc_rule_rc005, &rc_rule_rc006,
  &rc_rule_rc007,
  &rc_rule_rc101, &rc_rule_rc102, &rc_rule_rc103, &rc_rule_rc104, &rc_rule_rc105, &rc_rule_rc106, &rc_rule_rc107, &rc_rule_rc108, &rc_rule_rc109, &rc_rule_rc110, &rc_rule_rc111, &rc_rule_rc112, &rc_rule_rc113, &rc_rule_rc114, &rc_rule_rc115, &rc_rule_rc116, &rc_rule_rc117,
  &rc_rule_rc201, &rc_rule_rc202, &rc_rule_rc203, &rc_rule_rc204, &rc_rule_rc205, &rc_rule_rc206, &rc_rule_rc207,
  &rc_rule_rc208, &rc_rule_rc209, &rc_rule_rc210, &rc_rule_rc211, &rc_rule_rc212, &rc_rule_rc213,
  &rc_rule_rc301, &rc_rule_rc302, &rc_rule_rc303, &rc_rule_rc304, &rc_rule_rc305, &rc_rule_rc306,
};

const size_t rc_rules_count = sizeof rc_rules / sizeof rc_rules[0];
