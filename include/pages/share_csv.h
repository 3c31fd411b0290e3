/* The CSV download of a share's month (page_share_csv.c): the pieces that
 * are pure functions, for the unit tests. */
#ifndef PORTAL_SHARE_CSV_H
#define PORTAL_SHARE_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

/* "<name>-YYYY-MM.csv" with the name cut down to ASCII letters, digits,
 * '-' and '_' (every other run of bytes becomes one '_'; empty gives
 * "timesheets"), at most 80 characters of it: safe inside a quoted
 * Content-Disposition filename. */
void csv_file_name(const char *name, int year, int month, char *out, size_t outsz);

#endif
