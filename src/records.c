/* The month's records of a share (records.h).  The month is cut in the
 * customer's time zone; each record is then dated in its own zone, the way
 * the person who entered it saw the day. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "fmt.h"
#include "log.h"
#include "month_ids.h"
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

/* Project ids per ST_RECORDS_MONTH (its IN list has this many places). */
#define RECORDS_BATCH 16

/* The projects whose records the page shows: one, or the visible projects
 * of the share's customer. */
static int source_projects(struct req *r, const struct share *s, long long project_id,
                           long long **ids, size_t *n, struct perr *e)
{
	struct dbrows rs;
	if (project_id) {
		*ids = arena_alloc(r->a, sizeof(**ids));
		(*ids)[0] = project_id;
		*n = 1;
		return 0;
	}
	struct dbval p = dbv_int(s->customer_id);
	if (db_exec(r->w->rdb, ST_RECORDS_PROJECTS, &p, 1, r->a, &rs, e))
		return -1;
	*ids = arena_calloc(r->a, rs.nrows ? rs.nrows : 1, sizeof(**ids));
	for (size_t i = 0; i < rs.nrows; i++)
		(*ids)[i] = dbr_int(&rs, i, 0, 0);
	*n = rs.nrows;
	return 0;
}

static int cmp_start(const void *pa, const void *pb)
{
	const struct record *a = pa, *b = pb;
	if (a->start_utc != b->start_utc)
		return a->start_utc < b->start_utc ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

int records_month(struct req *r, const struct share *s, long long project_id,
                  int year, int month, struct record_list *out, struct perr *e)
{
	char from[20], to[20];
	struct month_ids ids;
	long long *pids = NULL;
	size_t npids = 0, nbatches = 0, total = 0;
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
	if (source_projects(r, s, project_id, &pids, &npids, e))
		return -1;
	out->v = arena_alloc(r->a, sizeof(*out->v));
	if (npids == 0)
		return 0;
	if (month_ids_get(r->w->rdb, r->a, from, to, &ids, e))
		return -1;

	nbatches = (npids + RECORDS_BATCH - 1) / RECORDS_BATCH;
	struct dbrows *rs = arena_calloc(r->a, nbatches, sizeof(*rs));
	for (size_t b = 0; b < nbatches; b++) {
		struct dbval p[RECORDS_BATCH + 5];
		size_t first = b * RECORDS_BATCH;
		for (size_t k = 0; k < RECORDS_BATCH; k++) {
			size_t i = first + k < npids ? first + k : npids - 1;
			p[k] = dbv_int(pids[i]);
		}
		p[RECORDS_BATCH] = dbv_int(ids.lo);
		p[RECORDS_BATCH + 1] = dbv_int(ids.hi);
		p[RECORDS_BATCH + 2] = dbv_int(ids.max);
		p[RECORDS_BATCH + 3] = dbv_text(from);
		p[RECORDS_BATCH + 4] = dbv_text(to);
		if (db_exec(r->w->rdb, ST_RECORDS_MONTH, p, RECORDS_BATCH + 5, r->a, &rs[b], e))
			return -1;
		total += rs[b].nrows;
	}

	out->v = arena_calloc(r->a, total ? total : 1, sizeof(*out->v));
	for (size_t b = 0; b < nbatches; b++) {
		for (size_t i = 0; i < rs[b].nrows; i++) {
			struct record *rec = &out->v[out->n];
			if (fill_record(r, s, &rs[b], i, rec, e))
				return -1;
			out->n++;
			out->total_duration += rec->duration;
			if (rec->billable)
				out->total_billable_rate += rec->rate;
		}
	}
	/* Each batch comes sorted; several are merged into start order. */
	if (nbatches > 1)
		qsort(out->v, out->n, sizeof(*out->v), cmp_start);
	return 0;
}
