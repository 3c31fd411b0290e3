/* portal-install's steps (docs/design.md, "Data"), in an order that is safe to repeat:
 *   1. connect, check that this is Kimai's database;
 *   2. apply the schema files: every CREATE TABLE whose table is missing
 *      (a kept table is never altered), then record the file's version;
 *   3. copy the plugin's legacy shares once and record the plugin's
 *      migrations, in one transaction.
 * Every change is printed; a run that changes nothing says so.  Kimai's own
 * tables are only read. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mysqld_error.h>

#include "arena.h"
#include "db.h"
#include "install.h"

#define PLUGIN_TABLE     "kimai2_customer_portals"
#define SCHEMA_TABLE     "kimai2_customer_portals_schema"
#define MIGRATIONS_TABLE "bundle_migration_customer_portal"
#define LEGACY_TABLE     "kimai2_shared_project_timesheets"
#define TABLE_NAME_MAX   64

/* Tables every Kimai 2 database has and the portal reads. */
static const char *const kimai_tables[] = {
	"kimai2_users", "kimai2_customers", "kimai2_projects", "kimai2_timesheet", NULL,
};

/* The plugin's Doctrine migrations that portal-install stands in for. */
#define MIGRATION_LEGACY_COPY 1
static const char *const plugin_migrations[] = {
	"KimaiPlugin\\CustomerPortalBundle\\Migrations\\Version20240915125912",
	"KimaiPlugin\\CustomerPortalBundle\\Migrations\\Version20240917151424",
	"KimaiPlugin\\CustomerPortalBundle\\Migrations\\Version20240917151425",
	NULL,
};

/* Columns of the legacy table that are copied (all its releases have them),
 * and those of its 3.x releases that are copied when present. */
static const char *const legacy_columns[] = {
	"id", "project_id", "share_key", "password", "entry_user_visible", "entry_rate_visible",
	"record_merge_mode", "annual_chart_visible", "monthly_chart_visible", NULL,
};
static const char *const legacy_columns_3x[] = {
	"customer_id", "budget_stats_visible", "time_budget_stats_visible", NULL,
};

struct inst {
	struct db    *db;
	const char   *dbname;
	FILE         *out;
	struct arena  a;
	unsigned      actions;      /* changes made */
	bool          applied[1000];  /* schema versions recorded */
	/* file being applied (sql_split callback) */
	const struct schema_file *file;
	bool          file_recorded;
};

