/* What the commands of `portal share` share (share_cli.c and the files of
 * its commands). */
#ifndef PORTAL_SHARE_CLI_CMD_H
#define PORTAL_SHARE_CLI_CMD_H

#include <stdio.h>

#include "arena.h"
#include "share.h"

struct config;
struct db;
struct fmtctx;
struct perr;

struct cli {
	const struct config *cfg;
	struct db           *db;
	struct fmtctx       *fmt;
	struct arena         a;
	FILE                *in, *out, *err;
};

/* Each prints its message on c->err and returns the exit status: 2 for a
 * usage error, 1 for a database error. */
int cli_usage_error(struct cli *c, const char *what, const char *arg);
int cli_db_error(struct cli *c, const struct perr *e);
/* Prints text from the database on one line of one column. */
void cli_put_text(FILE *f, const char *s);
/* The share named by arg (its id, or its key) into s; else an exit status. */
int cli_load(struct cli *c, const char *arg, struct share *s);

int cmd_sign_off(struct cli *c, int argc, char **argv);
int cmd_signoffs(struct cli *c, int argc, char **argv);

#endif
