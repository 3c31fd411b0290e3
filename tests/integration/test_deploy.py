"""Deployments as they are found in the wild (issue "Works on every Kimai as it is
deployed"): Apache from apache.conf.sample, a TLS-terminating proxy in front (trusted
X-Forwarded-*/Forwarded headers and the client address chain), Kimai below a path prefix,
URLs with a trailing slash and the plugin's old admin URLs, the command line with options
after the command, Kimai's branding, MariaDB restarting under a running portal, and SQL
that MySQL 8 accepts as well."""

import os
import re
import subprocess
import types
import zlib

from . import common
from . import harness
from . import test_admin
from . import test_unlock

PASSWORD = 'deploy-secret-1'
PREFIX = '/kimai'


def share_url(key, lang='en'):
    return f'/{lang}/auth/customer-portal/{key}'


def setup(env):
    fx = common.installed_kimai(env)
    m = fx.m
    fx.cid = int(m.value(fx.db, 'SELECT MIN(id) FROM kimai2_customers'))
    fx.pid = int(m.value(fx.db, f'SELECT MIN(id) FROM kimai2_projects WHERE customer_id = {fx.cid}'))
    fx.project_name = m.value(fx.db, f'SELECT name FROM kimai2_projects WHERE id = {fx.pid}')
    fx.psid, fx.pkey = common.insert_share(m, fx.db, project=fx.pid)
    fx.csid, fx.ckey = common.insert_share(m, fx.db, customer=fx.cid)
    fx.lsid, fx.lkey = common.insert_share(m, fx.db, project=fx.pid,
                                           password=test_unlock.bcrypt(PASSWORD))
    # Behind nginx on 127.0.0.1, which a TLS proxy in 10.0.0.0/8 talks to.
    fx.portal = env.portal(fx.url, workers=2, args=['--trusted-proxy', '127.0.0.1/32',
                                                    '--trusted-proxy', '10.0.0.0/8'])
    fx.n = env.nginx(fx.portal)
    fx.apache = env.apache(fx.portal)
    # Kimai below /kimai; no trusted proxy at all.
    fx.pp = env.portal(fx.url, workers=2, env={'PORTAL_BASE_PATH': PREFIX})
    fx.np = env.nginx(fx.pp, prefix=PREFIX)
    admin = types.SimpleNamespace(m=m, db=fx.db)
    m.sql(fx.db, f"UPDATE kimai2_users SET username = 'admin', password = "
                 f"'{test_admin.DUMP_HASH}', enabled = 1, "
                 "roles = 'a:1:{i:0;s:16:\"ROLE_SUPER_ADMIN\";}' WHERE id = 1")
    fx.admin = test_admin.new_session(admin, test_admin.form_login_payload(
        1, 'admin', test_admin.DUMP_HASH))
    fx.addr = iter(f'198.18.{i // 250}.{i % 250 + 1}' for i in range(10**5))
    return fx


def failures(fx, addr):
    return int(fx.m.value(fx.db, "SELECT COALESCE(SUM(failures), 0) FROM "
                                 f"kimai2_customer_portals_attempts WHERE client_key = '{addr}'"))


def wrong_password(server, fx, headers=None):
    return server.post(share_url(fx.lkey), {'spt-password': 'nope'}, headers=headers)


# --------------------------------------------------------------------------------------
# Apache from apache.conf.sample

def test_apache_share_page(fx):
    r = fx.apache.get(share_url(fx.pkey))
    assert r.status == 200, r.status
    assert fx.project_name in r.text
    assert "frame-ancestors 'none'" in r.headers['Content-Security-Policy']
    assert r.headers['Referrer-Policy'] == 'no-referrer'


