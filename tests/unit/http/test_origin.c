/* Same-origin POSTs (origin.h). */
#include "check.h"
#include "origin.h"
#include "req.h"

int main(void)
{
	CHECK(origin_matches("http://127.0.0.1:8080", "127.0.0.1:8080", false));
	CHECK(origin_matches("https://portal.example", "portal.example", true));
	CHECK(origin_matches("https://portal.example:443", "portal.example", true));
	CHECK(origin_matches("https://Portal.Example", "portal.example", false));   /* TLS proxy */
	CHECK(!origin_matches("https://evil.example", "portal.example", true));
	CHECK(!origin_matches("https://portal.example.evil", "portal.example", true));
	CHECK(!origin_matches("http://127.0.0.1:8081", "127.0.0.1:8080", false));
	CHECK(!origin_matches("null", "portal.example", true));
	CHECK(!origin_matches("https://portal.example/x", "portal.example", true));
	CHECK(!origin_matches("https://", "portal.example", true));
	CHECK(!origin_matches("https://portal.example", NULL, true));

	struct req r = {.host = "portal.example", .https = true};
	CHECK(req_same_origin(&r));                      /* no headers: not a browser form */
	r.fetch_site = "same-origin";
	CHECK(req_same_origin(&r));
	r.fetch_site = "cross-site";
	CHECK(!req_same_origin(&r));
	r.fetch_site = NULL;
	r.origin = "https://portal.example";
	CHECK(req_same_origin(&r));
	r.origin = "https://attacker.example";
	CHECK(!req_same_origin(&r));
	r.origin = "null";
	CHECK(!req_same_origin(&r));                     /* opaque, nobody vouches */
	r.fetch_site = "same-origin";
	CHECK(req_same_origin(&r));                      /* a no-referrer page's own form */
	r.fetch_site = "same-site";
	CHECK(!req_same_origin(&r));
	r.fetch_site = NULL;
	/* nginx's $host without the port, the port in SERVER_PORT */
	struct req r2 = {.host = "127.0.0.1", .server_port = 8080, .origin = "http://127.0.0.1:8080"};
	CHECK(req_same_origin(&r2));
	r2.origin = "http://127.0.0.1:9090";
	CHECK(!req_same_origin(&r2));
	return check_done();
}
