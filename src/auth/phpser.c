/* Strict reader of PHP's serialize() format (see phpser.h for the grammar).
 *
 * The input comes from Kimai's session table, which anyone able to write a
 * session row controls, so every step distrusts it: counts and lengths are
 * bounded before use, nesting is limited, the number of nodes is capped and
 * no allocation is sized by a number taken from the input unless that number
 * already fits in the remaining bytes. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "intparse.h"
#include "phpser.h"

const struct php_limits php_default_limits = {
	.max_depth  = 16,
	.max_elems  = 4096,
	.max_nodes  = 65536,
	.max_strlen = 1024 * 1024,
};

/* The smallest possible element of an array or object ("i:0;N;"): a count
 * claiming more elements than remaining bytes / this is a lie. */
#define MIN_ELEM_BYTES 6

/* Longest textual double we accept ("-1.7976931348623157E+308" fits). */
#define MAX_DOUBLE_CHARS 64

struct parser {
	const unsigned char      *p;
	const unsigned char      *end;
	const struct php_limits  *lim;
	struct arena             *a;
	size_t                    nodes;
	struct perr              *e;
};

static size_t left(const struct parser *ps)
{
	return (size_t)(ps->end - ps->p);
}

static size_t offset_of(const struct parser *ps, const unsigned char *start)
{
	return (size_t)(ps->p - start);
}

static int fail(struct parser *ps, const char *what)
{
	/* Position only: the bytes themselves are untrusted and may be secret. */
	return PERR(ps->e, PERR_BAD_INPUT, "php serialize: %s (%zu bytes left)",
	            what, left(ps));
}

static int expect(struct parser *ps, char c)
{
	if (ps->p >= ps->end || *ps->p != (unsigned char)c)
		return fail(ps, "unexpected byte");
	ps->p++;
	return 0;
}

/* Unsigned decimal without sign, at most `max`.  Leading zeros are fine
 * (PHP accepts them), but the digit count is bounded so the value cannot
 * overflow before the range check. */
static int read_uint(struct parser *ps, size_t max, size_t *out)
{
	const char *s = (const char *)ps->p;
	size_t ndig = int_digit_span(s, left(ps));
	long long v;

	if (ndig > 20) {
		ps->p += 20;
		return fail(ps, "number too long");
	}
	if (ndig == 0)
		return fail(ps, "digit expected");
	ps->p += ndig;
	if (int_parse(s, ndig, 0, LLONG_MAX, 0, &v))
		return fail(ps, "number overflows");
	if ((unsigned long long)v > max)
		return fail(ps, "number out of range");
	*out = (size_t)v;
	return 0;
}

/* [+-]?[0-9]+ into a long long, rejecting overflow. */
static int read_int(struct parser *ps, long long *out)
{
	const char *s = (const char *)ps->p;
	size_t sign = 0, ndig;

	if (ps->p < ps->end && (*ps->p == '-' || *ps->p == '+'))
		sign = 1;
	ps->p += sign;
	ndig = int_digit_span((const char *)ps->p, left(ps));
	if (ndig > 25) {
		ps->p += 25;
		return fail(ps, "integer too long");
	}
	if (ndig == 0)
		return fail(ps, "digit expected");
	ps->p += ndig;
	if (int_parse(s, sign + ndig, LLONG_MIN, LLONG_MAX, INT_SIGNED, out))
		return fail(ps, "integer overflows");
	return 0;
}

static bool dbl_char(unsigned char c)
{
	return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' ||
	       c == 'e' || c == 'E';
}

/* d:VALUE;  VALUE is a decimal number, NAN, INF or -INF.  The digits are
 * copied into a small bounded buffer so strtod never reads past them. */
static int read_double(struct parser *ps, double *out)
{
	char tmp[MAX_DOUBLE_CHARS + 1];
	size_t n = 0;
	char *endp = NULL;

	while (ps->p + n < ps->end && ps->p[n] != ';') {
		if (n >= MAX_DOUBLE_CHARS)
			return fail(ps, "double too long");
		n++;
	}
	if (n == 0)
		return fail(ps, "empty double");
	memcpy(tmp, ps->p, n);
	tmp[n] = '\0';

	if (strcmp(tmp, "NAN") == 0) {
		*out = NAN;
	} else if (strcmp(tmp, "INF") == 0) {
		*out = INFINITY;
	} else if (strcmp(tmp, "-INF") == 0) {
		*out = -INFINITY;
	} else {
		for (size_t k = 0; k < n; k++)
			if (!dbl_char((unsigned char)tmp[k]))
				return fail(ps, "bad double");
		/* The program never calls setlocale(), so '.' is the radix. */
		errno = 0;
		*out = strtod(tmp, &endp);
		if (endp != tmp + n)
			return fail(ps, "bad double");
	}
	ps->p += n;
	return 0;
}

