/* Per-request memory: one arena owns everything allocated while serving a
 * request and is reset once the response is written.  Allocation never
 * fails: on out-of-memory the process logs and aborts (alloc.h). */
#ifndef PORTAL_ARENA_H
#define PORTAL_ARENA_H

#include <stdarg.h>
#include <stddef.h>

#include "alloc.h"
#include "buf.h"

struct arena_chunk;

struct arena {
	struct arena_chunk *head;   /* current chunk, newest first */
	size_t              total;  /* bytes reserved in all chunks */
};

void   arena_init(struct arena *a);
void  *arena_alloc(struct arena *a, size_t n);         /* 16-byte aligned, zeroed */
void  *arena_calloc(struct arena *a, size_t n, size_t size);
char  *arena_strdup(struct arena *a, const char *s);
char  *arena_strndup(struct arena *a, const char *s, size_t n);
char  *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char  *arena_vprintf(struct arena *a, const char *fmt, va_list ap);
/* Keep the first chunk, drop the rest: memory stays flat under load. */
void   arena_reset(struct arena *a);
void   arena_free(struct arena *a);

#endif
