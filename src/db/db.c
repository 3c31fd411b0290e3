/* MariaDB connections: connect lazily, prepare each statement once per
 * connection, copy results into the request arena, and turn a lost server
 * into PERR_DB_UNAVAILABLE plus a reconnect with backoff on a later call. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>

#include "clock.h"
#include "db.h"
#include "intparse.h"
#include "log.h"

#define DB_BACKOFF_MIN_MS  50     /* first retry after a failed connect */
#define DB_BACKOFF_MAX_MS  1000   /* never wait longer: outages end fast */
#define DB_MAX_PARAMS      64   /* ST_ADMIN_LIST_IDS has 50 */

struct db {
	struct dburl  url;          /* borrowed from the configuration */
	unsigned      timeout_s;
	bool          scripts;      /* multi-statement scripts allowed (install) */
	MYSQL        *my;
	MYSQL_STMT   *st[ST__MAX];
	long long     next_try_ms;  /* monotonic time of the next connect attempt */
	unsigned      backoff_ms;
	unsigned long long affected, insert_id;
	unsigned      last_err;     /* MariaDB errno of the last failure */
};


struct dbval dbv_int(long long v)       { return (struct dbval){.t = DB_INT, .i = v}; }
struct dbval dbv_double(double v)       { return (struct dbval){.t = DB_DOUBLE, .d = v}; }
struct dbval dbv_null(void)             { return (struct dbval){.t = DB_NULL}; }
struct dbval dbv_textn(const char *s, size_t n)
{
	return s ? (struct dbval){.t = DB_TEXT, .s = s, .len = n} : dbv_null();
}
struct dbval dbv_text(const char *s)    { return dbv_textn(s, s ? strlen(s) : 0); }

long long dbr_int(const struct dbrows *rs, size_t r, size_t c, long long fallback)
{
	const struct dbval *v = DBROW(rs, r, c);
	switch (v->t) {
	case DB_INT:    return v->i;
	case DB_DOUBLE: return (long long)v->d;
	case DB_TEXT:   {
		/* As strtoll reads it: blanks, a sign, the digits; the rest ignored. */
		const char *p = v->s;
		long long x;
		while (isspace((unsigned char)*p))
			p++;
		size_t sign = *p == '-' || *p == '+';
		size_t n = sign + int_digit_span(p + sign, strlen(p + sign));
		return int_parse(p, n, LLONG_MIN, LLONG_MAX, INT_SIGNED, &x) ? fallback : x;
	}
	default:        return fallback;
	}
}

double dbr_double(const struct dbrows *rs, size_t r, size_t c, double fallback)
{
	const struct dbval *v = DBROW(rs, r, c);
	switch (v->t) {
	case DB_DOUBLE: return v->d;
	case DB_INT:    return (double)v->i;
	case DB_TEXT:   {
		char *end = NULL;
		double x = strtod(v->s, &end);
		return end == v->s ? fallback : x;
	}
	default:        return fallback;
	}
}

const char *dbr_text(const struct dbrows *rs, size_t r, size_t c)
{
	const struct dbval *v = DBROW(rs, r, c);
	return v->t == DB_TEXT ? v->s : NULL;
}

bool dbr_isnull(const struct dbrows *rs, size_t r, size_t c)
{
	return DBROW(rs, r, c)->t == DB_NULL;
}

struct db *db_open(const struct dburl *url, unsigned timeout_s)
{
	struct db *db = xcalloc(1, sizeof(*db));
	db->url = *url;
	db->timeout_s = timeout_s ? timeout_s : 5;
	db->backoff_ms = DB_BACKOFF_MIN_MS;
	return db;
}

void db_enable_scripts(struct db *db)
{
	db->scripts = true;
}

static void db_disconnect(struct db *db)
{
	for (int i = 0; i < ST__MAX; i++) {
		if (db->st[i])
			mysql_stmt_close(db->st[i]);
		db->st[i] = NULL;
	}
	if (db->my)
		mysql_close(db->my);
	db->my = NULL;
}

