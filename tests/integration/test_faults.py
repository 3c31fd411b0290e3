"""Faults (issue "Hardening", docs/design.md, "Operating it"): what happens to the portal when the database
dies, hangs or is slow, when more clients come than there are workers, and when the
portal is told to stop in the middle of it all.

Each test has its own MariaDB (it is killed and locked here), its own portal with two
workers and --db-timeout 2, and its own nginx.  The load comes from wrk, with a Lua
script that counts every status; a prober next to it records when each answer came.
Durations are short (a few seconds each): the long form of the load is scripts/soak.
"""

import json
import os
import shutil
import subprocess
import threading
import time
import types

from . import harness
from . import test_hostile

DB_TIMEOUT = 2
WORKERS = 2

# wrk: GET one URL, count statuses across all threads, print them as one JSON line.
WRK_COUNT = r"""
counts = {}
local threads = {}
function setup(thread) table.insert(threads, thread) end
function response(status, headers, body) counts[status] = (counts[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("counts")) do total[tostring(k)] = (total[tostring(k)] or 0) + v end
  end
  local parts = {}
  for k, v in pairs(total) do table.insert(parts, string.format('"%s": %d', k, v)) end
  local e = summary.errors
  io.write(string.format('WRK {"status": {%s}, "requests": %d, "connect": %d, "read": %d, ' ..
    '"write": %d, "timeout": %d, "badstatus": %d}\n', table.concat(parts, ", "),
    summary.requests, e.connect, e.read, e.write, e.timeout, e.status))
end
"""


def setup(env):
    return env


def stack(env, workers=WORKERS, db_timeout=DB_TIMEOUT):
    """A MariaDB, a portal and an nginx of the test's own, and one project share."""
    s = types.SimpleNamespace(env=env)
    s.m = env.new_mariadb()
    s.db = s.m.kimai_db('2.45-rates')
    url = s.m.url(s.db)
    r = harness.run_install(url)
    assert r.returncode == 0, r.stderr
    pid = int(s.m.value(s.db, 'SELECT MIN(id) FROM kimai2_projects'))
    s.key = test_hostile.add_share(s.m, s.db, project=pid)[1]
    s.path = f'/en/auth/customer-portal/{s.key}'
    s.portal = env.portal(url, workers=workers, args=['--db-timeout', str(db_timeout)])
    s.n = env.nginx(s.portal)
    assert s.n.get(s.path).status == 200
    return s


class Wrk:
    """wrk in the background; result() waits for it and returns its counts."""

    def __init__(self, env, n, path, seconds, conns=16, threads=2, timeout=10):
        if not shutil.which('wrk'):
            raise AssertionError('wrk is not installed')
        d = env.subdir('wrk')
        script = d / 'count.lua'
        script.write_text(WRK_COUNT)
        self.proc = harness._track(subprocess.Popen(
            ['wrk', f'-t{threads}', f'-c{conns}', f'-d{seconds}s', f'--timeout={timeout}s',
             '-s', str(script), f'{n.base_url}{path}'],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True))

    def result(self, timeout=120):
        out, _ = self.proc.communicate(timeout=timeout)
        harness._untrack(self.proc)
        line = next((ln for ln in out.splitlines() if ln.startswith('WRK ')), None)
        assert line, f'wrk printed no summary:\n{out}'
        res = json.loads(line[4:])
        res['status'] = {int(k): v for k, v in res['status'].items()}
        res['output'] = out
        return res


class Prober:
    """Requests `path` every `interval` seconds from a thread; keeps (start, end, status)."""

    def __init__(self, n, path, interval=0.05, timeout=10):
        self.n, self.path, self.interval, self.timeout = n, path, interval, timeout
        self.log = []
        self.stop_flag = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while not self.stop_flag.is_set():
            t0 = time.monotonic()
            try:
                st = self.n.get(self.path, timeout=self.timeout).status
            except Exception as ex:
                st = f'{type(ex).__name__}'
            self.log.append((t0, time.monotonic(), st))
            time.sleep(self.interval)

    def stop(self):
        self.stop_flag.set()
        self.thread.join(30)
        return self.log


