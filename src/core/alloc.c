/* Allocation with the one out-of-memory policy (alloc.h): a FastCGI worker
 * that cannot allocate a few kilobytes has no useful way to go on, and a
 * single policy keeps every caller free of NULL checks. */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "log.h"

_Noreturn void alloc_fail(size_t n)
{
	log_error("out of memory allocating %zu bytes", n);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		alloc_fail(n);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		alloc_fail(n * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		alloc_fail(n);
	return q;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = xmalloc(n);
	memcpy(p, s, n);
	return p;
}
