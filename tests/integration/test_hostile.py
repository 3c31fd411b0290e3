"""Hostile input (issue "Hardening"), through nginx on a real Kimai database.

Part one sends well over 200 hostile requests: every route (shares, a customer share's
project page, legacy links, the unlock POST, the admin list/create/edit/delete pages,
health, ready, static assets), every parameter (year, month, details, spt-password, the
admin form fields, _token), the headers the portal reads (Host, Cookie, X-Forwarded-For,
Content-Type, Content-Length) and its cookies (KIMAI_SESSION, portal_unlock_<id>).  The
payloads are SQL metacharacters, markup, template syntax, overlong values, invalid UTF-8,
%00, path traversal, duplicated parameters, malformed or huge bodies and wrong methods.
Each case names the status it must get.  Never a 500, no payload ever comes back
unescaped, and the portal is still alive at the end.

Part two fills every text column of Kimai that a user can write (customer, project and
activity names and comments, user alias and name, descriptions, currency, time zones)
with payloads and broken values -- unknown time zone, unknown currency, NULL wherever
Kimai allows it, a description of 64 KB -- and checks that every page still renders
(200), with the payloads escaped.
"""

from csv import reader as csv_reader
import html
import io
import re
import secrets
import socket
import types
import urllib.parse

from . import common
from . import harness
from . import test_admin
from . import test_unlock

ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
PASSWORD = 'correct horse battery'

SQLI = [
    "' OR '1'='1",
    "1; DROP TABLE kimai2_customer_portals; --",
    '" OR ""="',
    "1' UNION SELECT password FROM kimai2_users -- ",
    "\\'; SELECT SLEEP(5); #",
]
XSS = [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    '<?cs var:Config.VarEscapeMode ?>',
    '</textarea><iframe src=//evil.example>',
]
# Percent-encoded bytes: NUL, invalid and overlong UTF-8, a surrogate, broken escapes.
BAD_ESCAPES = ['%00', '%ff%fe', '%c0%af', '%ed%a0%80', '%e2%82', '%', '%zz', '%4']


def q(s):
    return urllib.parse.quote(s, safe='')


def key():
    return ''.join(secrets.choice(ALNUM) for _ in range(20))


# --------------------------------------------------------------------------------------
# fixture

def add_share(m, db, project=None, customer=None, password=None, mode='NONE'):
    k = key()
    m.sql(db, "INSERT INTO kimai2_customer_portals (project_id, customer_id, share_key, "
              "password, record_merge_mode, entry_user_visible, entry_rate_visible, "
              "annual_chart_visible, monthly_chart_visible, budget_stats_visible, "
              f"time_budget_stats_visible) VALUES ({project or 'NULL'}, {customer or 'NULL'}, "
              f"'{k}', {repr(password) if password else 'NULL'}, '{mode}', 1, 1, 1, 1, 1, 1)")
    sid = int(m.value(db, f"SELECT id FROM kimai2_customer_portals WHERE share_key = '{k}'"))
    return sid, k


def setup(env):
    fx = common.installed_kimai(env)
    m = fx.m
    url = fx.url
    fx.cid = int(m.value(fx.db, 'SELECT MIN(id) FROM kimai2_customers'))
    fx.pid = int(m.value(fx.db, f'SELECT MIN(id) FROM kimai2_projects WHERE customer_id = {fx.cid}'))
    # A project of another customer: never reachable through this customer's share.
    m.sql(fx.db, "INSERT INTO kimai2_customers (id, name, visible, country, currency, timezone)"
                 " VALUES (900, 'Other', 1, 'DE', 'EUR', 'Europe/Berlin');"
                 " INSERT INTO kimai2_projects (id, customer_id, name, visible, budget)"
                 " VALUES (901, 900, 'Other project', 1, 0)")
    fx.psid, fx.pkey = add_share(m, fx.db, project=fx.pid)
    fx.csid, fx.ckey = add_share(m, fx.db, customer=fx.cid)
    fx.lsid, fx.lkey = add_share(m, fx.db, project=fx.pid,
                                 password=test_unlock.bcrypt(PASSWORD))
    # Each unlock POST comes "from" its own address (X-Forwarded-For from the trusted
    # nginx): the failure budget of one case never spills into another.
    fx.addr = iter(f'10.77.{i // 250}.{i % 250 + 1}' for i in range(10**5))
    fx.portal = env.portal(url, workers=2, args=['--trusted-proxy', '127.0.0.1/32'])
    fx.n = env.nginx(fx.portal)
    admin = types.SimpleNamespace(m=m, db=fx.db)
    m.sql(fx.db, f"UPDATE kimai2_users SET username = 'admin', password = "
                 f"'{test_admin.DUMP_HASH}', enabled = 1, "
                 "roles = 'a:1:{i:0;s:16:\"ROLE_SUPER_ADMIN\";}' WHERE id = 1")
    fx.admin = test_admin.new_session(admin, test_admin.form_login_payload(
        1, 'admin', test_admin.DUMP_HASH))
    page = fx.n.get('/en/admin/customer-portal/create?type=project', cookies=fx.admin)
    assert page.status == 200, page.status
    fx.token = test_admin.csrf(page)
    share = fx.n.get(f'/en/auth/customer-portal/{fx.pkey}')
    assert share.status == 200, share.status
    css = re.search(r'/customer-portal/static/([A-Za-z0-9._-]+\.css)', share.text)
    assert css, 'no stylesheet link on the share page'
    fx.css = css.group(1)
    fx.cases = 0
    return fx


# --------------------------------------------------------------------------------------
# running cases

class Case(types.SimpleNamespace):
    """method, path, expect (status or set), and optionally: form (dict or list of
    pairs), body (bytes), headers, cookies, raw (bytes: sent as they are), unlock (True:
    give it its own client address), payloads (strings that must not come back raw)."""


def case(method, path, expect, **kw):
    return Case(method=method, path=path, expect=expect, **kw)


def send(fx, c):
    headers = dict(getattr(c, 'headers', None) or {})
    if getattr(c, 'unlock', False):
        headers['X-Forwarded-For'] = next(fx.addr)
    if getattr(c, 'raw', None) is not None:
        raw = c.raw.replace(b'{HOST}', f'{fx.n.host}:{fx.n.port}'.encode())
        return raw_request(fx.n, raw, getattr(c, 'half_close', False))
    cookies = getattr(c, 'cookies', None)
    if getattr(c, 'form', None) is not None:
        body = urllib.parse.urlencode(c.form).encode()
        headers.setdefault('Content-Type', 'application/x-www-form-urlencoded')
        return fx.n.request(c.method, c.path, body=body, headers=headers, cookies=cookies)
    return fx.n.request(c.method, c.path, body=getattr(c, 'body', None), headers=headers,
                        cookies=cookies)


