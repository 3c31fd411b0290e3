/* ICU formatters and calendars behind fmt.h, cached per thread. */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/ucurr.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>

#include "arena.h"
#include "civil.h"
#include "fmt.h"
#include "icu_cache.h"
#include "money_shape.h"
#include "tz.h"
#include "i18n.h"


#define EN_DASH "\xe2\x80\x93"

/* Formatted short dates by (language, local date): a month of records
 * repeats the same few dates, and formatting a date through ICU costs
 * several times more than finding its local day. */
#define DATE_MEMO 64

struct date_memo {
	const struct i18n_lang *lang;   /* NULL = empty */
	int                     ymd;    /* y * 10000 + m * 100 + d */
	char                    s[40];
};

/* Formatted amounts by (language, currency, amount): a month's table
 * repeats the same hourly rates and many totals, and each ICU currency
 * format costs thousands of instructions. */
#define MONEY_MEMO 256

struct money_memo {
	const struct i18n_lang *lang;   /* NULL = empty */
	char                    cur[4]; /* the currency exactly as given */
	double                  amount;
	char                    s[48];
};

/* Month names and "month year" labels by (language, month) and
 * (language, year * 100 + month): every share page shows twelve month
 * names and a few labels, the same for every request in a language. */
#define LABEL_MEMO 128

/* Money shapes kept per context (money_shape.h). */
#define SHAPES 16

struct fmtctx {
	struct tzctx     *tz;       /* owned: its ICU cache holds the formatters too */
	struct money_shape shapes[SHAPES];
	bool               no_shapes;
	struct date_memo  dates[DATE_MEMO];
	struct date_memo  labels[LABEL_MEMO];   /* ymd: month, or -(y * 100 + m) */
	struct money_memo money[MONEY_MEMO];
};

struct fmtctx *fmtctx_new(void)
{
	struct fmtctx *c = xcalloc(1, sizeof(*c));

	c->tz = tz_new();
	return c;
}

void fmtctx_free(struct fmtctx *c)
{
	if (c == NULL)
		return;
	tz_free(c->tz);
	free(c);
}

void fmtctx_money_shapes(struct fmtctx *c, bool on)
{
	c->no_shapes = !on;
}

struct tzctx *fmtctx_tz(struct fmtctx *c)
{
	return c->tz;
}

/* ---- small helpers -------------------------------------------------- */

static const struct i18n_lang *lang_or_default(const struct i18n_lang *l)
{
	return l != NULL ? l : i18n_default();
}


static const char *put_ascii(char *out, size_t outsz, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static const char *put_ascii(char *out, size_t outsz, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(out, outsz, fmt, ap);   /* truncation is acceptable here */
	va_end(ap);
	return out;
}

/* A remembered text into `out` (outsz > 0), without printf. */
static const char *copy_out(char *out, size_t outsz, const char *s)
{
	size_t n = strlen(s);

	if (n >= outsz)
		n = outsz - 1;   /* truncation is acceptable here, as above */
	memcpy(out, s, n);
	out[n] = '\0';
	return out;
}

/* The memo slot of (lang, key) among `n`, for labels and dates alike. */
static struct date_memo *memo_slot(struct date_memo *v, size_t n, const struct i18n_lang *l,
                                   int key)
{
	return &v[((unsigned)key * 31u + (unsigned)((uintptr_t)l >> 4)) % n];
}

static void memo_keep(struct date_memo *m, const struct i18n_lang *l, int key, const char *s)
{
	size_t n = strlen(s);

	if (m != NULL && n < sizeof m->s) {
		m->lang = l;
		m->ymd = key;
		memcpy(m->s, s, n + 1);
	}
}

/* ---- dates ---------------------------------------------------------- */

/* A date formatter for (locale, pattern, zone).  A pattern starting with
 * '@' is a skeleton resolved to the locale's own pattern ("@yMMMM" ->
 * "MMMM y" in en, "y年M月" in ja).  `zone` must be resolved already. */
static UDateFormat *datefmt_get(struct fmtctx *c, const char *locale, const char *pattern,
                                const char *zone)
{
	char key[ICU_KEY_MAX];
	UErrorCode st = U_ZERO_ERROR;
	UChar uz[ZONE_MAX], upat[64], best[64];
	const UChar *pat = upat;
	UDateTimePatternGenerator *gen = NULL;
	UDateFormat *df = NULL;
	struct icu_entry *f;

	if (icu_key(key, "%s|%s|%s", locale, pattern, zone) != 0)
		return NULL;
	if ((f = icu_cache_find(tz_cache(c->tz), ICU_DATE, key)) != NULL)
		return f->obj;
	if (icu_ascii_to_u16(zone, uz, ZONE_MAX) != 0)
		return NULL;
	if (pattern[0] == '@') {
		int32_t n;

		if (icu_ascii_to_u16(pattern + 1, upat, 64) != 0)
			return NULL;
		gen = udatpg_open(locale, &st);
		n = udatpg_getBestPattern(gen, upat, -1, best, 64, &st);
		udatpg_close(gen);
		if (U_FAILURE(st) || n <= 0 || n >= 64)
			return NULL;
		best[n] = 0;
		pat = best;
	} else {
		/* Kimai's patterns may hold non-ASCII marks (ar's U+200F), so
		 * they are read as UTF-8. */
		u_strFromUTF8(upat, 64, NULL, pattern, -1, &st);
		if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING)
			return NULL;
	}
	df = udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, uz, -1, pat, -1, &st);
	if (U_FAILURE(st)) {
		udat_close(df);
		return NULL;
	}
	icu_cache_put(tz_cache(c->tz), ICU_DATE, key, df);
	return df;
}

