"""The running part of scripts/bench (which installs and builds first).

Sets up everything itself -- a private MariaDB with a large generated Kimai database
(cached between runs), nginx from nginx.conf.sample and the portal with its default
settings -- then measures with wrk through nginx:

  W0  /customer-portal/health: nginx -> FastCGI -> a constant answer (the reference)
  W1  a project share, one month of about 80 records, rates shown
  W2  a customer share with 12 projects, about 600 records in the month, annual chart,
      monthly chart switch, money and time budget statistics
  W3  W2 with records merged per day and user (MERGE)
  W4  unlock POSTs with the right password (argon2id), each answered 303
  W5  a password flood: wrong-password POSTs on every connection, each from an address
      of its own (X-Forwarded-For from the trusted proxy), while one connection each
      measures W1's page and W0's health check
  W6  the admin list (first page, 50 shares a page) of a super admin, on a Kimai database
      with 50 shares and on one with 10,000: the same page size, so the same time is
      expected; the ratio of the two is reported.  Its databases are small and made in
      the run (the Kimai 2.45 dump plus generated customers, projects and shares), so
      `--only W6` needs no generated timesheet data.

W1 and W2 run a second time with Accept-Encoding: gzip (bytes on the wire, nginx's CPU
with compression), and each gets its floor: its own statements alone (the same
statements with the same values, from tests/bench/bench_sql.c on as many connections as
wrk uses) and nginx serving its exact bytes as a static file; the two share the CPUs, so
together they allow 1 / (1/sql + 1/static) requests/s, and the page is reported as a
share of that.  --save-pages writes the pages (several languages, CSV, chart details) to
compare two builds byte for byte.

It reports for each: requests/s, p50, p99, errors and the ratio to W0 of the same run;
the portal's resident memory under load; instructions per request of the portal for W1
and W2 (callgrind on a fixed number of requests, stable on a noisy machine); and the
scale check, W2's p50 on a database holding only the benchmark customer's data against
the one with every row.  These are benchmarks, not tests: nothing here fails on a
figure.  Every process started is stopped by its pid at the end.
"""

import argparse
import ctypes
import ctypes.util
import datetime
import hashlib
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

from tests.integration import harness

REPO = Path(__file__).resolve().parents[1]

GEN_SQL = REPO / 'scripts' / 'bench_data.sql'
LUA = REPO / 'scripts' / 'bench.lua'
FLOOD_LUA = REPO / 'scripts' / 'bench_flood.lua'
SCHEMA = harness.DATA / 'kimai-schema.sql'

# Bump when the generated data changes in a way the file hashes below do not show.
GEN_VERSION = 1

FULL = dict(users=200, customers=2000, projects=20000, stopped=2_000_000, running=100)
BIG_DB, SMALL_DB = 'kimai_bench', 'kimai_bench_small'

PASSWORD = 'bench-password'
SHARES = {
    # key: (project, customer, merge mode, flags user, rate, annual, monthly, budget, time)
    'BenchProjectShare001': (1, None, 'NONE', (1, 1, 0, 0, 0, 0)),
    'BenchCustomerShare01': (None, 1, 'NONE', (1, 1, 1, 1, 1, 1)),
    'BenchMergedShare0001': (None, 1, 'MERGE', (1, 1, 1, 1, 1, 1)),
    'BenchPasswordShare01': (None, 1, 'NONE', (1, 1, 1, 1, 1, 1)),
}


def log(msg):
    print(msg, flush=True)


# --------------------------------------------------------------------------------------
# The generated database, cached as a MariaDB data directory

def cache_root():
    base = os.environ.get('PORTAL_BENCH_CACHE')
    if base:
        return Path(base)
    xdg = os.environ.get('XDG_CACHE_HOME') or str(Path.home() / '.cache')
    return Path(xdg) / 'portal-bench'


def cache_key(scale):
    h = hashlib.sha256()
    h.update(f'v{GEN_VERSION} {sorted(scale.items())}'.encode())
    for f in (GEN_SQL, SCHEMA):
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def mariadb_args(tmpdir, generating=False):
    """Options for a benchmark server: data and indexes fit in memory.  While generating,
    durability is traded for speed (the result is copied only after a clean shutdown)."""
    args = [f'--tmpdir={tmpdir}', '--innodb-buffer-pool-size=1G',
            '--innodb-log-file-size=96M', '--max-connections=300']
    if generating:
        args += ['--innodb-buffer-pool-size=2G', '--innodb-log-file-size=512M',
                 '--innodb-flush-log-at-trx-commit=0', '--innodb-doublewrite=0']
    return args


