/* Kimai session payloads: every sample file, the session rows of the dumps,
 * hand-made shapes and hostile variants; the roles column. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kimai_session.h"

#define DIR "tests/data/kimai-sessions/"
#define ADMIN_HASH "$2y$13$MerZQEGK/EGfXgs/Cmz4E.bc3KK3esX32gk.szgQMTeX3xwI3p09G"
#define DUMP_HASH  "$2y$13$Kimai.Portal.Test.SalefJC/zpDK8kSvT2WK6kiATUURzefUw2e"

static struct arena A;

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *p = NULL;
	long n;

	if (!f) {
		fprintf(stderr, "cannot open %s (run from the source root)\n", path);
		exit(2);
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	p = malloc((size_t)n + 1);
	if (fread(p, 1, (size_t)n, f) != (size_t)n)
		exit(2);
	fclose(f);
	/* Exact length, no terminator: the decoder must not rely on one. */
	p = realloc(p, (size_t)n ? (size_t)n : 1);
	*len = (size_t)n;
	return p;
}

static int decode_file(const char *name, struct kimai_session *s)
{
	char path[256];
	size_t len = 0;
	struct perr e = {0};
	char *data = NULL;
	int rc;

	snprintf(path, sizeof(path), DIR "%s", name);
	data = slurp(path, &len);
	rc = kimai_session_decode(data, len, &A, s, &e);
	if (rc < 0)
		fprintf(stderr, "%s: %s\n", name, e.msg);
	free(data);
	return rc;
}

static int decode_token_file(const char *name, struct kimai_session *s)
{
	char path[256];
	size_t len = 0;
	struct perr e = {0};
	char *data = NULL;
	int rc;

	snprintf(path, sizeof(path), DIR "%s", name);
	data = slurp(path, &len);
	rc = kimai_token_decode(data, len, &A, s, &e);
	free(data);
	return rc;
}

static int is_user(const struct kimai_session *s, long long id, const char *name,
                   const char *hash)
{
	return s->user_id == id && s->username_len == strlen(name) &&
	       memcmp(s->username, name, s->username_len) == 0 && s->enabled &&
	       s->password && s->password_len == strlen(hash) &&
	       memcmp(s->password, hash, s->password_len) == 0;
}

static void test_samples(void)
{
	struct kimai_session s;

	CHECK(decode_file("a_form_login.bin", &s) == 0);
	CHECK(s.kind == KT_FORM && s.logged_in);
	CHECK(is_user(&s, 1, "admin", ADMIN_HASH));

	CHECK(decode_file("a2_form_login_after_2fa.bin", &s) == 0);
	CHECK(s.kind == KT_FORM && s.logged_in);
	CHECK(is_user(&s, 1, "admin", ADMIN_HASH));

	CHECK(decode_file("b_remember_me.bin", &s) == 0);
	CHECK(s.kind == KT_REMEMBER_ME && s.logged_in);
	CHECK(is_user(&s, 1, "admin", ADMIN_HASH));

	CHECK(decode_file("c_2fa_in_progress.bin", &s) == 0);
	CHECK(s.kind == KT_TWO_FACTOR && !s.logged_in);

	CHECK(decode_file("d_anonymous.bin", &s) == 0);
	CHECK(s.kind == KT_NONE && !s.logged_in);

	CHECK(decode_token_file("e_login_link_token.bin", &s) == 0);
	CHECK(s.kind == KT_LOGIN_LINK && s.logged_in);
	CHECK(is_user(&s, 7, "jane", "$2y$13$abc"));

	CHECK(decode_token_file("f_saml_token.bin", &s) == 0);
	CHECK(s.kind == KT_SAML && s.logged_in);
	CHECK(is_user(&s, 7, "jane", "$2y$13$abc"));
}

