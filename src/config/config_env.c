/* Configuration from the environment and Kimai's dotenv files, and the
 * cookie key derived from their secret (config_loader.h). */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nettle/hmac.h>

#include "arena.h"
#include "config.h"
#include "config_loader.h"
#include "log.h"

#define SECRET_MIN_LEN     16
/* Labels of the cookie key derivation: changing one logs everybody out. */
#define LABEL_PORTAL_SECRET "portal cookie key v1"
#define LABEL_APP_SECRET    "kimai customer portal cookie key v1"
/* Kimai's example value in .env.dist: a key anyone can read. */
#define KIMAI_EXAMPLE_SECRET "change_this_to_something_unique"

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

void loader_free_vars(struct loader *L)
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
bool loader_lookup_named(struct loader *L, const char *name, struct setting *s)
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

bool loader_lookup(struct loader *L, enum opt o, struct setting *s)
{
	if (L->flag[o]) {
		s->value = L->flag[o];
		snprintf(s->source, sizeof(s->source), "%s", optdefs[o].flag);
		return true;
	}
	return loader_lookup_named(L, optdefs[o].env, s);
}

static void derive_key(const char *secret, const char *label, unsigned char out[32])
{
	struct hmac_sha256_ctx h;
	hmac_sha256_set_key(&h, strlen(secret), (const uint8_t *)secret);
	hmac_sha256_update(&h, strlen(label), (const uint8_t *)label);
	hmac_sha256_digest(&h, SHA256_DIGEST_SIZE, out);
	explicit_bzero(&h, sizeof(h));
}

int load_secret(struct loader *L, struct perr *e)
{
	struct setting s;
	struct config *c = L->c;
	if (L->flags & CONFIG_NO_SECRET)   /* not even checked: never used */
		return 0;
	if (loader_lookup_named(L, "PORTAL_SECRET", &s)) {
		if (strlen(s.value) < SECRET_MIN_LEN)
			return PERR(e, PERR_CONFIG, "%s is too short: use at least %d random"
			            " characters", s.source, SECRET_MIN_LEN);
		derive_key(s.value, LABEL_PORTAL_SECRET, c->secret);
		c->has_secret = true;
		return 0;
	}
	if (loader_lookup_named(L, "APP_SECRET", &s)) {
		if (strcmp(s.value, KIMAI_EXAMPLE_SECRET) == 0)
			return PERR(e, PERR_CONFIG, "%s is still Kimai's example value: set a"
			            " random APP_SECRET, or PORTAL_SECRET for the portal", s.source);
		if (strlen(s.value) < SECRET_MIN_LEN)
			return PERR(e, PERR_CONFIG, "%s is shorter than %d characters: set"
			            " PORTAL_SECRET to a long random value", s.source, SECRET_MIN_LEN);
		derive_key(s.value, LABEL_APP_SECRET, c->secret);
		c->has_secret = true;
		return 0;
	}
	return PERR(e, PERR_CONFIG, "no secret for signing cookies: set PORTAL_SECRET,"
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
		return PERR(e, PERR_CONFIG, "--kimai-dir: path too long");
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
	return loader_lookup_named(L, "APP_ENV", &s) ? s.value : "dev";
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
int load_kimai_dir(struct loader *L, const struct setting *dir, struct perr *e)
{
	struct stat st;
	bool any = false;
	char name[64];
	if (stat(dir->value, &st) != 0)
		return PERR(e, PERR_CONFIG, "%s %s: %s", dir->source, dir->value,
		            strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return PERR(e, PERR_CONFIG, "%s %s: not a directory", dir->source, dir->value);
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
		return PERR(e, PERR_CONFIG, "%s %s: no .env or .env.local file there",
		            dir->source, dir->value);
	char php[PATH_MAX];
	if ((size_t)snprintf(php, sizeof(php), "%s/.env.local.php", dir->value) < sizeof(php) &&
	    file_exists(php))
		log_warn("%s/.env.local.php is not read: the portal takes its settings from the"
		         " .env files and the environment", dir->value);
	return 0;
}