def generate(dest, scale):
    """Builds the cached data directory `dest`: the big database and the small one holding
    only the benchmark customer's data, both with Kimai's schema."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix='gen-', dir=dest.parent))
    try:
        tmp = work / 'tmp'
        tmp.mkdir()
        m = harness.MariaDB(work)
        m.extra_args = mariadb_args(tmp, generating=True)
        m.start()
        t0 = time.monotonic()
        log('  time zone tables ...')
        m.load_timezones()
        for db in (BIG_DB, SMALL_DB):
            m.create_db(db)
            m.load_dump(SCHEMA, db)
        log(f'  {scale["stopped"]:,} timesheets, {scale["projects"]:,} projects, '
            f'{scale["customers"]:,} customers, {scale["users"]} users ...')
        head = ''.join(f'SET @{k} = {v};\n' for k, v in scale.items())
        r = subprocess.run(m.client_cmd(BIG_DB), input=(head + GEN_SQL.read_text()).encode(),
                           capture_output=True, timeout=3600)
        if r.returncode != 0:
            raise RuntimeError(f'generating failed: {r.stderr.decode(errors="replace")}')
        log('  the small database (the benchmark customer only) ...')
        m.sql(SMALL_DB, f"""
            SET foreign_key_checks = 0;
            INSERT INTO kimai2_users SELECT * FROM {BIG_DB}.kimai2_users;
            INSERT INTO kimai2_user_preferences SELECT * FROM {BIG_DB}.kimai2_user_preferences;
            INSERT INTO kimai2_customers SELECT * FROM {BIG_DB}.kimai2_customers WHERE id = 1;
            INSERT INTO kimai2_projects SELECT * FROM {BIG_DB}.kimai2_projects
              WHERE customer_id = 1;
            INSERT INTO kimai2_activities SELECT * FROM {BIG_DB}.kimai2_activities;
            INSERT INTO kimai2_timesheet SELECT t.* FROM {BIG_DB}.kimai2_timesheet t
              JOIN {BIG_DB}.kimai2_projects p ON p.id = t.project_id
              WHERE p.customer_id = 1 ORDER BY t.id;
            SET foreign_key_checks = 1;
            ANALYZE TABLE kimai2_timesheet, kimai2_projects, kimai2_customers, kimai2_users;
        """, timeout=600)
        meta = {
            'key': dest.name, 'scale': scale, 'password': m.password, 'admin': m.admin,
            'generated_at': datetime.datetime.now(datetime.timezone.utc).isoformat(
                timespec='seconds'),
            'generation_seconds': round(time.monotonic() - t0, 1),
            'timesheets': int(m.value(BIG_DB, 'SELECT COUNT(*) FROM kimai2_timesheet '
                                              'WHERE end_time IS NOT NULL')),
            'small_timesheets': int(m.value(SMALL_DB, 'SELECT COUNT(*) FROM kimai2_timesheet')),
        }
        m.stop(120)
        # Restart once with the benchmark's options: shrinks the redo log that every run
        # copies and proves the directory starts.
        m.extra_args = mariadb_args(tmp)
        m.start()
        m.stop(120)
        shutil.rmtree(tmp)
        (work / 'meta.json').write_text(json.dumps(meta, indent=2) + '\n')
        for f in ('mysqld.sock', 'mysqld.pid'):
            (work / f).unlink(missing_ok=True)
        work.rename(dest)
        log(f'  generated in {meta["generation_seconds"]} s, cached in {dest}')
    finally:
        if work.exists():
            harness.stop_all()
            shutil.rmtree(work, ignore_errors=True)


def cached_data(scale, regenerate=False):
    dest = cache_root() / f'data-{cache_key(scale)}'
    if regenerate and dest.exists():
        shutil.rmtree(dest)
    if not dest.exists():
        log(f'Generating the benchmark database (once; cached in {dest.parent}) ...')
        generate(dest, scale)
    else:
        log(f'Using the cached benchmark database {dest}')
    return dest, json.loads((dest / 'meta.json').read_text())


def start_mariadb(env, cache, meta):
    """A private server on a copy of the cached data directory."""
    d = env.subdir('mariadb')
    t0 = time.monotonic()
    subprocess.run(['cp', '-a', '--reflink=auto', str(cache / 'data'), str(d / 'data')],
                   check=True)
    (d / 'tmp').mkdir()
    m = harness.MariaDB(d)
    m.password = meta['password']
    m.extra_args = mariadb_args(d / 'tmp')
    m.start()
    harness.at_exit(lambda: m.stop(60) if m.running else None)
    log(f'MariaDB on a copy of the cached data ({time.monotonic() - t0:.1f} s)')
    return m


# --------------------------------------------------------------------------------------
# Shares, and the password hash of W4 made with the library the portal uses

def argon2id_hash(password):
    """argon2id with the portal's parameters for new passwords (crypto.c)."""
    lib = ctypes.CDLL(ctypes.util.find_library('argon2') or 'libargon2.so.1')
    t, m_kib, p, hashlen = 2, 32768, 1, 32
    salt = os.urandom(16)
    lib.argon2_encodedlen.restype = ctypes.c_size_t
    lib.argon2_encodedlen.argtypes = [ctypes.c_uint32] * 5 + [ctypes.c_int]
    n = lib.argon2_encodedlen(t, m_kib, p, len(salt), hashlen, 2)
    out = ctypes.create_string_buffer(n)
    pw = password.encode()
    rc = lib.argon2id_hash_encoded(ctypes.c_uint32(t), ctypes.c_uint32(m_kib),
                                   ctypes.c_uint32(p), pw, ctypes.c_size_t(len(pw)), salt,
                                   ctypes.c_size_t(len(salt)), ctypes.c_size_t(hashlen), out,
                                   ctypes.c_size_t(n))
    if rc != 0:
        raise RuntimeError(f'argon2id_hash_encoded failed ({rc})')
    return out.value.decode()


def install_shares(m, db, pw_hash):
    r = harness.run_install(m.url(db))
    if r.returncode != 0:
        raise RuntimeError(f'portal-install failed on {db}:\n{r.stdout}{r.stderr}')
    rows = []
    for key, (pid, cid, merge, f) in SHARES.items():
        pw = f"'{pw_hash}'" if key.startswith('BenchPassword') else 'NULL'
        rows.append(f"({pid or 'NULL'}, {cid or 'NULL'}, '{key}', {pw}, '{merge}', "
                    + ', '.join(map(str, f)) + ')')
    m.sql(db, 'DELETE FROM kimai2_customer_portals WHERE share_key LIKE \'Bench%\';'
              'INSERT INTO kimai2_customer_portals (project_id, customer_id, share_key, '
              'password, record_merge_mode, entry_user_visible, entry_rate_visible, '
              'annual_chart_visible, monthly_chart_visible, budget_stats_visible, '
              'time_budget_stats_visible) VALUES ' + ', '.join(rows) + ';')


def bench_month(meta):
    """The month before the one the data was generated in: complete, and typical."""
    d = datetime.date.fromisoformat(meta['generated_at'][:10]).replace(day=1)
    d = d - datetime.timedelta(days=1)
    return d.year, d.month


# --------------------------------------------------------------------------------------
# Measuring

class RssSampler:
    """Samples the resident memory of a process while a workload runs."""

    def __init__(self, pid, interval=0.2):
        self.pid, self.interval = pid, interval
        self.samples = []
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def read(pid, field='VmRSS'):
        try:
            for line in Path(f'/proc/{pid}/status').read_text().splitlines():
                if line.startswith(field + ':'):
                    return int(line.split()[1]) * 1024
        except OSError:
            pass
        return None

    def _run(self):
        while not self._stop.is_set():
            v = self.read(self.pid)
            if v:
                self.samples.append(v)
            self._stop.wait(self.interval)

    def __enter__(self):
        self._t.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._t.join()


CLK_TCK = os.sysconf('SC_CLK_TCK')


def cpu_seconds(pids):
    """User + system CPU time of the processes, in seconds."""
    total = 0
    for pid in pids:
        try:
            stat = Path(f'/proc/{pid}/stat').read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(')') + 2:].split()   # from the state field on
        total += int(fields[11]) + int(fields[12])
    return total / CLK_TCK


def children(pid):
    out = []
    for d in Path('/proc').iterdir():
        if d.name.isdigit():
            try:
                stat = (d / 'stat').read_text()
            except OSError:
                continue
            if int(stat[stat.rindex(')') + 2:].split()[1]) == pid:
                out.append(int(d.name))
    return out


