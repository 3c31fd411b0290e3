/* Cryptographic primitives (crypto.h).  Hashes and MACs come from vetted
 * libraries (nettle, libargon2, libcrypt); this file only glues them
 * together, bounds every input and keeps comparisons constant-time. */
#include "crypto.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include <argon2.h>
#include <crypt.h>
#include <nettle/hmac.h>
#include <nettle/memops.h>

#include "arena.h"
#include "intparse.h"

/* argon2id parameters for new passwords.  RFC 9106 and OWASP's password
 * storage guidance both accept m=19 MiB/t=2 as a floor; we use twice that
 * memory: t=2 passes over m=32 MiB with one lane cost ≈ 90 ms per hash on
 * a 2-core reference machine.  That keeps an unlock POST well under a
 * human's notice, while an offline guess costs the same 32 MiB and 90 ms.
 * The memory is held only while a hash is computed, so N workers verifying
 * at once need N × 32 MiB. */
#define ARGON2_NEW_T      2u
#define ARGON2_NEW_M_KIB  32768u
#define ARGON2_NEW_P      1u
#define ARGON2_SALT_LEN   16u
#define ARGON2_HASH_LEN   32u

/* Upper bounds for stored hashes, so a hash from the database cannot make
 * one request take seconds or gigabytes.  They leave room for every
 * common configuration (PHP's argon2 default is m=64 MiB, t=4; Symfony's
 * bcrypt default is cost 13, ≈ 0.5 s here). */
#define ARGON2_MAX_M_KIB  (256u * 1024u)
#define ARGON2_MAX_T      16u
#define ARGON2_MAX_P      8u
#define BCRYPT_MIN_COST   4
#define BCRYPT_MAX_COST   15
#define BCRYPT_HASH_LEN   60
#define STORED_HASH_MAX   255      /* the plugin's column is VARCHAR(255) */

bool ct_equal(const void *a, size_t alen, const void *b, size_t blen)
{
	/* Lengths are public (hash formats, MAC sizes); only contents matter. */
	if (alen != blen)
		return false;
	if (alen == 0)
		return true;
	return memeql_sec(a, b, alen) != 0;
}

void hmac_sha256(const void *key, size_t keylen, const void *msg, size_t msglen,
                 unsigned char out[HMAC_SHA256_LEN])
{
	struct hmac_sha256_ctx ctx;

	hmac_sha256_set_key(&ctx, keylen, key);
	hmac_sha256_update(&ctx, msglen, msg);
	hmac_sha256_digest(&ctx, HMAC_SHA256_LEN, out);
	explicit_bzero(&ctx, sizeof ctx);   /* holds key-derived state */
}

void hex_encode(const unsigned char *in, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++) {
		out[2 * i]     = digits[in[i] >> 4];
		out[2 * i + 1] = digits[in[i] & 15];
	}
	out[2 * n] = '\0';
}

static const char b64url_alphabet[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

void b64url_encode(const unsigned char *in, size_t n, char *out)
{
	size_t o = 0, i = 0;

	for (; i + 3 <= n; i += 3) {
		uint32_t v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8 | in[i + 2];
		out[o++] = b64url_alphabet[v >> 18];
		out[o++] = b64url_alphabet[(v >> 12) & 63];
		out[o++] = b64url_alphabet[(v >> 6) & 63];
		out[o++] = b64url_alphabet[v & 63];
	}
	if (n - i == 1) {
		uint32_t v = (uint32_t)in[i] << 16;
		out[o++] = b64url_alphabet[v >> 18];
		out[o++] = b64url_alphabet[(v >> 12) & 63];
	} else if (n - i == 2) {
		uint32_t v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8;
		out[o++] = b64url_alphabet[v >> 18];
		out[o++] = b64url_alphabet[(v >> 12) & 63];
		out[o++] = b64url_alphabet[(v >> 6) & 63];
	}
	out[o] = '\0';
}

static int b64url_value(unsigned char c)
{
	if (c >= 'A' && c <= 'Z') return c - 'A';
	if (c >= 'a' && c <= 'z') return c - 'a' + 26;
	if (c >= '0' && c <= '9') return c - '0' + 52;
	if (c == '-') return 62;
	if (c == '_') return 63;
	return -1;
}

int b64url_decode(const char *in, size_t n, unsigned char *out, size_t outcap,
                  size_t *outlen)
{
	size_t need = n / 4 * 3 + (n % 4 ? n % 4 - 1 : 0);
	uint32_t acc = 0;
	unsigned bits = 0;
	size_t o = 0;

	if (n % 4 == 1 || need > outcap)
		return -1;
	for (size_t i = 0; i < n; i++) {
		int v = b64url_value((unsigned char)in[i]);
		if (v < 0)
			return -1;
		acc = (acc << 6 | (uint32_t)v) & 0xffffff;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (unsigned char)(acc >> bits);
		}
	}
	/* Leftover bits must be zero: one value has exactly one encoding. */
	if (bits && (acc & ((1u << bits) - 1)))
		return -1;
	*outlen = o;
	return 0;
}

