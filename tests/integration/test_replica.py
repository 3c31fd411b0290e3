"""--read-database-url: reads from a MariaDB replica, writes to the primary (docs/design.md, "Operating it").

Two private mariadbd instances replicate on loopback: the primary writes a binary log
(server-id 1), the replica (server-id 2, read-only) follows it by GTID.  The portal gets
--database-url = primary and --read-database-url = replica.  Stopping the replica's
replication threads makes it lag on purpose, which shows where each query goes:

* reads (share pages, CSV) come from the replica: while it lags, a client sees the old data,
  a share created meanwhile answers 404, a changed password takes effect only once it
  has been replicated;
* writes (failed-unlock counts, view counts, admin changes, `portal share`) and the reads
  that must see them (throttle counts, the admin pages' session check and lists) go to
  the primary -- the replica is read-only, so any write sent there would fail the request.
"""

import secrets
import subprocess
import types

from . import common
from . import harness
from .test_admin import DUMP_HASH, csrf, form_login_payload
from .test_unlock import bcrypt, cookie_of

PROJECT = 1                       # "Server" in kimai-2.45-rates.sql
MARCH = 'year=2026&month=3'       # its three records: Nextcloud, Portal, Document progress
VIEWS_FLUSH_S = 5


def setup(env):
    fx = types.SimpleNamespace(env=env)
    fx.primary = harness.MariaDB(env.subdir('primary'))
    fx.primary.extra_args = ['--log-bin=primary-bin', '--server-id=1', '--binlog-format=ROW']
    fx.replica = harness.MariaDB(env.subdir('replica'))
    fx.replica.extra_args = ['--server-id=2', '--read-only', '--relay-log=replica-relay']
    for m in (fx.primary, fx.replica):
        m.start()
        harness.at_exit(lambda m=m: m.stop(30) if m.running else None)
    # The accounts harness.MariaDB made at start exist on both: replication starts after
    # them, from an empty binary log.
    pw = secrets.token_hex(12)
    fx.primary.sql(None, f"CREATE USER 'repl'@'127.0.0.1' IDENTIFIED BY '{pw}';"
                         f" GRANT REPLICATION SLAVE ON *.* TO 'repl'@'127.0.0.1'; RESET MASTER;")
    fx.replica.sql(None, f"SET GLOBAL gtid_slave_pos = ''; CHANGE MASTER TO"
                         f" MASTER_HOST = '127.0.0.1', MASTER_PORT = {fx.primary.port},"
                         f" MASTER_USER = 'repl', MASTER_PASSWORD = '{pw}',"
                         f" MASTER_USE_GTID = slave_pos, MASTER_CONNECT_RETRY = 1; START SLAVE;")
    fx.db = fx.primary.kimai_db('2.45-rates')
    r = harness.run_install(fx.primary.url(fx.db))
    assert r.returncode == 0, f'portal-install failed:\n{r.stdout}\n{r.stderr}'
    fx.primary.sql(fx.db, "INSERT IGNORE INTO kimai2_roles (name) VALUES ('ROLE_USER'),"
                          " ('ROLE_SUPER_ADMIN')")
    sync(fx)
    assert fx.replica.value(fx.db, 'SELECT COUNT(*) FROM kimai2_timesheet') == '4'
    fx.portal = env.portal(fx.primary.url(fx.db), workers=2,
                           args=['--read-database-url', fx.replica.url(fx.db),
                                 '--trusted-proxy', '127.0.0.1/32'])
    fx.n = env.nginx(fx.portal)
    return fx


def teardown(fx):
    start_replication(fx)


# --------------------------------------------------------------------------------------
# helpers

def sync(fx, timeout=30):
    """Waits until the replica has applied everything the primary logged so far."""
    pos = fx.primary.value(None, 'SELECT @@gtid_binlog_pos')
    got = fx.replica.value(None, f"SELECT MASTER_GTID_WAIT('{pos}', {timeout})")
    assert got == '0', f'replica did not reach {pos} (MASTER_GTID_WAIT = {got})'


def stop_replication(fx):
    fx.replica.sql(None, 'STOP SLAVE')


def start_replication(fx):
    fx.replica.sql(None, 'START SLAVE')
    sync(fx)


def on(m, fx, q):
    return m.value(fx.db, q)


def new_share(fx, password_hash=None):
    sid, key = common.insert_share(fx.primary, fx.db, project=PROJECT, password=password_hash,
                                   user=0, rate=0)
    return sid, key, f'/en/auth/customer-portal/{key}'


_addr = iter(range(1, 250))


def client():
    return {'X-Forwarded-For': f'198.51.100.{next(_addr)}'}


# --------------------------------------------------------------------------------------
# tests

def test_reads_come_from_the_replica(fx):
    sid, key, path = new_share(fx)
    sync(fx)
    r = fx.n.get(f'{path}?{MARCH}')
    assert r.status == 200 and 'Portal' in r.text, (r.status, r.text[:300])
    stop_replication(fx)
    try:
        fx.primary.sql(fx.db, "UPDATE kimai2_timesheet SET description = 'Changed on the primary'"
                              " WHERE description = 'Portal'")
        _, key2, path2 = new_share(fx)
        # The replica lags: the old description, and the new share is not there yet.
        r = fx.n.get(f'{path}?{MARCH}')
        assert r.status == 200 and '>Portal<' in r.text and 'Changed on the primary' not in r.text
        assert fx.n.get(f'{path}/csv?{MARCH}').text.count('Portal') == 1
        assert fx.n.get(path2).status == 404
    finally:
        start_replication(fx)
    r = fx.n.get(f'{path}?{MARCH}')
    assert 'Changed on the primary' in r.text and '>Portal<' not in r.text
    assert fx.n.get(path2).status == 200