def raw_request(n, data, half_close=False, timeout=10.0):
    """Bytes out, Response back; `half_close` ends the request body early."""
    with socket.create_connection((n.host, n.port), timeout=timeout) as s:
        s.sendall(data)
        if half_close:
            s.shutdown(socket.SHUT_WR)
        buf = b''
        while True:
            try:
                chunk = s.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            buf += chunk
    head, _, body = buf.partition(b'\r\n\r\n')
    lines = head.decode('latin-1').split('\r\n')
    status = int(lines[0].split()[1]) if lines and len(lines[0].split()) > 1 else 0
    msg = harness.http.client.HTTPMessage()
    for line in lines[1:]:
        k, _, v = line.partition(':')
        msg[k.strip()] = v.strip()
    return harness.Response(status, msg, body)


def check(fx, cases):
    """Runs the cases; one AssertionError listing every case that went wrong."""
    problems = []
    for c in cases:
        fx.cases += 1
        label = f'{c.method} {c.path[:120]}'
        if getattr(c, 'headers', None):
            label += f' {str(c.headers)[:100]}'
        if getattr(c, 'raw', None):
            label += f' {c.raw[:100]!r}'
        try:
            r = send(fx, c)
        except Exception as ex:  # a reset or a timeout is a finding as well
            problems.append(f'{label}: {type(ex).__name__}: {ex}')
            continue
        want = c.expect if isinstance(c.expect, (set, frozenset)) else {c.expect}
        if r.status == 500 or r.status not in want:
            problems.append(f'{label}: status {r.status}, expected {sorted(want)}'
                            f' -- {r.body[:160]!r}')
        payloads = list(getattr(c, 'payloads', []) or [])
        for p in payloads:
            raw = p.encode() if isinstance(p, str) else p
            # Echoing text back is fine once it is escaped: only payloads with a
            # character HTML escaping changes can show that it was not.
            if len(raw) >= 4 and any(ch in raw for ch in b'<>"\'&') and raw in r.body:
                problems.append(f'{label}: payload {p[:40]!r} reflected unescaped')
        if c.method == 'HEAD' and r.body:
            problems.append(f'{label}: HEAD answered with a body')
    assert not problems, f'{len(problems)} of {len(cases)} cases failed:\n  ' + \
        '\n  '.join(problems)


def share(fx, k=None):
    return f'/en/auth/customer-portal/{k or fx.pkey}'


# --------------------------------------------------------------------------------------
# part one: hostile requests

def test_paths_of_every_route(fx):
    p, c, pid, cid = fx.pkey, fx.ckey, fx.pid, fx.cid
    cases = []
    for payload in SQLI + XSS + ['A' * 21, 'Ä' * 5, 'KEY KEY', '~root', '%2e%2e']:
        e = q(payload)
        cases += [
            case('GET', f'/en/auth/customer-portal/{e}', 404, payloads=[payload]),
            case('GET', f'/en/auth/customer-portal/{c}/p/{e}', 404, payloads=[payload]),
            case('GET', f'/en/auth/customer-portal/{e}/csv', 404, payloads=[payload]),
            case('GET', f'/en/admin/customer-portal/1/{e}/rotate', 404, payloads=[payload]),
            case('GET', f'/en/auth/shared-project-timesheets/{pid}/{e}', 404, payloads=[payload]),
            case('GET', f'/en/auth/shared-project-timesheets/customer/{e}/{c}', 404,
                 payloads=[payload]),
            case('GET', f'/en/admin/customer-portal/{e}/{p}', 404, payloads=[payload]),
        ]
    for b in BAD_ESCAPES:
        cases += [
            case('GET', f'/en/auth/customer-portal/{p}{b}', {400, 404}),
            case('GET', f'/en/auth/customer-portal/{b}{p}', {400, 404}),
        ]
    cases += [
        # ids: zero, negative, leading zero, past 32 bits, not a customer's project
        case('GET', f'/en/auth/customer-portal/{c}/p/0', 404),
        case('GET', f'/en/auth/customer-portal/{c}/p/-1', 404),
        case('GET', f'/en/auth/customer-portal/{c}/p/0{pid}', 404),
        case('GET', f'/en/auth/customer-portal/{c}/p/2147483648', 404),
        case('GET', f'/en/auth/customer-portal/{c}/p/99999999999999999999', 404),
        case('GET', f'/en/auth/customer-portal/{c}/p/901', 404),
        case('GET', f'/en/auth/customer-portal/{p}/p/{pid}', 404),
        case('GET', f'/en/auth/customer-portal/{c}/p/{pid}', 200),
        case('GET', f'/en/auth/customer-portal/{c}/p/{pid}/csv', 200),
        case('GET', f'/en/auth/customer-portal/{c}/p/901/csv', 404),
        case('GET', f'/en/auth/customer-portal/{p}/csv', 200),
        case('GET', f'/en/auth/customer-portal/{p}/csv/', 301),
        case('GET', f'/en/auth/customer-portal/{p}/CSV', 404),
        case('GET', f'/en/auth/customer-portal/{p}/csv%00', 400),
        case('GET', f'/en/auth/customer-portal/{p}/p/{pid}/csv', 404),
        case('GET', f'/en/auth/customer-portal/{fx.lkey}/csv', 200),
        case('GET', f'/en/admin/customer-portal/1/{p}/rotate', 403),
        case('GET', f'/en/auth/shared-project-timesheets/{pid}/{p}', 301),
        case('GET', f'/en/auth/shared-project-timesheets/901/{p}', 404),
        case('GET', f'/en/auth/shared-project-timesheets/customer/{cid}/{c}', 301),
        case('GET', f'/en/auth/shared-project-timesheets/customer/900/{c}', 404),
        case('GET', f'/en/auth/shared-project-timesheets/customer/{cid}/{c}/project/{pid}', 301),
        case('GET', f'/en/auth/shared-project-timesheets/customer/{cid}/{c}/project/901', 404),
        case('GET', f'/en/auth/shared-project-timesheets/customer/{cid}/{c}/project/-5', 404),
        # languages
        case('GET', f'/xx/auth/customer-portal/{p}', 404),
        case('GET', f'/EN/auth/customer-portal/{p}', 404),
        case('GET', f'/en_XXXXXXXXX/auth/customer-portal/{p}', 404),
        # shape: slashes, dots, traversal, overlong
        case('GET', f'/en/auth/customer-portal//{p}', 404),
        # a trailing slash: moved to the URL without it (only when that is a route)
        case('GET', f'/en/auth/customer-portal/{p}/', 301),
        case('GET', f'/en/auth/customer-portal/{p}/p/', 404),
        case('GET', f'/en/auth/customer-portal/{p}/./', 404),
        # nginx resolves encoded dot segments when it picks the location, but the portal
        # routes the raw REQUEST_URI: whatever lands there is a 404
        case('GET', f'/en/auth/customer-portal/{c}/..%2f{p}', 404),
        case('GET', f'/en/auth/customer-portal/{c}/%2e%2e/{p}', 404),
        case('GET', f'/en/auth/customer-portal/{c}/p/..%2f..%2f{p}', 404),
        case('GET', f'/en/admin/customer-portal/1/..%2f..%2fcustomer-portal', 404),
        case('GET', '/customer-portal/static/..%2fhealth', 404),
        case('GET', '/customer-portal/static/..%2f..%2fcustomer-portal%2fready', 404),
        # above the root: nginx refuses
        case('GET', f'/en/auth/customer-portal/{p}/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd', 400),
        case('GET', '/en/auth/customer-portal/' + 'A' * 3000, 400),
        case('GET', '/en/auth/customer-portal/' + 'A' * 9000, 414),
        case('GET', '/customer-portal/static/' + q('../../../../etc/passwd'), 400),
        case('GET', '/customer-portal/static/' + q('....//....//etc/passwd'), 404),
        case('GET', '/customer-portal/static/.htaccess', 404),
        case('GET', '/customer-portal/static/' + q('<script>.css'), 404,
             payloads=['<script>']),
        case('GET', '/customer-portal/static/' + 'a' * 65 + '.css', 404),
        case('GET', '/customer-portal/static/' + fx.css, 200),
        case('GET', '/customer-portal/static/' + fx.css + '%00.php', 400),
        case('GET', '/customer-portal/static/' + fx.css + '.php', 404),
        case('GET', '/customer-portal/static/' + fx.css.upper(), 404),
        case('GET', '/customer-portal/health/..%2fready', 404),
        case('GET', '/customer-portal/health', 200),
        case('GET', '/customer-portal/ready', 200),
        case('GET', '/customer-portal/' + q('<script>'), 404, payloads=['<script>']),
        # raw bytes nginx passes on as they are
        case('GET', '', 404, raw=b'GET /en/auth/customer-portal/' + p.encode() +
             b'/<script> HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n',
             payloads=['<script>']),
        case('GET', '', 404, raw=b'GET /en/auth/customer-portal/\xff\xfe' + p.encode() +
             b' HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n'),
        case('GET', '', 301, raw=b'GET /en/auth/shared-project-timesheets/' +
             str(pid).encode() + b'/' + p.encode() +
             b'?year=2024&x="><script>alert(1)</script> HTTP/1.1\r\nHost: {HOST}\r\n'
             b'Connection: close\r\n\r\n', payloads=['<script>alert(1)</script>']),
    ]
    check(fx, cases)


