/* The portal's versioned schema files (schema/NNN_name.sql): finding them,
 * reading them, and cutting them into statements.  They are fixed, trusted
 * text shipped with the program; nothing here ever sees user input. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "fileio.h"
#include "intparse.h"
#include "install.h"

#ifndef PORTAL_DATADIR
#define PORTAL_DATADIR "/usr/local/share/portal"
#endif

/* A file every schema directory has: tells ours from an unrelated one. */
#define SCHEMA_MARKER "001_customer_portals.sql"

/* `NNN_` + [A-Za-z0-9_.-]+ + `.sql`; returns the version or -1. */
static int schema_version(const char *name)
{
	size_t n = strlen(name);
	if (n < 9 || n > 100 || strcmp(name + n - 4, ".sql") != 0 || name[3] != '_')
		return -1;
	int v = int_digits(name, 3);
	if (v < 0)
		return -1;
	for (size_t i = 4; i < n - 4; i++) {
		char c = name[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '-' || c == '.'))
			return -1;
	}
	return v;
}

static int by_version(const void *a, const void *b)
{
	const struct schema_file *x = a, *y = b;
	return (x->version > y->version) - (x->version < y->version);
}

int schema_list(const char *dir, struct schema_set *out, struct perr *e)
{
	DIR *d = NULL;
	struct dirent *de;
	struct schema_set s = {0};
	int rc = -1;
	memset(out, 0, sizeof(*out));
	if (!(d = opendir(dir)))
		return PERR(e, PERR_CONFIG, "schema directory %s: %s", dir, strerror(errno));
	s.files = xcalloc(SCHEMA_MAX_FILES, sizeof(*s.files));
	while ((de = readdir(d)) != NULL) {
		int v = schema_version(de->d_name);
		if (v < 0)
			continue;
		if (s.n == SCHEMA_MAX_FILES) {
			PERR(e, PERR_INTERNAL, "schema directory %s: more than %d files", dir,
			     SCHEMA_MAX_FILES);
			goto out;
		}
		struct schema_file *f = &s.files[s.n++];
		size_t plen = strlen(dir) + strlen(de->d_name) + 2;
		f->version = (unsigned)v;
		f->name = xstrdup(de->d_name);
		f->path = xmalloc(plen);
		snprintf(f->path, plen, "%s/%s", dir, de->d_name);
	}
	if (s.n == 0) {
		PERR(e, PERR_CONFIG, "schema directory %s: no schema files (NNN_name.sql)", dir);
		goto out;
	}
	qsort(s.files, s.n, sizeof(*s.files), by_version);
	for (size_t i = 1; i < s.n; i++) {
		if (s.files[i].version == s.files[i - 1].version) {
			PERR(e, PERR_INTERNAL, "schema directory %s: %s and %s have the same version",
			     dir, s.files[i - 1].name, s.files[i].name);
			goto out;
		}
	}
	*out = s;
	s = (struct schema_set){0};
	rc = 0;
out:
	schema_set_free(&s);
	closedir(d);
	return rc;
}

void schema_set_free(struct schema_set *s)
{
	if (!s || !s->files)
		return;
	for (size_t i = 0; i < s->n; i++) {
		free(s->files[i].name);
		free(s->files[i].path);
	}
	free(s->files);
	memset(s, 0, sizeof(*s));
}

char *schema_read(const struct schema_file *f, size_t *len, struct perr *e)
{
	char *text = NULL;
	if (file_read(f->path, SCHEMA_MAX_BYTES, &text, len, NULL, e))
		return NULL;
	if (memchr(text, '\0', *len)) {
		PERR(e, PERR_INTERNAL, "%s: NUL byte", f->path);
		free(text);
		return NULL;
	}
	return text;
}

static bool has_marker(const char *dir)
{
	char path[PATH_MAX];
	struct stat st;
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, SCHEMA_MARKER) >= sizeof(path))
		return false;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

