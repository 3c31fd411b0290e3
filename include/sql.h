/* Every SQL statement of the program, named once.  X(name, text).
 * Statements are prepared once per connection (db.c).  Add new statements
 * at the end of the list of the feature they belong to. */
#ifndef PORTAL_SQL_H
#define PORTAL_SQL_H

#define SQL_STATEMENTS(X)                                                     \
	X(ST_PING, "SELECT 1")                                                    \
	/* shares */                                                              \
	X(ST_SHARE_BY_KEY,                                                        \
	  "SELECT s.id, s.project_id, s.customer_id, s.share_key, s.password,"    \
	  " s.record_merge_mode, s.entry_user_visible, s.entry_rate_visible,"     \
	  " s.annual_chart_visible, s.monthly_chart_visible,"                     \
	  " s.budget_stats_visible, s.time_budget_stats_visible,"                 \
	  " COALESCE(c.id, pc.id), COALESCE(c.name, pc.name),"                    \
	  " COALESCE(c.timezone, pc.timezone), COALESCE(c.currency, pc.currency),"\
	  " p.name"                                                               \
	  " FROM kimai2_customer_portals s"                                       \
	  " LEFT JOIN kimai2_projects p ON p.id = s.project_id"                   \
	  " LEFT JOIN kimai2_customers pc ON pc.id = p.customer_id"               \
	  " LEFT JOIN kimai2_customers c ON c.id = s.customer_id"                 \
	  " WHERE s.share_key = ? AND BINARY s.share_key = ?")                    \
	/* readiness */                                                           \
	X(ST_READY, "SELECT COUNT(*) FROM kimai2_customer_portals WHERE 1 = 0")       \
	X(ST_TABLE_EXISTS,                                                        \
	  "SELECT 1 FROM information_schema.TABLES"                               \
	  " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")

enum stmt {
#define SQL_ENUM(name, text) name,
	SQL_STATEMENTS(SQL_ENUM)
#undef SQL_ENUM
	ST__MAX
};

extern const char *const sql_text[ST__MAX];
extern const char *const sql_name[ST__MAX];

#endif
