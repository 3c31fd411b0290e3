/* libFuzzer target: Kimai session payloads, security tokens and the roles
 * column, on arbitrary bytes.  Build:
 *   clang -fsanitize=fuzzer,address,undefined -Iinclude -I/usr/include/ClearSilver \
 *     tests/fuzz/fuzz_session.c src/kimai_session.c src/phpser.c src/arena.c \
 *     src/log.c src/perr.c -lm
 * Run: ./a.out -dict=tests/fuzz/session.dict tests/fuzz/corpus/session */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "kimai_session.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena a;
	static int init;
	struct kimai_session s;
	struct perr e;
	const char **roles = NULL;
	size_t nroles = 0;

	if (!init) {
		arena_init(&a);
		init = 1;
	}
	memset(&e, 0, sizeof(e));
	if (kimai_session_decode((const char *)data, size, &a, &s, &e) == 0 && s.logged_in) {
		/* A login always carries a usable user. */
		if (s.user_id <= 0 || !s.username || s.username_len == 0)
			__builtin_trap();
		if (s.password && s.password[s.password_len] != '\0')
			__builtin_trap();
	}
	(void)kimai_token_decode((const char *)data, size, &a, &s, &e);
	if (kimai_roles_parse((const char *)data, size, &a, &roles, &nroles, &e) == 0) {
		if (nroles == 0 || nroles > KIMAI_ROLES_MAX + 1)
			__builtin_trap();
		for (size_t k = 0; k < nroles; k++)
			if (strlen(roles[k]) == 0 || strlen(roles[k]) > KIMAI_ROLE_MAXLEN)
				__builtin_trap();
	}
	arena_reset(&a);
	return 0;
}