def test_apache_locked_share_unlocks(fx):
    r = fx.apache.get(share_url(fx.lkey))
    assert r.status == 200 and 'name="spt-password"' in r.text
    assert fx.project_name not in r.text
    r = fx.apache.post(share_url(fx.lkey), {'spt-password': PASSWORD})
    assert r.status == 303, r.status
    assert r.headers['Location'] == share_url(fx.lkey)
    cookie = r.headers['Set-Cookie']
    name, _, rest = cookie.partition('=')
    value = rest.split(';')[0]
    assert f'Path={share_url(fx.lkey)}' in cookie and 'HttpOnly' in cookie
    assert 'Secure' not in cookie, 'plain http through Apache'
    r = fx.apache.get(share_url(fx.lkey), cookies={name: value})
    assert r.status == 200 and fx.project_name in r.text


def test_apache_admin_forbidden_without_kimai_login(fx):
    r = fx.apache.get('/en/admin/customer-portal')
    assert r.status == 403, r.status
    assert 'href="/en/login"' in r.text


def test_apache_legacy_redirect(fx):
    r = fx.apache.get(f'/en/auth/shared-project-timesheets/{fx.pid}/{fx.pkey}?year=2024')
    assert r.status == 301, r.status
    assert r.headers['Location'] == share_url(fx.pkey) + '?year=2024'


def test_apache_csv(fx):
    r = fx.apache.get(share_url(fx.pkey) + '/csv?year=2024&month=3')
    assert r.status == 200, r.status
    assert r.headers['Content-Type'].startswith('text/csv')


def test_apache_static_assets_compressed(fx):
    page = fx.apache.get(share_url(fx.pkey)).text
    css = re.search(r'href="(/customer-portal/static/[A-Za-z0-9._-]+\.css)"', page).group(1)
    r = fx.apache.get(css, headers={'Accept-Encoding': 'gzip'})
    assert r.status == 200, r.status
    assert r.headers['Content-Type'].startswith('text/css')
    assert r.headers.get('Content-Encoding') == 'gzip', r.headers
    assert fx.apache.get('/customer-portal/health').status == 200


def compressed_responses(server, fx):
    """The share page, its CSV, the stylesheet and the icon, each fetched without and with
    Accept-Encoding: gzip; asserts both carry the same content and only the second is
    gzip-encoded (nginx leaves bodies under 1 KiB as they are: gzip_min_length)."""
    page = server.get(share_url(fx.pkey)).text
    css = re.search(r'href="(/customer-portal/static/[A-Za-z0-9._-]+\.css)"', page).group(1)
    svg = re.search(r'href="(/customer-portal/static/[A-Za-z0-9._-]+\.svg)"', page).group(1)
    for path, ctype in ((share_url(fx.ckey), 'text/html'),
                        (share_url(fx.ckey) + '/csv?year=2024&month=3', 'text/csv'),
                        (css, 'text/css'), (svg, 'image/svg+xml')):
        plain = server.get(path)
        assert plain.status == 200, (path, plain.status)
        assert plain.headers['Content-Type'].startswith(ctype), (path, plain.headers)
        assert 'Content-Encoding' not in plain.headers, (path, plain.headers)
        for ae in ('gzip', 'gzip, deflate, br', 'br;q=1, gzip;q=0.5'):
            z = server.get(path, headers={'Accept-Encoding': ae})
            assert z.status == 200, (path, z.status)
            if len(plain.body) < 1024 and 'Content-Encoding' not in z.headers:
                assert z.body == plain.body, path
                continue
            assert z.headers.get('Content-Encoding') == 'gzip', (path, ae, z.headers)
            assert 'Accept-Encoding' in z.headers.get('Vary', ''), (path, z.headers)
            assert zlib.decompress(z.body, 31) == plain.body, path
            if len(plain.body) > 4096:
                assert len(z.body) < len(plain.body) / 2, (path, len(z.body))
        for ae in ('identity', 'br', 'gzip;q=0'):
            r = server.get(path, headers={'Accept-Encoding': ae})
            assert 'Content-Encoding' not in r.headers, (path, ae, r.headers)
            assert r.body == plain.body, (path, ae)


def test_nginx_compresses_pages_csv_css_svg_when_asked(fx):
    compressed_responses(fx.n, fx)


