/* View counters (views.h): two fixed tables, one taking counts while the
 * writer thread empties the other, so a page view never waits for the
 * database.  Open addressing with linear probing; a table is only ever
 * emptied as a whole, so no deletions are needed. */
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "config.h"
#include "db.h"
#include "log.h"
#include "views.h"

/* Write early when a table is this full (3/4): probing stays short. */
#define VIEWS_FULL ((VIEWS_SLOTS / 4) * 3)

struct slot {
	long long id;        /* 0 = free */
	long long views;
	long long last;      /* Unix seconds of the newest view */
};

struct table {
	struct slot s[VIEWS_SLOTS];
	size_t      used;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t  wake = PTHREAD_COND_INITIALIZER;
static struct table    tables[2];
static struct table   *live = &tables[0];   /* under lock */
static bool            running, stopping, urgent;
static long long       dropped;             /* views that found no slot */
static pthread_t       thread;
static struct db      *wdb;                 /* the writer's own connection */

static size_t slot_of(long long id)
{
	uint64_t h = (uint64_t)id * 0x9E3779B97F4A7C15ull;
	return (size_t)(h >> 40) % VIEWS_SLOTS;
}

/* Adds `n` views of `id` with newest view `last`; false when full. */
static bool add(struct table *t, long long id, long long n, long long last)
{
	size_t i = slot_of(id);
	for (size_t k = 0; k < VIEWS_SLOTS; k++, i = (i + 1) % VIEWS_SLOTS) {
		struct slot *s = &t->s[i];
		if (s->id == id) {
			s->views += n;
			if (last > s->last)
				s->last = last;
			return true;
		}
		if (s->id == 0) {
			if (t->used >= VIEWS_SLOTS - 1)
				return false;   /* keep one slot free: probes always end */
			*s = (struct slot){.id = id, .views = n, .last = last};
			t->used++;
			return true;
		}
	}
	return false;
}

void views_count(long long share_id)
{
	long long now = (long long)time(NULL);
	if (share_id <= 0)
		return;
	pthread_mutex_lock(&lock);
	if (!add(live, share_id, 1, now))
		dropped++;
	if (live->used >= VIEWS_FULL && !urgent) {
		urgent = true;
		pthread_cond_signal(&wake);
	}
	pthread_mutex_unlock(&lock);
}

long long views_pending(void)
{
	long long n = 0;
	pthread_mutex_lock(&lock);
	for (size_t i = 0; i < VIEWS_SLOTS; i++)
		n += live->s[i].views;
	pthread_mutex_unlock(&lock);
	return n;
}

static void utc_text(long long t, char out[20])
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!gmtime_r(&tt, &tm) || strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm) != 19)
		memcpy(out, "1970-01-01 00:00:00", 20);
}

/* Writes every counter of `t` and empties it.  What cannot be written goes
 * back into the live table, to be tried again next round. */
static void write_out(struct table *t, struct arena *a)
{
	struct perr e = {0};
	size_t written = 0, kept = 0, lost = 0;
	bool down = false;
	for (size_t i = 0; i < VIEWS_SLOTS; i++) {
		struct slot *s = &t->s[i];
		if (s->id == 0)
			continue;
		if (!down) {
			char last[20];
			utc_text(s->last, last);
			struct dbval p[3] = {dbv_int(s->views), dbv_text(last), dbv_int(s->id)};
			if (db_exec(wdb, ST_VIEWS_ADD, p, 3, a, NULL, &e) == 0) {
				written++;
				*s = (struct slot){0};
				continue;
			}
			log_warn("views: %s: %s (kept for the next write)", e.func ? e.func : "?",
			         e.msg);
			down = true;
		}
		pthread_mutex_lock(&lock);
		if (add(live, s->id, s->views, s->last))
			kept++;
		else
			lost++;
		pthread_mutex_unlock(&lock);
		*s = (struct slot){0};
	}
	t->used = 0;
	arena_reset(a);
	if (lost)
		log_warn("views: %zu shares' counts lost: the counter table is full", lost);
	if (written || kept)
		log_debug("views: %zu shares written, %zu kept", written, kept);
}

static void *writer(void *arg)
{
	struct arena a;
	(void)arg;
	arena_init(&a);
	pthread_mutex_lock(&lock);
	for (;;) {
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += VIEWS_FLUSH_S;
		while (!stopping && !urgent) {
			if (pthread_cond_timedwait(&wake, &lock, &until) != 0)
				break;   /* timed out: a regular round */
		}
		bool last_round = stopping;
		urgent = false;
		struct table *full = live;
		live = live == &tables[0] ? &tables[1] : &tables[0];
		if (dropped) {
			log_warn("views: %lld views not counted: the counter table was full", dropped);
			dropped = 0;
		}
		pthread_mutex_unlock(&lock);
		if (full->used)
			write_out(full, &a);
		pthread_mutex_lock(&lock);
		if (last_round)
			break;
	}
	/* Anything counted during the last round (requests still finishing
	 * when the stop began) goes out too. */
	struct table *rest = live;
	live = live == &tables[0] ? &tables[1] : &tables[0];
	pthread_mutex_unlock(&lock);
	if (rest->used)
		write_out(rest, &a);
	long long unsaved = views_pending();
	if (unsaved)
		log_warn("views: %lld views could not be saved before stopping", unsaved);
	arena_free(&a);
	return NULL;
}

int views_start(const struct config *cfg)
{
	if (running)
		return 0;
	wdb = db_open(&cfg->db, cfg->db_timeout_s);
	stopping = false;
	if (pthread_create(&thread, NULL, writer, NULL) != 0) {
		log_error("views: cannot start the writer thread: view counts are not saved");
		db_close(wdb);
		wdb = NULL;
		return -1;
	}
	running = true;
	return 0;
}

void views_stop(void)
{
	if (!running)
		return;
	pthread_mutex_lock(&lock);
	stopping = true;
	pthread_cond_signal(&wake);
	pthread_mutex_unlock(&lock);
	pthread_join(thread, NULL);
	running = false;
	db_close(wdb);
	wdb = NULL;
}
