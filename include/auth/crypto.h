/* Cryptographic primitives: constant-time comparison, HMAC-SHA256 (nettle),
 * encodings, kernel randomness, share keys, password hashes (libargon2 and
 * libcrypt's bcrypt) and the signed unlock cookie of password-protected
 * shares (docs/design.md, "Share pages").  Nothing here logs: secrets never reach the logs. */
#ifndef PORTAL_CRYPTO_H
#define PORTAL_CRYPTO_H

#include <stdbool.h>
#include <stddef.h>

#include "perr.h"
#include "random.h"

#define HMAC_SHA256_LEN 32

/* True when both byte strings are equal.  The time taken depends on the
 * lengths only, never on the contents. */
bool ct_equal(const void *a, size_t alen, const void *b, size_t blen);

void hmac_sha256(const void *key, size_t keylen, const void *msg, size_t msglen,
                 unsigned char out[HMAC_SHA256_LEN]);

/* Lower-case hex; `out` holds 2 * n + 1 bytes. */
void hex_encode(const unsigned char *in, size_t n, char *out);

/* Base64url without padding (RFC 4648 §5).  Encoding writes
 * B64URL_LEN(n) + 1 bytes into `out`.  Decoding is strict: only the URL
 * alphabet, no padding, no whitespace, canonical trailing bits; returns 0
 * and the decoded length, or -1 (also when `outcap` is too small). */
#define B64URL_LEN(n) (((n) / 3) * 4 + ((n) % 3 ? (n) % 3 + 1 : 0))
void b64url_encode(const unsigned char *in, size_t n, char *out);
int  b64url_decode(const char *in, size_t n, unsigned char *out, size_t outcap,
                   size_t *outlen);


/* Passwords longer than this are refused before any hashing. */
#define PASSWORD_MAX_LEN 4096

/* Checks `pw` against a stored hash: argon2id/argon2i ($argon2id$…,
 * $argon2i$…) and bcrypt ($2y$, $2b$, $2a$, as written by PHP).  Unknown or
 * malformed hashes, hashes with unreasonable cost parameters and oversized
 * passwords give false. */
bool password_verify(const char *hash, const char *pw, size_t pwlen);

/* Hashes a new password with argon2id (parameters in crypto.c).  `out`
 * should hold PASSWORD_HASH_MAX bytes. */
#define PASSWORD_HASH_MAX 128
int password_hash_new(const char *pw, size_t pwlen, char *out, size_t outlen,
                      struct perr *e);

/* The unlock cookie: "v1.<expiry>.<base64url(MAC)>" where MAC is
 * HMAC-SHA256(secret, "unlock|v1|<share id>|<share key>|<expiry>|<hash>").
 * Binding the stored password hash means that changing or removing the
 * password, or rotating the share key, invalidates every cookie. */
#define UNLOCK_SECRET_LEN  32
#define UNLOCK_COOKIE_MAX  96      /* longer values are rejected unread */
int  unlock_cookie_make(const unsigned char secret[UNLOCK_SECRET_LEN],
                        long long share_id, const char *share_key,
                        const char *stored_hash, long long expires,
                        char *out, size_t outlen);
/* True only for a well-formed, unexpired cookie made for exactly this share
 * id, key and hash.  Anything else is simply "not valid", never an error. */
bool unlock_cookie_verify(const unsigned char secret[UNLOCK_SECRET_LEN],
                          long long share_id, const char *share_key,
                          const char *stored_hash, const char *value,
                          long long now);

#endif
