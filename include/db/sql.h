/* Every SQL statement of the program, named once.  X(name, params, cols,
 * text): `params` is the number of `?` in the text, which db_exec demands
 * of its caller; `cols` the number of result columns (0 for statements
 * without a result), named by the enum declared for the statement below.
 * tests/unit/db/test_sql.c checks both counts against the text.  Every `?`
 * is written where its statement is declared: the macros of sql_parts.h
 * take their placeholders as arguments.  Statements are prepared once per connection
 * (db.c).  Add new statements at the end of the list of the feature they
 * belong to. */
#ifndef PORTAL_SQL_H
#define PORTAL_SQL_H

#include "sql_parts.h"

/* Result columns, one enum per statement or per set of statements with the
 * same select list, in the order of the list below. */
/* ST_PING */
enum { PING_ONE, PING__COLS };
/* ST_THROTTLE_COUNT */
enum { THROTTLE_COUNT_FAILURES, THROTTLE_COUNT_RETRY_AFTER, THROTTLE_COUNT__COLS };
/* ST_RECORDS_MONTH */
enum {
	RECORDS_MONTH_ID, RECORDS_MONTH_USER, RECORDS_MONTH_PROJECT, RECORDS_MONTH_START,
	RECORDS_MONTH_END, RECORDS_MONTH_TZ, RECORDS_MONTH_DURATION, RECORDS_MONTH_RATE,
	RECORDS_MONTH_HOURLY_RATE, RECORDS_MONTH_BILLABLE, RECORDS_MONTH_DESCRIPTION, RECORDS_MONTH_ACTIVITY,
	RECORDS_MONTH__COLS
};
/* ST_RECORDS_ID_RANGE */
enum { RECORDS_ID_RANGE_LO, RECORDS_ID_RANGE_HI, RECORDS_ID_RANGE_MAX, RECORDS_ID_RANGE__COLS };
/* ST_RECORDS_PROJECTS, ST_RECORDS_PROJECT, ST_SHARE_PROJECT */
enum { PROJECT_NAME_ID, PROJECT_NAME_NAME, PROJECT_NAME__COLS };
/* ST_RECORDS_USERS */
enum { RECORDS_USERS_ID, RECORDS_USERS_NAME, RECORDS_USERS__COLS };
/* ST_RECORDS_ACTIVITIES */
enum { RECORDS_ACTIVITIES_ID, RECORDS_ACTIVITIES_NAME, RECORDS_ACTIVITIES__COLS };
/* ST_RECORDS_TAGS */
enum { RECORDS_TAGS_RECORD, RECORDS_TAGS_NAME, RECORDS_TAGS__COLS };
/* ST_STATS_YEAR_PROJECT, ST_STATS_YEAR_CUSTOMER */
enum { STATS_YEAR_MONTH, STATS_YEAR_DURATION, STATS_YEAR__COLS };
/* ST_STATS_CUSTOMER_BUDGET, ST_STATS_PROJECT_BUDGET */
enum { STATS_BUDGET_BUDGET, STATS_BUDGET_TIME_BUDGET, STATS_BUDGET_TYPE, STATS_BUDGET__COLS };
/* ST_STATS_CUSTOMER_SPENT, ST_STATS_PROJECT_SPENT */
enum { STATS_SPENT_RATE, STATS_SPENT_DURATION, STATS_SPENT__COLS };
/* ST_AUTH_SESSION */
enum { AUTH_SESSION_DATA, AUTH_SESSION_LIFETIME, AUTH_SESSION__COLS };
/* ST_AUTH_USER */
enum {
	AUTH_USER_ID, AUTH_USER_USERNAME, AUTH_USER_PASSWORD, AUTH_USER_ENABLED,
	AUTH_USER_ROLES, AUTH_USER__COLS
};
/* ST_AUTH_PERMISSIONS */
enum {
	AUTH_PERMISSIONS_ROLE, AUTH_PERMISSIONS_PERMISSION, AUTH_PERMISSIONS_ALLOWED,
	AUTH_PERMISSIONS__COLS
};
/* SQL_SHARE_COLS: ST_SHARE_BY_KEY, ST_ADMIN_LIST, ST_ADMIN_SHARE, ST_CLI_LIST,
 * ST_CLI_SHARE */
enum {
	SHARE_ID, SHARE_PROJECT, SHARE_CUSTOMER, SHARE_KEY, SHARE_PASSWORD, SHARE_HAS_PW,
	SHARE_MERGE,
	SHARE_FLAGS,                  /* the six *_visible flag columns from here */
	SHARE_CUST_ID = SHARE_FLAGS + 6, SHARE_CUST_NAME, SHARE_TZ, SHARE_CURRENCY,
	SHARE_PROJECT_NAME, SHARE_EXPIRES, SHARE_EXPIRED, SHARE_WINDOW_FROM, SHARE_WINDOW_TO,
	SHARE_VIEWS, SHARE_LAST_VIEW, SHARE_SHOW_ACTIVITY, SHARE_SHOW_TAGS, SHARE_SIGNOFF,
	SHARE__COLS
};
/* ST_ADMIN_LIST_COUNT */
enum { ADMIN_LIST_COUNT_COUNT, ADMIN_LIST_COUNT__COLS };
/* ST_ADMIN_ORDER_STAMP */
enum { ADMIN_ORDER_STAMP_COUNT, ADMIN_ORDER_STAMP_MAX_ID, ADMIN_ORDER_STAMP_SUM,
       ADMIN_ORDER_STAMP__COLS };
