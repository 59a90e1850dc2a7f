/* ir_dump.h — text form of the IR (tests, `rccheck dump-ir`). */
#ifndef RC_IR_DUMP_H
#define RC_IR_DUMP_H

#include "ir.h"

void rc_ir_dump(const rc_ir *ir, rc_buf *b);

#endif
