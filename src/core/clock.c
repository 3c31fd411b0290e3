/* The monotonic clock (clock.h). */
#include <time.h>

#include "clock.h"

long long clock_mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

long long clock_mono_s(void)
{
	return clock_mono_ms() / 1000;
}
