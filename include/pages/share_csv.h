/* The CSV download of a share's month (page_share_csv.c): the pieces that
 * are pure functions, for the unit tests. */
#ifndef PORTAL_SHARE_CSV_H
#define PORTAL_SHARE_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

/* True when a spreadsheet would read text `s` as a formula: it starts with
 * = + - @, a tab or a carriage return. */
bool csv_needs_guard(const char *s);

/* Appends one RFC 4180 field: quoted (inner quotes doubled) when it holds
 * a comma, a quote, CR or LF.  `text` marks data from the database: a
 * formula-like start gets a leading apostrophe (inside quotes). */
void csv_field(struct buf *b, const char *s, bool text);

/* "<name>-YYYY-MM.csv" with the name cut down to ASCII letters, digits,
 * '-' and '_' (every other run of bytes becomes one '_'; empty gives
 * "timesheets"), at most 80 characters of it: safe inside a quoted
 * Content-Disposition filename. */
void csv_file_name(const char *name, int year, int month, char *out, size_t outsz);

#endif
