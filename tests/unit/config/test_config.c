/* Configuration: DATABASE_URL forms, dotenv semantics, address ranges, and
 * the precedence flag > environment > Kimai's dotenv files > default. */
#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nettle/hmac.h>

#include "arena.h"
#include "check.h"
#include "config.h"

/* ---- DATABASE_URL ------------------------------------------------------ */

static void test_dburl_ok(void)
{
	struct dburl u;
	struct perr e = {0};

	CHECK(dburl_parse("mysql://kimai:kimai@127.0.0.1:3306/kimai?charset=utf8mb4"
	                  "&serverVersion=8.3.0", &u, &e) == 0);
	CHECK_STR(u.user, "kimai");
	CHECK_STR(u.password, "kimai");
	CHECK_STR(u.host, "127.0.0.1");
	CHECK(u.port == 3306);
	CHECK_STR(u.dbname, "kimai");
	CHECK_STR(u.charset, "utf8mb4");
	CHECK(u.unix_socket == NULL);
	dburl_free(&u);

	/* Percent-decoding of user, password and database name; no port. */
	CHECK(dburl_parse("mariadb://us%40r:p%3Ass%2Fw%25rd%20x+y@db.example.com/my%5Fdb",
	                  &u, &e) == 0);
	CHECK_STR(u.user, "us@r");
	CHECK_STR(u.password, "p:ss/w%rd x+y");
	CHECK_STR(u.host, "db.example.com");
	CHECK(u.port == 0);
	CHECK_STR(u.dbname, "my_db");
	CHECK_STR(u.charset, "utf8mb4");
	dburl_free(&u);

	/* An unencoded '@' in the password: the last '@' ends the user part. */
	CHECK(dburl_parse("mysql://u:p@ss@localhost/kimai", &u, &e) == 0);
	CHECK_STR(u.user, "u");
	CHECK_STR(u.password, "p@ss");
	CHECK_STR(u.host, "localhost");
	dburl_free(&u);

	/* unix_socket in the query, percent-encoded, with and without a host. */
	CHECK(dburl_parse("mysql://kimai:pw@localhost/kimai?unix_socket=%2Frun%2Fmysqld%2F"
	                  "mysqld.sock&charset=utf8", &u, &e) == 0);
	CHECK_STR(u.unix_socket, "/run/mysqld/mysqld.sock");
	CHECK_STR(u.host, "localhost");
	CHECK_STR(u.charset, "utf8");
	dburl_free(&u);
	CHECK(dburl_parse("mysql://kimai:pw@/kimai?serverVersion=mariadb-10.11.6"
	                  "&unix_socket=/var/run/my+sql.sock", &u, &e) == 0);
	CHECK(u.host == NULL);
	CHECK_STR(u.unix_socket, "/var/run/my sql.sock");
	dburl_free(&u);

	/* IPv6 literal with a port; scheme case-insensitive; no password. */
	CHECK(dburl_parse("MySQL://root@[::1]:3307/kimai", &u, &e) == 0);
	CHECK_STR(u.host, "::1");
	CHECK(u.port == 3307);
	CHECK_STR(u.user, "root");
	CHECK(u.password == NULL);
	dburl_free(&u);

	/* Empty password is kept as empty, not as "no password". */
	CHECK(dburl_parse("pdo-mysql://root:@db:3306/k", &u, &e) == 0);
	CHECK_STR(u.password, "");
	dburl_free(&u);

	/* Host only. */
	CHECK(dburl_parse("mysql2://db_host-1/kimai", &u, &e) == 0);
	CHECK(u.user == NULL && u.password == NULL);
	CHECK_STR(u.host, "db_host-1");
	dburl_free(&u);
	dburl_free(&u);   /* twice is harmless */
	dburl_free(NULL);
}