def test_mariadb_killed_and_restarted_under_load(env):
    s = stack(env)
    wrk = Wrk(env, s.n, s.path, seconds=12)
    probe = Prober(s.n, s.path)
    time.sleep(2)
    # Connections die when SIGKILL is sent; kill() returns once mariadbd is reaped,
    # which on a busy machine may take a while longer.
    t_signal = time.monotonic()
    s.m.kill()
    t_kill = time.monotonic()
    time.sleep(3)
    s.m.start()
    t_ready = time.monotonic()
    time.sleep(4)
    log = probe.stop()
    res = wrk.result()
    assert s.portal.running, 'the portal died'
    statuses = set(res['status'])
    assert statuses <= {200, 503}, f'wrk saw {res["status"]}'
    assert 503 in statuses and 200 in statuses, f'wrk saw {res["status"]}'
    assert res['timeout'] == 0 and res['connect'] == 0 and res['read'] == 0, res['output']
    odd = [e for e in log if e[2] not in (200, 503)]
    assert not odd, f'prober saw {odd[:5]}'
    # 503 only while the database is down (a request that started before the kill may
    # still get its 200; one that started before ready may still get its 503) ...
    early = [e for e in log if e[1] < t_signal and e[2] != 200]
    assert not early, f'errors before the kill: {early[:5]}'
    down = [e for e in log if t_kill + 0.5 < e[0] < t_ready - 0.5]
    assert down and all(e[2] == 503 for e in down), f'while down: {down[:5]}'
    # ... and 200 again within 2 s of MariaDB being ready, for good.
    back = next((e for e in log if e[0] >= t_ready and e[2] == 200), None)
    assert back and back[1] - t_ready <= 2.0, \
        f'no 200 within 2 s of MariaDB being ready: {[e for e in log if e[0] >= t_ready][:10]}'
    late = [e for e in log if e[0] > back[1] and e[2] != 200]
    assert not late, f'errors after recovery: {late[:5]}'
    assert s.n.get(harness.READY_PATH).status == 200
    s.portal.stop()


def lock_table(m, db, table):
    """A client holding a WRITE lock on `table` until release() is called."""
    p = harness._track(subprocess.Popen(m.client_cmd(db), stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        text=True))
    p.stdin.write(f"LOCK TABLES {table} WRITE;\nSELECT 'locked';\n")
    p.stdin.flush()
    line = p.stdout.readline().strip()
    assert line == 'locked', f'could not lock {table}: {line}'

    def release():
        try:
            p.stdin.write('UNLOCK TABLES;\n')
            p.stdin.close()
        except (BrokenPipeError, ValueError):
            pass
        p.wait(10)
        harness._untrack(p)
    return release


def timed_get(n, path, out, i, timeout=30):
    t0 = time.monotonic()
    try:
        st = n.get(path, timeout=timeout).status
    except Exception as ex:
        st = type(ex).__name__
    out[i] = (st, time.monotonic() - t0)