/* Reads a decimal number of at most 9 digits at *s, advancing it. */
static bool parse_small_uint(const char **s, uint32_t *out)
{
	size_t n = strspn(*s, "0123456789");
	long long v;

	if (n > 9 || int_parse(*s, n, 0, 999999999, 0, &v))
		return false;
	*s += n;
	*out = (uint32_t)v;
	return true;
}

static bool expect(const char **s, const char *lit)
{
	size_t n = strlen(lit);

	if (strncmp(*s, lit, n) != 0)
		return false;
	*s += n;
	return true;
}

/* Checks the cost parameters of "$argon2X$[v=N$]m=M,t=T,p=P$…" before
 * libargon2 gets to allocate M KiB. */
static bool argon2_params_ok(const char *params)
{
	const char *s = params;
	uint32_t v, m, t, p;

	if (expect(&s, "v=") && (!parse_small_uint(&s, &v) || !expect(&s, "$")))
		return false;
	if (!expect(&s, "m=") || !parse_small_uint(&s, &m) ||
	    !expect(&s, ",t=") || !parse_small_uint(&s, &t) ||
	    !expect(&s, ",p=") || !parse_small_uint(&s, &p) || !expect(&s, "$"))
		return false;
	return m <= ARGON2_MAX_M_KIB && t >= 1 && t <= ARGON2_MAX_T &&
	       p >= 1 && p <= ARGON2_MAX_P;
}

static bool argon2_check(const char *hash, argon2_type type, const char *params,
                         const char *pw, size_t pwlen)
{
	if (!argon2_params_ok(params))
		return false;
	/* argon2_verify recomputes the hash and compares in constant time. */
	return argon2_verify(hash, pw, pwlen, type) == ARGON2_OK;
}

static bool bcrypt_format_ok(const char *hash, size_t len)
{
	long long cost;

	if (len != BCRYPT_HASH_LEN || hash[0] != '$' || hash[1] != '2' ||
	    (hash[2] != 'y' && hash[2] != 'b' && hash[2] != 'a') || hash[3] != '$' ||
	    hash[6] != '$')
		return false;
	if (int_parse(hash + 4, 2, BCRYPT_MIN_COST, BCRYPT_MAX_COST, 0, &cost))
		return false;
	for (size_t i = 7; i < len; i++) {
		char c = hash[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		      (c >= '0' && c <= '9') || c == '.' || c == '/'))
			return false;
	}
	return true;
}

static bool bcrypt_check(const char *hash, size_t hashlen, const char *pw, size_t pwlen)
{
	struct crypt_data *cd = NULL;
	char *pwz = NULL;
	const char *res;
	bool ok = false;

	/* crypt() takes a C string: a password with a NUL cannot match. */
	if (!bcrypt_format_ok(hash, hashlen) || memchr(pw, '\0', pwlen))
		return false;
	pwz = xmalloc(pwlen + 1);
	memcpy(pwz, pw, pwlen);
	pwz[pwlen] = '\0';
	/* ≈ 32 KiB of per-call state: on the heap, and one per call keeps
	 * crypt_rn thread-safe. */
	cd = xcalloc(1, sizeof *cd);
	res = crypt_rn(pwz, hash, cd, (int)sizeof *cd);
	if (res && res[0] != '*')
		ok = ct_equal(res, strnlen(res, CRYPT_OUTPUT_SIZE), hash, hashlen);

	explicit_bzero(pwz, pwlen + 1);
	explicit_bzero(cd, sizeof *cd);
	free(pwz);
	free(cd);
	return ok;
}

/* Password hashes are computed by at most half as many threads at once as
 * there are CPUs (at least one): a burst of unlock attempts then leaves
 * the other half to the share pages, and since each argon2 hash holds its
 * memory cost while it runs (32 MiB for ours, up to ARGON2_MAX_M_KIB for
 * others'), the burst does not multiply that by the number of workers.
 * Real clients unlock rarely (the cookie lasts), so waiting costs them
 * little. */
