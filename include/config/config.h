/* Configuration (docs/design.md, "Configuration").  Precedence: command-line flag > environment >
 * Kimai's dotenv files (--kimai-dir: .env then .env.local) > default. */
#ifndef PORTAL_CONFIG_H
#define PORTAL_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "perr.h"

/* A parsed DATABASE_URL in Kimai's format:
 * mysql://user:pass@host:port/db?charset=utf8mb4&serverVersion=…&unix_socket=/path */
struct dburl {
	char *user;          /* percent-decoded */
	char *password;      /* percent-decoded; never logged */
	char *host;          /* NULL when unix_socket is used without a host */
	unsigned port;       /* 0 = default */
	char *dbname;
	char *unix_socket;   /* NULL unless ?unix_socket= */
	char *charset;       /* default "utf8mb4" */
};

int  dburl_parse(const char *url, struct dburl *out, struct perr *e);
/* A host name or address of at most `max` bytes of [A-Za-z0-9._-]. */
bool hostname_valid(const char *s, size_t n, size_t max);
void dburl_free(struct dburl *u);

/* One dotenv file as Symfony reads it (KEY=VALUE, quotes, comments,
 * `export `, ${VAR} expansion from earlier keys).  Calls `fn` for each
 * assignment in file order. */
typedef void (*dotenv_fn)(void *ctx, const char *key, const char *value);
int dotenv_parse(const char *text, size_t len, dotenv_fn fn, void *ctx, struct perr *e);
int dotenv_load_file(const char *path, dotenv_fn fn, void *ctx, struct perr *e); /* missing file = 0 */

/* Bounds: a larger file, name or value is an error. */
#define DOTENV_MAX_FILE  (1024 * 1024)
#define DOTENV_MAX_KEY   128
#define DOTENV_MAX_VALUE (8 * 1024)
#define DOTENV_MAX_VARS  4096

/* $VAR expansion looks in the real environment first (it always wins, as in
 * Symfony), then at this file's earlier keys, then asks `lookup` (values of
 * files loaded before this one; NULL = unknown).  Same `ctx` as `fn`. */
typedef const char *(*dotenv_lookup_fn)(void *ctx, const char *key);
int dotenv_parse_ex(const char *text, size_t len, dotenv_lookup_fn lookup,
                    dotenv_fn fn, void *ctx, struct perr *e);
int dotenv_load_file_ex(const char *path, dotenv_lookup_fn lookup, dotenv_fn fn,
                        void *ctx, struct perr *e);

enum listen_kind { LISTEN_NONE, LISTEN_UNIX, LISTEN_TCP, LISTEN_INHERITED };

struct cidr {
	unsigned char addr[16];
	int           family;   /* AF_INET or AF_INET6 */
	int           bits;
};
int cidr_parse(const char *s, struct cidr *out);                  /* 0 ok, -1 bad */
bool cidr_match(const struct cidr *c, const char *addr);           /* textual address */

#define CONFIG_MAX_PROXIES 16

struct config {
	char            *database_url;       /* as given (never logged) */
	struct dburl     db;
	char            *read_database_url;  /* optional replica */
	struct dburl     read_db;
	bool             has_read_db;
	unsigned char    secret[32];         /* HMAC key for cookies */
	bool             has_secret;
	enum listen_kind listen_kind;
	char            *listen_path;        /* unix socket path */
	char            *listen_host;        /* TCP */
	unsigned         listen_port;
	int              inherited_fd;       /* LISTEN_INHERITED */
	unsigned         workers;            /* default 2 x CPU cores */
	char            *templates_dir;      /* default: compiled-in data dir */
	char            *lang_dir;           /* default: templates_dir/lang */
	char            *static_dir;         /* CSS/JS assets */
	struct cidr      trusted_proxies[CONFIG_MAX_PROXIES];
	size_t           n_trusted_proxies;
	int              log_level;          /* enum log_level */
	unsigned         db_timeout_s;       /* read/write timeout per query */
	char            *kimai_dir;
	/* sub-command: NULL (serve), "check", "share", "install" … */
	const char      *command;
	int              cmd_argc;           /* remaining args after the command */
	char           **cmd_argv;
};

/* Parses argv and the environment, loads dotenv files, validates.
 * On error fills `e` with a one-line message for the user.
 * Returns 1 when --help/--version was printed (caller exits 0). */
int  config_load(struct config *c, int argc, char **argv, const char *prog,
                 const char *usage, struct perr *e);

/* config_load() with options for programs that do not serve. */
enum config_flags {
	CONFIG_NO_SECRET = 1u << 0,   /* no cookie secret needed (portal-install) */
	CONFIG_NO_SERVE  = 1u << 1,   /* never listens: no socket, no templates */
};
int  config_load_ex(struct config *c, int argc, char **argv, const char *prog,
                    const char *usage, unsigned flags, struct perr *e);
void config_free(struct config *c);

#endif
