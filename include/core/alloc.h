/* The program's one out-of-memory policy: allocation never fails; when the
 * system has no memory left the process logs and aborts. */
#ifndef PORTAL_ALLOC_H
#define PORTAL_ALLOC_H

#include <stddef.h>

void  *xmalloc(size_t n);
void  *xcalloc(size_t n, size_t size);
void  *xrealloc(void *p, size_t n);
char  *xstrdup(const char *s);

/* Logs the failed size and aborts: for code that allocates by other means
 * (an arena chunk, a buffer) and must fail the same way. */
_Noreturn void alloc_fail(size_t n);

#endif