def test_query_parameters(fx):
    pages = [share(fx), share(fx, fx.ckey), f'{share(fx, fx.ckey)}/p/{fx.pid}',
             f'{share(fx)}/csv']
    bad = {
        'year': SQLI + XSS + ['', '1969', '2101', '0x7e8', ' 2024', '+2024', '-2024',
                              '2024.0', '2024abc', '9' * 25, '٢٠٢٤'],
        'month': SQLI + XSS + ['', '0', '13', '-1', '1.5', ' 1', 'Jan', '9' * 25],
        'details': SQLI + XSS + ['', 'TABLE', 'table ', 'chart,table', 'tab'],
    }
    cases = []
    for name, values in bad.items():
        for i, v in enumerate(values):
            page = pages[i % len(pages)]
            cases.append(case('GET', f'{page}?{name}={q(v)}', 400, payloads=[v]))
    for page in pages:
        cases += [
            case('GET', f'{page}?year=2024&month=2&details=chart', 200),
            case('GET', f'{page}?year=1970&month=01', 200),
            case('GET', f'{page}?year=2100&month=12&details=table', 200),
            case('GET', f'{page}?year=2024&year=2024', 400),
            case('GET', f'{page}?month=1&month=2', 400),
            case('GET', f'{page}?details=table&details=chart', 400),
            case('GET', f'{page}?year=2024&%79ear=2025', 400),
            case('HEAD', f'{page}?year=2024', 200),
        ]
    for i, b in enumerate(BAD_ESCAPES):
        page = pages[i % len(pages)]
        # Every escape is decoded (a NUL or a broken escape is refused anywhere); the
        # UTF-8 check is one of the known parameters' values: unknown ones are ignored.
        decodes = b not in ('%00', '%', '%zz', '%4')
        cases += [case('GET', f'{page}?year={b}', 400),
                  case('GET', f'{page}?x={b}', 200 if decodes else 400),
                  case('GET', f'{page}?{b}=1', 200 if decodes else 400)]
    for i, v in enumerate(XSS + SQLI):
        page = pages[i % len(pages)]
        # Unknown parameters are ignored, and never echoed.
        cases += [case('GET', f'{page}?q={q(v)}', 200, payloads=[v]),
                  case('GET', f'{page}?{q(v)}=1&year=2024', 200, payloads=[v])]
    cases += [
        case('GET', share(fx) + '?' + '&'.join(f'k{i}=1' for i in range(65)), 400),
        case('GET', share(fx) + '?' + '&'.join(f'k{i}=1' for i in range(60)), 200),
        case('GET', share(fx) + '?x=' + 'A' * 5000, 400),
        case('GET', share(fx) + '?x=' + 'A' * 4000, 200),
        case('GET', share(fx) + '?&&&year=2024&&', 200),
        case('GET', share(fx) + '?year', 400),
        case('GET', share(fx) + '?=2024', 200),
        case('GET', '/customer-portal/health?' + q(XSS[0]), 200, payloads=[XSS[0]]),
        # health and ready validate the known parameters like every page
        case('GET', '/customer-portal/ready?year=' + q(XSS[1]), 400, payloads=[XSS[1]]),
        case('GET', '/customer-portal/ready?x=' + q(XSS[1]), 200, payloads=[XSS[1]]),
    ]
    check(fx, cases)


