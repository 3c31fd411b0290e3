/* The FastCGI server: a pool of worker threads sharing one listen socket. */
#ifndef PORTAL_SERVER_H
#define PORTAL_SERVER_H

#include "config.h"

struct db;
struct fmtctx;
struct tzctx;
struct route_table;

/* Per-thread state, created once per worker and reused for every request. */
struct worker {
	unsigned              index;
	const struct config  *cfg;
	struct db            *db;     /* primary: writes (and reads without a replica) */
	struct db            *rdb;    /* reads: replica when configured, else == db */
	struct fmtctx        *fmt;    /* ICU formatters cached for this thread (fmt.h) */
	struct tzctx         *tz;     /* its time-zone context (owned by fmt) */
	const struct route_table *routes;
};

int server_run(const struct config *cfg, const struct route_table *routes);

#endif
