/* CSV fields, the formula guard and file names of the download
 * (page_share_csv.c). */
#include "arena.h"
#include "check.h"
#include "escape.h"
#include "share_csv.h"

static const char *field(struct buf *b, const char *s, bool text)
{
	buf_reset(b);
	csv_field(b, s, text);
	return buf_cstr(b);
}

static void test_fields(void)
{
	struct buf b;
	buf_init(&b);
	CHECK_STR(field(&b, "plain", true), "plain");
	CHECK_STR(field(&b, "", true), "");
	CHECK_STR(field(&b, NULL, true), "");
	CHECK_STR(field(&b, "a,b", true), "\"a,b\"");
	CHECK_STR(field(&b, "say \"hi\"", true), "\"say \"\"hi\"\"\"");
	CHECK_STR(field(&b, "two\nlines", true), "\"two\nlines\"");
	CHECK_STR(field(&b, "cr\r\nlf", true), "\"cr\r\nlf\"");
	CHECK_STR(field(&b, "設計レビュー", true), "設計レビュー");
	/* formulas: a leading apostrophe, inside quotes */
	CHECK_STR(field(&b, "=1+2", true), "\"'=1+2\"");
	CHECK_STR(field(&b, "+49 30 1234", true), "\"'+49 30 1234\"");
	CHECK_STR(field(&b, "-5", true), "\"'-5\"");
	CHECK_STR(field(&b, "@SUM(A1)", true), "\"'@SUM(A1)\"");
	CHECK_STR(field(&b, "\tx", true), "\"'\tx\"");
	CHECK_STR(field(&b, "=HYPERLINK(\"x\")", true), "\"'=HYPERLINK(\"\"x\"\")\"");
	CHECK_STR(field(&b, "a=b", true), "a=b");
	/* ... also after leading blanks, which spreadsheets skip */
	CHECK_STR(field(&b, " =1+2", true), "\"' =1+2\"");
	CHECK_STR(field(&b, "  +49", true), "\"'  +49\"");
	CHECK_STR(field(&b, "\n-5", true), "\"'\n-5\"");
	CHECK_STR(field(&b, "\r\n@SUM(A1)", true), "\"'\r\n@SUM(A1)\"");
	CHECK_STR(field(&b, " \t =HYPERLINK(1)", true), "\"' \t =HYPERLINK(1)\"");
	CHECK_STR(field(&b, "  plain", true), "  plain");
	CHECK_STR(field(&b, "   ", true), "   ");
	CHECK(csv_needs_guard(" =") && csv_needs_guard("\n\n@") && !csv_needs_guard(" x-") &&
	      !csv_needs_guard(" "));
	/* our own numbers are never touched */
	CHECK_STR(field(&b, "-0.50", false), "-0.50");
	CHECK(csv_needs_guard("=") && !csv_needs_guard("x=") && !csv_needs_guard("") &&
	      !csv_needs_guard(NULL));
	buf_free(&b);
}

static void test_file_names(void)
{
	char out[128];
	csv_file_name("Gen GmbH", 2026, 4, out, sizeof out);
	CHECK_STR(out, "Gen_GmbH-2026-04.csv");
	csv_file_name("Müller & Söhne", 2026, 12, out, sizeof out);
	CHECK_STR(out, "M_ller_S_hne-2026-12.csv");
	csv_file_name("  \"quoted\"; name\r\n", 2026, 1, out, sizeof out);
	CHECK_STR(out, "quoted_name-2026-01.csv");
	csv_file_name("設計", 2026, 1, out, sizeof out);
	CHECK_STR(out, "timesheets-2026-01.csv");
	csv_file_name(NULL, 2026, 1, out, sizeof out);
	CHECK_STR(out, "timesheets-2026-01.csv");
	csv_file_name("../../etc/passwd", 2026, 1, out, sizeof out);
	CHECK_STR(out, "etc_passwd-2026-01.csv");
	char longname[300];
	memset(longname, 'a', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	csv_file_name(longname, 2026, 1, out, sizeof out);
	CHECK(strlen(out) == 80 + strlen("-2026-01.csv"));
}

int main(void)
{
	test_fields();
	test_file_names();
	return check_done();
}