def test_unlock_form(fx):
    path = share(fx, fx.lkey)
    cases = []
    for v in SQLI + XSS + ['', ' ', PASSWORD + ' ', PASSWORD.upper(), 'A' * 4096]:
        # A wrong password shows the form again (200), without the password in it.
        cases.append(case('POST', path, 200, form={'spt-password': v}, unlock=True,
                          payloads=[v]))
    for b in BAD_ESCAPES:
        cases.append(case('POST', path, 400, unlock=True, body=f'spt-password={b}'.encode(),
                          headers={'Content-Type': 'application/x-www-form-urlencoded'}))
    ct = 'application/x-www-form-urlencoded'
    cases += [
        case('POST', path, 400, form={'spt-password': 'A' * 4097}, unlock=True),
        case('POST', path, 400, form=[('spt-password', 'a'), ('spt-password', 'b')],
             unlock=True),
        case('POST', path, 400, form={'spt-password': 'x'}, unlock=True,
             headers={'Content-Type': 'text/plain'}),
        case('POST', path, 400, form={'spt-password': 'x'}, unlock=True,
             headers={'Content-Type': 'multipart/form-data; boundary=x'}),
        case('POST', path, 400, form={'spt-password': 'x'}, unlock=True,
             headers={'Content-Type': 'application/json'}),
        case('POST', path, 400, form={'spt-password': 'x'}, unlock=True,
             headers={'Content-Type': ct + 'x'}),
        case('POST', path, 400, form={'spt-password': 'x'}, unlock=True,
             headers={'Content-Type': 'A' * 5000}),
        case('POST', path, 200, form={'spt-password': 'x'}, unlock=True,
             headers={'Content-Type': ct + '; charset=utf-8'}),
        case('POST', path, 400, body=b'spt-password=x', unlock=True, headers={}),
        case('POST', path, 200, body=b'', unlock=True, headers={'Content-Type': ct}),
        case('POST', path, 200, body=b'&&&=&spt-password=x&=', unlock=True,
             headers={'Content-Type': ct}),
        case('POST', path, 400, body=b'spt-password=x&' + b'&'.join(b'k%d=1' % i
                                                                    for i in range(70)),
             unlock=True, headers={'Content-Type': ct}),
        case('POST', path, 413, body=b'spt-password=' + b'A' * 70000, unlock=True,
             headers={'Content-Type': ct}),
        case('POST', path, 303, form={'spt-password': PASSWORD}, unlock=True),
        # the same POST on a share without a password: the page, nothing else
        case('POST', share(fx), 200, form={'spt-password': 'x'}),
        case('POST', share(fx), 200, form={'spt-password': XSS[0]}, payloads=[XSS[0]]),
    ]
    check(fx, cases)


def test_headers(fx):
    path = share(fx)
    lpath = share(fx, fx.lkey)
    # The admin list shows full share URLs built from Host: markup there is escaped.
    # nginx itself refuses a Host with a slash or a blank.
    host_payloads = {'<script>alert(1)</script>': 400, "127.0.0.1' OR '1'='1": 400,
                     '"><b>x': 200, "evil.example'": 200, 'a' * 300: 200,
                     'evil.example:99999': 200, '<img src=x onerror=alert(1)>': 400, '<b>evil': 200,
                     'evil.example"onmouseover="alert(1)': 200}
    cases = []
    for h, st in host_payloads.items():
        cases += [
            case('GET', path, st, headers={'Host': h}, payloads=[h]),
            case('GET', '/en/admin/customer-portal', st, headers={'Host': h},
                 cookies=fx.admin, payloads=[h]),
        ]
    xff = XSS + SQLI + ['1.2.3.4, <script>', '::1, 999.1.1.1', 'A' * 5000, '',
                        '1.2.3.4,' * 500]
    for v in xff:
        cases += [
            case('GET', path, 200, headers={'X-Forwarded-For': v}, payloads=[v]),
            # not an address: the failure counts against nginx's own address, which
            # soon runs out of attempts (429)
            case('POST', lpath, {200, 429}, headers={'X-Forwarded-For': v},
                 form={'spt-password': 'wrong'}, payloads=[v]),
        ]
    # what a trusted proxy says about scheme and host: garbage is ignored, never echoed
    for name in ('X-Forwarded-Host', 'X-Forwarded-Proto', 'X-Forwarded-Port', 'Forwarded'):
        for v in XSS + SQLI + ['a' * 300, 'host=<b>x</b>;proto=javascript', '"', '[::1']:
            cases.append(case('GET', '/en/admin/customer-portal', 200, headers={name: v},
                              cookies=fx.admin, payloads=[v]))
    ct = 'application/x-www-form-urlencoded'
    host = b'Host: {HOST}\r\nConnection: close\r\n'
    lp = lpath.encode()
    cases += [
        # Content-Type and bodies on GET are ignored
        case('GET', path, 200, headers={'Content-Type': XSS[0]}),
        case('GET', path, 200, body=b'year=<script>', headers={'Content-Type': ct}),
        # Content-Length: nginx checks it before the portal sees anything
        case('POST', '', 400, raw=b'POST ' + lp + b' HTTP/1.1\r\n' + host +
             b'Content-Type: ' + ct.encode() + b'\r\nContent-Length: -1\r\n\r\n'),
        case('POST', '', 400, raw=b'POST ' + lp + b' HTTP/1.1\r\n' + host +
             b'Content-Type: ' + ct.encode() + b'\r\nContent-Length: abc\r\n\r\n'),
        case('POST', '', {400, 413}, raw=b'POST ' + lp + b' HTTP/1.1\r\n' + host +
             b'Content-Type: ' + ct.encode() +
             b'\r\nContent-Length: 99999999999999999999999\r\n\r\n'),
        case('POST', '', 400, raw=b'POST ' + lp + b' HTTP/1.1\r\n' + host +
             b'Content-Type: ' + ct.encode() +
             b'\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nabcdef'),
        case('POST', '', 413, raw=b'POST ' + lp + b' HTTP/1.1\r\n' + host +
             b'Content-Type: ' + ct.encode() + b'\r\nContent-Length: 70000\r\n\r\n'),
        case('POST', '', {0, 400, 408}, raw=b'POST ' + lp + b' HTTP/1.1\r\n' + host +
             b'Content-Type: ' + ct.encode() + b'\r\nContent-Length: 100\r\n\r\nspt-pass',
             half_close=True),
        case('POST', '', 200, raw=b'POST ' + lp + b' HTTP/1.1\r\n' + host +
             b'X-Forwarded-For: 10.99.0.1\r\nContent-Type: ' + ct.encode() +
             b'\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nspt-password=bad\r\n0\r\n\r\n'),
        case('POST', '', 400, raw=b'POST ' + lp + b' HTTP/1.1\r\n' + host +
             b'Content-Type: ' + ct.encode() +
             b'\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nspt-password=bad\r\n0\r\n\r\n'),
        case('POST', '', {400, 501}, raw=b'POST ' + lp + b' HTTP/1.1\r\n' + host +
             b'Content-Type: ' + ct.encode() +
             b'\r\nTransfer-Encoding: gzip\r\n\r\nspt-password=bad'),
        case('GET', '', 400, raw=b'GET ' + path.encode() + b' HTTP/1.1\r\n' + host +
             b'X-Long: ' + b'A' * 9000 + b'\r\n\r\n'),
        case('GET', '', 200, raw=b'GET ' + path.encode() + b' HTTP/1.0\r\n\r\n'),
        case('GET', '', 400, raw=b'GET ' + path.encode() + b' HTTP/1.1\r\n\r\n'),
        case('GET', '', 505, raw=b'GET ' + path.encode() + b' HTTP/9.9\r\n' + host + b'\r\n'),
        case('GET', '', 400, raw=b'\x00\x01\x02 / HTTP/1.1\r\n' + host + b'\r\n'),
    ]
    check(fx, cases)


