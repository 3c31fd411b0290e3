/* Locale-aware formatting through ICU (docs/design.md, "Languages").
 *
 * Opening ICU formatters and calendars is slow, so each worker thread owns
 * one `struct fmtctx` (struct worker.fmt) that caches them, keyed by
 * (locale, pattern or currency, zone); after warm-up a request opens none.
 * A context is not shared between threads; everything else here is
 * reentrant.  Nothing reads the TZ environment variable or calls localtime:
 * zones are IANA names handed to ICU.
 *
 * Formatting functions write a NUL-terminated UTF-8 string into `out`
 * (FMT_BUF bytes is always enough) and return `out`.  They never fail: on
 * an ICU error they write a plain ASCII rendering instead ("2026-03-29",
 * "1234.50").  `lang` may be NULL (English). */
#ifndef PORTAL_FMT_H
#define PORTAL_FMT_H

#include <stddef.h>

#include "tz.h"

struct fmtctx;
struct i18n_lang;

#define FMT_BUF 128

struct fmtctx *fmtctx_new(void);
void           fmtctx_free(struct fmtctx *c);   /* NULL is a no-op */
/* Off: every amount through ICU, never the shapes fmt_money() learns from
 * it (tests compare the two).  On by default. */
void           fmtctx_money_shapes(struct fmtctx *c, bool on);
/* The thread's time-zone context, owned by `c` (tz.h). */
struct tzctx  *fmtctx_tz(struct fmtctx *c);

/* ---- dates ---------------------------------------------------------- */

/* Kimai's short date of the language ("3/29/2026", "29.03.2026",
 * "2026/03/29") for the instant `epoch` seen in `zone`. */
const char *fmt_date(struct fmtctx *c, const struct i18n_lang *lang, const char *zone,
                     long long epoch, char *out, size_t outsz);
/* The same pattern for a calendar date (a record's local date, a day of
 * the month), independent of any zone. */
const char *fmt_date_ymd(struct fmtctx *c, const struct i18n_lang *lang,
                         int year, int month, int day, char *out, size_t outsz);
/* Kimai's time of day: "HH:mm" ("14:05"), en "h:mm a" ("2:05 PM"). */
const char *fmt_time(struct fmtctx *c, const struct i18n_lang *lang, const char *zone,
                     long long epoch, char *out, size_t outsz);
/* Stand-alone month name, cased as ICU gives it: "March", "März", "mars",
 * "3月".  `month` 1..12. */
const char *fmt_month_name(struct fmtctx *c, const struct i18n_lang *lang, int month,
                           char *out, size_t outsz);
/* Month and year as the locale writes them: "March 2026", "März 2026",
 * "mars 2026", "2026年3月". */
const char *fmt_month_year(struct fmtctx *c, const struct i18n_lang *lang, int year,
                           int month, char *out, size_t outsz);
/* Abbreviated weekday of `epoch` in `zone`: "Sun", "So.", "dim.", "日". */
const char *fmt_weekday_short(struct fmtctx *c, const struct i18n_lang *lang,
                              const char *zone, long long epoch, char *out, size_t outsz);

/* ---- numbers -------------------------------------------------------- */

/* Money in `currency` (ISO 4217, e.g. "EUR"; case-insensitive) for the
 * language: "€1,234.50" (en), "1.234,50 €" (de; ICU puts a no-break space
 * before the symbol), with the currency's own number of decimals.  NULL,
 * empty or unknown currency: the plain number with 2 decimals. */
const char *fmt_money(struct fmtctx *c, const struct i18n_lang *lang, const char *currency,
                      double amount, char *out, size_t outsz);
/* Grouped decimal number with exactly `decimals` (0..6) fraction digits. */
const char *fmt_number(struct fmtctx *c, const struct i18n_lang *lang, double v,
                       int decimals, char *out, size_t outsz);
/* A percentage given in percent units with one decimal:
 * 45.26 -> "45.3%" (en), "45,3 %" (de).  Non-finite values give "–". */
const char *fmt_percent(struct fmtctx *c, const struct i18n_lang *lang, double pct_value,
                        char *out, size_t outsz);

/* Duration as h:mm, minutes truncated like Kimai: 21600 -> "6:00",
 * 300 -> "0:05", 451800 -> "125:30", -300 -> "-0:05", -30 -> "0:00". */
const char *fmt_duration(long long seconds, char *out, size_t outsz);

#endif