void db_close(struct db *db)
{
	if (!db)
		return;
	db_disconnect(db);
	free(db);
}

bool db_is_up(struct db *db)
{
	return db->my != NULL;
}

/* Errors that mean the connection is unusable (server gone, timeout). */
static bool conn_error(unsigned err)
{
	return err == CR_SERVER_GONE_ERROR || err == CR_SERVER_LOST ||
	       err == CR_CONNECTION_ERROR || err == CR_CONN_HOST_ERROR ||
	       err == CR_SERVER_LOST_EXTENDED || err == CR_COMMANDS_OUT_OF_SYNC ||
	       err == ER_CONNECTION_KILLED || err == ER_SERVER_SHUTDOWN ||
	       err == ER_QUERY_INTERRUPTED || err == CR_UNKNOWN_ERROR;
}

/* Errors of the server's own resources or state, not of our statements:
 * the service is unavailable for a while (503), the request and the program
 * are fine (500 is for our bugs).  Numbers below 1000 are the server's
 * operating system errors, e.g. a temporary file that went missing. */
static bool server_trouble(unsigned err)
{
	switch (err) {
	case ER_LOCK_WAIT_TIMEOUT: case ER_LOCK_DEADLOCK: case ER_LOCK_TABLE_FULL:
	case ER_STATEMENT_TIMEOUT: case ER_CON_COUNT_ERROR: case ER_TOO_MANY_USER_CONNECTIONS:
	case ER_OUTOFMEMORY: case ER_OUT_OF_SORTMEMORY: case ER_OUT_OF_RESOURCES:
	case ER_DISK_FULL: case ER_RECORD_FILE_FULL: case ER_TEMP_FILE_WRITE_FAILURE:
	case ER_CANT_CREATE_FILE: case ER_CANT_OPEN_FILE: case ER_CANT_LOCK:
	case ER_ERROR_ON_READ: case ER_ERROR_ON_WRITE: case ER_ERROR_ON_CLOSE:
	case ER_GET_ERRNO: case ER_CRASHED_ON_USAGE: case ER_TABLE_DEF_CHANGED:
	case ER_ERROR_DURING_COMMIT: case ER_NET_READ_ERROR: case ER_READ_ONLY_MODE:
	case ER_OPTION_PREVENTS_STATEMENT:
		return true;
	default:
		return err > 0 && err < 1000;
	}
}

static int fail_conn(struct db *db, struct perr *e, const char *what)
{
	unsigned err = db->my ? mysql_errno(db->my) : 0;
	char msg[200];
	snprintf(msg, sizeof(msg), "%s", db->my ? mysql_error(db->my) : "no connection");
	db_disconnect(db);
	db->next_try_ms = clock_mono_ms() + db->backoff_ms;
	return PERR(e, PERR_DB_UNAVAILABLE, "%s: database unavailable (%u %s)", what, err, msg);
}

