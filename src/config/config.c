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

#include <nettle/hmac.h>

#include "arena.h"
#include "config.h"
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
#define SECRET_MIN_LEN     16
#define LISTEN_MAX_HOST    255
#define UNIX_PATH_MAX_LEN  107        /* sun_path minus the NUL */
#define SD_LISTEN_FDS_START 3         /* systemd socket activation */

/* Labels of the cookie key derivation: changing one logs everybody out. */
#define LABEL_PORTAL_SECRET "portal cookie key v1"
#define LABEL_APP_SECRET    "kimai customer portal cookie key v1"
/* Kimai's example value in .env.dist: a key anyone can read. */
#define KIMAI_EXAMPLE_SECRET "change_this_to_something_unique"

enum opt {
	OPT_DATABASE_URL, OPT_READ_DATABASE_URL, OPT_KIMAI_DIR, OPT_LISTEN,
	OPT_WORKERS, OPT_TEMPLATES, OPT_LANG_DIR, OPT_STATIC_DIR, OPT_TRUSTED_PROXY,
	OPT_LOG_LEVEL, OPT_DB_TIMEOUT, OPT_HELP, OPT_VERSION,
	OPT__MAX
};

static const struct optdef {
	const char *flag;
	const char *env;    /* also looked up in the dotenv files */
	bool        arg;
} optdefs[OPT__MAX] = {
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
	[OPT_HELP]              = {"--help", NULL, false},
	[OPT_VERSION]           = {"--version", NULL, false},
};

/* Values read from the dotenv files; later files override earlier ones. */
struct envvar {
	char       *key;
	char       *value;
	const char *file;     /* ".env", ".env.local", … (static strings) */
};

struct loader {
	struct config *c;
	unsigned       flags;
	const char    *flag[OPT__MAX];
	const char    *proxy_flags[CONFIG_MAX_PROXIES];
	size_t         n_proxy_flags;
	struct envvar *vars;
	size_t         nvars, capvars;
	const char    *cur_file;
	char           file_names[4][64];   /* storage for the names in `file` */
};

/* One looked-up setting and a human-readable origin for messages. */
struct setting {
	const char *value;
	char        source[96];
};

static struct envvar *store_find(struct loader *L, const char *key)
{
	for (size_t i = 0; i < L->nvars; i++)
		if (strcmp(L->vars[i].key, key) == 0)
			return &L->vars[i];
	return NULL;
}

static void store_set(void *ctx, const char *key, const char *value)
{
	struct loader *L = ctx;
	struct envvar *v = store_find(L, key);
	if (!v) {
		if (L->nvars == L->capvars) {
			L->capvars = L->capvars ? L->capvars * 2 : 32;
			L->vars = xrealloc(L->vars, L->capvars * sizeof(*L->vars));
		}
		v = &L->vars[L->nvars++];
		v->key = xstrdup(key);
		v->value = NULL;
	}
	if (v->value) {
		explicit_bzero(v->value, strlen(v->value));
		free(v->value);
	}
	v->value = xstrdup(value);
	v->file = L->cur_file;
}

static const char *store_lookup(void *ctx, const char *key)
{
	struct envvar *v = store_find(ctx, key);
	return v ? v->value : NULL;
}

static void store_free(struct loader *L)
{
	for (size_t i = 0; i < L->nvars; i++) {
		explicit_bzero(L->vars[i].value, strlen(L->vars[i].value));
		free(L->vars[i].value);
		free(L->vars[i].key);
	}
	free(L->vars);
	L->vars = NULL;
	L->nvars = L->capvars = 0;
}

/* Environment, then dotenv files.  Empty values count as unset, so an empty
 * variable in the environment does not hide a value in .env.local. */
static bool lookup_named(struct loader *L, const char *name, struct setting *s)
{
	const char *v = getenv(name);
	if (v && *v) {
		s->value = v;
		snprintf(s->source, sizeof(s->source), "%s", name);
		return true;
	}
	struct envvar *ev = store_find(L, name);
	if (ev && ev->value[0]) {
		s->value = ev->value;
		snprintf(s->source, sizeof(s->source), "%s in %s", name, ev->file);
		return true;
	}
	s->value = NULL;
	s->source[0] = '\0';
	return false;
}

static bool lookup(struct loader *L, enum opt o, struct setting *s)
{
	if (L->flag[o]) {
		s->value = L->flag[o];
		snprintf(s->source, sizeof(s->source), "%s", optdefs[o].flag);
		return true;
	}
	return lookup_named(L, optdefs[o].env, s);
}

