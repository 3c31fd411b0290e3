/* PHP serialize() reader: every type, lookups, and hostile inputs (huge
 * counts and lengths, deep nesting, truncation, trailing bytes). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "phpser.h"

static struct arena A;

static struct php_val *ok(const char *s)
{
	struct php_val *v = NULL;
	struct perr e = {0};
	if (php_unserialize(s, strlen(s), NULL, &A, &v, NULL, &e) < 0) {
		fprintf(stderr, "unexpected failure on %s: %s\n", s, e.msg);
		return NULL;
	}
	return v;
}

static int bad(const char *s, size_t len)
{
	struct php_val *v = NULL;
	struct perr e = {0};
	int rc = php_unserialize(s, len, NULL, &A, &v, NULL, &e);
	return rc < 0 && e.kind == PERR_BAD_INPUT && v == NULL;
}

#define BAD(s) CHECK(bad((s), strlen(s)))

static void test_scalars(void)
{
	struct php_val *v;

	v = ok("N;");
	CHECK(v && v->t == PHP_NULL);
	v = ok("b:1;");
	CHECK(v && v->t == PHP_BOOL && v->i == 1);
	v = ok("b:0;");
	CHECK(v && v->t == PHP_BOOL && v->i == 0);
	v = ok("i:-12;");
	CHECK(v && v->t == PHP_INT && v->i == -12);
	v = ok("i:+7;");
	CHECK(v && v->t == PHP_INT && v->i == 7);
	v = ok("i:9223372036854775807;");
	CHECK(v && v->i == 9223372036854775807LL);
	v = ok("i:-9223372036854775808;");
	CHECK(v && v->i == (-9223372036854775807LL - 1));
	v = ok("d:1.5;");
	CHECK(v && v->t == PHP_DOUBLE && v->d == 1.5);
	v = ok("d:-2.5E+3;");
	CHECK(v && v->d == -2500.0);
	v = ok("d:NAN;");
	CHECK(v && isnan(v->d));
	v = ok("d:-INF;");
	CHECK(v && isinf(v->d) && v->d < 0);
	v = ok("s:0:\"\";");
	CHECK(v && v->t == PHP_STRING && v->len == 0 && v->s[0] == '\0');
	/* Inner quotes are not escaped: the length decides. */
	v = ok("s:5:\"a\"b\";\";");
	CHECK(v && v->len == 5 && memcmp(v->s, "a\"b\";", 5) == 0);
	v = ok("E:11:\"Suit:Hearts\";");
	CHECK(v && v->t == PHP_ENUM && v->len == 11);
	v = ok("r:1;");
	CHECK(v && v->t == PHP_REF && v->i == 1);
	v = ok("R:2;");
	CHECK(v && v->t == PHP_REF && v->i == 2);
}

static void test_embedded_nul(void)
{
	static const char s[] = "s:3:\"a\0b\";";
	struct php_val *v = NULL;
	struct perr e = {0};
	CHECK(php_unserialize(s, sizeof(s) - 1, NULL, &A, &v, NULL, &e) == 0);
	CHECK(v && v->len == 3 && v->s[1] == '\0' && v->s[2] == 'b');
	CHECK(!php_str_eq(v, "a"));
}

