/* The month's records of a share (records.h).  The month is cut in the
 * customer's time zone; each record is then dated in its own zone, the way
 * the person who entered it saw the day.
 *
 * How they are read, for speed on large tables (docs/benchmark.md): the
 * records of the projects' id range of the month (month_ids.h), from the
 * timesheet table alone; the month and "stopped" are checked here, the
 * order is made here, and user and project names come from two small
 * lookups instead of a join per row.  Kimai's optimizer-visible indexes on
 * start_time and end_time make MariaDB spend longer planning a query that
 * names those columns than running it. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "db.h"
#include "tz.h"
#include "log.h"
#include "month_ids.h"
#include "records.h"
#include "sort.h"
#include "ttl_cache.h"
#include "mctx.h"

#include "share.h"

/* An id and its display name: projects and users, sorted by id. */
struct named {
	long long   id;
	const char *name;
};

static int cmp_named(const void *pa, const void *pb)
{
	const struct named *a = pa, *b = pb;
	return a->id < b->id ? -1 : a->id > b->id;
}

static const char *name_of(const struct named *v, size_t n, long long id)
{
	struct named key = {.id = id};
	const struct named *hit = n ? bsearch(&key, v, n, sizeof(*v), cmp_named) : NULL;
	return hit && hit->name ? hit->name : "";
}

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

/* Fills `rec` from row i; 1 when the row is not a record of the month
 * (outside it, or still running), which the caller skips. */
static int fill_record(const struct mctx *mc, const struct share *s, const struct record_list *out,
                       const struct dbrows *rs, size_t i, struct record *rec, struct perr *e)
{
	struct tm_local lt;
	const char *start = dbr_text(rs, i, RECORDS_MONTH_START);
	const char *end = dbr_text(rs, i, RECORDS_MONTH_END);
	rec->id = dbr_int(rs, i, RECORDS_MONTH_ID, 0);
	if (!start || utc_parse_datetime(start, &rec->start_utc))
		return PERR(e, PERR_INTERNAL, "timesheet %lld: unreadable start", rec->id);
	/* The id range holds the month's records and some neighbours. */
	if (rec->start_utc < out->month_start_utc || rec->start_utc >= out->month_end_utc ||
	    !end)
		return 1;
	if (utc_parse_datetime(end, &rec->end_utc))
		return PERR(e, PERR_INTERNAL, "timesheet %lld: unreadable end", rec->id);
	rec->user_id = dbr_int(rs, i, RECORDS_MONTH_USER, 0);
	rec->project_id = dbr_int(rs, i, RECORDS_MONTH_PROJECT, 0);
	rec->activity_id = dbr_int(rs, i, RECORDS_MONTH_ACTIVITY, 0);
	rec->timezone = dbr_text(rs, i, RECORDS_MONTH_TZ);
	rec->duration = dbr_int(rs, i, RECORDS_MONTH_DURATION, 0);
	rec->rate = dbr_double(rs, i, RECORDS_MONTH_RATE, 0);
	rec->has_hourly_rate = !dbr_isnull(rs, i, RECORDS_MONTH_HOURLY_RATE);
	rec->hourly_rate = dbr_double(rs, i, RECORDS_MONTH_HOURLY_RATE, 0);
	rec->billable = dbr_int(rs, i, RECORDS_MONTH_BILLABLE, 0) != 0;
	rec->description = dbr_text(rs, i, RECORDS_MONTH_DESCRIPTION);
	if (!rec->timezone)
		rec->timezone = "";
	if (!rec->description)
		rec->description = "";

	/* An unknown zone falls back to UTC inside tz_local: the record still
	 * shows, dated as UTC, rather than failing the whole page. */
	int rc = tz_local(mc->tz, rec->timezone, rec->start_utc, &lt);
	if (rc < 0)
		return PERR(e, PERR_INTERNAL, "timesheet %lld: no local date", rec->id);
	if (rc == TZ_FALLBACK)
		log_debug("timesheet %lld: unknown time zone, dated in UTC", rec->id);
	rec->year = lt.year;
	rec->month = lt.month;
	rec->day = lt.day;
	if (tz_local(mc->tz, s->timezone, rec->start_utc, &lt) < 0)
		return PERR(e, PERR_INTERNAL, "timesheet %lld: no customer date", rec->id);
	rec->cust_day = lt.day;
	return 0;
}

