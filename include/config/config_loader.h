/* Inside the config layer only: the loader that config.c (flags, numbers,
 * listen socket) and config_env.c (environment, dotenv files, secret) share
 * while reading one configuration. */
#ifndef PORTAL_CONFIG_LOADER_H
#define PORTAL_CONFIG_LOADER_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "perr.h"

enum opt {
	OPT_DATABASE_URL, OPT_READ_DATABASE_URL, OPT_KIMAI_DIR, OPT_LISTEN,
	OPT_WORKERS, OPT_TEMPLATES, OPT_LANG_DIR, OPT_STATIC_DIR, OPT_TRUSTED_PROXY,
	OPT_LOG_LEVEL, OPT_DB_TIMEOUT, OPT_BASE_PATH, OPT_HELP, OPT_VERSION,
	OPT__MAX
};

struct optdef {
	const char *flag;
	const char *env;    /* also looked up in the dotenv files */
	bool        arg;
};
extern const struct optdef optdefs[OPT__MAX];

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

/* Environment, then dotenv files; `o` first as a flag. */
bool loader_lookup_named(struct loader *L, const char *name, struct setting *s);
bool loader_lookup(struct loader *L, enum opt o, struct setting *s);
void loader_free_vars(struct loader *L);
/* The dotenv files of Kimai's directory `dir`, into the loader. */
int  load_kimai_dir(struct loader *L, const struct setting *dir, struct perr *e);
/* The cookie key from PORTAL_SECRET or APP_SECRET. */
int  load_secret(struct loader *L, struct perr *e);

#endif
