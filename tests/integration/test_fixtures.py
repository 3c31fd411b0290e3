"""The data every other test stands on: the real Kimai dumps load into MariaDB as they
are, tests/data/kimai-schema.sql is exactly Kimai's schema, the demo data is coherent, and
the harness's MariaDB survives stop/start with its data (the outage tests rely on it)."""

import types

from . import harness

SCHEMA_QUERIES = {
    'columns': """SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE, IS_NULLABLE,
                         IFNULL(COLUMN_DEFAULT, '(none)'), EXTRA, IFNULL(COLLATION_NAME, '')
                  FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '{db}'
                  ORDER BY TABLE_NAME, ORDINAL_POSITION""",
    'indexes': """SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME
                  FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = '{db}'
                  ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX""",
    'foreign keys': """SELECT TABLE_NAME, CONSTRAINT_NAME, REFERENCED_TABLE_NAME, DELETE_RULE,
                              UPDATE_RULE
                       FROM information_schema.REFERENTIAL_CONSTRAINTS
                       WHERE CONSTRAINT_SCHEMA = '{db}' ORDER BY TABLE_NAME, CONSTRAINT_NAME""",
}


def setup(env):
    fx = types.SimpleNamespace(env=env, m=env.mariadb)
    fx.dbs = {name: fx.m.kimai_db(name) for name in harness.DUMP_FILES}
    return fx


def count(m, db, table, where='1'):
    return int(m.value(db, f'SELECT COUNT(*) FROM {table} WHERE {where}'))


def test_dumps_load_with_their_content(fx):
    m, d = fx.m, fx.dbs
    db = d['2.36-empty']
    assert count(m, db, 'kimai2_users') == 1
    assert m.value(db, 'SELECT roles FROM kimai2_users') == 'a:1:{i:0;s:16:"ROLE_SUPER_ADMIN";}'
    assert count(m, db, 'kimai2_sessions') == 3
    db = d['2.45-rates']
    assert count(m, db, 'kimai2_users') == 2
    assert m.sql(db, 'SELECT name, currency, timezone FROM kimai2_customers') == \
        [['Acme1', 'EUR', 'Europe/Brussels']]
    assert count(m, db, 'kimai2_projects') == 2
    assert count(m, db, 'kimai2_timesheet') == 4
    db = d['2.45-permissions']
    assert count(m, db, 'kimai2_roles_permissions') == 19
    assert m.value(db, 'SELECT name FROM kimai2_projects WHERE id = 1') == 'Présence'
    for name, db in d.items():
        assert count(m, 'information_schema', 'TABLES',
                     f"TABLE_SCHEMA = '{db}' AND TABLE_NAME LIKE 'kimai2_customer_portals%'") == 0, \
            f'{name} already has portal tables'


def test_kimai_schema_file_is_the_245_schema(fx):
    m = fx.m
    db = m.new_db('schema')
    m.load_dump(harness.DATA / 'kimai-schema.sql', db)
    ref = fx.dbs['2.45-rates']
    for what, q in SCHEMA_QUERIES.items():
        got, want = m.sql(None, q.format(db=db)), m.sql(None, q.format(db=ref))
        assert got == want, f'{what} differ from the 2.45 dump: ' \
                            f'{[r for r in got if r not in want][:3]} / {[r for r in want if r not in got][:3]}'
    # Structure only, except Kimai's own migration list.
    rows = m.sql(None, f"SELECT TABLE_NAME FROM information_schema.TABLES WHERE "
                       f"TABLE_SCHEMA = '{db}' ORDER BY TABLE_NAME")
    nonempty = [t for (t,) in rows if count(m, db, f'`{t}`') > 0]
    assert nonempty == ['migration_versions'], nonempty
    assert count(m, db, 'migration_versions') == count(m, ref, 'migration_versions')


def test_demo_data_is_coherent(fx):
    m = fx.m
    db = m.demo_db()
    fx.demo_db = db
    # About three months of work up to today, nothing in the future, one running record.
    days = int(m.value(db, 'SELECT COUNT(DISTINCT date_tz) FROM kimai2_timesheet'))
    assert days >= 50, f'only {days} days with records'
    span = int(m.value(db, 'SELECT DATEDIFF(MAX(date_tz), MIN(date_tz)) FROM kimai2_timesheet'))
    assert 85 <= span <= 95, span
    assert count(m, db, 'kimai2_timesheet', 'end_time > UTC_TIMESTAMP()') == 0
    assert count(m, db, 'kimai2_timesheet', 'end_time IS NULL') == 1
    # Kimai's invariants: start/end in UTC, date_tz the local date, duration = end - start.
    bad = count(m, db, 'kimai2_timesheet',
                "date_tz <> DATE(CONVERT_TZ(start_time, '+00:00', timezone))")
    assert bad == 0, f'{bad} records whose date_tz is not their local date'
    bad = count(m, db, 'kimai2_timesheet',
                'end_time IS NOT NULL AND TIMESTAMPDIFF(SECOND, start_time, end_time) <> duration')
    assert bad == 0, f'{bad} records whose duration does not match'
    bad = count(m, db, 'kimai2_timesheet',
                'end_time IS NOT NULL AND fixed_rate IS NULL '
                'AND ABS(rate - ROUND(hourly_rate * duration / 3600, 2)) > 0.005')
    assert bad == 0, f'{bad} records whose rate is not hourly_rate x duration'
    assert count(m, db, 'kimai2_timesheet', 'billable = 0') > 0
    assert count(m, db, 'kimai2_timesheet', 'fixed_rate IS NOT NULL') > 0
    assert count(m, db, 'kimai2_timesheet', "description IS NULL OR description = ''") > 0
    # Variety the share pages need to show.
    assert int(m.value(db, 'SELECT COUNT(DISTINCT currency) FROM kimai2_customers')) >= 4
    assert int(m.value(db, 'SELECT COUNT(DISTINCT timezone) FROM kimai2_customers')) >= 4
    assert int(m.value(db, 'SELECT COUNT(DISTINCT timezone) FROM kimai2_timesheet')) >= 3
    assert m.sql(db, 'SELECT budget > 0, time_budget > 0, budget_type FROM kimai2_customers '
                     'WHERE id = 2') == [['1', '1', 'month']]
    assert m.sql(db, 'SELECT budget > 0, time_budget > 0, budget_type FROM kimai2_projects '
                     'WHERE id = 1') == [['1', '1', 'NULL']]
    assert count(m, db, 'kimai2_users', "alias IS NOT NULL AND alias <> ''") >= 3
    # Every visible project of a visible customer has records in the last month.
    idle = m.sql(db, """SELECT p.name FROM kimai2_projects p JOIN kimai2_customers c
                         ON c.id = p.customer_id WHERE p.visible AND c.visible AND NOT EXISTS
                        (SELECT 1 FROM kimai2_timesheet t WHERE t.project_id = p.id
                         AND t.date_tz >= CURDATE() - INTERVAL 31 DAY)""")
    assert idle == [], idle


def test_mariadb_stop_start_keeps_data_and_port(fx):
    m = fx.env.new_mariadb()
    db = m.new_db('restart')
    m.sql(db, 'CREATE TABLE t (v INT); INSERT INTO t VALUES (42);')
    port = m.port
    m.stop()
    assert not m.running
    m.start()
    assert m.port == port
    assert m.value(db, 'SELECT v FROM t') == '42'
    m.kill()
    assert not m.running
    m.start()
    assert m.value(db, 'SELECT v FROM t') == '42'
    m.stop()
