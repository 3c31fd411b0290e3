/* The growable byte buffer (buf.h). */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"

void buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

void buf_reserve(struct buf *b, size_t extra)
{
	if (extra > SIZE_MAX - b->len - 1)
		alloc_fail(SIZE_MAX);
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 4096;
	while (cap < need)
		cap *= 2;
	b->data = xrealloc(b->data, cap);
	b->cap = cap;
}

void buf_put(struct buf *b, const void *p, size_t n)
{
	buf_reserve(b, n);
	if (n)   /* p may be NULL (an empty buffer's data): memcpy must not see it */
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void buf_putc(struct buf *b, char c)
{
	buf_put(b, &c, 1);
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	va_list aq;
	if (!fmt)
		fmt = "";   /* also tells the sanitizer build it cannot be NULL */
	/* Straight into the free space when it fits (nearly always): one pass
	 * instead of measure + write. */
	size_t room = b->cap > b->len ? b->cap - b->len : 0;
	va_copy(aq, ap);
	int n = vsnprintf(room ? b->data + b->len : NULL, room, fmt, aq);
	va_end(aq);
	if (n > 0 && (size_t)n >= room) {
		buf_reserve(b, (size_t)n);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	}
	if (n > 0)
		b->len += (size_t)n;
	else if (b->data)
		b->data[b->len] = '\0';   /* as before: what was written is undone */
	va_end(ap);
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void buf_free(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

const char *buf_cstr(struct buf *b)
{
	if (!b->data)
		buf_reserve(b, 0), b->data[0] = '\0';
	return b->data;
}
