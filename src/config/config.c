/* Configuration (docs/design.md, "Configuration"): command-line flags, then the environment, then
 * Kimai's dotenv files (--kimai-dir), then defaults.  Everything is checked
 * here, once, so that the rest of the program can trust `struct config`.
 * Messages name the setting and where it came from, never a secret. */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "config.h"
#include "config_loader.h"
#include "intparse.h"
#include "log.h"

#ifndef PORTAL_VERSION
#define PORTAL_VERSION "unknown"
#endif
#ifndef PORTAL_DATADIR
#define PORTAL_DATADIR "/usr/local/share/portal"
#endif

#define WORKERS_MAX        256
#define DB_TIMEOUT_DEFAULT 5
#define DB_TIMEOUT_MAX     3600
#define LISTEN_MAX_HOST    255
#define UNIX_PATH_MAX_LEN  107        /* sun_path minus the NUL */
#define SD_LISTEN_FDS_START 3         /* systemd socket activation */

const struct optdef optdefs[OPT__MAX] = {
	[OPT_DATABASE_URL]      = {"--database-url", "DATABASE_URL", true},
	[OPT_READ_DATABASE_URL] = {"--read-database-url", "PORTAL_READ_DATABASE_URL", true},
	[OPT_KIMAI_DIR]         = {"--kimai-dir", "PORTAL_KIMAI_DIR", true},
	[OPT_LISTEN]            = {"--listen", "PORTAL_LISTEN", true},
	[OPT_WORKERS]           = {"--workers", "PORTAL_WORKERS", true},
	[OPT_TEMPLATES]         = {"--templates", "PORTAL_TEMPLATES", true},
	[OPT_LANG_DIR]          = {"--lang-dir", "PORTAL_LANG_DIR", true},
	[OPT_STATIC_DIR]        = {"--static-dir", "PORTAL_STATIC_DIR", true},
	[OPT_TRUSTED_PROXY]     = {"--trusted-proxy", "PORTAL_TRUSTED_PROXIES", true},
	[OPT_LOG_LEVEL]         = {"--log-level", "PORTAL_LOG_LEVEL", true},
	[OPT_DB_TIMEOUT]        = {"--db-timeout", "PORTAL_DB_TIMEOUT", true},
	[OPT_BASE_PATH]         = {"--base-path", "PORTAL_BASE_PATH", true},
	[OPT_HELP]              = {"--help", NULL, false},
	[OPT_VERSION]           = {"--version", NULL, false},
};

/* Decimal digits only, no sign, no blanks, within [min, max]. */
static int parse_uint(const char *s, unsigned min, unsigned max, unsigned *out)
{
	long long v;
	if (int_parse(s, strlen(s), min, max, 0, &v))
		return -1;
	*out = (unsigned)v;
	return 0;
}

static int parse_listen(struct config *c, const struct setting *s, struct perr *e)
{
	const char *v = s->value;
	if (strncmp(v, "unix:", 5) == 0) {
		size_t n = strlen(v + 5);
		if (n == 0 || n > UNIX_PATH_MAX_LEN)
			return PERR(e, PERR_CONFIG, "%s: the socket path must have 1 to %d bytes",
			            s->source, UNIX_PATH_MAX_LEN);
		c->listen_kind = LISTEN_UNIX;
		c->listen_path = xstrdup(v + 5);
		return 0;
	}
	const char *host = v, *hend = NULL, *port = NULL;
	if (v[0] == '[') {
		const char *rb = strchr(v, ']');
		if (!rb || rb[1] != ':')
			return PERR(e, PERR_CONFIG, "%s: expected [IPv6]:PORT", s->source);
		host = v + 1;
		hend = rb;
		port = rb + 2;
		char tmp[INET6_ADDRSTRLEN + 1];
		unsigned char bin[16];
		size_t hl = (size_t)(hend - host);
		if (hl == 0 || hl >= sizeof(tmp))
			return PERR(e, PERR_CONFIG, "%s: invalid IPv6 address", s->source);
		memcpy(tmp, host, hl);
		tmp[hl] = '\0';
		if (inet_pton(AF_INET6, tmp, bin) != 1)
			return PERR(e, PERR_CONFIG, "%s: invalid IPv6 address", s->source);
	} else {
		const char *colon = strrchr(v, ':');
		if (!colon)
			return PERR(e, PERR_CONFIG, "%s: expected unix:PATH or HOST:PORT",
			            s->source);
		hend = colon;
		port = colon + 1;
		if (hend == host)
			return PERR(e, PERR_CONFIG, "%s: name the address to listen on"
			            " (e.g. 127.0.0.1:9000), not just a port", s->source);
		if (!hostname_valid(host, (size_t)(hend - host), LISTEN_MAX_HOST))
			return PERR(e, PERR_CONFIG, "%s: invalid host", s->source);
	}
	unsigned p = 0;
	if (parse_uint(port, 1, 65535, &p))
		return PERR(e, PERR_CONFIG, "%s: the port must be a number from 1 to 65535",
		            s->source);
	c->listen_kind = LISTEN_TCP;
	c->listen_host = xmalloc((size_t)(hend - host) + 1);
	memcpy(c->listen_host, host, (size_t)(hend - host));
	c->listen_host[hend - host] = '\0';
	c->listen_port = p;
	return 0;
}