/* The projects whose records the page shows, with their names: one, or
 * the visible projects of the share's customer.  `list` gets them in the
 * order the statement gives (name, then id); `out` sorted by id. */
static int source_projects(const struct mctx *mc, const struct share *s, long long project_id,
                           struct named **out, size_t *n, struct record_list *list,
                           struct perr *e)
{
	struct dbrows rs;
	struct dbval p;
	struct record_project *l;
	*n = 0;
	if (project_id && !s->is_customer && project_id == s->project_id) {
		*out = arena_alloc(mc->a, sizeof(**out));
		(*out)[0] = (struct named){project_id, s->project_name};
		*n = 1;
		l = arena_alloc(mc->a, sizeof(*l));
		*l = (struct record_project){project_id, s->project_name};
		list->projects = l;
		list->nprojects = 1;
		return 0;
	}
	p = dbv_int(project_id ? project_id : s->customer_id);
	if (db_exec(mc->db, project_id ? ST_RECORDS_PROJECT : ST_RECORDS_PROJECTS, &p, 1,
	            mc->a, &rs, e))
		return -1;
	*out = arena_calloc(mc->a, rs.nrows ? rs.nrows : 1, sizeof(**out));
	l = arena_calloc(mc->a, rs.nrows ? rs.nrows : 1, sizeof(*l));
	for (size_t i = 0; i < rs.nrows; i++) {
		(*out)[i] = (struct named){dbr_int(&rs, i, PROJECT_NAME_ID, 0),
		                              dbr_text(&rs, i, PROJECT_NAME_NAME)};
		l[i] = (struct record_project){(*out)[i].id, (*out)[i].name};
	}
	*n = rs.nrows;
	list->projects = l;
	list->nprojects = rs.nrows;
	qsort(*out, *n, sizeof(**out), cmp_named);
	return 0;
}

/* Display names by user id, process-wide for at most USER_NAMES_TTL
 * seconds: a page shows the same few people on every view, and asking for
 * their names cost a statement per page.  A renamed user shows under the
 * new name within that time (docs/benchmark.md); names too long for a
 * slot are asked for every time. */
struct user_name_val {
	char name[USER_NAME_MAX];
};
TTL_CACHE_DEFINE(user_cache, USER_NAMES_SLOTS, sizeof(struct user_name_val), USER_NAMES_TTL);

void records_user_names_clear(void)
{
	ttl_cache_clear(&user_cache);
}

static struct ttl_key user_key(long long id)
{
	struct ttl_key k;
	memset(&k, 0, sizeof(k));
	k.id = id;
	return k;
}

/* Display names (alias, else username) of the records' users. */
static int user_names(const struct mctx *mc, const struct record_list *out, struct named **users,
                      size_t *n, struct perr *e)
{
	struct named *v = arena_calloc(mc->a, out->n ? out->n : 1, sizeof(*v));
	size_t k = 0, nmiss = 0;
	long long now = clock_mono_s();
	*n = 0;
	for (size_t i = 0; i < out->n; i++)
		v[i].id = out->v[i].user_id;
	qsort(v, out->n, sizeof(*v), cmp_named);
	for (size_t i = 0; i < out->n; i++)
		if (k == 0 || v[k - 1].id != v[i].id)
			v[k++].id = v[i].id;
	/* The remembered names first; the others are asked for below. */
	long long *miss = arena_calloc(mc->a, k ? k : 1, sizeof(*miss));
	for (size_t i = 0; i < k; i++) {
		struct ttl_key key = user_key(v[i].id);
		struct user_name_val val;
		if (ttl_cache_get(&user_cache, &key, now, &val))
			v[i].name = arena_strdup(mc->a, val.name);
		else
			miss[nmiss++] = v[i].id;
	}
	for (size_t first = 0; first < nmiss; first += SQL_RECORDS_BATCH) {
		struct dbval p[SQL_RECORDS_BATCH];
		struct dbrows rs;
		for (size_t j = 0; j < SQL_RECORDS_BATCH; j++)
			p[j] = dbv_int(miss[first + j < nmiss ? first + j : nmiss - 1]);
		if (db_exec(mc->db, ST_RECORDS_USERS, p, SQL_RECORDS_BATCH, mc->a, &rs, e))
			return -1;
		for (size_t i = 0; i < rs.nrows; i++) {
			struct named key = {.id = dbr_int(&rs, i, RECORDS_USERS_ID, 0)};
			struct named *hit = bsearch(&key, v, k, sizeof(*v), cmp_named);
			const char *name = dbr_text(&rs, i, RECORDS_USERS_NAME);
			if (!hit)
				continue;
			hit->name = name;
			struct user_name_val val;
			size_t len = name ? strlen(name) : 0;
			if (name && len < sizeof(val.name)) {
				struct ttl_key ck = user_key(key.id);
				memset(&val, 0, sizeof(val));
				memcpy(val.name, name, len);
				ttl_cache_put(&user_cache, &ck, now, &val);
			}
		}
	}
	*users = v;
	*n = k;
	return 0;
}