int db_connect(struct db *db, struct perr *e)
{
	if (db->my)
		return 0;
	long long now = clock_mono_ms();
	if (now < db->next_try_ms)
		return PERR(e, PERR_DB_UNAVAILABLE, "database down, next reconnect in %lld ms",
		            db->next_try_ms - now);
	MYSQL *my = mysql_init(NULL);
	if (!my)
		return PERR(e, PERR_INTERNAL, "mysql_init failed");
	unsigned connect_timeout = db->timeout_s < 2 ? db->timeout_s : 2;
	unsigned rw_timeout = db->timeout_s;
	my_bool off = 0;
	mysql_optionsv(my, MYSQL_OPT_CONNECT_TIMEOUT, &connect_timeout);
	mysql_optionsv(my, MYSQL_OPT_READ_TIMEOUT, &rw_timeout);
	mysql_optionsv(my, MYSQL_OPT_WRITE_TIMEOUT, &rw_timeout);
	mysql_optionsv(my, MYSQL_OPT_RECONNECT, &off);
	mysql_optionsv(my, MYSQL_SET_CHARSET_NAME, db->url.charset ? db->url.charset : "utf8mb4");
	/* Kimai stores UTC; make DATETIME <-> epoch conversions in SQL exact. */
	mysql_optionsv(my, MYSQL_INIT_COMMAND, "SET time_zone = '+00:00'");
	unsigned long flags = db->scripts ? CLIENT_MULTI_STATEMENTS : 0;
	db->my = my;
	if (!mysql_real_connect(my, db->url.unix_socket ? NULL : db->url.host,
	                        db->url.user, db->url.password, db->url.dbname,
	                        db->url.port, db->url.unix_socket, flags)) {
		unsigned err = mysql_errno(my);
		char msg[200];
		snprintf(msg, sizeof(msg), "%s", mysql_error(my));
		db_disconnect(db);
		db->next_try_ms = clock_mono_ms() + db->backoff_ms;
		db->backoff_ms = db->backoff_ms * 2 > DB_BACKOFF_MAX_MS ? DB_BACKOFF_MAX_MS
		                                                        : db->backoff_ms * 2;
		/* Access denied or unknown database are configuration errors, but
		 * for clients they look the same: the service is unavailable. */
		return PERR(e, PERR_DB_UNAVAILABLE, "cannot connect to database (%u %s)", err, msg);
	}
	db->backoff_ms = DB_BACKOFF_MIN_MS;
	db->next_try_ms = 0;
	return 0;
}

static int prepare(struct db *db, enum stmt id, struct perr *e)
{
	if (db->st[id])
		return 0;
	MYSQL_STMT *st = mysql_stmt_init(db->my);
	if (!st)
		return fail_conn(db, e, sql_name[id]);
	if (mysql_stmt_prepare(st, sql_text[id], strlen(sql_text[id]))) {
		unsigned err = mysql_stmt_errno(st);
		char msg[200];
		snprintf(msg, sizeof(msg), "%s", mysql_stmt_error(st));
		mysql_stmt_close(st);
		if (conn_error(err))
			return fail_conn(db, e, sql_name[id]);
		if (server_trouble(err))
			return PERR(e, PERR_DB_UNAVAILABLE, "prepare %s: %u %s", sql_name[id], err, msg);
		return PERR(e, PERR_INTERNAL, "prepare %s: %u %s", sql_name[id], err, msg);
	}
	my_bool on = 1;
	mysql_stmt_attr_set(st, STMT_ATTR_UPDATE_MAX_LENGTH, &on);
	db->st[id] = st;
	return 0;
}

static int stmt_fail(struct db *db, enum stmt id, struct perr *e)
{
	MYSQL_STMT *st = db->st[id];
	unsigned err = mysql_stmt_errno(st);
	db->last_err = err;
	if (conn_error(err) || err == 0)
		return fail_conn(db, e, sql_name[id]);
	char msg[200];
	snprintf(msg, sizeof(msg), "%s", mysql_stmt_error(st));
	mysql_stmt_free_result(st);
	if (server_trouble(err))
		return PERR(e, PERR_DB_UNAVAILABLE, "%s: %u %s", sql_name[id], err, msg);
	return PERR(e, PERR_INTERNAL, "%s: %u %s", sql_name[id], err, msg);
}

static enum dbtype column_type(enum enum_field_types t)
{
	switch (t) {
	case MYSQL_TYPE_TINY: case MYSQL_TYPE_SHORT: case MYSQL_TYPE_LONG:
	case MYSQL_TYPE_INT24: case MYSQL_TYPE_LONGLONG: case MYSQL_TYPE_YEAR:
	case MYSQL_TYPE_BIT:
		return DB_INT;
	case MYSQL_TYPE_FLOAT: case MYSQL_TYPE_DOUBLE:
	case MYSQL_TYPE_DECIMAL: case MYSQL_TYPE_NEWDECIMAL:
		return DB_DOUBLE;
	default:
		return DB_TEXT;   /* strings, blobs, dates and times as text */
	}
}

/* "YYYY-MM-DD HH:MM:SS" or "YYYY-MM-DD", as the client library writes a
 * DATETIME, TIMESTAMP or DATE without fractional seconds. */