/* Formats `epoch` with (lang, pattern, zone); NULL on failure. */
static const char *format_date(struct fmtctx *c, const struct i18n_lang *l,
                               const char *pattern, const char *zone, long long epoch,
                               char *out, size_t outsz)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar buf[FMT_BUF];
	UDateFormat *df = NULL;
	int32_t n;

	if (c == NULL || epoch < EPOCH_MIN || epoch > EPOCH_MAX)
		return NULL;
	if ((df = datefmt_get(c, l->icu_locale, pattern, zone)) == NULL)
		return NULL;
	n = udat_format(df, (UDate)epoch * 1000.0, buf, FMT_BUF, NULL, &st);
	if (U_FAILURE(st) || n >= FMT_BUF)
		return NULL;
	return icu_u16_to_utf8(buf, n, out, outsz);
}

#define OUT_OK(out, outsz) ((out) != NULL && (outsz) > 0)

const char *fmt_date_ymd(struct fmtctx *c, const struct i18n_lang *lang,
                         int year, int month, int day, char *out, size_t outsz)
{
	const struct i18n_lang *l = lang_or_default(lang);
	struct date_memo *m = NULL;
	int ymd = year * 10000 + month * 100 + day;

	if (!OUT_OK(out, outsz))
		return "";
	if (!civil_ymd_ok(year, month, day))
		return put_ascii(out, outsz, "%d-%d-%d", year, month, day);
	if (c != NULL) {
		m = memo_slot(c->dates, DATE_MEMO, l, ymd);
		if (m->lang == l && m->ymd == ymd)
			return copy_out(out, outsz, m->s);
	}
	/* Noon UTC formatted in UTC is that calendar date everywhere. */
	if (format_date(c, l, l->date_pattern, "UTC", utc_epoch(year, month, day, 12, 0, 0),
	                out, outsz) == NULL)
		return put_ascii(out, outsz, "%04d-%02d-%02d", year, month, day);
	memo_keep(m, l, ymd, out);
	return out;
}

const char *fmt_date(struct fmtctx *c, const struct i18n_lang *lang, const char *zone,
                     long long epoch, char *out, size_t outsz)
{
	struct tm_local t;

	if (!OUT_OK(out, outsz))
		return "";
	/* Kimai's date patterns hold no time fields: the local calendar day
	 * decides the text, so the (memoised) day formatter does the rest. */
	if (c != NULL && tz_local(c->tz, zone, epoch, &t) >= 0)
		return fmt_date_ymd(c, lang, t.year, t.month, t.day, out, outsz);
	return civil_iso_date(epoch, out, outsz);
}