def test_cookies(fx):
    lpath = share(fx, fx.lkey)
    name = f'portal_unlock_{fx.lsid}'
    lst = '/en/admin/customer-portal'
    good = fx.admin['KIMAI_SESSION']
    cases = []
    for v in SQLI + XSS + ['', 'x' * 4000, good + "'", good.upper(), '"' + good + '"x',
                           good + '%00', '../' * 10]:
        cases += [
            case('GET', lst, 403, headers={'Cookie': f'KIMAI_SESSION={v}'}, payloads=[v]),
            case('GET', lpath, 200, headers={'Cookie': f'{name}={v}'}, payloads=[v]),
        ]
    other = f'portal_unlock_{fx.psid}'
    cases += [
        case('GET', lst, 200, headers={'Cookie': f'KIMAI_SESSION={good}'}),
        case('GET', lst, 200, headers={'Cookie': f'a=1; KIMAI_SESSION={good}; b=<x>'}),
        case('GET', lst, 403, headers={'Cookie': f'KIMAI_SESSION=bad; KIMAI_SESSION={good}'}),
        case('GET', lst, 403, headers={'Cookie': 'KIMAI_SESSION'}),
        case('GET', lst, 403, headers={'Cookie': ';;;=;=='}),
        case('GET', lst, 403, headers={'Cookie': 'x=' + 'y' * 8000}),
        case('GET', lst, 403, headers={'Cookie': 'x=' + 'y' * 8150}),
        case('GET', lst, 400, headers={'Cookie': 'x=' + 'y' * 9000}),
        case('GET', '', 403, raw=b'GET ' + lst.encode() + b' HTTP/1.1\r\nHost: {HOST}\r\n'
             b'Connection: close\r\nCookie: KIMAI_SESSION=\xff\xfe\xc0\xaf\r\n\r\n'),
        case('GET', lpath, 200, headers={'Cookie': f'{name}=v1.1.9999999999.AAAA'}),
        case('GET', lpath, 200, headers={'Cookie': f'{name}=' + 'A' * 7000}),
        case('GET', lpath, 200, headers={'Cookie': '; '.join(f'{name}=x{i}' for i in range(50))}),
        case('GET', lpath, 200, headers={'Cookie': f'{other}=x; {name}'}),
        case('GET', '', 200, raw=b'GET ' + lpath.encode() + b' HTTP/1.1\r\nHost: {HOST}\r\n'
             b'Connection: close\r\nCookie: ' + name.encode() + b'=\xff\x01\xfe\r\n\r\n'),
        case('GET', '', 400, raw=b'GET ' + lpath.encode() + b' HTTP/1.1\r\nHost: {HOST}\r\n'
             b'Connection: close\r\nCookie: ' + name.encode() + b'=\xff\x00\xfe\r\n\r\n'),
        # cookies on pages that do not read them are ignored
        case('GET', share(fx), 200, headers={'Cookie': f'KIMAI_SESSION={XSS[0]}'},
             payloads=[XSS[0]]),
        case('GET', '/customer-portal/health', 200, headers={'Cookie': 'x=' + 'y' * 8000}),
    ]
    # A cookie of one share never unlocks another: take a real one from a good POST.
    r = fx.n.post(lpath, {'spt-password': PASSWORD}, headers={'X-Forwarded-For': next(fx.addr)})
    assert r.status == 303, r.status
    value = re.search(name + r'=([^;]+)', r.headers.get('Set-Cookie', '')).group(1)
    lsid2, lkey2 = add_share(fx.m, fx.db, project=fx.pid, password=test_unlock.bcrypt(PASSWORD))
    cases += [
        case('GET', lpath, 200, headers={'Cookie': f'{name}={value}'}),
        case('GET', share(fx, lkey2), 200, headers={'Cookie': f'portal_unlock_{lsid2}={value}'}),
        case('GET', share(fx, lkey2), 200, headers={'Cookie': f'{name}={value}'}),
        case('GET', lpath, 200, headers={'Cookie': f'{name}={value[:-2]}'}),
        case('GET', lpath, 200, headers={'Cookie': f'{name}={value}x'}),
    ]
    check(fx, cases)
    # Only the first of those: the unlocked page shows data, not the form.
    assert b'spt-password' not in fx.n.get(lpath, cookies={name: value}).body
    for k in (lkey2,):
        assert b'spt-password' in fx.n.get(share(fx, k), cookies={name: value}).body


