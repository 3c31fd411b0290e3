/* portal-install without a database: schema file discovery, statement
 * splitting, and the rules the shipped schema files must follow. */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "check.h"
#include "install.h"

struct stmts {
	char   text[16][512];
	size_t n;
};

static int collect(void *ctx, const char *stmt, size_t len, struct perr *e)
{
	struct stmts *s = ctx;
	(void)e;
	if (s->n < 16)
		snprintf(s->text[s->n], sizeof(s->text[0]), "%.*s", (int)len, stmt);
	s->n++;
	return 0;
}

static int split(const char *sql, struct stmts *s)
{
	struct perr e = {0};
	memset(s, 0, sizeof(*s));
	return sql_split(sql, strlen(sql), collect, s, &e);
}

static void test_split(void)
{
	struct stmts s;
	CHECK(split("CREATE TABLE a (x INT); CREATE TABLE b (y INT);", &s) == 0);
	CHECK(s.n == 2);
	CHECK_STR(s.text[0], "CREATE TABLE a (x INT)");
	CHECK_STR(s.text[1], "CREATE TABLE b (y INT)");

	/* comments vanish, quoted semicolons stay, a missing final ; is fine */
	CHECK(split("-- heading; with semicolon\n"
	            "# hash comment;\n"
	            "/* block; comment */ INSERT INTO t VALUES ('a;b', \"c;d\", `e;f`);\n"
	            "  \n ; ;\n"
	            "SELECT 'it''s', 'x\\';y' -- trailing\n", &s) == 0);
	CHECK(s.n == 2);
	CHECK_STR(s.text[0], "INSERT INTO t VALUES ('a;b', \"c;d\", `e;f`)");
	CHECK_STR(s.text[1], "SELECT 'it''s', 'x\\';y'");
	/* `--` needs a blank after it to start a comment (as in MariaDB) */
	CHECK(split("SELECT 1--1;", &s) == 0);
	CHECK(s.n == 1);
	CHECK_STR(s.text[0], "SELECT 1--1");
	CHECK(split("", &s) == 0 && s.n == 0);
	CHECK(split("-- only a comment", &s) == 0 && s.n == 0);

	CHECK(split("SELECT 'open", &s) == -1);
	CHECK(split("SELECT 1 /* open", &s) == -1);
	CHECK(split("SELECT `open", &s) == -1);
}

static void test_created_table(void)
{
	char t[65];
	const char *s;
	s = "CREATE TABLE IF NOT EXISTS kimai2_customer_portals (id INT)";
	CHECK(sql_created_table(s, strlen(s), t, sizeof(t)));
	CHECK_STR(t, "kimai2_customer_portals");
	s = "  create\ttable if  not\nexists `bundle_migration_customer_portal`(version INT)";
	CHECK(sql_created_table(s, strlen(s), t, sizeof(t)));
	CHECK_STR(t, "bundle_migration_customer_portal");
	s = "CREATE TABLE kimai2_x (id INT)";
	CHECK(!sql_created_table(s, strlen(s), t, sizeof(t)));
	s = "CREATE TABLE IF NOT EXISTS `open (id INT)";
	CHECK(!sql_created_table(s, strlen(s), t, sizeof(t)));
	s = "ALTER TABLE kimai2_users ADD x INT";
	CHECK(!sql_created_table(s, strlen(s), t, sizeof(t)));
	s = "CREATE TABLE IF NOT EXISTS aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
	CHECK(!sql_created_table(s, strlen(s), t, sizeof(t)));   /* longer than 64 */
}

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[600];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	CHECK(f != NULL);
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *f)
{
	(void)st;
	(void)type;
	(void)f;
	return remove(path);
}

