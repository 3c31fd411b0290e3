/* Plain calendar arithmetic: the proleptic Gregorian calendar, no zone
 * involved (zones are tz.h).  Kimai stores start_time and end_time in UTC. */
#ifndef PORTAL_CIVIL_H
#define PORTAL_CIVIL_H

#include <stdbool.h>
#include <stddef.h>

/* 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59Z: wider than any date Kimai
 * stores, narrow enough that milliseconds stay exact in a double. */
#define EPOCH_MIN (-62135596800LL)
#define EPOCH_MAX 253402300799LL

int       days_in_month(int year, int month);     /* 0 for a bad month */
/* A real calendar day of years 1..9999. */
bool      civil_ymd_ok(int year, int month, int day);
/* Unix seconds of a UTC wall-clock time. */
long long utc_epoch(int year, int month, int day, int hour, int min, int sec);
/* Strict "YYYY-MM-DD HH:MM:SS" (a DATETIME as text, UTC) to Unix seconds;
 * also accepts "YYYY-MM-DD" (midnight).  0 ok, -1 malformed. */
int       utc_parse_datetime(const char *s, long long *out);
/* Days since 1970-01-01 of a date, and back. */
long long days_from_civil(long long y, int m, int d);
void      civil_from_days(long long z, int *y, int *m, int *d);
/* Floor division (rounds towards minus infinity). */
long long floor_div(long long a, long long b);
/* ISO "YYYY-MM-DD" of an instant in UTC. */
const char *civil_iso_date(long long epoch, char *out, size_t outsz);

#endif
