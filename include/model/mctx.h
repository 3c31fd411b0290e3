/* What model code works with: the database connection to read from, the
 * arena that owns everything it returns, and the thread's time-zone
 * context.  Never the web request: model functions take plain values, so
 * they run (and are tested) without one. */
#ifndef PORTAL_MCTX_H
#define PORTAL_MCTX_H

struct db;
struct arena;
struct tzctx;

struct mctx {
	struct db    *db;
	struct arena *a;
	struct tzctx *tz;
};

#endif
