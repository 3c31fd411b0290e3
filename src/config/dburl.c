/* Kimai's DATABASE_URL (Doctrine's URL form):
 *   mysql://user:password@host:port/dbname?charset=utf8mb4&serverVersion=…
 *   mysql://user:password@localhost/dbname?unix_socket=/run/mysqld/mysqld.sock
 *   mysql://user:password@[::1]:3306/dbname
 * User, password, database name and query values are percent-decoded.
 * Messages name the part that is wrong but never echo the URL: it holds the
 * password. */
#include <arpa/inet.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "config.h"
#include "intparse.h"

#define DBURL_MAX          4096
#define DBURL_MAX_NAME     64      /* MariaDB identifiers */
#define DBURL_MAX_USER     128
#define DBURL_MAX_PASSWORD 1024
#define DBURL_MAX_HOST     255
#define DBURL_MAX_SOCKET   107     /* sun_path minus the NUL */

/* Doctrine's spellings of the MySQL driver. */
static const char *const schemes[] = {
	"mysql", "mariadb", "mysql2", "mysqli", "pdo-mysql", "pdo_mysql", NULL,
};

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes s[0..n) into a new string; `plus` turns '+' into a space (query
 * values, as PHP's parse_str does).  NULL on a bad or NUL escape. */
static char *pct_decode(const char *s, size_t n, bool plus)
{
	char *out = xmalloc(n + 1);
	size_t w = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%') {
			int hi = i + 2 < n ? hexval(s[i + 1]) : -1;
			int lo = i + 2 < n ? hexval(s[i + 2]) : -1;
			if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) {
				explicit_bzero(out, w);
				free(out);
				return NULL;
			}
			out[w++] = (char)(hi * 16 + lo);
			i += 2;
		} else {
			out[w++] = plus && s[i] == '+' ? ' ' : s[i];
		}
	}
	out[w] = '\0';
	return out;
}

bool hostname_valid(const char *s, size_t n, size_t max)
{
	if (n == 0 || n > max)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '-' || c == '_'))
			return false;
	}
	return true;
}

static bool valid_charset(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 32)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return false;
	return true;
}

/* Port: 1-5 digits, 1..65535. */
static int parse_port(const char *s, size_t n, unsigned *out)
{
	long long v;
	if (n > 5 || int_parse(s, n, 1, 65535, 0, &v))
		return -1;
	*out = (unsigned)v;
	return 0;
}

static int parse_query(const char *q, size_t n, struct dburl *u, struct perr *e)
{
	size_t i = 0;
	while (i < n) {
		size_t end = i;
		while (end < n && q[end] != '&')
			end++;
		size_t eq = i;
		while (eq < end && q[eq] != '=')
			eq++;
		char *key = pct_decode(q + i, eq - i, true);
		char *val = eq < end ? pct_decode(q + eq + 1, end - eq - 1, true) : xstrdup("");
		if (!key || !val) {
			free(key);
			free(val);
			return PERR(e, PERR_CONFIG, "DATABASE_URL: bad percent-encoding in the query");
		}
		char **slot = NULL;
		if (strcmp(key, "charset") == 0) {
			if (!valid_charset(val)) {
				free(key);
				free(val);
				return PERR(e, PERR_CONFIG, "DATABASE_URL: invalid charset");
			}
			slot = &u->charset;
		} else if (strcmp(key, "unix_socket") == 0) {
			if (val[0] != '/' || strlen(val) > DBURL_MAX_SOCKET) {
				free(key);
				free(val);
				return PERR(e, PERR_CONFIG, "DATABASE_URL: unix_socket must be an"
				            " absolute path of at most %d bytes", DBURL_MAX_SOCKET);
			}
			slot = &u->unix_socket;
		}
		/* serverVersion and Doctrine's other options do not apply to us. */
		free(key);
		if (slot) {
			free(*slot);
			*slot = val;
		} else {
			free(val);
		}
		i = end + 1;
	}
	return 0;
}