static void test_dumps(void)
{
	static const char *const logged[] = {
		"dump-236-jaebqmpe.bin", "dump-245p-l4i03uud.bin",
		"dump-245r-p9re0llg.bin", "dump-245r-tdfq9in1.bin",
	};
	static const char *const anon[] = {
		"dump-236-anon-f0pf36f8.bin", "dump-245p-anon-dm88uq4o.bin",
		"dump-245r-anon-0oo8mr4o.bin",
	};
	struct kimai_session s;

	for (size_t k = 0; k < sizeof(logged) / sizeof(logged[0]); k++) {
		CHECK(decode_file(logged[k], &s) == 0);
		CHECK(s.kind == KT_FORM && s.logged_in);
		CHECK(is_user(&s, 1, "admin", DUMP_HASH));
	}
	for (size_t k = 0; k < sizeof(anon) / sizeof(anon[0]); k++) {
		CHECK(decode_file(anon[k], &s) == 0);
		CHECK(s.kind == KT_NONE && !s.logged_in);
	}
}

/* Wraps a token string into a session payload. */
static char *wrap(const char *tok, size_t *len)
{
	char *p = NULL;
	int n = asprintf(&p, "_sf2_meta|a:0:{}_sf2_attributes|a:1:{s:22:\"_security_secured_area\";"
	                 "s:%zu:\"%s\";}", strlen(tok), tok);
	if (n < 0)
		exit(2);
	*len = (size_t)n;
	return p;
}

static int decode_tok(const char *tok, struct kimai_session *s)
{
	size_t len = 0;
	struct perr e = {0};
	char *p = wrap(tok, &len);
	int rc = kimai_session_decode(p, len, &A, s, &e);
	free(p);
	return rc;
}

#define USER_OK "O:15:\"App\\Entity\\User\":5:{s:2:\"id\";i:3;s:8:\"username\";s:1:\"u\";" \
	"s:7:\"enabled\";b:1;s:5:\"email\";s:0:\"\";s:8:\"password\";s:2:\"pw\";}"
#define UPT "O:74:\"Symfony\\Component\\Security\\Core\\Authentication\\Token\\UsernamePasswordToken\""

