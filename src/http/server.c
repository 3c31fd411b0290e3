/* The FastCGI server: one listen socket, a pool of worker threads, and the
 * request boundary where errors are logged once and turned into status
 * pages.  Signals are blocked in every thread and taken by sigwait() in
 * the main thread: SIGTERM/SIGINT stop accepting, let requests in flight
 * finish, then return.  "In flight" includes the connections the web
 * server has already made and that wait in the listen queue: workers
 * drain the queue before they exit, so a stop never cuts a request off. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "clock.h"
#include "crypto.h"
#include "db.h"
#include "fmt.h"
#include "log.h"
#include "server.h"
#include "dispatch.h"
#include "views.h"

#define LISTEN_BACKLOG 256
/* How long a stopping server keeps taking queued connections.  A unix
 * socket is unlinked at once, so its queue only shrinks; a TCP socket
 * keeps filling while the web server sends, so its drain needs an end. */
#define STOP_DRAIN_MS  5000
/* Pause after a failed accept (e.g. out of file descriptors), so that a
 * worker neither dies nor spins. */
#define ACCEPT_RETRY_MS 10

static atomic_bool stopping;
static atomic_llong stop_deadline_ms;
static int listen_fd = -1;
static int wake_fds[2] = {-1, -1};   /* written once on stop: wakes every poller */


/* Waits for a connection on the (non-blocking) listen socket.  Returns
 * false when the worker should exit: the server stops and the queue is
 * empty, or the drain took too long. */
static bool wait_for_client(void)
{
	for (;;) {
		bool stop = atomic_load(&stopping);
		struct pollfd p[2] = {
			{.fd = listen_fd, .events = POLLIN},
			{.fd = wake_fds[0], .events = POLLIN},
		};
		int n = poll(p, stop ? 1 : 2, stop ? 0 : -1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			log_error("poll: %s", strerror(errno));
			return false;
		}
		if (p[0].revents & POLLIN)
			return !stop || clock_mono_ms() < atomic_load(&stop_deadline_ms);
		if (stop)
			return false;
	}
}

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
	while (wait_for_client()) {
		int rc = FCGX_Accept_r(&fr);
		if (rc == -EAGAIN || rc == -EWOULDBLOCK || rc == -EINTR)
			continue;   /* another worker took it, or the client left */
		if (rc < 0) {
			log_warn("worker %u: accept failed (%d)", w->index, rc);
			struct timespec pause = {0, ACCEPT_RETRY_MS * 1000000L};
			nanosleep(&pause, NULL);
			continue;
		}
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

int server_run(const struct config *cfg, const struct route_table *routes)
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
	/* Workers poll before accepting (see wait_for_client), so that a stop
	 * can wake them without dropping the queue. */
	int fl = fcntl(listen_fd, F_GETFL);
	if (fl < 0 || fcntl(listen_fd, F_SETFL, fl | O_NONBLOCK) < 0 ||
	    pipe2(wake_fds, O_CLOEXEC) != 0) {
		log_error("cannot set up the listen socket: %s", strerror(errno));
		return 1;
	}

	/* Started with the signals blocked, like the workers. */
	views_start(cfg);

	unsigned n = cfg->workers ? cfg->workers : 1;
	password_checks_limit(n);
	struct worker *workers = xcalloc(n, sizeof(*workers));
	pthread_t *threads = xcalloc(n, sizeof(*threads));
	unsigned started = 0;
	for (unsigned i = 0; i < n; i++) {
		struct worker *w = &workers[i];
		w->index = i;
		w->cfg = cfg;
		w->routes = routes;
		w->db = db_open(&cfg->db, cfg->db_timeout_s);
		w->rdb = cfg->has_read_db ? db_open(&cfg->read_db, cfg->db_timeout_s) : w->db;
		w->fmt = fmtctx_new();
		w->tz = fmtctx_tz(w->fmt);
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
	/* No new connections (a unix socket's name goes), but the ones already
	 * queued are served: the web server has handed their requests over.
	 * FCGX_ShutdownPending() is not called: it makes libfcgi refuse every
	 * further accept, queued or not. */
	if (cfg->listen_kind == LISTEN_UNIX)
		unlink(cfg->listen_path);
	atomic_store(&stop_deadline_ms, clock_mono_ms() + STOP_DRAIN_MS);
	atomic_store(&stopping, true);
	if (write(wake_fds[1], "x", 1) != 1)
		log_warn("waking the workers: %s", strerror(errno));
	for (unsigned i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	/* Every request is done: the last view counts go out now. */
	views_stop();
	close(listen_fd);
	close(wake_fds[0]);
	close(wake_fds[1]);
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