def test_apache_compresses_pages_csv_css_svg_when_asked(fx):
    compressed_responses(fx.apache, fx)


def test_static_assets_precompressed_by_the_portal(fx):
    page = fx.portal.request('GET', share_url(fx.pkey)).text
    css = re.search(r'href="(/customer-portal/static/[A-Za-z0-9._-]+\.css)"', page).group(1)
    plain = fx.portal.request('GET', css)
    z = fx.portal.request('GET', css, headers={'Accept-Encoding': 'gzip'})
    assert 'Content-Encoding' not in plain.headers
    assert z.headers.get('Content-Encoding') == 'gzip', z.headers
    assert z.headers.get('Vary') == 'Accept-Encoding', z.headers
    assert zlib.decompress(z.body, 31) == plain.body
    assert len(z.body) < len(plain.body) / 3


def test_apache_hostile_request_400(fx):
    assert fx.apache.get(share_url(fx.pkey) + '?year=abc').status == 400
    assert fx.apache.get(share_url(fx.pkey) + '?month=13').status == 400
    r = fx.apache.raw(b'POST ' + share_url(fx.lkey).encode() + b' HTTP/1.1\r\n'
                      b'Host: 127.0.0.1\r\nConnection: close\r\n'
                      b'Content-Type: text/xml\r\nContent-Length: 3\r\n\r\nabc')
    assert r.status == 400, r.status


def test_apache_plugin_admin_url_and_trailing_slash(fx):
    r = fx.apache.get('/en/customer-portal')
    assert r.status == 301 and r.headers['Location'] == '/en/admin/customer-portal'
    r = fx.apache.get(share_url(fx.pkey) + '/?year=2024&month=2')
    assert r.status == 301, r.status
    assert r.headers['Location'] == share_url(fx.pkey) + '?year=2024&month=2'


def test_apache_kimai_paths_stay_with_kimai(fx):
    # No php-fpm in tests: Kimai's front controller cannot answer (503); other .php
    # files are refused; Kimai's static files come from its public/ directory.
    r = fx.apache.get('/en/timesheet/')
    assert r.status in (502, 503), r.status
    assert 'Content-Security-Policy' not in r.headers
    assert fx.apache.get('/config.php').status in (403, 404)
    r = fx.apache.get('/robots.txt')
    assert r.status == 200 and b'Disallow' in r.body


# --------------------------------------------------------------------------------------
# URLs as people paste them

def test_trailing_slash_moves_permanently_query_kept(fx):
    cases = [
        (share_url(fx.pkey) + '/', share_url(fx.pkey)),
        (share_url(fx.pkey) + '/?year=2024&month=2', share_url(fx.pkey) + '?year=2024&month=2'),
        (share_url(fx.ckey) + f'/p/{fx.pid}/?details=chart',
         share_url(fx.ckey) + f'/p/{fx.pid}?details=chart'),
        ('/en/admin/customer-portal/', '/en/admin/customer-portal'),
    ]
    for path, want in cases:
        r = fx.n.get(path)
        assert r.status == 301, (path, r.status)
        assert r.headers['Location'] == want, (path, r.headers['Location'])
    # Not a route without the slash either: still 404.
    assert fx.n.get(share_url(fx.pkey) + '/nothing/').status == 404


def test_plugin_admin_urls_redirect_to_admin_pages(fx):
    cases = [
        ('/en/customer-portal', '/en/admin/customer-portal'),
        ('/de/customer-portal/create?type=project', '/de/admin/customer-portal/create?type=project'),
        (f'/en/customer-portal/{fx.psid}/{fx.pkey}', f'/en/admin/customer-portal/{fx.psid}/{fx.pkey}'),
    ]
    for path, want in cases:
        r = fx.n.get(path)
        assert r.status == 301, (path, r.status)
        assert r.headers['Location'] == want, (path, r.headers['Location'])
    assert fx.n.get('/xx/customer-portal').status == 404


# --------------------------------------------------------------------------------------
# A TLS-terminating proxy in front of nginx