static void test_shapes(void)
{
	struct kimai_session s;

	CHECK(decode_tok(UPT ":3:{i:0;N;i:1;s:12:\"secured_area\";i:2;a:5:{i:0;" USER_OK
	                 "i:1;b:1;i:2;N;i:3;a:0:{}i:4;a:0:{}}}", &s) == 0);
	CHECK(s.logged_in && is_user(&s, 3, "u", "pw"));

	/* ROLE_NAMES absent: still a login. */
	CHECK(decode_tok(UPT ":3:{i:0;N;i:1;s:12:\"secured_area\";i:2;a:4:{i:0;" USER_OK
	                 "i:1;b:1;i:2;N;i:3;a:0:{}}}", &s) == 0);
	CHECK(s.logged_in);

	/* Disabled user in the token: decoded, flagged. */
	CHECK(decode_tok(UPT ":3:{i:0;N;i:1;s:12:\"secured_area\";i:2;a:1:{i:0;"
	                 "O:15:\"App\\Entity\\User\":4:{s:2:\"id\";i:3;s:8:\"username\";s:1:\"u\";"
	                 "s:7:\"enabled\";b:0;s:8:\"password\";N;}}}", &s) == 0);
	CHECK(s.logged_in && !s.enabled && s.password == NULL);

	/* Another firewall, another user class, missing fields: refused. */
	CHECK(decode_tok(UPT ":3:{i:0;N;i:1;s:4:\"main\";i:2;a:1:{i:0;" USER_OK "}}", &s) < 0);
	CHECK(decode_tok(UPT ":3:{i:0;N;i:1;s:12:\"secured_area\";i:2;a:1:{i:0;"
	                 "O:8:\"stdClass\":0:{}}}", &s) < 0);
	CHECK(decode_tok(UPT ":3:{i:0;N;i:1;s:12:\"secured_area\";i:2;a:1:{i:0;"
	                 "O:15:\"App\\Entity\\User\":1:{s:2:\"id\";i:3;}}}", &s) < 0);
	CHECK(decode_tok(UPT ":3:{i:0;N;i:1;s:12:\"secured_area\";i:2;a:1:{i:0;"
	                 "O:15:\"App\\Entity\\User\":4:{s:2:\"id\";s:1:\"3\";s:8:\"username\";"
	                 "s:1:\"u\";s:7:\"enabled\";b:1;s:8:\"password\";N;}}}", &s) < 0);
	CHECK(decode_tok(UPT ":2:{i:0;N;i:1;s:12:\"secured_area\";}", &s) < 0);

	/* Unknown token classes (e.g. impersonation) and non-objects: not
	 * logged in, but not malformed either. */
	CHECK(decode_tok("O:68:\"Symfony\\Component\\Security\\Core\\Authentication\\Token\\SwitchUserToken\""
	                 ":0:{}", &s) == 0);
	CHECK(s.kind == KT_OTHER && !s.logged_in);
	CHECK(decode_tok("s:5:\"admin\";", &s) == 0);
	CHECK(s.kind == KT_OTHER && !s.logged_in);
	CHECK(decode_tok("N;", &s) == 0);
	CHECK(!s.logged_in);

	/* The token twice in the attributes: the last one counts, as in PHP. */
	{
		struct perr e = {0};
		char *p = NULL;
		const char *tok = UPT ":3:{i:0;N;i:1;s:12:\"secured_area\";i:2;a:1:{i:0;" USER_OK "}}";
		int n = asprintf(&p, "_sf2_attributes|a:2:{s:22:\"_security_secured_area\";"
		                 "s:%zu:\"%s\";s:22:\"_security_secured_area\";s:2:\"N;\";}", strlen(tok), tok);
		CHECK(n > 0 && kimai_session_decode(p, (size_t)n, &A, &s, &e) == 0);
		CHECK(!s.logged_in);
		free(p);
		n = asprintf(&p, "_sf2_attributes|a:2:{s:22:\"_security_secured_area\";s:2:\"N;\";"
		             "s:22:\"_security_secured_area\";s:%zu:\"%s\";}", strlen(tok), tok);
		CHECK(n > 0 && kimai_session_decode(p, (size_t)n, &A, &s, &e) == 0);
		CHECK(s.logged_in);
		free(p);
	}

	/* The token must be a string holding serialized data. */
	{
		static const char p[] = "_sf2_attributes|a:1:{s:22:\"_security_secured_area\";i:1;}";
		struct perr e = {0};
		CHECK(kimai_session_decode(p, sizeof(p) - 1, &A, &s, &e) < 0);
	}
}

static void test_session_framing(void)
{
	struct kimai_session s;
	struct perr e = {0};
	static const char empty[] = "";
	static const char nobar[] = "_sf2_attributes";
	static const char emptykey[] = "|a:0:{}";
	static const char trailing[] = "_sf2_meta|a:0:{}x";
	static const char notarray[] = "_sf2_attributes|s:1:\"x\";";
	static const char twice[] =
		"_sf2_attributes|a:1:{s:22:\"_security_secured_area\";s:2:\"N;\";}"
		"_sf2_attributes|a:0:{}";

	CHECK(kimai_session_decode(empty, 0, &A, &s, &e) == 0 && !s.logged_in);
	CHECK(kimai_session_decode(nobar, sizeof(nobar) - 1, &A, &s, &e) < 0);
	CHECK(kimai_session_decode(emptykey, sizeof(emptykey) - 1, &A, &s, &e) < 0);
	CHECK(kimai_session_decode(trailing, sizeof(trailing) - 1, &A, &s, &e) < 0);
	CHECK(kimai_session_decode(notarray, sizeof(notarray) - 1, &A, &s, &e) < 0);
	CHECK(kimai_session_decode(twice, sizeof(twice) - 1, &A, &s, &e) == 0);
	CHECK(s.kind == KT_NONE);
	CHECK(kimai_session_decode(NULL, 0, &A, &s, &e) < 0);

	/* Too many variables. */
	{
		char *p = malloc(100 * 16);
		size_t n = 0;
		for (int k = 0; k < 100; k++) {
			memcpy(p + n, "k|N;", 4);
			n += 4;
		}
		CHECK(kimai_session_decode(p, n, &A, &s, &e) < 0);
		free(p);
	}
}

