/* Database access.  Every SQL statement of the program lives in sql.c, named
 * by `enum stmt`; a connection prepares each statement lazily once and again
 * after a reconnect.  Results are copied into the caller's arena, so a
 * `struct dbrows` lives exactly as long as the request. */
#ifndef PORTAL_DB_H
#define PORTAL_DB_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "config.h"
#include "perr.h"
#include "sql.h"

enum dbtype { DB_NULL, DB_INT, DB_DOUBLE, DB_TEXT };

struct dbval {
	enum dbtype  t;
	long long    i;      /* DB_INT (also tinyint, dates as text) */
	double       d;      /* DB_DOUBLE */
	const char  *s;      /* DB_TEXT: NUL-terminated, may contain NULs (len) */
	size_t       len;
};

/* Parameter constructors. */
struct dbval dbv_int(long long v);
struct dbval dbv_double(double v);
struct dbval dbv_text(const char *s);              /* NULL -> DB_NULL */
struct dbval dbv_textn(const char *s, size_t n);
struct dbval dbv_null(void);

struct dbrows {
	size_t         nrows;
	size_t         ncols;
	struct dbval  *v;    /* nrows * ncols, row-major */
};
#define DBROW(rs, r, c) (&(rs)->v[(r) * (rs)->ncols + (c)])

/* Typed accessors of one cell: NULL cells give the fallback. */
long long   dbr_int(const struct dbrows *rs, size_t r, size_t c, long long fallback);
double      dbr_double(const struct dbrows *rs, size_t r, size_t c, double fallback);
const char *dbr_text(const struct dbrows *rs, size_t r, size_t c);  /* NULL if NULL */
bool        dbr_isnull(const struct dbrows *rs, size_t r, size_t c);

struct db;

/* Connects lazily: db_open never fails; the first query connects. */
struct db *db_open(const struct dburl *url, unsigned timeout_s);
void       db_close(struct db *db);
/* Connect now (portal check, portal-install); fills e on failure. */
int        db_connect(struct db *db, struct perr *e);
bool       db_is_up(struct db *db);

/* Runs statement `id` with `np` parameters, its declared count (sql.h;
 * a different count is a PERR_INTERNAL error).  Rows (if any) go to `out`
 * (may be NULL for statements without a result).  A lost connection gives
 * PERR_DB_UNAVAILABLE; the next call reconnects (with backoff between attempts). */
int db_exec(struct db *db, enum stmt id, const struct dbval *params, size_t np,
            struct arena *a, struct dbrows *out, struct perr *e);
/* Affected rows / insert id of the last db_exec on this connection. */
unsigned long long db_affected(struct db *db);
unsigned long long db_insert_id(struct db *db);

/* Plain (non-prepared) SQL for fixed, parameter-free text only: schema files
 * applied by portal-install, transactions.  Never build SQL from input. */
int db_exec_script(struct db *db, const char *sql, size_t len, struct perr *e);
/* Allow multi-statement scripts on this connection (portal-install only);
 * call before the first query. */
void db_enable_scripts(struct db *db);
/* MariaDB error number of the last failure on this connection (0 if none). */
unsigned db_errno(struct db *db);
/* MariaDB's ER_DUP_ENTRY: an insert collided with a unique index. */
#define DB_ERR_DUP_ENTRY 1062

/* The client library's process-wide set-up and tear-down: call once in
 * main(), before any thread starts and after every one has ended.  Non-zero
 * when the library cannot start. */
int  db_library_init(void);
void db_library_end(void);

#endif