def test_admin_forms(fx):
    lst = '/en/admin/customer-portal'
    ck = fx.admin
    tok = fx.token
    create = f'{lst}/create?type=project'
    sid, skey = add_share(fx.m, fx.db, project=fx.pid)
    edit = f'{lst}/{sid}/{skey}'
    delete = f'{edit}/delete'
    rotate = f'{edit}/rotate'
    base = {'_token': tok, 'project': str(fx.pid), 'record_merge_mode': 'NONE'}

    def form(**kw):
        f = dict(base)
        f.update(kw)
        return f

    cases = []
    for v in SQLI + XSS:
        cases += [
            case('GET', f'{lst}/create?type={q(v)}', 400, cookies=ck, payloads=[v]),
            case('GET', f'{lst}?done={q(v)}', 400, cookies=ck, payloads=[v]),
            # a bad choice of project or customer shows the form again
            case('POST', create, 200, cookies=ck, form=form(project=v[:11]), payloads=[v[:11]]),
            case('POST', f'{lst}/create?type=customer', 200, cookies=ck,
                 form=form(customer=v[:11]), payloads=[v[:11]]),
            case('POST', create, 400, cookies=ck, form=form(record_merge_mode=v), payloads=[v]),
            case('POST', create, 400, cookies=ck, form=form(_token=v), payloads=[v]),
            case('POST', create, 400, cookies=ck, form=form(entry_user_visible=v), payloads=[v]),
            case('POST', edit, 400, cookies=ck, form=form(_token=v), payloads=[v]),
            case('POST', delete, 400, cookies=ck, form={'_token': v}, payloads=[v]),
            case('POST', rotate, 400, cookies=ck, form={'_token': v}, payloads=[v]),
            # dates that are no dates show the form again, with the error
            case('POST', create, 200, cookies=ck, form=form(expires=v[:32]), payloads=[v[:32]]),
            case('POST', create, 200, cookies=ck, form=form(window_from=v[:32]),
                 payloads=[v[:32]]),
            case('POST', edit, 200, cookies=ck, form=form(window_to=v[:32]), payloads=[v[:32]]),
            case('GET', f'{lst}/{sid}/{q(v)}', 404, cookies=ck, payloads=[v]),
            case('POST', f'{lst}/{q(v)}/{skey}/delete', 404, cookies=ck, form={'_token': tok},
                 payloads=[v]),
        ]
    for b in BAD_ESCAPES:
        cases.append(case('POST', create, 400, cookies=ck,
                          body=f'_token={tok}&project={fx.pid}&record_merge_mode=NONE'
                               f'&password={b}'.encode(),
                          headers={'Content-Type': 'application/x-www-form-urlencoded'}))
    cases += [
        case('GET', f'{lst}/create', 303, cookies=ck),
        case('GET', create, 200, cookies=ck),
        case('POST', create, 403, form=form()),
        case('POST', create, 400, cookies=ck, form={k: v for k, v in base.items()
                                                    if k != '_token'}),
        case('POST', create, 400, cookies=ck, form=form(_token=tok + '0')),
        case('POST', create, 400, cookies=ck, form=form(_token=tok.upper())),
        case('POST', create, 400, cookies=ck, form=list(form().items()) + [('_token', tok)]),
        case('POST', create, 400, cookies=ck, form=form(password='p' * 4097)),
        case('POST', create, 400, cookies=ck, form=form(project='1' * 12)),
        case('POST', create, 400, cookies=ck, form=form(remove_password='yes')),
        case('POST', create, 400, cookies=ck, form=list(form().items()) +
             [('record_merge_mode', 'MERGE')]),
        case('POST', create, 413, cookies=ck, form=form(password='p' * 70000)),
        case('POST', create, 400, cookies=ck, form=form(), headers={'Content-Type': 'text/plain'}),
        case('GET', f'{lst}/0/{skey}', 404, cookies=ck),
        case('GET', f'{lst}/{sid}/{fx.pkey}', 404, cookies=ck),
        case('GET', f'{lst}/{sid + 1000}/{skey}', 404, cookies=ck),
        case('GET', f'{lst}/99999999999/{skey}', 404, cookies=ck),
        case('GET', edit, 200, cookies=ck),
        case('GET', edit, 403),
        case('POST', edit, 403, form=form()),
        case('POST', edit, 400, cookies=ck, form=form(_token='')),
        case('POST', delete, 403, form={'_token': tok}),
        case('POST', rotate, 403, form={'_token': tok}),
        case('POST', rotate, 400, cookies=ck, form={}),
        case('GET', rotate, 200, cookies=ck),
        case('POST', create, 400, cookies=ck, form=form(expires='2' * 33)),
        case('POST', create, 400, cookies=ck, form=form(window_from='2' * 33)),
        case('POST', create, 200, cookies=ck, form=form(expires='9999-99-99')),
        case('POST', create, 200, cookies=ck, form=form(window_from='2026-13-01',
                                                         window_to='2025-01-01')),
        case('POST', delete, 400, cookies=ck, form={'_token': ''}),
        case('POST', delete, 400, cookies=ck, form={}),
        case('POST', f'{lst}/{sid}/{fx.pkey}/delete', 404, cookies=ck, form={'_token': tok}),
    ]
    check(fx, cases)
    # None of it changed anything: the share is still there as it was.
    assert fx.m.value(fx.db, f'SELECT share_key FROM kimai2_customer_portals WHERE id = {sid}') \
        == skey
    assert fx.m.value(fx.db, "SELECT COUNT(*) FROM kimai2_customer_portals WHERE "
                             "record_merge_mode NOT IN ('NONE', 'MERGE', "
                             "'MERGE_USE_FIRST_OF_DAY', 'MERGE_USE_LAST_OF_DAY')") == '0'


def test_methods(fx):
    lst = '/en/admin/customer-portal'
    get_only = ['/customer-portal/health', '/customer-portal/ready',
                '/customer-portal/static/' + fx.css, lst,
                f'/en/auth/shared-project-timesheets/{fx.pid}/{fx.pkey}']
    both = [share(fx), f'{share(fx, fx.ckey)}/p/{fx.pid}', f'{lst}/create?type=project',
            f'{share(fx)}/csv', f'{share(fx, fx.ckey)}/p/{fx.pid}/csv']
    cases = []
    for path in get_only + both:
        for m in ('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND', 'FOO'):
            cases.append(case(m, path, 405, cookies=fx.admin))
        cases.append(case('HEAD', path, 301 if 'shared-project' in path else 200,
                          cookies=fx.admin))
    for path in get_only:
        cases.append(case('POST', path, 405, cookies=fx.admin,
                          form={'_token': fx.token}))
    cases += [
        case('TRACE', share(fx), 405),
        case('GET', '', 400, raw=b'get ' + share(fx).encode() + b' HTTP/1.1\r\n'
             b'Host: {HOST}\r\nConnection: close\r\n\r\n'),
        case('CONNECT', '', 400, raw=b'CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: {HOST}\r\n'
             b'Connection: close\r\n\r\n'),
    ]
    check(fx, cases)


def test_portal_survived_and_enough_cases(fx):
    assert fx.portal.running, 'the portal died'
    assert fx.n.get('/customer-portal/health').status == 200
    assert fx.n.get('/customer-portal/ready').status == 200
    log = fx.portal.log_text()
    assert ' 500 ' not in log and 'error: 500' not in log, log[-2000:]
    assert fx.cases >= 200 or fx.cases == 0, f'only {fx.cases} hostile cases ran'
    print(f'    {fx.cases} hostile requests, none answered 500')


# --------------------------------------------------------------------------------------
# part two: hostile content in Kimai's tables

LONG = ('<script>alert("long")</script> ' * 2100)[:65000]
DB_XSS = {
    'customer': '<script>alert("customer")</script>',
    'customer2': '"><img src=x onerror=alert(\'c2\')>',
    'project': "<img src=x onerror=alert('project')>",
    'project2': '</td></tr></table><b>project2</b>',
    'activity': '<svg/onload=alert("activity")>',
    'alias': '<b onmouseover=alert("alias")>alias</b>',
    'username': '<i>user"name</i>',
    'description': '<script>alert("desc")</script>\n"quoted" & \'single\'\n<?cs var:x ?>',
    'comment': '<iframe src="//evil.example/comment">',
}


FORMULAS = ['=HYPERLINK("http://evil.example/","click")', '@SUM(1+1)*cmd|\' /C calc\'!A0',
            '+1+1', '-2+3', '\t=1+1',
            # blanks first: spreadsheets skip them and still run the formula
            ' =HYPERLINK("http://evil.example/b","b")', '  @SUM(2+2)', '\n+3+3', '\r\n-4+4']


def sql_str(s):
    return 'NULL' if s is None else "'" + s.replace('\\', '\\\\').replace("'", "''") + "'"


