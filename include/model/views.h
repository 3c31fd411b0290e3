/* View statistics of shares (the admin list shows a count and the last
 * view of each share) without a database write on the page's hot path.
 *
 * A page view only bumps an in-memory counter (views_count(): one short
 * mutex-protected hash-table update, no I/O).  A background thread writes
 * the counters out every VIEWS_FLUSH_S seconds — sooner when the table
 * fills up — with one INSERT … ON DUPLICATE KEY UPDATE views = views + n
 * per share on its own connection to the primary database, and once more
 * when the server stops (SIGTERM).  So a view shows in the admin list at
 * most VIEWS_FLUSH_S seconds (plus one write) after it happened.  Counters
 * that cannot be written (database down) are kept for the next round; on
 * a crash (SIGKILL) at most the last few seconds of counts are lost. */
#ifndef PORTAL_VIEWS_H
#define PORTAL_VIEWS_H

#include <stdbool.h>

struct config;

#define VIEWS_FLUSH_S 5      /* seconds: the most a view count may lag */
#define VIEWS_SLOTS   4096   /* distinct shares counted between two writes */

/* Starts the writer thread (call with the signals the server waits for
 * already blocked, so the thread never takes them).  Without a call, or
 * after a failed one, views_count() counts but nothing is ever written. */
int  views_start(const struct config *cfg);
/* One view of share `share_id` now.  Never blocks on I/O. */
void views_count(long long share_id);
/* Writes what is left and stops the thread; safe without views_start(). */
void views_stop(void);

/* Views counted but not yet handed to the writer (tests, diagnostics). */
long long views_pending(void);

#endif
