/* The per-thread ICU object cache (icu_cache.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

#include "arena.h"
#include "icu_cache.h"

/* A handful of zones x languages x kinds; a share page uses fewer than 20. */
#define ICU_SLOTS 64

struct icu_cache {
	struct icu_entry e[ICU_SLOTS];
	unsigned long    tick;
};

static uint32_t key_hash(enum icu_kind k, const char *key)
{
	uint32_t h = 2166136261u ^ (uint32_t)k;   /* FNV-1a */

	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h ? h : 1;
}

static void obj_close(enum icu_kind k, void *obj)
{
	if (obj == NULL)
		return;
	switch (k) {
	case ICU_DATE:
		udat_close(obj);
		break;
	case ICU_DECIMAL:
	case ICU_MONEY:
	case ICU_PERCENT:
		unum_close(obj);
		break;
	case ICU_CAL:
		ucal_close(obj);
		break;
	case ICU_BAD:
		break;
	}
}

struct icu_cache *icu_cache_new(void)
{
	return xcalloc(1, sizeof(struct icu_cache));
}

void icu_cache_free(struct icu_cache *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < ICU_SLOTS; i++)
		obj_close(c->e[i].kind, c->e[i].obj);
	free(c);
}

struct icu_entry *icu_cache_find(struct icu_cache *c, enum icu_kind k, const char *key)
{
	uint32_t h = key_hash(k, key);

	for (size_t i = 0; i < ICU_SLOTS; i++) {
		struct icu_entry *f = &c->e[i];

		if (f->hash == h && f->kind == k && strcmp(f->key, key) == 0) {
			f->used = ++c->tick;
			return f;
		}
	}
	return NULL;
}

/* Stores `obj` (ownership passes to the cache), evicting the least
 * recently used entry when full.  Keys longer than ICU_KEY_MAX cannot occur:
 * callers build them from bounded parts and check for truncation. */
void icu_cache_put(struct icu_cache *c, enum icu_kind k, const char *key, void *obj)
{
	struct icu_entry *victim = &c->e[0];

	for (size_t i = 0; i < ICU_SLOTS; i++) {
		if (c->e[i].hash == 0) {
			victim = &c->e[i];
			break;
		}
		if (c->e[i].used < victim->used)
			victim = &c->e[i];
	}
	obj_close(victim->kind, victim->obj);
	victim->hash = key_hash(k, key);
	victim->kind = k;
	victim->obj = obj;
	victim->used = ++c->tick;
	snprintf(victim->key, sizeof victim->key, "%s", key);
}

int icu_key(char key[ICU_KEY_MAX], const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(key, ICU_KEY_MAX, fmt, ap);
	va_end(ap);
	return n < 0 || n >= ICU_KEY_MAX ? -1 : 0;
}

int icu_ascii_to_u16(const char *s, UChar *u, size_t cap)
{
	size_t n = strlen(s);

	if (n >= cap)
		return -1;
	u_uastrncpy(u, s, (int32_t)n);
	u[n] = 0;
	return 0;
}

const char *icu_u16_to_utf8(const UChar *u, int32_t n, char *out, size_t outsz)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t len = 0;
	int32_t cap = outsz > INT32_MAX ? INT32_MAX : (int32_t)outsz;

	u_strToUTF8(out, cap, &len, u, n, &st);
	if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING || len >= cap)
		return NULL;
	return out;
}
