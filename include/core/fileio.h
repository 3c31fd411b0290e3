/* Reading a whole, bounded, regular file: templates, assets, schema files
 * and Kimai's dotenv files all come in this way. */
#ifndef PORTAL_FILEIO_H
#define PORTAL_FILEIO_H

#include <stdbool.h>
#include <stddef.h>

#include "perr.h"

/* Reads `path` into a new NUL-terminated buffer (free() it) of at most
 * `max` bytes.  With `missing` non-NULL a file that does not exist is not
 * an error: *missing is set, *out NULL.  Errors name the path. */
int file_read(const char *path, size_t max, char **out, size_t *len, bool *missing,
              struct perr *e);

#endif
