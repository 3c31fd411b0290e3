/* libFuzzer target: Cookie header parsing (req_cookie in src/req.c). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "req.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {"KIMAI_SESSION", "portal_unlock_1", "a", ""};
	struct arena a;
	struct req r;
	arena_init(&a);
	memset(&r, 0, sizeof(r));
	r.a = &a;
	r.cookie_header = arena_strndup(&a, (const char *)data, size);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const char *v = req_cookie(&r, names[i]);
		/* a value never extends past the header or contains its separator */
		if (v && (strlen(v) > size || strchr(v, ';')))
			abort();
	}
	arena_free(&a);
	return 0;
}
