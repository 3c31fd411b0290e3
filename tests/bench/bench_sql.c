/* The database floor of a page (scripts/bench, docs/benchmark.md): runs
 * the statements one page request runs, with the same values, from
 * `threads` connections at once for `seconds`, and prints how many such
 * "pages" MariaDB answered per second.  No templates, no HTTP: only what
 * the database must do for the page, and a client that does nothing else.
 *
 *   bench-sql HOST PORT USER PASSWORD DATABASE FILE THREADS SECONDS
 *
 * FILE holds one statement per line, values written in (as MariaDB's
 * general log shows a page's executions).  Each connection prepares every
 * statement once and executes it again and again over the binary protocol,
 * as the portal does with its own statements; each result is read to the
 * end.  It connects over TCP like the portal (scripts/bench points it at the
 * same address). */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <mysql.h>

#define MAX_STMTS 64

static const char *host, *user, *pass, *dbname;
static unsigned port;
static char *stmts[MAX_STMTS];
static size_t nstmts;
static atomic_long pages, failures;
static atomic_int stop;

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int run_one(MYSQL_STMT *st)
{
	if (mysql_stmt_execute(st))
		return -1;
	MYSQL_RES *meta = mysql_stmt_result_metadata(st);
	if (meta) {
		/* Every column fetched as a string into a buffer of its own. */
		unsigned n = mysql_num_fields(meta);
		MYSQL_BIND b[64];
		char data[64][256];
		unsigned long len[64];
		my_bool isnull[64];
		memset(b, 0, sizeof(b));
		for (unsigned i = 0; i < n && i < 64; i++) {
			b[i].buffer_type = MYSQL_TYPE_STRING;
			b[i].buffer = data[i];
			b[i].buffer_length = sizeof(data[i]);
			b[i].length = &len[i];
			b[i].is_null = &isnull[i];
		}
		if (n > 64 || mysql_stmt_bind_result(st, b)) {
			mysql_free_result(meta);
			return -1;
		}
		int rc;
		while ((rc = mysql_stmt_fetch(st)) == 0 || rc == MYSQL_DATA_TRUNCATED)
			;
		mysql_free_result(meta);
		if (rc != MYSQL_NO_DATA)
			return -1;
	}
	return mysql_stmt_free_result(st) ? -1 : 0;
}

static void *worker(void *arg)
{
	(void)arg;
	MYSQL *db = mysql_init(NULL);
	MYSQL_STMT *st[MAX_STMTS] = {0};
	if (!db || !mysql_real_connect(db, host, user, pass, dbname, port, NULL, 0)) {
		fprintf(stderr, "bench-sql: connect: %s\n", db ? mysql_error(db) : "no memory");
		atomic_fetch_add(&failures, 1);
		return NULL;
	}
	/* As the portal's connections: UTC, utf8mb4. */
	if (mysql_set_character_set(db, "utf8mb4") || mysql_query(db, "SET time_zone = '+00:00'")) {
		fprintf(stderr, "bench-sql: connection settings: %s\n", mysql_error(db));
		atomic_fetch_add(&failures, 1);
		goto out;
	}
	for (size_t i = 0; i < nstmts; i++) {
		st[i] = mysql_stmt_init(db);
		if (!st[i] || mysql_stmt_prepare(st[i], stmts[i], strlen(stmts[i]))) {
			fprintf(stderr, "bench-sql: prepare %s: %s\n", stmts[i],
			        st[i] ? mysql_stmt_error(st[i]) : "no memory");
			atomic_fetch_add(&failures, 1);
			goto out;
		}
	}
	while (!atomic_load(&stop)) {
		for (size_t i = 0; i < nstmts; i++)
			if (run_one(st[i])) {
				fprintf(stderr, "bench-sql: %s\n", mysql_stmt_error(st[i]));
				atomic_fetch_add(&failures, 1);
				goto out;
			}
		atomic_fetch_add(&pages, 1);
	}
out:
	for (size_t i = 0; i < nstmts; i++)
		if (st[i])
			mysql_stmt_close(st[i]);
	mysql_close(db);
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc != 9) {
		fprintf(stderr, "usage: bench-sql HOST PORT USER PASSWORD DATABASE FILE THREADS "
		                "SECONDS\n");
		return 2;
	}
	/* A benchmark tool run by scripts/bench: its arguments are trusted. */
	host = argv[1], port = (unsigned)strtoul(argv[2], NULL, 10);
	user = argv[3], pass = argv[4], dbname = argv[5];
	int threads = (int)strtol(argv[7], NULL, 10), seconds = (int)strtol(argv[8], NULL, 10);
	if (threads < 1 || threads > 1024 || seconds < 1 || port == 0)
		return 2;
	FILE *f = fopen(argv[6], "r");
	if (!f) {
		perror(argv[6]);
		return 2;
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) > 0 && nstmts < MAX_STMTS) {
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (n > 0)
			stmts[nstmts++] = strdup(line);
	}
	free(line);
	fclose(f);
	if (nstmts == 0) {
		fprintf(stderr, "bench-sql: no statements in %s\n", argv[6]);
		return 2;
	}
	mysql_library_init(0, NULL, NULL);
	pthread_t *t = calloc((size_t)threads, sizeof(*t));
	for (int i = 0; i < threads; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	struct timespec d = {.tv_sec = 0, .tv_nsec = 200 * 1000 * 1000};
	/* Measured from the first page on: connecting and preparing are not. */
	while (atomic_load(&pages) == 0 && atomic_load(&failures) == 0)
		nanosleep(&d, NULL);
	long p0 = atomic_load(&pages);
	double t0 = now_s();
	struct timespec total = {.tv_sec = seconds, .tv_nsec = 0};
	nanosleep(&total, NULL);
	long p1 = atomic_load(&pages);
	double t1 = now_s();
	atomic_store(&stop, 1);
	for (int i = 0; i < threads; i++)
		pthread_join(t[i], NULL);
	free(t);
	mysql_library_end();
	printf("BENCH_SQL {\"pages\": %ld, \"seconds\": %.3f, \"rps\": %.1f, \"statements\": %zu, "
	       "\"failures\": %ld}\n", p1 - p0, t1 - t0, (double)(p1 - p0) / (t1 - t0), nstmts,
	       atomic_load(&failures));
	return atomic_load(&failures) ? 1 : 0;
}