def _content_db(env):
    m = env.mariadb
    db = m.kimai_db('2.45-rates')
    r = harness.run_install(m.url(db))
    assert r.returncode == 0, r.stderr
    x = {k: sql_str(v) for k, v in DB_XSS.items()}
    m.sql(db, f"""
        INSERT INTO kimai2_customers (id, name, number, comment, visible, company, contact,
            country, currency, timezone, budget, time_budget, budget_type)
          VALUES (70, {x['customer']}, {x['comment']}, {x['comment']}, 1, {x['comment']},
                  NULL, 'ZZ', 'ZZZ', 'Mars/Olympus_Mons', 1000, 36000, 'month'),
                 (71, {x['customer2']}, NULL, NULL, 1, NULL, NULL, 'DE', '<b>',
                  'Europe/Berlin<x>', 0, 0, 'weird<x>'),
                 (72, 'Empty zone', NULL, NULL, 1, NULL, NULL, 'DE', '', '', 50, 0, NULL);
        INSERT INTO kimai2_projects (id, customer_id, name, order_number, comment, visible,
            budget, time_budget, timezone, budget_type)
          VALUES (71, 70, {x['project']}, {x['comment']}, {x['comment']}, 1, 500, 7200, NULL,
                  NULL),
                 (72, 70, {x['project2']}, NULL, NULL, 1, 0, 0, 'Nowhere/Atlantis', 'month'),
                 (73, 71, 'Plain', NULL, NULL, 1, 10, 0, NULL, 'weird'),
                 (74, 72, 'In no zone', NULL, NULL, 1, 10, 600, NULL, NULL);
        INSERT INTO kimai2_activities (id, project_id, name, comment, visible)
          VALUES (71, NULL, {x['activity']}, {x['comment']}, 1);
        INSERT INTO kimai2_users (id, username, email, password, alias, enabled, roles)
          VALUES (71, {x['username']}, 'u71@example.com', 'x', {x['alias']}, 1, 'a:0:{{}}'),
                 (72, 'plain.user', 'u72@example.com', 'x', NULL, 1, 'a:0:{{}}'),
                 (73, {sql_str('<u>no alias</u>')}, 'u73@example.com', 'x', '', 1, 'a:0:{{}}');
    """)
    rows = []
    tid = 700

    def rec(user, project, start, end, dur, desc, zone='Europe/Berlin', hourly=60.0,
            rate=None, fixed='NULL', billable='1'):
        nonlocal tid
        tid += 1
        rate = rate if rate is not None else round((dur or 0) / 3600 * (hourly or 0), 2)
        rows.append(
            'INSERT INTO kimai2_timesheet (id, `user`, activity_id, project_id, start_time, '
            'end_time, duration, description, rate, fixed_rate, hourly_rate, exported, '
            'timezone, billable, category, date_tz) VALUES '
            f"({tid}, {user}, 71, {project}, '{start}', {sql_str(end)}, "
            f"{'NULL' if dur is None else dur}, {sql_str(desc)}, {rate}, {fixed}, "
            f"{'NULL' if hourly is None else hourly}, 0, {sql_str(zone)}, {billable}, 'work', "
            f"DATE('{start}'));")

    rec(71, 71, '2026-06-03 08:00:00', '2026-06-03 10:00:00', 7200, DB_XSS['description'])
    rec(72, 71, '2026-06-03 11:00:00', '2026-06-03 12:00:00', 3600, None, hourly=None, rate=0)
    rec(73, 71, '2026-06-04 08:00:00', '2026-06-04 09:00:00', 3600, LONG,
        zone='Nowhere/Atlantis')
    rec(71, 71, '2026-06-05 08:00:00', '2026-06-05 09:00:00', 3600, '', zone='',
        billable='NULL')
    rec(71, 71, '2026-06-06 08:00:00', '2026-06-06 09:00:00', None, 'duration NULL<x>')
    rec(71, 71, '2026-06-07 08:00:00', None, None, 'running <x>')
    rec(72, 72, '2026-06-08 23:30:00', '2026-06-09 00:30:00', 3600, DB_XSS['comment'],
        fixed='99.5', hourly=None, rate=99.5)
    rec(71, 72, '2026-06-09 08:00:00', '2026-06-09 08:00:00', 0, '\u202eRTL override')
    rec(72, 73, '2026-06-10 08:00:00', '2026-06-10 09:00:00', 3600, 'in <b> currency')
    rec(72, 74, '2026-06-11 08:00:00', '2026-06-11 09:00:00', 3600, 'customer without zone',
        zone='')
    # spreadsheet formulas in the CSV download
    for day, formula in enumerate(FORMULAS, start=12):
        rec(71, 71, f'2026-06-{day} 08:00:00', f'2026-06-{day} 09:00:00', 3600, formula)
    m.sql(db, '\n'.join(rows))
    return db


def setup_content(env):
    fx = types.SimpleNamespace(env=env, m=env.mariadb)
    fx.db = _content_db(env)
    fx.shares = {}
    for mode in ('NONE', 'MERGE', 'MERGE_USE_FIRST_OF_DAY', 'MERGE_USE_LAST_OF_DAY'):
        fx.shares[('c70', mode)] = add_share(fx.m, fx.db, customer=70, mode=mode)[1]
        fx.shares[('p71', mode)] = add_share(fx.m, fx.db, project=71, mode=mode)[1]
    fx.shares['c71'] = add_share(fx.m, fx.db, customer=71)[1]
    fx.shares['c72'] = add_share(fx.m, fx.db, customer=72)[1]
    fx.shares['p72'] = add_share(fx.m, fx.db, project=72)[1]
    fx.shares['p73'] = add_share(fx.m, fx.db, project=73)[1]
    fx.shares['locked'] = add_share(fx.m, fx.db, project=71,
                                    password=test_unlock.bcrypt(PASSWORD))[1]
    fx.m.sql(fx.db, f"UPDATE kimai2_users SET username = 'admin', password = "
                    f"'{test_admin.DUMP_HASH}', enabled = 1, alias = {sql_str(DB_XSS['alias'])}, "
                    "roles = 'a:1:{i:0;s:16:\"ROLE_SUPER_ADMIN\";}' WHERE id = 1")
    fx.admin = test_admin.new_session(fx, test_admin.form_login_payload(
        1, 'admin', test_admin.DUMP_HASH))
    fx.portal = env.portal(fx.m.url(fx.db), workers=2)
    fx.n = env.nginx(fx.portal)
    return fx


def assert_escaped(r, what):
    assert r.status == 200, f'{what}: status {r.status}: {r.text[:300]}'
    body = r.body
    for name, p in DB_XSS.items():
        assert p.encode() not in body, f'{what}: {name} payload reflected unescaped'
    for tag in (b'<script>alert', b'<img src=x', b'<svg/onload', b'<iframe', b'<b onmouseover',
                b'<?cs', b'</td></tr></table><b>'):
        assert tag not in body, f'{what}: {tag!r} in the page'


