/* sort_large() (sort.h). */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "sort.h"

struct by {
	int (*cmp)(const void *, const void *);
};

static int cmp_ptr(const void *a, const void *b, void *ctx)
{
	const struct by *by = ctx;
	return by->cmp(*(const void *const *)a, *(const void *const *)b);
}

void sort_large(void *v, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n < 2)
		return;
	struct by by = {cmp};
	unsigned char *base = v;
	const void **p = xmalloc(n * sizeof(*p));
	unsigned char *tmp = xmalloc(n * size);
	for (size_t i = 0; i < n; i++)
		p[i] = base + i * size;
	qsort_r(p, n, sizeof(*p), cmp_ptr, &by);
	for (size_t i = 0; i < n; i++)
		memcpy(tmp + i * size, p[i], size);
	memcpy(base, tmp, n * size);
	free(tmp);
	free(p);
}
