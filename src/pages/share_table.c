/* The timesheet table and the project list of the share page
 * (share_view.h).  Columns the share hides are left out of the template
 * data altogether, so no template mistake can show them. */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "escape.h"
#include "fmt.h"
#include "req.h"
#include "share_stats.h"
#include "share_view.h"
#include "url.h"

const char *share_decimal(struct req *r, double amount)
{
	/* Whole cents first: "%.2f" of a sum of doubles could print -0.00, and
	 * printf's radix would follow a locale if one were ever set. */
	double scaled = amount * 100.0;
	if (!(scaled > -9e15 && scaled < 9e15))
		scaled = 0;    /* NaN or absurd: never undefined behaviour below */
	long long cents = (long long)(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
	unsigned long long c = cents < 0 ? 0ULL - (unsigned long long)cents : (unsigned long long)cents;
	/* Digits by hand: two per row of a long table, printf costs too much. */
	char tmp[32], *p = tmp + sizeof(tmp);
	*--p = '\0';
	*--p = (char)('0' + c % 10);
	*--p = (char)('0' + c / 10 % 10);
	*--p = '.';
	c /= 100;
	do
		*--p = (char)('0' + c % 10);
	while ((c /= 10) != 0);
	if (cents < 0)
		*--p = '-';
	return arena_strndup(r->a, p, (size_t)(tmp + sizeof(tmp) - 1 - p));
}

static const char *money(struct req *r, const struct share *s, double amount)
{
	char out[FMT_BUF];
	return arena_strdup(r->a, fmt_money(r->fmt, r->lang, s->currency, amount, out,
	                                    sizeof(out)));
}

static const char *duration(struct req *r, long long seconds)
{
	char out[FMT_BUF];
	return arena_strdup(r->a, fmt_duration(seconds, out, sizeof(out)));
}

/* "2026-08-05" for the machine-readable attributes; years 0-9999. */
static const char *iso_date(int y, int m, int d, char out[16])
{
	if (y < 0 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) {
		snprintf(out, 16, "%04d-%02d-%02d", y, m, d);
		return out;
	}
	out[0] = (char)('0' + y / 1000), out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10), out[3] = (char)('0' + y % 10);
	out[4] = '-', out[5] = (char)('0' + m / 10), out[6] = (char)('0' + m % 10);
	out[7] = '-', out[8] = (char)('0' + d / 10), out[9] = (char)('0' + d % 10);
	out[10] = '\0';
	return out;
}

/* The rows of the records table are written here as HTML, not by the
 * template: a month of a busy customer has hundreds of rows of a dozen
 * values each, and as template data (one ClearSilver node per value, and
 * one variable lookup, escape and copy per value when rendering) they cost
 * three quarters of the page (docs/benchmark.md).  share.cs writes the
 * result raw (Table.RowsHtml), so every text that goes in is escaped here,
 * exactly as ClearSilver's html mode would: & < > " ' become entities and
 * CR is dropped.  The markup is the one share.cs had for its rows. */

/* Appending without a call per piece (rows are built from some forty
 * pieces each); rows_html() NUL-terminates the buffer at the end. */
static inline void put(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap)
		buf_reserve(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
}

static inline void puts_(struct buf *b, const char *s)
{
	put(b, s, strlen(s));
}

/* A string literal, its length known at compile time. */
#define PUT_LIT(b, lit) put((b), (lit), sizeof(lit) - 1)

static void put_int(struct buf *b, long long v)
{
	char tmp[24], *p = tmp + sizeof(tmp);
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	put(b, p, (size_t)(tmp + sizeof(tmp) - p));
}

/* Translated labels the rows repeat, escaped once per page. */
struct row_labels {
	const char *date, *user, *project, *description, *duration, *hourly_rate,
	           *total_rate, *not_billable, *partly_not_billable, *activity, *tags;
};

static const char *label(struct req *r, const char *key)
{
	struct buf b;
	buf_init(&b);
	esc_html(&b, msg(r, key));
	const char *out = arena_strndup(r->a, b.data ? b.data : "", b.len);
	buf_free(&b);
	return out;
}

static void put_cell(struct buf *b, const char *cls, const char *lbl)
{
	PUT_LIT(b, "<td class=\"");
	puts_(b, cls);
	PUT_LIT(b, "\" data-label=\"");
	puts_(b, lbl);
	PUT_LIT(b, "\">");
}

static void put_badge(struct buf *b, const char *lbl)
{
	PUT_LIT(b, "<span class=\"badge badge-muted\">");
	puts_(b, lbl);
	PUT_LIT(b, "</span>");
}

static void put_money(struct req *r, const struct share *s, struct buf *b, double amount)
{
	char out[FMT_BUF];
	esc_html(b, fmt_money(r->fmt, r->lang, s->currency, amount, out, sizeof(out)));
}