/* "LEN bytes" with the surrounding quotes; returns an arena copy. */
static int read_quoted(struct parser *ps, size_t len, const char **out)
{
	if (expect(ps, '"') < 0)
		return -1;
	if (len > left(ps) || left(ps) - len < 1)
		return fail(ps, "string runs past the end");
	*out = arena_strndup(ps->a, (const char *)ps->p, len);
	ps->p += len;
	return expect(ps, '"');
}

/* Class names as PHP allows them: [A-Za-z0-9_\\] plus bytes >= 0x80,
 * not starting with a digit or a backslash. */
static bool class_name_ok(const char *s, size_t len)
{
	if (len == 0 || (s[0] >= '0' && s[0] <= '9') || s[0] == '\\')
		return false;
	for (size_t k = 0; k < len; k++) {
		unsigned char c = (unsigned char)s[k];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '_' || c == '\\' || c >= 0x80))
			return false;
	}
	return true;
}

static int read_class(struct parser *ps, struct php_val *v)
{
	size_t len = 0;

	if (read_uint(ps, left(ps), &len) < 0 || expect(ps, ':') < 0 ||
	    read_quoted(ps, len, &v->s) < 0)
		return -1;
	v->len = len;
	if (!class_name_ok(v->s, len))
		return fail(ps, "bad class name");
	return 0;
}

static int parse_value(struct parser *ps, unsigned depth, struct php_val **out);

/* Two keys PHP stores as one: equal integers, equal strings, or an integer
 * and the string of its canonical decimal form ("5" is key 5 in an
 * array; an object's property 5 is "5"). */
static bool same_key(const struct php_val *a, const struct php_val *b)
{
	char num[24];
	int n;

	if (a->t == PHP_INT && b->t == PHP_INT)
		return a->i == b->i;
	if (a->t == PHP_STRING && b->t == PHP_STRING)
		return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
	if (a->t == PHP_STRING) {
		const struct php_val *t = a;
		a = b;
		b = t;
	}
	n = snprintf(num, sizeof num, "%lld", a->i);
	return n > 0 && (size_t)n == b->len && memcmp(num, b->s, b->len) == 0;
}

/* The body of an array or object: COUNT:{key value ...}.  A key seen
 * before keeps its place and takes the later value, as unserialize() in
 * PHP does: every lookup then agrees with PHP's view of the data. */
static int parse_elements(struct parser *ps, unsigned depth, struct php_val *v)
{
	size_t count = 0;

	if (depth >= ps->lim->max_depth)
		return fail(ps, "nesting too deep");
	if (read_uint(ps, ps->lim->max_elems, &count) < 0 ||
	    expect(ps, ':') < 0 || expect(ps, '{') < 0)
		return -1;
	/* Check the claim before allocating for it. */
	if (count > left(ps) / MIN_ELEM_BYTES)
		return fail(ps, "element count exceeds input");
	if (count > (ps->lim->max_nodes - ps->nodes) / 2)
		return fail(ps, "too many nodes");

	v->n = 0;
	v->items = count ? arena_calloc(ps->a, count, sizeof(*v->items)) : NULL;
	for (size_t k = 0; k < count; k++) {
		struct php_item *it = &v->items[v->n];
		size_t j = 0;

		if (ps->p >= ps->end || (*ps->p != 'i' && *ps->p != 's'))
			return fail(ps, "key must be int or string");
		if (parse_value(ps, depth + 1, &it->key) < 0 ||
		    parse_value(ps, depth + 1, &it->val) < 0)
			return -1;
		while (j < v->n && !same_key(v->items[j].key, it->key))
			j++;
		if (j < v->n)
			v->items[j].val = it->val;
		else
			v->n++;
	}
	return expect(ps, '}');
}

