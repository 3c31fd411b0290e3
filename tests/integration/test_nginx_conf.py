"""nginx.conf.sample routes exactly the portal's paths to the portal, with the FastCGI
parameters it needs.  A FastCGI echo responder stands in for the portal, so these tests
check the configuration itself; test_foundation checks it with the real portal."""

import json
import types

from . import harness


def setup(env):
    fx = types.SimpleNamespace(env=env)
    fx.echo = harness.FcgiEcho(env.subdir('echo') / 'portal.sock')
    fx.nginx = env.nginx(fx.echo)
    return fx


def echoed(resp):
    """The request as the FastCGI responder saw it, or None when nginx answered itself."""
    if resp.status != 200 or resp.headers.get('Content-Type') != 'application/json':
        return None
    return json.loads(resp.body)


PORTAL_PATHS = [
    '/en/auth/customer-portal/AbCdEfGhIjKlMnOpQrSt',
    '/de/auth/customer-portal/AbCdEfGhIjKlMnOpQrSt/p/12',
    '/pt_BR/auth/customer-portal/AbCdEfGhIjKlMnOpQrSt',
    '/en/auth/customer-portal',
    '/en/auth/customer-portal/',
    '/en/auth/shared-project-timesheets/3/AbCdEfGhIjKlMnOpQrSt',
    '/fr/auth/shared-project-timesheets/customer/1/AbCdEfGhIjKlMnOpQrSt/project/2',
    '/en/admin/customer-portal',
    '/en/admin/customer-portal/create',
    '/zh_CN/admin/customer-portal/7/AbCdEfGhIjKlMnOpQrSt/delete',
    # the plugin's old admin URLs, which the portal redirects
    '/en/customer-portal',
    '/de/customer-portal/create',
    '/en/customer-portal/7/AbCdEfGhIjKlMnOpQrSt',
    '/customer-portal/health',
    '/customer-portal/ready',
    '/customer-portal/static/portal.css',
    '/xx/auth/customer-portal/unknown-language-is-the-portals-business',
]

NOT_PORTAL_PATHS = [
    '/',
    '/en/timesheet/',
    '/en/auth/customer-portals',
    '/en/auth/customer-portalX/abc',
    '/en/admin/customer-portal-x',
    '/en/customer-portals',
    '/admin/customer-portal',
    '/auth/customer-portal',
    '/auth/customer-portal/AbCdEfGhIjKlMnOpQrSt',
    '/en/de/auth/customer-portal/AbCdEfGhIjKlMnOpQrSt',
    '/e-n/auth/customer-portal/AbCdEfGhIjKlMnOpQrSt',
    '/en/auth/shared-project-timesheets',
    '/customer-portal',
    '/index.php',
    '/en/auth/customer-portal.php',
]


def test_portal_paths_reach_the_portal(fx):
    for path in PORTAL_PATHS:
        r = fx.nginx.get(path + '?year=2024&month=2')
        got = echoed(r)
        assert got is not None, f'{path}: not routed to the portal (status {r.status})'
        p = got['params']
        assert p['REQUEST_URI'] == path + '?year=2024&month=2', p['REQUEST_URI']
        assert p['QUERY_STRING'] == 'year=2024&month=2', p['QUERY_STRING']
        assert p['SCRIPT_NAME'] == path, (path, p['SCRIPT_NAME'])
        assert p['REQUEST_METHOD'] == 'GET'


def test_other_paths_stay_with_kimai(fx):
    before = len(fx.echo.requests)
    for path in NOT_PORTAL_PATHS:
        r = fx.nginx.get(path)
        assert echoed(r) is None, f'{path} was routed to the portal'
        if path == '/customer-portal':
            # nginx's own redirect to the prefix location, which then is the portal's.
            assert r.status == 301 and r.headers['Location'].endswith('/customer-portal/')
            continue
        # No php-fpm in tests: Kimai's front controller answers 502, direct .php 404.
        assert r.status in (404, 502), f'{path}: unexpected status {r.status}'
    assert len(fx.echo.requests) == before


def test_static_files_of_kimai_served_from_root(fx):
    r = fx.nginx.get('/robots.txt')
    assert r.status == 200 and b'Disallow' in r.body, r