/* Names of the records' activities (shares showing them): one lookup per
 * SQL_RECORDS_BATCH distinct activity ids, usually one for the month. */
static int activity_names(const struct mctx *mc, struct record_list *out, struct perr *e)
{
	struct named *v = arena_calloc(mc->a, out->n ? out->n : 1, sizeof(*v));
	size_t k = 0;
	for (size_t i = 0; i < out->n; i++)
		v[i].id = out->v[i].activity_id;
	qsort(v, out->n, sizeof(*v), cmp_named);
	for (size_t i = 0; i < out->n; i++)
		if (k == 0 || v[k - 1].id != v[i].id)
			v[k++].id = v[i].id;
	for (size_t first = 0; first < k; first += SQL_RECORDS_BATCH) {
		struct dbval p[SQL_RECORDS_BATCH];
		struct dbrows rs;
		for (size_t j = 0; j < SQL_RECORDS_BATCH; j++)
			p[j] = dbv_int(v[first + j < k ? first + j : k - 1].id);
		if (db_exec(mc->db, ST_RECORDS_ACTIVITIES, p, SQL_RECORDS_BATCH, mc->a, &rs, e))
			return -1;
		for (size_t i = 0; i < rs.nrows; i++) {
			struct named key = {.id = dbr_int(&rs, i, RECORDS_ACTIVITIES_ID, 0)};
			struct named *hit = bsearch(&key, v, k, sizeof(*v), cmp_named);
			if (hit)
				hit->name = dbr_text(&rs, i, RECORDS_ACTIVITIES_NAME);
		}
	}
	for (size_t i = 0; i < out->n; i++)
		out->v[i].activity_name = name_of(v, k, out->v[i].activity_id);
	return 0;
}