static pthread_mutex_t hash_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t  hash_free = PTHREAD_COND_INITIALIZER;
static unsigned        hash_busy, hash_max;
/* Waiting in hash_enter() still holds a worker, and a worker waiting there
 * is one fewer for the pages: unlock checks admitted (running or waiting)
 * are bounded too, to the hashing slots and to half the workers.  The
 * rest are answered at once (page_unlock.c), without a check: under a
 * flood, a queue of waiting checks would only add workers held and
 * latency, not throughput (docs/hardening.md). */
static unsigned        admitted, admit_max;

/* With hash_lock held. */
static void hash_limits(void)
{
	if (hash_max == 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN) / 2;
		hash_max = n > 0 && n < 1024 ? (unsigned)n : 1;
	}
	if (admit_max == 0)
		admit_max = hash_max;
}

void password_checks_limit(unsigned workers)
{
	pthread_mutex_lock(&hash_lock);
	hash_limits();
	admit_max = hash_max;
	if (admit_max > workers / 2)
		admit_max = workers / 2 ? workers / 2 : 1;
	pthread_mutex_unlock(&hash_lock);
}

bool password_check_admit(void)
{
	bool ok;

	pthread_mutex_lock(&hash_lock);
	hash_limits();
	ok = admitted < admit_max;
	if (ok)
		admitted++;
	pthread_mutex_unlock(&hash_lock);
	return ok;
}

void password_check_release(void)
{
	pthread_mutex_lock(&hash_lock);
	if (admitted > 0)
		admitted--;
	pthread_mutex_unlock(&hash_lock);
}

bool password_long_enough(const char *pw, size_t pwlen)
{
	size_t chars = 0;

	/* Code points: every byte that does not continue a UTF-8 sequence. */
	for (size_t i = 0; pw && i < pwlen; i++)
		if (((unsigned char)pw[i] & 0xc0) != 0x80)
			chars++;
	return chars >= PASSWORD_MIN_CHARS;
}

static void hash_enter(void)
{
	pthread_mutex_lock(&hash_lock);
	hash_limits();
	while (hash_busy >= hash_max)
		pthread_cond_wait(&hash_free, &hash_lock);
	hash_busy++;
	pthread_mutex_unlock(&hash_lock);
}

static void hash_leave(void)
{
	pthread_mutex_lock(&hash_lock);
	hash_busy--;
	pthread_cond_signal(&hash_free);
	pthread_mutex_unlock(&hash_lock);
}

static bool verify_any(const char *hash, size_t hashlen, const char *pw, size_t pwlen)
{
	if (strncmp(hash, "$argon2id$", 10) == 0)
		return argon2_check(hash, Argon2_id, hash + 10, pw, pwlen);
	if (strncmp(hash, "$argon2i$", 9) == 0)
		return argon2_check(hash, Argon2_i, hash + 9, pw, pwlen);
	if (strncmp(hash, "$2", 2) == 0)
		return bcrypt_check(hash, hashlen, pw, pwlen);
	return false;
}

bool password_verify(const char *hash, const char *pw, size_t pwlen)
{
	size_t hashlen;
	bool ok;

	if (!hash || !pw || pwlen > PASSWORD_MAX_LEN)
		return false;
	hashlen = strnlen(hash, STORED_HASH_MAX + 1);
	if (hashlen > STORED_HASH_MAX)
		return false;
	hash_enter();
	ok = verify_any(hash, hashlen, pw, pwlen);
	hash_leave();
	return ok;
}

int password_hash_new(const char *pw, size_t pwlen, char *out, size_t outlen,
                      struct perr *e)
{
	unsigned char salt[ARGON2_SALT_LEN];
	int rc;

	if (!pw || pwlen > PASSWORD_MAX_LEN)
		return PERR(e, PERR_BAD_INPUT, "password too long");
	if (outlen < argon2_encodedlen(ARGON2_NEW_T, ARGON2_NEW_M_KIB, ARGON2_NEW_P,
	                               ARGON2_SALT_LEN, ARGON2_HASH_LEN, Argon2_id))
		return PERR(e, PERR_INTERNAL, "hash buffer too small");
	if (random_bytes(salt, sizeof salt, e) < 0)
		return -1;
	hash_enter();
	rc = argon2id_hash_encoded(ARGON2_NEW_T, ARGON2_NEW_M_KIB, ARGON2_NEW_P,
	                           pw, pwlen, salt, sizeof salt, ARGON2_HASH_LEN,
	                           out, outlen);
	hash_leave();
	if (rc != ARGON2_OK)
		return PERR(e, PERR_INTERNAL, "argon2id: %s", argon2_error_message(rc));
	return 0;
}