static const char *time_text(struct arena *a, const MYSQL_TIME *t, bool with_time, size_t *len)
{
	unsigned v[6] = {t->year, t->month, t->day, t->hour, t->minute, t->second};
	char *s = arena_alloc(a, 20), *p = s;
	*len = with_time ? 19 : 10;
	if (v[0] > 9999)
		v[0] = 9999;
	for (int i = 1; i < 6; i++)
		v[i] %= 100;
	*p++ = (char)('0' + v[0] / 1000), *p++ = (char)('0' + v[0] / 100 % 10);
	*p++ = (char)('0' + v[0] / 10 % 10), *p++ = (char)('0' + v[0] % 10);
	for (int i = 1; i < (with_time ? 6 : 3); i++) {
		*p++ = i < 3 ? '-' : i == 3 ? ' ' : ':';
		*p++ = (char)('0' + v[i] / 10), *p++ = (char)('0' + v[i] % 10);
	}
	*p = '\0';
	return s;
}

static int fetch_rows(struct db *db, enum stmt id, struct arena *a,
                      struct dbrows *out, struct perr *e)
{
	MYSQL_STMT *st = db->st[id];
	MYSQL_RES *meta = mysql_stmt_result_metadata(st);
	int rc = 0;
	if (!meta) {
		if (out)
			*out = (struct dbrows){0};
		return 0;
	}
	if (mysql_stmt_store_result(st)) {
		mysql_free_result(meta);
		return stmt_fail(db, id, e);
	}
	size_t ncols = mysql_num_fields(meta);
	size_t nrows = (size_t)mysql_stmt_num_rows(st);
	/* Callers read columns by the names declared in sql.h. */
	if (ncols != sql_cols[id]) {
		mysql_free_result(meta);
		mysql_stmt_free_result(st);
		return PERR(e, PERR_INTERNAL, "%s: declared with %u columns, got %zu",
		            sql_name[id], sql_cols[id], ncols);
	}
	MYSQL_FIELD *fields = mysql_fetch_fields(meta);
	MYSQL_BIND *bind = arena_calloc(a, ncols, sizeof(*bind));
	enum dbtype *types = arena_calloc(a, ncols, sizeof(*types));
	long long *ival = arena_calloc(a, ncols, sizeof(*ival));
	double *dval = arena_calloc(a, ncols, sizeof(*dval));
	char **sval = arena_calloc(a, ncols, sizeof(*sval));
	unsigned long *lens = arena_calloc(a, ncols, sizeof(*lens));
	my_bool *nulls = arena_calloc(a, ncols, sizeof(*nulls));
	/* Whole-second dates and times arrive as MYSQL_TIME and are written
	 * as text here, exactly as the client library would write them but
	 * without a sprintf per value (two per timesheet row). */
	MYSQL_TIME *tval = arena_calloc(a, ncols, sizeof(*tval));
	unsigned char *tkind = arena_calloc(a, ncols, sizeof(*tkind));   /* 0, 'T', 'D' */
	for (size_t c = 0; c < ncols; c++) {
		types[c] = column_type(fields[c].type);
		bind[c].is_null = &nulls[c];
		bind[c].length = &lens[c];
		if ((fields[c].type == MYSQL_TYPE_DATETIME || fields[c].type == MYSQL_TYPE_TIMESTAMP ||
		     fields[c].type == MYSQL_TYPE_DATE) && fields[c].decimals == 0) {
			tkind[c] = fields[c].type == MYSQL_TYPE_DATE ? 'D' : 'T';
			bind[c].buffer_type = fields[c].type;
			bind[c].buffer = &tval[c];
			bind[c].buffer_length = sizeof(tval[c]);
		} else if (types[c] == DB_INT) {
			bind[c].buffer_type = MYSQL_TYPE_LONGLONG;
			bind[c].buffer = &ival[c];
			bind[c].is_unsigned = 0;
		} else if (types[c] == DB_DOUBLE) {
			bind[c].buffer_type = MYSQL_TYPE_DOUBLE;
			bind[c].buffer = &dval[c];
		} else {
			size_t cap = fields[c].max_length + 1;
			sval[c] = arena_alloc(a, cap);
			bind[c].buffer_type = MYSQL_TYPE_STRING;
			bind[c].buffer = sval[c];
			bind[c].buffer_length = cap;
		}
	}
	if (mysql_stmt_bind_result(st, bind)) {
		rc = stmt_fail(db, id, e);
		goto out;
	}
	struct dbval *v = out ? arena_calloc(a, (nrows * ncols) > 0 ? nrows * ncols : 1, sizeof(*v)) : NULL;
	size_t r = 0;
	for (;;) {
		int f = mysql_stmt_fetch(st);
		if (f == MYSQL_NO_DATA)
			break;
		if (f == 1) {
			rc = stmt_fail(db, id, e);
			goto out;
		}
		if (!v || r >= nrows)
			continue;
		for (size_t c = 0; c < ncols; c++) {
			struct dbval *d = &v[r * ncols + c];
			if (nulls[c]) {
				d->t = DB_NULL;
			} else if (types[c] == DB_INT) {
				d->t = DB_INT;
				d->i = ival[c];
			} else if (types[c] == DB_DOUBLE) {
				d->t = DB_DOUBLE;
				d->d = dval[c];
			} else if (tkind[c]) {
				d->t = DB_TEXT;
				d->s = time_text(a, &tval[c], tkind[c] == 'T', &d->len);
			} else {
				size_t n = lens[c] < bind[c].buffer_length ? lens[c] : bind[c].buffer_length - 1;
				d->t = DB_TEXT;
				d->s = arena_strndup(a, sval[c], n);
				d->len = n;
			}
		}
		r++;
	}
	if (out) {
		out->nrows = r;
		out->ncols = ncols;
		out->v = v;
	}
out:
	mysql_stmt_free_result(st);
	mysql_free_result(meta);
	return rc;
}