/* Decimal digits only, no sign, no blanks, within [min, max]. */
static int parse_uint(const char *s, unsigned min, unsigned max, unsigned *out)
{
	unsigned long v = 0;
	if (!*s)
		return -1;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		v = v * 10 + (unsigned long)(*p - '0');
		if (v > max)
			return -1;
	}
	if (v < min)
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
			return PERR(e, PERR_BAD_REQUEST, "%s: the socket path must have 1 to %d bytes",
			            s->source, UNIX_PATH_MAX_LEN);
		c->listen_kind = LISTEN_UNIX;
		c->listen_path = xstrdup(v + 5);
		return 0;
	}
	const char *host = v, *hend = NULL, *port = NULL;
	if (v[0] == '[') {
		const char *rb = strchr(v, ']');
		if (!rb || rb[1] != ':')
			return PERR(e, PERR_BAD_REQUEST, "%s: expected [IPv6]:PORT", s->source);
		host = v + 1;
		hend = rb;
		port = rb + 2;
		char tmp[INET6_ADDRSTRLEN + 1];
		unsigned char bin[16];
		size_t hl = (size_t)(hend - host);
		if (hl == 0 || hl >= sizeof(tmp))
			return PERR(e, PERR_BAD_REQUEST, "%s: invalid IPv6 address", s->source);
		memcpy(tmp, host, hl);
		tmp[hl] = '\0';
		if (inet_pton(AF_INET6, tmp, bin) != 1)
			return PERR(e, PERR_BAD_REQUEST, "%s: invalid IPv6 address", s->source);
	} else {
		const char *colon = strrchr(v, ':');
		if (!colon)
			return PERR(e, PERR_BAD_REQUEST, "%s: expected unix:PATH or HOST:PORT",
			            s->source);
		hend = colon;
		port = colon + 1;
		if (hend == host)
			return PERR(e, PERR_BAD_REQUEST, "%s: name the address to listen on"
			            " (e.g. 127.0.0.1:9000), not just a port", s->source);
		if (!hostname_valid(host, (size_t)(hend - host), LISTEN_MAX_HOST))
			return PERR(e, PERR_BAD_REQUEST, "%s: invalid host", s->source);
	}
	unsigned p = 0;
	if (parse_uint(port, 1, 65535, &p))
		return PERR(e, PERR_BAD_REQUEST, "%s: the port must be a number from 1 to 65535",
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

static void derive_key(const char *secret, const char *label, unsigned char out[32])
{
	struct hmac_sha256_ctx h;
	hmac_sha256_set_key(&h, strlen(secret), (const uint8_t *)secret);
	hmac_sha256_update(&h, strlen(label), (const uint8_t *)label);
	hmac_sha256_digest(&h, SHA256_DIGEST_SIZE, out);
	explicit_bzero(&h, sizeof(h));
}

static int load_secret(struct loader *L, struct perr *e)
{
	struct setting s;
	struct config *c = L->c;
	if (L->flags & CONFIG_NO_SECRET)   /* not even checked: never used */
		return 0;
	if (lookup_named(L, "PORTAL_SECRET", &s)) {
		if (strlen(s.value) < SECRET_MIN_LEN)
			return PERR(e, PERR_BAD_REQUEST, "%s is too short: use at least %d random"
			            " characters", s.source, SECRET_MIN_LEN);
		derive_key(s.value, LABEL_PORTAL_SECRET, c->secret);
		c->has_secret = true;
		return 0;
	}
	if (lookup_named(L, "APP_SECRET", &s)) {
		if (strcmp(s.value, KIMAI_EXAMPLE_SECRET) == 0)
			return PERR(e, PERR_BAD_REQUEST, "%s is still Kimai's example value: set a"
			            " random APP_SECRET, or PORTAL_SECRET for the portal", s.source);
		if (strlen(s.value) < SECRET_MIN_LEN)
			return PERR(e, PERR_BAD_REQUEST, "%s is shorter than %d characters: set"
			            " PORTAL_SECRET to a long random value", s.source, SECRET_MIN_LEN);
		derive_key(s.value, LABEL_APP_SECRET, c->secret);
		c->has_secret = true;
		return 0;
	}
	return PERR(e, PERR_BAD_REQUEST, "no secret for signing cookies: set PORTAL_SECRET,"
	            " or APP_SECRET (e.g. with --kimai-dir pointing at Kimai)");
}

static bool file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

static int load_one(struct loader *L, const char *dir, const char *name, int slot,
                    bool *any, struct perr *e)
{
	char path[PATH_MAX];
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >= sizeof(path))
		return PERR(e, PERR_BAD_REQUEST, "--kimai-dir: path too long");
	if (!file_exists(path))
		return 0;
	snprintf(L->file_names[slot], sizeof(L->file_names[slot]), "%s", name);
	L->cur_file = L->file_names[slot];
	if (dotenv_load_file_ex(path, store_lookup, store_set, L, e))
		return -1;
	*any = true;
	return 0;
}

