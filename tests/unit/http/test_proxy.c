/* Trusted proxies' headers (proxy.c) and the branding logo check
 * (branding.c): the client address chain, scheme/host/port, the logo URL. */
#include <stdlib.h>
#include <string.h>

#include "branding.h"
#include "check.h"
#include "proxy.h"

static struct config cfg;
static struct arena a;

static void trust(const char *cidr)
{
	CHECK(cidr_parse(cidr, &cfg.trusted_proxies[cfg.n_trusted_proxies++]) == 0);
}

static const char *client(const char *remote, const char *chain)
{
	return proxy_client_addr(&cfg, remote, chain, &a);
}

static void test_client_addr(void)
{
	trust("127.0.0.1/32");
	trust("10.0.0.0/8");
	trust("2001:db8:1::/48");
	/* an untrusted peer: its headers mean nothing */
	CHECK_STR(client("192.0.2.1", "198.51.100.1"), "192.0.2.1");
	CHECK_STR(client("", "198.51.100.1"), "unknown");
	/* trusted peer, no chain */
	CHECK_STR(client("127.0.0.1", NULL), "127.0.0.1");
	/* right-most untrusted; the client's own entries on the left are ignored */
	CHECK_STR(client("127.0.0.1", "203.0.113.9, 198.51.100.7"), "198.51.100.7");
	CHECK_STR(client("127.0.0.1", "203.0.113.9, 198.51.100.7, 10.1.1.1,10.2.2.2"),
	          "198.51.100.7");
	CHECK_STR(client("127.0.0.1", "2001:db8:2::5, 2001:db8:1::9"), "2001:db8:2::5");
	/* ports and brackets */
	CHECK_STR(client("127.0.0.1", "198.51.100.7:4711"), "198.51.100.7");
	CHECK_STR(client("127.0.0.1", "[2001:db8:2::5]:443"), "2001:db8:2::5");
	CHECK_STR(client("127.0.0.1", "\"[2001:db8:2::5]\""), "2001:db8:2::5");
	/* garbage stops the walk at the hop that passed it on */
	CHECK_STR(client("127.0.0.1", "198.51.100.7, <script>"), "127.0.0.1");
	CHECK_STR(client("127.0.0.1", "198.51.100.7, junk, 10.1.1.1"), "10.1.1.1");
	CHECK_STR(client("127.0.0.1", "unknown"), "127.0.0.1");
	/* empty entries are skipped */
	CHECK_STR(client("127.0.0.1", "198.51.100.7, , "), "198.51.100.7");
	CHECK_STR(client("127.0.0.1", ""), "127.0.0.1");
	/* only trusted hops: the left-most of them */
	CHECK_STR(client("127.0.0.1", "10.0.0.1, 10.0.0.2"), "10.0.0.1");
	/* a very long chain is walked from the right only */
	char big[20000];
	size_t n = 0;
	while (n + 20 < sizeof big - 40)
		n += (size_t)snprintf(big + n, sizeof big - n, "10.9.9.9, ");
	snprintf(big + n, sizeof big - n, "198.51.100.8");
	CHECK_STR(client("127.0.0.1", big), "198.51.100.8");
}

static void test_forwarded_for(void)
{
	CHECK(proxy_forwarded_for(NULL, &a) == NULL);
	CHECK(proxy_forwarded_for("proto=https", &a) == NULL);
	CHECK_STR(proxy_forwarded_for("for=192.0.2.60;proto=http;by=203.0.113.43", &a),
	          "192.0.2.60");
	CHECK_STR(proxy_forwarded_for("For=\"[2001:db8:cafe::17]:4711\", for=198.51.100.17", &a),
	          "[2001:db8:cafe::17]:4711,198.51.100.17");
	CHECK_STR(client("127.0.0.1", proxy_forwarded_for(
	              "for=203.0.113.1, for=\"198.51.100.17:80\";proto=https", &a)),
	          "198.51.100.17");
	CHECK_STR(client("127.0.0.1", proxy_forwarded_for("for=_hidden, for=10.0.0.3", &a)),
	          "10.0.0.3");
}

static void test_origin(void)
{
	struct proxy_origin o;
	proxy_origin(NULL, NULL, NULL, NULL, &a, &o);
	CHECK(o.https == -1 && o.host == NULL && o.port == 0);
	proxy_origin(NULL, "https", "kimai.example.com", NULL, &a, &o);
	CHECK(o.https == 1 && o.port == 0);
	CHECK_STR(o.host, "kimai.example.com");
	proxy_origin(NULL, "HTTP", "kimai.example.com:8080", NULL, &a, &o);
	CHECK(o.https == 0 && o.port == 8080);
	CHECK_STR(o.host, "kimai.example.com");
	proxy_origin(NULL, "http, https", "a.invalid, b.example", "80, 8443", &a, &o);
	CHECK(o.https == 1 && o.port == 8443);
	CHECK_STR(o.host, "b.example");
	proxy_origin(NULL, NULL, "[2001:db8::1]:444", NULL, &a, &o);
	CHECK_STR(o.host, "[2001:db8::1]");
	CHECK(o.port == 444);
	/* Forwarded: the last element, over the X-Forwarded-* headers */
	proxy_origin("for=1.2.3.4;proto=http;host=x.invalid, for=10.0.0.1;host=\"k.example:9443\";proto=https",
	             "http", "y.invalid", NULL, &a, &o);
	CHECK(o.https == 1 && o.port == 9443);
	CHECK_STR(o.host, "k.example");
	/* garbage is ignored, field by field */
	proxy_origin(NULL, "javascript", "<b>x</b>", "99999", &a, &o);
	CHECK(o.https == -1 && o.host == NULL && o.port == 0);
	proxy_origin("proto=\"https\\\"x\";host=\"a b\"", NULL, "host:0", "0", &a, &o);
	CHECK(o.https == -1 && o.host == NULL && o.port == 0);
	proxy_origin(NULL, NULL, "[::1", "", &a, &o);
	CHECK(o.host == NULL);
	proxy_origin(NULL, NULL, "example.com:", NULL, &a, &o);
	CHECK(o.host == NULL);
}

static void test_logo(void)
{
	char origin[600];
	CHECK(branding_logo_ok("/uploads/logo.png", origin, sizeof origin));
	CHECK_STR(origin, "");
	CHECK(branding_logo_ok("https://cdn.example.com/a/logo.svg?v=2", origin, sizeof origin));
	CHECK_STR(origin, "https://cdn.example.com");
	CHECK(branding_logo_ok("https://cdn.example.com:8443/l.png", origin, sizeof origin));
	CHECK_STR(origin, "https://cdn.example.com:8443");
	static const char *const bad[] = {
		NULL, "", "logo.png", "//evil.example/l.png", "http://cdn.example.com/l.png",
		"javascript:alert(1)", "data:image/png;base64,AAAA", "https://cdn.example.com",
		"https://u@cdn.example.com/l.png", "https://cdn.example.com/a\"b.png",
		"https://cdn.example.com/a b.png", "/a<b>.png", "https://cdn.exa mple.com/l.png",
		"https://cdn.example.com:99999999/l.png", "/l.png\\\\", "\\\\evil/l.png",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		CHECK(!branding_logo_ok(bad[i], origin, sizeof origin));
		CHECK_STR(origin, "");
	}
}

int main(void)
{
	arena_init(&a);
	test_client_addr();
	test_forwarded_for();
	test_origin();
	test_logo();
	arena_free(&a);
	return check_done();
}
