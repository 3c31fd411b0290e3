/* Logging: one line per event on stderr.  Never pass secrets; pass share
 * keys and session ids through log_short() so they are shortened. */
#ifndef PORTAL_LOG_H
#define PORTAL_LOG_H

enum log_level { LOG_ERROR, LOG_WARN, LOG_INFO, LOG_DEBUG, LOG__MAX };

void log_set_level(enum log_level lvl);
int  log_parse_level(const char *s, enum log_level *out);   /* 0 ok, -1 unknown */
void log_msg(enum log_level lvl, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* First 4 characters + "…" of an identifier, printable ASCII only; writes
 * into `out` (at least 16 bytes) and returns it. */
const char *log_short(const char *id, char out[16]);

#define log_error(...) log_msg(LOG_ERROR, __VA_ARGS__)
#define log_warn(...)  log_msg(LOG_WARN, __VA_ARGS__)
#define log_info(...)  log_msg(LOG_INFO, __VA_ARGS__)
#define log_debug(...) log_msg(LOG_DEBUG, __VA_ARGS__)

#endif
