/* Unit tests of crypto.c: HMAC vectors, encodings, share keys, password
 * hashes of every supported format and the unlock cookie. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "crypto.h"

static void hex_of_hmac(const void *key, size_t klen, const void *msg, size_t mlen,
                        char out[2 * HMAC_SHA256_LEN + 1])
{
	unsigned char mac[HMAC_SHA256_LEN];

	hmac_sha256(key, klen, msg, mlen, mac);
	hex_encode(mac, sizeof mac, out);
}

/* RFC 4231 test cases 1–4, 6 and 7 (case 5 tests truncated output). */
static void test_hmac_rfc4231(void)
{
	unsigned char k[131], d[50];
	char hex[65];

	memset(k, 0x0b, 20);
	hex_of_hmac(k, 20, "Hi There", 8, hex);
	CHECK_STR(hex, "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");

	hex_of_hmac("Jefe", 4, "what do ya want for nothing?", 28, hex);
	CHECK_STR(hex, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");

	memset(k, 0xaa, 20);
	memset(d, 0xdd, 50);
	hex_of_hmac(k, 20, d, 50, hex);
	CHECK_STR(hex, "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");

	for (int i = 0; i < 25; i++)
		k[i] = (unsigned char)(i + 1);
	memset(d, 0xcd, 50);
	hex_of_hmac(k, 25, d, 50, hex);
	CHECK_STR(hex, "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");

	memset(k, 0xaa, 131);
	const char *m6 = "Test Using Larger Than Block-Size Key - Hash Key First";
	hex_of_hmac(k, 131, m6, strlen(m6), hex);
	CHECK_STR(hex, "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");

	const char *m7 = "This is a test using a larger than block-size key and a larger "
	                 "than block-size data. The key needs to be hashed before being "
	                 "used by the HMAC algorithm.";
	hex_of_hmac(k, 131, m7, strlen(m7), hex);
	CHECK_STR(hex, "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

static void test_ct_equal(void)
{
	CHECK(ct_equal("abc", 3, "abc", 3));
	CHECK(!ct_equal("abc", 3, "abd", 3));
	CHECK(!ct_equal("abc", 3, "ab", 2));
	CHECK(ct_equal("", 0, "", 0));
	CHECK(!ct_equal("a", 1, "", 0));
}

static void test_b64url(void)
{
	/* RFC 4648 §10 vectors, without padding. */
	static const char *const plain[] = { "", "f", "fo", "foo", "foob", "fooba", "foobar" };
	static const char *const enc[]   = { "", "Zg", "Zm8", "Zm9v", "Zm9vYg", "Zm9vYmE", "Zm9vYmFy" };
	char out[32];
	unsigned char dec[32];
	size_t n;

	for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
		b64url_encode((const unsigned char *)plain[i], strlen(plain[i]), out);
		CHECK_STR(out, enc[i]);
		CHECK(strlen(out) == B64URL_LEN(strlen(plain[i])));
		CHECK(b64url_decode(enc[i], strlen(enc[i]), dec, sizeof dec, &n) == 0);
		CHECK(n == strlen(plain[i]) && memcmp(dec, plain[i], n) == 0);
	}
	const unsigned char hi[] = { 0xfb, 0xff, 0xbf };
	b64url_encode(hi, 3, out);
	CHECK_STR(out, "-_-_");
	CHECK(b64url_decode("Zm9v=", 5, dec, sizeof dec, &n) < 0);    /* padding */
	CHECK(b64url_decode("Zm+v", 4, dec, sizeof dec, &n) < 0);     /* '+' */
	CHECK(b64url_decode("Z", 1, dec, sizeof dec, &n) < 0);        /* 6 bits */
	CHECK(b64url_decode("Zh", 2, dec, sizeof dec, &n) < 0);       /* non-canonical */
	CHECK(b64url_decode("Zm9vYmFy", 8, dec, 5, &n) < 0);          /* too small */
}

static void test_share_key(void)
{
	char k[SHARE_KEY_LEN + 1], k2[SHARE_KEY_LEN + 1];
	struct perr e = { 0 };
	int seen[256] = { 0 };

	CHECK(share_key_new(k, &e) == 0);
	CHECK(strlen(k) == SHARE_KEY_LEN);
	CHECK(share_key_new(k2, &e) == 0);
	CHECK(strcmp(k, k2) != 0);
	for (int round = 0; round < 200; round++) {
		CHECK(share_key_new(k, &e) == 0);
		for (size_t i = 0; i < SHARE_KEY_LEN; i++)
			seen[(unsigned char)k[i]]++;
	}
	int distinct = 0, bad = 0;
	for (int c = 0; c < 256; c++) {
		if (!seen[c])
			continue;
		distinct++;
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
			bad++;
	}
	CHECK(bad == 0);
	CHECK(distinct == 62);     /* 4000 draws: all 62 characters appear */
}

/* Every user of the Kimai dumps has password "changeme" (bcrypt, cost 13). */
static const char kimai_hash[] =
	"$2y$13$Kimai.Portal.Test.SalefJC/zpDK8kSvT2WK6kiATUURzefUw2e";

static void test_password_bcrypt(void)
{
	char h[sizeof kimai_hash];

	CHECK(password_verify(kimai_hash, "changeme", 8));
	CHECK(!password_verify(kimai_hash, "changemE", 8));
	CHECK(!password_verify(kimai_hash, "changeme", 7));
	CHECK(!password_verify(kimai_hash, "", 0));
	CHECK(!password_verify(kimai_hash, "changeme\0x", 10));

	/* $2b$ and $2a$ are the same algorithm for ASCII passwords. */
	memcpy(h, kimai_hash, sizeof h);
	h[2] = 'b';
	CHECK(password_verify(h, "changeme", 8));
	h[2] = 'a';
	CHECK(password_verify(h, "changeme", 8));
	h[2] = 'x';
	CHECK(!password_verify(h, "changeme", 8));

	/* crypt_blowfish's published vectors, under the $2b$ prefix. */
	CHECK(password_verify("$2b$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
	                      "U*U", 3));
	CHECK(password_verify("$2b$05$CCCCCCCCCCCCCCCCCCCCC.VGOzA784oUp/Z0DY336zx7pLYAy0lwK",
	                      "U*U*", 4));
	CHECK(!password_verify("$2b$05$CCCCCCCCCCCCCCCCCCCCC.VGOzA784oUp/Z0DY336zx7pLYAy0lwK",
	                       "U*U", 3));

	/* Malformed or unreasonable hashes are refused without hashing. */
	CHECK(!password_verify("$2y$31$Kimai.Portal.Test.SalefJC/zpDK8kSvT2WK6kiATUURzefUw2e",
	                       "changeme", 8));
	CHECK(!password_verify("$2y$13$Kimai.Portal.Test.SalefJC/zpDK8kSvT2WK6kiATUURzefUw2",
	                       "changeme", 8));
	CHECK(!password_verify("$2y$13$Kimai.Portal.Test.SalefJC/zpDK8kSvT2WK6kiATUURzefUw2e!",
	                       "changeme", 8));
	CHECK(!password_verify("$2y$13$Kimai.Portal.Test.SalefJC/zpDK8kSvT2WK6kiATUURzefUw2*",
	                       "changeme", 8));
}

static void test_password_argon2(void)
{
	/* Reference vectors of the argon2 implementation (password "password",
	 * salt "somesalt"). */
	static const char a2i[] =
		"$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA";
	static const char a2id[] =
		"$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
	char h[PASSWORD_HASH_MAX];
	struct perr e = { 0 };

	CHECK(password_verify(a2i, "password", 8));
	CHECK(!password_verify(a2i, "Password", 8));
	CHECK(password_verify(a2id, "password", 8));
	CHECK(!password_verify(a2id, "passwore", 8));
	/* The type comes from the prefix: a relabelled hash fails. */
	CHECK(!password_verify("$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA",
	                       "password", 8));

	/* Cost parameters beyond the caps are refused before hashing. */
	CHECK(!password_verify("$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
	                       "password", 8));
	CHECK(!password_verify("$argon2id$v=19$m=65536,t=99,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
	                       "password", 8));
	CHECK(!password_verify("$argon2id$v=19$m=65536,t=2$c29tZXNhbHQ$x", "password", 8));
	CHECK(!password_verify("$argon2d$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
	                       "password", 8));

	/* New hashes: argon2id, salted, verifiable. */
	CHECK(password_hash_new("hunter2", 7, h, sizeof h, &e) == 0);
	CHECK(strncmp(h, "$argon2id$v=19$", 15) == 0);
	CHECK(password_verify(h, "hunter2", 7));
	CHECK(!password_verify(h, "hunter3", 7));
	char h2[PASSWORD_HASH_MAX];
	CHECK(password_hash_new("hunter2", 7, h2, sizeof h2, &e) == 0);
	CHECK(strcmp(h, h2) != 0);   /* fresh salt */
}

static void test_password_misc(void)
{
	char *big = calloc(1, PASSWORD_MAX_LEN + 2);
	char h[PASSWORD_HASH_MAX];
	struct perr e = { 0 };

	CHECK(!password_verify(NULL, "x", 1));
	CHECK(!password_verify("", "x", 1));
	CHECK(!password_verify("plaintext", "plaintext", 9));
	CHECK(!password_verify("$1$abc$def", "x", 1));
	memset(big, 'a', PASSWORD_MAX_LEN + 1);
	CHECK(!password_verify(kimai_hash, big, PASSWORD_MAX_LEN + 1));
	CHECK(password_hash_new(big, PASSWORD_MAX_LEN + 1, h, sizeof h, &e) < 0);
	CHECK(e.kind == PERR_BAD_INPUT);
	CHECK(password_hash_new("x", 1, h, 16, &e) < 0);
	free(big);
}

static const unsigned char secret[UNLOCK_SECRET_LEN] = "0123456789abcdef0123456789abcdef";
static const unsigned char secret2[UNLOCK_SECRET_LEN] = "0123456789abcdef0123456789abcdeF";

static void test_cookie(void)
{
	const char *key = "AbCdEfGhIj0123456789", *hash = kimai_hash;
	const long long now = 1700000000, exp = now + 3600;
	char c[UNLOCK_COOKIE_MAX + 1], t[UNLOCK_COOKIE_MAX + 8];
	static const char repl[] = "0a.-_Z9";

	CHECK(unlock_cookie_make(secret, 7, key, hash, exp, c, sizeof c) == 0);
	CHECK(strncmp(c, "v1.1700003600.", 14) == 0);
	CHECK(strlen(c) == 14 + 43);
	CHECK(unlock_cookie_verify(secret, 7, key, hash, c, now));
	CHECK(unlock_cookie_verify(secret, 7, key, hash, c, exp - 1));

	/* Deterministic: the same inputs give the same value. */
	char c2[UNLOCK_COOKIE_MAX + 1];
	CHECK(unlock_cookie_make(secret, 7, key, hash, exp, c2, sizeof c2) == 0);
	CHECK_STR(c, c2);

	/* Expiry, wrong share, key, hash or secret. */
	CHECK(!unlock_cookie_verify(secret, 7, key, hash, c, exp));
	CHECK(!unlock_cookie_verify(secret, 7, key, hash, c, exp + 100));
	CHECK(!unlock_cookie_verify(secret, 8, key, hash, c, now));
	CHECK(!unlock_cookie_verify(secret, 7, "AbCdEfGhIj0123456788", hash, c, now));
	CHECK(!unlock_cookie_verify(secret, 7, key,
	                            "$2y$13$Kimai.Portal.Test.SalefJC/zpDK8kSvT2WK6kiATUURzefUw2f",
	                            c, now));
	CHECK(!unlock_cookie_verify(secret, 7, key, "", c, now));
	CHECK(!unlock_cookie_verify(secret2, 7, key, hash, c, now));
	CHECK(!unlock_cookie_verify(secret, 7, NULL, hash, c, now));
	CHECK(!unlock_cookie_verify(secret, 7, key, NULL, c, now));

	/* Every single-byte change is refused. */
	size_t len = strlen(c);
	int accepted = 0;
	for (size_t i = 0; i < len; i++) {
		for (size_t r = 0; r < sizeof repl - 1; r++) {
			if (c[i] == repl[r])
				continue;
			memcpy(t, c, len + 1);
			t[i] = repl[r];
			if (unlock_cookie_verify(secret, 7, key, hash, t, now))
				accepted++;
		}
		memcpy(t, c, len + 1);
		t[i] ^= 1;
		if (unlock_cookie_verify(secret, 7, key, hash, t, now))
			accepted++;
	}
	CHECK(accepted == 0);

	/* Truncations and extensions. */
	for (size_t n = 0; n < len; n++) {
		memcpy(t, c, n);
		t[n] = '\0';
		if (unlock_cookie_verify(secret, 7, key, hash, t, now))
			accepted++;
	}
	CHECK(accepted == 0);
	memcpy(t, c, len);
	memcpy(t + len, "A", 2);
	CHECK(!unlock_cookie_verify(secret, 7, key, hash, t, now));
	memcpy(t, c, len + 1);
	t[len - 1] = '\0';      /* truncated MAC */
	CHECK(!unlock_cookie_verify(secret, 7, key, hash, t, now));

	/* Malformed shapes. */
	CHECK(!unlock_cookie_verify(secret, 7, key, hash, NULL, now));
	CHECK(!unlock_cookie_verify(secret, 7, key, hash, "", now));
	CHECK(!unlock_cookie_verify(secret, 7, key, hash, "v1..", now));
	CHECK(!unlock_cookie_verify(secret, 7, key, hash, "v2.1700003600.x", now));
	/* A leading zero would be another spelling of the same expiry. */
	snprintf(t, sizeof t, "v1.0%s", c + 3);
	CHECK(!unlock_cookie_verify(secret, 7, key, hash, t, now));
	/* Overlong input is refused unread. */
	char longv[512];
	memset(longv, 'A', sizeof longv - 1);
	longv[sizeof longv - 1] = '\0';
	memcpy(longv, c, len);
	CHECK(!unlock_cookie_verify(secret, 7, key, hash, longv, now));

	/* Making refuses bad inputs and small buffers. */
	CHECK(unlock_cookie_make(secret, 0, key, hash, exp, c, sizeof c) < 0);
	CHECK(unlock_cookie_make(secret, 7, "bad|key", hash, exp, c, sizeof c) < 0);
	CHECK(unlock_cookie_make(secret, 7, key, hash, exp, c, 20) < 0);
	CHECK(unlock_cookie_make(secret, 7, key, NULL, exp, c, sizeof c) < 0);
}

int main(void)
{
	test_hmac_rfc4231();
	test_ct_equal();
	test_b64url();
	test_share_key();
	test_password_bcrypt();
	test_password_argon2();
	test_password_misc();
	test_cookie();
	return check_done();
}
