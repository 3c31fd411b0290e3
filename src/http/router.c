/* Matching a request path against the route table.  Placeholders accept a
 * strict alphabet so that nothing odd ever reaches a page: {lang} letters and
 * '_', {key} a share key, {id}/{pid}/{cid} positive 32-bit integers, {*} the
 * rest of the path.  Paths are matched raw (still percent-encoded): none of
 * our segments needs a byte outside [A-Za-z0-9_-], so an escape never
 * matches and ends in a 404.  {file} is a static asset name. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "intparse.h"
#include "router.h"

#define SHARE_KEY_MAX 20
#define LANG_MAX      10

static bool is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool seg_lang(const char *s, size_t n)
{
	if (n < 2 || n > LANG_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '_'))
			return false;
	return true;
}

static bool seg_key(const char *s, size_t n)
{
	if (n < 1 || n > SHARE_KEY_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!is_alnum(s[i]))
			return false;
	return true;
}

static bool seg_file(const char *s, size_t n)
{
	if (n < 1 || n > 64 || s[0] == '.')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		      s[i] == '.' || s[i] == '-' || s[i] == '_'))
			return false;
	return true;
}

static bool seg_id(const char *s, size_t n, long long *out)
{
	return int_parse(s, n, 1, 2147483647LL, INT_NO_LEAD0, out) == 0;
}

/* Matches one pattern; captures go to `args` only on success. */
static bool match(const char *pat, const char *path, struct arena *a, struct route_args *out)
{
	struct route_args args = {0};
	const char *p = pat, *s = path;
	while (*p) {
		if (*p != '{') {
			if (*p != *s)
				return false;
			p++, s++;
			continue;
		}
		const char *close = strchr(p, '}');
		if (!close)
			return false;
		size_t plen = (size_t)(close - p - 1);
		const char *name = p + 1;
		p = close + 1;
		if (plen == 1 && name[0] == '*') {
			s += strlen(s);
			continue;
		}
		size_t n = strcspn(s, "/");
		if (plen == 4 && memcmp(name, "lang", 4) == 0) {
			if (!seg_lang(s, n))
				return false;
			args.lang = arena_strndup(a, s, n);
		} else if (plen == 3 && memcmp(name, "key", 3) == 0) {
			if (!seg_key(s, n))
				return false;
			args.share_key = arena_strndup(a, s, n);
		} else if (plen == 4 && memcmp(name, "file", 4) == 0) {
			if (!seg_file(s, n))
				return false;
			args.file = arena_strndup(a, s, n);
		} else if (plen == 2 && memcmp(name, "id", 2) == 0) {
			if (!seg_id(s, n, &args.id))
				return false;
		} else if (plen == 3 && memcmp(name, "pid", 3) == 0) {
			if (!seg_id(s, n, &args.project_id))
				return false;
		} else if (plen == 3 && memcmp(name, "cid", 3) == 0) {
			if (!seg_id(s, n, &args.customer_id))
				return false;
		} else {
			return false;
		}
		s += n;
	}
	if (*s)
		return false;
	*out = args;
	return true;
}

const struct route *route_match(const struct route_table *t, const char *path,
                                struct arena *a, struct route_args *args)
{
	for (size_t i = 0; i < t->n; i++)
		if (match(t->v[i].pattern, path, a, args))
			return &t->v[i];
	return NULL;
}
