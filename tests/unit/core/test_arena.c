/* Arena and buffer: alignment, growth past a chunk, reset keeps memory flat. */
#include <stdint.h>

#include "arena.h"
#include "check.h"

int main(void)
{
	struct arena a;
	arena_init(&a);
	for (int i = 0; i < 1000; i++) {
		char *p = arena_alloc(&a, (size_t)i + 1);
		CHECK(((uintptr_t)p % 16) == 0);
		CHECK(p[i] == 0);
	}
	char *big = arena_alloc(&a, 1 << 20);   /* larger than a chunk */
	big[(1 << 20) - 1] = 'x';
	CHECK_STR(arena_printf(&a, "%s-%d", "a", 42), "a-42");
	CHECK_STR(arena_strndup(&a, "abcdef", 3), "abc");
	CHECK(arena_strdup(&a, NULL) == NULL);
	arena_reset(&a);
	size_t after_first = a.total;
	for (int round = 0; round < 5; round++) {
		arena_alloc(&a, 200000);
		arena_reset(&a);
		CHECK(a.total == after_first);
	}
	arena_free(&a);

	struct buf b;
	buf_init(&b);
	CHECK_STR(buf_cstr(&b), "");
	for (int i = 0; i < 10000; i++)
		buf_putc(&b, 'a');
	buf_printf(&b, "%05d", 7);
	CHECK(b.len == 10005);
	CHECK_STR(b.data + 10000, "00007");
	buf_reset(&b);
	CHECK(b.len == 0 && b.data[0] == 0);
	buf_free(&b);
	return check_done();
}