static void test_containers(void)
{
	struct php_val *v;

	v = ok("a:0:{}");
	CHECK(v && v->t == PHP_ARRAY && v->n == 0 && v->items == NULL);
	v = ok("a:2:{i:0;s:3:\"foo\";s:3:\"bar\";a:1:{i:5;b:1;}}");
	CHECK(v && v->n == 2);
	CHECK(php_str_eq(php_at(v, 0), "foo"));
	CHECK(php_get(v, "bar") && php_get(v, "bar")->t == PHP_ARRAY);
	CHECK(php_at(php_get(v, "bar"), 5) && php_at(php_get(v, "bar"), 5)->i == 1);
	CHECK(php_get(v, "baz") == NULL);
	CHECK(php_at(v, 1) == NULL);

	v = ok("O:8:\"stdClass\":1:{s:1:\"a\";i:1;}");
	CHECK(v && v->t == PHP_OBJECT && php_is_object(v, "stdClass"));
	CHECK(!php_is_object(v, "stdClas"));
	CHECK(php_get(v, "a") && php_get(v, "a")->i == 1);

	v = ok("O:15:\"App\\Entity\\User\":0:{}");
	CHECK(php_is_object(v, "App\\Entity\\User"));

	/* Custom objects are kept opaque. */
	v = ok("C:11:\"ArrayObject\":21:{x:i:0;a:0:{};m:a:0:{}}");
	CHECK(v && v->t == PHP_CUSTOM && v->rawlen == 21);
	CHECK(php_get(v, "x") == NULL);

	/* A key twice: PHP keeps the first place and the last value. */
	v = ok("a:3:{s:1:\"k\";i:1;s:1:\"x\";i:2;s:1:\"k\";i:3;}");
	CHECK(v && v->n == 2 && php_get(v, "k") && php_get(v, "k")->i == 3);
	CHECK(php_str_eq(v->items[0].key, "k") && php_str_eq(v->items[1].key, "x"));
	v = ok("a:2:{i:0;s:1:\"A\";i:0;s:1:\"B\";}");
	CHECK(v && v->n == 1 && php_str_eq(php_at(v, 0), "B"));
	/* "0" and 0 are one key in PHP; "00" and "-0" are not 0 */
	v = ok("a:4:{i:0;s:1:\"A\";s:1:\"0\";s:1:\"B\";s:2:\"00\";s:1:\"C\";s:2:\"-0\";s:1:\"D\";}");
	CHECK(v && v->n == 3 && php_str_eq(php_at(v, 0), "B"));
	v = ok("a:2:{s:2:\"-7\";i:1;i:-7;i:2;}");
	CHECK(v && v->n == 1 && v->items[0].val->i == 2);
	v = ok("O:8:\"stdClass\":2:{s:1:\"a\";i:1;s:1:\"a\";i:2;}");
	CHECK(v && v->n == 1 && php_get(v, "a")->i == 2);

	/* Lookups on non-containers are harmless. */
	CHECK(php_get(ok("i:1;"), "a") == NULL);
	CHECK(php_at(NULL, 0) == NULL);
}

static void test_used(void)
{
	static const char s[] = "a:0:{}rest";
	struct php_val *v = NULL;
	struct perr e = {0};
	size_t used = 0;
	CHECK(php_unserialize(s, sizeof(s) - 1, NULL, &A, &v, &used, &e) == 0);
	CHECK(used == 6);
	CHECK(bad(s, sizeof(s) - 1));   /* without `used`, trailing bytes fail */
}

static void test_malformed(void)
{
	BAD("");
	BAD("N");
	BAD("X;");
	BAD("b:2;");
	BAD("b:;");
	BAD("i:;");
	BAD("i:1");
	BAD("i:1.5;");
	BAD("i:9223372036854775808;");
	BAD("i:-9223372036854775809;");
	BAD("i:00000000000000000000000000001;");
	BAD("d:;");
	BAD("d:1x;");
	BAD("d:1111111111111111111111111111111111111111111111111111111111111111111;");
	BAD("s:3:\"ab\";");
	BAD("s:1:\"ab\";");
	BAD("s:-1:\"\";");
	BAD("s:2:\"ab\"");
	BAD("s:2:'ab';");
	BAD("S:2:\"ab\";");
	BAD("s:99999999999999999999999:\"a\";");
	BAD("a:1:{i:0;N;");
	BAD("a:1:{i:0;N;}}");
	BAD("a:2:{i:0;N;}");
	BAD("a:1:{d:0.5;N;}");         /* keys are int or string only */
	BAD("a:1:{a:0:{}N;}");
	BAD("a:1:{N;N;}");
	BAD("O:0:\"\":0:{}");
	BAD("O:3:\"1ab\":0:{}");
	BAD("O:3:\"a b\":0:{}");
	BAD("O:3:\"abc\":1:{}");
	BAD("C:3:\"abc\":5:{ab}");
	BAD("r:0;");
	BAD("r:-1;");
	BAD("E:4:\"Suit\";");
	BAD("N;N;");
}