/* ---- unlock cookie ---- */

#define COOKIE_PREFIX      "v1."
#define COOKIE_EXPIRY_MAX  12      /* decimal digits: beyond year 33000 */
#define COOKIE_MAC_B64     B64URL_LEN(HMAC_SHA256_LEN)   /* 43 */
#define SHARE_KEY_MAX      64      /* bound for the MAC input */

static bool share_key_ok(const char *key)
{
	size_t n = key ? strnlen(key, SHARE_KEY_MAX + 1) : 0;

	if (n == 0 || n > SHARE_KEY_MAX)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = key[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
			return false;
	}
	return true;
}

/* The MAC input puts the only free-form field (the hash) last, after
 * fields that cannot contain '|', so two different tuples never give the
 * same message. */
static bool cookie_mac(const unsigned char secret[UNLOCK_SECRET_LEN],
                       long long share_id, const char *share_key,
                       const char *stored_hash, long long expires,
                       unsigned char mac[HMAC_SHA256_LEN])
{
	char msgbuf[64 + SHARE_KEY_MAX + STORED_HASH_MAX];
	int n;

	if (share_id <= 0 || expires <= 0 || !share_key_ok(share_key) || !stored_hash ||
	    strnlen(stored_hash, STORED_HASH_MAX + 1) > STORED_HASH_MAX)
		return false;
	n = snprintf(msgbuf, sizeof msgbuf, "unlock|v1|%lld|%s|%lld|%s",
	             share_id, share_key, expires, stored_hash);
	if (n < 0 || (size_t)n >= sizeof msgbuf)
		return false;
	hmac_sha256(secret, UNLOCK_SECRET_LEN, msgbuf, (size_t)n, mac);
	explicit_bzero(msgbuf, sizeof msgbuf);
	return true;
}

int unlock_cookie_make(const unsigned char secret[UNLOCK_SECRET_LEN],
                       long long share_id, const char *share_key,
                       const char *stored_hash, long long expires,
                       char *out, size_t outlen)
{
	unsigned char mac[HMAC_SHA256_LEN];
	char b64[COOKIE_MAC_B64 + 1];
	int n;

	if (expires >= 1000000000000LL ||
	    !cookie_mac(secret, share_id, share_key, stored_hash, expires, mac))
		return -1;
	b64url_encode(mac, sizeof mac, b64);
	n = snprintf(out, outlen, COOKIE_PREFIX "%lld.%s", expires, b64);
	if (n < 0 || (size_t)n >= outlen)
		return -1;
	return 0;
}

bool unlock_cookie_verify(const unsigned char secret[UNLOCK_SECRET_LEN],
                          long long share_id, const char *share_key,
                          const char *stored_hash, const char *value,
                          long long now)
{
	unsigned char want[HMAC_SHA256_LEN], got[HMAC_SHA256_LEN];
	const char *p, *mac_start;
	long long expires = 0;
	size_t len, ndigits = 0, gotlen = 0;

	if (!value)
		return false;
	len = strnlen(value, UNLOCK_COOKIE_MAX + 1);
	if (len > UNLOCK_COOKIE_MAX || strncmp(value, COOKIE_PREFIX, 3) != 0)
		return false;
	p = value + 3;
	/* Expiry: 1–12 digits, no leading zero, so each value has one form. */
	ndigits = strspn(p, "0123456789");
	if (ndigits > COOKIE_EXPIRY_MAX ||
	    int_parse(p, ndigits, 1, LLONG_MAX, INT_NO_LEAD0, &expires))
		return false;
	p += ndigits;
	if (*p != '.')
		return false;
	mac_start = p + 1;
	if ((size_t)(value + len - mac_start) != COOKIE_MAC_B64 ||
	    b64url_decode(mac_start, COOKIE_MAC_B64, got, sizeof got, &gotlen) < 0 ||
	    gotlen != sizeof got)
		return false;
	if (expires <= now)
		return false;
	if (!cookie_mac(secret, share_id, share_key, stored_hash, expires, want))
		return false;
	return ct_equal(want, sizeof want, got, sizeof got);
}