/* A connection the server closed while it sat idle (a restart, its
 * wait_timeout, a killed thread) is readable: at end of file, or with the
 * server's last error packet.  Between statements nothing else ever
 * arrives unasked, so this costs one poll() and no round trip. */
static bool idle_conn_dead(struct db *db)
{
	int fd = (int)mysql_get_socket(db->my);
	if (fd < 0)
		return true;
	struct pollfd p = {.fd = fd, .events = POLLIN};
	return poll(&p, 1, 0) > 0;
}

/* Replaces a connection found dead before use at once: the server may have
 * been back for long, and a backoff from the outage must not delay it.
 * Not on a connection that runs scripts (portal-install): its transaction
 * must fail rather than continue on a new connection. */
static void drop_if_dead(struct db *db)
{
	if (!db->my || db->scripts || !idle_conn_dead(db))
		return;
	log_info("database connection closed by the server while idle: reconnecting");
	db_disconnect(db);
	db->next_try_ms = 0;
	db->backoff_ms = DB_BACKOFF_MIN_MS;
}

/* Only a statement that reads may run twice: a write whose connection
 * died may or may not have been applied, so it is never retried. */
static bool stmt_reads(enum stmt id)
{
	const char *s = sql_text[id];
	while (isspace((unsigned char)*s) || *s == '(')
		s++;
	return strncasecmp(s, "SELECT", 6) == 0;
}

static int exec_once(struct db *db, enum stmt id, const struct dbval *params, size_t np,
                     struct arena *a, struct dbrows *out, struct perr *e);

int db_exec(struct db *db, enum stmt id, const struct dbval *params, size_t np,
            struct arena *a, struct dbrows *out, struct perr *e)
{
	drop_if_dead(db);
	bool reused = db->my != NULL;
	int rc = exec_once(db, id, params, np, a, out, e);
	/* The connection was alive a moment ago and the statement only reads:
	 * one more try on a fresh connection (a server restarted between the
	 * check and the statement).  Install scripts' transactions are never
	 * resumed this way. */
	if (rc && reused && !db->my && e->kind == PERR_DB_UNAVAILABLE && stmt_reads(id) && !db->scripts) {
		log_info("%s: connection lost, trying once more on a new one", sql_name[id]);
		*e = (struct perr){0};
		db->next_try_ms = 0;
		rc = exec_once(db, id, params, np, a, out, e);
	}
	return rc;
}

