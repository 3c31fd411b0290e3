/* libFuzzer target: what portal-install reads that no schema describes --
 * its command line (take_schema_dir, then config_load_ex as portal-install
 * calls it), the names in a schema directory (schema_version) and the SQL
 * text of a schema file (sql_split, sql_created_table).
 *
 * The first input byte picks the input kind; the rest is the input:
 *   0  SQL text, split into statements, each checked for CREATE TABLE
 *   1  a command line: arguments separated by NUL bytes
 *   2  a file name of a schema directory
 * Besides memory errors it checks the promises of each: statements are
 * trimmed and non-empty, table names are bounded identifiers, a failed
 * configuration leaves nothing allocated behind (LeakSanitizer) and a
 * message. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reach the static helpers: the names of a schema directory and the
 * --schema-dir option.  portal-install's main() is renamed out of the way of
 * libFuzzer's. */
#include "../../src/db/schema_files.c"
#define main portal_install_main
#include "../../src/cli/install_main.c"
#undef main

#define FUZZ_MAX_ARGS 64
#define FUZZ_TABLE_CAP 65

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static bool ident_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '$';
}

static int check_stmt(void *ctx, const char *stmt, size_t len, struct perr *e)
{
	size_t *n = ctx;
	char table[FUZZ_TABLE_CAP];
	(void)e;
	if (len == 0 || stmt[len] != '\0' || is_ws(stmt[0]) || is_ws(stmt[len - 1]))
		abort();
	if (sql_created_table(stmt, len, table, sizeof(table))) {
		size_t tlen = strlen(table);
		if (tlen == 0 || tlen >= sizeof(table))
			abort();
		for (size_t i = 0; i < tlen; i++)
			if (!ident_char(table[i]))
				abort();
	}
	++*n;
	/* A callback failure must stop the split and come back unchanged. */
	return (*n == 1000) ? PERR(e, PERR_INTERNAL, "enough") : 0;
}

static void fuzz_sql(const char *text, size_t len)
{
	struct perr e = {0};
	size_t n = 0;
	if (sql_split(text, len, check_stmt, &n, &e) != 0 &&
	    (!memchr(e.msg, '\0', sizeof(e.msg)) || e.msg[0] == '\0'))
		abort();
}

static void fuzz_args(const char *text, size_t len)
{
	char *argv[FUZZ_MAX_ARGS + 2];
	char *rest[FUZZ_MAX_ARGS + 2];
	int argc = 0, nrest = 0;
	const char *schema_dir = NULL;
	char *copy = xmalloc(len + 1);
	memcpy(copy, text, len);
	copy[len] = '\0';
	argv[argc++] = "portal-install";
	for (size_t i = 0; i <= len && argc <= FUZZ_MAX_ARGS;) {
		argv[argc++] = copy + i;
		i += strlen(copy + i) + 1;
	}
	argv[argc] = NULL;
	if (take_schema_dir(argc, argv, rest, &nrest, &schema_dir) == 0) {
		struct config cfg;
		struct perr e = {0};
		if (nrest < 1 || nrest > argc || rest[nrest] != NULL)
			abort();
		int r = config_load_ex(&cfg, nrest, rest, "portal-install", "usage\n",
		                       CONFIG_NO_SECRET | CONFIG_NO_SERVE, &e);
		if (r < 0) {
			/* The message may quote the operator's own argument, newlines
			 * and all; it must still be a bounded string. */
			if (!memchr(e.msg, '\0', sizeof(e.msg)) || e.msg[0] == '\0')
				abort();
			if (cfg.database_url || cfg.db.dbname || cfg.kimai_dir)
				abort();   /* config_free ran: nothing may be left behind */
		} else if (r == 0) {
			if (!cfg.db.dbname || cfg.db_timeout_s == 0)
				abort();
		}
		config_free(&cfg);
	}
	free(copy);
}

static void fuzz_schema_name(const char *text, size_t len)
{
	char name[256];
	if (len >= sizeof(name))
		len = sizeof(name) - 1;
	memcpy(name, text, len);
	name[len] = '\0';
	int v = schema_version(name);
	if (v < -1 || v > 999)
		abort();
	if (v >= 0 && (strlen(name) < 9 || strcmp(name + strlen(name) - 4, ".sql") != 0))
		abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* Only the command line counts: no setting may come from the fuzzer's
	 * own environment, and --help/--version output goes nowhere. */
	static const char *const vars[] = {
		"DATABASE_URL", "PORTAL_READ_DATABASE_URL", "PORTAL_KIMAI_DIR", "PORTAL_LISTEN",
		"PORTAL_WORKERS", "PORTAL_TEMPLATES", "PORTAL_LANG_DIR", "PORTAL_STATIC_DIR",
		"PORTAL_TRUSTED_PROXIES", "PORTAL_LOG_LEVEL", "PORTAL_DB_TIMEOUT", "PORTAL_SECRET",
		"APP_SECRET", "APP_ENV", "LISTEN_PID", "LISTEN_FDS", NULL,
	};
	for (size_t i = 0; vars[i]; i++)
		unsetenv(vars[i]);
	if (!freopen("/dev/null", "w", stdout))
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	const char *text = (const char *)data + 1;
	size_t len = size - 1;
	switch (data[0] % 3) {
	case 0: fuzz_sql(text, len); break;
	case 1: fuzz_args(text, len); break;
	default: fuzz_schema_name(text, len); break;
	}
	return 0;
}
