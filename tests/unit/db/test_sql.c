/* The statement table (sql.h): for every statement, the `?` in its text
 * are its declared parameter count, and a SELECT's select list has its
 * declared column count (0 for other statements); db_exec refuses a
 * parameter count other than the declared one. */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "db.h"
#include "sql.h"

/* Skips the quoted string that starts at s[i] ('...', "..." or `...`; a
 * doubled quote or a backslash escape stays inside); returns the index of
 * its closing quote, or of the final NUL when it is not closed. */
static size_t skip_quoted(const char *s, size_t i)
{
	char q = s[i];
	for (i++; s[i]; i++) {
		if (s[i] == '\\' && q != '`' && s[i + 1])
			i++;
		else if (s[i] == q && s[i + 1] == q)
			i++;
		else if (s[i] == q)
			return i;
	}
	return i;
}

static bool is_quote(char c)
{
	return c == '\'' || c == '"' || c == '`';
}

static bool is_word(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* True when the keyword `kw` (upper case) starts at s[i] as a whole word. */
static bool keyword_at(const char *s, size_t i, const char *kw)
{
	size_t n = strlen(kw);
	if (i > 0 && is_word(s[i - 1]))
		return false;
	for (size_t k = 0; k < n; k++)
		if (toupper((unsigned char)s[i + k]) != kw[k])
			return false;
	return !is_word(s[i + n]);
}

/* The `?` placeholders outside quoted strings. */
static unsigned count_params(const char *s)
{
	unsigned n = 0;
	for (size_t i = 0; s[i]; i++) {
		if (is_quote(s[i]))
			i = skip_quoted(s, i);
		else if (s[i] == '?')
			n++;
		if (!s[i])
			break;
	}
	return n;
}

/* Columns of the select list of a SELECT: top-level commas up to the
 * top-level FROM (or the end), plus one; 0 for any other statement. */
static unsigned count_cols(const char *s)
{
	size_t i = 0;
	unsigned commas = 0;
	int depth = 0;
	while (isspace((unsigned char)s[i]))
		i++;
	if (!keyword_at(s, i, "SELECT"))
		return 0;
	for (i += strlen("SELECT"); s[i]; i++) {
		if (is_quote(s[i])) {
			i = skip_quoted(s, i);
			if (!s[i])
				break;
		} else if (s[i] == '(') {
			depth++;
		} else if (s[i] == ')') {
			depth--;
		} else if (depth == 0 && s[i] == ',') {
			commas++;
		} else if (depth == 0 && keyword_at(s, i, "FROM")) {
			break;
		}
	}
	return commas + 1;
}

static void test_counters(void)
{
	CHECK(count_params("SELECT 1") == 0);
	CHECK(count_params("SELECT '?', \"?\", `?` FROM t WHERE a = ? AND b = '''?'") == 1);
	CHECK(count_cols("SELECT 1") == 1);
	CHECK(count_cols(" select a, b from t") == 2);
	CHECK(count_cols("SELECT COALESCE(a, b), (SELECT x, y FROM u), 'a,b', fromage FROM t") == 4);
	CHECK(count_cols("SELECT `a,FROM` FROM t") == 1);
	CHECK(count_cols("INSERT INTO t (a, b) SELECT x, y FROM u") == 0);
	CHECK(count_cols("UPDATE t SET a = ?, b = ?") == 0);
}

static void test_statements(void)
{
	for (int id = 0; id < ST__MAX; id++) {
		const char *text = sql_text[id], *name = sql_name[id];
		CHECK(text != NULL && name != NULL);
		if (!text || !name)
			continue;
		unsigned params = count_params(text), cols = count_cols(text);
		check_count++;
		if (params != sql_params[id] || cols != sql_cols[id]) {
			check_failures++;
			fprintf(stderr, "%s: text has %u parameters and %u columns,"
			        " declared %u and %u\n", name, params, cols, sql_params[id],
			        sql_cols[id]);
		}
	}
}

/* A wrong parameter count is an error before any connection is tried. */
static void test_exec_count(void)
{
	struct dburl url = {.host = "203.0.113.1", .dbname = "none"};
	struct db *db = db_open(&url, 1);
	struct dbval p[2] = {dbv_int(1), dbv_int(2)};
	struct dbrows rs = {.nrows = 7};
	struct perr e = {0};
	CHECK(db_exec(db, ST_PING, p, 1, NULL, &rs, &e) == -1);
	CHECK(e.kind == PERR_INTERNAL);
	CHECK(strstr(e.msg, "ST_PING") != NULL);
	CHECK(rs.nrows == 0);
	e = (struct perr){0};
	CHECK(db_exec(db, ST_THROTTLE_RESET, p, 1, NULL, NULL, &e) == -1);
	CHECK(e.kind == PERR_INTERNAL);
	CHECK(!db_is_up(db));
	db_close(db);
}

int main(void)
{
	test_counters();
	test_statements();
	test_exec_count();
	return check_done();
}