static int cmp_record_id(const void *pa, const void *pb)
{
	const struct record *a = pa, *b = pb;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* Gives the records their visible tags (shares showing them) from the rows
 * `rs` of ST_RECORDS_TAGS, read with the parameters of the records' own
 * batch: one statement per batch of projects, not one per record.  Rows
 * come ordered by record id, then tag name; rows of records not kept
 * (neighbours of the month, running ones) are skipped.  `out` must be
 * sorted by id. */
static void attach_tags(const struct mctx *mc, struct record_list *out, const struct dbrows *rs)
{
	for (size_t i = 0; i < rs->nrows;) {
		struct record key = {.id = dbr_int(rs, i, RECORDS_TAGS_RECORD, 0)};
		size_t j = i + 1;
		while (j < rs->nrows && dbr_int(rs, j, RECORDS_TAGS_RECORD, 0) == key.id)
			j++;
		struct record *rec = out->n ? bsearch(&key, out->v, out->n, sizeof(*out->v),
		                                      cmp_record_id) : NULL;
		if (rec) {
			rec->tags = arena_calloc(mc->a, j - i, sizeof(*rec->tags));
			for (size_t t = i; t < j; t++) {
				const char *name = dbr_text(rs, t, RECORDS_TAGS_NAME);
				if (name)
					rec->tags[rec->ntags++] = name;
			}
		}
		i = j;
	}
}

static int cmp_start(const void *pa, const void *pb)
{
	const struct record *a = pa, *b = pb;
	if (a->start_utc != b->start_utc)
		return a->start_utc < b->start_utc ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

int records_month(const struct mctx *mc, const struct share *s, long long project_id,
                  int year, int month, struct record_list *out, struct perr *e)
{
	char from[20], to[20];
	struct month_ids ids;
	struct named *projects = NULL, *users = NULL;
	size_t nprojects = 0, nusers = 0, nbatches = 0, total = 0;
	memset(out, 0, sizeof(*out));
	out->year = year;
	out->month = month;
	if (tz_month_bounds(mc->tz, s->timezone, year, month, &out->month_start_utc,
	                    &out->month_end_utc) < 0)
		return PERR(e, PERR_INTERNAL, "no bounds for %04d-%02d", year, month);
	if (utc_datetime(out->month_start_utc, from) || utc_datetime(out->month_end_utc, to))
		return PERR(e, PERR_INTERNAL, "month %04d-%02d out of range", year, month);

	/* A project share shows its project; a customer share all visible
	 * projects of the customer, or the one the caller checked. */
	if (!project_id && !s->is_customer)
		project_id = s->project_id;
	if (source_projects(mc, s, project_id, &projects, &nprojects, out, e))
		return -1;
	out->v = arena_alloc(mc->a, sizeof(*out->v));
	if (nprojects == 0)
		return 0;
	if (month_ids_get(mc->db, mc->a, from, to, &ids, e))
		return -1;

	nbatches = (nprojects + SQL_RECORDS_BATCH - 1) / SQL_RECORDS_BATCH;
	struct dbrows *rs = arena_calloc(mc->a, nbatches, sizeof(*rs));
	struct dbrows *tag_rs = s->show_tags ? arena_calloc(mc->a, nbatches, sizeof(*tag_rs)) : NULL;
	for (size_t b = 0; b < nbatches; b++) {
		struct dbval p[SQL_RECORDS_BATCH + 3];
		size_t first = b * SQL_RECORDS_BATCH;
		for (size_t k = 0; k < SQL_RECORDS_BATCH; k++)
			p[k] = dbv_int(projects[first + k < nprojects ? first + k : nprojects - 1].id);
		p[SQL_RECORDS_BATCH] = dbv_int(ids.lo);
		p[SQL_RECORDS_BATCH + 1] = dbv_int(ids.hi);
		p[SQL_RECORDS_BATCH + 2] = dbv_int(ids.max);
		if (db_exec(mc->db, ST_RECORDS_MONTH, p, SQL_RECORDS_BATCH + 3, mc->a, &rs[b], e))
			return -1;
		/* The same rows' tags; read before the rows are looked at, while
		 * the parameters are at hand (tags of rows not kept are dropped). */
		if (tag_rs && db_exec(mc->db, ST_RECORDS_TAGS, p, SQL_RECORDS_BATCH + 3, mc->a,
		                      &tag_rs[b], e))
			return -1;
		total += rs[b].nrows;
	}

	out->v = arena_calloc(mc->a, total ? total : 1, sizeof(*out->v));
	for (size_t b = 0; b < nbatches; b++) {
		for (size_t i = 0; i < rs[b].nrows; i++) {
			struct record *rec = &out->v[out->n];
			int rc = fill_record(mc, s, out, &rs[b], i, rec, e);
			if (rc < 0)
				return -1;
			if (rc > 0)
				memset(rec, 0, sizeof(*rec));
			else
				out->n++;
		}
	}
	if (user_names(mc, out, &users, &nusers, e))
		return -1;
	if (s->show_activity && out->n && activity_names(mc, out, e))
		return -1;
	if (tag_rs && out->n) {
		qsort(out->v, out->n, sizeof(*out->v), cmp_record_id);
		for (size_t b = 0; b < nbatches; b++)
			attach_tags(mc, out, &tag_rs[b]);
	}
	sort_large(out->v, out->n, sizeof(*out->v), cmp_start);
	/* Names, and the totals summed in the order shown. */
	size_t kept = 0;
	for (size_t i = 0; i < out->n; i++) {
		struct record *rec = &out->v[i];
		struct named key = {.id = rec->user_id};
		const struct named *u = bsearch(&key, users, nusers, sizeof(*users), cmp_named);
		if (!u || !u->name)
			continue;   /* no such user: Kimai's foreign key makes this impossible */
		rec->user_name = u->name;
		rec->project_name = name_of(projects, nprojects, rec->project_id);
		out->total_duration += rec->duration;
		out->total_rate += rec->rate;
		if (rec->billable) {
			out->total_billable_duration += rec->duration;
			out->total_billable_rate += rec->rate;
		} else {
			out->total_nonbillable_rate += rec->rate;
			out->n_nonbillable++;
		}
		out->v[kept++] = *rec;
	}
	out->n = kept;
	return 0;
}