char *schema_dir_default(void)
{
	char real[PATH_MAX], exe[PATH_MAX], cand[PATH_MAX + 16];
	if (has_marker("schema") && realpath("schema", real))
		return xstrdup(real);
	/* A program run from its build directory inside the source tree. */
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			snprintf(cand, sizeof(cand), "%s/../schema", exe);
			if (has_marker(cand) && realpath(cand, real))
				return xstrdup(real);
		}
	}
	return xstrdup(PORTAL_DATADIR "/schema");
}

/* ---- statements --------------------------------------------------------- */

static bool is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int emit(struct buf *b, sql_stmt_fn fn, void *ctx, struct perr *e)
{
	size_t start = 0, end = b->len;
	while (start < end && is_ws(b->data[start]))
		start++;
	while (end > start && is_ws(b->data[end - 1]))
		end--;
	int rc = 0;
	if (end > start) {
		b->data[end] = '\0';
		rc = fn(ctx, b->data + start, end - start, e);
	}
	buf_reset(b);
	return rc;
}

int sql_split(const char *text, size_t len, sql_stmt_fn fn, void *ctx, struct perr *e)
{
	struct buf b;
	int rc = -1;
	size_t i = 0;
	buf_init(&b);
	while (i < len) {
		char c = text[i];
		if (c == '-' && i + 1 < len && text[i + 1] == '-' &&
		    (i + 2 == len || is_ws(text[i + 2]))) {
			while (i < len && text[i] != '\n')
				i++;
			buf_putc(&b, ' ');
		} else if (c == '#') {
			while (i < len && text[i] != '\n')
				i++;
			buf_putc(&b, ' ');
		} else if (c == '/' && i + 1 < len && text[i + 1] == '*') {
			const char *end = NULL;
			for (size_t j = i + 2; j + 1 < len; j++)
				if (text[j] == '*' && text[j + 1] == '/') {
					end = text + j;
					break;
				}
			if (!end) {
				PERR(e, PERR_INTERNAL, "unterminated comment");
				goto out;
			}
			i = (size_t)(end - text) + 2;
			buf_putc(&b, ' ');
		} else if (c == '\'' || c == '"' || c == '`') {
			size_t j = i + 1;
			for (;;) {
				if (j >= len) {
					PERR(e, PERR_INTERNAL, "unterminated %c quote", c);
					goto out;
				}
				if (text[j] == '\\' && c != '`') {
					j += 2;
					continue;
				}
				if (text[j] == c) {
					if (j + 1 < len && text[j + 1] == c) {   /* doubled quote */
						j += 2;
						continue;
					}
					break;
				}
				j++;
			}
			buf_put(&b, text + i, j + 1 - i);
			i = j + 1;
		} else if (c == ';') {
			if (emit(&b, fn, ctx, e))
				goto out;
			i++;
		} else {
			buf_putc(&b, c);
			i++;
		}
	}
	if (emit(&b, fn, ctx, e))
		goto out;
	rc = 0;
out:
	buf_free(&b);
	return rc;
}

/* Matches keyword `kw` (case-insensitive) followed by blank space. */
static bool keyword(const char **p, const char *end, const char *kw)
{
	size_t n = strlen(kw);
	if ((size_t)(end - *p) <= n || strncasecmp(*p, kw, n) != 0 || !is_ws((*p)[n]))
		return false;
	*p += n;
	while (*p < end && is_ws(**p))
		(*p)++;
	return true;
}

bool sql_created_table(const char *stmt, size_t len, char *out, size_t cap)
{
	const char *p = stmt, *end = stmt + len;
	while (p < end && is_ws(*p))
		p++;
	if (!keyword(&p, end, "CREATE") || !keyword(&p, end, "TABLE") ||
	    !keyword(&p, end, "IF") || !keyword(&p, end, "NOT") || !keyword(&p, end, "EXISTS"))
		return false;
	bool quoted = p < end && *p == '`';
	if (quoted)
		p++;
	const char *s = p;
	while (p < end && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
	                   (*p >= '0' && *p <= '9') || *p == '_' || *p == '$'))
		p++;
	size_t n = (size_t)(p - s);
	if (n == 0 || n >= cap || (quoted && (p >= end || *p != '`')))
		return false;
	memcpy(out, s, n);
	out[n] = '\0';
	return true;
}