/* No --listen: a socket handed over by systemd (LISTEN_PID/LISTEN_FDS) or
 * by spawn-fcgi (a listening socket on fd 0). */
static bool inherited_socket(int *fd)
{
	const char *pid = getenv("LISTEN_PID"), *fds = getenv("LISTEN_FDS");
	unsigned p = 0, n = 0;
	if (pid && fds && parse_uint(pid, 1, UINT_MAX, &p) == 0 && p == (unsigned)getpid() &&
	    parse_uint(fds, 1, 1024, &n) == 0) {
		if (n > 1)
			log_warn("systemd passed %u sockets; using the first one", n);
		*fd = SD_LISTEN_FDS_START;
		return true;
	}
	struct stat st;
	int listening = 0;
	socklen_t len = sizeof(listening);
	if (fstat(0, &st) == 0 && S_ISSOCK(st.st_mode) &&
	    getsockopt(0, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) == 0 && listening) {
		*fd = 0;
		return true;
	}
	return false;
}

static int add_proxy(struct config *c, const char *text, size_t n, const char *source,
                     struct perr *e)
{
	char tmp[64];
	if (c->n_trusted_proxies == CONFIG_MAX_PROXIES)
		return PERR(e, PERR_CONFIG, "%s: at most %d trusted proxies", source,
		            CONFIG_MAX_PROXIES);
	if (n == 0 || n >= sizeof(tmp))
		return PERR(e, PERR_CONFIG, "%s: invalid address range", source);
	memcpy(tmp, text, n);
	tmp[n] = '\0';
	if (cidr_parse(tmp, &c->trusted_proxies[c->n_trusted_proxies]))
		return PERR(e, PERR_CONFIG, "%s: invalid address range '%s' (expected e.g."
		            " 10.0.0.0/8 or ::1)", source, tmp);
	c->n_trusted_proxies++;
	return 0;
}

static int load_proxies(struct loader *L, struct perr *e)
{
	struct setting s;
	for (size_t i = 0; i < L->n_proxy_flags; i++)
		if (add_proxy(L->c, L->proxy_flags[i], strlen(L->proxy_flags[i]),
		              optdefs[OPT_TRUSTED_PROXY].flag, e))
			return -1;
	if (L->n_proxy_flags || !loader_lookup_named(L, optdefs[OPT_TRUSTED_PROXY].env, &s))
		return 0;
	/* The variable holds a list separated by commas or blanks. */
	const char *p = s.value;
	while (*p) {
		size_t n = strcspn(p, ", \t");
		if (n && add_proxy(L->c, p, n, s.source, e))
			return -1;
		p += n;
		p += strspn(p, ", \t");
	}
	return 0;
}

static char *dir_default(void)
{
	struct stat st;
	char real[PATH_MAX];
	/* Running from the source tree: use its templates. */
	if (stat("cs_templates", &st) == 0 && S_ISDIR(st.st_mode) &&
	    realpath("cs_templates", real))
		return xstrdup(real);
	return xstrdup(PORTAL_DATADIR);
}

static char *join(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *s = xmalloc(n);
	snprintf(s, n, "%s/%s", dir, name);
	return s;
}

