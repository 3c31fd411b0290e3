"""Foundation (docs/design.md, "Data", §7, §8): portal-install on the real Kimai dumps, the plugin's
table exactly as the PHP plugin makes it, the first pages through nginx.conf.sample,
security headers, health/ready, database outages and a graceful SIGTERM."""

import re
import subprocess
import threading
import time
import types

from . import harness

PLUGIN_TABLE = 'kimai2_customer_portals'
MIGRATIONS_TABLE = 'bundle_migration_customer_portal'
MIGRATIONS = [
    'KimaiPlugin\\CustomerPortalBundle\\Migrations\\Version20240915125912',
    'KimaiPlugin\\CustomerPortalBundle\\Migrations\\Version20240917151424',
    'KimaiPlugin\\CustomerPortalBundle\\Migrations\\Version20240917151425',
]

# The plugin's table as its Doctrine migration creates it on MariaDB:
# name, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT ('(none)' = no default), EXTRA.
PLUGIN_COLUMNS = [
    ['id', 'int(11)', 'NO', '(none)', 'auto_increment'],
    ['project_id', 'int(11)', 'YES', 'NULL', ''],
    ['customer_id', 'int(11)', 'YES', 'NULL', ''],
    ['share_key', 'varchar(20)', 'NO', '(none)', ''],
    ['password', 'varchar(255)', 'YES', 'NULL', ''],
    ['record_merge_mode', 'varchar(50)', 'NO', '(none)', ''],
    ['entry_user_visible', 'tinyint(1)', 'NO', '0', ''],
    ['entry_rate_visible', 'tinyint(1)', 'NO', '0', ''],
    ['annual_chart_visible', 'tinyint(1)', 'NO', '0', ''],
    ['monthly_chart_visible', 'tinyint(1)', 'NO', '0', ''],
    ['budget_stats_visible', 'tinyint(1)', 'NO', '0', ''],
    ['time_budget_stats_visible', 'tinyint(1)', 'NO', '0', ''],
]
# index name, NON_UNIQUE, columns
PLUGIN_INDEXES = sorted([
    ['PRIMARY', '0', 'id'],
    ['UNIQ_7747AE6BF06F2E59', '0', 'share_key'],
    ['IDX_7747AE6B166D1F9C', '1', 'project_id'],
    ['IDX_7747AE6B9395C3F3', '1', 'customer_id'],
])
# constraint, column, referenced table, referenced column, ON DELETE, ON UPDATE
PLUGIN_FKS = sorted([
    ['FK_7747AE6B166D1F9C', 'project_id', 'kimai2_projects', 'id', 'CASCADE', 'RESTRICT'],
    ['FK_7747AE6B9395C3F3', 'customer_id', 'kimai2_customers', 'id', 'CASCADE', 'RESTRICT'],
])

# Keys of the shares the fixture inserts the way the PHP plugin does.
PROJECT_KEY = 'PrjShareKey000000001'
CUSTOMER_KEY = 'CusShareKey000000001'
UNKNOWN_KEY = 'NoSuchShareKey000001'


def plugin_insert(project_id, customer_id, key, password=None, mode='NONE'):
    """A share row exactly as the PHP plugin's Doctrine entity inserts it."""
    pw = 'NULL' if password is None else f"'{password}'"
    return (f'INSERT INTO {PLUGIN_TABLE} (project_id, customer_id, share_key, password, '
            f'record_merge_mode, entry_user_visible, entry_rate_visible, '
            f'annual_chart_visible, monthly_chart_visible, budget_stats_visible, '
            f'time_budget_stats_visible) VALUES ({project_id or "NULL"}, '
            f'{customer_id or "NULL"}, \'{key}\', {pw}, \'{mode}\', 0, 0, 0, 0, 0, 0);')


def share_url(key, lang='en'):
    return f'/{lang}/auth/customer-portal/{key}'


def install(m, db, **kw):
    r = harness.run_install(m.url(db), **kw)
    assert r.returncode == 0, f'portal-install failed ({r.returncode}):\n{r.stdout}{r.stderr}'
    return r


