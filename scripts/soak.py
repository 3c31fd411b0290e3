"""The running part of scripts/soak (which installs and builds first).

A private MariaDB with Kimai's schema, the demo data and the demo shares; the portal with
four workers; nginx from nginx.conf.sample; then wrk for MINUTES with a mix of what
clients ask for: project and customer shares (several months, the chart view, a
customer's project page, other languages), the unlock form of a protected share,
health and ready, the static stylesheet, and requests that end in 404 or 400.

Every 10 s it samples the portal's resident memory (VmRSS).  Output: the figures, then
one line "1 passed, 0 failed" (or "0 passed, 1 failed") for scripts/test.  It fails when
any request failed -- a 5xx, a connect/read/write error or a timeout, or an unexpected
status -- or when memory grew by 5 % or more from the
first sample after the warm-up to the last.
"""

import argparse
import json
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.integration import harness

REPO = Path(__file__).resolve().parents[1]

SAMPLE_S = 10
MAX_GROWTH = 0.05

# The Lua script: each request takes the next path of the list.  wrk does not tell which
# request a response answers, so a status counts as wrong when no URL of the mix expects
# it; each URL's own status is checked one by one before and after the load.
LUA = r"""
paths = {%(paths)s}
expected = {%(expect)s}
counts = {}
wrong = 0
local threads = {}
local n = 0
function setup(thread) table.insert(threads, thread) end
function init(args) n = math.random(#paths) end
function request()
  n = n %% #paths + 1
  return wrk.format("GET", paths[n])
end
function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
  if not expected[status] then wrong = wrong + 1 end
end
function done(summary, latency, requests)
  local total, bad = {}, 0
  for _, t in ipairs(threads) do
    for s, v in pairs(t:get("counts")) do total[tostring(s)] = (total[tostring(s)] or 0) + v end
    bad = bad + t:get("wrong")
  end
  local parts = {}
  for s, v in pairs(total) do table.insert(parts, string.format('"%%s": %%d', s, v)) end
  local e = summary.errors
  io.write(string.format('SOAK {"status": {%%s}, "requests": %%d, "duration_us": %%d, ' ..
    '"p50_us": %%d, "p99_us": %%d, "max_us": %%d, "wrong": %%d, "connect": %%d, ' ..
    '"read": %%d, "write": %%d, "timeout": %%d}\n', table.concat(parts, ", "),
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.max, bad, e.connect, e.read, e.write, e.timeout))
end
"""


def rss_kb(pid):
    text = Path(f'/proc/{pid}/status').read_text()
    return int(re.search(r'^VmRSS:\s+(\d+) kB', text, re.M).group(1))


