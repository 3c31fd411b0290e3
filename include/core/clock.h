/* The one monotonic clock: for timeouts, backoff and cache ages, which must
 * not jump when the wall clock is set. */
#ifndef PORTAL_CLOCK_H
#define PORTAL_CLOCK_H

long long clock_mono_ms(void);   /* milliseconds since some fixed point */
long long clock_mono_s(void);    /* the same in whole seconds */

#endif
