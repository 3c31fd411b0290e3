#ifndef PORTAL_BUF_H
#define PORTAL_BUF_H

#include <stddef.h>

/* A growable byte buffer (response bodies, SVG, CSV), allocated with the
 * out-of-memory policy of alloc.h. */
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
