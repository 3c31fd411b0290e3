/* Kimai's company name and logo, cached per process (include/branding.h).
 * The values are Kimai's data: the templates escape them like any other
 * text, and the logo URL must pass branding_logo_ok() first. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "branding.h"
#include "clock.h"
#include "config.h"
#include "db.h"
#include "log.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static char     *company, *logo;      /* malloc'd; NULL = not set */
static long long read_at;             /* monotonic seconds of the last read; 0 never */


void branding_clear(void)
{
	pthread_mutex_lock(&lock);
	free(company);
	free(logo);
	company = logo = NULL;
	read_at = 0;
	pthread_mutex_unlock(&lock);
}

static bool url_path_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       strchr("/._~-%+=&?:@!$,;", c) != NULL;
}

bool branding_logo_ok(const char *s, char *origin, size_t cap)
{
	if (cap)
		origin[0] = '\0';
	if (!s)
		return false;
	size_t n = strlen(s);
	if (n == 0 || n > BRANDING_MAX_TEXT)
		return false;
	const char *path = s;
	if (strncmp(s, "https://", 8) == 0) {
		const char *host = s + 8;
		size_t hn = strcspn(host, "/:");
		if (!hostname_valid(host, hn, 255) || strchr(host, '@') != NULL)
			return false;
		const char *p = host + hn;
		if (*p == ':') {
			size_t pn = strspn(p + 1, "0123456789");
			if (pn < 1 || pn > 5)
				return false;
			p += 1 + pn;
		}
		if (*p != '/')
			return false;
		if ((size_t)(p - s) + 1 > cap)
			return false;
		memcpy(origin, s, (size_t)(p - s));
		origin[p - s] = '\0';
		path = p;
	} else if (s[0] != '/' || s[1] == '/') {
		return false;     /* relative, protocol-relative, javascript:, data: … */
	}
	for (const char *p = path; *p; p++) {
		if (!url_path_char(*p)) {
			origin[0] = '\0';
			return false;
		}
	}
	return true;
}

static char *dup_text(const char *s)
{
	if (!s || !*s || strlen(s) > BRANDING_MAX_TEXT)
		return NULL;
	return xstrdup(s);
}

/* Reads both settings; on failure the old values stay. */
static void refresh(struct req *r)
{
	struct perr e = {0};
	struct dbrows rs;
	if (db_exec(r->rdb, ST_BRANDING, NULL, 0, r->a, &rs, &e)) {
		log_debug("branding: %s", e.msg);
		return;
	}
	char *c = NULL, *l = NULL;
	for (size_t i = 0; i < rs.nrows; i++) {
		const char *name = dbr_text(&rs, i, BRANDING_NAME), *value = dbr_text(&rs, i, BRANDING_VALUE);
		if (name && strcmp(name, "theme.branding.company") == 0 && !c)
			c = dup_text(value);
		else if (name && strcmp(name, "theme.branding.logo") == 0 && !l)
			l = dup_text(value);
	}
	pthread_mutex_lock(&lock);
	free(company);
	free(logo);
	company = c;
	logo = l;
	pthread_mutex_unlock(&lock);
}

void branding_apply(struct req *r)
{
	long long now = clock_mono_s() + 1;   /* never 0 */
	bool stale;
	pthread_mutex_lock(&lock);
	stale = read_at == 0 || now - read_at >= BRANDING_TTL;
	if (stale)
		read_at = now;     /* one reader; the others use the old values meanwhile */
	pthread_mutex_unlock(&lock);
	if (stale)
		refresh(r);

	const char *c = NULL, *l = NULL;
	pthread_mutex_lock(&lock);
	if (company)
		c = arena_strndup(r->a, company, strlen(company));
	if (logo)
		l = arena_strndup(r->a, logo, strlen(logo));
	pthread_mutex_unlock(&lock);

	char origin[BRANDING_MAX_TEXT + 1];
	if (c)
		rset(r, "Brand.Company", c);
	if (l && branding_logo_ok(l, origin, sizeof origin)) {
		rset(r, "Brand.Logo", l);
		if (origin[0])
			r->csp_img = arena_strndup(r->a, origin, strlen(origin));
	}
}
