/* Merging a month's records into table lines (merge.h). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "merge.h"
#include "sort.h"

static int cmp_ll(long long a, long long b)
{
	return a < b ? -1 : a > b;
}

static int cmp_date(int y1, int m1, int d1, int y2, int m2, int d2)
{
	if (y1 != y2)
		return y1 < y2 ? -1 : 1;
	if (m1 != m2)
		return m1 < m2 ? -1 : 1;
	return d1 < d2 ? -1 : d1 > d2;
}

/* Grouping order: the records of one (date, user) become neighbours,
 * each group in the order they were worked. */
static int cmp_group(const void *pa, const void *pb)
{
	const struct record *a = *(const struct record *const *)pa;
	const struct record *b = *(const struct record *const *)pb;
	int c = cmp_date(a->year, a->month, a->day, b->year, b->month, b->day);
	if (!c)
		c = cmp_ll(a->user_id, b->user_id);
	if (!c)
		c = cmp_ll(a->start_utc, b->start_utc);
	return c ? c : cmp_ll(a->id, b->id);
}

/* Display order.  Names compare without ASCII case first so "anna" sits
 * beside "Anna"; the byte order then makes the result deterministic. */
static int cmp_line(const void *pa, const void *pb)
{
	const struct line *a = pa, *b = pb;
	int c = cmp_date(a->year, a->month, a->day, b->year, b->month, b->day);
	if (!c)
		c = strcasecmp(a->user_name, b->user_name);
	if (!c)
		c = strcmp(a->user_name, b->user_name);
	if (!c)
		c = cmp_ll(a->start_utc, b->start_utc);
	return c ? c : cmp_ll(a->first_id, b->first_id);
}

static bool same_group(const struct record *a, const struct record *b)
{
	return a->year == b->year && a->month == b->month && a->day == b->day &&
	       a->user_id == b->user_id;
}

/* Appends `name` to v[0..*n) unless it is there already. */
static void add_distinct(const char **v, size_t *n, const char *name)
{
	for (size_t k = 0; k < *n; k++)
		if (strcmp(v[k], name) == 0)
			return;
	v[(*n)++] = name;
}

/* Adds `r` to the line; `cap` is the number of records of the group, an
 * upper bound for its distinct projects, activities and rates, `tag_cap`
 * the number of tags of its records. */
static void add_record(struct line *l, const struct record *r, size_t cap, size_t tag_cap,
                       enum merge_mode mode, struct arena *a, struct buf *desc)
{
	if (l->nrecords == 0) {
		l->year = r->year, l->month = r->month, l->day = r->day;
		l->user_id = r->user_id;
		l->user_name = r->user_name;
		l->start_utc = r->start_utc;
		l->first_id = r->id;
		l->projects = arena_calloc(a, cap, sizeof(*l->projects));
		l->parts = arena_calloc(a, cap, sizeof(*l->parts));
		l->description = r->description;
	} else if (mode == MERGE_LAST) {
		l->description = r->description;
	}
	if (mode == MERGE_ALL && r->description[0]) {
		if (desc->len)
			buf_putc(desc, '\n');
		buf_puts(desc, r->description);
	}
	l->nrecords++;
	l->duration += r->duration;
	l->rate += r->rate;
	if (r->billable) {
		l->nbillable++;
		l->billable_rate += r->rate;
	}

	add_distinct(l->projects, &l->nprojects, r->project_name);
	/* Activities and tags only for shares that show them (records.h). */
	if (r->activity_name) {
		if (!l->activities)
			l->activities = arena_calloc(a, cap, sizeof(*l->activities));
		add_distinct(l->activities, &l->nactivities, r->activity_name);
	}
	if (r->ntags) {
		if (!l->tags)
			l->tags = arena_calloc(a, tag_cap, sizeof(*l->tags));
		for (size_t t = 0; t < r->ntags; t++)
			add_distinct(l->tags, &l->ntags, r->tags[t]);
	}

	/* Fixed-rate records (no hourly rate) and empty durations say nothing
	 * about an hourly rate: they add money, but no rate entry. */
	if (!r->has_hourly_rate || !(r->hourly_rate > 0) || r->duration <= 0)
		return;
	size_t k;
	for (k = 0; k < l->nparts; k++)
		if (l->parts[k].hourly_rate == r->hourly_rate && l->parts[k].billable == r->billable)
			break;
	if (k == l->nparts)
		l->parts[l->nparts++] = (struct rate_part){r->hourly_rate, 0, r->billable};
	l->parts[k].duration += r->duration;
}

void merge_records(struct arena *a, const struct record *v, size_t n, enum merge_mode mode,
                   struct line_list *out)
{
	struct buf desc;
	out->v = NULL;
	out->n = 0;
	if (n == 0)
		return;
	const struct record **order = arena_calloc(a, n, sizeof(*order));
	for (size_t i = 0; i < n; i++)
		order[i] = &v[i];
	qsort(order, n, sizeof(*order), cmp_group);

	buf_init(&desc);
	out->v = arena_calloc(a, n, sizeof(*out->v));
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		if (mode != MERGE_NONE)
			while (j < n && same_group(order[i], order[j]))
				j++;
		struct line *l = &out->v[out->n++];
		size_t tag_cap = 0;
		for (size_t k = i; k < j; k++)
			tag_cap += order[k]->ntags;
		buf_reset(&desc);
		for (size_t k = i; k < j; k++)
			add_record(l, order[k], j - i, tag_cap, mode, a, &desc);
		if (mode == MERGE_ALL)
			l->description = arena_strndup(a, desc.len ? desc.data : "", desc.len);
		i = j;
	}
	buf_free(&desc);
	sort_large(out->v, out->n, sizeof(*out->v), cmp_line);
}