static void test_dburl_bad(void)
{
	static const struct {
		const char *url;
		const char *msg;    /* expected part of the message */
	} bad[] = {
		{"", "empty"},
		{"postgres://u:s3cretpw@h/db", "unsupported scheme"},
		{"mysql:/h/db", "expected"},
		{"s3cretpw", "expected"},
		{"mysql://u:s3cretpw@h", "missing database name"},
		{"mysql://u:s3cretpw@h/", "missing database name"},
		{"mysql://u:s3cretpw@h?charset=utf8", "missing database name"},
		{"mysql://u:s3cretpw@h:0/db", "port"},
		{"mysql://u:s3cretpw@h:65536/db", "port"},
		{"mysql://u:s3cretpw@h:/db", "port"},
		{"mysql://u:s3cretpw@h:33x/db", "port"},
		{"mysql://u:s3cretpw%zz@h/db", "percent-encoding in the password"},
		{"mysql://u:s3cretpw%2@h/db", "percent-encoding in the password"},
		{"mysql://u:s3cretpw%00@h/db", "percent-encoding in the password"},
		{"mysql://u%00:s3cretpw@h/db", "percent-encoding in the user"},
		{"mysql://u:s3cretpw@h/d%00b", "percent-encoding in the database"},
		{"mysql://u:s3cretpw@[::1/db", "']'"},
		{"mysql://u:s3cretpw@[zz]:1/db", "IPv6"},
		{"mysql://u:s3cretpw@[::1]x/db", "port"},
		{"mysql://u:s3cretpw@h/db?unix_socket=relative.sock", "unix_socket"},
		{"mysql://u:s3cretpw@/db", "missing host"},
		{"mysql://u:s3cretpw@h/db#x", "'#'"},
		{"mysql://u:s3cretpw@h/my db", "spaces"},
		{"mysql://u:s3cretpw@h/a/b", "invalid database name"},
		{"mysql://u:s3cretpw@h!x/db", "invalid host"},
		{"mysql://u:s3cretpw@h/db?charset=utf8;drop", "charset"},
		{"mysql://u:s3cretpw@h/db?x=%zz", "percent-encoding in the query"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct dburl u;
		struct perr e = {0};
		int r = dburl_parse(bad[i].url, &u, &e);
		CHECK(r == -1);
		if (r != -1) {
			fprintf(stderr, "  accepted: %s\n", bad[i].url);
			dburl_free(&u);
			continue;
		}
		CHECK(strstr(e.msg, bad[i].msg) != NULL);
		CHECK(strncmp(e.msg, "DATABASE_URL: ", 14) == 0);
		CHECK(strstr(e.msg, "s3cretpw") == NULL);   /* never the password */
		CHECK(strchr(e.msg, '\n') == NULL);
		if (!strstr(e.msg, bad[i].msg))
			fprintf(stderr, "  %s -> %s\n", bad[i].url, e.msg);
		CHECK(u.user == NULL && u.password == NULL && u.host == NULL);
	}
	/* Too long. */
	char *big = xmalloc(5000);
	memset(big, 'a', 4999);
	big[4999] = '\0';
	memcpy(big, "mysql://u:p@h/", 14);
	struct dburl u;
	struct perr e = {0};
	CHECK(dburl_parse(big, &u, &e) == -1);
	free(big);
}

/* ---- dotenv ------------------------------------------------------------ */

static void collect(void *ctx, const char *key, const char *value)
{
	struct buf *b = ctx;
	buf_printf(b, "%s=%s;", key, value);
}

/* Parses `text` and returns the assignments as "K=V;K=V;" (static). */
static const char *env_of(const char *text)
{
	static char out[4096];
	struct buf b;
	struct perr e = {0};
	buf_init(&b);
	if (dotenv_parse(text, strlen(text), collect, &b, &e) == 0)
		snprintf(out, sizeof(out), "%s", b.data ? b.data : "");
	else
		snprintf(out, sizeof(out), "ERROR %s", e.msg);
	buf_free(&b);
	return out;
}

static void test_dotenv_values(void)
{
	/* plain, blanks, empty values, line endings */
	CHECK_STR(env_of("FOO=bar"), "FOO=bar;");
	CHECK_STR(env_of(" FOO=bar "), "FOO=bar;");
	CHECK_STR(env_of("FOO="), "FOO=;");
	CHECK_STR(env_of("FOO=  "), "FOO=;");
	CHECK_STR(env_of("FOO=\n\n\nBAR=bar"), "FOO=;BAR=bar;");
	CHECK_STR(env_of("\n\nFOO=bar\r\n\n"), "FOO=bar;");
	CHECK_STR(env_of("FOO=bar\r\nBAR=foo"), "FOO=bar;BAR=foo;");
	CHECK_STR(env_of("FOO=bar\rBAR=foo"), "FOO=bar;BAR=foo;");
	CHECK_STR(env_of("\xEF\xBB\xBF" "FOO=bar"), "FOO=bar;");
	CHECK_STR(env_of(""), "");
	CHECK_STR(env_of("# only a comment\n\n   \n"), "");

	/* quotes */
	CHECK_STR(env_of("FOO=\"bar\"\n"), "FOO=bar;");
	CHECK_STR(env_of("FOO=\"bar'foo\""), "FOO=bar'foo;");
	CHECK_STR(env_of("FOO='bar\"foo'"), "FOO=bar\"foo;");
	CHECK_STR(env_of("FOO=\"bar\\\"foo\""), "FOO=bar\"foo;");
	CHECK_STR(env_of("FOO=\"bar\\nfoo\""), "FOO=bar\nfoo;");
	CHECK_STR(env_of("FOO=\"bar\\rfoo\""), "FOO=bar\rfoo;");
	CHECK_STR(env_of("FOO='bar\\nfoo'"), "FOO=bar\\nfoo;");
	CHECK_STR(env_of("FOO='bar\nfoo'"), "FOO=bar\nfoo;");
	CHECK_STR(env_of("FOO=\"bar\nfoo\""), "FOO=bar\nfoo;");
	CHECK_STR(env_of("FOO=\" FOO \""), "FOO= FOO ;");
	CHECK_STR(env_of("PATH=\"c:\\\\\""), "PATH=c:\\;");
	CHECK_STR(env_of("FOO=BAR\\\""), "FOO=BAR\";");
	CHECK_STR(env_of("FOO=BAR\\'BAZ"), "FOO=BAR'BAZ;");
	CHECK_STR(env_of("FOO='bar''foo'"), "FOO=barfoo;");
	CHECK_STR(env_of("FOO='bar '' baz'"), "FOO=bar  baz;");
	CHECK_STR(env_of("FOO='bar '\\'' baz'"), "FOO=bar ' baz;");

	/* backslashes */
	CHECK_STR(env_of("FOO=foo\\\\bar"), "FOO=foo\\bar;");
	CHECK_STR(env_of("FOO='foo\\\\bar'"), "FOO=foo\\\\bar;");
	CHECK_STR(env_of("FOO=\"foo\\\\bar\""), "FOO=foo\\bar;");

	/* comments */
	CHECK_STR(env_of("#FOO=bar\nBAR=foo"), "BAR=foo;");
	CHECK_STR(env_of("FOO='bar foo' # Comment"), "FOO=bar foo;");
	CHECK_STR(env_of("FOO='bar#foo' # Comment"), "FOO=bar#foo;");
	CHECK_STR(env_of("FOO=bar # Another comment\nBAR=foo"), "FOO=bar;BAR=foo;");
	CHECK_STR(env_of("FOO=NOT#COMMENT"), "FOO=NOT#COMMENT;");
	CHECK_STR(env_of("FOO=  # Comment"), "FOO=;");
	CHECK_STR(env_of("FOO=#nothing"), "FOO=;");

	/* export */
	CHECK_STR(env_of("export FOO=bar"), "FOO=bar;");
	CHECK_STR(env_of("  export   FOO=bar"), "FOO=bar;");
	CHECK_STR(env_of("exportFOO=bar"), "exportFOO=bar;");
	CHECK_STR(env_of("export=1"), "export=1;");

	/* Kimai's own .env */
	CHECK_STR(env_of("###> symfony/framework-bundle ###\n"
	                 "APP_ENV=prod\n"
	                 "APP_SECRET=change_this_to_something_unique\n"
	                 "###< symfony/framework-bundle ###\n\n"
	                 "###> doctrine/doctrine-bundle ###\n"
	                 "# Format described at https://www.doctrine-project.org/...\n"
	                 "DATABASE_URL=mysql://user:password@127.0.0.1:3306/database?"
	                 "charset=utf8mb4&serverVersion=5.7.40\n"
	                 "###< doctrine/doctrine-bundle ###\n"),
	          "APP_ENV=prod;APP_SECRET=change_this_to_something_unique;"
	          "DATABASE_URL=mysql://user:password@127.0.0.1:3306/database?"
	          "charset=utf8mb4&serverVersion=5.7.40;");
	CHECK_STR(env_of("DATABASE_URL=\"mysql://kimai:p#w@db/kimai\""),
	          "DATABASE_URL=mysql://kimai:p#w@db/kimai;");
}

static void test_dotenv_expansion(void)
{
	unsetenv("PORTAL_T_UNSET");
	setenv("PORTAL_T_ENV", "fromenv", 1);
	CHECK_STR(env_of("FOO=BAR\nBAR=$FOO"), "FOO=BAR;BAR=BAR;");
	CHECK_STR(env_of("FOO=BAR\nBAR=\"$FOO\""), "FOO=BAR;BAR=BAR;");
	CHECK_STR(env_of("FOO=BAR\nBAR='$FOO'"), "FOO=BAR;BAR=$FOO;");
	CHECK_STR(env_of("FOO_BAR9=BAR\nBAR=$FOO_BAR9"), "FOO_BAR9=BAR;BAR=BAR;");
	CHECK_STR(env_of("FOO=BAR\nBAR=${FOO}Z"), "FOO=BAR;BAR=BARZ;");
	CHECK_STR(env_of("FOO=BAR\nBAR=$FOO}"), "FOO=BAR;BAR=BAR};");
	CHECK_STR(env_of("FOO=BAR\nBAR=\\$FOO"), "FOO=BAR;BAR=$FOO;");
	CHECK_STR(env_of("FOO=\" \\$ \""), "FOO= $ ;");
	CHECK_STR(env_of("FOO=\" $ \""), "FOO= $ ;");
	CHECK_STR(env_of("FOO=$PORTAL_T_UNSET"), "FOO=;");
	CHECK_STR(env_of("FOO=BAR\nBAR=${FOO:-TEST}"), "FOO=BAR;BAR=BAR;");
	CHECK_STR(env_of("BAR=${PORTAL_T_UNSET:-TEST}"), "BAR=TEST;");
	CHECK_STR(env_of("FOO=\nBAR=${FOO:-TEST}"), "FOO=;BAR=TEST;");
	CHECK_STR(env_of("FOO=\nBAR=$FOO:-TEST}"), "FOO=;BAR=TEST};");
	CHECK_STR(env_of("BAR=${PORTAL_T_UNSET:=TEST}"), "PORTAL_T_UNSET=TEST;BAR=TEST;");
	CHECK_STR(env_of("FOO=\nBAR=${FOO:=TEST}\nX=$FOO"), "FOO=;FOO=TEST;BAR=TEST;X=TEST;");
	CHECK_STR(env_of("FOO=foo\nFOOBAR=${FOO}${PORTAL_T_UNSET}"), "FOO=foo;FOOBAR=foo;");
	/* escaped backslash before a variable */
	CHECK_STR(env_of("BAR=bar\nFOO=foo\\\\$BAR"), "BAR=bar;FOO=foo\\bar;");
	CHECK_STR(env_of("BAR=bar\nFOO='foo\\\\$BAR'"), "BAR=bar;FOO=foo\\\\$BAR;");
	CHECK_STR(env_of("BAR=bar\nFOO=\"foo\\\\$BAR\""), "BAR=bar;FOO=foo\\bar;");
	CHECK_STR(env_of("FOO=foo\\\\\\$BAR"), "FOO=foo\\$BAR;");
	CHECK_STR(env_of("FOO=\"foo\\\\\\$BAR\""), "FOO=foo\\$BAR;");
	/* the real environment wins over the file (Symfony never overrides it) */
	CHECK_STR(env_of("X=$PORTAL_T_ENV"), "X=fromenv;");
	CHECK_STR(env_of("PORTAL_T_ENV=file\nY=${PORTAL_T_ENV}"),
	          "PORTAL_T_ENV=file;Y=fromenv;");
	/* an expanded value may contain blanks without quotes */
	CHECK_STR(env_of("A=\"x y\"\nB=$A"), "A=x y;B=x y;");
	/* building a URL from parts, as some Docker setups do */
	CHECK_STR(env_of("DB_USER=kimai\nDB_PASS='p w'\n"
	                 "DATABASE_URL=\"mysql://${DB_USER}:${DB_PASS}@db/kimai\""),
	          "DB_USER=kimai;DB_PASS=p w;DATABASE_URL=mysql://kimai:p w@db/kimai;");
	unsetenv("PORTAL_T_ENV");
}

static void test_dotenv_errors(void)
{
	static const struct {
		const char *text;
		const char *msg;
	} bad[] = {
		{"FOO=BAR BAZ", "line 1: a value containing spaces"},
		{"FOO BAR=BAR", "line 1: whitespace is not supported after"},
		{"FOO", "line 1: missing ="},
		{"FOO!", "line 1: missing ="},
		{"FOO=\"foo", "line 1: missing quote"},
		{"FOO='foo", "line 1: missing quote"},
		{"FOO='foo\n", "line 1: missing quote"},
		{"export FOO", "line 1: unable to unset"},
		{"FOO=${FOO", "line 1: unclosed braces"},
		{"FOO= BAR", "line 1: whitespace is not supported before"},
		{"1FOO=x", "line 1: invalid character in variable name"},
		{"\xD0\xA1=x", "line 1: invalid character"},
		{"FOO=$(echo foo)", "line 1: command expansion"},
		{"FOO=\"$(id)\"", "line 1: command expansion"},
		{"FOO=\nBAR=${FOO:-\\'a}", "line 2: unsupported character"},
		{"A=1\nB=2\n\n# c\nC=x y", "line 5: a value containing spaces"},
		{"A=1\nB=\"x\ny\nz\" q", "line 4: a value containing spaces"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *r = env_of(bad[i].text);
		CHECK(strncmp(r, "ERROR ", 6) == 0);
		CHECK(strstr(r, bad[i].msg) != NULL);
		if (!strstr(r, bad[i].msg))
			fprintf(stderr, "  [%zu] got: %s\n", i, r);
	}

	struct perr e = {0};
	struct buf b;
	buf_init(&b);
	/* NUL byte */
	CHECK(dotenv_parse("A=1\nB=\0x", 8, collect, &b, &e) == -1);
	CHECK(strstr(e.msg, "line 2") != NULL);
	/* name and value bounds; an expansion cannot grow past the bound */
	/* static buffers: gcc's bounds checker cannot see into xmalloc() */
	static char big[3 * DOTENV_MAX_VALUE], small[DOTENV_MAX_KEY + 32];
	char *text = big;
	memset(text, 'K', DOTENV_MAX_KEY + 1);
	strcpy(text + DOTENV_MAX_KEY + 1, "=1");
	CHECK(dotenv_parse(text, strlen(text), collect, &b, &e) == -1);
	memset(text, 'v', DOTENV_MAX_VALUE + 3);
	memcpy(text, "V=", 2);
	text[DOTENV_MAX_VALUE + 3] = '\0';
	CHECK(dotenv_parse(text, strlen(text), collect, &b, &e) == -1);
	CHECK(strstr(e.msg, "value longer") != NULL);
	memset(text, 'v', DOTENV_MAX_VALUE);
	memcpy(text, "V=", 2);
	strcpy(text + DOTENV_MAX_VALUE, "\nW=$V$V$V");
	buf_reset(&b);
	CHECK(dotenv_parse(text, strlen(text), collect, &b, &e) == -1);
	CHECK(strstr(e.msg, "line 2: value longer") != NULL);
	/* a name in an expansion has the same bound as a key */
	text = small;
	memset(text, 'X', DOTENV_MAX_KEY + 32);
	memcpy(text, "A=${", 4);
	strcpy(text + 4 + DOTENV_MAX_KEY + 1, ":=y}");
	buf_reset(&b);
	CHECK(dotenv_parse(text, strlen(text), collect, &b, &e) == -1);
	CHECK(strstr(e.msg, "variable name longer") != NULL);
	CHECK(b.len == 0);
	/* a file over the size bound is refused before parsing */
	CHECK(dotenv_parse("A=1", DOTENV_MAX_FILE + 1, collect, &b, &e) == -1);
	buf_free(&b);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	CHECK(f != NULL);
	if (!f)
		return;
	fputs(text, f);
	fclose(f);
}

static void test_dotenv_file(const char *dir)
{
	char path[512];
	struct perr e = {0};
	struct buf b;
	buf_init(&b);
	snprintf(path, sizeof(path), "%s/missing.env", dir);
	CHECK(dotenv_load_file(path, collect, &b, &e) == 0);
	CHECK(b.len == 0);
	snprintf(path, sizeof(path), "%s/bad.env", dir);
	write_file(path, "A=1\nB=x y\n");
	CHECK(dotenv_load_file(path, collect, &b, &e) == -1);
	CHECK(strstr(e.msg, "bad.env line 2:") != NULL);
	CHECK(dotenv_load_file(dir, collect, &b, &e) == -1);   /* a directory */
	unlink(path);
	buf_free(&b);
}

/* ---- address ranges ---------------------------------------------------- */

static bool in_range(const char *range, const char *addr)
{
	struct cidr c;
	if (cidr_parse(range, &c) != 0)
		return false;
	return cidr_match(&c, addr);
}

static void test_cidr(void)
{
	struct cidr c;
	CHECK(in_range("10.0.0.0/8", "10.1.2.3"));
	CHECK(!in_range("10.0.0.0/8", "11.0.0.1"));
	CHECK(in_range("10.0.0.0/8", "::ffff:10.1.2.3"));
	CHECK(in_range("10.1.2.3/8", "10.9.9.9"));          /* host bits ignored */
	CHECK(in_range("192.168.1.1", "192.168.1.1"));
	CHECK(!in_range("192.168.1.1", "192.168.1.2"));
	CHECK(in_range("172.16.0.0/12", "172.31.255.255"));
	CHECK(!in_range("172.16.0.0/12", "172.32.0.0"));
	CHECK(in_range("0.0.0.0/0", "8.8.8.8"));
	CHECK(!in_range("0.0.0.0/0", "::1"));
	CHECK(in_range("::1", "::1"));
	CHECK(!in_range("::1", "::2"));
	CHECK(!in_range("::1", "127.0.0.1"));
	CHECK(in_range("2001:db8::/32", "2001:db8:1::5"));
	CHECK(!in_range("2001:db8::/32", "2001:db9::1"));
	CHECK(in_range("::ffff:0:0/96", "1.2.3.4"));
	CHECK(in_range("fe80::/10", "febf::1"));
	CHECK(!in_range("fe80::/10", "fec0::1"));
	CHECK(!in_range("10.0.0.0/8", "10.0.0"));
	CHECK(!in_range("10.0.0.0/8", ""));
	CHECK(!in_range("10.0.0.0/8", "10.0.0.1 "));

	CHECK(cidr_parse("10.0.0.0/8", &c) == 0 && c.bits == 8 && c.family == AF_INET);
	CHECK(cidr_parse("::1", &c) == 0 && c.bits == 128 && c.family == AF_INET6);
	CHECK(cidr_parse("10.0.0.0/33", &c) == -1);
	CHECK(cidr_parse("::1/129", &c) == -1);
	CHECK(cidr_parse("10.0.0/8", &c) == -1);
	CHECK(cidr_parse("abc", &c) == -1);
	CHECK(cidr_parse("10.0.0.0/", &c) == -1);
	CHECK(cidr_parse("10.0.0.0/8x", &c) == -1);
	CHECK(cidr_parse("10.0.0.0/-1", &c) == -1);
	CHECK(cidr_parse("/8", &c) == -1);
	CHECK(cidr_parse("", &c) == -1);
	CHECK(!cidr_match(NULL, "1.2.3.4"));
}

/* ---- config_load ------------------------------------------------------- */

static const char *const env_names[] = {
	"DATABASE_URL", "PORTAL_READ_DATABASE_URL", "PORTAL_SECRET", "APP_SECRET", "APP_ENV",
	"PORTAL_LISTEN", "PORTAL_WORKERS", "PORTAL_TEMPLATES", "PORTAL_LANG_DIR",
	"PORTAL_STATIC_DIR", "PORTAL_LOG_LEVEL", "PORTAL_DB_TIMEOUT", "PORTAL_TRUSTED_PROXIES",
	"PORTAL_KIMAI_DIR", "PORTAL_BASE_PATH", "LISTEN_PID", "LISTEN_FDS", NULL,
};

static void clear_env(void)
{
	for (size_t i = 0; env_names[i]; i++)
		unsetenv(env_names[i]);
}

static int load(struct config *c, struct perr *e, unsigned flags, ...)
{
	char *argv[32] = {"portal"};
	int argc = 1;
	va_list ap;
	va_start(ap, flags);
	const char *a;
	while ((a = va_arg(ap, const char *)) != NULL && argc < 31)
		argv[argc++] = (char *)a;
	va_end(ap);
	argv[argc] = NULL;
	static char *keep[32];   /* cmd_argv points into argv */
	memcpy(keep, argv, sizeof(keep));
	return config_load_ex(c, argc, keep, "portal", "usage\n", flags, e);
}

static void expected_key(const char *secret, const char *label, unsigned char out[32])
{
	struct hmac_sha256_ctx h;
	hmac_sha256_set_key(&h, strlen(secret), (const uint8_t *)secret);
	hmac_sha256_update(&h, strlen(label), (const uint8_t *)label);
	hmac_sha256_digest(&h, 32, out);
}

static void test_config(const char *dir)
{
	struct config c;
	struct perr e = {0};
	char kimai[512], path[600], tpl[512];
	unsigned char key[32];

	clear_env();
	snprintf(kimai, sizeof(kimai), "%s/kimai", dir);
	snprintf(tpl, sizeof(tpl), "%s/tpl", dir);
	mkdir(kimai, 0700);
	mkdir(tpl, 0700);
	snprintf(path, sizeof(path), "%s/.env", kimai);
	write_file(path, "APP_ENV=prod\n"
	                 "APP_SECRET=change_this_to_something_unique\n"
	                 "DATABASE_URL=mysql://user:password@127.0.0.1:3306/database\n"
	                 "PORTAL_WORKERS=3\n");
	snprintf(path, sizeof(path), "%s/.env.local", kimai);
	write_file(path, "APP_SECRET=0123456789abcdef0123456789abcdef\n"
	                 "DB_PASS='s3cret%20pw'\n"
	                 "DATABASE_URL=\"mysql://kimai:${DB_PASS}@db.local:3307/kimai\"\n");

	/* .env.local overrides .env; values expand across files */
	CHECK(load(&c, &e, 0, "--kimai-dir", kimai, "--listen", "127.0.0.1:9000",
	           "--templates", tpl, NULL) == 0);
	CHECK_STR(c.db.host, "db.local");
	CHECK(c.db.port == 3307);
	CHECK_STR(c.db.password, "s3cret pw");
	CHECK(c.has_secret);
	expected_key("0123456789abcdef0123456789abcdef", "kimai customer portal cookie key v1",
	             key);
	CHECK(memcmp(c.secret, key, 32) == 0);
	CHECK(c.workers == 3);
	CHECK(c.listen_kind == LISTEN_TCP);
	CHECK_STR(c.listen_host, "127.0.0.1");
	CHECK(c.listen_port == 9000);
	CHECK(c.db_timeout_s == 5);
	CHECK(c.log_level == 2);   /* info */
	CHECK_STR(c.templates_dir, tpl);
	snprintf(path, sizeof(path), "%s/lang", tpl);
	CHECK_STR(c.lang_dir, path);
	snprintf(path, sizeof(path), "%s/static", tpl);
	CHECK_STR(c.static_dir, path);
	CHECK_STR(c.kimai_dir, kimai);
	CHECK(c.command == NULL);
	config_free(&c);

	/* environment over dotenv; flag over environment */
	setenv("DATABASE_URL", "mysql://env:pw@envhost/envdb", 1);
	setenv("PORTAL_KIMAI_DIR", kimai, 1);
	setenv("PORTAL_SECRET", "a-portal-secret-of-some-length", 1);
	setenv("PORTAL_WORKERS", "5", 1);
	setenv("PORTAL_LISTEN", "unix:/run/portal/portal.sock", 1);
	CHECK(load(&c, &e, 0, "--templates", tpl, "--workers", "7", NULL) == 0);
	CHECK_STR(c.db.host, "envhost");
	CHECK(c.workers == 7);
	CHECK(c.listen_kind == LISTEN_UNIX);
	CHECK_STR(c.listen_path, "/run/portal/portal.sock");
	expected_key("a-portal-secret-of-some-length", "portal cookie key v1", key);
	CHECK(memcmp(c.secret, key, 32) == 0);
	config_free(&c);
	CHECK(load(&c, &e, 0, "--templates", tpl, "--database-url=mysql://f:x@flaghost/f",
	           NULL) == 0);
	CHECK_STR(c.db.host, "flaghost");
	CHECK(c.workers == 5);
	config_free(&c);
	/* an empty environment variable does not hide the dotenv value */
	setenv("DATABASE_URL", "", 1);
	CHECK(load(&c, &e, 0, "--templates", tpl, NULL) == 0);
	CHECK_STR(c.db.host, "db.local");
	config_free(&c);
	clear_env();

	/* Kimai's example secret is refused; a short PORTAL_SECRET too */
	snprintf(path, sizeof(path), "%s/.env.local", kimai);
	unlink(path);
	CHECK(load(&c, &e, 0, "--kimai-dir", kimai, "--templates", tpl, "--listen",
	           "127.0.0.1:9000", NULL) == -1);
	CHECK(strstr(e.msg, "APP_SECRET in .env is still Kimai's example value") != NULL);
	CHECK(strstr(e.msg, "change_this") == NULL);
	setenv("PORTAL_SECRET", "short", 1);
	CHECK(load(&c, &e, 0, "--kimai-dir", kimai, "--listen", "127.0.0.1:9000", NULL) == -1);
	CHECK(strstr(e.msg, "PORTAL_SECRET is too short") != NULL);
	clear_env();

	/* missing pieces */
	CHECK(load(&c, &e, 0, "--listen", "127.0.0.1:9000", NULL) == -1);
	CHECK(strstr(e.msg, "no database configured") != NULL);
	CHECK(load(&c, &e, 0, "--database-url", "mysql://u:pw@h/db", "--listen",
	           "127.0.0.1:9000", NULL) == -1);
	CHECK(strstr(e.msg, "no secret") != NULL);
	CHECK(load(&c, &e, CONFIG_NO_SECRET | CONFIG_NO_SERVE, "--database-url",
	           "mysql://u:pw@h/db", NULL) == 0);
	CHECK(!c.has_secret);
	CHECK(c.listen_kind == LISTEN_NONE);
	config_free(&c);
	setenv("APP_SECRET", "0123456789abcdef0123", 1);
	CHECK(load(&c, &e, 0, "--database-url", "mysql://u:s3cretpw@h", "--templates", tpl,
	           NULL) == -1);
	CHECK(strstr(e.msg, "missing database name") != NULL);
	CHECK(strstr(e.msg, "s3cretpw") == NULL);
	CHECK(load(&c, &e, 0, "--kimai-dir", "/nonexistent/kimai", NULL) == -1);
	CHECK(strstr(e.msg, "--kimai-dir /nonexistent/kimai") != NULL);
	CHECK(load(&c, &e, 0, "--kimai-dir", tpl, NULL) == -1);
	CHECK(strstr(e.msg, "no .env") != NULL);

	/* listen forms */
	setenv("DATABASE_URL", "mysql://u:pw@h/db", 1);
	CHECK(load(&c, &e, 0, "--templates", tpl, "--listen", "[::1]:9001", NULL) == 0);
	CHECK(c.listen_kind == LISTEN_TCP && c.listen_port == 9001);
	CHECK_STR(c.listen_host, "::1");
	config_free(&c);
	static const char *const bad_listen[] = {
		":9000", "127.0.0.1", "127.0.0.1:0", "127.0.0.1:65536", "127.0.0.1:x", "unix:",
		"[::1]", "[::1]9000", "[zz]:9000", "h o:90", NULL,
	};
	for (size_t i = 0; bad_listen[i]; i++) {
		CHECK(load(&c, &e, 0, "--templates", tpl, "--listen", bad_listen[i], NULL) == -1);
		CHECK(strstr(e.msg, "--listen") != NULL);
	}
	/* no --listen: an error for the server, fine for sub-commands */
	struct stat st0;
	if (fstat(0, &st0) == 0 && !S_ISSOCK(st0.st_mode)) {
		CHECK(load(&c, &e, 0, "--templates", tpl, NULL) == -1);
		CHECK(strstr(e.msg, "no --listen given") != NULL);
	}
	CHECK(load(&c, &e, 0, "--templates", tpl, "check", NULL) == 0);
	CHECK_STR(c.command, "check");
	CHECK(c.cmd_argc == 0);
	config_free(&c);
	char pid[32];
	snprintf(pid, sizeof(pid), "%d", (int)getpid());
	setenv("LISTEN_PID", pid, 1);
	setenv("LISTEN_FDS", "1", 1);
	CHECK(load(&c, &e, 0, "--templates", tpl, NULL) == 0);
	CHECK(c.listen_kind == LISTEN_INHERITED && c.inherited_fd == 3);
	config_free(&c);
	setenv("LISTEN_PID", "1", 1);   /* meant for another process */
	CHECK(load(&c, &e, 0, "--templates", tpl, "check", NULL) == 0);
	CHECK(c.listen_kind != LISTEN_INHERITED || c.inherited_fd == 0);
	config_free(&c);
	unsetenv("LISTEN_PID");
	unsetenv("LISTEN_FDS");

	/* sub-command with its own arguments */
	CHECK(load(&c, &e, 0, "--templates", tpl, "share", "--project", "3", NULL) == 0);
	CHECK_STR(c.command, "share");
	CHECK(c.cmd_argc == 2);
	CHECK_STR(c.cmd_argv[0], "--project");
	CHECK_STR(c.cmd_argv[1], "3");
	config_free(&c);

	/* options after the command are the program's; the rest is the command's */
	CHECK(load(&c, &e, 0, "share", "rotate", "5", "--templates", tpl, "--workers=3",
	           "--help", NULL) == 0);
	CHECK_STR(c.command, "share");
	CHECK(c.workers == 3);
	CHECK_STR(c.templates_dir, tpl);
	CHECK(c.cmd_argc == 3);
	CHECK_STR(c.cmd_argv[0], "rotate");
	CHECK_STR(c.cmd_argv[1], "5");
	CHECK_STR(c.cmd_argv[2], "--help");
	config_free(&c);
	CHECK(load(&c, &e, 0, "check", "--templates", tpl, "--", "--workers", "x", NULL) == 0);
	CHECK_STR(c.command, "check");
	CHECK(c.cmd_argc == 2);
	CHECK_STR(c.cmd_argv[0], "--workers");
	config_free(&c);
	CHECK(load(&c, &e, 0, "check", "--listen", NULL) == -1);
	CHECK(strstr(e.msg, "--listen needs a value") != NULL);

	/* base path */
	CHECK(load(&c, &e, 0, "--templates", tpl, "check", NULL) == 0);
	CHECK_STR(c.base_path, "");
	config_free(&c);
	static const char *const base_ok[][2] = {
		{"/kimai", "/kimai"}, {"/kimai/", "/kimai"}, {"/a/b-c_d.e~f", "/a/b-c_d.e~f"},
		{"/", ""},
	};
	for (size_t i = 0; i < sizeof(base_ok) / sizeof(base_ok[0]); i++) {
		CHECK(load(&c, &e, 0, "--templates", tpl, "check", "--base-path", base_ok[i][0],
		           NULL) == 0);
		CHECK_STR(c.base_path, base_ok[i][1]);
		config_free(&c);
	}
	static const char *const base_bad[] = {
		"kimai", "", "/a//b", "/a/../b", "/./a", "/a/..", "/a b", "/a\"<", "/a?x", "/a%2f",
		("/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
	};
	for (size_t i = 0; i < sizeof(base_bad) / sizeof(base_bad[0]); i++) {
		CHECK(load(&c, &e, 0, "--templates", tpl, "--base-path", base_bad[i], "check",
		           NULL) == -1);
		CHECK(strstr(e.msg, "--base-path") != NULL);
	}
	setenv("PORTAL_BASE_PATH", "/time", 1);
	CHECK(load(&c, &e, 0, "--templates", tpl, "check", NULL) == 0);
	CHECK_STR(c.base_path, "/time");
	config_free(&c);
	unsetenv("PORTAL_BASE_PATH");

	/* numbers, levels, proxies */
	static const char *const bad_numbers[][2] = {
		{"--workers", "0"}, {"--workers", "257"}, {"--workers", "-1"}, {"--workers", "4x"},
		{"--workers", ""}, {"--db-timeout", "0"}, {"--db-timeout", "99999999999"},
		{"--log-level", "verbose"}, {"--trusted-proxy", "10.0.0.0/33"},
	};
	for (size_t i = 0; i < sizeof(bad_numbers) / sizeof(bad_numbers[0]); i++) {
		CHECK(load(&c, &e, 0, "--templates", tpl, bad_numbers[i][0], bad_numbers[i][1],
		           "check", NULL) == -1);
		CHECK(strstr(e.msg, bad_numbers[i][0]) != NULL);
	}
	CHECK(load(&c, &e, 0, "--templates", tpl, "--workers", "256", "--db-timeout", "30",
	           "--log-level", "debug", "--trusted-proxy", "127.0.0.1",
	           "--trusted-proxy=10.0.0.0/8", "check", NULL) == 0);
	CHECK(c.workers == 256 && c.db_timeout_s == 30 && c.log_level == 3);
	CHECK(c.n_trusted_proxies == 2);
	CHECK(cidr_match(&c.trusted_proxies[1], "10.2.3.4"));
	config_free(&c);
	setenv("PORTAL_TRUSTED_PROXIES", "127.0.0.1, ::1 10.0.0.0/8", 1);
	CHECK(load(&c, &e, 0, "--templates", tpl, "check", NULL) == 0);
	CHECK(c.n_trusted_proxies == 3);
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	CHECK(c.workers == (unsigned)(cpus * 2 > 256 ? 256 : cpus * 2));
	config_free(&c);
	unsetenv("PORTAL_TRUSTED_PROXIES");

	/* read replica */
	CHECK(load(&c, &e, 0, "--templates", tpl, "--read-database-url",
	           "mysql://r:pw@replica/db", "check", NULL) == 0);
	CHECK(c.has_read_db);
	CHECK_STR(c.read_db.host, "replica");
	config_free(&c);
	CHECK(load(&c, &e, 0, "--templates", tpl, "--read-database-url", "mysql://r:pw@replica",
	           "check", NULL) == -1);
	CHECK(strstr(e.msg, "--read-database-url: missing database name") != NULL);

	/* command line */
	CHECK(load(&c, &e, 0, "--bogus", NULL) == -1);
	CHECK(strstr(e.msg, "unknown option '--bogus'") != NULL);
	CHECK(load(&c, &e, 0, "--listen", NULL) == -1);
	CHECK(strstr(e.msg, "--listen needs a value") != NULL);
	CHECK(load(&c, &e, 0, "--help=1", NULL) == -1);
	CHECK(load(&c, &e, 0, "--version", NULL) == 1);
	CHECK(load(&c, &e, 0, "--templates", tpl, "--", "check", NULL) == 0);
	CHECK_STR(c.command, "check");
	config_free(&c);
	config_free(&c);
	config_free(NULL);

	/* default templates: the source tree's when run from it */
	CHECK(load(&c, &e, CONFIG_NO_SERVE, NULL) == 0);
	struct stat st;
	if (stat("cs_templates", &st) == 0)
		CHECK(strstr(c.templates_dir, "/cs_templates") != NULL);
	else
		CHECK(c.templates_dir != NULL);
	config_free(&c);
	clear_env();
}

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *f)
{
	(void)st;
	(void)type;
	(void)f;
	return remove(path);
}

int main(void)
{
	char dir[256];
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof(dir), "%s/test_config.XXXXXX", tmp && *tmp ? tmp : P_tmpdir);
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_dburl_ok();
	test_dburl_bad();
	test_dotenv_values();
	test_dotenv_expansion();
	test_dotenv_errors();
	test_dotenv_file(dir);
	test_cidr();
	test_config(dir);

	if (nftw(dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return check_done();
}