static void test_list(void)
{
	char dir[256];
	const char *tmp = getenv("TMPDIR");
	struct schema_set set;
	struct perr e = {0};
	snprintf(dir, sizeof(dir), "%s/test_install.XXXXXX", tmp && *tmp ? tmp : P_tmpdir);
	CHECK(mkdtemp(dir) != NULL);

	CHECK(schema_list(dir, &set, &e) == -1);   /* empty */
	CHECK(strstr(e.msg, "no schema files") != NULL);
	write_file(dir, "010_later.sql", "SELECT 1;");
	write_file(dir, "002_second.sql", "SELECT 2;");
	write_file(dir, "README", "not a schema file");
	write_file(dir, "3_short.sql", "ignored");
	write_file(dir, "004_bad name.sql", "ignored");
	write_file(dir, "005_x.sql~", "ignored");
	CHECK(schema_list(dir, &set, &e) == 0);
	CHECK(set.n == 2);
	if (set.n == 2) {
		CHECK(set.files[0].version == 2 && set.files[1].version == 10);
		CHECK_STR(set.files[0].name, "002_second.sql");
		size_t len = 0;
		char *text = schema_read(&set.files[1], &len, &e);
		CHECK_STR(text, "SELECT 1;");
		CHECK(len == 9);
		free(text);
	}
	schema_set_free(&set);
	schema_set_free(&set);
	write_file(dir, "002_again.sql", "SELECT 3;");
	CHECK(schema_list(dir, &set, &e) == -1);
	CHECK(strstr(e.msg, "same version") != NULL);

	CHECK(nftw(dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS) == 0);
	CHECK(schema_list(dir, &set, &e) == -1);   /* gone */
}

struct rules {
	unsigned creates;
	unsigned others;
	char     bad[128];
};

/* Every statement of a shipped file creates a table of the portal's own
 * (never touching Kimai's tables), and only when it is missing. */
static int check_rule(void *ctx, const char *stmt, size_t len, struct perr *e)
{
	struct rules *r = ctx;
	char t[65];
	(void)e;
	if (!sql_created_table(stmt, len, t, sizeof(t))) {
		r->others++;
		snprintf(r->bad, sizeof(r->bad), "%.*s", (int)(len > 100 ? 100 : len), stmt);
		return 0;
	}
	r->creates++;
	if (strcmp(t, "kimai2_customer_portals") != 0 &&
	    strcmp(t, "bundle_migration_customer_portal") != 0 &&
	    strncmp(t, "kimai2_customer_portals_", 24) != 0)
		snprintf(r->bad, sizeof(r->bad), "table outside the portal's names: %s", t);
	return 0;
}

static void test_shipped_schema(void)
{
	struct schema_set set;
	struct perr e = {0};
	/* Unit tests run in the source tree. */
	CHECK(schema_list("schema", &set, &e) == 0);
	CHECK(set.n >= 3);
	for (size_t i = 0; i < set.n; i++) {
		size_t len = 0;
		char *text = schema_read(&set.files[i], &len, &e);
		struct rules r = {0};
		CHECK(text != NULL);
		if (!text)
			continue;
		CHECK(sql_split(text, len, check_rule, &r, &e) == 0);
		CHECK(r.creates > 0);
		CHECK(r.others == 0);
		CHECK(r.bad[0] == '\0');
		if (r.bad[0])
			fprintf(stderr, "  %s: %s\n", set.files[i].name, r.bad);
		/* The plugin's table keeps Doctrine's names. */
		if (set.files[i].version == 1) {
			CHECK(strstr(text, "UNIQUE INDEX UNIQ_7747AE6BF06F2E59 (share_key)") != NULL);
			CHECK(strstr(text, "CONSTRAINT FK_7747AE6B166D1F9C FOREIGN KEY (project_id)"));
			CHECK(strstr(text, "CONSTRAINT FK_7747AE6B9395C3F3 FOREIGN KEY (customer_id)"));
		}
		free(text);
	}
	if (set.n)
		CHECK(set.files[0].version == 0);
	schema_set_free(&set);

	char *dir = schema_dir_default();
	CHECK(dir && strstr(dir, "schema") != NULL);
	free(dir);
}

int main(void)
{
	test_split();
	test_created_table();
	test_list();
	test_shipped_schema();
	return check_done();
}