static int load_dirs(struct loader *L, struct perr *e)
{
	struct config *c = L->c;
	struct setting s;
	c->templates_dir = loader_lookup(L, OPT_TEMPLATES, &s) ? xstrdup(s.value) : dir_default();
	c->lang_dir = loader_lookup(L, OPT_LANG_DIR, &s) ? xstrdup(s.value)
	                                           : join(c->templates_dir, "lang");
	c->static_dir = loader_lookup(L, OPT_STATIC_DIR, &s) ? xstrdup(s.value)
	                                               : join(c->templates_dir, "static");
	if (L->flags & CONFIG_NO_SERVE)
		return 0;
	struct stat st;
	if (stat(c->templates_dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return PERR(e, PERR_CONFIG, "templates directory %s not found (use"
		            " --templates DIR)", c->templates_dir);
	return 0;
}

static int load_numbers(struct loader *L, struct perr *e)
{
	struct config *c = L->c;
	struct setting s;
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	if (cpus < 1)
		cpus = 1;
	c->workers = cpus * 2 > WORKERS_MAX ? WORKERS_MAX : (unsigned)cpus * 2;
	if (loader_lookup(L, OPT_WORKERS, &s) && parse_uint(s.value, 1, WORKERS_MAX, &c->workers))
		return PERR(e, PERR_CONFIG, "%s: expected a number from 1 to %d",
		            s.source, WORKERS_MAX);
	c->db_timeout_s = DB_TIMEOUT_DEFAULT;
	if (loader_lookup(L, OPT_DB_TIMEOUT, &s) &&
	    parse_uint(s.value, 1, DB_TIMEOUT_MAX, &c->db_timeout_s))
		return PERR(e, PERR_CONFIG, "%s: expected seconds from 1 to %d",
		            s.source, DB_TIMEOUT_MAX);
	enum log_level lvl = LOG_INFO;
	if (loader_lookup(L, OPT_LOG_LEVEL, &s) && log_parse_level(s.value, &lvl))
		return PERR(e, PERR_CONFIG, "%s: expected error, warn, info or debug",
		            s.source);
	c->log_level = (int)lvl;
	return 0;
}

static int load_database(struct loader *L, struct perr *e)
{
	struct config *c = L->c;
	struct setting s;
	if (!loader_lookup(L, OPT_DATABASE_URL, &s))
		return PERR(e, PERR_CONFIG, "no database configured: give --database-url,"
		            " set DATABASE_URL, or point --kimai-dir at Kimai");
	c->database_url = xstrdup(s.value);
	if (dburl_parse(c->database_url, &c->db, e))
		return -1;
	if (!loader_lookup(L, OPT_READ_DATABASE_URL, &s))
		return 0;
	c->read_database_url = xstrdup(s.value);
	if (dburl_parse(c->read_database_url, &c->read_db, e)) {
		/* The parser's messages say DATABASE_URL; name the replica instead. */
		char msg[sizeof(e->msg)];
		const char *rest = strncmp(e->msg, "DATABASE_URL: ", 14) == 0 ? e->msg + 14 : e->msg;
		snprintf(msg, sizeof(msg), "%s", rest);
		return PERR(e, e->kind, "%s: %s", s.source, msg);
	}
	c->has_read_db = true;
	return 0;
}

static int load_listen(struct loader *L, struct perr *e)
{
	struct config *c = L->c;
	struct setting s;
	if (L->flags & CONFIG_NO_SERVE)
		return 0;
	if (loader_lookup(L, OPT_LISTEN, &s))
		return parse_listen(c, &s, e);
	if (inherited_socket(&c->inherited_fd)) {
		c->listen_kind = LISTEN_INHERITED;
		return 0;
	}
	if (c->command)   /* sub-commands do not serve */
		return 0;
	return PERR(e, PERR_CONFIG, "no --listen given (e.g. --listen unix:/run/portal.sock"
	            " or --listen 127.0.0.1:9000), and no socket inherited from systemd or"
	            " spawn-fcgi");
}

/* --base-path /kimai: Kimai served below a path prefix.  Stored without a
 * trailing slash ("" = none); only characters that need no escaping in a
 * URL, a header or HTML, and no empty, "." or ".." segment. */
static int load_base_path(struct loader *L, struct perr *e)
{
	struct config *c = L->c;
	struct setting s;
	if (!loader_lookup(L, OPT_BASE_PATH, &s)) {
		c->base_path = xstrdup("");
		return 0;
	}
	size_t n = strlen(s.value);
	while (n > 1 && s.value[n - 1] == '/')
		n--;
	bool ok = n >= 1 && n <= CONFIG_BASE_PATH_MAX && s.value[0] == '/';
	for (size_t i = 0; ok && i < n; i++) {
		char ch = s.value[i];
		ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
		     ch == '-' || ch == '_' || ch == '.' || ch == '~' || ch == '/';
		if (ok && ch == '/' && i + 1 < n) {
			size_t seg = strcspn(s.value + i + 1, "/");
			if (seg > n - i - 1)
				seg = n - i - 1;
			ok = seg > 0 && !(seg == 1 && s.value[i + 1] == '.') &&
			     !(seg == 2 && s.value[i + 1] == '.' && s.value[i + 2] == '.');
		}
	}
	if (!ok)
		return PERR(e, PERR_CONFIG, "%s: expected a path such as /kimai (at most %d"
		            " characters of A-Z a-z 0-9 - _ . ~ /)", s.source, CONFIG_BASE_PATH_MAX);
	c->base_path = xcalloc(1, n + 1);
	if (n > 1)
		memcpy(c->base_path, s.value, n);
	return 0;
}

/* Returns 1 after --help/--version, 0 to go on, -1 on a bad command line.
 * Options may come before or after the sub-command: after it, the options
 * this table knows are taken here and everything else (the sub-command's
 * own options and arguments, --help) goes to the sub-command in order.
 * "--" passes the rest unread. */
static int parse_args(struct loader *L, int argc, char **argv, const char *prog,
                      const char *usage, struct perr *e)
{
	struct config *c = L->c;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0) {
			if (!c->cmd_argv)
				c->cmd_argv = xcalloc((size_t)argc + 1, sizeof(*c->cmd_argv));
			for (int k = i + 1; k < argc; k++) {
				if (!c->command)
					c->command = argv[k];
				else
					c->cmd_argv[c->cmd_argc++] = argv[k];
			}
			return 0;
		}
		if (strcmp(a, "-h") == 0 && !c->command)
			a = "--help";
		if (a[0] != '-' || a[1] == '\0') {
			if (!c->command) {
				c->command = a;
				if (!c->cmd_argv)
					c->cmd_argv = xcalloc((size_t)argc + 1, sizeof(*c->cmd_argv));
			} else {
				c->cmd_argv[c->cmd_argc++] = argv[i];
			}
			continue;
		}
		const char *eq = strchr(a, '=');
		size_t nlen = eq ? (size_t)(eq - a) : strlen(a);
		int o = 0;
		while (o < OPT__MAX && !(strlen(optdefs[o].flag) == nlen &&
		                         strncmp(optdefs[o].flag, a, nlen) == 0))
			o++;
		if (c->command && (o == OPT__MAX || o == OPT_HELP || o == OPT_VERSION)) {
			c->cmd_argv[c->cmd_argc++] = argv[i];   /* the sub-command's own */
			continue;
		}
		if (o == OPT__MAX)
			return PERR(e, PERR_CONFIG, "unknown option '%.*s' (see --help)",
			            (int)(nlen > 40 ? 40 : nlen), a);
		const char *val = NULL;
		if (optdefs[o].arg) {
			if (eq)
				val = eq + 1;
			else if (i + 1 < argc)
				val = argv[++i];
			else
				return PERR(e, PERR_CONFIG, "option %s needs a value",
				            optdefs[o].flag);
		} else if (eq) {
			return PERR(e, PERR_CONFIG, "option %s takes no value", optdefs[o].flag);
		}
		switch (o) {
		case OPT_HELP:
			fputs(usage ? usage : "", stdout);
			return 1;
		case OPT_VERSION:
			printf("%s %s\n", prog, PORTAL_VERSION);
			return 1;
		case OPT_TRUSTED_PROXY:
			if (L->n_proxy_flags == CONFIG_MAX_PROXIES)
				return PERR(e, PERR_CONFIG, "--trusted-proxy: at most %d",
				            CONFIG_MAX_PROXIES);
			L->proxy_flags[L->n_proxy_flags++] = val;
			break;
		default:
			L->flag[o] = val;   /* the last one wins */
			break;
		}
	}
	return 0;
}