static int parse_value(struct parser *ps, unsigned depth, struct php_val **out)
{
	struct php_val *v = NULL;
	unsigned char tag;
	size_t len = 0;

	if (ps->nodes >= ps->lim->max_nodes)
		return fail(ps, "too many nodes");
	if (left(ps) < 2)
		return fail(ps, "truncated");
	ps->nodes++;
	v = arena_alloc(ps->a, sizeof(*v));
	*out = v;
	tag = *ps->p++;

	if (tag == 'N') {
		v->t = PHP_NULL;
		return expect(ps, ';');
	}
	if (expect(ps, ':') < 0)
		return -1;

	switch (tag) {
	case 'b':
		v->t = PHP_BOOL;
		if (ps->p >= ps->end || (*ps->p != '0' && *ps->p != '1'))
			return fail(ps, "bad boolean");
		v->i = *ps->p++ == '1';
		return expect(ps, ';');
	case 'i':
		v->t = PHP_INT;
		if (read_int(ps, &v->i) < 0)
			return -1;
		return expect(ps, ';');
	case 'd':
		v->t = PHP_DOUBLE;
		if (read_double(ps, &v->d) < 0)
			return -1;
		return expect(ps, ';');
	case 's':
		v->t = PHP_STRING;
		if (read_uint(ps, ps->lim->max_strlen, &len) < 0 || expect(ps, ':') < 0 ||
		    read_quoted(ps, len, &v->s) < 0)
			return -1;
		v->len = len;
		return expect(ps, ';');
	case 'E':
		v->t = PHP_ENUM;
		if (read_uint(ps, ps->lim->max_strlen, &len) < 0 || expect(ps, ':') < 0 ||
		    read_quoted(ps, len, &v->s) < 0)
			return -1;
		v->len = len;
		if (!memchr(v->s, ':', len))
			return fail(ps, "bad enum");
		return expect(ps, ';');
	case 'a':
		v->t = PHP_ARRAY;
		return parse_elements(ps, depth, v);
	case 'O':
		v->t = PHP_OBJECT;
		if (read_class(ps, v) < 0 || expect(ps, ':') < 0)
			return -1;
		return parse_elements(ps, depth, v);
	case 'C':
		/* Custom serialization (Serializable): opaque payload, kept but
		 * never interpreted. */
		v->t = PHP_CUSTOM;
		if (read_class(ps, v) < 0 || expect(ps, ':') < 0 ||
		    read_uint(ps, ps->lim->max_strlen, &len) < 0 ||
		    expect(ps, ':') < 0 || expect(ps, '{') < 0)
			return -1;
		if (len > left(ps))
			return fail(ps, "custom payload runs past the end");
		v->raw = arena_strndup(ps->a, (const char *)ps->p, len);
		v->rawlen = len;
		ps->p += len;
		return expect(ps, '}');
	case 'r':
	case 'R':
		/* References point back into the tree; following them would make
		 * it a graph.  Keep the slot number, never resolve it. */
		v->t = PHP_REF;
		if (read_int(ps, &v->i) < 0)
			return -1;
		if (v->i < 1)
			return fail(ps, "bad reference");
		return expect(ps, ';');
	default:
		--ps->p;
		return fail(ps, "unknown type tag");
	}
}

int php_unserialize(const char *s, size_t len, const struct php_limits *lim,
                    struct arena *a, struct php_val **out, size_t *used,
                    struct perr *e)
{
	struct parser ps = {
		.p = (const unsigned char *)s,
		.end = (const unsigned char *)s + len,
		.lim = lim ? lim : &php_default_limits,
		.a = a,
		.nodes = 0,
		.e = e,
	};
	struct php_val *v = NULL;

	*out = NULL;
	if (!s)
		return PERR(e, PERR_BAD_INPUT, "php serialize: no input");
	if (parse_value(&ps, 0, &v) < 0)
		return -1;
	if (used)
		*used = offset_of(&ps, (const unsigned char *)s);
	else if (ps.p != ps.end)
		return fail(&ps, "trailing bytes");
	*out = v;
	return 0;
}

static bool container(const struct php_val *v)
{
	return v && (v->t == PHP_ARRAY || v->t == PHP_OBJECT);
}

const struct php_val *php_get(const struct php_val *v, const char *key)
{
	if (!container(v) || !key)
		return NULL;
	for (size_t k = 0; k < v->n; k++)
		if (php_str_eq(v->items[k].key, key))
			return v->items[k].val;
	return NULL;
}

const struct php_val *php_at(const struct php_val *v, long long index)
{
	if (!container(v))
		return NULL;
	for (size_t k = 0; k < v->n; k++) {
		const struct php_val *key = v->items[k].key;
		if (key->t == PHP_INT && key->i == index)
			return v->items[k].val;
	}
	return NULL;
}

bool php_str_eq(const struct php_val *v, const char *s)
{
	size_t n;

	if (!v || v->t != PHP_STRING || !s)
		return false;
	n = strlen(s);
	return v->len == n && memcmp(v->s, s, n) == 0;
}

bool php_is_object(const struct php_val *v, const char *cls)
{
	size_t n;

	if (!v || v->t != PHP_OBJECT || !cls)
		return false;
	n = strlen(cls);
	return v->len == n && memcmp(v->s, cls, n) == 0;
}

const char *php_type_name(enum php_type t)
{
	static const char *const names[PHP__MAX] = {
		[PHP_NULL] = "null", [PHP_BOOL] = "bool", [PHP_INT] = "int",
		[PHP_DOUBLE] = "double", [PHP_STRING] = "string", [PHP_ARRAY] = "array",
		[PHP_OBJECT] = "object", [PHP_ENUM] = "enum", [PHP_REF] = "reference",
		[PHP_CUSTOM] = "custom",
	};
	return (unsigned)t < PHP__MAX ? names[t] : "?";
}
