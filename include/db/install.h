/* portal-install (docs/design.md, "Data"): creates the plugin's table and the portal's
 * own tables in Kimai's database, records the plugin's migrations, and copies
 * the shares of the plugin's old table once.  Idempotent: a second run
 * changes nothing. */
#ifndef PORTAL_INSTALL_H
#define PORTAL_INSTALL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "perr.h"

struct db;

/* ---- schema files (schema_files.c) -------------------------------------- */

#define SCHEMA_MAX_FILES 100
#define SCHEMA_MAX_BYTES (1024 * 1024)

/* One file `NNN_name.sql` of the schema directory; NNN is its version. */
struct schema_file {
	unsigned  version;
	char     *name;    /* file name, e.g. "001_customer_portals.sql" */
	char     *path;
};

struct schema_set {
	struct schema_file *files;   /* sorted by version */
	size_t              n;
};

/* Lists the schema files of `dir`; other names are ignored.  No file or two
 * files with one version is an error. */
int  schema_list(const char *dir, struct schema_set *out, struct perr *e);
void schema_set_free(struct schema_set *s);
/* Reads a schema file (at most SCHEMA_MAX_BYTES, no NUL) into a new string. */
char *schema_read(const struct schema_file *f, size_t *len, struct perr *e);

/* Where the schema files are when --schema-dir is not given: ./schema in a
 * source tree, then next to the program's build directory, then the
 * installed data directory.  A new string. */
char *schema_dir_default(void);

/* Splits trusted SQL text into statements: `;` ends one outside quotes and
 * comments; comments become a blank; blank statements are skipped. */
typedef int (*sql_stmt_fn)(void *ctx, const char *stmt, size_t len, struct perr *e);
int sql_split(const char *text, size_t len, sql_stmt_fn fn, void *ctx, struct perr *e);

/* The table of a `CREATE TABLE IF NOT EXISTS name ...` statement: true and
 * the name in `out` (at most cap - 1 bytes), else false. */
bool sql_created_table(const char *stmt, size_t len, char *out, size_t cap);

/* ---- the installation (install.c) --------------------------------------- */

/* Checks the database (reachable, Kimai's, privileges), then applies what
 * is missing, printing one line per action to `out`, or that there was
 * nothing to do.  `dbname` is only used in messages. */
int install_run(struct db *db, const char *dbname, const char *schema_dir, FILE *out,
                struct perr *e);

#endif
