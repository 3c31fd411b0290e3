/* `portal share list|create|update|rotate|delete|set-password|sign-off|signoffs`
 * (share_cli.h).
 *
 * Output is meant for scripts: `list` prints one tab-separated line per
 * share, `create` and `rotate` one line "<id> TAB <key> TAB <path>".  Text
 * from the database is printed with tabs and control characters replaced
 * by spaces, so a name can never break a line apart. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "admin_share.h"
#include "arena.h"
#include "config.h"
#include "crypto.h"
#include "db.h"
#include "fmt.h"
#include "intparse.h"
#include "share_cli.h"
#include "share_cli_cmd.h"
#include "share_store.h"
#include "share_window.h"
#include "signoff.h"
#include "records.h"
#include "mctx.h"
#include "url.h"

const char share_cli_usage[] =
	"Usage: portal share COMMAND [options]\n"
	"\n"
	"  list                      one line per share, tab-separated: id, type, key,\n"
	"                            name, password (yes/no), flags, expiry, window, views\n"
	"  create (--project ID | --customer ID) [--merge MODE] [--show-user]\n"
	"         [--show-rates] [--annual-chart] [--monthly-chart] [--budget-stats]\n"
	"         [--time-budget-stats] [--expires YYYY-MM-DD]\n"
	"         [--window-from YYYY-MM] [--window-to YYYY-MM] [--sign-off]\n"
	"         [--show-activity] [--show-tags]\n"
	"                            prints: id, key and URL path of the new share\n"
	"  update ID|KEY [--show-activity | --no-show-activity]\n"
	"         [--show-tags | --no-show-tags]\n"
	"                            the table's activity column and tags of a share;\n"
	"                            options not given stay as they are\n"
	"  sign-off ID on|off        the option \"client sign-off\" of a share\n"
	"  signoffs ID|KEY           every sign-off of a share, oldest first, one line\n"
	"                            each, tab-separated: id, month, state, name, time\n"
	"                            (UTC), client network, seconds, money, records,\n"
	"                            fingerprint, withdrawn at, withdrawn by, comment\n"
	"  rotate ID|KEY             a new key (the old link is dead at once);\n"
	"                            prints: id, new key and URL path\n"
	"  delete ID|KEY             deletes the share\n"
	"  set-password ID|KEY       reads the password from standard input (one line of at\n"
	"                            least 8 characters; empty removes the password);\n"
	"                            stored as argon2id\n"
	"\n"
	"A share is named by its id or by its key.  Options (portal --help) may come\n"
	"before or after the command.\n"
	"MODE: NONE, MERGE, MERGE_USE_FIRST_OF_DAY or MERGE_USE_LAST_OF_DAY.\n"
	"The expiry date is the last day the link works, in the customer's time zone.\n";

/* Option names of the flags, in enum admin_flag order; `list` prints them. */
static const char *const flag_opts[AF__MAX] = {
	[AF_USER_VISIBLE]      = "show-user",
	[AF_RATE_VISIBLE]      = "show-rates",
	[AF_ANNUAL_CHART]      = "annual-chart",
	[AF_MONTHLY_CHART]     = "monthly-chart",
	[AF_BUDGET_STATS]      = "budget-stats",
	[AF_TIME_BUDGET_STATS] = "time-budget-stats",
};

int cli_usage_error(struct cli *c, const char *what, const char *arg)
{
	fprintf(c->err, "portal share: %s%s%.60s%s (see portal share --help)\n", what,
	        arg ? " '" : "", arg ? arg : "", arg ? "'" : "");
	return 2;
}

int cli_db_error(struct cli *c, const struct perr *e)
{
	fprintf(c->err, "portal share: %s\n", e->msg);
	return 1;
}

/* A share id: a positive 32-bit decimal number, nothing else. */
static int parse_id(const char *s, long long *out)
{
	return int_parse(s, s ? strlen(s) : 0, 1, 2147483647LL, INT_NO_LEAD0, out);
}

/* Prints text from the database on one line of one column. */
void cli_put_text(FILE *f, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++)
		fputc(*p < 0x20 || *p == 0x7f ? ' ' : *p, f);
}

