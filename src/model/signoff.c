/* Client sign-off (signoff.h): fingerprints, client networks, and the
 * statements of schema/003_signoff.sql. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "alloc.h"
#include "civil.h"
#include "db.h"
#include "mctx.h"
#include "records.h"
#include "signoff.h"

const char *const signoff_state_names[] = {
	[SIGNOFF_NONE]      = "none",
	[SIGNOFF_CONFIRMED] = "confirmed",
	[SIGNOFF_CHANGED]   = "changed",
	[SIGNOFF_WITHDRAWN] = "withdrawn",
};

/* Columns of SQL_SIGNOFF_COLS (sql.h). */
/* ------------------------------------------------------------ fingerprint */

static int cmp_id(const void *pa, const void *pb)
{
	const struct record *const *a = pa, *const *b = pb;
	return (*a)->id < (*b)->id ? -1 : (*a)->id > (*b)->id;
}

static void put(struct sha256_ctx *h, const char *s, size_t n)
{
	sha256_update(h, n, (const uint8_t *)s);
}

/* Money and rates with four decimals: exact for Kimai's DOUBLE columns as
 * they are entered (cents, at most four decimals), and the same text on
 * every host. */
static void put_record(struct sha256_ctx *h, const struct record *r)
{
	char b[512];
	const char *d = r->description ? r->description : "";
	int n = snprintf(b, sizeof(b),
	                 "%lld\t%lld\t%lld\t%lld\t%.4f\t%s%.4f\t%d\tu%lld\ta%lld\tp%lld\t%zu:",
	                 r->id, r->start_utc, r->end_utc, r->duration, r->rate,
	                 r->has_hourly_rate ? "" : "-", r->has_hourly_rate ? r->hourly_rate : 0.0,
	                 r->billable ? 1 : 0, r->user_id, r->activity_id, r->project_id,
	                 strlen(d));
	put(h, b, n > 0 && (size_t)n < sizeof(b) ? (size_t)n : 0);
	put(h, d, strlen(d));
	put(h, "\n", 1);
}

void signoff_summarize(const struct record_list *rl, struct signoff_sum *out)
{
	static const char hex[] = "0123456789abcdef";
	struct sha256_ctx h;
	uint8_t digest[SHA256_DIGEST_SIZE];
	const struct record **order = NULL;

	memset(out, 0, sizeof(*out));
	sha256_init(&h);
	put(&h, "portal-signoff-v1\n", 18);
	if (rl->n) {
		order = xcalloc(rl->n, sizeof(*order));
		for (size_t i = 0; i < rl->n; i++)
			order[i] = &rl->v[i];
		qsort(order, rl->n, sizeof(*order), cmp_id);
	}
	for (size_t i = 0; i < rl->n; i++) {
		put_record(&h, order[i]);
		out->duration += order[i]->duration;
		if (order[i]->billable)
			out->money += order[i]->rate;
	}
	free(order);
	out->count = (long long)rl->n;
	sha256_digest(&h, sizeof(digest), digest);
	for (size_t i = 0; i < sizeof(digest); i++) {
		out->fp[2 * i] = hex[digest[i] >> 4];
		out->fp[2 * i + 1] = hex[digest[i] & 15];
	}
	out->fp[SIGNOFF_FP_LEN] = '\0';
}

/* --------------------------------------------------------------- input */

void signoff_client_net(const char *addr, char out[SIGNOFF_NET_MAX])
{
	unsigned char b[16];
	char t[INET6_ADDRSTRLEN];

	if (addr && inet_pton(AF_INET, addr, b) == 1) {
		b[3] = 0;
		if (inet_ntop(AF_INET, b, t, sizeof(t))) {
			snprintf(out, SIGNOFF_NET_MAX, "%s/24", t);
			return;
		}
	} else if (addr && inet_pton(AF_INET6, addr, b) == 1) {
		memset(b + 6, 0, 10);
		if (inet_ntop(AF_INET6, b, t, sizeof(t))) {
			snprintf(out, SIGNOFF_NET_MAX, "%s/48", t);
			return;
		}
	}
	snprintf(out, SIGNOFF_NET_MAX, "unknown");
}