static const char *app_env(struct loader *L)
{
	struct setting s;
	return lookup_named(L, "APP_ENV", &s) ? s.value : "dev";
}

static bool valid_env_name(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 32)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '-'))
			return false;
	return true;
}

/* The files Symfony's loadEnv() reads, in its order: .env (or .env.dist),
 * .env.local (not for APP_ENV=test), .env.$APP_ENV, .env.$APP_ENV.local. */
static int load_kimai_dir(struct loader *L, const struct setting *dir, struct perr *e)
{
	struct stat st;
	bool any = false;
	char name[64];
	if (stat(dir->value, &st) != 0)
		return PERR(e, PERR_BAD_REQUEST, "%s %s: %s", dir->source, dir->value,
		            strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return PERR(e, PERR_BAD_REQUEST, "%s %s: not a directory", dir->source, dir->value);
	if (load_one(L, dir->value, ".env", 0, &any, e))
		return -1;
	if (!any && load_one(L, dir->value, ".env.dist", 0, &any, e))
		return -1;
	const char *env = app_env(L);
	if (strcmp(env, "test") != 0 && load_one(L, dir->value, ".env.local", 1, &any, e))
		return -1;
	env = app_env(L);
	if (strcmp(env, "local") != 0 && valid_env_name(env)) {
		snprintf(name, sizeof(name), ".env.%s", env);
		if (load_one(L, dir->value, name, 2, &any, e))
			return -1;
		snprintf(name, sizeof(name), ".env.%s.local", env);
		if (load_one(L, dir->value, name, 3, &any, e))
			return -1;
	}
	if (!any)
		return PERR(e, PERR_BAD_REQUEST, "%s %s: no .env or .env.local file there",
		            dir->source, dir->value);
	char php[PATH_MAX];
	if ((size_t)snprintf(php, sizeof(php), "%s/.env.local.php", dir->value) < sizeof(php) &&
	    file_exists(php))
		log_warn("%s/.env.local.php is not read: the portal takes its settings from the"
		         " .env files and the environment", dir->value);
	return 0;
}

static int add_proxy(struct config *c, const char *text, size_t n, const char *source,
                     struct perr *e)
{
	char tmp[64];
	if (c->n_trusted_proxies == CONFIG_MAX_PROXIES)
		return PERR(e, PERR_BAD_REQUEST, "%s: at most %d trusted proxies", source,
		            CONFIG_MAX_PROXIES);
	if (n == 0 || n >= sizeof(tmp))
		return PERR(e, PERR_BAD_REQUEST, "%s: invalid address range", source);
	memcpy(tmp, text, n);
	tmp[n] = '\0';
	if (cidr_parse(tmp, &c->trusted_proxies[c->n_trusted_proxies]))
		return PERR(e, PERR_BAD_REQUEST, "%s: invalid address range '%s' (expected e.g."
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
	if (L->n_proxy_flags || !lookup_named(L, optdefs[OPT_TRUSTED_PROXY].env, &s))
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
	c->templates_dir = lookup(L, OPT_TEMPLATES, &s) ? xstrdup(s.value) : dir_default();
	c->lang_dir = lookup(L, OPT_LANG_DIR, &s) ? xstrdup(s.value)
	                                           : join(c->templates_dir, "lang");
	c->static_dir = lookup(L, OPT_STATIC_DIR, &s) ? xstrdup(s.value)
	                                               : join(c->templates_dir, "static");
	if (L->flags & CONFIG_NO_SERVE)
		return 0;
	struct stat st;
	if (stat(c->templates_dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return PERR(e, PERR_BAD_REQUEST, "templates directory %s not found (use"
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
	if (lookup(L, OPT_WORKERS, &s) && parse_uint(s.value, 1, WORKERS_MAX, &c->workers))
		return PERR(e, PERR_BAD_REQUEST, "%s: expected a number from 1 to %d",
		            s.source, WORKERS_MAX);
	c->db_timeout_s = DB_TIMEOUT_DEFAULT;
	if (lookup(L, OPT_DB_TIMEOUT, &s) &&
	    parse_uint(s.value, 1, DB_TIMEOUT_MAX, &c->db_timeout_s))
		return PERR(e, PERR_BAD_REQUEST, "%s: expected seconds from 1 to %d",
		            s.source, DB_TIMEOUT_MAX);
	enum log_level lvl = LOG_INFO;
	if (lookup(L, OPT_LOG_LEVEL, &s) && log_parse_level(s.value, &lvl))
		return PERR(e, PERR_BAD_REQUEST, "%s: expected error, warn, info or debug",
		            s.source);
	c->log_level = (int)lvl;
	return 0;
}

static int load_database(struct loader *L, struct perr *e)
{
	struct config *c = L->c;
	struct setting s;
	if (!lookup(L, OPT_DATABASE_URL, &s))
		return PERR(e, PERR_BAD_REQUEST, "no database configured: give --database-url,"
		            " set DATABASE_URL, or point --kimai-dir at Kimai");
	c->database_url = xstrdup(s.value);
	if (dburl_parse(c->database_url, &c->db, e))
		return -1;
	if (!lookup(L, OPT_READ_DATABASE_URL, &s))
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
	if (lookup(L, OPT_LISTEN, &s))
		return parse_listen(c, &s, e);
	if (inherited_socket(&c->inherited_fd)) {
		c->listen_kind = LISTEN_INHERITED;
		return 0;
	}
	if (c->command)   /* sub-commands do not serve */
		return 0;
	return PERR(e, PERR_BAD_REQUEST, "no --listen given (e.g. --listen unix:/run/portal.sock"
	            " or --listen 127.0.0.1:9000), and no socket inherited from systemd or"
	            " spawn-fcgi");
}

/* Returns 1 after --help/--version, 0 to go on, -1 on a bad command line. */
static int parse_args(struct loader *L, int argc, char **argv, const char *prog,
                      const char *usage, struct perr *e)
{
	struct config *c = L->c;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0) {
			if (i + 1 < argc) {
				c->command = argv[i + 1];
				c->cmd_argc = argc - i - 2;
				c->cmd_argv = argv + i + 2;
			}
			return 0;
		}
		if (strcmp(a, "-h") == 0)
			a = "--help";
		if (a[0] != '-' || a[1] == '\0') {
			c->command = a;
			c->cmd_argc = argc - i - 1;
			c->cmd_argv = argv + i + 1;
			return 0;
		}
		const char *eq = strchr(a, '=');
		size_t nlen = eq ? (size_t)(eq - a) : strlen(a);
		int o = 0;
		while (o < OPT__MAX && !(strlen(optdefs[o].flag) == nlen &&
		                         strncmp(optdefs[o].flag, a, nlen) == 0))
			o++;
		if (o == OPT__MAX)
			return PERR(e, PERR_BAD_REQUEST, "unknown option '%.*s' (see --help)",
			            (int)(nlen > 40 ? 40 : nlen), a);
		const char *val = NULL;
		if (optdefs[o].arg) {
			if (eq)
				val = eq + 1;
			else if (i + 1 < argc)
				val = argv[++i];
			else
				return PERR(e, PERR_BAD_REQUEST, "option %s needs a value",
				            optdefs[o].flag);
		} else if (eq) {
			return PERR(e, PERR_BAD_REQUEST, "option %s takes no value", optdefs[o].flag);
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
				return PERR(e, PERR_BAD_REQUEST, "--trusted-proxy: at most %d",
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
	if (lookup(&L, OPT_KIMAI_DIR, &s)) {
		c->kimai_dir = xstrdup(s.value);
		if (load_kimai_dir(&L, &s, e))
			goto out;
	}
	if (load_database(&L, e) || load_secret(&L, e) || load_numbers(&L, e) ||
	    load_proxies(&L, e) || load_dirs(&L, e) || load_listen(&L, e))
		goto out;
	rc = 0;
out:
	store_free(&L);
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
	explicit_bzero(c->secret, sizeof(c->secret));
	memset(c, 0, sizeof(*c));
	c->inherited_fd = -1;
}
