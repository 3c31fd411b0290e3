/* Minimal unit-test helpers: CHECK records a failure and continues;
 * check_done() prints a summary and gives the exit status. */
#ifndef PORTAL_CHECK_H
#define PORTAL_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures, check_count;

#define CHECK(cond) do {                                                     \
	check_count++;                                                           \
	if (!(cond)) {                                                           \
		check_failures++;                                                    \
		fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
	}                                                                        \
} while (0)

#define CHECK_STR(a, b) do {                                                 \
	const char *check_a_ = (a), *check_b_ = (b);                             \
	check_count++;                                                           \
	if (!check_a_ || !check_b_ || strcmp(check_a_, check_b_) != 0) {         \
		check_failures++;                                                    \
		fprintf(stderr, "%s:%d: \"%s\" != \"%s\"\n", __FILE__, __LINE__,     \
		        check_a_ ? check_a_ : "(null)", check_b_ ? check_b_ : "(null)"); \
	}                                                                        \
} while (0)

static inline int check_done(void)
{
	fprintf(stderr, "%d checks, %d failed\n", check_count, check_failures);
	return check_failures ? 1 : 0;
}

#endif
