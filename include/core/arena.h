/* Per-request memory: one arena owns everything allocated while serving a
 * request and is reset once the response is written.  Allocation never
 * fails: on out-of-memory the process logs and aborts (xalloc.c), which is
 * the single out-of-memory policy of the program. */
#ifndef PORTAL_ARENA_H
#define PORTAL_ARENA_H

#include <stdarg.h>
#include <stddef.h>

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

/* Process-wide allocation wrappers with the abort-on-OOM policy. */
void  *xmalloc(size_t n);
void  *xcalloc(size_t n, size_t size);
void  *xrealloc(void *p, size_t n);
char  *xstrdup(const char *s);

/* A growable byte buffer (response bodies, SVG, CSV). Allocated with x*. */
struct buf {
	char   *data;
	size_t  len;
	size_t  cap;
};

void buf_init(struct buf *b);
void buf_reserve(struct buf *b, size_t extra);
void buf_put(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_reset(struct buf *b);          /* len = 0, keeps capacity */
void buf_free(struct buf *b);
/* Returns a NUL-terminated view (data[len] == 0 always holds after a put). */
const char *buf_cstr(struct buf *b);

#endif
