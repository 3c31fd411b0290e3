/* portal: the FastCGI server, and `portal check`. */
#include <stdio.h>
#include <string.h>

#include <ClearSilver.h>

#include "assets.h"
#include "config.h"
#include "db.h"
#include "i18n.h"
#include "log.h"
#include "routes.h"
#include "render.h"
#include "server.h"
#include "share_cli.h"

static const char usage[] =
	"Usage: portal [check | share COMMAND …] [options]\n"
	"\n"
	"Kimai customer portal: serves shared timesheets over FastCGI.\n"
	"\n"
	"Commands:\n"
	"  (none)                    run the FastCGI server\n"
	"  check                     validate the configuration, connect, verify the schema\n"
	"  share list|create|rotate|delete|set-password …\n"
	"                            manage shares (portal share --help)\n"
	"\n"
	"Options (flag > environment > Kimai's .env files > default):\n"
	"  --kimai-dir DIR           read DATABASE_URL and APP_SECRET from DIR/.env, DIR/.env.local\n"
	"  --database-url URL        mysql://user:pass@host:port/db (env DATABASE_URL)\n"
	"  --read-database-url URL   replica for reads (env PORTAL_READ_DATABASE_URL)\n"
	"  --listen unix:PATH|HOST:PORT  (env PORTAL_LISTEN; default: inherited socket)\n"
	"  --workers N               worker threads (env PORTAL_WORKERS; default 2 x CPU cores)\n"
	"  --templates DIR           ClearSilver templates (env PORTAL_TEMPLATES)\n"
	"  --lang-dir DIR            message files (default TEMPLATES/lang)\n"
	"  --static-dir DIR          CSS and JS assets (default TEMPLATES/static)\n"
	"  --trusted-proxy CIDR      believe X-Forwarded-* and Forwarded from this proxy (repeatable)\n"
	"  --base-path PATH          Kimai below a path prefix, e.g. /kimai (env PORTAL_BASE_PATH)\n"
	"  --db-timeout SECONDS      per-query timeout before answering 503 (default 5)\n"
	"  --log-level LEVEL         error, warn, info (default) or debug\n"
	"  --help, --version\n"
	"\n"
	"Options may come before or after the command.\n"
	"The cookie secret comes from PORTAL_SECRET, or is derived from Kimai's APP_SECRET.\n";

/* Tables `portal check` expects: Kimai's that we read, and ours. */
static const char *const required_tables[] = {
	"kimai2_customers", "kimai2_projects", "kimai2_activities", "kimai2_timesheet",
	"kimai2_tags", "kimai2_timesheet_tags", "kimai2_users", "kimai2_roles",
	"kimai2_roles_permissions", "kimai2_sessions",
	"kimai2_customer_portals", "kimai2_customer_portals_settings",
	"kimai2_customer_portals_attempts", "kimai2_customer_portals_views",
	"kimai2_customer_portals_display", NULL,
};

static int check(const struct config *cfg)
{
	struct perr e = {0};
	struct arena a;
	arena_init(&a);
	struct db *db = db_open(&cfg->db, cfg->db_timeout_s);
	int rc = 1;
	if (db_connect(db, &e)) {
		fprintf(stderr, "portal check: %s\n", e.msg);
		goto out;
	}
	for (size_t i = 0; required_tables[i]; i++) {
		struct dbval p = dbv_text(required_tables[i]);
		struct dbrows rows;
		if (db_exec(db, ST_TABLE_EXISTS, &p, 1, &a, &rows, &e)) {
			fprintf(stderr, "portal check: %s\n", e.msg);
			goto out;
		}
		if (rows.nrows == 0) {
			fprintf(stderr, "portal check: table %s is missing%s\n", required_tables[i],
			        strncmp(required_tables[i], "kimai2_customer_portals", 23) == 0
			            ? " (run portal-install)" : " (is this Kimai's database?)");
			goto out;
		}
	}
	printf("portal check: configuration ok, database reachable, schema complete\n");
	rc = 0;
out:
	db_close(db);
	arena_free(&a);
	return rc;
}

int main(int argc, char **argv)
{
	struct config cfg;
	struct perr e = {0};
	int rc = 1;
	memset(&cfg, 0, sizeof(cfg));
	nerr_init();
	/* `portal share` needs neither the cookie secret nor the server's
	 * settings; everything else is loaded with all checks. */
	int r = config_load_ex(&cfg, argc, argv, "portal", usage,
	                       CONFIG_NO_SECRET | CONFIG_NO_SERVE, &e);
	if (r == 0 && !(cfg.command && strcmp(cfg.command, "share") == 0)) {
		config_free(&cfg);
		memset(&cfg, 0, sizeof(cfg));
		r = config_load(&cfg, argc, argv, "portal", usage, &e);
	}
	if (r == 1)
		return 0;
	if (r < 0) {
		fprintf(stderr, "portal: %s\n", e.msg);
		return 2;
	}
	log_set_level((enum log_level)cfg.log_level);
	if (db_library_init()) {
		fprintf(stderr, "portal: cannot initialise the MariaDB client library\n");
		goto out;
	}
	if (cfg.command && strcmp(cfg.command, "check") == 0) {
		if (cfg.cmd_argc > 0) {
			fprintf(stderr, "portal check: unexpected argument '%.60s' (see --help)\n",
			        cfg.cmd_argv[0]);
			rc = 2;
			goto out;
		}
		rc = check(&cfg);
		goto out;
	}
	if (cfg.command && strcmp(cfg.command, "share") == 0) {
		rc = share_cli(&cfg, cfg.cmd_argc, cfg.cmd_argv, stdin, stdout, stderr);
		goto out;
	}
	if (cfg.command) {
		fprintf(stderr, "portal: unknown command '%s' (see --help)\n", cfg.command);
		rc = 2;
		goto out;
	}
	if (i18n_load(cfg.lang_dir, &e) || render_init(cfg.templates_dir, &e) ||
	    assets_init(cfg.static_dir, &e)) {
		fprintf(stderr, "portal: %s\n", e.msg);
		goto out;
	}
	rc = server_run(&cfg, &routes);
out:
	assets_free();
	render_free();
	i18n_free();
	db_library_end();
	config_free(&cfg);
	return rc;
}
