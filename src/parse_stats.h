/* parse_stats.h — `rccheck parse-stats`: how much of each file reaches the IR.
 * A hidden measurement command for tests/parse-coverage/, not a user feature. */
#ifndef RC_PARSE_STATS_H
#define RC_PARSE_STATS_H

/* argv[0] is the subcommand name ("parse-stats"); the rest are options and
 * paths (see the usage text). Prints one JSON object per file on stdout and a
 * summary on stderr. Returns an exit code: 0, or 2 on usage errors. */
int rc_parse_stats_main(int argc, char **argv);

#endif
