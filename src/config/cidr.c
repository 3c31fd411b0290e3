/* Address ranges for --trusted-proxy: "10.0.0.0/8", "::1/128", or a bare
 * address (one host).  IPv4-mapped IPv6 addresses (::ffff:a.b.c.d), as a
 * dual-stack listener reports IPv4 clients, match IPv4 ranges. */
#include <arpa/inet.h>
#include <stdbool.h>
#include <string.h>
#include <sys/socket.h>

#include "config.h"
#include "intparse.h"

#define CIDR_MAX_TEXT 64

static const unsigned char v4mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

/* Parses a textual address into 16 bytes; returns the family or 0. */
static int parse_addr(const char *s, size_t n, unsigned char out[16])
{
	char tmp[CIDR_MAX_TEXT];
	if (n == 0 || n >= sizeof(tmp))
		return 0;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	memset(out, 0, 16);
	if (inet_pton(AF_INET, tmp, out) == 1)
		return AF_INET;
	if (inet_pton(AF_INET6, tmp, out) == 1)
		return AF_INET6;
	return 0;
}

int cidr_parse(const char *s, struct cidr *out)
{
	size_t n = strnlen(s, CIDR_MAX_TEXT);
	if (n >= CIDR_MAX_TEXT)
		return -1;
	const char *slash = memchr(s, '/', n);
	size_t alen = slash ? (size_t)(slash - s) : n;
	struct cidr c = {0};
	if (!(c.family = parse_addr(s, alen, c.addr)))
		return -1;
	int max = c.family == AF_INET ? 32 : 128;
	c.bits = max;
	if (slash) {
		const char *p = slash + 1;
		size_t plen = n - alen - 1;
		if (plen == 0 || plen > 3)
			return -1;
		long long bits;
		if (int_parse(p, plen, 0, max, 0, &bits))
			return -1;
		c.bits = (int)bits;
	}
	/* Clear the host bits so that matching is a plain prefix compare. */
	for (int i = 0; i < 16; i++) {
		int keep = c.bits - i * 8;
		if (keep <= 0)
			c.addr[i] = 0;
		else if (keep < 8)
			c.addr[i] &= (unsigned char)(0xff << (8 - keep));
	}
	*out = c;
	return 0;
}

static bool prefix_equal(const unsigned char *a, const unsigned char *b, int bits)
{
	int full = bits / 8, rest = bits % 8;
	if (memcmp(a, b, (size_t)full) != 0)
		return false;
	if (rest == 0)
		return true;
	unsigned char mask = (unsigned char)(0xff << (8 - rest));
	return (a[full] & mask) == (b[full] & mask);
}

bool cidr_match(const struct cidr *c, const char *addr)
{
	unsigned char a[16], mapped[16];
	if (!c || !addr)
		return false;
	int fam = parse_addr(addr, strnlen(addr, CIDR_MAX_TEXT), a);
	if (fam == 0)
		return false;
	if (c->family == AF_INET) {
		if (fam == AF_INET6) {
			if (memcmp(a, v4mapped, sizeof(v4mapped)) != 0)
				return false;
			memmove(a, a + 12, 4);
		}
		return prefix_equal(c->addr, a, c->bits);
	}
	if (fam == AF_INET) {
		memcpy(mapped, v4mapped, sizeof(v4mapped));
		memcpy(mapped + 12, a, 4);
		memcpy(a, mapped, 16);
	}
	return prefix_equal(c->addr, a, c->bits);
}
