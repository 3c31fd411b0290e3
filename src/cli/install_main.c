/* portal-install: creates or updates the portal's tables in Kimai's
 * database (docs/design.md, "Data").  Same configuration as portal, without the cookie
 * secret and the listening socket. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "arena.h"
#include "config.h"
#include "db.h"
#include "install.h"
#include "log.h"

static const char usage[] =
	"Usage: portal-install [options]\n"
	"\n"
	"Creates or updates the customer portal's tables in Kimai's database: the\n"
	"plugin's table kimai2_customer_portals (kept if it exists), the portal's own\n"
	"kimai2_customer_portals_* tables, the plugin's migration records, and a\n"
	"one-time copy of the old kimai2_shared_project_timesheets shares.  Kimai's\n"
	"own tables are never changed.  Running it again changes nothing.\n"
	"\n"
	"Options (flag > environment > Kimai's .env files > default):\n"
	"  --kimai-dir DIR           read DATABASE_URL from DIR/.env, DIR/.env.local\n"
	"  --database-url URL        mysql://user:pass@host:port/db (env DATABASE_URL)\n"
	"  --schema-dir DIR          the SQL files to apply (default: the installed ones)\n"
	"  --db-timeout SECONDS      per-query timeout (default 5)\n"
	"  --log-level LEVEL         error, warn, info (default) or debug\n"
	"  --help, --version\n"
	"\n"
	"The database user needs CREATE, INSERT, SELECT, INDEX and REFERENCES on\n"
	"Kimai's database.\n";

/* Takes --schema-dir DIR / --schema-dir=DIR out of argv (config_load does
 * not know it); the rest goes to config_load unchanged. */
static int take_schema_dir(int argc, char **argv, char **rest, int *nrest,
                           const char **dir)
{
	int n = 0;
	bool options = true;
	rest[n++] = argv[0];
	for (int i = 1; i < argc; i++) {
		if (options && strcmp(argv[i], "--") == 0)
			options = false;
		if (options && strcmp(argv[i], "--schema-dir") == 0) {
			if (i + 1 >= argc) {
				fprintf(stderr, "portal-install: option --schema-dir needs a value\n");
				return -1;
			}
			*dir = argv[++i];
		} else if (options && strncmp(argv[i], "--schema-dir=", 13) == 0) {
			*dir = argv[i] + 13;
		} else {
			rest[n++] = argv[i];
		}
	}
	rest[n] = NULL;
	*nrest = n;
	return 0;
}

int main(int argc, char **argv)
{
	struct config cfg;
	struct perr e = {0};
	struct db *db = NULL;
	char **rest = xcalloc((size_t)argc + 1, sizeof(*rest));
	char *schema_dir = NULL;
	const char *schema_flag = NULL;
	int nrest = 0, rc = 2;
	memset(&cfg, 0, sizeof(cfg));
	if (take_schema_dir(argc, argv, rest, &nrest, &schema_flag))
		goto out;
	int r = config_load_ex(&cfg, nrest, rest, "portal-install", usage,
	                       CONFIG_NO_SECRET | CONFIG_NO_SERVE, &e);
	if (r == 1) {
		rc = 0;
		goto out;
	}
	if (r < 0) {
		fprintf(stderr, "portal-install: %s\n", e.msg);
		goto out;
	}
	if (cfg.command) {
		fprintf(stderr, "portal-install: unexpected argument '%.40s' (see --help)\n",
		        cfg.command);
		goto out;
	}
	log_set_level((enum log_level)cfg.log_level);
	if (db_library_init()) {
		fprintf(stderr, "portal-install: cannot initialise the MariaDB client library\n");
		rc = 1;
		goto out;
	}
	schema_dir = schema_flag ? xstrdup(schema_flag) : schema_dir_default();
	db = db_open(&cfg.db, cfg.db_timeout_s);
	rc = 1;
	if (install_run(db, cfg.db.dbname, schema_dir, stdout, &e) != 0) {
		fprintf(stderr, "portal-install: %s\n", e.msg);
		goto out_db;
	}
	rc = 0;
out_db:
	db_close(db);
	db_library_end();
out:
	free(schema_dir);
	free(rest);
	config_free(&cfg);
	return rc;
}