static void put_duration(struct buf *b, long long seconds)
{
	char out[FMT_BUF];
	esc_html(b, fmt_duration(seconds, out, sizeof(out)));
}

static void put_rates(struct req *r, const struct share *s, struct buf *b,
                      const struct row_labels *lb, const struct line *l)
{
	PUT_LIT(b, "\n");
	put_cell(b, "num hourly-rate", lb->hourly_rate);
	/* One rate: the rate alone.  Several (or one rate both billable and
	 * not): each with the time worked at it. */
	if (l->nparts == 1) {
		put_money(r, s, b, l->parts[0].hourly_rate);
	} else {
		for (size_t k = 0; k < l->nparts; k++) {
			const struct rate_part *p = &l->parts[k];
			PUT_LIT(b, "<span class=\"rate-parts\">");
			put_duration(b, p->duration);
			PUT_LIT(b, " \xe2\x80\x93 ");   /* en dash */
			put_money(r, s, b, p->hourly_rate);
			if (!p->billable) {
				PUT_LIT(b, " ");
				put_badge(b, lb->not_billable);
			}
			PUT_LIT(b, "</span>");
		}
	}
	PUT_LIT(b, "</td>\n");
	put_cell(b, "num total-rate", lb->total_rate);
	put_money(r, s, b, l->rate);
	if (l->nbillable && l->nbillable < l->nrecords) {
		PUT_LIT(b, "<span class=\"rate-parts\">");
		put_money(r, s, b, l->rate - l->billable_rate);
		PUT_LIT(b, " ");
		put_badge(b, lb->not_billable);
		PUT_LIT(b, "</span>");
	}
	PUT_LIT(b, "</td>");
}

static void rows_html(struct req *r, const struct share *s, bool project_col,
                      const struct line_list *lines, struct buf *b)
{
	const struct row_labels lb = {
		.date = label(r, "table.date"), .user = label(r, "table.user"),
		.project = label(r, "table.project"), .description = label(r, "table.description"),
		.duration = label(r, "table.duration"), .hourly_rate = label(r, "table.hourly_rate"),
		.total_rate = label(r, "table.total_rate"),
		.not_billable = label(r, "table.not_billable"),
		.partly_not_billable = label(r, "share.partly_not_billable"),
		.activity = s->show_activity ? label(r, "share.activity") : "",
		.tags = s->show_tags ? label(r, "share.tags") : "",
	};
	char date[FMT_BUF], iso[16];
	buf_reserve(b, lines->n * 1024);   /* about the size of a row */
	for (size_t i = 0; i < lines->n; i++) {
		const struct line *l = &lines->v[i];
		const char *billable = l->nbillable == l->nrecords ? "1" : l->nbillable ? "mixed" : "0";
		if (billable[0] == '0')
			PUT_LIT(b, "<tr class=\"record not-billable\" data-date=\"");
		else
			PUT_LIT(b, "<tr class=\"record\" data-date=\"");
		puts_(b, iso_date(l->year, l->month, l->day, iso));
		PUT_LIT(b, "\" data-duration=\"");
		put_int(b, l->duration);
		if (s->flags[AF_RATE_VISIBLE]) {
			PUT_LIT(b, "\" data-rate=\"");
			puts_(b, share_decimal(r, l->rate));
			PUT_LIT(b, "\" data-billable-rate=\"");
			puts_(b, share_decimal(r, l->billable_rate));
		}
		PUT_LIT(b, "\" data-billable=\"");
		puts_(b, billable);
		PUT_LIT(b, "\">\n");
		put_cell(b, "date", lb.date);
		esc_html(b, fmt_date_ymd(r->fmt, r->lang, l->year, l->month, l->day, date,
		                     sizeof(date)));
		PUT_LIT(b, "</td>");
		if (s->flags[AF_USER_VISIBLE]) {
			put_cell(b, "user", lb.user);
			esc_html(b, l->user_name);
			PUT_LIT(b, "</td>");
		}
		if (project_col) {
			put_cell(b, "project", lb.project);
			for (size_t k = 0; k < l->nprojects; k++) {
				if (k)
					PUT_LIT(b, ", ");
				esc_html(b, l->projects[k]);
			}
			PUT_LIT(b, "</td>");
		}
		if (s->show_activity) {
			put_cell(b, "activity", lb.activity);
			/* Each name isolated: "Support (2nd level)" keeps its
			 * brackets in a right-to-left page. */
			for (size_t k = 0; k < l->nactivities; k++) {
				if (k)
					PUT_LIT(b, ", ");
				PUT_LIT(b, "<bdi>");
				esc_html(b, l->activities[k]);
				PUT_LIT(b, "</bdi>");
			}
			PUT_LIT(b, "</td>");
		}
		PUT_LIT(b, "\n");
		put_cell(b, "desc", lb.description);
		PUT_LIT(b, "<div class=\"desc\">");
		esc_html(b, l->description);
		PUT_LIT(b, "</div>");
		if (s->show_tags && l->ntags) {
			/* Small chips after the description (never inside .desc). */
			PUT_LIT(b, "<div class=\"badges tags\" role=\"list\" aria-label=\"");
			puts_(b, lb.tags);
			PUT_LIT(b, "\">");
			for (size_t k = 0; k < l->ntags; k++) {
				PUT_LIT(b, "<span class=\"badge tag\" role=\"listitem\" dir=\"auto\">");
				esc_html(b, l->tags[k]);
				PUT_LIT(b, "</span>");
			}
			PUT_LIT(b, "</div>");
		}
		if (billable[0] == '0')
			put_badge(b, lb.not_billable);
		else if (billable[0] == 'm')
			put_badge(b, lb.partly_not_billable);
		PUT_LIT(b, "</td>\n");
		put_cell(b, "num duration", lb.duration);
		put_duration(b, l->duration);
		PUT_LIT(b, "</td>");
		if (s->flags[AF_RATE_VISIBLE])
			put_rates(r, s, b, &lb, l);
		PUT_LIT(b, "\n</tr>\n");
	}
	buf_reserve(b, 0);
	b->data[b->len] = '\0';
}