def setup(env):
    harness.binary('portal')
    harness.binary('portal-install')
    fx = types.SimpleNamespace(env=env, m=env.mariadb)
    fx.db = fx.m.kimai_db('2.45-rates')
    install(fx.m, fx.db)
    fx.m.sql(fx.db, plugin_insert(2, None, PROJECT_KEY) + plugin_insert(None, 1, CUSTOMER_KEY))
    fx.portal = env.portal(fx.m.url(fx.db))
    fx.nginx = env.nginx(fx.portal)
    return fx


# --------------------------------------------------------------------------------------
# helpers

def schema_snapshot(m, db):
    """Everything portal-install could change: the information_schema rows of the
    database, the migration rows and a checksum of every table's data."""
    snap = {}
    queries = {
        'tables': """SELECT TABLE_NAME, ENGINE, TABLE_COLLATION, CREATE_TIME, AUTO_INCREMENT,
                            CREATE_OPTIONS, TABLE_COMMENT
                     FROM information_schema.TABLES WHERE TABLE_SCHEMA = '{db}'
                     ORDER BY TABLE_NAME""",
        'columns': """SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE,
                             IS_NULLABLE, IFNULL(COLUMN_DEFAULT, '(none)'), EXTRA,
                             IFNULL(COLLATION_NAME, ''), COLUMN_COMMENT
                      FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '{db}'
                      ORDER BY TABLE_NAME, ORDINAL_POSITION""",
        'indexes': """SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME
                      FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = '{db}'
                      ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX""",
        'constraints': """SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE
                          FROM information_schema.TABLE_CONSTRAINTS
                          WHERE CONSTRAINT_SCHEMA = '{db}'
                          ORDER BY TABLE_NAME, CONSTRAINT_NAME""",
        'foreign keys': """SELECT CONSTRAINT_NAME, TABLE_NAME, REFERENCED_TABLE_NAME,
                                  DELETE_RULE, UPDATE_RULE
                           FROM information_schema.REFERENTIAL_CONSTRAINTS
                           WHERE CONSTRAINT_SCHEMA = '{db}' ORDER BY CONSTRAINT_NAME""",
        'triggers': """SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_STATEMENT
                       FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = '{db}'
                       ORDER BY TRIGGER_NAME""",
        'routines': """SELECT ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES
                       WHERE ROUTINE_SCHEMA = '{db}' ORDER BY ROUTINE_NAME""",
    }
    for name, q in queries.items():
        snap[name] = m.sql(None, q.format(db=db))
    tables = [t for (t, *_) in snap['tables']]
    if tables:
        snap['checksums'] = m.sql(db, 'CHECKSUM TABLE ' + ', '.join(f'`{t}`' for t in tables)
                                  + ' EXTENDED')
    if MIGRATIONS_TABLE in tables:
        snap['migrations'] = m.sql(db, f'SELECT * FROM {MIGRATIONS_TABLE} ORDER BY version')
    return snap


def snapshot_diff(a, b):
    out = []
    for k in a.keys() | b.keys():
        ra, rb = a.get(k, []), b.get(k, [])
        if ra != rb:
            out.append(f'{k}: before-only {[r for r in ra if r not in rb][:3]}, '
                       f'after-only {[r for r in rb if r not in ra][:3]}')
    return '\n'.join(out)


def tables_of(m, db):
    return [t for (t,) in m.sql(None, f"SELECT TABLE_NAME FROM information_schema.TABLES "
                                      f"WHERE TABLE_SCHEMA = '{db}' ORDER BY TABLE_NAME")]


def assert_refused(r, pattern, secret=None):
    out = r.stdout + r.stderr
    assert r.returncode != 0, f'portal-install succeeded but should refuse:\n{out}'
    assert 0 < r.returncode < 128, f'portal-install crashed (status {r.returncode}):\n{out}'
    assert re.search(pattern, out, re.I), f'message does not match /{pattern}/:\n{out}'
    if secret:
        assert secret not in out, f'portal-install printed the password:\n{out}'


SECURITY_HEADERS = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Robots-Tag': 'noindex',
}


