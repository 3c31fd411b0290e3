/* libFuzzer target: the route matcher (src/http/router.c) on arbitrary paths.
 * Besides memory errors it checks the matcher's promises: captures only
 * ever hold their placeholder's alphabet, ids are positive 32-bit values. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "routes.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_alnum(const char *s, size_t max)
{
	if (!s)
		return;
	size_t n = strlen(s);
	if (n == 0 || n > max)
		abort();
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '.' || s[i] == '-'))
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct route_args args;
	arena_init(&a);
	char *path = arena_strndup(&a, (const char *)data, size);
	const struct route *rt = route_match(&routes, path, &a, &args);
	if (rt) {
		check_alnum(args.lang, 10);   /* zh_Hant_TW: Kimai's longest locale */
		check_alnum(args.share_key, 20);
		check_alnum(args.file, 64);
		if (args.id < 0 || args.project_id < 0 || args.customer_id < 0 ||
		    args.id > 2147483647LL || args.project_id > 2147483647LL)
			abort();
	}
	arena_free(&a);
	return 0;
}
