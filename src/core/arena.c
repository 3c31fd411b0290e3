/* The per-request arena (arena.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define ARENA_CHUNK_MIN (64 * 1024)
#define ARENA_KEEP_MAX  (2 * 1024 * 1024)   /* the most a reset keeps */
#define ARENA_ALIGN     16

struct arena_chunk {
	struct arena_chunk *next;
	size_t              size;   /* usable bytes after the header */
	size_t              used;
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

void arena_init(struct arena *a)
{
	a->head = NULL;
	a->total = 0;
}

static struct arena_chunk *chunk_new(size_t need)
{
	size_t size = need > ARENA_CHUNK_MIN ? need : ARENA_CHUNK_MIN;
	if (size > SIZE_MAX - sizeof(struct arena_chunk))
		alloc_fail(size);
	struct arena_chunk *c = xmalloc(sizeof(*c) + size);
	c->next = NULL;
	c->size = size;
	c->used = 0;
	return c;
}

/* n bytes, not cleared: for callers that write every byte at once. */
static void *alloc_raw(struct arena *a, size_t n)
{
	size_t need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (need < n)
		alloc_fail(n);
	struct arena_chunk *c = a->head;
	if (!c || c->size - c->used < need) {
		c = chunk_new(need);
		c->next = a->head;
		a->head = c;
		a->total += c->size;
	}
	void *p = c->data + c->used;
	c->used += need;
	return p;
}

void *arena_alloc(struct arena *a, size_t n)
{
	void *p = alloc_raw(a, n);
	memset(p, 0, n);
	return p;
}

void *arena_calloc(struct arena *a, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		alloc_fail(SIZE_MAX);
	return arena_alloc(a, n * size);
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = alloc_raw(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	va_list aq;
	if (!fmt)
		fmt = "";   /* also tells the sanitizer build it cannot be NULL */
	/* Format straight into the free end of the current chunk and keep it
	 * when it fits (nearly always): one pass instead of measure + write,
	 * and nothing to zero. */
	struct arena_chunk *c = a->head;
	size_t room = c ? c->size - c->used : 0;
	char *at = c ? (char *)c->data + c->used : NULL;
	va_copy(aq, ap);
	int n = vsnprintf(at, room, fmt, aq);
	va_end(aq);
	if (n < 0)
		return arena_strdup(a, "");
	if ((size_t)n < room) {
		size_t need = ((size_t)n + 1 + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
		c->used += need <= room ? need : room;
		return at;
	}
	char *p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

void arena_reset(struct arena *a)
{
	struct arena_chunk *c = a->head;
	if (!c)
		return;
	/* Keep one chunk.  When the request needed several, the one kept is
	 * made big enough for all of them (up to ARENA_KEEP_MAX), so a worker
	 * serving the same kind of page again allocates nothing: no malloc and
	 * free of large blocks per request, and memory stays flat. */
	size_t want = a->total <= ARENA_KEEP_MAX ? a->total : ARENA_CHUNK_MIN;
	struct arena_chunk *keep = NULL;
	while (c) {
		struct arena_chunk *next = c->next;
		if (!next && c->size >= want && c->size <= ARENA_KEEP_MAX)
			keep = c;
		else
			free(c);
		c = next;
	}
	if (!keep)
		keep = chunk_new(want);
	a->head = keep;
	keep->used = 0;
	keep->next = NULL;
	a->total = keep->size;
}

void arena_free(struct arena *a)
{
	struct arena_chunk *c = a->head;
	while (c) {
		struct arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	a->head = NULL;
	a->total = 0;
}