int config_load_ex(struct config *c, int argc, char **argv, const char *prog,
                   const char *usage, unsigned flags, struct perr *e)
{
	struct loader L = {.c = c, .flags = flags};
	struct setting s;
	int rc = -1;
	memset(c, 0, sizeof(*c));
	c->inherited_fd = -1;
	int r = parse_args(&L, argc, argv, prog, usage, e);
	if (r != 0) {
		rc = r;
		goto out;
	}
	if (loader_lookup(&L, OPT_KIMAI_DIR, &s)) {
		c->kimai_dir = xstrdup(s.value);
		if (load_kimai_dir(&L, &s, e))
			goto out;
	}
	if (load_database(&L, e) || load_secret(&L, e) || load_numbers(&L, e) ||
	    load_proxies(&L, e) || load_dirs(&L, e) || load_listen(&L, e) ||
	    load_base_path(&L, e))
		goto out;
	rc = 0;
out:
	loader_free_vars(&L);
	if (rc != 0)
		config_free(c);
	return rc;
}

int config_load(struct config *c, int argc, char **argv, const char *prog,
                const char *usage, struct perr *e)
{
	return config_load_ex(c, argc, argv, prog, usage, 0, e);
}

void config_free(struct config *c)
{
	if (!c)
		return;
	if (c->database_url) {
		explicit_bzero(c->database_url, strlen(c->database_url));
		free(c->database_url);
	}
	if (c->read_database_url) {
		explicit_bzero(c->read_database_url, strlen(c->read_database_url));
		free(c->read_database_url);
	}
	dburl_free(&c->db);
	dburl_free(&c->read_db);
	free(c->listen_path);
	free(c->listen_host);
	free(c->templates_dir);
	free(c->lang_dir);
	free(c->static_dir);
	free(c->kimai_dir);
	free(c->base_path);
	free(c->cmd_argv);
	explicit_bzero(c->secret, sizeof(c->secret));
	memset(c, 0, sizeof(*c));
	c->inherited_fd = -1;
}
