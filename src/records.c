/* The month's records of a share (records.h).  The month is cut in the
 * customer's time zone; each record is then dated in its own zone, the way
 * the person who entered it saw the day. */
#include <string.h>
#include <time.h>

#include "db.h"
#include "fmt.h"
#include "log.h"
#include "records.h"
#include "req.h"
#include "server.h"
#include "share.h"

/* Columns of ST_RECORDS_MONTH_PROJECT / _CUSTOMER. */
enum {
	C_ID, C_USER, C_USER_NAME, C_PROJECT, C_PROJECT_NAME, C_START, C_END, C_TZ,
	C_DURATION, C_RATE, C_HOURLY_RATE, C_BILLABLE, C_DESCRIPTION,
};

/* A DATETIME literal in UTC: the connection's time_zone is +00:00 and
 * Kimai stores start_time in UTC, so the comparison is exact. */
static int utc_datetime(long long epoch, char out[20])
{
	time_t t = (time_t)epoch;
	struct tm tm;
	if (!gmtime_r(&t, &tm) || strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm) != 19)
		return -1;
	return 0;
}

static int fill_record(struct req *r, const struct share *s, const struct dbrows *rs,
                       size_t i, struct record *rec, struct perr *e)
{
	struct tm_local lt;
	const char *start = dbr_text(rs, i, C_START), *end = dbr_text(rs, i, C_END);
	rec->id = dbr_int(rs, i, C_ID, 0);
	rec->user_id = dbr_int(rs, i, C_USER, 0);
	rec->user_name = dbr_text(rs, i, C_USER_NAME);
	rec->project_id = dbr_int(rs, i, C_PROJECT, 0);
	rec->project_name = dbr_text(rs, i, C_PROJECT_NAME);
	if (!start || !end || utc_parse_datetime(start, &rec->start_utc) ||
	    utc_parse_datetime(end, &rec->end_utc))
		return PERR(e, PERR_INTERNAL, "timesheet %lld: unreadable start or end", rec->id);
	rec->timezone = dbr_text(rs, i, C_TZ);
	rec->duration = dbr_int(rs, i, C_DURATION, 0);
	rec->rate = dbr_double(rs, i, C_RATE, 0);
	rec->has_hourly_rate = !dbr_isnull(rs, i, C_HOURLY_RATE);
	rec->hourly_rate = dbr_double(rs, i, C_HOURLY_RATE, 0);
	rec->billable = dbr_int(rs, i, C_BILLABLE, 0) != 0;
	rec->description = dbr_text(rs, i, C_DESCRIPTION);
	if (!rec->user_name)
		rec->user_name = "";
	if (!rec->project_name)
		rec->project_name = "";
	if (!rec->timezone)
		rec->timezone = "";
	if (!rec->description)
		rec->description = "";

	/* An unknown zone falls back to UTC inside tz_local: the record still
	 * shows, dated as UTC, rather than failing the whole page. */
	int rc = tz_local(r->w->fmt, rec->timezone, rec->start_utc, &lt);
	if (rc < 0)
		return PERR(e, PERR_INTERNAL, "timesheet %lld: no local date", rec->id);
	if (rc == TZ_FALLBACK)
		log_debug("timesheet %lld: unknown time zone, dated in UTC", rec->id);
	rec->year = lt.year;
	rec->month = lt.month;
	rec->day = lt.day;
	if (tz_local(r->w->fmt, s->timezone, rec->start_utc, &lt) < 0)
		return PERR(e, PERR_INTERNAL, "timesheet %lld: no customer date", rec->id);
	rec->cust_day = lt.day;
	return 0;
}

int records_month(struct req *r, const struct share *s, long long project_id,
                  int year, int month, struct record_list *out, struct perr *e)
{
	struct dbrows rs;
	char from[20], to[20];
	memset(out, 0, sizeof(*out));
	out->year = year;
	out->month = month;
	if (tz_month_bounds(r->w->fmt, s->timezone, year, month, &out->month_start_utc,
	                    &out->month_end_utc) < 0)
		return PERR(e, PERR_INTERNAL, "no bounds for %04d-%02d", year, month);
	if (utc_datetime(out->month_start_utc, from) || utc_datetime(out->month_end_utc, to))
		return PERR(e, PERR_INTERNAL, "month %04d-%02d out of range", year, month);

	/* A project share shows its project; a customer share all visible
	 * projects of the customer, or the one the caller checked. */
	if (!project_id && !s->is_customer)
		project_id = s->project_id;
	struct dbval p[3] = {dbv_int(project_id ? project_id : s->customer_id),
	                     dbv_text(from), dbv_text(to)};
	if (db_exec(r->w->rdb, project_id ? ST_RECORDS_MONTH_PROJECT : ST_RECORDS_MONTH_CUSTOMER,
	            p, 3, r->a, &rs, e))
		return -1;

	out->v = arena_calloc(r->a, rs.nrows ? rs.nrows : 1, sizeof(*out->v));
	for (size_t i = 0; i < rs.nrows; i++) {
		struct record *rec = &out->v[out->n];
		if (fill_record(r, s, &rs, i, rec, e))
			return -1;
		out->n++;
		out->total_duration += rec->duration;
		if (rec->billable)
			out->total_billable_rate += rec->rate;
	}
	return 0;
}