void share_table_set(struct req *r, const struct share_view *v, const struct record_list *rl,
                     const struct line_list *lines)
{
	const struct share *s = v->s;
	/* The project column helps only where several projects are listed. */
	bool project_col = s->is_customer && !v->project_id;
	if (s->flags[AF_USER_VISIBLE])
		rset(r, "Table.ShowUser", "1");
	if (project_col)
		rset(r, "Table.ShowProject", "1");
	if (s->flags[AF_RATE_VISIBLE])
		rset(r, "Table.ShowRates", "1");
	if (s->show_activity)
		rset(r, "Table.ShowActivity", "1");
	rseti(r, "Table.Count", (long long)lines->n);
	/* Columns before the duration: date, [user], [project], [activity],
	 * description. */
	rseti(r, "Table.LeadCols", 2 + s->flags[AF_USER_VISIBLE] + project_col + s->show_activity);

	if (lines->n) {
		struct buf b;
		buf_init(&b);
		rows_html(r, s, project_col, lines, &b);
		/* Into the request's arena, which keeps its block from one
		 * request to the next: no large allocation per page. */
		render_markup(r, "Table.RowsHtml", arena_strndup(r->a, buf_cstr(&b), b.len), b.len);
		buf_free(&b);
	}

	/* The footer's first line is the billable total; with non-billable
	 * records in the month, their sum and the total over every record
	 * follow on lines of their own, so the rows add up. */
	rset(r, "Table.TotalDuration", duration(r, rl->total_billable_duration));
	rseti(r, "Table.TotalDurationSec", rl->total_duration);
	if (s->flags[AF_RATE_VISIBLE]) {
		rset(r, "Table.TotalRate", money(r, s, rl->total_billable_rate));
		rset(r, "Table.TotalRateRaw", share_decimal(r, rl->total_billable_rate));
	}
	if (rl->n_nonbillable) {
		long long nb_secs = rl->total_duration - rl->total_billable_duration;
		double nb_rate = rl->total_nonbillable_rate;
		rset(r, "Table.NonBillable", "1");
		rseti(r, "Table.BillableDurationSec", rl->total_billable_duration);
		rset(r, "Table.NonBillableDuration", duration(r, nb_secs));
		rset(r, "Table.AllDuration", duration(r, rl->total_duration));
		if (s->flags[AF_RATE_VISIBLE]) {
			rset(r, "Table.NonBillableRate", money(r, s, nb_rate));
			rset(r, "Table.NonBillableRateRaw", share_decimal(r, nb_rate));
			rset(r, "Table.AllRate", money(r, s, rl->total_rate));
		}
	}
}

int share_projects_set(struct req *r, const struct share_view *v, const struct record_list *rl,
                       struct perr *e)
{
	/* The customer's visible projects, read with the month's records. */
	size_t n = rl->nprojects;
	rseti(r, "Projects.Count", (long long)n);
	if (v->s->flags[AF_BUDGET_STATS] || v->s->flags[AF_TIME_BUDGET_STATS])
		rset(r, "Projects.ShowBudgets", "1");
	struct url link = {.page = URL_SHARE, .key = v->s->key,
	                   .query = share_query(r, v->year, v->month, v->details)};
	for (size_t i = 0; i < n; i++) {
		long long id = rl->projects[i].id;
		const char *row = arena_printf(r->a, "Projects.List.%zu", i);
		rseti(r, arena_printf(r->a, "%s.Id", row), id);
		rset(r, arena_printf(r->a, "%s.Name", row), rl->projects[i].name);
		link.project_id = id;
		rset(r, arena_printf(r->a, "%s.Url", row), url_for(r, link));
		if (share_stats_project_row(r, v->s, id, v->year, v->month, row, e))
			return -1;
	}
	return 0;
}