def assert_security_headers(r, what):
    for name, want in SECURITY_HEADERS.items():
        got = r.headers.get(name)
        assert got is not None and want in got.lower(), f'{what}: {name} is {got!r}'
    csp = r.headers.get('Content-Security-Policy')
    assert csp, f'{what}: no Content-Security-Policy'
    directives = {d.split()[0].lower(): d for d in csp.split(';') if d.strip()}
    assert "frame-ancestors 'none'" in directives.get('frame-ancestors', ''), \
        f"{what}: CSP lacks frame-ancestors 'none': {csp}"
    script = directives.get('script-src', directives.get('default-src', ''))
    assert script, f'{what}: CSP restricts no scripts (no script-src/default-src): {csp}'
    assert "'unsafe-inline'" not in script and "'unsafe-eval'" not in script, \
        f'{what}: CSP allows inline script: {csp}'


def assert_html(r, what):
    ct = r.headers.get('Content-Type', '')
    assert ct.lower().replace(' ', '') == 'text/html;charset=utf-8', f'{what}: Content-Type {ct!r}'


def own_stack(fx, workers=4):
    """A MariaDB of its own (to stop and kill), a Kimai database with the portal installed
    and one project share, a portal and nginx in front."""
    s = types.SimpleNamespace()
    s.m = fx.env.new_mariadb()
    s.db = s.m.kimai_db('2.45-rates')
    install(s.m, s.db)
    s.m.sql(s.db, plugin_insert(2, None, PROJECT_KEY))
    s.portal = fx.env.portal(s.m.url(s.db), workers=workers)
    s.nginx = fx.env.nginx(s.portal)
    return s


# --------------------------------------------------------------------------------------
# portal-install

def test_install_on_every_dump_and_second_run_changes_nothing(fx):
    m = fx.m
    for dump in harness.DUMP_FILES:
        db = m.kimai_db(dump)
        first = install(m, db)
        assert PLUGIN_TABLE in first.stdout + first.stderr, \
            f'{dump}: first run does not say what it did:\n{first.stdout}{first.stderr}'
        assert PLUGIN_TABLE in tables_of(m, db), f'{dump}: {PLUGIN_TABLE} not created'
        before = schema_snapshot(m, db)
        second = install(m, db)
        out = second.stdout + second.stderr
        assert re.search(r'nothing to do|up to date', out, re.I), \
            f'{dump}: second run does not say there is nothing to do:\n{out}'
        after = schema_snapshot(m, db)
        assert before == after, f'{dump}: second run changed the database:\n' \
                                f'{snapshot_diff(before, after)}'


def test_install_never_touches_kimai_tables(fx):
    m = fx.m
    db = m.kimai_db('2.45-permissions')
    kimai = [t for t in tables_of(m, db)]
    sums = m.sql(db, 'CHECKSUM TABLE ' + ', '.join(f'`{t}`' for t in kimai) + ' EXTENDED')
    install(m, db)
    assert m.sql(db, 'CHECKSUM TABLE ' + ', '.join(f'`{t}`' for t in kimai) + ' EXTENDED') == sums
    new = [t for t in tables_of(m, db) if t not in kimai]
    for t in new:
        assert t in (PLUGIN_TABLE, MIGRATIONS_TABLE) or t.startswith(PLUGIN_TABLE + '_'), \
            f'portal-install created {t}, outside the portal\'s names'


def test_plugin_table_is_exactly_the_plugins(fx):
    m, db = fx.m, fx.db
    cols = m.sql(None, f"""SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE,
                                  IFNULL(COLUMN_DEFAULT, '(none)'), EXTRA
                           FROM information_schema.COLUMNS
                           WHERE TABLE_SCHEMA = '{db}' AND TABLE_NAME = '{PLUGIN_TABLE}'
                           ORDER BY ORDINAL_POSITION""")
    assert cols == PLUGIN_COLUMNS, f'columns differ:\n got  {cols}\n want {PLUGIN_COLUMNS}'
    idx = m.sql(None, f"""SELECT INDEX_NAME, NON_UNIQUE,
                                 GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX)
                          FROM information_schema.STATISTICS
                          WHERE TABLE_SCHEMA = '{db}' AND TABLE_NAME = '{PLUGIN_TABLE}'
                          GROUP BY INDEX_NAME, NON_UNIQUE ORDER BY INDEX_NAME""")
    assert sorted(idx) == PLUGIN_INDEXES, f'indexes differ:\n got  {idx}\n want {PLUGIN_INDEXES}'
    fks = m.sql(None, f"""SELECT r.CONSTRAINT_NAME, k.COLUMN_NAME, r.REFERENCED_TABLE_NAME,
                                 k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE
                          FROM information_schema.REFERENTIAL_CONSTRAINTS r
                          JOIN information_schema.KEY_COLUMN_USAGE k
                            ON k.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA
                           AND k.CONSTRAINT_NAME = r.CONSTRAINT_NAME
                           AND k.TABLE_NAME = r.TABLE_NAME
                          WHERE r.CONSTRAINT_SCHEMA = '{db}' AND r.TABLE_NAME = '{PLUGIN_TABLE}'
                          ORDER BY r.CONSTRAINT_NAME""")
    assert sorted(fks) == PLUGIN_FKS, f'foreign keys differ:\n got  {fks}\n want {PLUGIN_FKS}'
    t = m.sql(None, f"""SELECT ENGINE, TABLE_COLLATION FROM information_schema.TABLES
                        WHERE TABLE_SCHEMA = '{db}' AND TABLE_NAME = '{PLUGIN_TABLE}'""")
    assert t == [['InnoDB', 'utf8mb4_unicode_ci']], t


