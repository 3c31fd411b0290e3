/* GET /{lang}/auth/customer-portal/{key}/csv and …/{key}/p/{pid}/csv: the
 * month a share page shows, as a file for spreadsheets (RFC 4180: comma
 * separated, CRLF line ends, fields quoted when they hold a comma, a quote
 * or a line break; UTF-8 with a byte-order mark so that spreadsheet
 * programs detect the encoding).
 *
 * It is the page's table in another form: the same gate (unknown, expired
 * or locked shares answer exactly as the page does), the same month
 * (browse window included), the same records and merge mode, and only the
 * columns the page shows.  Dates are ISO 8601 local dates of the records,
 * durations both as decimal hours and as h:mm, money as plain decimals
 * ("1234.50") in the customer's currency, named in the header.  After an
 * empty row, closing rows repeat the page's totals in the same columns.
 *
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage
 * return) as a formula, so a description such as "=HYPERLINK(…)" could act
 * on the client's machine: such text cells get a leading apostrophe. */
#include <stdio.h>
#include <string.h>

#include "escape.h"
#include "fmt.h"
#include "i18n.h"
#include "merge.h"
#include "records.h"
#include "routes.h"
#include "share.h"
#include "share_csv.h"
#include "share_view.h"
#include "signoff_view.h"
#include "url.h"

#define CSV_FILE_NAME_MAX 80

static bool name_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '_' || c == '.';
}

void csv_file_name(const char *name, int year, int month, char *out, size_t outsz)
{
	char base[CSV_FILE_NAME_MAX + 1];
	size_t n = 0;
	bool gap = false;
	for (const unsigned char *p = (const unsigned char *)(name ? name : ""); *p; p++) {
		if (n >= CSV_FILE_NAME_MAX)
			break;
		if (name_char(*p) && *p != '.') {
			if (gap && n)
				base[n++] = '_';
			gap = false;
			if (n < CSV_FILE_NAME_MAX)
				base[n++] = (char)*p;
		} else {
			gap = true;   /* spaces, dots, anything not ASCII: one '_' */
		}
	}
	base[n] = '\0';
	snprintf(out, outsz, "%s-%04d-%02d.csv", n ? base : "timesheets", year, month);
}

/* RFC 8187 value: UTF-8 bytes, attr-chars as they are, the rest %XX. */
static const char *ext_value(struct req *r, const char *name, int year, int month)
{
	struct buf b;
	buf_init(&b);
	esc_url(&b, name, "!#$&+^`|", 3 * 4 * CSV_FILE_NAME_MAX);
	buf_printf(&b, "-%04d-%02d.csv", year, month);
	const char *v = arena_strndup(r->a, buf_cstr(&b), b.len);
	buf_free(&b);
	return v;
}

static const char *money_header(struct req *r, const char *key, const char *currency)
{
	const char *label = msg(r, key);
	return currency && *currency ? arena_printf(r->a, "%s (%s)", label, currency) : label;
}

static const char *hours(struct req *r, long long seconds)
{
	return share_decimal(r, (double)seconds / 3600.0);
}

static const char *hm(struct req *r, long long seconds)
{
	char b[FMT_BUF];
	return arena_strdup(r->a, fmt_duration(seconds, b, sizeof(b)));
}

/* One rate: "60.00".  Several: "60.00 (1:30); 80.00 (1:00)", as the page
 * lists them. */
static const char *hourly(struct req *r, const struct line *l)
{
	if (l->nparts == 1)
		return share_decimal(r, l->parts[0].hourly_rate);
	const char *out = "";
	for (size_t k = 0; k < l->nparts; k++)
		out = arena_printf(r->a, "%s%s%s (%s)", out, k ? "; " : "",
		                   share_decimal(r, l->parts[k].hourly_rate),
		                   hm(r, l->parts[k].duration));
	return out;
}

/* Names as one cell: "a, b, c". */
static const char *joined(struct req *r, const char **v, size_t n)
{
	const char *out = "";
	for (size_t k = 0; k < n; k++)
		out = arena_printf(r->a, "%s%s%s", out, k ? ", " : "", v[k]);
	return out;
}

/* A field after the first of a row. */
static void next(struct buf *b, const char *s, bool text)
{
	buf_putc(b, ',');
	csv_field(b, s, text);
}

/* A closing row in the columns of the lines: its label under the date, the
 * duration under hours and h:mm, the money under total and billable
 * amount; the other cells empty. */