/* ST_ADMIN_ORDER */
enum { ADMIN_ORDER_ID, ADMIN_ORDER_CUSTOMER, ADMIN_ORDER_HAS_PW, ADMIN_ORDER__COLS };
/* ST_ADMIN_CUSTOMERS */
enum { ADMIN_CUSTOMERS_ID, ADMIN_CUSTOMERS_NAME, ADMIN_CUSTOMERS_VISIBLE, ADMIN_CUSTOMERS__COLS };
/* ST_ADMIN_PROJECTS: the first three columns as in ST_ADMIN_CUSTOMERS */
enum {
	ADMIN_PROJECTS_ID, ADMIN_PROJECTS_NAME, ADMIN_PROJECTS_VISIBLE,
	ADMIN_PROJECTS_CUSTOMER_ID, ADMIN_PROJECTS_CUSTOMER_NAME, ADMIN_PROJECTS_CUSTOMER_VISIBLE,
	ADMIN_PROJECTS__COLS
};
/* ST_ADMIN_CUSTOMER_OK, ST_ADMIN_PROJECT_OK */
enum { ENTITY_OK_ID, ENTITY_OK__COLS };
/* ST_BRANDING */
enum { BRANDING_NAME, BRANDING_VALUE, BRANDING__COLS };
/* ST_ADMIN_KEY_EXISTS */
enum { KEY_EXISTS_ONE, KEY_EXISTS__COLS };
/* ST_SHARE_ZONE */
enum { SHARE_ZONE_TZ, SHARE_ZONE__COLS };
/* ST_READY */
enum { READY_COUNT, READY__COLS };
/* ST_TABLE_EXISTS */
enum { TABLE_EXISTS_ONE, TABLE_EXISTS__COLS };
/* ST_INSTALL_COLUMNS */
enum { INSTALL_COLUMNS_NAME, INSTALL_COLUMNS__COLS };
/* ST_INSTALL_SCHEMA_VERSIONS */
enum { INSTALL_SCHEMA_VERSIONS_VERSION, INSTALL_SCHEMA_VERSIONS__COLS };
/* ST_INSTALL_MIGRATION_DONE */
enum { INSTALL_MIGRATION_DONE_ONE, INSTALL_MIGRATION_DONE__COLS };
/* ST_INSTALL_LEGACY_COUNT */
enum { INSTALL_LEGACY_COUNT_COUNT, INSTALL_LEGACY_COUNT__COLS };

/* SQL_SIGNOFF_COLS: ST_SIGNOFF_BY_ID, _CURRENT, _LAST_PER_MONTH, _ALL */
enum {
	SIGNOFF_ID, SIGNOFF_SHARE, SIGNOFF_YEAR, SIGNOFF_MONTH, SIGNOFF_NAME, SIGNOFF_COMMENT,
	SIGNOFF_SIGNED_AT, SIGNOFF_NET, SIGNOFF_DURATION, SIGNOFF_MONEY, SIGNOFF_CURRENCY,
	SIGNOFF_COUNT, SIGNOFF_FP, SIGNOFF_WITHDRAWN_AT, SIGNOFF_WITHDRAWN_BY, SIGNOFF__COLS
};
/* ST_SIGNOFF_ENABLED, ST_SIGNOFF_ENABLED_ALL */
enum { SIGNOFF_ONE_VALUE, SIGNOFF_ONE__COLS };
/* ST_SIGNOFF_RECENT */
enum { SIGNOFF_RECENT_COUNT, SIGNOFF_RECENT_RETRY_AFTER, SIGNOFF_RECENT__COLS };

/* Client sign-off (signoff.h, docs/signoff.md): the option per share, the
 * stored confirmations, their throttle and their withdrawal.  Times come
 * from the database's UTC clock, so every host agrees. */
#define SQL_SIGNOFF_COLS                                                      \
	"SELECT so.id, so.share_id, so.year, so.month, so.signer_name,"           \
	" so.comment, so.signed_at, so.client_net, so.total_duration,"            \
	" so.total_money, so.currency, so.record_count, so.fingerprint,"          \
	" so.withdrawn_at, so.withdrawn_by"                                       \
	" FROM kimai2_customer_portals_signoffs so"