def wrk(url, seconds, opts, expect=None, body=None, cookie=None, headers=()):
    env = dict(os.environ)
    env.pop('BENCH_EXPECT', None)
    env.pop('BENCH_BODY', None)
    env.pop('BENCH_COOKIE', None)
    if expect:
        env['BENCH_EXPECT'] = str(expect)
    if body:
        env['BENCH_BODY'] = body
    if cookie:
        env['BENCH_COOKIE'] = cookie
    cmd = ['wrk', f'-t{opts.threads}', f'-c{opts.connections}', f'-d{seconds}s',
           '--timeout', '10s', '-s', str(LUA)]
    for h in headers:
        cmd += ['-H', h]
    cmd.append(url)
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=seconds + 60)
    ru2 = resource.getrusage(resource.RUSAGE_CHILDREN)
    m = re.search(r'^BENCH_JSON (\{.*\})$', r.stdout, re.M)
    if r.returncode != 0 or not m:
        raise RuntimeError(f'wrk failed ({r.returncode}):\n{r.stdout}\n{r.stderr}')
    d = json.loads(m.group(1))
    d['rps'] = d['requests'] / (d['duration_us'] / 1e6)
    d['errors'] = sum(d[k] for k in ('err_connect', 'err_read', 'err_write', 'err_status',
                                      'err_timeout', 'unexpected'))
    # The client's own CPU per request (wrk is the only child running meanwhile).
    d['wrk_cpu_ms'] = 1000 * ((ru2.ru_utime + ru2.ru_stime) - (ru.ru_utime + ru.ru_stime)) / \
        max(d['requests'], 1)
    return d


def check_page(n, path, expect, body=None, cookies=None):
    """One request before measuring: the page is what the workload claims to be."""
    if body:
        r = n.post(path, dict(urllib.parse.parse_qsl(body)), cookies=cookies)
    else:
        r = n.get(path, cookies=cookies)
    if r.status != expect:
        raise RuntimeError(f'{path}: status {r.status}, expected {expect}:\n{r.text[:500]}')
    return {'bytes': len(r.body), 'rows': r.text.count('<tr class="record') +
            r.text.count('class="actions-cell"'), 'text': r.text}


def wire_bytes(n, path):
    """The page's bytes on the wire with and without Accept-Encoding: gzip (body only)."""
    plain = n.get(path)
    z = n.get(path, headers={'Accept-Encoding': 'gzip'})
    if z.headers.get('Content-Encoding') != 'gzip':
        raise RuntimeError(f'{path}: not gzip-encoded when asked ({z.headers})')
    return {'raw_bytes': len(plain.body), 'gzip_bytes': len(z.body)}


def page_statements(env, m, path):
    """The statements one request of `path` runs, with their values, from MariaDB's general
    log.  MariaDB writes the values of a prepared statement's executions only when the log
    was on as it was prepared, so a portal of its own (one worker) is started with the log
    on; its first request warms its caches, the second is the one kept.  Only executions
    of prepared statements are taken (the harness's own SQL runs as plain queries); the
    view counter's batched write is not page work."""
    logf = m.dir / 'general.log'
    m.sql(None, f"SET GLOBAL general_log_file = '{logf}'; SET GLOBAL log_output = 'FILE';"
                " SET GLOBAL general_log = 1;")
    p = env.portal(m.url(BIG_DB), workers=1)
    try:
        u = urllib.parse.urlsplit(path)
        p.request('GET', u.path, u.query)
        time.sleep(0.5)
        mark = logf.stat().st_size
        r = p.request('GET', u.path, u.query)
        time.sleep(0.5)
    finally:
        m.sql(None, 'SET GLOBAL general_log = 0;')
        p.stop()
    if r.status != 200:
        raise RuntimeError(f'{path}: status {r.status}')
    out = []
    with open(logf, 'rb') as f:
        f.seek(mark)
        for line in f.read().decode('utf-8', 'replace').splitlines():
            # "[YYMMDD HH:MM:SS]\t  <thread id> Execute\t<statement with its values>"
            mt = re.match(r'^(?:\d{6}\s+\d{1,2}:\d{2}:\d{2})?\s+\d+\s+Execute\s+(.*)$', line)
            if mt and not mt.group(1).lstrip().upper().startswith(('INSERT', 'UPDATE',
                                                                   'DELETE')):
                out.append(mt.group(1).strip())
    return out


def sql_floor(m, db, stmts, file, opts):
    """The page's statements alone (tests/bench/bench_sql.c), opts.connections at once:
    pages per second and MariaDB's CPU per page."""
    file.write_text('\n'.join(stmts) + '\n')
    before = cpu_seconds([m.proc.pid])
    t0 = time.monotonic()
    r = subprocess.run([str(harness.build_dir() / 'tests' / 'bench-sql'), '127.0.0.1',
                        str(m.port), m.user, m.password, db, str(file),
                        str(opts.connections), str(opts.duration)],
                       capture_output=True, text=True, timeout=opts.duration + 120)
    spent = cpu_seconds([m.proc.pid]) - before
    mt = re.search(r'^BENCH_SQL (\{.*\})$', r.stdout, re.M)
    if r.returncode != 0 or not mt:
        raise RuntimeError(f'bench-sql failed ({r.returncode}):\n{r.stdout}\n{r.stderr}')
    d = json.loads(mt.group(1))
    # Connecting and preparing fall outside the measured pages: a small overcount.
    d['mariadb_cpu_ms'] = 1000 * spent / max(d['pages'], 1)
    d['wall_s'] = time.monotonic() - t0
    return d


def static_floor(n, name, body, opts):
    """nginx serving the page's exact bytes as a static file, measured like the page."""
    f = n.docroot / f'floor-{name}.html'
    f.write_bytes(body)
    os.chmod(f, 0o644)
    path = '/' + f.name
    wrk(n.base_url + path, opts.warmup, opts, 200)
    before = cpu_seconds([n.proc.pid] + children(n.proc.pid))
    d = wrk(n.base_url + path, opts.duration, opts, 200)
    d['nginx_cpu_ms'] = 1000 * (cpu_seconds([n.proc.pid] + children(n.proc.pid)) - before) / \
        max(d['requests'], 1)
    return d


def floor(env, m, n, name, path, out_dir, opts):
    """The floor of a page: its database work alone and nginx sending its bytes alone,
    each measured with everything else idle; both share the same CPUs, so together they
    allow 1 / (1/sql + 1/static) pages per second."""
    stmts = page_statements(env, m, path)
    body = n.get(path).body
    sq = sql_floor(m, BIG_DB, stmts, out_dir / f'statements-{name}.sql', opts)
    st = static_floor(n, name, body, opts)
    both = 1 / (1 / sq['rps'] + 1 / st['rps']) if sq['rps'] and st['rps'] else 0
    log(f'  {name} floor: {len(stmts)} statements alone {sq["rps"]:.0f} pages/s (MariaDB '
        f'{sq["mariadb_cpu_ms"]:.3f} ms/page); static file {st["rps"]:.0f} req/s (nginx '
        f'{st["nginx_cpu_ms"]:.3f} ms); together {both:.0f} req/s')
    return {'statements': stmts, 'sql_rps': sq['rps'], 'sql_mariadb_cpu_ms':
            sq['mariadb_cpu_ms'], 'static_rps': st['rps'], 'static_nginx_cpu_ms':
            st['nginx_cpu_ms'], 'static_wrk_cpu_ms': st['wrk_cpu_ms'],
            'static_errors': st['errors'], 'rps': both,
            # The same floor in CPU time, which other work on the machine hardly moves:
            # what MariaDB, nginx and the client must spend per page at the least.
            'cpu_ms': sq['mariadb_cpu_ms'] + st['nginx_cpu_ms'] + st['wrk_cpu_ms']}