def mix(m, db, css):
    """(path, expected status) of the load mix."""
    cust_project = m.value(db, 'SELECT MIN(id) FROM kimai2_projects WHERE customer_id = 2 '
                               'AND visible = 1')
    t = time.gmtime()
    prev = (t.tm_year, t.tm_mon - 1) if t.tm_mon > 1 else (t.tm_year - 1, 12)
    share = '/en/auth/customer-portal/'
    return [
        (f'{share}DemoProjectShare0001', 200),
        (f'{share}DemoProjectShare0001?year={prev[0]}&month={prev[1]}', 200),
        (f'{share}DemoProjectShare0001?details=chart', 200),
        (f'{share}DemoCustomerShare001', 200),
        (f'{share}DemoCustomerShare001?year={prev[0]}&month={prev[1]}&details=chart', 200),
        (f'{share}DemoCustomerShare001/p/{cust_project}', 200),
        (f'{share}DemoMergedShare00001', 200),
        ('/ja/auth/customer-portal/DemoTokyoShare000001', 200),
        ('/de/auth/customer-portal/DemoCustomerShare001', 200),
        (f'{share}DemoPasswordShare001', 200),
        ('/customer-portal/health', 200),
        ('/customer-portal/ready', 200),
        (f'/customer-portal/static/{css}', 200),
        (f'{share}NoSuchShareKey000001', 404),
        ('/xx/auth/customer-portal/DemoProjectShare0001', 404),
        (f'{share}DemoProjectShare0001?year=1900', 400),
    ]


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('minutes', nargs='?', type=float, default=10)
    ap.add_argument('--workers', type=int, default=4)
    ap.add_argument('--connections', type=int, default=16)
    opts = ap.parse_args()
    seconds = max(20, int(opts.minutes * 60))
    # The allocator and the caches settle first; growth counts from then on.
    warmup = min(60, max(10, seconds // 5))

    harness.install_signal_handlers()
    env = harness.Env()
    m = env.mariadb
    db = m.demo_db()
    r = harness.run_install(m.url(db))
    if r.returncode != 0:
        print(f'portal-install failed:\n{r.stderr}', file=sys.stderr)
        return 1
    m.load_dump(harness.DATA / 'demo-shares.sql', db)
    portal = env.portal(m.url(db), workers=opts.workers)
    nginx = env.nginx(portal)
    page = nginx.get('/en/auth/customer-portal/DemoProjectShare0001')
    css = re.search(r'/customer-portal/static/([A-Za-z0-9._-]+\.css)', page.text)
    urls = mix(m, db, css.group(1) if css else 'missing.css')
    for path, want in urls:
        got = nginx.get(path).status
        if got != want:
            print(f'{path}: {got} before the load, expected {want}', file=sys.stderr)
            return 1
    lua = env.dir / 'soak.lua'
    lua.write_text(LUA % {
        'paths': ', '.join(json.dumps(p) for p, _ in urls),
        'expect': ', '.join(f'[{s}] = true' for s in sorted({s for _, s in urls}))})

    print(f'soak: {seconds} s of mixed load ({len(urls)} URLs, {opts.connections} '
          f'connections, {opts.workers} workers), memory sampled every {SAMPLE_S} s',
          flush=True)
    wrk = subprocess.Popen(['wrk', '-t2', f'-c{opts.connections}', f'-d{seconds}s',
                            '--timeout=10s', '-s', str(lua), nginx.base_url],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    harness._track(wrk)
    samples = []
    t0 = time.monotonic()
    out = []
    reader = threading.Thread(target=lambda: out.append(wrk.stdout.read()), daemon=True)
    reader.start()
    while wrk.poll() is None:
        time.sleep(SAMPLE_S)
        if wrk.poll() is None and portal.running:
            samples.append((time.monotonic() - t0, rss_kb(portal.pid)))
            print(f'  {samples[-1][0]:6.0f} s  RSS {samples[-1][1] / 1024:7.1f} MiB', flush=True)
    reader.join(30)
    harness._untrack(wrk)
    text = ''.join(out)
    line = next((ln for ln in text.splitlines() if ln.startswith('SOAK ')), None)
    ok = True
    if not line:
        print(f'wrk printed no summary:\n{text}')
        ok = False
        res = {}
    else:
        res = json.loads(line[5:])
    alive = portal.running
    for path, want in urls:
        got = nginx.get(path).status if alive else None
        if got != want:
            print(f'{path}: {got} after the load, expected {want}')
            ok = False
    after = [s for s in samples if s[0] >= warmup] or samples
    first, last = (after[0][1], after[-1][1]) if after else (0, 0)
    growth = (last - first) / first if first else 0.0
    errors = (sum(v for k, v in res.get('status', {}).items() if int(k) >= 500)
              + sum(res.get(k, 0) for k in ('connect', 'read', 'write', 'timeout')))
    log = portal.log_text()
    if res:
        rps = res['requests'] / (res['duration_us'] / 1e6)
        print(f'requests: {res["requests"]} ({rps:.0f}/s), statuses {res["status"]}, '
              f'p50 {res["p50_us"] / 1000:.1f} ms, p99 {res["p99_us"] / 1000:.1f} ms, '
              f'max {res["max_us"] / 1000:.1f} ms')
        print(f'errors: {errors} (5xx and socket errors), unexpected statuses: {res["wrong"]}')
    print(f'RSS after {warmup} s warm-up: {first / 1024:.1f} MiB, at the end: '
          f'{last / 1024:.1f} MiB, growth {growth * 100:+.2f} % (limit {MAX_GROWTH * 100:.0f} %)')
    if not alive:
        print('the portal died')
    if not res or errors or res['wrong'] or not alive or growth >= MAX_GROWTH \
            or 'error: 500' in log:
        ok = False
        env.failed = True
    print('1 passed, 0 failed' if ok else '0 passed, 1 failed')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
