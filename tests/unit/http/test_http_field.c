/* Header values, media types and the origin of POSTs (http_field.c). */
#include <string.h>

#include "check.h"
#include "http_field.h"

static void test_field_values(void)
{
	char big[HTTP_FIELD_VALUE_MAX + 2];

	CHECK(http_field_value_ok("/en/auth/customer-portal/Key?year=2024&month=3"));
	CHECK(http_field_value_ok("a b\tc"));
	CHECK(http_field_value_ok(""));
	CHECK(!http_field_value_ok(NULL));
	CHECK(!http_field_value_ok("/en/auth/x\r\nSet-Cookie: a=b"));
	CHECK(!http_field_value_ok("/x\nLocation: //evil"));
	CHECK(!http_field_value_ok("/x\r"));
	CHECK(!http_field_value_ok("a\x01" "b"));
	CHECK(!http_field_value_ok("a\x7f"));
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	CHECK(!http_field_value_ok(big));
	big[HTTP_FIELD_VALUE_MAX] = '\0';
	CHECK(http_field_value_ok(big));
}

static void test_media_types(void)
{
	const char *form = "application/x-www-form-urlencoded";

	CHECK(http_media_type_is("application/x-www-form-urlencoded", form));
	CHECK(http_media_type_is("application/x-www-form-urlencoded; charset=UTF-8", form));
	CHECK(http_media_type_is("APPLICATION/X-WWW-FORM-URLENCODED; CHARSET=UTF-8", form));
	CHECK(http_media_type_is("Application/X-Www-Form-Urlencoded;charset=utf-8", form));
	CHECK(http_media_type_is("application/x-www-form-urlencoded ; charset=utf-8", form));
	CHECK(http_media_type_is(" application/x-www-form-urlencoded", form));
	CHECK(!http_media_type_is("application/x-www-form-urlencodedx", form));
	CHECK(!http_media_type_is("multipart/form-data; boundary=x", form));
	CHECK(!http_media_type_is("application/x-www-form", form));
	CHECK(!http_media_type_is("", form));
	CHECK(!http_media_type_is(NULL, form));
}

static void test_post_origin(void)
{
	const char *host = "portal.example:8080";

	/* No header at all: non-browser clients and old browsers work as before. */
	CHECK(http_post_origin_ok(NULL, NULL, host));
	CHECK(http_post_origin_ok("http://portal.example:8080", NULL, host));
	CHECK(http_post_origin_ok("HTTPS://Portal.Example:8080", "same-origin", host));
	CHECK(http_post_origin_ok(NULL, "same-origin", host));
	CHECK(http_post_origin_ok(NULL, "same-site", host));
	CHECK(http_post_origin_ok(NULL, "none", host));
	/* Origin: null is left to Sec-Fetch-Site */
	CHECK(http_post_origin_ok("null", "same-origin", host));
	CHECK(!http_post_origin_ok("null", "cross-site", host));
	CHECK(!http_post_origin_ok(NULL, "cross-site", host));
	CHECK(!http_post_origin_ok("http://portal.example:8080", "cross-site", host));
	CHECK(!http_post_origin_ok("http://evil.example", NULL, host));
	CHECK(!http_post_origin_ok("http://portal.example", NULL, host));
	CHECK(!http_post_origin_ok("http://portal.example:8081", NULL, host));
	CHECK(!http_post_origin_ok("http://portal.example.evil:8080", NULL, host));
	CHECK(!http_post_origin_ok("http://user@portal.example:8080", NULL, host));
	CHECK(!http_post_origin_ok("ftp://portal.example:8080", NULL, host));
	CHECK(!http_post_origin_ok("portal.example:8080", NULL, host));
	CHECK(!http_post_origin_ok("", NULL, host));
	CHECK(!http_post_origin_ok("http://portal.example:8080", NULL, NULL));
	/* default ports may be left out on either side */
	CHECK(http_post_origin_ok("https://portal.example", NULL, "portal.example:443"));
	CHECK(!http_post_origin_ok("https://portal.example", NULL, "portal.example:80"));
	CHECK(http_post_origin_ok("http://[::1]:8080", NULL, "[::1]:8080"));
	CHECK(http_post_origin_ok("http://[::1]", NULL, "[::1]:80"));
	CHECK(!http_post_origin_ok("http://[::2]:8080", NULL, "[::1]:8080"));
	/* a Host without a port (nginx's $host): the host names only */
	CHECK(http_post_origin_ok("https://portal.example", NULL, "portal.example"));
	CHECK(http_post_origin_ok("http://portal.example:8080", NULL, "portal.example"));
	CHECK(http_post_origin_ok("http://[::1]:8080", NULL, "[::1]"));
	CHECK(!http_post_origin_ok("http://evil.example:8080", NULL, "portal.example"));
	CHECK(!http_post_origin_ok("http://portal.example.evil", NULL, "portal.example"));
}

static void test_accept_encoding(void)
{
	CHECK(!http_accepts_gzip(NULL));
	CHECK(!http_accepts_gzip(""));
	CHECK(!http_accepts_gzip("identity"));
	CHECK(!http_accepts_gzip("br, deflate"));
	CHECK(!http_accepts_gzip("gzipx"));
	CHECK(http_accepts_gzip("gzip"));
	CHECK(http_accepts_gzip("GZip"));
	CHECK(http_accepts_gzip("gzip, deflate, br, zstd"));
	CHECK(http_accepts_gzip("br;q=1.0, gzip;q=0.8, *;q=0.1"));
	CHECK(http_accepts_gzip("x-gzip"));
	CHECK(http_accepts_gzip("*"));
	CHECK(http_accepts_gzip("gzip;q=0.001"));
	CHECK(!http_accepts_gzip("gzip;q=0"));
	CHECK(!http_accepts_gzip("gzip; q=0.000, *"));
	CHECK(!http_accepts_gzip("*;q=0"));
	CHECK(!http_accepts_gzip("br, *;q=0"));
}

int main(void)
{
	test_field_values();
	test_media_types();
	test_post_origin();
	test_accept_encoding();
	return check_done();
}