SAVED_PAGES = {
    # name: (path below the share, query); what --save-pages writes, to compare builds
    'W1-project': ('BenchProjectShare001', ''),
    'W2-customer': ('BenchCustomerShare01', ''),
    'W3-merged': ('BenchMergedShare0001', ''),
    'W2-chart': ('BenchCustomerShare01', '&details=chart'),
    'W2-project-1': ('BenchCustomerShare01/p/1', ''),
    'W1-csv': ('BenchProjectShare001/csv', ''),
    'W2-csv': ('BenchCustomerShare01/csv', ''),
}
SAVED_LANGS = ('en', 'de', 'ar', 'ja', 'pt_BR')


def save_pages(n, q, dest):
    """The bytes of the benchmark's pages in several languages, one file each."""
    dest.mkdir(parents=True, exist_ok=True)
    for lang in SAVED_LANGS:
        for name, (sub, extra) in SAVED_PAGES.items():
            path = f'/{lang}/auth/customer-portal/{sub}{q}{extra}'
            r = n.get(path)
            if r.status != 200:
                raise RuntimeError(f'{path}: status {r.status}')
            (dest / f'{lang}-{name}.{"csv" if "csv" in name else "html"}').write_bytes(r.body)
    log(f'  pages saved in {dest}')


def settle(pids, quiet=1.0, timeout=60):
    """Waits until the processes have used no CPU for `quiet` seconds: wrk stops on
    time, but requests it sent may still be queued (slow ones, e.g. password checks)."""
    deadline = time.monotonic() + timeout
    last = cpu_seconds(pids)
    while time.monotonic() < deadline:
        time.sleep(quiet)
        now = cpu_seconds(pids)
        if now - last < 0.02:
            return
        last = now


def run_workload(name, n, portal, m, path, opts, expect=200, body=None, cookies=None,
                 headers=()):
    info = check_page(n, path, expect, body, cookies)
    info.pop('text')
    cookie = '; '.join(f'{k}={v}' for k, v in cookies.items()) if cookies else None
    url = n.base_url + path
    wrk(url, opts.warmup, opts, expect if body or cookie else None, body, cookie, headers)
    settle([portal.pid])
    # CPU time per request of each process group: who limits the throughput.
    groups = {'portal': [portal.pid], 'mariadb': [m.proc.pid],
              'nginx': [n.proc.pid] + children(n.proc.pid)}
    before = {k: cpu_seconds(v) for k, v in groups.items()}
    with RssSampler(portal.pid) as s:
        d = wrk(url, opts.duration, opts, expect if body or cookie else None, body, cookie,
                headers)
        after = {k: cpu_seconds(v) for k, v in groups.items()}
        settle([portal.pid])
    d['cpu_ms'] = {k: 1000 * (after[k] - before[k]) / max(d['requests'], 1) for k in groups}
    d['cpu_ms']['wrk'] = d['wrk_cpu_ms']
    d.update(info)
    d['rss_max'] = max(s.samples) if s.samples else None
    d['rss_end'] = RssSampler.read(portal.pid)
    d['rss_hwm'] = RssSampler.read(portal.pid, 'VmHWM')   # peak so far
    c = d['cpu_ms']
    log(f'  {name}: {d["rps"]:9.1f} req/s  p50 {d["p50_us"] / 1000:7.2f} ms  '
        f'p99 {d["p99_us"] / 1000:7.2f} ms  errors {d["errors"]}  '
        f'RSS {d["rss_max"] / 2**20:.1f} MiB  CPU ms/req portal {c["portal"]:.3f} '
        f'MariaDB {c["mariadb"]:.3f} nginx {c["nginx"]:.3f}')
    return d


def run_flood(env, m, opts, page, health, locked):
    """W5: the flood (opts.connections wrk connections POSTing wrong passwords to the
    protected share, scripts/bench_flood.lua) on a portal with default settings that
    trusts 127.0.0.1 as its proxy; after opts.warmup seconds of it, one wrk connection
    each measures `page` and `health` for opts.duration seconds."""
    portal = env.portal(m.url(BIG_DB), workers=None, args=['--trusted-proxy', '127.0.0.1/32'])
    n = env.nginx(portal)
    try:
        check_page(n, page, 200)
        check_page(n, locked, 200)
        flood = harness._track(subprocess.Popen(
            ['wrk', f'-t{opts.threads}', f'-c{opts.connections}',
             f'-d{opts.warmup + opts.duration + 2}s', '--timeout', '10s', '-s',
             str(FLOOD_LUA), n.base_url + locked],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True))
        time.sleep(opts.warmup)
        one = argparse.Namespace(threads=1, connections=1)
        got = {}
        workers = [threading.Thread(target=lambda k, p: got.__setitem__(
            k, wrk(n.base_url + p, opts.duration, one, 200)), args=(k, p))
            for k, p in (('page', page), ('health', health))]
        for t in workers:
            t.start()
        for t in workers:
            t.join()
        out, _ = flood.communicate(timeout=opts.warmup + opts.duration + 120)
        harness._untrack(flood)
    finally:
        portal.stop()
        n.stop()
    line = re.search(r'^FLOOD_JSON (\{.*\})$', out, re.M)
    if not line or 'page' not in got or 'health' not in got:
        raise RuntimeError(f'W5 failed:\n{out}')
    f = json.loads(line.group(1))
    f['rps'] = f['requests'] / (f['duration_us'] / 1e6)
    d = {'flood': f, 'page': got['page'], 'health': got['health']}
    log(f'  W5: flood {f["rps"]:.0f} POST/s, statuses {f["status"]}; page p50 '
        f'{got["page"]["p50_us"] / 1000:.2f} ms p99 {got["page"]["p99_us"] / 1000:.2f} ms '
        f'errors {got["page"]["errors"]}; health p50 {got["health"]["p50_us"] / 1000:.2f} ms '
        f'p99 {got["health"]["p99_us"] / 1000:.2f} ms errors {got["health"]["errors"]}')
    return d


class CallgrindPortal(harness.Portal):
    """The portal under callgrind, one worker: instructions per request."""

    def command(self):
        # Uncompressed names: every dump can be read on its own.
        return ['valgrind', '--tool=callgrind', '--quiet', '--compress-strings=no',
                '--compress-pos=no', f'--callgrind-out-file={self.dir}/callgrind.out'
                ] + super().command()


def callgrind_totals(path):
    for line in path.read_text(errors='replace').splitlines():
        if line.startswith(('summary:', 'totals:')):
            return int(line.split()[1])
    raise RuntimeError(f'no totals in {path}')