def test_writes_go_to_the_primary(fx):
    sid, key, path = new_share(fx, bcrypt('primary-pw'))
    open_sid, _, open_path = new_share(fx)
    sync(fx)
    stop_replication(fx)
    try:
        # A failed unlock is counted on the primary (the replica is read-only: a write
        # sent there would have failed the request).
        hdrs = client()
        r = fx.n.post(path, {'spt-password': 'wrong'}, headers=hdrs)
        assert r.status == 200 and 'spt-password' in r.text
        addr = hdrs['X-Forwarded-For']
        q = f"SELECT COUNT(*) FROM kimai2_customer_portals_attempts WHERE client_key = '{addr}'"
        assert on(fx.primary, fx, q) == '1' and on(fx.replica, fx, q) == '0'
        # ... and read back from the primary: the eleventh attempt is refused even though
        # the replica knows of none.
        for _ in range(9):
            assert fx.n.post(path, {'spt-password': 'wrong'}, headers=hdrs).status == 200
        assert fx.n.post(path, {'spt-password': 'primary-pw'}, headers=hdrs).status == 429
        # View counts are written to the primary.
        for _ in range(3):
            assert fx.n.get(open_path).status == 200
        vq = f'SELECT views FROM kimai2_customer_portals_views WHERE share_id = {open_sid}'
        harness.wait_until(lambda: on(fx.primary, fx, vq) == '3', VIEWS_FLUSH_S * 3,
                           interval=0.25, what='views on the primary')
        assert on(fx.replica, fx, vq) is None
        # Admin pages: the session check reads the primary (a login made a moment ago
        # works), and their changes go there.
        sid_cookie = ''.join(secrets.choice('0123456789abcdefghijklmnopqrstuv')
                             for _ in range(26))
        data = form_login_payload(1, 'admin', DUMP_HASH)
        fx.primary.sql(fx.db, f"INSERT INTO kimai2_sessions (id, data, time, lifetime) VALUES"
                              f" ('{sid_cookie}', X'{data.hex()}', UNIX_TIMESTAMP(),"
                              f" UNIX_TIMESTAMP() + 3600)")
        jar = {'KIMAI_SESSION': sid_cookie}
        lst = fx.n.get('/en/admin/customer-portal', cookies=jar)
        assert lst.status == 200, lst.status
        page = fx.n.get('/en/admin/customer-portal/create?type=project', cookies=jar)
        before = on(fx.primary, fx, 'SELECT MAX(id) FROM kimai2_customer_portals')
        r = fx.n.post('/en/admin/customer-portal/create?type=project',
                      {'_token': csrf(page), 'project': str(PROJECT), 'record_merge_mode': 'NONE',
                       'expires': '2099-01-01'}, cookies=jar)
        assert r.status == 303, (r.status, r.text[:500])
        new_id = on(fx.primary, fx, 'SELECT MAX(id) FROM kimai2_customer_portals')
        assert new_id != before
        new_key = on(fx.primary, fx, f'SELECT share_key FROM kimai2_customer_portals '
                                     f'WHERE id = {new_id}')
        # The admin's new share: listed at once (the list reads the primary), while the
        # public page still answers 404 until the replica has it.
        assert new_key in fx.n.get('/en/admin/customer-portal', cookies=jar).text
        assert fx.n.get(f'/en/auth/customer-portal/{new_key}').status == 404
    finally:
        start_replication(fx)
    assert fx.n.get(f'/en/auth/customer-portal/{new_key}').status == 200


def test_password_change_takes_effect_when_replicated(fx):
    sid, key, path = new_share(fx, bcrypt('old-pw'))
    sync(fx)
    hdrs = client()
    r = fx.n.post(path, {'spt-password': 'old-pw'}, headers=hdrs)
    assert r.status == 303
    cookie, _ = cookie_of(r, sid)
    jar = {f'portal_unlock_{sid}': cookie}
    stop_replication(fx)
    try:
        # The admin changes the password (on the primary, through the command line).
        env = {'PATH': '/usr/bin:/bin'}
        r = subprocess.run([str(harness.binary('portal')), '--database-url',
                            fx.primary.url(fx.db), 'share', 'set-password', str(sid)],
                           input='new-password\n', capture_output=True, text=True, env=env, timeout=60)
        assert r.returncode == 0, r.stderr
        # Until it is replicated the old unlock still holds and the old password works.
        r = fx.n.get(f'{path}?{MARCH}', headers=hdrs, cookies=jar)
        assert r.status == 200 and 'spt-password' not in r.text
        assert fx.n.post(path, {'spt-password': 'old-pw'}, headers=client()).status == 303
    finally:
        start_replication(fx)
    r = fx.n.get(f'{path}?{MARCH}', headers=hdrs, cookies=jar)
    assert r.status == 200 and 'spt-password' in r.text and 'Nextcloud' not in r.text
    assert fx.n.post(path, {'spt-password': 'new-password'}, headers=client()).status == 303


def test_replica_down_means_503_for_share_pages(fx):
    _, key, path = new_share(fx)
    sync(fx)
    fx.replica.stop()
    try:
        r = fx.n.get(path)
        assert r.status == 503 and r.headers.get('Retry-After'), r.status
        assert fx.n.get(harness.READY_PATH).status == 503
        assert fx.n.get(harness.HEALTH_PATH).status == 200
    finally:
        fx.replica.start()
    harness.wait_until(lambda: fx.n.get(path).status == 200, 15, interval=0.3,
                       what='pages after the replica is back')
    sync(fx)