static void test_truncated_samples(void)
{
	/* Every prefix of a real login payload is an error or "not logged in",
	 * never an overread; the one exception is the prefix that ends exactly
	 * after the attributes variable, which is a complete session. */
	size_t len = 0;
	char *data = slurp(DIR "a_form_login.bin", &len);
	const char *meta = memmem(data, len, "_sf2_meta|", 10);
	size_t complete = meta ? (size_t)(meta - data) : 0;
	int logins = 0;

	for (size_t k = 0; k < len; k++) {
		struct kimai_session s;
		struct perr e = {0};
		char *p = malloc(k ? k : 1);
		memcpy(p, data, k);
		if (kimai_session_decode(p, k, &A, &s, &e) == 0 && s.logged_in) {
			logins++;
			CHECK(k == complete);
		}
		free(p);
		arena_reset(&A);
	}
	CHECK(logins == 1);
	free(data);
}

static void test_roles(void)
{
	const char **r = NULL;
	size_t n = 0;
	struct perr e = {0};
	static const char a1[] = "a:1:{i:0;s:16:\"ROLE_SUPER_ADMIN\";}";
	static const char a0[] = "a:0:{}";
	static const char a2[] = "a:2:{i:0;s:13:\"ROLE_TEAMLEAD\";i:1;s:10:\"ROLE_ADMIN\";}";
	static const char mixed[] =
		"a:5:{i:0;s:10:\"role_admin\";i:1;i:5;i:2;s:10:\"ROLE_ADMIN\";i:3;s:9:\"role_user\";"
		"i:4;s:6:\"a b\"cd\";}";

	CHECK(kimai_roles_parse(a1, sizeof(a1) - 1, &A, &r, &n, &e) == 0);
	CHECK(n == 2);
	CHECK_STR(r[0], "ROLE_SUPER_ADMIN");
	CHECK_STR(r[1], "ROLE_USER");

	CHECK(kimai_roles_parse(a0, sizeof(a0) - 1, &A, &r, &n, &e) == 0);
	CHECK(n == 1);
	CHECK_STR(r[0], "ROLE_USER");

	CHECK(kimai_roles_parse(a2, sizeof(a2) - 1, &A, &r, &n, &e) == 0);
	CHECK(n == 3);
	CHECK_STR(r[0], "ROLE_TEAMLEAD");
	CHECK_STR(r[1], "ROLE_ADMIN");
	CHECK_STR(r[2], "ROLE_USER");

	/* Lower case is upper-cased, duplicates and odd entries dropped. */
	CHECK(kimai_roles_parse(mixed, sizeof(mixed) - 1, &A, &r, &n, &e) == 0);
	CHECK(n == 2);
	CHECK_STR(r[0], "ROLE_ADMIN");
	CHECK_STR(r[1], "ROLE_USER");

	CHECK(kimai_roles_parse("s:1:\"x\";", 8, &A, &r, &n, &e) < 0);
	CHECK(kimai_roles_parse("a:1:{i:0;s:1:\"x\";", 17, &A, &r, &n, &e) < 0);
	CHECK(kimai_roles_parse("a:1:{i:0;a:0:{}}", 16, &A, &r, &n, &e) == 0 && n == 1);
	CHECK(kimai_roles_parse("a:1:{i:0;a:1:{i:0;a:0:{}}}", 26, &A, &r, &n, &e) < 0);
}

int main(void)
{
	arena_init(&A);
	test_samples();
	test_dumps();
	test_shapes();
	test_session_framing();
	test_truncated_samples();
	test_roles();
	arena_free(&A);
	return check_done();
}