def test_plugin_table_constraints_behave(fx):
    # Unique share keys, and shares vanish with their project or customer.
    m = fx.m
    db = m.kimai_db('2.45-rates')
    install(m, db)
    m.sql(db, plugin_insert(1, None, 'CascadeProject000001') +
          plugin_insert(None, 1, 'CascadeCustomer00001'))
    try:
        m.sql(db, plugin_insert(2, None, 'CascadeProject000001'))
        raise AssertionError('a duplicate share_key was accepted')
    except RuntimeError as ex:
        assert 'Duplicate' in str(ex), ex
    m.sql(db, 'DELETE FROM kimai2_timesheet WHERE project_id = 1; '
              'DELETE FROM kimai2_projects WHERE id = 1;')
    assert m.sql(db, f'SELECT share_key FROM {PLUGIN_TABLE}') == [['CascadeCustomer00001']]
    m.sql(db, 'DELETE FROM kimai2_customers WHERE id = 1;')
    assert m.sql(db, f'SELECT COUNT(*) FROM {PLUGIN_TABLE}') == [['0']]


def test_plugin_migrations_recorded(fx):
    m, db = fx.m, fx.db
    rows = m.sql(db, f'SELECT version FROM {MIGRATIONS_TABLE} ORDER BY version')
    assert [v for (v,) in rows] == MIGRATIONS, rows
    cols = m.sql(None, f"""SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_KEY
                           FROM information_schema.COLUMNS
                           WHERE TABLE_SCHEMA = '{db}' AND TABLE_NAME = '{MIGRATIONS_TABLE}'
                           ORDER BY ORDINAL_POSITION""")
    assert cols == [['version', 'varchar(191)', 'NO', 'PRI'],
                    ['executed_at', 'datetime', 'YES', ''],
                    ['execution_time', 'int(11)', 'YES', '']], cols


# The table of the plugin's releases before 2024 (then named SharedProjectTimesheets).
LEGACY_TABLE_DDL = """
CREATE TABLE kimai2_shared_project_timesheets (
  id INT AUTO_INCREMENT NOT NULL,
  project_id INT NOT NULL,
  share_key VARCHAR(20) NOT NULL,
  password VARCHAR(255) DEFAULT NULL,
  entry_user_visible TINYINT(1) DEFAULT 0 NOT NULL,
  entry_rate_visible TINYINT(1) DEFAULT 0 NOT NULL,
  record_merge_mode VARCHAR(50) DEFAULT 'NONE' NOT NULL,
  annual_chart_visible TINYINT(1) DEFAULT 0 NOT NULL,
  monthly_chart_visible TINYINT(1) DEFAULT 0 NOT NULL,
  INDEX IDX_BE51C9A1F06F2E59 (share_key),
  UNIQUE INDEX UNIQ_BE51C9A166D1F9CF06F2E59 (project_id, share_key),
  PRIMARY KEY(id),
  CONSTRAINT FK_BE51C9A1166D1F9C FOREIGN KEY (project_id) REFERENCES kimai2_projects (id)
    ON UPDATE CASCADE ON DELETE CASCADE
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci ENGINE = InnoDB;
INSERT INTO kimai2_shared_project_timesheets
  (project_id, share_key, password, entry_user_visible, entry_rate_visible,
   record_merge_mode, annual_chart_visible, monthly_chart_visible) VALUES
  (1, 'LegacyShareKey000001', NULL, 1, 0, 'MERGE', 1, 0),
  (2, 'LegacyShareKey000002',
   '$2y$13$Kimai.Portal.Test.SalefJC/zpDK8kSvT2WK6kiATUURzefUw2e', 0, 1,
   'MERGE_USE_LAST_OF_DAY', 0, 1);
"""