def test_forwarded_proto_makes_cookie_secure(fx):
    h = {'X-Forwarded-Proto': 'https', 'X-Forwarded-For': next(fx.addr)}
    r = fx.n.post(share_url(fx.lkey), {'spt-password': PASSWORD}, headers=h)
    assert r.status == 303 and 'Secure' in r.headers['Set-Cookie'], r.headers
    h = {'Forwarded': 'for=192.0.2.7;proto=https', 'X-Forwarded-For': next(fx.addr)}
    r = fx.n.post(share_url(fx.lkey), {'spt-password': PASSWORD}, headers=h)
    assert r.status == 303 and 'Secure' in r.headers['Set-Cookie'], r.headers


def test_forwarded_headers_ignored_from_untrusted_peer(fx):
    # The prefix portal trusts no proxy: the same headers change nothing.
    h = {'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'evil.example',
         'Forwarded': 'proto=https;host=evil.example'}
    r = fx.np.post(PREFIX + share_url(fx.lkey), {'spt-password': PASSWORD}, headers=h)
    assert r.status == 303 and 'Secure' not in r.headers['Set-Cookie'], r.headers
    r = fx.np.get(PREFIX + '/en/admin/customer-portal', cookies=fx.admin, headers=h)
    assert r.status == 200, r.status
    assert 'evil.example' not in r.text and 'https://' not in r.text.split('<main')[1]
    assert f'http://127.0.0.1:{fx.np.port}{PREFIX}/en/auth/customer-portal/{fx.pkey}' in r.text


def admin_share_urls(resp):
    return set(re.findall(r'value="(https?://[^"]*/auth/customer-portal/[A-Za-z0-9]+)"',
                          resp.text))