const char *fmt_time(struct fmtctx *c, const struct i18n_lang *lang, const char *zone,
                     long long epoch, char *out, size_t outsz)
{
	const struct i18n_lang *l = lang_or_default(lang);
	int fb;

	if (!OUT_OK(out, outsz))
		return "";
	if (c != NULL && format_date(c, l, l->time_pattern, tz_zone_use(c->tz, zone, &fb), epoch,
	                             out, outsz) != NULL)
		return out;
	/* UTC wall clock: floor_div keeps both fields non-negative. */
	return put_ascii(out, outsz, "%02lld:%02lld",
	                 floor_div(epoch, 3600) - floor_div(epoch, 86400) * 24,
	                 floor_div(epoch, 60) - floor_div(epoch, 3600) * 60);
}

const char *fmt_month_name(struct fmtctx *c, const struct i18n_lang *lang, int month,
                           char *out, size_t outsz)
{
	const struct i18n_lang *l = lang_or_default(lang);

	struct date_memo *m = NULL;

	if (!OUT_OK(out, outsz))
		return "";
	if (c != NULL && month >= 1 && month <= 12) {
		m = memo_slot(c->labels, LABEL_MEMO, l, month);
		if (m->lang == l && m->ymd == month)
			return copy_out(out, outsz, m->s);
	}
	if (month >= 1 && month <= 12 &&
	    format_date(c, l, "LLLL", "UTC", utc_epoch(2000, month, 15, 12, 0, 0), out,
	                outsz) != NULL) {
		memo_keep(m, l, month, out);
		return out;
	}
	return put_ascii(out, outsz, "%d", month);
}

const char *fmt_month_year(struct fmtctx *c, const struct i18n_lang *lang, int year,
                           int month, char *out, size_t outsz)
{
	const struct i18n_lang *l = lang_or_default(lang);

	struct date_memo *m = NULL;
	int key = -(year * 100 + month);

	if (!OUT_OK(out, outsz))
		return "";
	if (!civil_ymd_ok(year, month, 1))
		return put_ascii(out, outsz, "%04d-%02d", year, month);
	if (c != NULL) {
		m = memo_slot(c->labels, LABEL_MEMO, l, key);
		if (m->lang == l && m->ymd == key)
			return copy_out(out, outsz, m->s);
	}
	if (format_date(c, l, "@yMMMM", "UTC", utc_epoch(year, month, 15, 12, 0, 0), out,
	                outsz) != NULL) {
		memo_keep(m, l, key, out);
		return out;
	}
	return put_ascii(out, outsz, "%04d-%02d", year, month);
}

const char *fmt_weekday_short(struct fmtctx *c, const struct i18n_lang *lang,
                              const char *zone, long long epoch, char *out, size_t outsz)
{
	const struct i18n_lang *l = lang_or_default(lang);
	int fb;

	if (!OUT_OK(out, outsz))
		return "";
	if (c != NULL && format_date(c, l, "EEE", tz_zone_use(c->tz, zone, &fb), epoch, out,
	                             outsz) != NULL)
		return out;
	out[0] = '\0';
	return out;
}

/* ---- numbers -------------------------------------------------------- */

static UNumberFormat *numfmt_open(enum icu_kind k, const char *locale, const UChar *currency)
{
	UErrorCode st = U_ZERO_ERROR;
	UNumberFormat *nf = NULL;

	switch (k) {
	case ICU_MONEY:
		nf = unum_open(UNUM_CURRENCY, NULL, 0, locale, NULL, &st);
		if (U_SUCCESS(st))
			unum_setTextAttribute(nf, UNUM_CURRENCY_CODE, currency, 3, &st);
		break;
	case ICU_PERCENT:
		nf = unum_open(UNUM_PERCENT, NULL, 0, locale, NULL, &st);
		if (U_SUCCESS(st)) {
			unum_setAttribute(nf, UNUM_MIN_FRACTION_DIGITS, 1);
			unum_setAttribute(nf, UNUM_MAX_FRACTION_DIGITS, 1);
		}
		break;
	default:
		nf = unum_open(UNUM_DECIMAL, NULL, 0, locale, NULL, &st);
		break;
	}
	if (U_FAILURE(st)) {
		unum_close(nf);
		return NULL;
	}
	return nf;
}