static const char *url_path(struct cli *c, const char *key)
{
	struct url u = {.page = URL_SHARE, .lang = "en", .key = key};
	return url_build(&c->a, c->cfg->base_path ? c->cfg->base_path : "", &u);
}

/* ---- list -------------------------------------------------------------- */

static void print_share(struct cli *c, const struct share *s, bool sign_off)
{
	struct share_extras x;
	int nflags = 0;

	share_extras_of(fmtctx_tz(c->fmt), s, &x);
	fprintf(c->out, "%lld\t%s\t%s\t", s->id, s->is_customer ? "customer" : "project", s->key);
	cli_put_text(c->out, s->is_customer ? s->customer_name : s->project_name);
	fprintf(c->out, "\t%s\t", s->has_password ? "yes" : "no");
	if (s->merge != MERGE_NONE)
		fprintf(c->out, "%smerge=%s", nflags++ ? "," : "", merge_mode_names[s->merge]);
	for (int f = 0; f < AF__MAX; f++)
		if (s->flags[f])
			fprintf(c->out, "%s%s", nflags++ ? "," : "", flag_opts[f]);
	if (s->show_activity)
		fprintf(c->out, "%sshow-activity", nflags++ ? "," : "");
	if (s->show_tags)
		fprintf(c->out, "%sshow-tags", nflags++ ? "," : "");
	if (sign_off)
		fprintf(c->out, "%ssign-off", nflags++ ? "," : "");
	fputs(nflags ? "\t" : "-\t", c->out);
	if (x.has_expiry)
		fprintf(c->out, "%04d-%02d-%02d%s", x.exp_year, x.exp_month, x.exp_day,
		        s->expired ? " (expired)" : "");
	else
		fputs("never", c->out);
	fputc('\t', c->out);
	if (x.window_from || x.window_to) {
		if (x.window_from)
			fprintf(c->out, "%04d-%02d", MONTH_YEAR(x.window_from), MONTH_MONTH(x.window_from));
		fputs("..", c->out);
		if (x.window_to)
			fprintf(c->out, "%04d-%02d", MONTH_YEAR(x.window_to), MONTH_MONTH(x.window_to));
	} else {
		fputc('-', c->out);
	}
	fprintf(c->out, "\t%lld\n", s->views);
}

static int cmd_list(struct cli *c, int argc, char **argv)
{
	struct perr e = {0};
	struct dbrows rs;
	(void)argv;
	if (argc != 0)
		return cli_usage_error(c, "list takes no arguments", NULL);
	struct mctx mc = {.db = c->db, .a = &c->a, .tz = fmtctx_tz(c->fmt)};
	long long *sign = NULL;
	size_t nsign = 0;
	if (db_exec(c->db, ST_CLI_LIST, NULL, 0, &c->a, &rs, &e) ||
	    signoff_enabled_ids(&mc, &sign, &nsign, &e))
		return cli_db_error(c, &e);
	for (size_t i = 0; i < rs.nrows; i++) {
		struct share s;
		share_row(&rs, i, &s);
		print_share(c, &s, signoff_id_in(sign, nsign, s.id));
	}
	return 0;
}

/* ---- one share by id or key --------------------------------------------- */

/* A share key as the routes accept it: 1 to 20 of [A-Za-z0-9]. */
static bool share_key_valid(const char *s)
{
	size_t n = strlen(s);
	if (n < 1 || n > SHARE_KEY_LEN)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9')))
			return false;
	return true;
}

int cli_load(struct cli *c, const char *arg, struct share *s)
{
	struct perr e = {0};
	struct dbrows rs;
	long long id = 0;
	/* digits only: an id; letters and digits: a key */
	bool by_key = strspn(arg, "0123456789") != strlen(arg);
	if (by_key ? !share_key_valid(arg) : parse_id(arg, &id) != 0)
		return cli_usage_error(c, "not a share id or key:", arg);
	struct dbval p[2] = {dbv_int(id), dbv_null()};
	if (by_key)
		p[0] = p[1] = dbv_text(arg);
	if (db_exec(c->db, by_key ? ST_CLI_SHARE_BY_KEY : ST_CLI_SHARE, p, by_key ? 2 : 1,
	            &c->a, &rs, &e))
		return cli_db_error(c, &e);
	if (rs.nrows != 1) {
		if (by_key)
			fprintf(c->err, "portal share: no share with key %.4s…\n", arg);
		else
			fprintf(c->err, "portal share: no share with id %lld\n", id);
		return 1;
	}
	share_row(&rs, 0, s);
	return 0;
}

