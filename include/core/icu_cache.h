/* A small per-thread cache of ICU objects (calendars, date and number
 * formatters), least recently used out.  Opening an ICU object costs far
 * more than a request's other work, so each worker thread keeps one cache
 * (owned by its struct tzctx, tz.h) and opens each object once.  Not
 * shared between threads. */
#ifndef PORTAL_ICU_CACHE_H
#define PORTAL_ICU_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include <unicode/utypes.h>

#define ICU_KEY_MAX 128

/* What an entry holds; the kind is part of the key. */
enum icu_kind {
	ICU_DATE,      /* UDateFormat: locale|pattern|zone ("@skeleton" allowed) */
	ICU_DECIMAL,   /* UNumberFormat: locale */
	ICU_MONEY,     /* UNumberFormat: locale|currency */
	ICU_PERCENT,   /* UNumberFormat: locale */
	ICU_CAL,       /* UCalendar: zone (its mere presence means "valid zone") */
	ICU_BAD,       /* remembered rejection, no object: "zone:X" or "cur:X" */
};

struct icu_entry {
	uint32_t       hash;     /* of kind and key; 0 = empty slot */
	enum icu_kind  kind;
	void          *obj;
	unsigned long  used;     /* LRU clock */
	char           key[ICU_KEY_MAX];
};

struct icu_cache;

struct icu_cache *icu_cache_new(void);
void              icu_cache_free(struct icu_cache *c);   /* NULL is a no-op */

/* The entry of (kind, key), or NULL. */
struct icu_entry *icu_cache_find(struct icu_cache *c, enum icu_kind k, const char *key);
/* Stores `obj` (the cache owns it from now on and closes it when evicted). */
void icu_cache_put(struct icu_cache *c, enum icu_kind k, const char *key, void *obj);
/* Builds a cache key; -1 when it would not fit (never with valid inputs). */
int icu_key(char key[ICU_KEY_MAX], const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ASCII-only text (locale ids, patterns, zone names) to UTF-16; -1 when
 * it does not fit in `cap` units. */
int icu_ascii_to_u16(const char *s, UChar *u, size_t cap);
/* A UTF-16 result to UTF-8 `out`; NULL when it does not fit. */
const char *icu_u16_to_utf8(const UChar *u, int32_t n, char *out, size_t outsz);

#endif