def test_legacy_shares_copied_once(fx):
    m = fx.m
    db = m.kimai_db('2.45-rates')
    m.sql(db, LEGACY_TABLE_DDL)
    want = [
        ['1', 'NULL', 'LegacyShareKey000001', 'NULL', 'MERGE', '1', '0', '1', '0', '0', '0'],
        ['2', 'NULL', 'LegacyShareKey000002',
         '$2y$13$Kimai.Portal.Test.SalefJC/zpDK8kSvT2WK6kiATUURzefUw2e',
         'MERGE_USE_LAST_OF_DAY', '0', '1', '0', '1', '0', '0'],
    ]
    q = f"""SELECT project_id, customer_id, share_key, password, record_merge_mode,
                   entry_user_visible, entry_rate_visible, annual_chart_visible,
                   monthly_chart_visible, budget_stats_visible, time_budget_stats_visible
            FROM {PLUGIN_TABLE} ORDER BY share_key"""
    install(m, db)
    assert m.sql(db, q) == want, m.sql(db, q)
    install(m, db)
    assert m.sql(db, q) == want, 'legacy rows copied again on the second run'
    assert 'kimai2_shared_project_timesheets' in tables_of(m, db), \
        'the legacy table must stay until the admin drops it'
    assert m.value(db, 'SELECT COUNT(*) FROM kimai2_shared_project_timesheets') == '2'


def test_install_refuses_non_kimai_database(fx):
    m = fx.m
    empty = m.new_db('empty')
    assert_refused(harness.run_install(m.url(empty)), r'kimai')
    assert tables_of(m, empty) == [], 'portal-install created tables in a non-Kimai database'
    other = m.new_db('other')
    m.sql(other, 'CREATE TABLE wp_posts (id INT PRIMARY KEY, title TEXT);')
    assert_refused(harness.run_install(m.url(other)), r'kimai')
    assert tables_of(m, other) == ['wp_posts']


def test_install_refuses_user_lacking_privileges(fx):
    m = fx.m
    db = m.kimai_db('2.45-rates')
    pw = 'Rd-only-pw-9137'
    m.create_user('reader', pw, grants=[f'SELECT ON `{db}`.*'])
    r = harness.run_install(m.url(db, user='reader', password=pw))
    assert_refused(r, r'privilege|denied|permission', secret=pw)
    assert PLUGIN_TABLE not in tables_of(m, db)
    assert MIGRATIONS_TABLE not in tables_of(m, db)


def test_install_refuses_when_it_cannot_connect(fx):
    m = fx.m
    closed = harness.free_port()
    r = harness.run_install(m.url(fx.db, port=closed), timeout=60)
    assert_refused(r, r'connect', secret=m.password)
    wrong = 'Wrong-pw-5521'
    r = harness.run_install(m.url(fx.db, password=wrong), timeout=60)
    assert_refused(r, r'denied|password|access', secret=wrong)


# --------------------------------------------------------------------------------------
# pages through nginx

def test_health(fx):
    r = fx.nginx.get(harness.HEALTH_PATH)
    assert r.status == 200, r.status
    assert len(r.body) < 200, f'health says more than it should: {r.body[:200]!r}'
    version = subprocess.run([str(harness.binary('portal')), '--version'], capture_output=True,
                             text=True, timeout=10).stdout.split()
    assert version and version[-1].encode() not in r.body, 'health reveals the version'


def test_ready(fx):
    r = fx.nginx.get(harness.READY_PATH)
    assert r.status == 200, r.status
    assert len(r.body) < 200, f'ready says more than it should: {r.body[:200]!r}'