static int cmd_rotate(struct cli *c, int argc, char **argv)
{
	struct share s;
	struct perr e = {0};
	char key[SHARE_KEY_LEN + 1];
	int rc;
	if (argc != 1)
		return cli_usage_error(c, "rotate takes one share id or key", NULL);
	if ((rc = cli_load(c, argv[0], &s)))
		return rc;
	if (share_rotate_key(c->db, &c->a, s.id, s.key, key, &e))
		return cli_db_error(c, &e);
	fprintf(c->out, "%lld\t%s\t%s\n", s.id, key, url_path(c, key));
	return 0;
}

static int cmd_delete(struct cli *c, int argc, char **argv)
{
	struct share s;
	struct perr e = {0};
	int rc;
	if (argc != 1)
		return cli_usage_error(c, "delete takes one share id or key", NULL);
	if ((rc = cli_load(c, argv[0], &s)))
		return rc;
	struct dbval p[2] = {dbv_int(s.id), dbv_text(s.key)};
	if (db_exec(c->db, ST_ADMIN_DELETE, p, 2, &c->a, NULL, &e))
		return cli_db_error(c, &e);
	fprintf(c->out, "deleted share %lld\n", s.id);
	return 0;
}

/* One line from `in` into `buf` (at most PASSWORD_MAX_LEN bytes, without
 * its line end), echo off when it is a terminal.  -1: too long or NUL. */
static int read_password(struct cli *c, char *buf, size_t cap, size_t *len)
{
	struct termios old, quiet;
	bool tty = isatty(fileno(c->in)) && tcgetattr(fileno(c->in), &old) == 0;
	size_t n = 0;
	int ch, rc = 0;

	if (tty) {
		fputs("Password (empty removes it): ", c->err);
		fflush(c->err);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(fileno(c->in), TCSAFLUSH, &quiet);
	}
	while ((ch = fgetc(c->in)) != EOF && ch != '\n') {
		if (ch == '\0' || n + 1 >= cap) {
			rc = -1;
			continue;   /* read the line to its end, keep nothing more */
		}
		buf[n++] = (char)ch;
	}
	if (n && buf[n - 1] == '\r')
		n--;
	buf[n] = '\0';
	*len = n;
	if (tty) {
		tcsetattr(fileno(c->in), TCSAFLUSH, &old);
		fputc('\n', c->err);
	}
	return rc;
}

static int cmd_set_password(struct cli *c, int argc, char **argv)
{
	struct share s;
	struct perr e = {0};
	char pw[PASSWORD_MAX_LEN + 2], hash[PASSWORD_HASH_MAX];
	size_t len = 0;
	int rc;
	if (argc != 1)
		return cli_usage_error(c, "set-password takes one share id or key", NULL);
	if ((rc = cli_load(c, argv[0], &s)))
		return rc;
	if (read_password(c, pw, sizeof(pw), &len)) {
		explicit_bzero(pw, sizeof(pw));
		fprintf(c->err, "portal share: the password must be one line of at most %d bytes"
		        " without NUL\n", PASSWORD_MAX_LEN);
		return 2;
	}
	if (len && !password_long_enough(pw, len)) {
		explicit_bzero(pw, sizeof(pw));
		fprintf(c->err, "portal share: the password needs at least %d characters\n",
		        PASSWORD_MIN_CHARS);
		return 2;
	}
	rc = 0;
	if (len && password_hash_new(pw, len, hash, sizeof(hash), &e))
		rc = cli_db_error(c, &e);
	explicit_bzero(pw, sizeof(pw));
	if (rc)
		return rc;
	if (share_set_password(c->db, &c->a, s.id, len ? hash : NULL, &e))
		rc = cli_db_error(c, &e);
	explicit_bzero(hash, sizeof(hash));
	if (rc)
		return rc;
	fprintf(c->out, "share %lld: password %s\n", s.id, len ? "set" : "removed");
	return 0;
}

