/* parse_stats_main.c — stand-alone driver for rc_parse_stats_main, so that
 * tests/parse-coverage/coverage.py works before (or without) the hidden
 * `rccheck parse-stats` subcommand being wired into main.c. */
#include "parse_stats.h"

int main(int argc, char **argv) { return rc_parse_stats_main(argc, argv); }