def test_ready_503_without_portal_tables(fx):
    db = fx.m.kimai_db('2.36-empty')       # Kimai, but portal-install never ran
    p = fx.env.portal(fx.m.url(db), workers=1)
    r = p.request('GET', harness.READY_PATH)
    assert r.status == 503, r.status
    assert p.request('GET', harness.HEALTH_PATH).status == 200
    p.stop()


def test_unknown_key_404(fx):
    a = fx.nginx.get(share_url(UNKNOWN_KEY))
    b = fx.nginx.get(share_url('ZZZZZZZZZZZZZZZZZZZ9'))
    assert a.status == 404 and b.status == 404, (a.status, b.status)
    assert a.body == b.body, 'the 404 page differs by key (it must not echo the key)'
    assert UNKNOWN_KEY.encode() not in a.body
    assert_html(a, 'unknown key')


def test_malformed_keys_404(fx):
    keys = ['A' * 21, 'A' * 300, 'abc$defghijklmnopqrs', 'abc.defghijklmnopqrs',
            'ab%2Fcdefghijklmnopqr', 'ab%20cdefghijklmnopq', '%E2%80%AEabcdefghijklmn',
            'abc%3Cscript%3E', "ab'cdefghijklmnopqrs"]
    for key in keys:
        r = fx.nginx.get(share_url(key))
        assert r.status == 404, f'{key}: {r.status}'
        assert b'<script>' not in r.body and key.encode() not in r.body, f'{key} echoed'
    # nginx itself refuses %00 (400), so send it to the portal directly.
    for key in ('%00', 'AAAAAAAAA%00AAAAAAAAAA', PROJECT_KEY + '%00'):
        r = fx.portal.request('GET', share_url(key))
        assert r.status == 404, f'{key}: {r.status}'
    assert fx.nginx.get(share_url('%00')).status == 400


def test_unknown_language_404(fx):
    for lang in ('xx', 'zz_ZZ', 'english', 'e'):
        r = fx.nginx.get(share_url(PROJECT_KEY, lang=lang))
        assert r.status == 404, f'{lang}: {r.status}'
    assert fx.nginx.get(share_url(PROJECT_KEY, lang='en')).status == 200


def test_project_share_made_by_plugin_shows_name(fx):
    r = fx.nginx.get(share_url(PROJECT_KEY))
    assert r.status == 200, r.status
    assert_html(r, 'project share')
    assert 'User poll' in r.text, 'project name missing'


def test_customer_share_made_by_plugin_shows_name(fx):
    r = fx.nginx.get(share_url(CUSTOMER_KEY, lang='de'))
    assert r.status == 200, r.status
    assert_html(r, 'customer share')
    assert 'Acme1' in r.text, 'customer name missing'


def test_security_headers_on_every_response(fx):
    n = fx.nginx
    responses = {
        'health': n.get(harness.HEALTH_PATH),
        'ready': n.get(harness.READY_PATH),
        'share': n.get(share_url(PROJECT_KEY)),
        'customer share': n.get(share_url(CUSTOMER_KEY)),
        'unknown key': n.get(share_url(UNKNOWN_KEY)),
        'malformed key': n.get(share_url('A' * 40)),
        'unknown language': n.get(share_url(PROJECT_KEY, lang='xx')),
        'HEAD share': n.head(share_url(PROJECT_KEY)),
        'wrong method': n.request('PUT', share_url(PROJECT_KEY), body=b''),
    }
    for what, r in responses.items():
        assert_security_headers(r, f'{what} ({r.status})')


def test_demo_data_shares_served(fx):
    # scripts/demo's data: Kimai's schema, demo data, portal-install, demo shares.
    m = fx.m
    db = m.demo_db()
    install(m, db)
    m.load_dump(harness.DATA / 'demo-shares.sql', db)
    p = fx.env.portal(m.url(db), workers=2)
    n = fx.env.nginx(p)
    names = {'DemoProjectShare0001': 'Website Relaunch', 'DemoCustomerShare001': 'Globex Inc.',
             'DemoMergedShare00001': 'Support &amp; Maintenance',
             'DemoTokyoShare000001': 'Tanaka Kōgyō 株式会社'}
    for key, name in names.items():
        r = n.get(share_url(key))
        assert r.status == 200, f'{key}: {r.status}'
        assert name in r.text, f'{key}: {name!r} not on the page'
    r = n.get(share_url('DemoPasswordShare001'))
    assert r.status == 200 and 'spt-password' in r.text, 'password share shows no unlock form'
    n.stop()
    p.stop()