/* ---- create ------------------------------------------------------------ */

static int flag_index(const char *opt)
{
	for (int f = 0; f < AF__MAX; f++)
		if (strcmp(opt, flag_opts[f]) == 0)
			return f;
	return -1;
}

/* The customer or project must exist (no team rule: the command line is
 * the database admin's tool). */
static int entity_exists(struct cli *c, const struct share_new *n, bool *ok, struct perr *e)
{
	struct dbrows rs;
	long long id = n->customer_id ? n->customer_id : n->project_id;
	struct dbval p[4] = {dbv_int(id), dbv_int(1), dbv_int(0), dbv_int(0)};
	if (db_exec(c->db, n->customer_id ? ST_ADMIN_CUSTOMER_OK : ST_ADMIN_PROJECT_OK, p,
	            4, &c->a, &rs, e))
		return -1;
	*ok = rs.nrows == 1;
	return 0;
}

static int cmd_create(struct cli *c, int argc, char **argv)
{
	struct share_new n = {0};
	struct share_extras x = {0};
	struct perr e = {0};
	char key[SHARE_KEY_LEN + 1];
	long long id = 0;
	bool ok = false, sign_off = false, show_activity = false, show_tags = false;

	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		const char *val = i + 1 < argc ? argv[i + 1] : NULL;
		int f;
		if (strncmp(a, "--", 2) != 0)
			return cli_usage_error(c, "unexpected argument", a);
		if ((f = flag_index(a + 2)) >= 0) {
			n.flags[f] = true;
			continue;
		}
		if (strcmp(a, "--sign-off") == 0) {
			sign_off = true;
			continue;
		}
		if (strcmp(a, "--show-activity") == 0) {
			show_activity = true;
			continue;
		}
		if (strcmp(a, "--show-tags") == 0) {
			show_tags = true;
			continue;
		}
		bool takes = strcmp(a, "--project") == 0 || strcmp(a, "--customer") == 0 ||
		             strcmp(a, "--merge") == 0 || strcmp(a, "--expires") == 0 ||
		             strcmp(a, "--window-from") == 0 || strcmp(a, "--window-to") == 0;
		if (!takes)
			return cli_usage_error(c, "unknown option", a);
		if (!val)
			return cli_usage_error(c, "missing value of", a);
		i++;
		if (strcmp(a, "--project") == 0 || strcmp(a, "--customer") == 0) {
			long long *dst = a[2] == 'p' ? &n.project_id : &n.customer_id;
			if (parse_id(val, dst))
				return cli_usage_error(c, "not an id:", val);
		} else if (strcmp(a, "--merge") == 0) {
			int m = 0;
			while (m < MERGE__MAX && strcmp(val, merge_mode_names[m]) != 0)
				m++;
			if (m == MERGE__MAX)
				return cli_usage_error(c, "unknown merge mode", val);
			n.merge = (enum merge_mode)m;
		} else if (strcmp(a, "--expires") == 0) {
			if (share_date_parse(val, strlen(val), &x.exp_year, &x.exp_month, &x.exp_day))
				return cli_usage_error(c, "not a date (YYYY-MM-DD):", val);
			x.has_expiry = true;
		} else {
			int *dst = strcmp(a, "--window-from") == 0 ? &x.window_from : &x.window_to;
			if (share_month_parse(val, strlen(val), dst))
				return cli_usage_error(c, "not a month (YYYY-MM):", val);
		}
	}
	if (!n.project_id == !n.customer_id)
		return cli_usage_error(c, "give exactly one of --project ID and --customer ID", NULL);
	if (x.window_from && x.window_to && x.window_from > x.window_to)
		return cli_usage_error(c, "--window-from is after --window-to", NULL);
	if (entity_exists(c, &n, &ok, &e))
		return cli_db_error(c, &e);
	if (!ok) {
		fprintf(c->err, "portal share: no %s with id %lld\n", n.customer_id ? "customer" : "project",
		        n.customer_id ? n.customer_id : n.project_id);
		return 1;
	}
	if (share_insert(c->db, &c->a, &n, key, &id, &e))
		return cli_db_error(c, &e);
	if ((x.has_expiry || x.window_from || x.window_to) &&
	    share_extras_save(c->db, fmtctx_tz(c->fmt), &c->a, id, &x, &e)) {
		fprintf(c->err, "portal share: share %lld was created, but its settings were not"
		        " saved\n", id);
		return cli_db_error(c, &e);
	}
	if ((show_activity || show_tags) &&
	    share_display_save(c->db, &c->a, id, show_activity, show_tags, &e)) {
		fprintf(c->err, "portal share: share %lld was created, but not its activity and tag"
		        " options\n", id);
		return cli_db_error(c, &e);
	}
	struct mctx mc = {.db = c->db, .a = &c->a, .tz = fmtctx_tz(c->fmt)};
	if (sign_off && signoff_set_enabled(&mc, id, true, &e)) {
		fprintf(c->err, "portal share: share %lld was created, but not its sign-off"
		        " option\n", id);
		return cli_db_error(c, &e);
	}
	fprintf(c->out, "%lld\t%s\t%s\n", id, key, url_path(c, key));
	return 0;
}