def test_mariadb_hanging_gives_503_after_the_timeout(env):
    s = stack(env)
    release = lock_table(s.m, s.db, 'kimai2_customer_portals')
    try:
        res = [None] * 6
        threads = [threading.Thread(target=timed_get, args=(s.n, s.path, res, i))
                   for i in range(len(res))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        # Two workers, each request waits at most the timeout: 6 requests end within
        # three rounds, every one of them a 503 (with Retry-After), none hanging.
        assert all(r and r[0] == 503 for r in res), res
        assert max(r[1] for r in res) <= 3 * (DB_TIMEOUT + 1.5), res
        r = s.n.get(s.path)
        assert r.status == 503 and r.headers.get('Retry-After'), r.status
        assert s.n.get(harness.READY_PATH).status == 503
        assert s.n.get(harness.HEALTH_PATH).status == 200
        # The statements given up on do not pile up on the server, where they would
        # hold connections until the lock goes (Kimai needs those connections too):
        # at most one per worker waits at any time.
        waiting = int(s.m.value(None, "SELECT COUNT(*) FROM information_schema.PROCESSLIST "
                                      "WHERE STATE LIKE '%lock%'"))
        assert waiting <= WORKERS, f'{waiting} statements wait for the lock'
    finally:
        release()
    harness.wait_until(lambda: s.n.get(s.path).status == 200, 2 * DB_TIMEOUT + 2,
                       what='200 after the lock is released')
    assert s.portal.running
    s.portal.stop()


def test_more_clients_than_workers_are_queued(env):
    s = stack(env)
    n = 64
    res = [None] * n
    go = threading.Barrier(n)

    def one(i):
        go.wait()
        timed_get(s.n, s.path, res, i)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert all(r and r[0] == 200 for r in res), [r for r in res if not r or r[0] != 200][:5]
    # And under wrk: 64 connections on 2 workers, nothing dropped.
    out = Wrk(env, s.n, s.path, seconds=4, conns=64).result()
    assert set(out['status']) == {200}, out['output']
    assert out['connect'] == out['read'] == out['write'] == out['timeout'] == 0, out['output']
    s.portal.stop()


def test_sigterm_under_load_finishes_requests_in_flight(env):
    s = stack(env)
    # Requests in flight for sure: both workers wait for a locked table when the signal
    # comes, and more requests wait in the listen queue behind them.
    release = lock_table(s.m, s.db, 'kimai2_customer_portals')
    res = [None] * 6
    threads = [threading.Thread(target=timed_get, args=(s.n, s.path, res, i))
               for i in range(len(res))]
    for t in threads:
        t.start()
    time.sleep(0.7)
    s.portal.sigterm()
    time.sleep(0.3)
    release()
    for t in threads:
        t.join(60)
    rc = s.portal.wait(15)
    assert rc == 0, f'exit status {rc}'
    assert all(r and r[0] == 200 for r in res), res

    # Under wrk: whatever nginx got through to the portal is answered; after the stop,
    # nginx has no portal left and says so (502) -- but nothing in between breaks.
    s2 = stack(env)
    wrk = Wrk(env, s2.n, s2.path, seconds=5, conns=16)
    time.sleep(2)
    s2.portal.sigterm()
    rc = s2.portal.wait(15)
    out = wrk.result()
    assert rc == 0, f'exit status {rc}'
    assert set(out['status']) <= {200, 502}, out['output']
    assert out['read'] == 0 and out['timeout'] == 0, out['output']
    log = (s2.n.error_log.read_text(errors='replace') if s2.n.error_log.exists() else '')
    reset = [ln for ln in log.splitlines() if 'prematurely closed' in ln or
             'reset by peer' in ln]
    assert not reset, f'requests cut off in flight:\n' + '\n'.join(reset[:5])


def test_read_only_database_gives_503_for_writes(env):
    """A primary turned read-only (a failover in progress): pages that only read still
    answer; a request that has to write (the unlock POST counts the attempt) gets 503,
    not a 500 -- the server's state is not a bug of ours."""
    s = stack(env)
    sid, key = test_hostile.add_share(
        s.m, s.db, project=int(s.m.value(s.db, 'SELECT MIN(id) FROM kimai2_projects')),
        password=test_hostile.test_unlock.bcrypt('pw'))
    s.m.sql(None, 'SET GLOBAL read_only = 1')
    try:
        assert s.n.get(s.path).status == 200
        r = s.n.post(f'/en/auth/customer-portal/{key}', {'spt-password': 'wrong'})
        assert r.status == 503 and r.headers.get('Retry-After'), r.status
    finally:
        s.m.sql(None, 'SET GLOBAL read_only = 0')
    r = s.n.post(f'/en/auth/customer-portal/{key}', {'spt-password': 'wrong'})
    assert r.status == 200, r.status
    assert 'error: 500' not in s.portal.log_text()
    s.portal.stop()


# --------------------------------------------------------------------------------------
# issue 17: attacks on the running portal

FLOOD_LUA = harness.REPO / 'scripts' / 'bench_flood.lua'
BENCH_LUA = harness.REPO / 'scripts' / 'bench.lua'
FLOOD_SECONDS = 12


def test_password_flood_never_holds_up_pages(env):
    """32 connections post wrong passwords without pause, each request from an address of
    its own (so no per-address limit helps), to a share hashed as Kimai's plugin hashes
    (bcrypt cost 13, about 0.5 s of CPU per check).  Meanwhile a project share page keeps
    answering 200 with p99 <= 250 ms, and so does the health check: half of one password
    check, so neither waited behind one.  The health check's tighter target (p99 <= 50 ms)
    is a figure of the machine's spare CPU as much as of the portal: scripts/bench measures
    it (workload W5), where nothing else runs beside it."""
    from . import test_unlock
    if not shutil.which('wrk'):
        raise AssertionError('wrk is not installed')
    m = env.mariadb
    db = m.kimai_db('2.45-rates')
    url = m.url(db)
    r = harness.run_install(url)
    assert r.returncode == 0, r.stderr
    pid = int(m.value(db, 'SELECT MIN(id) FROM kimai2_projects'))
    page = f'/en/auth/customer-portal/{test_hostile.add_share(m, db, project=pid)[1]}'
    locked = test_hostile.add_share(m, db, project=pid, password=test_unlock.PLUGIN_HASH)[1]
    locked = f'/en/auth/customer-portal/{locked}'
    portal = env.portal(url, workers=4, args=['--trusted-proxy', '127.0.0.1/32'])
    n = env.nginx(portal)
    assert n.get(page).status == 200 and n.get(locked).status == 200
    flood = harness._track(subprocess.Popen(
        ['wrk', '-t2', '-c32', f'-d{FLOOD_SECONDS}s', '--timeout=10s', '-s', str(FLOOD_LUA),
         n.base_url + locked], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True))
    # The page and the health check, one wrk connection each (steadier on a busy
    # machine than a Python client), from 2 s into the flood.
    def measure(path):
        return harness._track(subprocess.Popen(
            ['wrk', '-t1', '-c1', f'-d{FLOOD_SECONDS - 4}s', '--timeout=10s', '-s',
             str(BENCH_LUA), n.base_url + path], env={**os.environ, 'BENCH_EXPECT': '200'},
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True))

    def result(proc, tag):
        out, _ = proc.communicate(timeout=FLOOD_SECONDS + 60)
        harness._untrack(proc)
        line = next((ln for ln in out.splitlines() if ln.startswith(tag + ' ')), None)
        assert line, f'wrk printed no summary:\n{out}'
        return json.loads(line[len(tag) + 1:])

    time.sleep(2)
    probes = [measure(page), measure(harness.HEALTH_PATH)]
    pg, hc = (result(p, 'BENCH_JSON') for p in probes)
    res = result(flood, 'FLOOD_JSON')
    st = {int(k): v for k, v in res['status'].items()}
    summary = (f'flood {st} ({res["requests"]} requests); page p99 {pg["p99_us"] / 1000:.1f} ms '
               f'({pg["requests"]}), health p99 {hc["p99_us"] / 1000:.1f} ms ({hc["requests"]})')
    # The flood: password checks ran (the form again, 200) and the rest were answered
    # "busy" at once (503); nothing else, no socket error.
    assert set(st) <= {200, 503} and st.get(200, 0) > 0 and st.get(503, 0) > 0, summary
    assert res['err_connect'] == res['err_read'] == res['err_timeout'] == 0, summary
    # The pages did not wait behind it: every answer 200, p99 within the targets.
    for d in (pg, hc):
        assert d['requests'] > 0 and d['unexpected'] == 0 and d['err_status'] == 0, summary
        assert d['err_connect'] == d['err_read'] == d['err_timeout'] == 0, summary
    assert pg['p99_us'] <= 250_000, summary
    assert hc['p99_us'] <= 250_000, summary
    assert portal.running