static void total_row(struct req *r, const struct share *s, bool project_col,
                      const char *label, long long seconds, double money, double billable)
{
	struct buf *b = r->out;
	csv_field(b, label, false);
	if (s->flags[AF_USER_VISIBLE])
		next(b, "", false);
	if (project_col)
		next(b, "", false);
	if (s->show_activity)
		next(b, "", false);
	next(b, "", false);
	if (s->show_tags)
		next(b, "", false);
	next(b, hours(r, seconds), false);
	next(b, hm(r, seconds), false);
	next(b, "", false);
	if (s->flags[AF_RATE_VISIBLE]) {
		next(b, "", false);
		next(b, share_decimal(r, money), false);
		next(b, share_decimal(r, billable), false);
	}
	buf_puts(b, "\r\n");
}

/* The page's footer after an empty row: the billable total; with
 * non-billable records, their sum and the total over every record. */
static void write_totals(struct req *r, const struct share_view *v, const struct record_list *rl)
{
	const struct share *s = v->s;
	bool project_col = s->is_customer && !v->project_id;
	if (!rl->n)
		return;
	buf_puts(r->out, "\r\n");
	total_row(r, s, project_col, msg(r, "share.total.billable"), rl->total_billable_duration,
	          rl->total_billable_rate, rl->total_billable_rate);
	if (!rl->n_nonbillable)
		return;
	total_row(r, s, project_col, msg(r, "share.total.nonbillable"),
	          rl->total_duration - rl->total_billable_duration, rl->total_nonbillable_rate, 0);
	total_row(r, s, project_col, msg(r, "share.total.all"), rl->total_duration,
	          rl->total_rate, rl->total_billable_rate);
}

static void write_csv(struct req *r, const struct share_view *v, const struct line_list *lines)
{
	const struct share *s = v->s;
	struct buf *b = r->out;
	bool project_col = s->is_customer && !v->project_id;

	buf_puts(b, "\xEF\xBB\xBF");
	csv_field(b, msg(r, "table.date"), false);
	if (s->flags[AF_USER_VISIBLE])
		next(b, msg(r, "table.user"), false);
	if (project_col)
		next(b, msg(r, "table.project"), false);
	if (s->show_activity)
		next(b, msg(r, "share.activity"), false);
	next(b, msg(r, "table.description"), false);
	if (s->show_tags)
		next(b, msg(r, "share.tags"), false);
	next(b, msg(r, "csv.hours"), false);
	next(b, msg(r, "csv.duration"), false);
	next(b, msg(r, "csv.billable"), false);
	if (s->flags[AF_RATE_VISIBLE]) {
		next(b, money_header(r, "table.hourly_rate", s->currency), false);
		next(b, money_header(r, "table.total_rate", s->currency), false);
		next(b, money_header(r, "csv.billable_amount", s->currency), false);
	}
	buf_puts(b, "\r\n");

	for (size_t i = 0; i < lines->n; i++) {
		const struct line *l = &lines->v[i];
		char date[16];
		snprintf(date, sizeof(date), "%04d-%02d-%02d", l->year, l->month, l->day);
		csv_field(b, date, false);
		if (s->flags[AF_USER_VISIBLE])
			next(b, l->user_name, true);
		if (project_col)
			next(b, joined(r, l->projects, l->nprojects), true);
		if (s->show_activity)
			next(b, joined(r, l->activities, l->nactivities), true);
		next(b, l->description, true);
		if (s->show_tags)
			next(b, joined(r, l->tags, l->ntags), true);
		next(b, hours(r, l->duration), false);
		next(b, hm(r, l->duration), false);
		next(b, l->nbillable == l->nrecords ? msg(r, "app.yes") :
		        l->nbillable ? msg(r, "csv.partly") : msg(r, "app.no"), false);
		if (s->flags[AF_RATE_VISIBLE]) {
			next(b, hourly(r, l), false);
			next(b, share_decimal(r, l->rate), false);
			next(b, share_decimal(r, l->billable_rate), false);
		}
		buf_puts(b, "\r\n");
	}
}

int page_share_csv(struct req *r, struct perr *e)
{
	struct share_month m;
	bool shown = false;
	char file[CSV_FILE_NAME_MAX + 32];

	/* A locked share shows its unlock form here too; the unlock POST
	 * comes back to this URL and its 303 leads to the download. */
	if (share_month_load(r, &m, &shown, e))
		return -1;
	if (!shown)
		return 0;

	const struct share *s = &m.s;
	const struct share_view *v = &m.v;
	const char *name = v->project_id ? v->project_name :
	                   s->is_customer ? s->customer_name : s->project_name;
	csv_file_name(name, v->year, v->month, file, sizeof(file));
	r->resp_type = "text/csv; charset=utf-8";
	req_header(r, "Content-Disposition",
	           arena_printf(r->a, "attachment; filename=\"%s\"; filename*=UTF-8''%s", file,
	                        ext_value(r, name, v->year, v->month)));
	write_csv(r, v, &m.lines);
	write_totals(r, v, &m.rl);
	return signoff_csv_rows(r, &m, r->out, e);
}
