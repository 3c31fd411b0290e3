/* libFuzzer target: DATABASE_URL parsing (src/dburl.c).
 *   clang -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE -Iinclude \
 *     tests/fuzz/fuzz_dburl.c src/dburl.c src/arena.c src/perr.c src/log.c
 *   ./a.out -dict=tests/fuzz/dburl.dict tests/fuzz/corpus/dburl
 * Besides memory errors it checks the parser's promises: a parsed URL has a
 * database name and a host or a socket; a failure leaves nothing allocated
 * and a one-line message. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *url = xmalloc(size + 1);
	struct dburl u;
	struct perr e = {0};
	memcpy(url, data, size);
	url[size] = '\0';
	if (dburl_parse(url, &u, &e) == 0) {
		if (!u.dbname || !u.dbname[0] || (!u.host && !u.unix_socket) || !u.charset)
			abort();
		if (u.port > 65535)
			abort();
		dburl_free(&u);
	} else {
		if (u.user || u.password || u.host || u.dbname || u.unix_socket || u.charset)
			abort();
		if (!memchr(e.msg, '\0', sizeof(e.msg)) || strchr(e.msg, '\n'))
			abort();
	}
	free(url);
	return 0;
}