static void say(struct inst *I, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void say(struct inst *I, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(I->out, fmt, ap);
	va_end(ap);
	fputc('\n', I->out);
	fflush(I->out);
}

/* Turns a refused statement into the privilege the user lacks. */
static int denied(struct inst *I, const char *priv, struct perr *e)
{
	unsigned err = db_errno(I->db);
	if (err != ER_TABLEACCESS_DENIED_ERROR && err != ER_DBACCESS_DENIED_ERROR &&
	    err != ER_COLUMNACCESS_DENIED_ERROR && err != ER_SPECIFIC_ACCESS_DENIED_ERROR)
		return -1;
	char msg[sizeof(e->msg)];
	snprintf(msg, sizeof(msg), "%s", e->msg);
	return PERR(e, PERR_FORBIDDEN, "the database user lacks the %s privilege on database"
	            " '%s' (grant CREATE, INSERT, SELECT, INDEX and REFERENCES): %.120s",
	            priv, I->dbname, msg);
}

static int exec(struct inst *I, enum stmt id, const struct dbval *p, size_t np,
                struct dbrows *rows, const char *priv, struct perr *e)
{
	if (db_exec(I->db, id, p, np, &I->a, rows, e) == 0)
		return 0;
	denied(I, priv, e);
	return -1;
}

static int script(struct inst *I, const char *sql, size_t len, const char *priv,
                  struct perr *e)
{
	if (db_exec_script(I->db, sql, len, e) == 0)
		return 0;
	denied(I, priv, e);
	return -1;
}

static int table_exists(struct inst *I, const char *name, bool *yes, struct perr *e)
{
	struct dbval p = dbv_text(name);
	struct dbrows rs;
	if (exec(I, ST_TABLE_EXISTS, &p, 1, &rs, "SELECT", e))
		return -1;
	*yes = rs.nrows > 0;
	return 0;
}

static int check_kimai(struct inst *I, struct perr *e)
{
	for (size_t i = 0; kimai_tables[i]; i++) {
		bool yes = false;
		if (table_exists(I, kimai_tables[i], &yes, e))
			return -1;
		if (!yes)
			return PERR(e, PERR_NOT_FOUND, "not a Kimai database: table %s missing in"
			            " database '%s'", kimai_tables[i], I->dbname);
	}
	return 0;
}

static int load_versions(struct inst *I, struct perr *e)
{
	bool yes = false;
	struct dbrows rs;
	if (table_exists(I, SCHEMA_TABLE, &yes, e))
		return -1;
	if (!yes)
		return 0;
	if (exec(I, ST_INSTALL_SCHEMA_VERSIONS, NULL, 0, &rs, "SELECT", e))
		return -1;
	for (size_t r = 0; r < rs.nrows; r++) {
		long long v = dbr_int(&rs, r, 0, -1);
		if (v >= 0 && v < (long long)(sizeof(I->applied) / sizeof(I->applied[0])))
			I->applied[v] = true;
	}
	return 0;
}

/* One statement of a schema file.  CREATE TABLE IF NOT EXISTS runs when its
 * table is missing, whether or not the file was applied before (a dropped
 * table comes back); anything else only with the file's first application. */
static int apply_statement(void *ctx, const char *sql, size_t len, struct perr *e)
{
	struct inst *I = ctx;
	char table[TABLE_NAME_MAX + 1];
	if (sql_created_table(sql, len, table, sizeof(table))) {
		bool yes = false;
		if (table_exists(I, table, &yes, e))
			return -1;
		if (yes) {
			if (!I->file_recorded)
				say(I, "kept the existing table %s", table);
			return 0;
		}
		if (script(I, sql, len, "CREATE", e))
			return -1;
		I->actions++;
		say(I, "created table %s", table);
		return 0;
	}
	if (I->file_recorded)
		return 0;
	if (script(I, sql, len, "ALTER", e))
		return -1;
	I->actions++;
	return 0;
}

static int apply_file(struct inst *I, const struct schema_file *f, struct perr *e)
{
	size_t len = 0;
	char *text = schema_read(f, &len, e);
	int rc = -1;
	if (!text)
		return -1;
	I->file = f;
	I->file_recorded = f->version < sizeof(I->applied) / sizeof(I->applied[0]) &&
	                   I->applied[f->version];
	if (sql_split(text, len, apply_statement, I, e)) {
		char msg[sizeof(e->msg)];
		snprintf(msg, sizeof(msg), "%s", e->msg);
		PERR(e, e->kind, "%s: %s", f->name, msg);
		goto out;
	}
	if (!I->file_recorded) {
		struct dbval p[2] = {dbv_int(f->version), dbv_text(f->name)};
		if (exec(I, ST_INSTALL_SCHEMA_RECORD, p, 2, NULL, "INSERT", e))
			goto out;
		I->actions++;
		say(I, "applied schema %s", f->name);
	}
	rc = 0;
out:
	free(text);
	return rc;
}

static int migration_done(struct inst *I, const char *version, bool *yes, struct perr *e)
{
	struct dbval p = dbv_text(version);
	struct dbrows rs;
	if (exec(I, ST_INSTALL_MIGRATION_DONE, &p, 1, &rs, "SELECT", e))
		return -1;
	*yes = rs.nrows > 0;
	return 0;
}

static int record_migrations(struct inst *I, unsigned *added, struct perr *e)
{
	*added = 0;
	for (size_t i = 0; plugin_migrations[i]; i++) {
		struct dbval p = dbv_text(plugin_migrations[i]);
		if (exec(I, ST_INSTALL_MIGRATION_RECORD, &p, 1, NULL, "INSERT", e))
			return -1;
		*added += (unsigned)db_affected(I->db);
	}
	return 0;
}

static bool has_column(const struct dbrows *cols, const char *name)
{
	for (size_t r = 0; r < cols->nrows; r++) {
		const char *c = dbr_text(cols, r, 0);
		if (c && strcmp(c, name) == 0)
			return true;
	}
	return false;
}

/* Copies the legacy shares and records the migrations in one transaction,
 * so that a failure leaves neither half behind. */
static int copy_legacy(struct inst *I, struct perr *e)
{
	struct dbval p = dbv_text(LEGACY_TABLE);
	struct dbrows cols, count;
	bool full = true;
	unsigned added = 0;
	if (exec(I, ST_INSTALL_COLUMNS, &p, 1, &cols, "SELECT", e))
		return -1;
	for (size_t i = 0; legacy_columns[i]; i++)
		if (!has_column(&cols, legacy_columns[i]))
			return PERR(e, PERR_INTERNAL, "the old table %s has no column %s: update the"
			            " old plugin first, or copy its shares by hand", LEGACY_TABLE,
			            legacy_columns[i]);
	for (size_t i = 0; legacy_columns_3x[i]; i++)
		full = full && has_column(&cols, legacy_columns_3x[i]);

	if (script(I, "START TRANSACTION", 17, "INSERT", e))
		return -1;
	if (exec(I, ST_INSTALL_LEGACY_COUNT, NULL, 0, &count, "SELECT", e) ||
	    exec(I, full ? ST_INSTALL_LEGACY_COPY_FULL : ST_INSTALL_LEGACY_COPY, NULL, 0, NULL,
	         "INSERT", e))
		goto rollback;
	unsigned long long copied = db_affected(I->db);
	long long total = count.nrows ? dbr_int(&count, 0, 0, 0) : 0;
	if (record_migrations(I, &added, e))
		goto rollback;
	if (script(I, "COMMIT", 6, "INSERT", e))
		goto rollback;
	I->actions++;
	say(I, "copied %llu of %lld shares from the old table %s (kept; drop it when you no"
	    " longer need it)", copied, total, LEGACY_TABLE);
	if ((long long)copied < total)
		say(I, "  %lld skipped: share key already in %s, or its project or customer is"
		    " gone", total - (long long)copied, PLUGIN_TABLE);
	if (added)
		say(I, "recorded %u plugin migration%s in %s", added, added == 1 ? "" : "s",
		    MIGRATIONS_TABLE);
	return 0;
rollback:;
	struct perr ignored = {0};
	db_exec_script(I->db, "ROLLBACK", 8, &ignored);
	return -1;
}

static int plugin_state(struct inst *I, struct perr *e)
{
	bool done[3] = {false, false, false}, legacy = false, all = true;
	unsigned added = 0;
	for (size_t i = 0; plugin_migrations[i]; i++) {
		if (migration_done(I, plugin_migrations[i], &done[i], e))
			return -1;
		all = all && done[i];
	}
	if (all)
		return 0;
	/* The plugin's own migration copies the legacy table; if it is recorded
	 * the copy happened already (by the plugin or by us). */
	if (!done[MIGRATION_LEGACY_COPY]) {
		if (table_exists(I, LEGACY_TABLE, &legacy, e))
			return -1;
		if (legacy)
			return copy_legacy(I, e);
	}
	if (record_migrations(I, &added, e))
		return -1;
	if (added) {
		I->actions++;
		say(I, "recorded %u plugin migration%s in %s", added, added == 1 ? "" : "s",
		    MIGRATIONS_TABLE);
	}
	return 0;
}

int install_run(struct db *db, const char *dbname, const char *schema_dir, FILE *out,
                struct perr *e)
{
	struct inst *I = xcalloc(1, sizeof(*I));
	struct schema_set files = {0};
	int rc = -1;
	I->db = db;
	I->dbname = dbname ? dbname : "?";
	I->out = out;
	arena_init(&I->a);
	/* Read everything needed before the first change. */
	if (schema_list(schema_dir, &files, e))
		goto out;
	if (db_connect(db, e) || check_kimai(I, e) || load_versions(I, e))
		goto out;
	for (size_t i = 0; i < files.n; i++) {
		if (files.files[i].version >= sizeof(I->applied) / sizeof(I->applied[0])) {
			PERR(e, PERR_INTERNAL, "%s: version out of range", files.files[i].name);
			goto out;
		}
		if (apply_file(I, &files.files[i], e))
			goto out;
		arena_reset(&I->a);
	}
	if (plugin_state(I, e))
		goto out;
	if (I->actions == 0)
		say(I, "nothing to do: schema is up to date");
	rc = 0;
out:
	schema_set_free(&files);
	arena_free(&I->a);
	free(I);
	return rc;
}