static UNumberFormat *numfmt_get(struct fmtctx *c, enum icu_kind k, const char *locale,
                                 const char *currency)
{
	char key[ICU_KEY_MAX];
	UChar ucur[4] = { 0 };
	UNumberFormat *nf = NULL;
	struct icu_entry *f;

	if (icu_key(key, "%s|%s", locale, currency ? currency : "") != 0)
		return NULL;
	if ((f = icu_cache_find(tz_cache(c->tz), k, key)) != NULL)
		return f->obj;
	if (currency != NULL)
		u_uastrncpy(ucur, currency, 3);
	if ((nf = numfmt_open(k, locale, ucur)) == NULL)
		return NULL;
	icu_cache_put(tz_cache(c->tz), k, key, nf);
	return nf;
}

static const char *format_number(UNumberFormat *nf, double v, char *out, size_t outsz)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar buf[FMT_BUF];
	int32_t n;

	if (nf == NULL)
		return NULL;
	n = unum_formatDouble(nf, v, buf, FMT_BUF, NULL, &st);
	if (U_FAILURE(st) || n >= FMT_BUF)
		return NULL;
	return icu_u16_to_utf8(buf, n, out, outsz);
}

/* An ISO 4217 code ICU knows, upper-cased into `code`; 0 if not. */
static int currency_ok(struct fmtctx *c, const char *currency, char code[4])
{
	char key[ICU_KEY_MAX];
	UErrorCode st = U_ZERO_ERROR;
	UChar ucur[4];
	UBool known;

	if (currency == NULL || strnlen(currency, 4) != 3)
		return 0;
	for (int i = 0; i < 3; i++) {
		char ch = currency[i];

		if (ch >= 'a' && ch <= 'z')
			ch = (char)(ch - 'a' + 'A');
		if (ch < 'A' || ch > 'Z')
			return 0;
		code[i] = ch;
	}
	code[3] = '\0';
	/* XXX means "no currency" in ISO 4217: shown as a plain number. */
	if (strcmp(code, "XXX") == 0)
		return 0;
	if (icu_key(key, "cur:%s", code) != 0 || icu_cache_find(tz_cache(c->tz), ICU_BAD, key) != NULL)
		return 0;
	u_uastrncpy(ucur, code, 3);
	ucur[3] = 0;
	known = ucurr_isAvailable(ucur, U_DATE_MIN, U_DATE_MAX, &st);
	if (U_FAILURE(st) || !known) {
		icu_cache_put(tz_cache(c->tz), ICU_BAD, key, NULL);
		return 0;
	}
	return 1;
}

const char *fmt_number(struct fmtctx *c, const struct i18n_lang *lang, double v,
                       int decimals, char *out, size_t outsz)
{
	const struct i18n_lang *l = lang_or_default(lang);
	UNumberFormat *nf = NULL;

	if (!OUT_OK(out, outsz))
		return "";
	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	if (!isfinite(v))
		return put_ascii(out, outsz, "%s", EN_DASH);
	if (c != NULL && (nf = numfmt_get(c, ICU_DECIMAL, l->icu_locale, NULL)) != NULL) {
		unum_setAttribute(nf, UNUM_MIN_FRACTION_DIGITS, decimals);
		unum_setAttribute(nf, UNUM_MAX_FRACTION_DIGITS, decimals);
		if (format_number(nf, v, out, outsz) != NULL)
			return out;
	}
	return put_ascii(out, outsz, "%.*f", decimals, v);
}

static const char *fmt_money_icu(struct fmtctx *c, const struct i18n_lang *l,
                                 const char *currency, double amount, char *out,
                                 size_t outsz)
{
	char code[4];

	if (c != NULL && currency_ok(c, currency, code) &&
	    format_number(numfmt_get(c, ICU_MONEY, l->icu_locale, code), amount, out,
	                  outsz) != NULL)
		return out;
	return fmt_number(c, l, amount, 2, out, outsz);
}