#define SQL_SIGNOFF_STATEMENTS(X)                                             \
	X(ST_SIGNOFF_ENABLED, 1, SIGNOFF_ONE__COLS,                               \
	  "SELECT 1 FROM kimai2_customer_portals_signoff_shares"                  \
	  " WHERE share_id = ?")                                                  \
	X(ST_SIGNOFF_ENABLED_ALL, 0, SIGNOFF_ONE__COLS,                           \
	  "SELECT share_id FROM kimai2_customer_portals_signoff_shares"           \
	  " ORDER BY share_id")                                                   \
	/* a share deleted meanwhile gets no row (and no foreign-key error) */    \
	X(ST_SIGNOFF_ENABLE, 1, 0,                                                \
	  "INSERT IGNORE INTO kimai2_customer_portals_signoff_shares"             \
	  " (share_id, created_at) SELECT s.id, UTC_TIMESTAMP()"                  \
	  " FROM kimai2_customer_portals s WHERE s.id = ?")                       \
	X(ST_SIGNOFF_DISABLE, 1, 0,                                               \
	  "DELETE FROM kimai2_customer_portals_signoff_shares WHERE share_id = ?")\
	/* sign-offs of the last hour, and seconds until the oldest is over */    \
	X(ST_SIGNOFF_RECENT, 1, SIGNOFF_RECENT__COLS,                             \
	  "SELECT COUNT(*), CAST(COALESCE(TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(),"  \
	  " MIN(signed_at) + INTERVAL 1 HOUR), 0) AS SIGNED)"                     \
	  " FROM kimai2_customer_portals_signoffs"                                \
	  " WHERE share_id = ? AND signed_at > UTC_TIMESTAMP() - INTERVAL 1 HOUR")\
	X(ST_SIGNOFF_INSERT, 11, 0,                                               \
	  "INSERT INTO kimai2_customer_portals_signoffs (share_id, year, month,"  \
	  " signer_name, comment, signed_at, client_net, total_duration,"         \
	  " total_money, currency, record_count, fingerprint)"                    \
	  " VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(), ?, ?, ?, ?, ?, ?)")           \
	X(ST_SIGNOFF_BY_ID, 1, SIGNOFF__COLS, SQL_SIGNOFF_COLS " WHERE so.id = ?") \
	/* the month's standing sign-off: the newest not withdrawn */             \
	X(ST_SIGNOFF_CURRENT, 3, SIGNOFF__COLS,                                   \
	  SQL_SIGNOFF_COLS " WHERE so.share_id = ? AND so.year = ?"               \
	  " AND so.month = ? AND so.withdrawn_at IS NULL"                         \
	  " ORDER BY so.id DESC LIMIT 1")                                         \
	/* the newest sign-off of each month (withdrawn ones too), newest        \
	 * month first */                                                         \
	X(ST_SIGNOFF_LAST_PER_MONTH, 1, SIGNOFF__COLS,                            \
	  SQL_SIGNOFF_COLS " WHERE so.id IN (SELECT MAX(x.id)"                    \
	  " FROM kimai2_customer_portals_signoffs x WHERE x.share_id = ?"         \
	  " GROUP BY x.year, x.month)"                                            \
	  " ORDER BY so.year DESC, so.month DESC LIMIT 120")                      \
	X(ST_SIGNOFF_ALL, 1, SIGNOFF__COLS,                                       \
	  SQL_SIGNOFF_COLS " WHERE so.share_id = ? ORDER BY so.id")               \
	X(ST_SIGNOFF_WITHDRAW, 3, 0,                                              \
	  "UPDATE kimai2_customer_portals_signoffs"                               \
	  " SET withdrawn_at = UTC_TIMESTAMP(), withdrawn_by = ?"                 \
	  " WHERE id = ? AND share_id = ? AND withdrawn_at IS NULL")