def test_forwarded_host_and_port_in_absolute_urls(fx):
    cases = [
        ({'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'kimai.example.com'},
         'https://kimai.example.com/en/auth/customer-portal/'),
        ({'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'kimai.example.com',
          'X-Forwarded-Port': '8443'},
         'https://kimai.example.com:8443/en/auth/customer-portal/'),
        ({'X-Forwarded-Proto': 'https'},
         f'https://127.0.0.1/en/auth/customer-portal/'),
        # a chain: the right-most value is the one our proxy set
        ({'X-Forwarded-Proto': 'http, https', 'X-Forwarded-Host': 'client.invalid, kimai.example.com'},
         'https://kimai.example.com/en/auth/customer-portal/'),
        ({'Forwarded': 'for=192.0.2.60;proto=http;host=client.invalid, '
                       'for=10.1.1.1;proto=https;host="kimai.example.org:444"'},
         'https://kimai.example.org:444/en/auth/customer-portal/'),
        # garbage is ignored
        ({'X-Forwarded-Proto': 'javascript', 'X-Forwarded-Host': '<b>x</b>'},
         f'http://127.0.0.1:{fx.n.port}/en/auth/customer-portal/'),
    ]
    for headers, prefix in cases:
        r = fx.n.get('/en/admin/customer-portal', cookies=fx.admin, headers=headers)
        assert r.status == 200, (headers, r.status)
        urls = admin_share_urls(r)
        assert urls and all(u.startswith(prefix) for u in urls), (headers, urls)


def test_client_address_is_rightmost_untrusted(fx):
    cases = [
        # the client's own claim on the left is ignored
        ('203.0.113.9, 198.51.100.77', '198.51.100.77'),
        # trusted hops (10.0.0.0/8) are skipped from the right
        ('203.0.113.9, 198.51.100.78, 10.1.2.3, 10.9.9.9', '198.51.100.78'),
        ('198.51.100.79:4711', '198.51.100.79'),
    ]
    for xff, want in cases:
        before = failures(fx, want)
        assert wrong_password(fx.n, fx, {'X-Forwarded-For': xff}).status == 200
        assert failures(fx, want) == before + 1, (xff, want)
        assert failures(fx, '203.0.113.9') == 0


def test_client_address_with_header_sent_twice(fx):
    # nginx passes two header lines as two parameters; the second is our proxy's.
    before = failures(fx, '198.51.100.80')
    body = b'spt-password=nope'
    req = (f'POST {share_url(fx.lkey)} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n'
           'X-Forwarded-For: 203.0.113.50\r\nX-Forwarded-For: 198.51.100.80\r\n'
           'Content-Type: application/x-www-form-urlencoded\r\n'
           f'Content-Length: {len(body)}\r\n\r\n').encode() + body
    r = fx.n.raw(req)
    assert r.status == 200, r.status
    assert failures(fx, '198.51.100.80') == before + 1
    assert failures(fx, '203.0.113.50') == 0


def test_client_address_ignored_from_untrusted_peer(fx):
    before = failures(fx, '127.0.0.1')
    r = fx.np.post(PREFIX + share_url(fx.lkey), {'spt-password': 'nope'},
                   headers={'X-Forwarded-For': '198.51.100.81'})
    assert r.status in (200, 429)
    assert failures(fx, '198.51.100.81') == 0
    assert failures(fx, '127.0.0.1') == before + 1


# --------------------------------------------------------------------------------------
# Kimai below a path prefix

def urls_in(html):
    return re.findall(r'(?:href|src|action)="([^"]*)"', html)


def test_base_path_every_link_carries_the_prefix(fx):
    for path in (share_url(fx.pkey), share_url(fx.ckey), share_url(fx.ckey) + f'/p/{fx.pid}'):
        r = fx.np.get(PREFIX + path)
        assert r.status == 200, (path, r.status)
        for u in urls_in(r.text):
            assert u.startswith(PREFIX + '/') or u.startswith('?') or u.startswith('#') \
                or u == '', (path, u)
        css = re.search(r'href="([^"]+\.css)"', r.text).group(1)
        assert fx.np.get(css).status == 200, css
        csv = re.search(r'href="([^"]+/csv[^"]*)"', r.text).group(1)
        assert fx.np.get(csv.replace('&amp;', '&')).status == 200, csv


def test_base_path_redirects_and_cookie_path(fx):
    r = fx.np.post(PREFIX + share_url(fx.lkey) + '?year=2024', {'spt-password': PASSWORD})
    assert r.status == 303
    assert r.headers['Location'] == PREFIX + share_url(fx.lkey) + '?year=2024'
    assert f'Path={PREFIX}{share_url(fx.lkey)};' in r.headers['Set-Cookie']
    r = fx.np.get(f'{PREFIX}/en/auth/shared-project-timesheets/{fx.pid}/{fx.pkey}')
    assert r.status == 301 and r.headers['Location'] == PREFIX + share_url(fx.pkey)
    r = fx.np.get(PREFIX + share_url(fx.pkey) + '/')
    assert r.status == 301 and r.headers['Location'] == PREFIX + share_url(fx.pkey)
    r = fx.np.get(PREFIX + '/en/customer-portal')
    assert r.status == 301 and r.headers['Location'] == PREFIX + '/en/admin/customer-portal'
    r = fx.np.get(PREFIX + '/en/admin/customer-portal')
    assert r.status == 403 and f'href="{PREFIX}/en/login"' in r.text


def test_base_path_admin_pages(fx):
    r = fx.np.get(PREFIX + '/en/admin/customer-portal', cookies=fx.admin)
    assert r.status == 200, r.status
    absolute = f'http://127.0.0.1:{fx.np.port}{PREFIX}/'
    for u in urls_in(r.text):
        assert u.startswith((PREFIX + '/', '?', '#', absolute)), u
    page = fx.np.get(PREFIX + '/en/admin/customer-portal/create?type=project', cookies=fx.admin)
    assert page.status == 200
    form = {'_token': test_admin.csrf(page), 'project': str(fx.pid),
            'record_merge_mode': 'NONE'}
    r = fx.np.post(PREFIX + '/en/admin/customer-portal/create?type=project', form,
                   cookies=fx.admin)
    assert r.status == 303, r.status
    assert r.headers['Location'].startswith(PREFIX + '/en/admin/customer-portal?')


def test_base_path_outside_the_prefix_is_not_ours(fx):
    r = fx.pp.request('GET', share_url(fx.pkey))
    assert r.status == 404, r.status
    assert fx.pp.request('GET', PREFIX + share_url(fx.pkey)).status == 200
    assert fx.pp.request('GET', PREFIX + 'x' + share_url(fx.pkey)).status == 404


# --------------------------------------------------------------------------------------
# The command line

def portal_cli(fx, *args, stdin=''):
    env = dict(os.environ)
    env.pop('DATABASE_URL', None)
    env['PORTAL_SECRET'] = 'x' * 32
    return subprocess.run([str(harness.binary('portal'))] + list(args), input=stdin,
                          capture_output=True, text=True, env=env, timeout=60)


def test_cli_options_after_the_command(fx):
    r = portal_cli(fx, 'check', '--database-url', fx.url)
    assert r.returncode == 0, r.stderr
    r = portal_cli(fx, 'share', 'list', '--database-url', fx.url)
    assert r.returncode == 0, r.stderr
    assert fx.pkey in r.stdout
    r = portal_cli(fx, '--database-url', fx.url, 'share', 'list')
    assert r.returncode == 0 and fx.pkey in r.stdout
    r = portal_cli(fx, 'check', 'extra', '--database-url', fx.url)
    assert r.returncode == 2 and 'extra' in r.stderr


def test_cli_share_by_key_or_id(fx):
    sid, key = common.insert_share(fx.m, fx.db, project=fx.pid)
    r = portal_cli(fx, 'share', 'rotate', key, '--database-url', fx.url)
    assert r.returncode == 0, r.stderr
    got_id, new_key, path = r.stdout.strip().split('\t')
    assert int(got_id) == sid and new_key != key and path == share_url(new_key)
    r = portal_cli(fx, 'share', 'set-password', new_key, '--database-url', fx.url,
                   stdin='cli-pass\n')
    assert r.returncode == 0, r.stderr
    assert fx.m.value(fx.db, f'SELECT password FROM kimai2_customer_portals WHERE id = {sid}') \
        .startswith('$argon2id$')
    # keys are case-sensitive: a key in the wrong case is no share
    r = portal_cli(fx, 'share', 'delete', new_key.swapcase(), '--database-url', fx.url)
    assert r.returncode == 1 and 'no share' in r.stderr
    r = portal_cli(fx, 'share', 'delete', 'not-a-key!', '--database-url', fx.url)
    assert r.returncode == 2
    r = portal_cli(fx, 'share', 'delete', new_key, '--database-url', fx.url)
    assert r.returncode == 0, r.stderr
    assert fx.m.value(fx.db, f'SELECT COUNT(*) FROM kimai2_customer_portals WHERE id = {sid}') == '0'
    sid2, key2 = common.insert_share(fx.m, fx.db, project=fx.pid)
    r = portal_cli(fx, '--database-url', fx.url, 'share', 'delete', str(sid2))
    assert r.returncode == 0, r.stderr


def test_cli_urls_carry_the_base_path(fx):
    sid, key = common.insert_share(fx.m, fx.db, project=fx.pid)
    r = portal_cli(fx, 'share', 'rotate', str(sid), '--database-url', fx.url,
                   '--base-path', PREFIX)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().split('\t')[2].startswith(PREFIX + '/en/auth/customer-portal/')


# --------------------------------------------------------------------------------------
# Kimai's branding and links

def set_branding(fx, company, logo):
    for name, value in (('theme.branding.company', company), ('theme.branding.logo', logo)):
        fx.m.sql(fx.db, f"DELETE FROM kimai2_configuration WHERE name = '{name}'")
        if value is not None:
            fx.m.sql(fx.db, "INSERT INTO kimai2_configuration (name, value) VALUES "
                            f"('{name}', {common.sql_str(value)})")


def fresh_portal(fx):
    """A portal of its own: branding is cached per process."""
    return fx.env.portal(fx.url, workers=1)


def test_branding_company_and_https_logo(fx):
    set_branding(fx, 'ACME <b>&</b> Co', 'https://cdn.example.com/brand/logo.png')
    p = fresh_portal(fx)
    for path in (share_url(fx.pkey), share_url(fx.lkey)):
        r = p.request('GET', path)
        assert r.status == 200
        text = r.body.decode()
        assert '<b>&</b>' not in text
        assert '<span>ACME &lt;b&gt;&amp;&lt;/b&gt; Co</span>' in text, text[:2000]
        assert re.search(r'<title>[^<]*ACME &lt;b&gt;&amp;&lt;/b&gt; Co</title>', text)
        assert 'Customer portal' not in text.split('</header>')[0]
        assert '<img class="brand-logo" src="https://cdn.example.com/brand/logo.png"' in text
        csp = r.headers['Content-Security-Policy']
        assert "img-src 'self' data: https://cdn.example.com;" in csp, csp
    # read at most once a minute: a change shows later, not at once
    set_branding(fx, 'Other Name', None)
    assert 'ACME' in p.request('GET', share_url(fx.pkey)).body.decode()
    p.stop()


def test_branding_logo_only_same_origin_or_https(fx):
    for logo, shown in (('/uploads/logo.png', True), ('javascript:alert(1)', False),
                        ('http://cdn.example.com/logo.png', False),
                        ('//cdn.example.com/logo.png', False),
                        ('https://user@cdn.example.com/logo.png', False),
                        ('https://cdn.example.com/a"onerror="x.png', False)):
        set_branding(fx, None, logo)
        p = fresh_portal(fx)
        r = p.request('GET', share_url(fx.pkey))
        text = r.body.decode()
        assert ('brand-logo' in text) == shown, logo
        assert 'Customer portal</span>' in text
        assert r.headers['Content-Security-Policy'].startswith(
            "default-src 'self'; img-src 'self' data:; "), (logo, r.headers)
        p.stop()
    set_branding(fx, None, None)


def test_admin_list_links_to_kimai_pages(fx):
    r = fx.n.get('/en/admin/customer-portal', cookies=fx.admin)
    assert r.status == 200
    assert f'href="/en/admin/customer/{fx.cid}/details"' in r.text
    assert f'href="/en/admin/project/{fx.pid}/details"' in r.text
    r = fx.n.get('/de/admin/customer-portal', cookies=fx.admin)
    assert f'href="/de/admin/project/{fx.pid}/details"' in r.text


# --------------------------------------------------------------------------------------
# MariaDB restarting under a running portal

def test_database_restart_serves_every_request(fx):
    env = fx.env
    m = env.new_mariadb()
    db = m.kimai_db('2.45-rates')
    assert harness.run_install(m.url(db)).returncode == 0
    pid = int(m.value(db, 'SELECT MIN(id) FROM kimai2_projects'))
    _, key = common.insert_share(m, db, project=pid)
    _, lkey = common.insert_share(m, db, project=pid, password=test_unlock.bcrypt(PASSWORD))
    portal = env.portal(m.url(db), workers=4, args=['--trusted-proxy', '127.0.0.1/32'])
    n = env.nginx(portal)
    for _ in range(16):          # every worker holds a connection now
        assert n.get(share_url(key)).status == 200
    for how in ('stop', 'kill'):
        if how == 'stop':
            m.stop()
        else:
            m.kill()
        m.start()
        statuses = [n.get(share_url(key)).status for _ in range(12)]
        assert statuses == [200] * 12, (how, statuses)
        # a write right after a restart is applied, and exactly once
        m.stop()
        m.start()
        addr = f'198.51.100.{200 if how == "stop" else 201}'
        r = n.post(share_url(lkey), {'spt-password': 'nope'}, headers={'X-Forwarded-For': addr})
        assert r.status == 200, (how, r.status)
        v = m.value(db, "SELECT COALESCE(SUM(failures), 0) FROM "
                        f"kimai2_customer_portals_attempts WHERE client_key = '{addr}'")
        assert int(v) == 1, (how, v)
    # really gone: 503, then back to 200
    m.stop()
    assert n.get(share_url(key)).status == 503
    m.start()
    assert n.get(share_url(key)).status == 200
    assert 'reconnecting' in portal.log_text()


# --------------------------------------------------------------------------------------
# MySQL 8 as well as MariaDB

# Syntax MariaDB has and MySQL 8 has not (or has deprecated).
MARIADB_ONLY = [
    (r'\bRETURNING\b', 'RETURNING'),
    (r'\bCREATE\s+OR\s+REPLACE\b', 'CREATE OR REPLACE'),
    (r'\bADD\s+(COLUMN\s+)?IF\s+NOT\s+EXISTS\b', 'ADD … IF NOT EXISTS'),
    (r'\b(CREATE|DROP)\s+(UNIQUE\s+)?INDEX\s+IF\b', 'CREATE/DROP INDEX IF [NOT] EXISTS'),
    (r'\bDROP\s+(COLUMN|FOREIGN\s+KEY|CONSTRAINT)\s+IF\s+EXISTS\b', 'DROP … IF EXISTS'),
    (r'\bMODIFY\s+(COLUMN\s+)?IF\s+EXISTS\b', 'MODIFY IF EXISTS'),
    (r'\bVALUE\s*\(', 'VALUE() (MySQL only knows VALUES())'),
    (r'\bseq_\d+_to_\d+\b', 'the SEQUENCE engine'),
    (r'\bSEQUENCE\b', 'sequences'),
    (r'(?<!AS )\bBINARY\s+[a-z_`]', 'the BINARY operator (deprecated in MySQL 8)'),
    (r'\bINTERSECT\b|\bEXCEPT\b', 'INTERSECT/EXCEPT'),
    (r'\bLIMIT\s+ROWS\s+EXAMINED\b', 'LIMIT ROWS EXAMINED'),
    (r'\bJSON_(DETAILED|LOOSE|COMPACT|EXISTS)\b', 'MariaDB JSON functions'),
    (r'\bNVL2?\s*\(|\bDECODE_ORACLE\b|\bSYSDATE\b', 'Oracle compatibility functions'),
    (r'\bSTATEMENT\s+TIMEOUT\b|\bmax_statement_time\b', 'max_statement_time'),
    (r'\bCAST\s*\([^)]*\bAS\s+(INT|INTEGER|FLOAT)\b', 'CAST AS INT/FLOAT'),
    (r'\bIGNORE\s+INDEX\b.*\bIGNORED\b', 'ignored indexes'),
    (r'\bWAIT\s+\d+|\bNOWAIT\b', 'WAIT/NOWAIT'),
]


def sql_texts():
    """The program's statements (include/db/sql.h and sql_parts.h string literals)
    and every schema file: what runs on the customer's server."""
    texts = {}
    for f in ('include/db/sql.h', 'include/db/sql_parts.h'):
        texts[f] = ' '.join(re.findall(r'"((?:[^"\\]|\\.)*)"', (harness.REPO / f).read_text()))
    for f in sorted((harness.REPO / 'schema').glob('*.sql')):
        texts[f'schema/{f.name}'] = re.sub(r'--[^\n]*', '', f.read_text())
    for f in ('src/db/db.c', 'src/db/install.c'):
        texts[f] = ' '.join(re.findall(r'"((?:[^"\\]|\\.)*)"', (harness.REPO / f).read_text()))
    return texts


def test_statements_and_schema_have_no_mariadb_only_syntax(fx):
    found = []
    for name, text in sql_texts().items():
        for pattern, what in MARIADB_ONLY:
            for hit in re.finditer(pattern, text, re.IGNORECASE):
                found.append(f'{name}: {what}: …{text[max(0, hit.start() - 40):hit.end() + 20]}…')
    assert not found, 'MariaDB-only SQL:\n' + '\n'.join(found)
