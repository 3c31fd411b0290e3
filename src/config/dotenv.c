/* Kimai's .env files, read the way Symfony's Dotenv component reads them:
 * `KEY=value` lines, comments, `export `, single quotes (literal), double
 * quotes (\" \n \r \\ escapes), unquoted values ending at ` #`, adjacent
 * quoted/unquoted parts concatenated, and $VAR / ${VAR} / ${VAR:-default} /
 * ${VAR:=default} expansion in double-quoted and unquoted values.  Command
 * expansion $(...) is refused: the portal never runs a shell. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "config.h"
#include "fileio.h"

struct dvar {
	char *key;
	char *value;
};

struct lexer {
	char             *d;       /* text with \r\n and \r turned into \n */
	size_t            n;
	size_t            pos;
	struct dvar      *vars;    /* this text's assignments so far, in order */
	size_t            nvars;
	size_t            capvars;
	dotenv_lookup_fn  lookup;  /* earlier files (may be NULL) */
	dotenv_fn         fn;
	void             *ctx;
	struct perr      *e;
};

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* PCRE's \s: what Symfony's patterns treat as whitespace. */
static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static bool is_alpha(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static bool is_namechar(char c)
{
	return is_alpha(c) || (c >= '0' && c <= '9') || c == '_';
}

/* Length of a variable name `_?[A-Za-z][A-Za-z0-9_]*` at s[0..n), 0 if none. */
static size_t name_len(const char *s, size_t n)
{
	size_t i = 0;
	if (i < n && s[i] == '_')
		i++;
	if (i >= n || !is_alpha(s[i]))
		return 0;
	while (i < n && is_namechar(s[i]))
		i++;
	return i;
}

static int lex_fail(struct lexer *L, size_t at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int lex_fail(struct lexer *L, size_t at, const char *fmt, ...)
{
	unsigned line = 1;
	char what[200];
	va_list ap;
	for (size_t i = 0; i < at && i < L->n; i++)
		line += L->d[i] == '\n';
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	return PERR(L->e, PERR_CONFIG, "line %u: %s", line, what);
}

static const char *local_value(const struct lexer *L, const char *key, size_t klen)
{
	for (size_t i = L->nvars; i-- > 0;)
		if (strlen(L->vars[i].key) == klen && memcmp(L->vars[i].key, key, klen) == 0)
			return L->vars[i].value;
	return NULL;
}

/* The real environment wins (Symfony never overrides it), then this text's
 * earlier assignments, then earlier files; unknown names expand to "". */
static const char *lookup(const struct lexer *L, const char *key, size_t klen)
{
	char name[DOTENV_MAX_KEY + 1];
	const char *v = NULL;
	if (klen > DOTENV_MAX_KEY)
		return "";
	memcpy(name, key, klen);
	name[klen] = '\0';
	if ((v = getenv(name)) != NULL)
		return v;
	if ((v = local_value(L, key, klen)) != NULL)
		return v;
	if (L->lookup && (v = L->lookup(L->ctx, name)) != NULL)
		return v;
	return "";
}

static int assign(struct lexer *L, const char *key, size_t klen, const char *value,
                  size_t vlen, size_t at)
{
	if (L->nvars == DOTENV_MAX_VARS)
		return lex_fail(L, at, "too many variables (at most %d)", DOTENV_MAX_VARS);
	if (L->nvars == L->capvars) {
		L->capvars = L->capvars ? L->capvars * 2 : 16;
		L->vars = xrealloc(L->vars, L->capvars * sizeof(*L->vars));
	}
	struct dvar *v = &L->vars[L->nvars++];
	v->key = xmalloc(klen + 1);
	memcpy(v->key, key, klen);
	v->key[klen] = '\0';
	v->value = xmalloc(vlen + 1);
	memcpy(v->value, value, vlen);
	v->value[vlen] = '\0';
	L->fn(L->ctx, v->key, v->value);
	return 0;
}

static int put_bounded(struct lexer *L, struct buf *b, const char *s, size_t n, size_t at)
{
	if (n > DOTENV_MAX_VALUE || b->len + n > DOTENV_MAX_VALUE)
		return lex_fail(L, at, "value longer than %d bytes", DOTENV_MAX_VALUE);
	buf_put(b, s, n);
	return 0;
}

/* Replaces every two-byte sequence `from` by the byte `to`, left to right,
 * in place (one pass per pattern, as PHP's str_replace does). */
static void replace2(struct buf *b, const char from[2], char to)
{
	size_t w = 0;
	for (size_t r = 0; r < b->len; r++) {
		if (r + 1 < b->len && b->data[r] == from[0] && b->data[r + 1] == from[1]) {
			b->data[w++] = to;
			r++;
		} else {
			b->data[w++] = b->data[r];
		}
	}
	b->len = w;
	if (b->data)
		b->data[w] = '\0';
}

/* Expands variables in s[0..n) into `out`.  A `$` preceded by an odd number
 * of backslashes is literal (one backslash is dropped); the remaining
 * backslash pairs are folded by the caller afterwards.  `at` is the text
 * position used for error line numbers. */
static int resolve(struct lexer *L, const char *s, size_t n, struct buf *out, size_t at)
{
	size_t i = 0;
	while (i < n) {
		if (s[i] != '$') {
			size_t j = i;
			while (j < n && s[j] != '$')
				j++;
			if (put_bounded(L, out, s + i, j - i, at))
				return -1;
			i = j;
			continue;
		}
		size_t nbs = 0;
		while (nbs < i && s[i - 1 - nbs] == '\\')
			nbs++;
		size_t j = i + 1;
		if (j < n && s[j] == '(') {
			if (nbs % 2 == 0)
				return lex_fail(L, at, "command expansion $(...) is not supported");
			out->len -= out->len > 0;   /* drop the escaping backslash */
			if (put_bounded(L, out, "$", 1, at))
				return -1;
			i = j;
			continue;
		}
		bool brace = j < n && s[j] == '{';
		if (brace)
			j++;
		size_t nstart = j, nlen = name_len(s + j, n - j);
		j += nlen;
		size_t dstart = 0, dlen = 0;
		char dkind = 0;
		if (j + 2 < n && s[j] == ':' && (s[j + 1] == '-' || s[j + 1] == '=') &&
		    s[j + 2] != '}') {
			dkind = s[j + 1];
			dstart = j + 2;
			j = dstart;
			while (j < n && s[j] != '}')
				j++;
			dlen = j - dstart;
		}
		bool closing = j < n && s[j] == '}';
		if (closing)
			j++;

		if (nbs % 2 == 1) {
			out->len -= out->len > 0;
			if (put_bounded(L, out, s + i, j - i, at))
				return -1;
		} else if (nlen == 0) {
			if (put_bounded(L, out, s + i, j - i, at))
				return -1;
		} else {
			if (brace && !closing)
				return lex_fail(L, at, "unclosed braces on variable expansion");
			if (nlen > DOTENV_MAX_KEY)
				return lex_fail(L, at, "variable name longer than %d bytes",
				                DOTENV_MAX_KEY);
			for (size_t k = dstart; k < dstart + dlen; k++)
				if (strchr("'\"{$", s[k]))
					return lex_fail(L, at, "unsupported character '%c' in the default"
					                " value of variable $%.*s", s[k], (int)nlen,
					                s + nstart);
			const char *v = lookup(L, s + nstart, nlen);
			size_t vlen = strlen(v);
			if (vlen == 0 && dkind) {
				v = s + dstart;
				vlen = dlen;
				if (dkind == '=' &&
				    assign(L, s + nstart, nlen, s + dstart, dlen, at))
					return -1;
			}
			if (put_bounded(L, out, v, vlen, at))
				return -1;
			if (!brace && closing && put_bounded(L, out, "}", 1, at))
				return -1;
		}
		i = j;
	}
	if (out->data)
		out->data[out->len] = '\0';
	return 0;
}

/* Blank lines, whitespace and whole-line comments. */
static void skip_empty_lines(struct lexer *L)
{
	for (;;) {
		while (L->pos < L->n && is_space(L->d[L->pos]))
			L->pos++;
		if (L->pos < L->n && L->d[L->pos] == '#') {
			while (L->pos < L->n && L->d[L->pos] != '\n')
				L->pos++;
			continue;
		}
		return;
	}
}

static int lex_name(struct lexer *L, size_t *kstart, size_t *klen)
{
	const char *d = L->d;
	bool exported = false;
	if (L->n - L->pos > 6 && memcmp(d + L->pos, "export", 6) == 0 &&
	    is_blank(d[L->pos + 6])) {
		size_t p = L->pos + 6;
		while (p < L->n && is_blank(d[p]))
			p++;
		if (name_len(d + p, L->n - p) > 0) {
			L->pos = p;
			exported = true;
		}
	}
	size_t len = name_len(d + L->pos, L->n - L->pos);
	if (len == 0)
		return lex_fail(L, L->pos, "invalid character in variable name");
	if (len > DOTENV_MAX_KEY)
		return lex_fail(L, L->pos, "variable name longer than %d bytes", DOTENV_MAX_KEY);
	*kstart = L->pos;
	*klen = len;
	L->pos += len;
	if (L->pos == L->n || d[L->pos] == '\n' || d[L->pos] == '#')
		return lex_fail(L, L->pos, exported ? "unable to unset an environment variable"
		                : "missing = in the environment variable declaration");
	if (is_blank(d[L->pos]))
		return lex_fail(L, L->pos, "whitespace is not supported after the variable name");
	if (d[L->pos] != '=')
		return lex_fail(L, L->pos, "missing = in the environment variable declaration");
	L->pos++;
	return 0;
}

static int lex_single(struct lexer *L, struct buf *v)
{
	size_t start = L->pos + 1, q = start;
	while (q < L->n && L->d[q] != '\'')
		q++;
	if (q == L->n)
		return lex_fail(L, L->pos, "missing quote to end the value");
	if (put_bounded(L, v, L->d + start, q - start, L->pos))
		return -1;
	L->pos = q + 1;
	return 0;
}

static int lex_double(struct lexer *L, struct buf *v)
{
	const char *d = L->d;
	size_t at = L->pos, start = L->pos + 1, q = start;
	struct buf raw, res;
	int rc = -1;
	buf_init(&raw);
	buf_init(&res);
	/* A quote ends the value unless escaped by a single backslash; the
	 * opening quote and the `=` before it keep q-1 and q-2 in range. */
	while (q < L->n && (d[q] != '"' || (d[q - 1] == '\\' && d[q - 2] != '\\')))
		q++;
	if (q >= L->n) {
		lex_fail(L, at, "missing quote to end the value");
		goto out;
	}
	if (q - start > DOTENV_MAX_VALUE) {
		lex_fail(L, at, "value longer than %d bytes", DOTENV_MAX_VALUE);
		goto out;
	}
	buf_put(&raw, d + start, q - start);
	replace2(&raw, "\\\"", '"');
	replace2(&raw, "\\r", '\r');
	replace2(&raw, "\\n", '\n');
	if (resolve(L, raw.data, raw.len, &res, at))
		goto out;
	replace2(&res, "\\\\", '\\');
	if (put_bounded(L, v, res.data, res.len, at))
		goto out;
	L->pos = q + 1;
	rc = 0;
out:
	buf_free(&raw);
	buf_free(&res);
	return rc;
}

/* An unquoted part: up to the end of the line, a quote, or a `#` after a
 * blank.  Returns 1 when a comment ends the value. */
static int lex_unquoted(struct lexer *L, struct buf *v)
{
	const char *d = L->d;
	size_t at = L->pos;
	char prev = d[L->pos - 1];
	struct buf raw, res;
	int rc = -1;
	buf_init(&raw);
	buf_init(&res);
	while (L->pos < L->n && d[L->pos] != '\n' && d[L->pos] != '"' && d[L->pos] != '\'' &&
	       !(is_blank(prev) && d[L->pos] == '#')) {
		if (d[L->pos] == '\\' && L->pos + 1 < L->n &&
		    (d[L->pos + 1] == '"' || d[L->pos + 1] == '\''))
			L->pos++;
		if (d[L->pos] == '$' && L->pos + 1 < L->n && d[L->pos + 1] == '(') {
			lex_fail(L, L->pos, "command expansion $(...) is not supported");
			goto out;
		}
		if (raw.len >= DOTENV_MAX_VALUE) {
			lex_fail(L, at, "value longer than %d bytes", DOTENV_MAX_VALUE);
			goto out;
		}
		prev = d[L->pos];
		buf_putc(&raw, prev);
		L->pos++;
	}
	/* PHP's rtrim() set. */
	while (raw.len > 0 && strchr(" \t\n\r\v", raw.data[raw.len - 1]))
		raw.len--;
	if (raw.data)
		raw.data[raw.len] = '\0';
	if (resolve(L, raw.data, raw.len, &res, at))
		goto out;
	replace2(&res, "\\\\", '\\');
	if (res.len == raw.len && (raw.len == 0 || memcmp(res.data, raw.data, raw.len) == 0)) {
		for (size_t i = 0; i < raw.len; i++) {
			if (is_space(raw.data[i])) {
				lex_fail(L, at, "a value containing spaces must be surrounded by quotes");
				goto out;
			}
		}
	}
	if (put_bounded(L, v, res.data, res.len, at))
		goto out;
	rc = L->pos < L->n && d[L->pos] == '#';
out:
	buf_free(&raw);
	buf_free(&res);
	return rc;
}

static int lex_value(struct lexer *L, struct buf *v)
{
	const char *d = L->d;
	size_t p = L->pos;
	/* Nothing but blanks and maybe a comment: an empty value. */
	while (p < L->n && is_blank(d[p]))
		p++;
	if (p < L->n && d[p] == '#')
		while (p < L->n && d[p] != '\n')
			p++;
	if (p == L->n || d[p] == '\n') {
		L->pos = p;
		skip_empty_lines(L);
		return 0;
	}
	if (is_blank(d[L->pos]))
		return lex_fail(L, L->pos, "whitespace is not supported before the value");
	do {
		int r;
		if (d[L->pos] == '\'')
			r = lex_single(L, v);
		else if (d[L->pos] == '"')
			r = lex_double(L, v);
		else if ((r = lex_unquoted(L, v)) == 1)
			break;
		if (r < 0)
			return -1;
	} while (L->pos < L->n && d[L->pos] != '\n');
	skip_empty_lines(L);
	return 0;
}

int dotenv_parse_ex(const char *text, size_t len, dotenv_lookup_fn lookup_fn,
                    dotenv_fn fn, void *ctx, struct perr *e)
{
	struct lexer L = {.lookup = lookup_fn, .fn = fn, .ctx = ctx, .e = e};
	struct buf v;
	int rc = -1;
	buf_init(&v);
	if (len > DOTENV_MAX_FILE)
		return PERR(e, PERR_CONFIG, "larger than %d bytes", DOTENV_MAX_FILE);
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {   /* UTF-8 BOM */
		text += 3;
		len -= 3;
	}
	L.d = xmalloc(len + 1);
	for (size_t i = 0; i < len; i++) {
		if (text[i] == '\0') {
			L.n = i;
			lex_fail(&L, i, "NUL byte in file");
			goto out;
		}
		if (text[i] == '\r') {
			if (i + 1 < len && text[i + 1] == '\n')
				continue;
			L.d[L.n++] = '\n';
		} else {
			L.d[L.n++] = text[i];
		}
	}
	L.d[L.n] = '\0';
	skip_empty_lines(&L);
	while (L.pos < L.n) {
		size_t kstart = 0, klen = 0, at = L.pos;
		buf_reset(&v);
		if (lex_name(&L, &kstart, &klen) || lex_value(&L, &v))
			goto out;
		if (assign(&L, L.d + kstart, klen, v.data ? v.data : "", v.len, at))
			goto out;
	}
	rc = 0;
out:
	for (size_t i = 0; i < L.nvars; i++) {
		/* Values may hold APP_SECRET or a database password. */
		explicit_bzero(L.vars[i].value, strlen(L.vars[i].value));
		free(L.vars[i].key);
		free(L.vars[i].value);
	}
	free(L.vars);
	if (v.data)
		explicit_bzero(v.data, v.cap);
	buf_free(&v);
	explicit_bzero(L.d, L.n);
	free(L.d);
	return rc;
}

int dotenv_parse(const char *text, size_t len, dotenv_fn fn, void *ctx, struct perr *e)
{
	return dotenv_parse_ex(text, len, NULL, fn, ctx, e);
}

int dotenv_load_file_ex(const char *path, dotenv_lookup_fn lookup_fn, dotenv_fn fn,
                        void *ctx, struct perr *e)
{
	char *text = NULL;
	size_t len = 0;
	bool missing = false;
	int rc = -1;
	if (file_read(path, DOTENV_MAX_FILE, &text, &len, &missing, e))
		return -1;
	if (missing)
		return 0;
	if (dotenv_parse_ex(text, len, lookup_fn, fn, ctx, e)) {
		char msg[sizeof(e->msg)];
		snprintf(msg, sizeof(msg), "%s", e->msg);
		PERR(e, e->kind, "%s %s", path, msg);
		goto out;
	}
	rc = 0;
out:
	explicit_bzero(text, len);   /* it holds the database password */
	free(text);
	return rc;
}

int dotenv_load_file(const char *path, dotenv_fn fn, void *ctx, struct perr *e)
{
	return dotenv_load_file_ex(path, NULL, fn, ctx, e);
}
