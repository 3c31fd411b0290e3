/* libFuzzer target for the unlock cookie verifier.  Besides "no crash, no
 * over-read" it checks the one property that matters: a value is accepted
 * only if it is byte for byte the cookie we would make for that expiry.
 *
 *   clang -std=c17 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined \
 *     -Iinclude src/crypto.c src/arena.c src/perr.c src/log.c tests/fuzz/fuzz_cookie.c \
 *     -largon2 -lcrypt -lnettle -o fuzz_cookie
 *   ./fuzz_cookie tests/fuzz/corpus/cookie */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crypto.h"

static const unsigned char secret[UNLOCK_SECRET_LEN] = "fuzz-secret-fuzz-secret-fuzz-sec";
static const char share_key[] = "AbCdEfGhIj0123456789";
static const char stored_hash[] =
	"$2y$13$Kimai.Portal.Test.SalefJC/zpDK8kSvT2WK6kiATUURzefUw2e";
#define SHARE_ID 7
#define NOW      1700000000LL

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *value = malloc(size + 1);
	char genuine[UNLOCK_COOKIE_MAX + 1];
	long long expires = 0;

	if (!value)
		return 0;
	memcpy(value, data, size);
	value[size] = '\0';
	if (unlock_cookie_verify(secret, SHARE_ID, share_key, stored_hash, value, NOW)) {
		/* Accepted: it must be exactly what we would have issued. */
		for (const char *p = value + 3; *p >= '0' && *p <= '9'; p++)
			expires = expires * 10 + (*p - '0');
		if (unlock_cookie_make(secret, SHARE_ID, share_key, stored_hash, expires,
		                       genuine, sizeof genuine) < 0 ||
		    strcmp(genuine, value) != 0)
			abort();
	}
	free(value);
	return 0;
}