def callgrind_summary(path, count, top=40):
    """Where the instructions went, per request: functions by their own cost, and by
    inclusive cost (self plus callees; recursion is counted once per level)."""
    own, incl, obj = {}, {}, {}
    fn = ob = cfn = None
    call = False
    for line in path.read_text(errors='replace').splitlines():
        if line.startswith('ob='):
            ob = line[3:]
        elif line.startswith('fn='):
            fn, call = line[3:], False
            obj.setdefault(fn, ob)
        elif line.startswith('cfn='):
            cfn = line[4:]
        elif line.startswith('calls='):
            call = True
        elif line[:1].isdigit() and fn:
            parts = line.split()
            if len(parts) < 2:
                continue
            c = int(parts[1])
            if call:
                if cfn != fn:
                    incl[fn] = incl.get(fn, 0) + c
                call = False
            else:
                own[fn] = own.get(fn, 0) + c
    for f, c in own.items():
        incl[f] = incl.get(f, 0) + c
    total = sum(own.values()) or 1
    out = [f'{path.name}: {total / count:,.0f} instructions per request ({count} requests)', '',
           'By own cost (per request):']
    for f, c in sorted(own.items(), key=lambda x: -x[1])[:top]:
        out.append(f'{c / count:>14,.0f} {100 * c / total:5.1f}%  {f}  [{Path(obj.get(f) or "?").name}]')
    out += ['', 'Inclusive, functions of the portal (per request):']
    ours = [(f, c) for f, c in incl.items() if (obj.get(f) or '').endswith('/portal')]
    for f, c in sorted(ours, key=lambda x: -x[1])[:top]:
        out.append(f'{c / count:>14,.0f} {100 * c / total:5.1f}%  {f}')
    return '\n'.join(out) + '\n'


def instructions(env, m, db, paths, count, annotate_dir):
    """Instructions per request for each path: zero the counters after a warm-up, send
    `count` requests straight over FastCGI, dump, divide."""
    p = CallgrindPortal(env.subdir('callgrind'), m.url(db), workers=1)
    harness.at_exit(lambda: harness.stop_process(p.proc))
    p.start(timeout=180)
    out = {}
    try:
        for name, path in paths.items():
            u = urllib.parse.urlsplit(path)
            for _ in range(5):
                p.request('GET', u.path, u.query, timeout=120)
            subprocess.run(['callgrind_control', '--zero', str(p.pid)], check=True,
                           capture_output=True, timeout=120)
            for _ in range(count):
                r = p.request('GET', u.path, u.query, timeout=120)
                if r.status != 200:
                    raise RuntimeError(f'{path}: status {r.status} under callgrind')
            before = set(p.dir.glob('callgrind.out*'))
            subprocess.run(['callgrind_control', f'--dump={name}', str(p.pid)], check=True,
                           capture_output=True, timeout=120)
            dump = harness.wait_until(lambda: [f for f in p.dir.glob('callgrind.out*')
                                               if f not in before and f.stat().st_size],
                                      60, what='callgrind dump')[0]
            time.sleep(0.5)   # the dump is written in one go; let it finish
            total = callgrind_totals(dump)
            out[name] = total / count
            (annotate_dir / f'callgrind-{name}.txt').write_text(
                callgrind_summary(dump, count))
            shutil.copy(dump, annotate_dir / f'callgrind.out.{name}')
            log(f'  {name}: {out[name]:,.0f} instructions per request')
    finally:
        p.stop(60)
    return out


# --------------------------------------------------------------------------------------
# Report

def machine():
    cpu = '?'
    for line in Path('/proc/cpuinfo').read_text().splitlines():
        if line.startswith('model name'):
            cpu = line.split(':', 1)[1].strip()
            break
    mem = 0
    for line in Path('/proc/meminfo').read_text().splitlines():
        if line.startswith('MemTotal:'):
            mem = int(line.split()[1]) * 1024
    def version(cmd):
        try:
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=10)
            return (r.stdout or r.stderr).strip().splitlines()[0]
        except (OSError, IndexError):
            return '?'
    debian = Path('/etc/debian_version')
    return {
        'cpu': cpu, 'cores': os.cpu_count(), 'memory_gib': round(mem / 2**30, 1),
        'kernel': platform.release(),
        'os': f'Debian {debian.read_text().strip()}' if debian.exists() else platform.platform(),
        'mariadb': version(['mariadbd', '--version']), 'nginx': version(['nginx', '-v']),
        'wrk': version(['wrk', '--version']),
        # Other work on the machine skews wall-clock figures (not callgrind's).
        'loadavg_at_start': round(os.getloadavg()[0], 2),
    }


# --------------------------------------------------------------------------------------
# W6: the admin list at 50 and at 10,000 shares

ADMIN_LIST = '/en/admin/customer-portal'
ADMIN_LIST_SIZES = (50, 10_000)
ADMIN_ENTITIES = 1000      # generated customers, each with one project


def admin_list_db(m, shares):
    """A Kimai database (the 2.45 dump, portal-install run) with `shares` shares on
    generated customers and projects (every other one a customer share; every tenth one
    with a password, every twentieth one expired) and a live session of its super admin.
    Returns the database and the session's cookies."""
    from tests.integration.test_admin import DUMP_HASH, form_login_payload

    db = m.kimai_db('2.45-rates')
    r = harness.run_install(m.url(db))
    if r.returncode != 0:
        raise RuntimeError(f'portal-install failed on {db}:\n{r.stdout}{r.stderr}')
    base = 100000
    ents = range(ADMIN_ENTITIES)
    m.sql(db, 'INSERT INTO kimai2_customers (id, name, visible, country, currency, timezone)'
              ' VALUES ' + ', '.join(f"({base + i}, 'Bench Kunde {(i * 7919) % 10007:05d}', 1,"
                                     f" 'DE', 'EUR', 'Europe/Berlin')" for i in ents) + ';'
              'INSERT INTO kimai2_projects (id, customer_id, name, visible) VALUES '
              + ', '.join(f"({base + i}, {base + i}, 'Projekt {(i * 104729) % 10007:05d}', 1)"
                          for i in ents) + ';')
    for lo in range(0, shares, 1000):
        rows = []
        for i in range(lo, min(shares, lo + 1000)):
            e = base + i % ADMIN_ENTITIES
            pid, cid = ('NULL', e) if i % 2 else (e, 'NULL')
            pw = "'$argon2id$v=19$m=32768,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g'" if i % 10 == 0 \
                else 'NULL'
            rows.append(f"({pid}, {cid}, 'AdminBench{i:010d}', {pw}, 'NONE', 1, 0, 1, 1, 0, 0)")
        m.sql(db, 'INSERT INTO kimai2_customer_portals (project_id, customer_id, share_key,'
                  ' password, record_merge_mode, entry_user_visible, entry_rate_visible,'
                  ' annual_chart_visible, monthly_chart_visible, budget_stats_visible,'
                  ' time_budget_stats_visible) VALUES ' + ', '.join(rows) + ';')
    m.sql(db, 'INSERT INTO kimai2_customer_portals_settings (share_id, expires_at, created_at,'
              ' updated_at) SELECT id, IF(id % 20 = 0, UTC_TIMESTAMP() - INTERVAL 1 DAY,'
              ' UTC_TIMESTAMP() + INTERVAL 1 YEAR), UTC_TIMESTAMP(), UTC_TIMESTAMP()'
              ' FROM kimai2_customer_portals WHERE id % 3 = 0;'
              'INSERT INTO kimai2_customer_portals_views (share_id, views, last_view)'
              ' SELECT id, id % 97, UTC_TIMESTAMP() FROM kimai2_customer_portals'
              ' WHERE id % 2 = 0;')
    m.sql(db, f"UPDATE kimai2_users SET username = 'admin', password = '{DUMP_HASH}',"
              f" enabled = 1, roles = 'a:1:{{i:0;s:16:\"ROLE_SUPER_ADMIN\";}}' WHERE id = 1")
    sid = ''.join(f'{b:02x}' for b in os.urandom(13))[:26]
    data = form_login_payload(1, 'admin', DUMP_HASH)
    m.sql(db, f"INSERT INTO kimai2_sessions (id, data, time, lifetime) VALUES ('{sid}',"
              f" X'{data.hex()}', UNIX_TIMESTAMP(), UNIX_TIMESTAMP() + 86400)")
    return db, {'KIMAI_SESSION': sid}