static bool space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

const char *signoff_clean_text(const struct mctx *mc, const char *s, size_t len,
                               size_t min_chars, size_t max_chars, bool multiline)
{
	size_t chars = 0;

	if (!s)
		s = "", len = 0;
	while (len && space((unsigned char)s[0]))
		s++, len--;
	while (len && space((unsigned char)s[len - 1]))
		len--;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) || c == 0x7f)
			return NULL;
		if ((c & 0xc0) != 0x80)
			chars++;   /* the request layer checked that it is UTF-8 */
	}
	if (chars < min_chars || chars > max_chars)
		return NULL;
	return arena_strndup(mc->a, s, len);
}

/* -------------------------------------------------------------- storage */

int signoff_enabled(const struct mctx *mc, long long share_id, bool *on, struct perr *e)
{
	struct dbrows rs;
	struct dbval p = dbv_int(share_id);

	*on = false;
	if (db_exec(mc->db, ST_SIGNOFF_ENABLED, &p, 1, mc->a, &rs, e))
		return -1;
	*on = rs.nrows > 0;
	return 0;
}

int signoff_set_enabled(const struct mctx *mc, long long share_id, bool on, struct perr *e)
{
	struct dbval p = dbv_int(share_id);
	return db_exec(mc->db, on ? ST_SIGNOFF_ENABLE : ST_SIGNOFF_DISABLE, &p, 1, mc->a, NULL, e);
}

int signoff_enabled_ids(const struct mctx *mc, long long **ids, size_t *n, struct perr *e)
{
	struct dbrows rs;

	*ids = NULL;
	*n = 0;
	if (db_exec(mc->db, ST_SIGNOFF_ENABLED_ALL, NULL, 0, mc->a, &rs, e))
		return -1;
	*ids = arena_calloc(mc->a, rs.nrows ? rs.nrows : 1, sizeof(**ids));
	for (size_t i = 0; i < rs.nrows; i++)
		(*ids)[i] = dbr_int(&rs, i, SIGNOFF_ONE_VALUE, 0);
	*n = rs.nrows;
	return 0;
}