static const struct money_shape *shape_get(struct fmtctx *c, const struct i18n_lang *l,
                                           const char *currency)
{
	static const double probes[] = {
		0, 0.05, 0.5, 7, 12.3, 99.99, 999.99, 1000, 1234.56, 10000, 12345.6, 123456.78,
		1000000, 98765432.1,
	};
	unsigned h = ((unsigned)(uintptr_t)l >> 4) * 31u + (unsigned char)currency[0] * 7u +
	             (unsigned char)currency[1] * 3u + (unsigned char)currency[2];
	struct money_shape *sh = &c->shapes[h % SHAPES];
	char a[FMT_BUF], b[FMT_BUF];
	if (sh->lang == l && memcmp(sh->cur, currency, 4) == 0)
		return sh;
	memset(sh, 0, sizeof(*sh));
	sh->lang = l;
	memcpy(sh->cur, currency, 4);
	if (fmt_money_icu(c, l, currency, 1234567.89, a, sizeof(a)) != a || money_shape_parse(sh, a))
		return sh;   /* ok = 0: ICU for every amount */
	sh->ok = 1;
	for (size_t i = 0; i < sizeof(probes) / sizeof(probes[0]) && sh->ok; i++) {
		long long cents = llround(probes[i] * 100);
		if (fmt_money_icu(c, l, currency, probes[i], a, sizeof(a)) != a ||
		    !money_shape_write(sh, cents, b, sizeof(b)) || strcmp(a, b) != 0)
			sh->ok = 0;
	}
	return sh;
}

/* Amounts of whole cents, not negative, as ICU would write them, without
 * ICU: a month's table has two amounts per row, most of them different.
 * ICU rounds the shortest decimal that reads back as the double; when
 * cents / 100 reads back as `amount`, that decimal has at most two
 * fraction digits and nothing is rounded, so the digits are the cents. */
static const char *money_fast(struct fmtctx *c, const struct i18n_lang *l, const char *currency,
                              double amount, char *out, size_t outsz)
{
	if (c == NULL || c->no_shapes || currency == NULL || strnlen(currency, 4) != 3 ||
	    signbit(amount) ||
	    !(amount < 1e11))
		return NULL;
	long long cents = llround(amount * 100);
	if ((double)cents / 100.0 != amount)
		return NULL;
	const struct money_shape *sh = shape_get(c, l, currency);
	return sh->ok ? money_shape_write(sh, cents, out, outsz) : NULL;
}

const char *fmt_money(struct fmtctx *c, const struct i18n_lang *lang, const char *currency,
                      double amount, char *out, size_t outsz)
{
	const struct i18n_lang *l = lang_or_default(lang);
	struct money_memo *m = NULL;

	if (!OUT_OK(out, outsz))
		return "";
	if (!isfinite(amount))
		return put_ascii(out, outsz, "%s", EN_DASH);
	/* The result depends on nothing but these three: remember it. */
	if (c != NULL && currency != NULL && strnlen(currency, 4) == 3) {
		uint64_t bits;
		memcpy(&bits, &amount, sizeof(bits));
		uint64_t h = (bits ^ (bits >> 29) ^ (uint64_t)(uintptr_t)l ^
		              ((uint64_t)(unsigned char)currency[0] << 16 |
		               (uint64_t)(unsigned char)currency[1] << 8 |
		               (unsigned char)currency[2])) * 0x9E3779B97F4A7C15ull;
		m = &c->money[(h >> 32) % MONEY_MEMO];
		if (m->lang == l && m->amount == amount && memcmp(m->cur, currency, 4) == 0 &&
		    signbit(m->amount) == signbit(amount)) {
			size_t n = strlen(m->s);
			if (n < outsz) {
				memcpy(out, m->s, n + 1);
				return out;
			}
		}
	}
	const char *r = money_fast(c, l, currency, amount, out, outsz);
	if (r != NULL)
		return r;
	r = fmt_money_icu(c, l, currency, amount, out, outsz);
	/* Only whole results (FMT_BUF is always enough), never truncated ones. */
	if (m != NULL && r == out && outsz >= FMT_BUF && strlen(out) < sizeof(m->s)) {
		m->lang = l;
		memcpy(m->cur, currency, 4);
		m->amount = amount;
		memcpy(m->s, out, strlen(out) + 1);
	}
	return r;
}

const char *fmt_percent(struct fmtctx *c, const struct i18n_lang *lang, double pct_value,
                        char *out, size_t outsz)
{
	const struct i18n_lang *l = lang_or_default(lang);

	if (!OUT_OK(out, outsz))
		return "";
	if (!isfinite(pct_value))
		return put_ascii(out, outsz, "%s", EN_DASH);
	/* ICU's percent style multiplies by 100. */
	if (c != NULL && format_number(numfmt_get(c, ICU_PERCENT, l->icu_locale, NULL),
	                               pct_value / 100.0, out, outsz) != NULL)
		return out;
	return put_ascii(out, outsz, "%.1f%%", pct_value);
}