def run_admin_list(env, opts):
    """W6 on each database size in turn, each with its own portal (default settings) and
    nginx; returns {'50': figures, '10000': figures, 'ratio_p50': …, 'ratio_rps': …}."""
    m = env.mariadb
    out = {}
    for shares in ADMIN_LIST_SIZES:
        log(f'W6: the admin list with {shares:,} shares ...')
        db, cookies = admin_list_db(m, shares)
        portal = env.portal(m.url(db), workers=None)
        n = env.nginx(portal)
        page = check_page(n, ADMIN_LIST, 200, cookies=cookies)['text']
        if f' of {shares:,}' not in page:
            raise RuntimeError(f'W6: the list does not count {shares:,} shares')
        d = run_workload(f'W6 {shares}', n, portal, m, ADMIN_LIST, opts, 200,
                         cookies=cookies)
        d['what'] = f'admin list, {shares:,} shares'
        d['path'] = ADMIN_LIST
        out[str(shares)] = d
        portal.stop()
        n.stop()
    a, b = (out[str(k)] for k in ADMIN_LIST_SIZES)
    out['ratio_p50'] = b['p50_us'] / a['p50_us'] if a['p50_us'] else None
    out['ratio_rps'] = b['rps'] / a['rps'] if a['rps'] else None
    log(f'  W6: 10,000 vs 50 shares: p50 x{out["ratio_p50"]:.2f}, req/s x{out["ratio_rps"]:.2f}')
    return out


def admin_list_lines(al):
    lines = ['', '| W6 admin list | req/s | p50 ms | p99 ms | errors | page KiB | rows '
                 '| CPU ms/req: portal | MariaDB | nginx |',
             '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|']
    for k in ADMIN_LIST_SIZES:
        d = al[str(k)]
        c = d['cpu_ms']
        lines.append(f'| {k:,} shares | {d["rps"]:.0f} | {d["p50_us"] / 1000:.2f} | '
                     f'{d["p99_us"] / 1000:.2f} | {d["errors"]} | {d["bytes"] / 1024:.1f} | '
                     f'{d["rows"]} | {c["portal"]:.3f} | {c["mariadb"]:.3f} | '
                     f'{c["nginx"]:.3f} |')
    lines += ['', f'W6: 10,000 shares against 50: p50 ratio {al["ratio_p50"]:.2f}, '
                  f'req/s ratio {al["ratio_rps"]:.2f}.']
    return lines


def page_cpu(d):
    """CPU ms per request of every process serving a workload, the client included."""
    return sum(d['cpu_ms'].get(k, 0) for k in ('portal', 'mariadb', 'nginx', 'wrk'))


def report(res):
    if not res.get('workloads') and res.get('admin_list'):
        m = res['machine']
        return '\n'.join([
            f'# Benchmark run {res["date"]} (W6 only)', '',
            f'Machine: {m["cpu"]}, {m["cores"]} cores, {m["os"]}; {m["mariadb"]}; '
            f'{m["nginx"]}.  Load average at the start: {m["loadavg_at_start"]}; at the end: '
            f'{res.get("loadavg_at_end", "?")}.  wrk -t{res["opts"]["threads"]} '
            f'-c{res["opts"]["connections"]}, {res["opts"]["warmup"]} s warm-up, '
            f'{res["opts"]["duration"]} s measured.  Portal: default settings '
            f'({res["portal_workers"]} workers), build type {res["buildtype"]}.',
        ] + admin_list_lines(res['admin_list'])) + '\n'
    return report_full(res)