static void test_hostile_counts(void)
{
	/* Counts and lengths far beyond the input must fail before any
	 * allocation is sized by them. */
	BAD("a:4096:{i:0;N;}");
	BAD("a:4097:{}");
	BAD("a:1000000000:{}");
	BAD("a:18446744073709551615:{}");
	BAD("s:1048577:\"x\";");
	BAD("s:4294967296:\"x\";");
	BAD("C:1:\"A\":999999999:{}");
}

static void test_depth(void)
{
	/* 16 nested arrays are the default limit; 17 fail. */
	char buf[4096];
	size_t n = 0;
	struct php_val *v = NULL;
	struct perr e = {0};

	for (int k = 0; k < 16; k++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "a:1:{i:0;");
	n += (size_t)snprintf(buf + n, sizeof(buf) - n, "N;");
	for (int k = 0; k < 16; k++)
		buf[n++] = '}';
	CHECK(php_unserialize(buf, n, NULL, &A, &v, NULL, &e) == 0);

	n = 0;
	for (int k = 0; k < 17; k++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "a:1:{i:0;");
	n += (size_t)snprintf(buf + n, sizeof(buf) - n, "N;");
	for (int k = 0; k < 17; k++)
		buf[n++] = '}';
	CHECK(bad(buf, n));

	/* Very deep input: rejected at the limit, never recursing further. */
	size_t big = 200000 * 9;
	char *deep = malloc(big);
	for (size_t k = 0; k < 200000; k++)
		memcpy(deep + k * 9, "a:1:{i:0;", 9);
	CHECK(bad(deep, big));
	free(deep);
}

static void test_node_cap(void)
{
	/* Many small arrays in one: each level is within limits, the total
	 * number of nodes is what stops it. */
	struct php_limits lim = php_default_limits;
	struct buf b;
	struct php_val *v = NULL;
	struct perr e = {0};

	lim.max_nodes = 100;
	buf_init(&b);
	buf_puts(&b, "a:60:{");
	for (int k = 0; k < 60; k++)
		buf_printf(&b, "i:%d;N;", k);
	buf_puts(&b, "}");
	CHECK(php_unserialize(b.data, b.len, &lim, &A, &v, NULL, &e) < 0);
	lim.max_nodes = 121;
	CHECK(php_unserialize(b.data, b.len, &lim, &A, &v, NULL, &e) == 0);
	buf_free(&b);
}

static void test_truncations(void)
{
	/* Every prefix of a valid value is rejected without reading past it. */
	static const char s[] =
		"a:3:{i:0;O:15:\"App\\Entity\\User\":2:{s:2:\"id\";i:1;s:1:\"d\";d:0.5;}"
		"s:1:\"k\";s:4:\"ab\"c\";i:2;C:1:\"X\":2:{ab}}";
	struct php_val *v = NULL;
	struct perr e = {0};
	size_t n = sizeof(s) - 1;

	CHECK(php_unserialize(s, n, NULL, &A, &v, NULL, &e) == 0);
	for (size_t k = 0; k < n; k++) {
		/* A heap copy of exactly k bytes lets ASan catch any overread. */
		char *p = malloc(k ? k : 1);
		memcpy(p, s, k);
		CHECK(bad(p, k));
		free(p);
	}
}

int main(void)
{
	arena_init(&A);
	test_scalars();
	test_embedded_nul();
	test_containers();
	test_used();
	test_malformed();
	test_hostile_counts();
	test_depth();
	test_node_cap();
	test_truncations();
	arena_free(&A);
	return check_done();
}
