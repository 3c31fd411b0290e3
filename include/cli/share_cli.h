/* `portal share …`: managing shares from the command line, for admins'
 * scripts (README, docs/cli.md).  Same configuration as the server; no
 * cookie secret is needed.  Writes and reads go to the primary database,
 * so a script sees its own changes at once. */
#ifndef PORTAL_SHARE_CLI_H
#define PORTAL_SHARE_CLI_H

#include <stdio.h>

struct config;

/* `argv` holds what follows "share" (cfg->cmd_argv).  Output goes to
 * `out`, messages to `err`, a password is read from `in`.  Exit status:
 * 0 done, 1 failed (database, no such share), 2 bad command line. */
int share_cli(const struct config *cfg, int argc, char **argv, FILE *in, FILE *out,
              FILE *err);

extern const char share_cli_usage[];

#endif