# --------------------------------------------------------------------------------------
# outages and shutdown

def _assert_fast_503s(n, rounds=8):
    for i in range(rounds):
        t0 = time.monotonic()
        r = n.get(share_url(PROJECT_KEY), timeout=10)
        dt = time.monotonic() - t0
        assert r.status == 503, f'request {i} with the database down: {r.status}'
        assert dt < 1.0, f'request {i} took {dt:.2f}s to answer 503 (limit 1 s)'
        ra = r.headers.get('Retry-After', '')
        assert ra.isdigit() and int(ra) > 0, f'503 without a valid Retry-After: {ra!r}'
        assert_security_headers(r, '503')
    r = n.get(harness.READY_PATH, timeout=10)
    assert r.status == 503, f'ready says {r.status} with the database down'
    assert n.get(harness.HEALTH_PATH).status == 200, 'health must not depend on the database'


def _assert_recovers(s, limit=5.0):
    t0 = time.monotonic()
    harness.wait_until(lambda: s.nginx.get(share_url(PROJECT_KEY), timeout=5).status == 200,
                       limit, interval=0.1, what='the share page to answer 200 again')
    harness.wait_until(lambda: s.nginx.get(harness.READY_PATH, timeout=5).status == 200,
                       max(0.5, limit - (time.monotonic() - t0)), interval=0.1,
                       what='ready to answer 200 again')
    assert s.portal.running, 'the portal exited during the outage'


def test_database_stopped_then_restarted(fx):
    s = own_stack(fx)
    assert s.nginx.get(share_url(PROJECT_KEY)).status == 200
    assert s.nginx.get(harness.READY_PATH).status == 200
    pid = s.portal.pid
    s.m.stop()
    _assert_fast_503s(s.nginx)
    s.m.start()
    _assert_recovers(s)
    assert s.portal.pid == pid
    s.portal.stop()


def test_database_killed_then_restarted(fx):
    s = own_stack(fx)
    assert s.nginx.get(share_url(PROJECT_KEY)).status == 200
    s.m.kill()
    _assert_fast_503s(s.nginx)
    s.m.start()
    _assert_recovers(s)
    s.portal.stop()


def test_sigterm_completes_request_in_flight(fx):
    m, db = fx.m, fx.db
    p = fx.env.portal(m.url(db), workers=2)
    n = fx.env.nginx(p)
    assert n.get(share_url(PROJECT_KEY)).status == 200
    locker = subprocess.Popen(m.client_cmd(db), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    result = {}
    try:
        locker.stdin.write(f"LOCK TABLES {PLUGIN_TABLE} WRITE;\nSELECT 'locked';\n")
        locker.stdin.flush()
        assert locker.stdout.readline().strip() == 'locked'

        def fetch():
            try:
                result['r'] = n.get(share_url(PROJECT_KEY), timeout=30)
            except Exception as ex:  # reported by the main thread
                result['error'] = ex

        t = threading.Thread(target=fetch, daemon=True)
        t.start()
        harness.wait_until(lambda: m.value(None, f"""
            SELECT COUNT(*) FROM information_schema.PROCESSLIST
            WHERE DB = '{db}' AND USER = '{m.user}' AND STATE LIKE '%lock%'""") != '0',
            10, what='the portal query to wait for the table lock')
        p.sigterm()
        time.sleep(0.5)
        assert p.running, 'portal exited with a request in flight'
        assert t.is_alive(), f'request answered while the table was locked: {result}'
    finally:
        locker.stdin.write('UNLOCK TABLES;\n')
        locker.stdin.close()
        locker.wait(10)
    t.join(15)
    assert 'error' not in result, f'request failed: {result.get("error")}'
    assert result['r'].status == 200, f'in-flight request got {result["r"].status}'
    assert 'User poll' in result['r'].text
    rc = p.wait(10)
    assert rc == 0, f'portal exited with {rc} after SIGTERM:\n{harness.file_tail(p.log)}'