/* ---- update ------------------------------------------------------------ */

static int cmd_update(struct cli *c, int argc, char **argv)
{
	struct share s;
	struct perr e = {0};
	int rc;
	if (argc < 2)
		return cli_usage_error(c, "update takes one share id or key and at least one option",
		                   NULL);
	/* Options first, so a typo changes nothing. */
	int act = -1, tags = -1;   /* -1: keep */
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--show-activity") == 0)
			act = 1;
		else if (strcmp(a, "--no-show-activity") == 0)
			act = 0;
		else if (strcmp(a, "--show-tags") == 0)
			tags = 1;
		else if (strcmp(a, "--no-show-tags") == 0)
			tags = 0;
		else
			return cli_usage_error(c, "unknown option", a);
	}
	if ((rc = cli_load(c, argv[0], &s)))
		return rc;
	bool show_activity = act < 0 ? s.show_activity : act;
	bool show_tags = tags < 0 ? s.show_tags : tags;
	if (share_display_save(c->db, &c->a, s.id, show_activity, show_tags, &e))
		return cli_db_error(c, &e);
	fprintf(c->out, "share %lld: show-activity %s, show-tags %s\n", s.id,
	        show_activity ? "on" : "off", show_tags ? "on" : "off");
	return 0;
}

/* ---- entry ------------------------------------------------------------- */

static const struct {
	const char *name;
	int (*fn)(struct cli *c, int argc, char **argv);
} commands[] = {
	{"list", cmd_list},
	{"create", cmd_create},
	{"update", cmd_update},
	{"rotate", cmd_rotate},
	{"delete", cmd_delete},
	{"set-password", cmd_set_password},
	{"sign-off", cmd_sign_off},
	{"signoffs", cmd_signoffs},
};

int share_cli(const struct config *cfg, int argc, char **argv, FILE *in, FILE *out,
              FILE *err)
{
	struct cli c = {.cfg = cfg, .in = in, .out = out, .err = err};
	struct perr e = {0};
	int rc = 2;

	if (argc < 1 || strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0) {
		fputs(share_cli_usage, argc < 1 ? err : out);
		return argc < 1 ? 2 : 0;
	}
	size_t k = 0;
	while (k < sizeof(commands) / sizeof(commands[0]) && strcmp(argv[0], commands[k].name))
		k++;
	if (k == sizeof(commands) / sizeof(commands[0])) {
		struct cli tmp = {.err = err};
		return cli_usage_error(&tmp, "unknown command", argv[0]);
	}
	arena_init(&c.a);
	c.fmt = fmtctx_new();
	c.db = db_open(&cfg->db, cfg->db_timeout_s);
	if (db_connect(c.db, &e)) {
		rc = cli_db_error(&c, &e);
		goto out;
	}
	rc = commands[k].fn(&c, argc - 1, argv + 1);
	if (fflush(out) != 0) {
		fprintf(err, "portal share: writing the output: %s\n", strerror(errno));
		rc = 1;
	}
out:
	db_close(c.db);
	fmtctx_free(c.fmt);
	arena_free(&c.a);
	return rc;
}