def test_php_files_never_served_or_run_directly(fx):
    for path in ('/index.php', '/config.php', '/en/auth/customer-portal.php'):
        r = fx.nginx.get(path)
        assert r.status == 404, f'{path}: {r.status}'


def test_standard_fastcgi_params(fx):
    r = fx.nginx.get('/en/auth/customer-portal/AbCdEfGhIjKlMnOpQrSt',
                     headers={'User-Agent': 'harness-test', 'Accept-Language': 'de'})
    p = echoed(r)['params']
    assert p['REMOTE_ADDR'] == '127.0.0.1'
    assert p['HTTP_HOST'].startswith('127.0.0.1'), p['HTTP_HOST']
    assert p['SERVER_PORT'] == str(fx.nginx.port)
    assert p['REQUEST_SCHEME'] == 'http'
    assert 'HTTPS' not in p, 'HTTPS must be absent on plain http'
    assert p['HTTP_USER_AGENT'] == 'harness-test'
    assert p['HTTP_ACCEPT_LANGUAGE'] == 'de'
    assert p['SERVER_PROTOCOL'] == 'HTTP/1.1'


def test_httpoxy_header_not_passed(fx):
    r = fx.nginx.get('/customer-portal/health', headers={'Proxy': 'http://evil.example:1'})
    p = echoed(r)['params']
    assert p.get('HTTP_PROXY', '') == '', p.get('HTTP_PROXY')


def test_no_fastcgi_keep_conn(fx):
    r = fx.nginx.get('/customer-portal/health')
    assert echoed(r)['keep_conn'] is False


def test_post_body_and_content_type_reach_portal(fx):
    r = fx.nginx.post('/en/auth/customer-portal/AbCdEfGhIjKlMnOpQrSt',
                      form={'spt-password': 'sécret & co'})
    got = echoed(r)
    assert got['params']['REQUEST_METHOD'] == 'POST'
    assert got['params']['CONTENT_TYPE'] == 'application/x-www-form-urlencoded'
    assert got['stdin'] == 'spt-password=s%C3%A9cret+%26+co', got['stdin']
    assert got['params']['CONTENT_LENGTH'] == str(len(got['stdin']))


def test_body_limit_64k_on_portal_paths(fx):
    path = '/en/auth/customer-portal/AbCdEfGhIjKlMnOpQrSt'
    ok = fx.nginx.post(path, form={'a': 'x' * 60000})
    assert echoed(ok) is not None, f'60 kB form rejected: {ok.status}'
    big = fx.nginx.post(path, form={'a': 'x' * 70000})
    assert big.status == 413, big.status
    big = fx.nginx.post('/customer-portal/health', form={'a': 'x' * 70000})
    assert big.status == 413, big.status


def test_encoded_path_passed_raw_in_request_uri(fx):
    # The portal sees the undecoded REQUEST_URI (and the decoded SCRIPT_NAME).
    r = fx.nginx.get('/en/auth/customer-portal/Ab%2FCd')
    p = echoed(r)['params']
    assert p['REQUEST_URI'] == '/en/auth/customer-portal/Ab%2FCd'
    assert p['SCRIPT_NAME'] == '/en/auth/customer-portal/Ab/Cd'


def test_several_portals_behind_one_upstream(fx):
    a = harness.FcgiEcho(fx.env.subdir('echo') / 'a.sock')
    b = harness.FcgiEcho(fx.env.subdir('echo') / 'b.sock')
    n = fx.env.nginx(a, b)
    for _ in range(10):
        assert echoed(n.get('/customer-portal/health')) is not None
    assert len(a.requests) >= 3 and len(b.requests) >= 3, (len(a.requests), len(b.requests))
    assert len(a.requests) + len(b.requests) == 10
    n.stop()
    a.stop()
    b.stop()


def test_sample_marks_documented():
    # Each value the harness rewrites is listed in the file's leading comment block, so
    # whoever edits the sample knows to keep it.
    text = harness.NGINX_SAMPLE.read_text()
    comment = '\n'.join(line for line in text.splitlines() if line.startswith('#'))
    for mark in harness._SAMPLE_MARKS:
        assert mark in comment, f'marked value {mark!r} is not documented in the header'