#define SQL_STATEMENTS(X)                                                     \
	X(ST_PING, 0, PING__COLS, "SELECT 1")                                     \
	/* shares */                                                              \
	X(ST_SHARE_BY_KEY, 2, SHARE__COLS,                                        \
	  SQL_SHARE_COLS("s.password")                                            \
	  " WHERE s.share_key = ? AND CAST(s.share_key AS BINARY) = ?"                     \
	  /* an expired share is no share: the row is simply not there */         \
	  " AND (st.expires_at IS NULL OR st.expires_at > UTC_TIMESTAMP())")      \
	/* unlock: failed-attempt throttling (throttle.c); times from the     \
	 * database clock so every host agrees */                               \
	X(ST_THROTTLE_COUNT, 3, THROTTLE_COUNT__COLS,                             \
	  "SELECT CAST(COALESCE(SUM(failures), 0) AS SIGNED),"                    \
	  " CAST(COALESCE(MIN(window_start) + ? - UNIX_TIMESTAMP(), 0) AS SIGNED)"\
	  " FROM kimai2_customer_portals_attempts"                                \
	  " WHERE client_key = ? AND window_start > UNIX_TIMESTAMP() - ?")        \
	/* failures is assigned first: it must see the old window_start */        \
	X(ST_THROTTLE_FAIL, 4, 0,                                                 \
	  "INSERT INTO kimai2_customer_portals_attempts"                          \
	  " (client_key, share_id, failures, window_start)"                       \
	  " VALUES (?, ?, 1, UNIX_TIMESTAMP())"                                   \
	  " ON DUPLICATE KEY UPDATE"                                              \
	  " failures = IF(window_start <= UNIX_TIMESTAMP() - ?, 1, failures + 1),"\
	  " window_start = IF(window_start <= UNIX_TIMESTAMP() - ?,"              \
	  " UNIX_TIMESTAMP(), window_start)")                                     \
	X(ST_THROTTLE_RESET, 2, 0,                                                \
	  "DELETE FROM kimai2_customer_portals_attempts"                          \
	  " WHERE client_key = ? AND share_id = ?")                               \
	X(ST_THROTTLE_PURGE, 1, 0,                                                \
	  "DELETE FROM kimai2_customer_portals_attempts"                          \
	  " WHERE window_start <= UNIX_TIMESTAMP() - ? LIMIT 50")                 \
	/* records: the month of a share (records.c); bounds are UTC DATETIME  \
	 * text, end exclusive; running records (end_time NULL) never count */   \
	/* The month's records of a list of projects (records.c, month_ids.h):   \
	 * SQL_RECORDS_BATCH project ids (repeat one to fill), the month's id range \
	 * (lo, hi) and the table's highest id.  The range on (project_id, id)   \
	 * keeps this fast on big tables; records.c keeps the month's stopped     \
	 * records of the rows and orders them (naming start_time or end_time    \
	 * here makes MariaDB plan for longer than it runs). */                   \
	X(ST_RECORDS_MONTH, SQL_RECORDS_BATCH + 3, RECORDS_MONTH__COLS,           \
	  "SELECT t.id, t.`user`, t.project_id, t.start_time, t.end_time,"        \
	  " t.timezone, COALESCE(t.duration, 0), t.rate, t.hourly_rate,"          \
	  " COALESCE(t.billable, 0), COALESCE(t.description, ''), t.activity_id"  \
	  " FROM kimai2_timesheet t"                                              \
	  " WHERE t.project_id IN (?, ?, ?, ?, ?, ?, ?, ?,"                       \
	  " ?, ?, ?, ?, ?, ?, ?, ?)"                                              \
	  " AND (t.id BETWEEN ? AND ? OR t.id > ?)")                              \
	/* ids of the records starting in a period (month_ids.c): a covering    \
	 * scan of the start_time index, cached */                               \
	X(ST_RECORDS_ID_RANGE, 2, RECORDS_ID_RANGE__COLS,                         \
	  "SELECT COALESCE(MIN(id), 0), COALESCE(MAX(id), 0),"                    \
	  " (SELECT COALESCE(MAX(id), 0) FROM kimai2_timesheet)"                  \
	  " FROM kimai2_timesheet WHERE start_time >= ? AND start_time < ?")      \
	/* the projects the records come from: a customer's visible ones, or    \
	 * one; and the display names of the records' users */                   \
	X(ST_RECORDS_PROJECTS, 1, PROJECT_NAME__COLS,                             \
	  "SELECT id, name FROM kimai2_projects"                                  \
	  " WHERE customer_id = ? AND visible = 1 ORDER BY name, id")             \
	X(ST_RECORDS_PROJECT, 1, PROJECT_NAME__COLS,                              \
	  "SELECT id, name FROM kimai2_projects WHERE id = ?")                    \
	X(ST_RECORDS_USERS, SQL_RECORDS_BATCH, RECORDS_USERS__COLS,               \
	  "SELECT id, " SQL_USER_DISPLAY_NAME " FROM kimai2_users"                \
	  " WHERE id IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")        \
	/* shares showing activities and tags (docs/design.md, "Share pages"):   \
	 * the names of the month's activities, and the visible tags of the     \
	 * records of ST_RECORDS_MONTH's rows (same parameters), each record's  \
	 * in name order */                                                      \
	X(ST_RECORDS_ACTIVITIES, SQL_RECORDS_BATCH, RECORDS_ACTIVITIES__COLS,     \
	  "SELECT id, name FROM kimai2_activities"                                \
	  " WHERE id IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")        \
	X(ST_RECORDS_TAGS, SQL_RECORDS_BATCH + 3, RECORDS_TAGS__COLS,             \
	  "SELECT tt.timesheet_id, tg.name FROM kimai2_timesheet t"               \
	  " JOIN kimai2_timesheet_tags tt ON tt.timesheet_id = t.id"              \
	  " JOIN kimai2_tags tg ON tg.id = tt.tag_id"                             \
	  " WHERE t.project_id IN (?, ?, ?, ?, ?, ?, ?, ?,"                       \
	  " ?, ?, ?, ?, ?, ?, ?, ?)"                                              \
	  " AND (t.id BETWEEN ? AND ? OR t.id > ?) AND tg.visible = 1"            \
	  " ORDER BY tt.timesheet_id, tg.name, tg.id")                            \
	/* a visible project of a customer (drill-down of customer shares) */    \
	X(ST_SHARE_PROJECT, 2, PROJECT_NAME__COLS,                                \
	  "SELECT id, name FROM kimai2_projects"                                  \
	  " WHERE id = ? AND customer_id = ? AND visible = 1")                    \
	/* stats: charts and budgets (share_stats.c).  Bounds are Unix seconds,      \
	 * end exclusive, made UTC DATETIMEs by plain date arithmetic (no zone       \
	 * conversion, no 2038 limit, the index on start_time is used).  The         \
	 * annual rows give the month 0..11 by INTERVAL over the 11 month starts     \
	 * after January, computed in the customer's zone. */                        \
	X(ST_STATS_YEAR_PROJECT, 14, STATS_YEAR__COLS,                            \
	  "SELECT INTERVAL(TIMESTAMPDIFF(SECOND, " SQL_EPOCH ", t.start_time),"      \
	  " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) AS m,"                                  \
	  " CAST(COALESCE(SUM(t.duration), 0) AS SIGNED)"                            \
	  " FROM kimai2_timesheet t"                                                 \
	  " WHERE t.project_id = ?"                                                  \
	  " AND t.start_time >= " SQL_EPOCH " + INTERVAL ? SECOND"                   \
	  " AND t.start_time < " SQL_EPOCH " + INTERVAL ? SECOND"                    \
	  " AND t.end_time IS NOT NULL GROUP BY m")                                  \
	X(ST_STATS_YEAR_CUSTOMER, 14, STATS_YEAR__COLS,                           \
	  "SELECT INTERVAL(TIMESTAMPDIFF(SECOND, " SQL_EPOCH ", t.start_time),"      \
	  " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) AS m,"                                  \
	  " CAST(COALESCE(SUM(t.duration), 0) AS SIGNED)"                            \
	  " FROM kimai2_timesheet t"                                                 \
	  " JOIN kimai2_projects p ON p.id = t.project_id"                           \
	  " WHERE p.customer_id = ? AND p.visible = 1"                               \
	  " AND t.start_time >= " SQL_EPOCH " + INTERVAL ? SECOND"                   \
	  " AND t.start_time < " SQL_EPOCH " + INTERVAL ? SECOND"                    \
	  " AND t.end_time IS NOT NULL GROUP BY m")                                  \
	X(ST_STATS_CUSTOMER_BUDGET, 1, STATS_BUDGET__COLS,                        \
	  "SELECT COALESCE(budget, 0), COALESCE(time_budget, 0), budget_type"        \
	  " FROM kimai2_customers WHERE id = ?")                                     \
	X(ST_STATS_PROJECT_BUDGET, 1, STATS_BUDGET__COLS,                         \
	  "SELECT COALESCE(budget, 0), COALESCE(time_budget, 0), budget_type"        \
	  " FROM kimai2_projects WHERE id = ?")                                      \
	/* spent: stopped billable records; all of a customer's projects */          \
	X(ST_STATS_CUSTOMER_SPENT, 3, STATS_SPENT__COLS,                          \
	  "SELECT COALESCE(SUM(t.rate), 0),"                                         \
	  " CAST(COALESCE(SUM(t.duration), 0) AS SIGNED)"                            \
	  " FROM kimai2_timesheet t"                                                 \
	  " JOIN kimai2_projects p ON p.id = t.project_id"                           \
	  " WHERE p.customer_id = ? AND t.billable = 1 AND t.end_time IS NOT NULL"   \
	  " AND t.start_time >= " SQL_EPOCH " + INTERVAL ? SECOND"                   \
	  " AND t.start_time < " SQL_EPOCH " + INTERVAL ? SECOND")                   \
	X(ST_STATS_PROJECT_SPENT, 3, STATS_SPENT__COLS,                           \
	  "SELECT COALESCE(SUM(t.rate), 0),"                                         \
	  " CAST(COALESCE(SUM(t.duration), 0) AS SIGNED)"                            \
	  " FROM kimai2_timesheet t"                                                 \
	  " WHERE t.project_id = ? AND t.billable = 1 AND t.end_time IS NOT NULL"    \
	  " AND t.start_time >= " SQL_EPOCH " + INTERVAL ? SECOND"                   \
	  " AND t.start_time < " SQL_EPOCH " + INTERVAL ? SECOND")                   \
	/* admin: Kimai session check (auth.c); the session row is only read */ \
	X(ST_AUTH_SESSION, 2, AUTH_SESSION__COLS,                                 \
	  "SELECT data, lifetime FROM kimai2_sessions"                            \
	  " WHERE id = ? AND CAST(id AS BINARY) = ?")                                      \
	X(ST_AUTH_USER, 1, AUTH_USER__COLS,                                       \
	  "SELECT id, username, password, enabled, roles FROM kimai2_users"       \
	  " WHERE username = ?")                                                  \
	X(ST_AUTH_PERMISSIONS, 0, AUTH_PERMISSIONS__COLS,                         \
	  "SELECT r.name, rp.permission, rp.allowed"                              \
	  " FROM kimai2_roles_permissions rp"                                     \
	  " JOIN kimai2_roles r ON r.id = rp.role_id"                             \
	  " WHERE rp.permission IN ('customer_portal', 'view_all_data')")         \
	/* admin: shares (page_admin_*.c, admin_share.c) */                      \
	/* one page of the admin list and the number of shares it pages       \
	 * through (admin_share.c).  The page's ids are chosen first with only  \
	 * the tables the order and the filters need, then only those rows get  \
	 * every column.  The _PLAIN statements serve the list of an admin with \
	 * view_all_data sorted by newest, without search or status filter: the \
	 * count reads the share table alone (sorted by name, that list takes   \
	 * its order from ST_ADMIN_ORDER, remembered).  "newest" sorts by id,   \
	 * descending. */                                                        \
	X(ST_ADMIN_LIST, 14, SHARE__COLS,                                         \
	  SQL_ADMIN_SHARE_COLS " JOIN (SELECT s.id, " SQL_ADMIN_LIST_KEYS("?")   \
	  " FROM kimai2_customer_portals s"                                       \
	  SQL_ADMIN_LIST_JOINS                                                    \
	  " WHERE " SQL_ADMIN_SHARE_OK("?", "?", "?", "?", "?")                   \
	  SQL_ADMIN_LIST_FILTER("?", "?", "?", "?", "?", "?")                     \
	  SQL_ADMIN_LIST_PAGE("?", "?") ") pg ON pg.id = s.id" SQL_ADMIN_LIST_ORDER)\
	X(ST_ADMIN_LIST_COUNT, 11, ADMIN_LIST_COUNT__COLS,                        \
	  "SELECT COUNT(*) FROM kimai2_customer_portals s"                        \
	  SQL_ADMIN_LIST_JOINS                                                    \
	  " WHERE " SQL_ADMIN_SHARE_OK("?", "?", "?", "?", "?")                   \
	  SQL_ADMIN_LIST_FILTER("?", "?", "?", "?", "?", "?"))                    \
	X(ST_ADMIN_LIST_PLAIN, 5, SHARE__COLS,                                    \
	  SQL_ADMIN_SHARE_COLS " JOIN (SELECT s.id, " SQL_ADMIN_LIST_KEYS("?")   \
	  " FROM kimai2_customer_portals s"                                       \
	  " LEFT JOIN kimai2_projects p ON p.id = s.project_id"                   \
	  " LEFT JOIN kimai2_customers c ON c.id = s.customer_id"                 \
	  " WHERE 1 = 1" SQL_ADMIN_LIST_PLAIN_FILTER("?", "?")                    \
	  SQL_ADMIN_LIST_PAGE("?", "?") ") pg ON pg.id = s.id" SQL_ADMIN_LIST_ORDER)\
	X(ST_ADMIN_LIST_COUNT_PLAIN, 2, ADMIN_LIST_COUNT__COLS,                   \
	  "SELECT COUNT(*) FROM kimai2_customer_portals s WHERE 1 = 1"            \
	  SQL_ADMIN_LIST_PLAIN_FILTER("?", "?"))                                  \
	/* the remembered order of the plain list by name (admin_share.c): a   \
	 * fingerprint of the share table that changes with every insert,      \
	 * delete and edit of what the order and filters read, the order       \
	 * itself, and the rows of one page by id */                            \
	X(ST_ADMIN_ORDER_STAMP, 0, ADMIN_ORDER_STAMP__COLS,                       \
	  "SELECT COUNT(*), COALESCE(MAX(id), 0), COALESCE(BIT_XOR(CRC32(CONCAT_WS(',',"\
	  " id, share_key, COALESCE(project_id, 0), COALESCE(customer_id, 0),"    \
	  " password IS NOT NULL AND password <> ''))), 0)"                       \
	  " FROM kimai2_customer_portals")                                        \
	X(ST_ADMIN_ORDER, 0, ADMIN_ORDER__COLS,                                   \
	  "SELECT s.id, s.customer_id IS NOT NULL,"                               \
	  " s.password IS NOT NULL AND s.password <> ''"                          \
	  " FROM kimai2_customer_portals s"                                       \
	  " LEFT JOIN kimai2_projects p ON p.id = s.project_id"                   \
	  " LEFT JOIN kimai2_customers c ON c.id = s.customer_id"                 \
	  " ORDER BY p.name, c.name, s.share_key LIMIT 1000000")                  \
	X(ST_ADMIN_LIST_IDS, SQL_ADMIN_LIST_IDS, SHARE__COLS,                     \
	  SQL_ADMIN_SHARE_COLS " WHERE s.id IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"    \
	  " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"          \
	  " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")         \
	X(ST_ADMIN_SHARE, 8, SHARE__COLS,                                         \
	  SQL_ADMIN_SHARE_COLS " WHERE s.id = ? AND s.share_key = ?"              \
	  " AND CAST(s.share_key AS BINARY) = ? AND "                                      \
	  SQL_ADMIN_SHARE_OK("?", "?", "?", "?", "?"))                            \
	X(ST_ADMIN_CUSTOMERS, 3, ADMIN_CUSTOMERS__COLS,                           \
	  "SELECT c.id, c.name, c.visible FROM kimai2_customers c"                \
	  " WHERE ? = 1 OR (" SQL_CUSTOMER_TEAM_OK("c.id", "?")                   \
	  " AND " SQL_CUSTOMER_PROJECTS_OK("c.id", "?") ")"                       \
	  " ORDER BY c.name, c.id LIMIT 10000")                                   \
	X(ST_ADMIN_PROJECTS, 3, ADMIN_PROJECTS__COLS,                             \
	  "SELECT p.id, p.name, p.visible, c.id, c.name, c.visible"               \
	  " FROM kimai2_projects p JOIN kimai2_customers c ON c.id = p.customer_id"\
	  " WHERE ? = 1 OR (" SQL_PROJECT_TEAM_OK("p.id", "?")                    \
	  " AND " SQL_CUSTOMER_TEAM_OK("c.id", "?") ")"                           \
	  " ORDER BY c.name, c.id, p.name, p.id LIMIT 10000")                     \
	X(ST_ADMIN_CUSTOMER_OK, 4, ENTITY_OK__COLS,                               \
	  "SELECT c.id FROM kimai2_customers c WHERE c.id = ?"                    \
	  " AND (? = 1 OR (" SQL_CUSTOMER_TEAM_OK("c.id", "?")                    \
	  " AND " SQL_CUSTOMER_PROJECTS_OK("c.id", "?") "))")                     \
	X(ST_ADMIN_PROJECT_OK, 4, ENTITY_OK__COLS,                                \
	  "SELECT p.id FROM kimai2_projects p"                                    \
	  " JOIN kimai2_customers c ON c.id = p.customer_id WHERE p.id = ?"       \
	  " AND (? = 1 OR (" SQL_PROJECT_TEAM_OK("p.id", "?")                     \
	  " AND " SQL_CUSTOMER_TEAM_OK("c.id", "?") "))")                         \
	X(ST_ADMIN_KEY_EXISTS, 1, KEY_EXISTS__COLS,                               \
	  "SELECT 1 FROM kimai2_customer_portals WHERE share_key = ?")            \
	X(ST_ADMIN_INSERT, 11, 0,                                                 \
	  "INSERT INTO kimai2_customer_portals (project_id, customer_id,"         \
	  " share_key, password, record_merge_mode, entry_user_visible,"          \
	  " entry_rate_visible, annual_chart_visible, monthly_chart_visible,"     \
	  " budget_stats_visible, time_budget_stats_visible)"                     \
	  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")                            \
	/* the third parameter = 1 keeps the stored password hash */              \
	X(ST_ADMIN_UPDATE, 13, 0,                                                 \
	  "UPDATE kimai2_customer_portals SET project_id = ?, customer_id = ?,"   \
	  " password = IF(? = 1, password, ?), record_merge_mode = ?,"            \
	  " entry_user_visible = ?, entry_rate_visible = ?,"                      \
	  " annual_chart_visible = ?, monthly_chart_visible = ?,"                 \
	  " budget_stats_visible = ?, time_budget_stats_visible = ?"              \
	  " WHERE id = ? AND CAST(share_key AS BINARY) = ?")                               \
	X(ST_ADMIN_DELETE, 2, 0,                                                  \
	  "DELETE FROM kimai2_customer_portals WHERE id = ? AND CAST(share_key AS BINARY) = ?")\
	/* extras (share_store.c, views.c, share_cli.c): per-share settings,    \
	 * key rotation, passwords from the command line, view counts */        \
	X(ST_SHARE_ZONE, 1, SHARE_ZONE__COLS,                                     \
	  "SELECT COALESCE(c.timezone, pc.timezone) FROM kimai2_customer_portals s"\
	  " LEFT JOIN kimai2_projects p ON p.id = s.project_id"                   \
	  " LEFT JOIN kimai2_customers pc ON pc.id = p.customer_id"               \
	  " LEFT JOIN kimai2_customers c ON c.id = s.customer_id WHERE s.id = ?")  \
	X(ST_SETTINGS_SAVE, 4, 0,                                                 \
	  "INSERT INTO kimai2_customer_portals_settings (share_id, expires_at,"   \
	  " window_from, window_to, created_at, updated_at)"                      \
	  " VALUES (?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())"                \
	  " ON DUPLICATE KEY UPDATE expires_at = VALUES(expires_at),"             \
	  " window_from = VALUES(window_from), window_to = VALUES(window_to),"    \
	  " updated_at = UTC_TIMESTAMP()")                                        \
	X(ST_SHARE_ROTATE, 3, 0,                                                  \
	  "UPDATE kimai2_customer_portals SET share_key = ?"                      \
	  " WHERE id = ? AND CAST(share_key AS BINARY) = ?")                               \
	X(ST_SHARE_SET_PASSWORD, 2, 0,                                            \
	  "UPDATE kimai2_customer_portals SET password = ? WHERE id = ?")         \
	X(ST_CLI_LIST, 0, SHARE__COLS, SQL_ADMIN_SHARE_COLS " ORDER BY s.id") \
	X(ST_CLI_SHARE, 1, SHARE__COLS, SQL_ADMIN_SHARE_COLS " WHERE s.id = ?") \
	X(ST_CLI_SHARE_BY_KEY, 2, SHARE__COLS,                                    \
	  SQL_ADMIN_SHARE_COLS " WHERE s.share_key = ? AND CAST(s.share_key AS BINARY) = ?") \
	/* a share deleted since its views were counted gets no row (and no    \
	 * foreign-key error): the SELECT finds nothing to insert */             \
	X(ST_VIEWS_ADD, 3, 0,                                                     \
	  "INSERT INTO kimai2_customer_portals_views (share_id, views, last_view)"\
	  " SELECT s.id, ?, ? FROM kimai2_customer_portals s WHERE s.id = ?"      \
	  " ON DUPLICATE KEY UPDATE views = views + VALUES(views),"               \
	  " last_view = GREATEST(COALESCE(last_view, VALUES(last_view)),"         \
	  " VALUES(last_view))")                                                  \
	/* the options "show activity" and "show tags"; a share deleted        \
	 * meanwhile gets no row */                                              \
	X(ST_DISPLAY_SAVE, 3, 0,                                                  \
	  "INSERT INTO kimai2_customer_portals_display (share_id, show_activity," \
	  " show_tags, created_at, updated_at)"                                   \
	  " SELECT s.id, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP()"                  \
	  " FROM kimai2_customer_portals s WHERE s.id = ?"                        \
	  " ON DUPLICATE KEY UPDATE show_activity = VALUES(show_activity),"       \
	  " show_tags = VALUES(show_tags), updated_at = UTC_TIMESTAMP()")         \
	/* readiness */                                                           \
	/* the tables of the share query: the plugin's and the settings */      \
	X(ST_READY, 0, READY__COLS, "SELECT COUNT(*) FROM kimai2_customer_portals s" \
	  " LEFT JOIN kimai2_customer_portals_settings st ON st.share_id = s.id"  \
	  " LEFT JOIN kimai2_customer_portals_display d ON d.share_id = s.id"     \
	  " WHERE 1 = 0")                                                         \
	X(ST_TABLE_EXISTS, 1, TABLE_EXISTS__COLS,                                 \
	  "SELECT 1 FROM information_schema.TABLES"                               \
	  " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")                  \
	/* install (install.c): what exists, what ran, the plugin's migration    \
	 * rows and the one-time copy of the legacy table */                     \
	X(ST_INSTALL_COLUMNS, 1, INSTALL_COLUMNS__COLS,                           \
	  "SELECT COLUMN_NAME FROM information_schema.COLUMNS"                    \
	  " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")                  \
	X(ST_INSTALL_SCHEMA_VERSIONS, 0, INSTALL_SCHEMA_VERSIONS__COLS,           \
	  "SELECT version FROM kimai2_customer_portals_schema")                   \
	X(ST_INSTALL_SCHEMA_RECORD, 2, 0,                                         \
	  "INSERT INTO kimai2_customer_portals_schema (version, name, applied_at)"\
	  " VALUES (?, ?, UTC_TIMESTAMP())")                                      \
	X(ST_INSTALL_MIGRATION_DONE, 1, INSTALL_MIGRATION_DONE__COLS,             \
	  "SELECT 1 FROM bundle_migration_customer_portal WHERE version = ?")     \
	X(ST_INSTALL_MIGRATION_RECORD, 1, 0,                                      \
	  "INSERT IGNORE INTO bundle_migration_customer_portal"                   \
	  " (version, executed_at, execution_time) VALUES (?, UTC_TIMESTAMP(), NULL)")\
	X(ST_INSTALL_LEGACY_COUNT, 0, INSTALL_LEGACY_COUNT__COLS,                 \
	  "SELECT COUNT(*) FROM kimai2_shared_project_timesheets")                \
	/* project shares of the plugin's releases before 2024; keys already    \
	 * taken and shares of deleted projects are skipped */                   \
	X(ST_INSTALL_LEGACY_COPY, 0, 0,                                           \
	  "INSERT IGNORE INTO kimai2_customer_portals (share_key, project_id,"    \
	  " customer_id, password, entry_user_visible, entry_rate_visible,"       \
	  " record_merge_mode, annual_chart_visible, monthly_chart_visible)"      \
	  " SELECT l.share_key, l.project_id, NULL, l.password,"                  \
	  " l.entry_user_visible, l.entry_rate_visible, l.record_merge_mode,"     \
	  " l.annual_chart_visible, l.monthly_chart_visible"                      \
	  " FROM kimai2_shared_project_timesheets l"                              \
	  " JOIN kimai2_projects p ON p.id = l.project_id"                        \
	  " WHERE NOT EXISTS (SELECT 1 FROM kimai2_customer_portals s"            \
	  " WHERE s.share_key = l.share_key) ORDER BY l.id")                      \
	/* the same for the 3.x releases, which also had customer shares and    \
	 * the budget flags */                                                    \
	X(ST_INSTALL_LEGACY_COPY_FULL, 0, 0,                                      \
	  "INSERT IGNORE INTO kimai2_customer_portals (share_key, project_id,"    \
	  " customer_id, password, entry_user_visible, entry_rate_visible,"       \
	  " record_merge_mode, annual_chart_visible, monthly_chart_visible,"      \
	  " budget_stats_visible, time_budget_stats_visible)"                     \
	  " SELECT l.share_key, p.id, c.id, l.password,"                          \
	  " l.entry_user_visible, l.entry_rate_visible, l.record_merge_mode,"     \
	  " l.annual_chart_visible, l.monthly_chart_visible,"                     \
	  " l.budget_stats_visible, l.time_budget_stats_visible"                  \
	  " FROM kimai2_shared_project_timesheets l"                              \
	  " LEFT JOIN kimai2_projects p ON p.id = l.project_id"                   \
	  " LEFT JOIN kimai2_customers c ON c.id = l.customer_id"                 \
	  " WHERE (p.id IS NOT NULL OR c.id IS NOT NULL)"                         \
	  " AND NOT EXISTS (SELECT 1 FROM kimai2_customer_portals s"              \
	  " WHERE s.share_key = l.share_key) ORDER BY l.id")                      \
	/* Kimai's branding (System > Settings), read by branding.c */           \
	X(ST_BRANDING, 0, BRANDING__COLS,                                         \
	  "SELECT name, value FROM kimai2_configuration"                          \
	  " WHERE name IN ('theme.branding.company', 'theme.branding.logo')") \
	SQL_SIGNOFF_STATEMENTS(X)

enum stmt {
#define SQL_ENUM(name, params, cols, text) name,
	SQL_STATEMENTS(SQL_ENUM)
#undef SQL_ENUM
	ST__MAX
};

extern const char *const sql_text[ST__MAX];
extern const unsigned sql_params[ST__MAX];   /* `?` in the text */
extern const unsigned sql_cols[ST__MAX];     /* result columns, 0 if none */
extern const char *const sql_name[ST__MAX];

#endif