int dburl_parse(const char *url, struct dburl *out, struct perr *e)
{
	struct dburl u = {0};
	size_t n;
	memset(out, 0, sizeof(*out));
	if (!url || !*url)
		return PERR(e, PERR_CONFIG, "DATABASE_URL: empty");
	n = strnlen(url, DBURL_MAX + 1);
	if (n > DBURL_MAX)
		return PERR(e, PERR_CONFIG, "DATABASE_URL: longer than %d bytes", DBURL_MAX);
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)url[i] <= ' ' || url[i] == 0x7f)
			return PERR(e, PERR_CONFIG,
			            "DATABASE_URL: contains spaces or control characters");

	const char *sep = strstr(url, "://");
	if (!sep)
		return PERR(e, PERR_CONFIG, "DATABASE_URL: expected"
		            " mysql://user:password@host:port/database");
	size_t slen = (size_t)(sep - url);
	bool known = false;
	for (size_t i = 0; schemes[i]; i++)
		if (strlen(schemes[i]) == slen && strncasecmp(url, schemes[i], slen) == 0)
			known = true;
	if (!known)
		return PERR(e, PERR_CONFIG, "DATABASE_URL: unsupported scheme '%.*s'"
		            " (expected mysql:// or mariadb://)", (int)(slen > 20 ? 20 : slen), url);

	const char *auth = sep + 3, *end = url + n;
	if (memchr(auth, '#', (size_t)(end - auth)))
		return PERR(e, PERR_CONFIG, "DATABASE_URL: unexpected '#' (percent-encode it"
		            " as %%23 in the password)");
	const char *path = auth;
	while (path < end && *path != '/' && *path != '?')
		path++;

	/* Authority: [user[:password]@]host[:port]; the last '@' ends the user
	 * part, so an unencoded '@' in the password still works. */
	const char *at = NULL;
	for (const char *p = auth; p < path; p++)
		if (*p == '@')
			at = p;
	const char *host = auth;
	if (at) {
		const char *colon = memchr(auth, ':', (size_t)(at - auth));
		const char *uend = colon ? colon : at;
		if (uend > auth && !(u.user = pct_decode(auth, (size_t)(uend - auth), false))) {
			PERR(e, PERR_CONFIG, "DATABASE_URL: bad percent-encoding in the user name");
			goto fail;
		}
		if (u.user && strlen(u.user) > DBURL_MAX_USER) {
			PERR(e, PERR_CONFIG, "DATABASE_URL: user name too long");
			goto fail;
		}
		if (colon) {
			if (!(u.password = pct_decode(colon + 1, (size_t)(at - colon - 1), false))) {
				PERR(e, PERR_CONFIG, "DATABASE_URL: bad percent-encoding in the"
				     " password");
				goto fail;
			}
			if (strlen(u.password) > DBURL_MAX_PASSWORD) {
				PERR(e, PERR_CONFIG, "DATABASE_URL: password too long");
				goto fail;
			}
		}
		host = at + 1;
	}

	const char *hend = path, *port = NULL;
	if (host < path && *host == '[') {
		const char *rb = memchr(host, ']', (size_t)(path - host));
		if (!rb) {
			PERR(e, PERR_CONFIG, "DATABASE_URL: missing ']' after the IPv6 address");
			goto fail;
		}
		char v6[INET6_ADDRSTRLEN + 1];
		unsigned char bin[16];
		size_t hl = (size_t)(rb - host - 1);
		if (hl == 0 || hl >= sizeof(v6)) {
			PERR(e, PERR_CONFIG, "DATABASE_URL: invalid IPv6 address");
			goto fail;
		}
		memcpy(v6, host + 1, hl);
		v6[hl] = '\0';
		if (inet_pton(AF_INET6, v6, bin) != 1) {
			PERR(e, PERR_CONFIG, "DATABASE_URL: invalid IPv6 address");
			goto fail;
		}
		u.host = xstrdup(v6);
		if (rb + 1 < path) {
			if (rb[1] != ':') {
				PERR(e, PERR_CONFIG, "DATABASE_URL: expected ':port' after ']'");
				goto fail;
			}
			port = rb + 2;
		}
	} else {
		size_t hlen = path > host ? (size_t)(path - host) : 0;
		const char *colon = memchr(host, ':', hlen);
		if (colon) {
			hend = colon;
			port = colon + 1;
		}
		if (hend > host) {
			if (!hostname_valid(host, (size_t)(hend - host), DBURL_MAX_HOST)) {
				PERR(e, PERR_CONFIG, "DATABASE_URL: invalid host name");
				goto fail;
			}
			u.host = xmalloc((size_t)(hend - host) + 1);
			memcpy(u.host, host, (size_t)(hend - host));
			u.host[hend - host] = '\0';
		}
	}
	if (port && parse_port(port, (size_t)(path - port), &u.port)) {
		PERR(e, PERR_CONFIG, "DATABASE_URL: the port must be a number from 1 to 65535");
		goto fail;
	}

	if (path == end || *path != '/') {
		PERR(e, PERR_CONFIG, "DATABASE_URL: missing database name");
		goto fail;
	}
	const char *q = memchr(path, '?', (size_t)(end - path));
	const char *dbend = q ? q : end;
	if (dbend - path - 1 > DBURL_MAX_NAME * 3) {
		PERR(e, PERR_CONFIG, "DATABASE_URL: database name too long");
		goto fail;
	}
	if (!(u.dbname = pct_decode(path + 1, (size_t)(dbend - path - 1), false))) {
		PERR(e, PERR_CONFIG, "DATABASE_URL: bad percent-encoding in the database name");
		goto fail;
	}
	if (!u.dbname[0]) {
		PERR(e, PERR_CONFIG, "DATABASE_URL: missing database name");
		goto fail;
	}
	if (strchr(u.dbname, '/') || strlen(u.dbname) > DBURL_MAX_NAME) {
		PERR(e, PERR_CONFIG, "DATABASE_URL: invalid database name");
		goto fail;
	}
	if (q && parse_query(q + 1, (size_t)(end - q - 1), &u, e))
		goto fail;
	if (!u.host && !u.unix_socket) {
		PERR(e, PERR_CONFIG, "DATABASE_URL: missing host");
		goto fail;
	}
	if (!u.charset)
		u.charset = xstrdup("utf8mb4");
	*out = u;
	return 0;
fail:
	dburl_free(&u);
	return -1;
}

void dburl_free(struct dburl *u)
{
	if (!u)
		return;
	if (u->password) {
		explicit_bzero(u->password, strlen(u->password));
		free(u->password);
	}
	free(u->user);
	free(u->host);
	free(u->dbname);
	free(u->unix_socket);
	free(u->charset);
	memset(u, 0, sizeof(*u));
}