bool signoff_id_in(const long long *ids, size_t n, long long id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ids[mid] == id)
			return true;
		if (ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

int signoff_recent(const struct mctx *mc, long long share_id, long long *count,
                   long long *retry_after, struct perr *e)
{
	struct dbrows rs;
	struct dbval p = dbv_int(share_id);

	*count = *retry_after = 0;
	if (db_exec(mc->db, ST_SIGNOFF_RECENT, &p, 1, mc->a, &rs, e))
		return -1;
	if (rs.nrows) {
		*count = dbr_int(&rs, 0, SIGNOFF_RECENT_COUNT, 0);
		*retry_after = dbr_int(&rs, 0, SIGNOFF_RECENT_RETRY_AFTER, 0);
	}
	if (*retry_after < 1)
		*retry_after = 1;
	return 0;
}

int signoff_insert(const struct mctx *mc, struct signoff *so, struct perr *e)
{
	struct dbval p[11] = {
		dbv_int(so->share_id), dbv_int(so->year), dbv_int(so->month), dbv_text(so->name),
		dbv_text(so->comment ? so->comment : ""), dbv_text(so->client_net),
		dbv_int(so->sum.duration), dbv_double(so->sum.money),
		dbv_text(so->currency && *so->currency ? so->currency : NULL),
		dbv_int(so->sum.count), dbv_text(so->sum.fp),
	};
	if (db_exec(mc->db, ST_SIGNOFF_INSERT, p, 11, mc->a, NULL, e))
		return -1;
	so->id = (long long)db_insert_id(mc->db);
	return 0;
}

static void row(const struct dbrows *rs, size_t i, struct signoff *so)
{
	const char *fp = dbr_text(rs, i, SIGNOFF_FP);

	memset(so, 0, sizeof(*so));
	so->id = dbr_int(rs, i, SIGNOFF_ID, 0);
	so->share_id = dbr_int(rs, i, SIGNOFF_SHARE, 0);
	so->year = (int)dbr_int(rs, i, SIGNOFF_YEAR, 0);
	so->month = (int)dbr_int(rs, i, SIGNOFF_MONTH, 0);
	so->name = dbr_text(rs, i, SIGNOFF_NAME);
	so->comment = dbr_text(rs, i, SIGNOFF_COMMENT);
	so->signed_at = dbr_text(rs, i, SIGNOFF_SIGNED_AT);
	if (!so->signed_at || utc_parse_datetime(so->signed_at, &so->signed_epoch))
		so->signed_epoch = 0;
	so->client_net = dbr_text(rs, i, SIGNOFF_NET);
	so->sum.duration = dbr_int(rs, i, SIGNOFF_DURATION, 0);
	so->sum.money = dbr_double(rs, i, SIGNOFF_MONEY, 0);
	so->currency = dbr_text(rs, i, SIGNOFF_CURRENCY);
	so->sum.count = dbr_int(rs, i, SIGNOFF_COUNT, 0);
	snprintf(so->sum.fp, sizeof(so->sum.fp), "%s", fp ? fp : "");
	so->withdrawn_at = dbr_text(rs, i, SIGNOFF_WITHDRAWN_AT);
	so->withdrawn_by = dbr_text(rs, i, SIGNOFF_WITHDRAWN_BY);
	if (!so->name)
		so->name = "";
	if (!so->comment)
		so->comment = "";
	if (!so->client_net)
		so->client_net = "";
}

int signoff_current(const struct mctx *mc, long long share_id, int year, int month,
                    struct signoff *out, bool *found, struct perr *e)
{
	struct dbrows rs;
	struct dbval p[3] = {dbv_int(share_id), dbv_int(year), dbv_int(month)};

	*found = false;
	if (db_exec(mc->db, ST_SIGNOFF_CURRENT, p, 3, mc->a, &rs, e))
		return -1;
	if (rs.nrows) {
		row(&rs, 0, out);
		*found = true;
	}
	return 0;
}

static int many(const struct mctx *mc, enum stmt st, long long share_id, struct signoff **out,
                size_t *n, struct perr *e)
{
	struct dbrows rs;
	struct dbval p = dbv_int(share_id);

	*out = NULL;
	*n = 0;
	if (db_exec(mc->db, st, &p, 1, mc->a, &rs, e))
		return -1;
	*out = arena_calloc(mc->a, rs.nrows ? rs.nrows : 1, sizeof(**out));
	for (size_t i = 0; i < rs.nrows; i++)
		row(&rs, i, &(*out)[i]);
	*n = rs.nrows;
	return 0;
}

int signoff_last_per_month(const struct mctx *mc, long long share_id, struct signoff **out,
                           size_t *n, struct perr *e)
{
	return many(mc, ST_SIGNOFF_LAST_PER_MONTH, share_id, out, n, e);
}

int signoff_all(const struct mctx *mc, long long share_id, struct signoff **out, size_t *n,
                struct perr *e)
{
	return many(mc, ST_SIGNOFF_ALL, share_id, out, n, e);
}

int signoff_withdraw(const struct mctx *mc, long long share_id, long long id, const char *who,
                     struct perr *e)
{
	struct dbval p[3] = {dbv_text(who ? who : ""), dbv_int(id), dbv_int(share_id)};

	if (db_exec(mc->db, ST_SIGNOFF_WITHDRAW, p, 3, mc->a, NULL, e))
		return -1;
	if (db_affected(mc->db) != 1)
		return PERR(e, PERR_NOT_FOUND, "no standing sign-off %lld of share %lld", id,
		            share_id);
	return 0;
}

enum signoff_state signoff_state_of(const struct signoff *so, const struct signoff_sum *now)
{
	if (so->withdrawn_at)
		return SIGNOFF_WITHDRAWN;
	return strcmp(so->sum.fp, now->fp) == 0 ? SIGNOFF_CONFIRMED : SIGNOFF_CHANGED;
}
