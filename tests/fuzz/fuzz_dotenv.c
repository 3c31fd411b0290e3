/* libFuzzer target: dotenv parsing (src/dotenv.c).
 *   clang -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE -Iinclude \
 *     tests/fuzz/fuzz_dotenv.c src/dotenv.c src/arena.c src/perr.c src/log.c
 *   ./a.out -dict=tests/fuzz/dotenv.dict tests/fuzz/corpus/dotenv
 * Besides memory errors it checks the bounds the parser promises for every
 * assignment it reports. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_pair(void *ctx, const char *key, const char *value)
{
	size_t *n = ctx;
	size_t klen = strlen(key);
	if (klen == 0 || klen > DOTENV_MAX_KEY || strlen(value) > DOTENV_MAX_VALUE)
		abort();
	if (++*n > DOTENV_MAX_VARS)
		abort();
}

static const char *no_earlier(void *ctx, const char *key)
{
	(void)ctx;
	/* Exercise the earlier-file lookup path with a fixed value. */
	return strcmp(key, "EARLIER") == 0 ? "from-an-earlier-file" : NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct perr e = {0};
	size_t n = 0;
	if (dotenv_parse_ex((const char *)data, size, no_earlier, check_pair, &n, &e) != 0) {
		if (!memchr(e.msg, '\0', sizeof(e.msg)) || strncmp(e.msg, "line ", 5) != 0)
			if (size <= DOTENV_MAX_FILE)
				abort();
	}
	return 0;
}
