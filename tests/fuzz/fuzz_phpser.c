/* libFuzzer target: the PHP serialize() reader on arbitrary bytes.  Also
 * walks the resulting tree, so every node the parser returns is checked to
 * be readable.  Build:
 *   clang -fsanitize=fuzzer,address,undefined -Iinclude -I/usr/include/ClearSilver \
 *     tests/fuzz/fuzz_phpser.c src/phpser.c src/arena.c src/log.c src/perr.c -lm
 * Run: ./a.out -dict=tests/fuzz/phpser.dict tests/fuzz/corpus/phpser */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "phpser.h"

static size_t walk(const struct php_val *v, unsigned depth)
{
	size_t n = 1;

	if (depth > 64)
		__builtin_trap();   /* deeper than any limit allows */
	if (v->t == PHP_STRING || v->t == PHP_OBJECT || v->t == PHP_ENUM ||
	    v->t == PHP_CUSTOM) {
		if (v->s[v->len] != '\0')
			__builtin_trap();
	}
	if (v->t == PHP_ARRAY || v->t == PHP_OBJECT)
		for (size_t k = 0; k < v->n; k++)
			n += walk(v->items[k].key, depth + 1) + walk(v->items[k].val, depth + 1);
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena a;
	static int init;
	struct php_val *v = NULL;
	struct perr e;
	size_t used = 0;

	if (!init) {
		arena_init(&a);
		init = 1;
	}
	memset(&e, 0, sizeof(e));
	if (php_unserialize((const char *)data, size, NULL, &a, &v, NULL, &e) == 0) {
		if (walk(v, 0) > php_default_limits.max_nodes)
			__builtin_trap();
		(void)php_get(v, "id");
		(void)php_at(v, 0);
	}
	if (php_unserialize((const char *)data, size, NULL, &a, &v, &used, &e) == 0 &&
	    used > size)
		__builtin_trap();
	arena_reset(&a);
	return 0;
}
