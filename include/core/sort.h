/* Sorting arrays of large elements (records, table lines). */
#ifndef PORTAL_SORT_H
#define PORTAL_SORT_H

#include <stddef.h>

/* Sorts v[0..n) of `size`-byte elements like qsort(v, n, size, cmp), but
 * moves pointers while sorting and each element once at the end: glibc's
 * qsort merges the elements themselves, copying a large element some
 * log2(n) times.  `cmp` must be a total order (no two elements compare
 * equal), so that the result is the one qsort gives. */
void sort_large(void *v, size_t n, size_t size, int (*cmp)(const void *, const void *));

#endif
