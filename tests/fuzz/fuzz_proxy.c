/* libFuzzer target: trusted proxies' headers (src/proxy.c).  The input is
 * split at newlines into REMOTE_ADDR, X-Forwarded-For, Forwarded,
 * X-Forwarded-Proto, -Host and -Port; also the branding logo check. */
#include <arpa/inet.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "branding.h"
#include "proxy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool is_addr(const char *s)
{
	unsigned char tmp[16];
	return inet_pton(AF_INET, s, tmp) == 1 || inet_pton(AF_INET6, s, tmp) == 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct config cfg;
	if (cfg.n_trusted_proxies == 0) {
		cidr_parse("127.0.0.1/32", &cfg.trusted_proxies[cfg.n_trusted_proxies++]);
		cidr_parse("10.0.0.0/8", &cfg.trusted_proxies[cfg.n_trusted_proxies++]);
		cidr_parse("::1", &cfg.trusted_proxies[cfg.n_trusted_proxies++]);
	}
	struct arena a;
	arena_init(&a);
	char *in = arena_strndup(&a, (const char *)data, size);
	const char *f[6] = {0};
	for (int i = 0; i < 6 && in; i++) {
		f[i] = in;
		in = strchr(in, '\n');
		if (in)
			*in++ = '\0';
	}
	const char *remote = f[0] ? f[0] : "";
	const char *chain = f[1] ? f[1] : proxy_forwarded_for(f[2], &a);
	const char *c = proxy_client_addr(&cfg, remote, chain, &a);
	/* the peer itself, or an address from the chain */
	if (!c || (strcmp(c, remote) != 0 && strcmp(c, "unknown") != 0 && !is_addr(c)))
		abort();
	struct proxy_origin o;
	proxy_origin(f[2], f[3], f[4], f[5], &a, &o);
	if (o.https < -1 || o.https > 1 || o.port > 65535)
		abort();
	if (o.host && (strlen(o.host) > 255 || strpbrk(o.host, " \t\"<>/\\@")))
		abort();
	char origin[BRANDING_MAX_TEXT + 1];
	if (branding_logo_ok(f[1], origin, sizeof origin) && strpbrk(f[1], " \t\"<>'\\"))
		abort();
	arena_free(&a);
	return 0;
}
