/* Secrets and share keys come from the kernel's CSPRNG (getrandom), never
 * from rand(). */
#ifndef PORTAL_RANDOM_H
#define PORTAL_RANDOM_H

#include <stddef.h>

#include "perr.h"

/* Fills `buf` from getrandom(); fails only if the kernel refuses. */
int random_bytes(void *buf, size_t n, struct perr *e);

/* A new share key: 20 characters of [A-Za-z0-9], uniformly distributed. */
#define SHARE_KEY_LEN 20
int share_key_new(char out[SHARE_KEY_LEN + 1], struct perr *e);

#endif
