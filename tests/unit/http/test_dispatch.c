/* The request boundary (dispatch.c, status.c): how a page's return becomes
 * the response, and the one table of statuses.  The pages here exist only
 * in this test; no route of the portal reaches them. */
#include <stdbool.h>

#include "arena.h"
#include "check.h"
#include "dispatch.h"
#include "status.h"

static struct arena a;
static struct buf out;

static void req_new(struct req *r)
{
	memset(r, 0, sizeof *r);
	r->a = &a;
	r->out = &out;
	buf_reset(&out);
}

/* Writes half a page and a header, then fails without saying why. */
static int page_silent_failure(struct req *r, struct perr *e)
{
	(void)e;
	r->status = 200;
	req_header(r, "Set-Cookie", "half=1");
	buf_puts(r->out, "<html><body>half a page");
	return -1;
}

static int page_not_found(struct req *r, struct perr *e)
{
	buf_puts(r->out, "partial");
	return PERR(e, PERR_NOT_FOUND, "no such thing");
}

static int page_ok(struct req *r, struct perr *e)
{
	(void)e;
	req_redirect(r, 303, "/en/somewhere");
	buf_puts(r->out, "done");
	return 0;
}

static void test_failure_without_error_is_internal(void)
{
	const struct route rt = {"/{lang}/test/silent", RF_GET, page_silent_failure};
	struct req r;
	struct perr e = {0};

	req_new(&r);
	CHECK(!dispatch_page(&r, &rt, &e));
	CHECK(e.kind == PERR_INTERNAL);
	CHECK_STR(e.func, "dispatch_page");
	CHECK(e.msg[0] != '\0');
	CHECK(status_of(e.kind) == 500);
	CHECK(out.len == 0);        /* the partial page is not sent */
	CHECK(r.nheaders == 0);     /* nor the headers it set */
}

static void test_failure_keeps_its_error(void)
{
	const struct route rt = {"/{lang}/test/missing", RF_GET, page_not_found};
	struct req r;
	struct perr e = {0};

	req_new(&r);
	CHECK(!dispatch_page(&r, &rt, &e));
	CHECK(e.kind == PERR_NOT_FOUND);
	CHECK_STR(e.func, "page_not_found");
	CHECK_STR(e.msg, "no such thing");
	CHECK(out.len == 0);
}

static void test_success_is_the_page(void)
{
	const struct route rt = {"/{lang}/test/ok", RF_GET, page_ok};
	struct req r;
	struct perr e = {0};

	req_new(&r);
	CHECK(dispatch_page(&r, &rt, &e));
	CHECK(e.kind == PERR_OK);
	CHECK(r.status == 303);
	CHECK(r.nheaders == 1);
	CHECK(out.len == 4 && memcmp(out.data, "done", 4) == 0);
}

static void test_status_table(void)
{
	static const struct {
		enum perr_kind kind;
		int            status;
		const char    *key;
	} want[] = {
		{PERR_BAD_INPUT,      400, "bad_request"},
		{PERR_FORBIDDEN,      403, "forbidden"},
		{PERR_CROSS_SITE,     403, "cross_site"},
		{PERR_NOT_FOUND,      404, "not_found"},
		{PERR_METHOD,         405, "method"},
		{PERR_DB_UNAVAILABLE, 503, "unavailable"},
		{PERR_CONFIG,         500, "internal"},
		{PERR_INTERNAL,       500, "internal"},
	};

	CHECK(sizeof want / sizeof want[0] == PERR__MAX - 1);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		CHECK(status_of(want[i].kind) == want[i].status);
		CHECK_STR(status_key(want[i].kind), want[i].key);
	}
	CHECK(status_of(PERR_OK) == 200);
	CHECK(status_of(PERR__MAX) == 500);
	CHECK_STR(status_reason(200), "OK");
	CHECK_STR(status_reason(301), "Moved Permanently");
	CHECK_STR(status_reason(302), "Found");
	CHECK_STR(status_reason(303), "See Other");
	CHECK_STR(status_reason(400), "Bad Request");
	CHECK_STR(status_reason(403), "Forbidden");
	CHECK_STR(status_reason(404), "Not Found");
	CHECK_STR(status_reason(405), "Method Not Allowed");
	CHECK_STR(status_reason(429), "Too Many Requests");
	CHECK_STR(status_reason(500), "Internal Server Error");
	CHECK_STR(status_reason(503), "Service Unavailable");
}

int main(void)
{
	arena_init(&a);
	buf_init(&out);
	test_failure_without_error_is_internal();
	test_failure_keeps_its_error();
	test_success_is_the_page();
	test_status_table();
	buf_free(&out);
	arena_free(&a);
	return check_done();
}
