/* Unit tests of the client buckets of throttle.c (the database side is
 * covered by tests/integration/test_unlock.py). */
#include "check.h"
#include "throttle.h"

static const char *key(const char *addr)
{
	static char out[THROTTLE_KEY_MAX];

	throttle_key(addr, out);
	return out;
}

int main(void)
{
	CHECK_STR(key("203.0.113.9"), "203.0.113.9");
	CHECK_STR(key("::ffff:203.0.113.9"), "203.0.113.9");
	/* One subscriber's /64 is one bucket, whatever the spelling. */
	CHECK_STR(key("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), "2001:db8:1:2::/64");
	CHECK_STR(key("2001:0db8:0001:0002::1"), "2001:db8:1:2::/64");
	CHECK_STR(key("2001:db8:1:3::1"), "2001:db8:1:3::/64");
	CHECK_STR(key("::1"), "::/64");
	CHECK_STR(key("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"), "ffff:ffff:ffff:ffff::/64");
	/* Whatever is not an address shares one bucket. */
	CHECK_STR(key("unknown"), "unknown");
	CHECK_STR(key(""), "unknown");
	CHECK_STR(key(NULL), "unknown");
	CHECK_STR(key("203.0.113.9 "), "unknown");
	CHECK_STR(key("fe80::1%eth0"), "unknown");
	return check_done();
}