static int exec_once(struct db *db, enum stmt id, const struct dbval *params, size_t np,
                     struct arena *a, struct dbrows *out, struct perr *e)
{
	if (out)
		*out = (struct dbrows){0};
	if (np != sql_params[id])
		return PERR(e, PERR_INTERNAL, "%s: declared with %u parameters, got %zu",
		            sql_name[id], sql_params[id], np);
	if (np > DB_MAX_PARAMS)
		return PERR(e, PERR_INTERNAL, "%s: too many parameters", sql_name[id]);
	if (db_connect(db, e) || prepare(db, id, e))
		return -1;
	MYSQL_STMT *st = db->st[id];
	db->last_err = 0;
	if (mysql_stmt_param_count(st) != np)
		return PERR(e, PERR_INTERNAL, "%s: expects %lu parameters, got %zu",
		            sql_name[id], mysql_stmt_param_count(st), np);
	MYSQL_BIND bind[DB_MAX_PARAMS];
	unsigned long lens[DB_MAX_PARAMS];
	memset(bind, 0, sizeof(bind));
	for (size_t i = 0; i < np; i++) {
		const struct dbval *p = &params[i];
		switch (p->t) {
		case DB_NULL:
			bind[i].buffer_type = MYSQL_TYPE_NULL;
			break;
		case DB_INT:
			bind[i].buffer_type = MYSQL_TYPE_LONGLONG;
			bind[i].buffer = (void *)&p->i;
			break;
		case DB_DOUBLE:
			bind[i].buffer_type = MYSQL_TYPE_DOUBLE;
			bind[i].buffer = (void *)&p->d;
			break;
		case DB_TEXT:
			lens[i] = (unsigned long)p->len;
			bind[i].buffer_type = MYSQL_TYPE_STRING;
			bind[i].buffer = (void *)p->s;
			bind[i].buffer_length = lens[i];
			bind[i].length = &lens[i];
			break;
		}
	}
	if (np && mysql_stmt_bind_param(st, bind))
		return stmt_fail(db, id, e);
	if (mysql_stmt_execute(st))
		return stmt_fail(db, id, e);
	db->affected = mysql_stmt_affected_rows(st);
	db->insert_id = mysql_stmt_insert_id(st);
	return fetch_rows(db, id, a, out, e);
}

unsigned long long db_affected(struct db *db)
{
	return db->affected;
}

unsigned long long db_insert_id(struct db *db)
{
	return db->insert_id;
}

int db_exec_script(struct db *db, const char *sql, size_t len, struct perr *e)
{
	if (db_connect(db, e))
		return -1;
	if (mysql_real_query(db->my, sql, (unsigned long)len)) {
		unsigned err = mysql_errno(db->my);
		db->last_err = err;
		if (conn_error(err))
			return fail_conn(db, e, "script");
		return PERR(e, PERR_INTERNAL, "%u %s", err, mysql_error(db->my));
	}
	for (;;) {
		MYSQL_RES *res = mysql_store_result(db->my);
		if (res)
			mysql_free_result(res);
		int more = mysql_next_result(db->my);
		if (more == -1)
			break;
		if (more > 0) {
			unsigned err = mysql_errno(db->my);
			db->last_err = err;
			if (conn_error(err))
				return fail_conn(db, e, "script");
			return PERR(e, PERR_INTERNAL, "%u %s", err, mysql_error(db->my));
		}
	}
	db->affected = mysql_affected_rows(db->my);
	return 0;
}

unsigned db_errno(struct db *db)
{
	return db->last_err;
}

int db_library_init(void)
{
	return mysql_library_init(0, NULL, NULL);
}

void db_library_end(void)
{
	mysql_library_end();
}
