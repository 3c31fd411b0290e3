/* Randomness from the kernel's CSPRNG (random.h). */
#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include "random.h"

int random_bytes(void *buf, size_t n, struct perr *e)
{
	unsigned char *p = buf;

	while (n > 0) {
		ssize_t got = getrandom(p, n, 0);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			return PERR(e, PERR_INTERNAL, "getrandom: %s", strerror(errno));
		}
		p += got;
		n -= (size_t)got;
	}
	return 0;
}

int share_key_new(char out[SHARE_KEY_LEN + 1], struct perr *e)
{
	static const char alphabet[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	/* 248 = 4 × 62: bytes at or above it are dropped, so every character
	 * is equally likely (no modulo bias). */
	const unsigned limit = 4 * 62;
	unsigned char pool[64];
	size_t have = 0, used = 0, len = 0;

	while (len < SHARE_KEY_LEN) {
		if (used == have) {
			if (random_bytes(pool, sizeof pool, e) < 0)
				return -1;
			have = sizeof pool;
			used = 0;
		}
		unsigned b = pool[used++];
		if (b < limit)
			out[len++] = alphabet[b % 62];
	}
	out[len] = '\0';
	explicit_bzero(pool, sizeof pool);
	return 0;
}
