/* The FastCGI server: one listen socket, a pool of worker threads, and the
 * request boundary where errors are logged once and turned into status
 * pages.  Signals are blocked in every thread and taken by sigwait() in
 * the main thread: SIGTERM/SIGINT stop accepting, let requests in flight
 * finish, then return. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "db.h"
#include "fmt.h"
#include "log.h"
#include "server.h"
#include "dispatch.h"

#define LISTEN_BACKLOG 256

static atomic_bool stopping;
static int listen_fd = -1;

static int open_listener(const struct config *cfg)
{
	char addr[512];
	switch (cfg->listen_kind) {
	case LISTEN_INHERITED:
		return cfg->inherited_fd;
	case LISTEN_UNIX:
		snprintf(addr, sizeof(addr), "%s", cfg->listen_path);
		break;
	case LISTEN_TCP:
		snprintf(addr, sizeof(addr), "%s:%u", cfg->listen_host, cfg->listen_port);
		break;
	default:
		return -1;
	}
	int fd = FCGX_OpenSocket(addr, LISTEN_BACKLOG);
	if (fd < 0)
		return -1;
	/* libfcgi creates the socket 0755, which the web server's user cannot
	 * connect to; access is controlled by the directory holding it. */
	if (cfg->listen_kind == LISTEN_UNIX && chmod(cfg->listen_path, 0666) != 0)
		log_warn("chmod %s: %s", cfg->listen_path, strerror(errno));
	return fd;
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	FCGX_Request fr;
	struct arena a;
	struct buf out;
	arena_init(&a);
	buf_init(&out);
	if (FCGX_InitRequest(&fr, listen_fd, 0) != 0) {
		log_error("worker %u: FCGX_InitRequest failed", w->index);
		return NULL;
	}
	while (!atomic_load(&stopping)) {
		if (FCGX_Accept_r(&fr) < 0)
			break;
		dispatch(w, &fr, &a, &out);
		FCGX_Finish_r(&fr);
		arena_reset(&a);
		/* Keep one worker's idle memory bounded after a large response. */
		if (out.cap > 1024 * 1024)
			buf_free(&out);
		else
			buf_reset(&out);
	}
	FCGX_Free(&fr, 0);
	arena_free(&a);
	buf_free(&out);
	return NULL;
}

int server_run(const struct config *cfg)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	if (FCGX_Init() != 0) {
		log_error("FCGX_Init failed");
		return 1;
	}
	listen_fd = open_listener(cfg);
	if (listen_fd < 0) {
		log_error("cannot listen on the configured address: %s", strerror(errno));
		return 1;
	}

	unsigned n = cfg->workers ? cfg->workers : 1;
	struct worker *workers = xcalloc(n, sizeof(*workers));
	pthread_t *threads = xcalloc(n, sizeof(*threads));
	unsigned started = 0;
	for (unsigned i = 0; i < n; i++) {
		struct worker *w = &workers[i];
		w->index = i;
		w->cfg = cfg;
		w->db = db_open(&cfg->db, cfg->db_timeout_s);
		w->rdb = cfg->has_read_db ? db_open(&cfg->read_db, cfg->db_timeout_s) : w->db;
		w->fmt = fmtctx_new();
		if (pthread_create(&threads[i], NULL, worker_main, w) != 0) {
			log_error("cannot start worker %u", i);
			break;
		}
		started++;
	}
	log_info("listening with %u workers", started);

	int sig = 0;
	while (started) {
		if (sigwait(&set, &sig) != 0)
			continue;
		if (sig == SIGHUP)
			continue;   /* nothing to reload; don't die on a stray HUP */
		break;
	}
	log_info("signal %d: finishing requests in flight", sig);
	atomic_store(&stopping, true);
	FCGX_ShutdownPending();
	/* Wakes the workers blocked in accept(); a worker busy with a request
	 * finishes it and then sees `stopping`. */
	shutdown(listen_fd, SHUT_RDWR);
	for (unsigned i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	close(listen_fd);
	if (cfg->listen_kind == LISTEN_UNIX)
		unlink(cfg->listen_path);
	for (unsigned i = 0; i < n; i++) {
		if (workers[i].rdb != workers[i].db)
			db_close(workers[i].rdb);
		db_close(workers[i].db);
		fmtctx_free(workers[i].fmt);
	}
	free(workers);
	free(threads);
	log_info("stopped");
	return 0;
}
