/* libFuzzer target: query-string and form decoding through the validator
 * table (src/params.c).  A value that passes must satisfy its declaration:
 * integers in range, enums one of their choices, text bounded, valid UTF-8
 * and free of NUL bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "params.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct perr e = {0};
	arena_init(&a);
	for (int src = PS_QUERY; src <= PS_FORM; src++) {
		struct param_value pv[P__MAX];
		memset(pv, 0, sizeof(pv));
		if (params_parse((const char *)data, size, src, &a, pv, &e) != 0)
			continue;
		for (int p = 0; p < P__MAX; p++) {
			const struct param_def *d = &param_defs[p];
			if (!pv[p].set)
				continue;
			if (!(d->src & src))
				abort();
			if (d->kind == PK_INT && (pv[p].i < d->min || pv[p].i > d->max))
				abort();
			if (d->kind == PK_TEXT && pv[p].len > d->maxlen)
				abort();
			if (memchr(pv[p].s, '\0', pv[p].len) || !utf8_valid(pv[p].s, pv[p].len))
				abort();
		}
	}
	arena_free(&a);
	return 0;
}