def report_full(res):
    w0 = res['workloads']['W0']['rps'] if 'W0' in res['workloads'] else 0
    lines = [
        f'# Benchmark run {res["date"]}', '',
        f'Machine: {res["machine"]["cpu"]}, {res["machine"]["cores"]} cores, '
        f'{res["machine"]["memory_gib"]} GiB, {res["machine"]["os"]}, kernel '
        f'{res["machine"]["kernel"]}; {res["machine"]["mariadb"]}; {res["machine"]["nginx"]}.',
        f'Load average when the run started: {res["machine"]["loadavg_at_start"]}; '
        f'at the end: {res.get("loadavg_at_end", "?")}.',
        f'Everything (wrk, nginx, portal, MariaDB) on the same machine.  wrk '
        f'-t{res["opts"]["threads"]} -c{res["opts"]["connections"]}, {res["opts"]["warmup"]} s '
        f'warm-up, {res["opts"]["duration"]} s measured.  Portal: default settings '
        f'({res["portal_workers"]} workers), build type {res["buildtype"]}.',
        f'Data: {res["data"]["timesheets"]:,} stopped timesheets (Kimai 2.45 schema), '
        f'month {res["month"]}; small database: {res["data"]["small_timesheets"]:,}.', '',
        '| workload | req/s | vs W0 | p50 ms | p99 ms | errors | page KiB | rows '
        '| RSS max MiB | CPU ms/req: portal | MariaDB | nginx | wrk |',
        '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ]
    for name, d in res['workloads'].items():
        c = d.get('cpu_ms', {})
        lines.append(
            f'| {name} {d["what"]} | {d["rps"]:.0f} | '
            f'{100 * d["rps"] / w0 if w0 else 0:.1f} % | '
            f'{d["p50_us"] / 1000:.2f} | {d["p99_us"] / 1000:.2f} | {d["errors"]} | '
            f'{d["bytes"] / 1024:.1f} | {d["rows"]} | '
            f'{(d["rss_max"] or 0) / 2**20:.1f} | {c.get("portal", 0):.3f} | '
            f'{c.get("mariadb", 0):.3f} | {c.get("nginx", 0):.3f} | {c.get("wrk", 0):.3f} |')
    fl = res.get('floor') or {}
    for name, f in fl.items():
        d = res['workloads'].get(name)
        if not d:
            continue
        lines += ['', f'Floor of {name}: its {len(f["statements"])} statements alone '
                      f'(bench-sql, {res["opts"]["connections"]} connections) '
                      f'{f["sql_rps"]:.0f} pages/s, MariaDB {f["sql_mariadb_cpu_ms"]:.3f} ms '
                      f'CPU per page; its bytes as a static file {f["static_rps"]:.0f} req/s, '
                      f'nginx {f["static_nginx_cpu_ms"]:.3f} ms CPU per request; together '
                      f'{f["rps"]:.0f} req/s.  {name} reached {d["rps"]:.0f} req/s = '
                      f'**{100 * d["rps"] / f["rps"]:.0f} % of its floor**.  In CPU time: '
                      f'the floor costs {f["cpu_ms"]:.3f} ms per page (MariaDB '
                      f'{f["sql_mariadb_cpu_ms"]:.3f}, nginx {f["static_nginx_cpu_ms"]:.3f}, '
                      f'wrk {f["static_wrk_cpu_ms"]:.3f}), {name} costs {page_cpu(d):.3f} ms '
                      f'(portal {d["cpu_ms"]["portal"]:.3f}, MariaDB '
                      f'{d["cpu_ms"]["mariadb"]:.3f}, nginx {d["cpu_ms"]["nginx"]:.3f}, wrk '
                      f'{d["cpu_ms"]["wrk"]:.3f}): **{100 * f["cpu_ms"] / page_cpu(d):.0f} % '
                      f'of its floor** by CPU.']
    for name in ('W1', 'W2'):
        d = res['workloads'].get(name)
        if d and d.get('gzip_bytes'):
            lines += ['', f'{name} on the wire: {d["raw_bytes"]:,} bytes, '
                          f'{d["gzip_bytes"]:,} with Accept-Encoding: gzip '
                          f'({100 * d["gzip_bytes"] / d["raw_bytes"]:.1f} %).']
    sc = res.get('scale')
    if sc and sc['ratio']:
        lines += ['', f'Scale: W2 p50 {sc["big_p50_us"] / 1000:.2f} ms with '
                      f'{res["data"]["timesheets"]:,} rows vs {sc["small_p50_us"] / 1000:.2f} ms '
                      f'with {res["data"]["small_timesheets"]:,} (only the customer\'s): '
                      f'ratio {sc["ratio"]:.2f} (W2 small: {sc["small_rps"]:.0f} req/s).']
    fl = res.get('flood')
    if fl:
        f, pg, h = fl['flood'], fl['page'], fl['health']
        lines += ['', f'W5 password flood ({res["opts"]["connections"]} connections of wrong '
                      f'passwords, each request from its own address, on the argon2id share): '
                      f'{f["rps"]:.0f} POST/s answered, statuses '
                      + ', '.join(f'{k}: {v:,}' for k, v in sorted(f['status'].items()))
                      + f', socket errors {f["err_connect"] + f["err_read"] + f["err_write"]}'
                      f', timeouts {f["err_timeout"]}; meanwhile, one connection each: W1 '
                      f'page {pg["rps"]:.0f} req/s, p50 {pg["p50_us"] / 1000:.2f} ms, p99 '
                      f'{pg["p99_us"] / 1000:.2f} ms, max {pg["max_us"] / 1000:.2f} ms, '
                      f'errors {pg["errors"]}; health {h["rps"]:.0f} req/s, p50 '
                      f'{h["p50_us"] / 1000:.2f} ms, p99 {h["p99_us"] / 1000:.2f} ms, max '
                      f'{h["max_us"] / 1000:.2f} ms, errors {h["errors"]}.']
    ir = res.get('instructions')
    if ir:
        lines += ['', 'Instructions per request (callgrind, portal process, 1 worker, '
                      f'{res["opts"]["callgrind_requests"]} requests): '
                  + ', '.join(f'{k} {v:,.0f}' for k, v in ir.items()) + '.']
    if res.get('rss_idle'):
        pages = [d['rss_hwm'] for k, d in res['workloads'].items() if k != 'W4']
        lines += ['', f'Portal RSS ({res["portal_workers"]} workers): idle '
                      f'{res["rss_idle"] / 2**20:.1f} MiB; peak (VmHWM) over W0-W3 '
                      f'{max(pages) / 2**20:.1f} MiB; peak including W4 '
                      f'{res["rss_hwm"] / 2**20:.1f} MiB (argon2id holds 32 MiB per '
                      f'password check while it runs); after the run '
                      f'{res["rss_end"] / 2**20:.1f} MiB.']
    if res.get('admin_list'):
        lines += admin_list_lines(res['admin_list'])
    return '\n'.join(lines) + '\n'


# --------------------------------------------------------------------------------------

def serve(m, portal, n, workloads):
    for name, (what, path, expect, body) in workloads.items():
        if path is None:
            continue
        log(f'  {name} {what}: {n.base_url}{path}' + (f'  (POST {body})' if body else ''))
    log(f'  portal pid {portal.pid}, log {portal.log}')
    log(f'  database: mariadb --socket={m.socket} -u{m.admin} {BIG_DB}')
    log('Ctrl-C (or SIGTERM) stops everything.')
    while portal.running and n.proc.poll() is None:
        time.sleep(1)
    return 1


def run_info(opts):
    res = {
        'date': datetime.datetime.now().astimezone().isoformat(timespec='seconds'),
        'machine': machine(),
        'opts': {'duration': opts.duration, 'warmup': opts.warmup,
                 'connections': opts.connections, 'threads': opts.threads,
                 'callgrind_requests': opts.callgrind_requests},
        'portal_workers': 2 * (os.cpu_count() or 1),
        'buildtype': '?', 'workloads': {},
    }
    try:
        intro = json.loads(subprocess.run(
            ['meson', 'introspect', '--buildoptions', str(harness.build_dir())],
            capture_output=True, text=True, timeout=60).stdout)
        res['buildtype'] = next(o['value'] for o in intro if o['name'] == 'buildtype')
    except (ValueError, StopIteration, OSError):
        pass
    return res


def write_results(res, out):
    """The report (Markdown) and the raw figures (JSON) of a run, written and shown."""
    res['loadavg_at_end'] = round(os.getloadavg()[0], 2)
    text = report(res)
    out.write_text(text)
    out.with_suffix('.json').write_text(json.dumps(res, indent=2) + '\n')
    log('\n' + text)
    log(f'Results: {out} (and .json)')
    return 0


def admin_list_only(env, opts, out):
    """--only W6: the admin list workload alone, without the generated timesheet data."""
    res = run_info(opts)
    res['admin_list'] = run_admin_list(env, opts)
    return write_results(res, out)


def main():
    ap = argparse.ArgumentParser(description='Benchmarks of the portal (see scripts/bench).')
    ap.add_argument('--duration', type=int, default=10, help='seconds measured per workload')
    ap.add_argument('--warmup', type=int, default=3, help='seconds of warm-up per workload')
    ap.add_argument('--connections', type=int, default=32)
    ap.add_argument('--threads', type=int, default=2, help='wrk threads')
    ap.add_argument('--callgrind-requests', type=int, default=50,
                    help='requests per workload under callgrind (0: skip)')
    ap.add_argument('--only', default='', help='comma-separated workloads, e.g. W0,W2')
    ap.add_argument('--no-scale', action='store_true', help='skip the small-database run')
    ap.add_argument('--no-wrk', action='store_true',
                    help='skip the wrk workloads (only callgrind figures)')
    ap.add_argument('--regenerate', action='store_true', help='rebuild the cached data')
    ap.add_argument('--small-data', action='store_true',
                    help='a tenth of the data (quick trials; cached separately)')
    ap.add_argument('--out', help='results file (markdown; a .json beside it)')
    ap.add_argument('--save-pages', metavar='DIR',
                    help='only write the benchmark pages (several languages, CSV, chart '
                         'details) to DIR, to compare the output of two builds')
    ap.add_argument('--no-floor', action='store_true',
                    help='skip the floor of W1 and W2 (their statements alone, their bytes '
                         'as a static file)')
    ap.add_argument('--serve', action='store_true',
                    help='only set up (big database, portal, nginx), print the URLs and '
                         'wait for Ctrl-C: for profiling by hand')
    opts = ap.parse_args()

    harness.install_signal_handlers()
    only = [w.strip() for w in opts.only.split(',') if w.strip()]
    env = harness.Env()
    stamp = datetime.datetime.now().strftime('%Y%m%d-%H%M%S')
    out = Path(opts.out) if opts.out else harness.build_dir() / 'bench' / f'bench-{stamp}.md'
    out.parent.mkdir(parents=True, exist_ok=True)
    if only == ['W6'] and not opts.serve:
        return admin_list_only(env, opts, out)

    scale = dict(FULL)
    if opts.small_data:
        scale.update(stopped=200_000)
    cache, meta = cached_data(scale, opts.regenerate)

    m = start_mariadb(env, cache, meta)
    pw_hash = argon2id_hash(PASSWORD)
    for db in (BIG_DB, SMALL_DB):
        install_shares(m, db, pw_hash)
    year, month = bench_month(meta)
    q = f'?year={year}&month={month}'
    workloads = {
        'W0': ('health', '/customer-portal/health', 200, None),
        'W1': ('project share', f'/en/auth/customer-portal/BenchProjectShare001{q}', 200, None),
        'W2': ('customer share', f'/en/auth/customer-portal/BenchCustomerShare01{q}', 200, None),
        'W3': ('customer share, MERGE', f'/en/auth/customer-portal/BenchMergedShare0001{q}',
               200, None),
        'W4': ('unlock POST', f'/en/auth/customer-portal/BenchPasswordShare01{q}', 303,
               urllib.parse.urlencode({'spt-password': PASSWORD})),
        'W5': ('password flood', None, None, None),   # run_flood()
    }
    res = run_info(opts)
    res.update({'data': meta, 'month': f'{year}-{month:02d}'})

    if not opts.no_wrk or opts.serve:
        log('Portal (default settings) and nginx on the big database ...')
        portal = env.portal(m.url(BIG_DB), workers=None)
        n = env.nginx(portal)
        if opts.serve:
            return serve(m, portal, n, workloads)
        if opts.save_pages:
            save_pages(n, q, Path(opts.save_pages))
            portal.stop()
            n.stop()
            return 0
        res['rss_idle'] = RssSampler.read(portal.pid)
        for name, (what, path, expect, body) in workloads.items():
            if only and name not in only and name != 'W0' or name in ('W5', 'W6'):
                continue
            d = run_workload(name, n, portal, m, path, opts, expect, body)
            d['what'] = what
            d['path'] = path
            res['workloads'][name] = d
        # What a client on a real network gets: the same pages with Accept-Encoding: gzip
        # (nginx compresses them, nginx.conf.sample), and what compressing costs nginx.
        for name in ('W1', 'W2'):
            if only and name not in only:
                continue
            what, path, expect, body = workloads[name]
            wire = wire_bytes(n, path)
            res['workloads'][name].update(wire)
            d = run_workload(f'{name} gzip', n, portal, m, path, opts, expect, body,
                             headers=('Accept-Encoding: gzip',))
            d.update(wire)
            d['what'] = what + ', gzip'
            d['path'] = path
            res['workloads'][f'{name} gzip'] = d
            log(f'  {name}: {wire["raw_bytes"]:,} bytes, {wire["gzip_bytes"]:,} with gzip '
                f'({100 * wire["gzip_bytes"] / wire["raw_bytes"]:.1f} %)')
        res['rss_hwm'] = RssSampler.read(portal.pid, 'VmHWM')
        res['rss_end'] = RssSampler.read(portal.pid)
        if not opts.no_floor:
            log('Floor: each page\'s statements alone (bench-sql), its bytes as a static '
                'file ...')
            res['floor'] = {}
            for name in ('W1', 'W2'):
                if not only or name in only:
                    res['floor'][name] = floor(env, m, n, name, workloads[name][1], out.parent,
                                               opts)
        portal.stop()
        n.stop()
        if not only or 'W5' in only:
            log('W5: a password flood on a portal trusting 127.0.0.1 as its proxy ...')
            res['flood'] = run_flood(env, m, opts, workloads['W1'][1], workloads['W0'][1],
                                     workloads['W4'][1])

    if not opts.no_wrk and not opts.no_scale and (not only or 'W2' in only):
        log('Scale check: W2 on the database with only the benchmark customer ...')
        small = env.portal(m.url(SMALL_DB), workers=None)
        n2 = env.nginx(small)
        d = run_workload('W2 small', n2, small, m, workloads['W2'][1], opts)
        big = res['workloads']['W2']
        res['scale'] = {'small_p50_us': d['p50_us'], 'small_p99_us': d['p99_us'],
                        'small_rps': d['rps'], 'big_p50_us': big['p50_us'],
                        'ratio': big['p50_us'] / d['p50_us'] if d['p50_us'] else None}
        small.stop()
        n2.stop()

    if not opts.no_wrk and (not only or 'W6' in only):
        res['admin_list'] = run_admin_list(env, opts)

    if opts.callgrind_requests > 0:
        log(f'Instructions per request (callgrind, {opts.callgrind_requests} requests each) ...')
        paths = {k: workloads[k][1] for k in ('W1', 'W2') if not only or k in only}
        res['instructions'] = instructions(env, m, BIG_DB, paths, opts.callgrind_requests,
                                           out.parent)

    return write_results(res, out)


if __name__ == '__main__':
    sys.exit(main())