def test_content_pages_render_escaped(fx):
    fx = setup_content(fx.env)
    try:
        pages = []
        for (k, v) in fx.shares.items():
            base = f'/en/auth/customer-portal/{v}'
            pages += [base, base + '?year=2026&month=6', base + '?year=2026&month=6&details=chart']
            if isinstance(k, tuple) and k[0] == 'c70':
                pages += [base + '/p/71?year=2026&month=6', base + '/p/72?year=2026&month=6']
        for lang in ('de', 'ja', 'pt_BR'):
            pages.append(f'/{lang}/auth/customer-portal/{fx.shares[("c70", "MERGE")]}'
                         '?year=2026&month=6&details=chart')
        seen_escaped = False
        for p in pages:
            r = fx.n.get(p)
            assert_escaped(r, p)
            seen_escaped |= b'&lt;script&gt;alert' in r.body
        assert seen_escaped, 'the descriptions never showed up escaped'
        # The customer and project names, escaped, on the pages that show them.
        r = fx.n.get(f'/en/auth/customer-portal/{fx.shares[("c70", "NONE")]}?year=2026&month=6')
        assert html.escape(DB_XSS['customer'], quote=False).encode() in r.body or \
            b'&lt;script&gt;alert(&quot;customer&quot;)' in r.body, r.text[:2000]
        assert b'&lt;img src=x onerror=alert(' in r.body
        # Admin pages list every customer and project by name.
        lst = '/en/admin/customer-portal'
        for p in (lst, f'{lst}/create?type=project', f'{lst}/create?type=customer'):
            assert_escaped(fx.n.get(p, cookies=fx.admin), p)
        for sid_row in fx.m.sql(fx.db, 'SELECT id, share_key FROM kimai2_customer_portals'):
            p = f'{lst}/{sid_row[0]}/{sid_row[1]}'
            assert_escaped(fx.n.get(p, cookies=fx.admin), p)
        # The CSV download: every hostile share answers, and no cell starts a formula.
        for k, v in fx.shares.items():
            if k == 'locked':
                continue
            for sub in ('', '/p/71'):
                if sub and not (isinstance(k, tuple) and k[0] == 'c70'):
                    continue
                r = fx.n.get(f'/en/auth/customer-portal/{v}{sub}/csv?year=2026&month=6')
                assert r.status == 200, (k, sub, r.status, r.text[:300])
                cells = [c for row in csv_reader(io.StringIO(r.text, newline=''))
                         for c in row]
                bad = [c for c in cells if (c[:1] in ('\t', '\r') or
                                            c.lstrip(' \t\r\n')[:1] in ('=', '+', '-', '@'))
                       and not re.fullmatch(r'-?[0-9.:]+', c)]
                assert not bad, f'{k}{sub}: formula cells {bad[:3]}'
        csv = fx.n.get(f'/en/auth/customer-portal/{fx.shares[("p71", "NONE")]}/csv'
                       '?year=2026&month=6').text
        assert "'=HYPERLINK" in csv and "'@SUM" in csv, csv[:1500]
        assert "' =HYPERLINK" in csv and "'  @SUM" in csv and "'\n+3+3" in csv, csv[:2500]
        # The unlock page of a protected share names nothing unescaped either.
        assert_escaped(fx.n.get(f'/en/auth/customer-portal/{fx.shares["locked"]}'), 'unlock')
        assert fx.portal.running
        log = fx.portal.log_text()
        assert 'error: 500' not in log, log[-2000:]
    finally:
        fx.portal.stop()


# --------------------------------------------------------------------------------------
# issue 17: attacks on the running portal

def test_header_values_from_the_request_are_checked(fx):
    """A front end that passes CR/LF in REQUEST_URI (nginx does not) cannot inject
    headers: every header value built from request data is checked before it is sent."""
    injected = ('X-Injected', 'Set-Cookie')
    for uri_path, query in (('/auth/customer-portal/x', 'a\r\nSet-Cookie: evil=1'),
                            ('/auth/customer-portal/x', 'a\nX-Injected: 1'),
                            ('/auth/customer-portal/x\r\nX-Injected: 1', ''),
                            ('/admin/customer-portal', 'x\rX-Injected: 1'),
                            ('/auth/customer-portal/x', 'a\x01b')):
        r = harness.fcgi_request(fx.portal.socket, 'GET', uri_path, query=query)
        assert r.status == 400, (uri_path, query, r.status)
        for h in injected:
            assert r.headers.get(h) is None, (uri_path, query, h, r.headers.get(h))
        assert r.headers.get('Location') is None
    # The redirect itself still works, query string kept.
    r = harness.fcgi_request(fx.portal.socket, 'GET', '/auth/customer-portal/x',
                             query='year=2024&month=3')
    assert r.status == 302 and r.headers['Location'] == \
        '/en/auth/customer-portal/x?year=2024&month=3', r.headers.get('Location')
    assert fx.portal.running


def test_media_types_are_case_insensitive(fx):
    path = share(fx, fx.lkey)
    cases = []
    for ct in ('APPLICATION/X-WWW-FORM-URLENCODED; CHARSET=UTF-8',
               'Application/X-Www-Form-Urlencoded',
               'application/x-www-form-urlencoded;charset=UTF-8',
               'application/x-www-form-urlencoded ; charset="utf-8"'):
        cases.append(case('POST', path, 200, form={'spt-password': 'wrong'}, unlock=True,
                          headers={'Content-Type': ct}))
    cases.append(case('POST', path, 303, form={'spt-password': PASSWORD}, unlock=True,
                      headers={'Content-Type': 'APPLICATION/X-WWW-FORM-URLENCODED'}))
    for ct in ('APPLICATION/X-WWW-FORM-URLENCODEDX', 'TEXT/PLAIN', 'application/x-www-form'):
        cases.append(case('POST', path, 400, form={'spt-password': 'wrong'}, unlock=True,
                          headers={'Content-Type': ct}))
    check(fx, cases)
    # Admin POSTs read the same header the same way.
    s = test_admin.shares(types.SimpleNamespace(m=fx.m, db=fx.db))
    r = fx.n.post('/en/admin/customer-portal/create?type=customer',
                  {'_token': fx.token, 'customer': str(fx.cid)},
                  headers={'Content-Type': 'Application/X-WWW-Form-UrlEncoded; Charset=UTF-8'},
                  cookies=fx.admin)
    assert r.status == 303, (r.status, r.text[:300])
    assert len(test_admin.shares(types.SimpleNamespace(m=fx.m, db=fx.db))) == len(s) + 1
