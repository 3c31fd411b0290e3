"""Admin pages (docs/design.md, "Admin pages"; docs/design.md, "Kimai facts", §Permissions), through nginx on a real Kimai
database.

Who gets in is decided from rows of kimai2_sessions exactly as Kimai writes them: the sample
payloads of tests/data/kimai-sessions (made by PHP's own session encoder), the session rows
of the dumps, and payloads built here with PHP's serialize() format for users the tests
create.  Each test makes the user rows match what it needs and sets `lifetime` itself.
Then: create / edit / delete round trips with the forms' own CSRF tokens, CSRF failures
(400, nothing changes), and Kimai's team rule for team leads."""

import re
import secrets
import types

from . import common
from . import harness

SESSIONS = harness.DATA / 'kimai-sessions'
LIST = '/en/admin/customer-portal'

# The hash inside the sample payloads (user 1 "admin"), and the one of every user of the
# dumps (also inside the dumps' own session rows).
SAMPLE_HASH = '$2y$13$MerZQEGK/EGfXgs/Cmz4E.bc3KK3esX32gk.szgQMTeX3xwI3p09G'
DUMP_HASH = '$2y$13$Kimai.Portal.Test.SalefJC/zpDK8kSvT2WK6kiATUURzefUw2e'

UPT = 'Symfony\\Component\\Security\\Core\\Authentication\\Token\\UsernamePasswordToken'
KEY_RE = re.compile(r'^[A-Za-z0-9]{20}$')
TOKEN_RE = re.compile(r'name="_token" value="([0-9a-f]{64})"')
FLAGS = ('entry_user_visible', 'entry_rate_visible', 'annual_chart_visible',
         'monthly_chart_visible', 'budget_stats_visible', 'time_budget_stats_visible')


# --------------------------------------------------------------------------------------
# PHP serialize() and Kimai's session encoding, for payloads of our own users

class Obj:
    def __init__(self, cls, props):
        self.cls, self.props = cls, props


def ser(v):
    if v is None:
        return b'N;'
    if isinstance(v, bool):
        return b'b:%d;' % int(v)
    if isinstance(v, int):
        return b'i:%d;' % v
    if isinstance(v, str):
        v = v.encode()
    if isinstance(v, bytes):
        return b's:%d:"%s";' % (len(v), v)
    if isinstance(v, list):
        v = dict(enumerate(v))
    if isinstance(v, dict):
        return b'a:%d:{%s}' % (len(v), b''.join(ser(k) + ser(x) for k, x in v.items()))
    if isinstance(v, Obj):
        cls = v.cls.encode()
        body = b''.join(ser(k) + ser(x) for k, x in v.props.items())
        return b'O:%d:"%s":%d:{%s}' % (len(cls), cls, len(v.props), body)
    raise TypeError(type(v))


def form_login_payload(uid, username, password_hash, enabled=True):
    user = Obj('App\\Entity\\User', {'id': uid, 'username': username, 'enabled': enabled,
                                     'email': f'u{uid}@example.com', 'password': password_hash})
    token = ser(Obj(UPT, {0: None, 1: 'secured_area',
                          2: [user, True, None, {}, ['ROLE_USER']]}))
    return session_payload(token)


def session_payload(token):
    attrs = {'_security.last_username': 'x', '_security_secured_area': token}
    return (b'_sf2_attributes|' + ser(attrs) +
            b'_sf2_meta|' + ser({'u': 1767226500, 'c': 1767225600, 'l': 0}))


# --------------------------------------------------------------------------------------
# fixture and helpers

def setup(env):
    fx = types.SimpleNamespace(env=env, m=env.mariadb)
    fx.db = fx.m.kimai_db('2.45-rates')
    url = fx.m.url(fx.db)
    fx.installed = common.install(fx.m, fx.db)
    fx.portal = env.portal(url, workers=2)
    fx.n = env.nginx(fx.portal)
    # Roles Kimai knows (the dump has none yet); rows of kimai2_roles_permissions refer
    # to them.
    sql(fx, "INSERT IGNORE INTO kimai2_roles (name) VALUES ('ROLE_USER'), ('ROLE_TEAMLEAD'),"
            " ('ROLE_ADMIN'), ('ROLE_SUPER_ADMIN')")
    # Jane, the user of the login-link and SAML samples (id 7, ROLE_USER in the token).
    sql(fx, "INSERT INTO kimai2_users (id, username, email, password, enabled, roles) VALUES "
            "(7, 'jane', 'jane@example.com', '$2y$13$abc', 1, "
            "'a:1:{i:0;s:16:\"ROLE_SUPER_ADMIN\";}')")
    fx.customer_id = int(val(fx, 'SELECT MIN(id) FROM kimai2_customers'))
    fx.project_id = int(val(fx, f'SELECT MIN(id) FROM kimai2_projects WHERE customer_id = '
                                f'{fx.customer_id}'))
    return fx


def sql(fx, q):
    return fx.m.sql(fx.db, q)


def val(fx, q):
    return fx.m.value(fx.db, q)


def reset(fx):
    """User 1 as in the dump, no permission rows, no team restrictions, no shares."""
    sql(fx, f"UPDATE kimai2_users SET username = 'admin', password = '{DUMP_HASH}', enabled = 1,"
            f" roles = 'a:1:{{i:0;s:16:\"ROLE_SUPER_ADMIN\";}}' WHERE id = 1;"
            f" UPDATE kimai2_users SET enabled = 1, password = '{DUMP_HASH}',"
            f" roles = 'a:1:{{i:0;s:10:\"ROLE_ADMIN\";}}' WHERE id = 2;"
            f" DELETE FROM kimai2_roles_permissions;"
            f" DELETE FROM kimai2_customers_teams; DELETE FROM kimai2_projects_teams;"
            f" DELETE FROM kimai2_users_teams;"
            f" DELETE FROM kimai2_customer_portals;")


def new_session(fx, data, lifetime=3600, sid=None):
    """A kimai2_sessions row with this payload; returns the cookies of its browser."""
    sid = sid or ''.join(secrets.choice('0123456789abcdefghijklmnopqrstuv') for _ in range(26))
    sql(fx, f"INSERT INTO kimai2_sessions (id, data, time, lifetime) VALUES ('{sid}', "
            f"X'{data.hex()}', UNIX_TIMESTAMP(), UNIX_TIMESTAMP() + ({lifetime}))")
    return {'KIMAI_SESSION': sid}


def sample(name):
    return (SESSIONS / name).read_bytes()


def admin_session(fx):
    """A form login of user 1 as the dump has it (super admin)."""
    return new_session(fx, form_login_payload(1, 'admin', DUMP_HASH))


def get(fx, path, cookies):
    return fx.n.get(path, cookies=cookies)


def post(fx, path, form, cookies):
    return fx.n.post(path, form, cookies=cookies)


def allowed(fx, cookies):
    r = get(fx, LIST, cookies)
    assert r.status in (200, 403), (r.status, r.text[:300])
    assert r.headers.get('Cache-Control') == 'private, no-store', r.headers.get('Cache-Control')
    return r.status == 200


def csrf(resp):
    m = TOKEN_RE.search(resp.text)
    assert m, 'no CSRF token in the form'
    return m.group(1)


def shares(fx):
    rows = sql(fx, 'SELECT id, project_id, customer_id, share_key, COALESCE(password, \'\'), '
                   'record_merge_mode, ' + ', '.join(FLAGS) + ' FROM kimai2_customer_portals '
                   'ORDER BY id')
    return [types.SimpleNamespace(id=int(r[0]), project_id=r[1], customer_id=r[2], key=r[3],
                                  password=r[4], merge=r[5],
                                  flags={f: r[6 + i] == '1' for i, f in enumerate(FLAGS)})
            for r in rows]


def create(fx, cookies, kind, **fields):
    """Creates a share through the form; returns the new row."""
    before = {s.id for s in shares(fx)}
    page = get(fx, f'{LIST}/create?type={kind}', cookies)
    assert page.status == 200, page.status
    form = {'_token': csrf(page), 'record_merge_mode': 'NONE'}
    form.update(fields)
    r = post(fx, f'{LIST}/create?type={kind}', form, cookies)
    assert r.status == 303, (r.status, r.text[:500])
    assert r.headers.get('Location', '').endswith(f'{LIST}?done=created'), r.headers.get('Location')
    new = [s for s in shares(fx) if s.id not in before]
    assert len(new) == 1, new
    return new[0]


# --------------------------------------------------------------------------------------
# who gets in: every verdict

def test_no_cookie_gets_403_with_login_link(fx):
    reset(fx)
    for lang in ('en', 'de'):
        r = fx.n.get(f'/{lang}/admin/customer-portal')
        assert r.status == 403, r.status
        assert f'href="/{lang}/login"' in r.text, r.text
        assert r.headers.get('Cache-Control') == 'private, no-store'
    for path in (f'{LIST}/create?type=customer', f'{LIST}/1/AAAAAAAAAAAAAAAAAAAA',
                 f'{LIST}/1/AAAAAAAAAAAAAAAAAAAA/delete'):
        assert fx.n.get(path).status == 403, path


def test_malformed_and_unknown_cookies_refused(fx):
    reset(fx)
    good = admin_session(fx)
    sid = good['KIMAI_SESSION']
    assert allowed(fx, good)
    for bad in ('short', sid + "'", sid[:20], 'x' * 257, sid.upper(), sid[:-1] + 'w'):
        assert not allowed(fx, {'KIMAI_SESSION': bad}), bad


def test_dump_session_rows_log_in(fx):
    """The logged-in rows of the dump, with `lifetime` moved into the future."""
    reset(fx)
    for sid in ('p9re0llgtqrf3h3joee3tqk8e5', 'tdfq9in1ghk2de9htp2v45aco0'):
        assert b'UsernamePasswordToken' in (SESSIONS / f'dump-245r-{sid[:8]}.bin').read_bytes()
        sql(fx, f"UPDATE kimai2_sessions SET lifetime = UNIX_TIMESTAMP() + 3600 WHERE id = '{sid}'")
        assert allowed(fx, {'KIMAI_SESSION': sid}), sid
    anon = '0oo8mr4o' + val(fx, "SELECT SUBSTRING(id, 9) FROM kimai2_sessions "
                                "WHERE id LIKE '0oo8mr4o%'")
    sql(fx, f"UPDATE kimai2_sessions SET lifetime = UNIX_TIMESTAMP() + 3600 WHERE id = '{anon}'")
    assert not allowed(fx, {'KIMAI_SESSION': anon})


def test_sample_payloads(fx):
    reset(fx)
    sql(fx, f"UPDATE kimai2_users SET password = '{SAMPLE_HASH}' WHERE id = 1")
    verdicts = {
        'a_form_login.bin': True,
        'a2_form_login_after_2fa.bin': True,
        'b_remember_me.bin': True,
        'c_2fa_in_progress.bin': False,
        'd_anonymous.bin': False,
    }
    for name, ok in verdicts.items():
        assert allowed(fx, new_session(fx, sample(name))) == ok, name


def test_login_link_and_saml_tokens(fx):
    reset(fx)
    for name in ('e_login_link_token.bin', 'f_saml_token.bin'):
        token = sample(name).rstrip(b'\n')
        assert allowed(fx, new_session(fx, session_payload(token))), name


def test_expired_session(fx):
    reset(fx)
    sql(fx, f"UPDATE kimai2_users SET password = '{SAMPLE_HASH}' WHERE id = 1")
    assert not allowed(fx, new_session(fx, sample('a_form_login.bin'), lifetime=-10))
    c = new_session(fx, sample('a_form_login.bin'), lifetime=3600)
    assert allowed(fx, c)
    # Kimai's garbage collector or a logout: the row's lifetime passes or it goes away.
    sql(fx, f"UPDATE kimai2_sessions SET lifetime = UNIX_TIMESTAMP() - 1 "
            f"WHERE id = '{c['KIMAI_SESSION']}'")
    assert not allowed(fx, c)


def test_logout_takes_effect_at_once(fx):
    reset(fx)
    c = admin_session(fx)
    assert allowed(fx, c)
    sql(fx, f"DELETE FROM kimai2_sessions WHERE id = '{c['KIMAI_SESSION']}'")
    assert not allowed(fx, c)


def test_disabled_user(fx):
    reset(fx)
    c = admin_session(fx)
    assert allowed(fx, c)
    sql(fx, 'UPDATE kimai2_users SET enabled = 0 WHERE id = 1')
    assert not allowed(fx, c)
    # Disabled in the token only: refused as well.
    sql(fx, 'UPDATE kimai2_users SET enabled = 1 WHERE id = 1')
    assert not allowed(fx, new_session(fx, form_login_payload(1, 'admin', DUMP_HASH, False)))


def test_changed_password_or_user(fx):
    reset(fx)
    c = admin_session(fx)
    assert allowed(fx, c)
    sql(fx, f"UPDATE kimai2_users SET password = '{DUMP_HASH[:-1]}f' WHERE id = 1")
    assert not allowed(fx, c)
    reset(fx)
    assert allowed(fx, c)
    # Same username, other id; renamed user; user gone.
    assert not allowed(fx, new_session(fx, form_login_payload(2, 'admin', DUMP_HASH)))
    sql(fx, "UPDATE kimai2_users SET username = 'Admin' WHERE id = 1")
    assert not allowed(fx, c)
    assert not allowed(fx, new_session(fx, form_login_payload(99, 'nobody', DUMP_HASH)))


def test_user_without_permission(fx):
    reset(fx)
    # User 2 is a ROLE_ADMIN: no customer_portal by default.  Its username has non-ASCII
    # bytes, so the serialized lengths are byte counts.
    name = val(fx, 'SELECT username FROM kimai2_users WHERE id = 2')
    c = new_session(fx, form_login_payload(2, name, DUMP_HASH))
    assert not allowed(fx, c)
    sql(fx, "UPDATE kimai2_users SET roles = 'a:0:{}' WHERE id = 2")
    assert not allowed(fx, c)


def test_permission_revoked_by_row(fx):
    reset(fx)
    c = admin_session(fx)
    assert allowed(fx, c)
    sql(fx, "INSERT INTO kimai2_roles_permissions (role_id, permission, allowed) SELECT id, "
            "'customer_portal', 0 FROM kimai2_roles WHERE name = 'ROLE_SUPER_ADMIN'")
    assert not allowed(fx, c)
    sql(fx, "UPDATE kimai2_roles_permissions SET allowed = 1")
    assert allowed(fx, c)


def test_permission_granted_to_admin_by_row(fx):
    reset(fx)
    name = val(fx, 'SELECT username FROM kimai2_users WHERE id = 2')
    c = new_session(fx, form_login_payload(2, name, DUMP_HASH))
    assert not allowed(fx, c)
    sql(fx, "INSERT INTO kimai2_roles_permissions (role_id, permission, allowed) SELECT id, "
            "'customer_portal', 1 FROM kimai2_roles WHERE name = 'ROLE_ADMIN'")
    assert allowed(fx, c)
    # Other rows for other permissions change nothing for the super admin.
    sql(fx, "INSERT INTO kimai2_roles_permissions (role_id, permission, allowed) SELECT id, "
            "'view_customer', 0 FROM kimai2_roles WHERE name = 'ROLE_SUPER_ADMIN'")
    assert allowed(fx, admin_session(fx))


# --------------------------------------------------------------------------------------
# the share lifecycle

def test_create_customer_share(fx):
    reset(fx)
    c = admin_session(fx)
    s = create(fx, c, 'customer', customer=str(fx.customer_id), record_merge_mode='MERGE',
               entry_user_visible='1', budget_stats_visible='1')
    assert KEY_RE.match(s.key), s.key
    assert s.customer_id == str(fx.customer_id) and s.project_id == 'NULL'
    assert s.password == '' and s.merge == 'MERGE'
    assert s.flags == {f: f in ('entry_user_visible', 'budget_stats_visible') for f in FLAGS}
    # Listed with its full URL, and the public page works.
    r = get(fx, f'{LIST}?done=created', c)
    assert r.status == 200
    assert f'/en/auth/customer-portal/{s.key}' in r.text
    assert 'alert-success' in r.text
    assert fx.n.get(f'/en/auth/customer-portal/{s.key}').status == 200


def test_create_project_share_with_password(fx):
    reset(fx)
    c = admin_session(fx)
    s = create(fx, c, 'project', project=str(fx.project_id), password='s3cret pw')
    assert s.project_id == str(fx.project_id) and s.customer_id == 'NULL'
    assert s.password.startswith('$argon2id$'), s.password
    r = fx.n.get(f'/en/auth/customer-portal/{s.key}')
    assert r.status == 200 and 'spt-password' in r.text
    if fx.installed:
        # The unlock form takes the new password (argon2id, hashed by the admin page).
        r = fx.n.post(f'/en/auth/customer-portal/{s.key}', {'spt-password': 's3cret pw'})
        assert r.status == 303, r.status


def test_new_keys_are_unique_and_random(fx):
    reset(fx)
    c = admin_session(fx)
    keys = {create(fx, c, 'project', project=str(fx.project_id)).key for _ in range(5)}
    assert len(keys) == 5 and all(KEY_RE.match(k) for k in keys), keys


def test_validation_errors_reshow_the_form(fx):
    reset(fx)
    c = admin_session(fx)
    page = get(fx, f'{LIST}/create?type=customer', c)
    tok = csrf(page)
    for form in ({}, {'customer': ''}, {'customer': 'abc'}, {'customer': '999999'}):
        r = post(fx, f'{LIST}/create?type=customer', dict(form, _token=tok), c)
        assert r.status == 200, r.status
        assert 'aria-invalid="true"' in r.text and 'alert-danger' in r.text
        assert 'entry_user_visible' in r.text
    # A project id offered as a customer is no customer either.
    r = post(fx, f'{LIST}/create?type=project', {'_token': tok, 'project': '424242',
                                                 'entry_rate_visible': '1'}, c)
    assert r.status == 200 and 'aria-invalid="true"' in r.text
    assert re.search(r'id="entry_rate_visible"[^>]*checked', r.text), 'input not kept'
    assert shares(fx) == []
    # No type: back to the list, as the plugin does.
    r = get(fx, f'{LIST}/create', c)
    assert r.status == 303 and r.headers['Location'].endswith(LIST)


def test_edit_share(fx):
    reset(fx)
    c = admin_session(fx)
    s = create(fx, c, 'project', project=str(fx.project_id), password='first pw')
    url = f'{LIST}/{s.id}/{s.key}'
    page = get(fx, url, c)
    assert page.status == 200
    assert 'value="__DO_NOT_CHANGE__"' in page.text and 'remove_password' in page.text
    tok = csrf(page)

    # Untouched password field: the hash stays; the flags change.
    r = post(fx, url, {'_token': tok, 'project': str(fx.project_id), 'password': '__DO_NOT_CHANGE__',
                       'record_merge_mode': 'MERGE_USE_LAST_OF_DAY', 'annual_chart_visible': '1',
                       'monthly_chart_visible': '1'}, c)
    assert r.status == 303 and r.headers['Location'].endswith(f'{LIST}?done=saved')
    t = shares(fx)[0]
    assert t.password == s.password and t.key == s.key
    assert t.merge == 'MERGE_USE_LAST_OF_DAY'
    assert t.flags == {f: f in ('annual_chart_visible', 'monthly_chart_visible') for f in FLAGS}

    # A new password.
    post(fx, url, {'_token': tok, 'project': str(fx.project_id), 'password': 'second pw'}, c)
    t2 = shares(fx)[0]
    assert t2.password.startswith('$argon2id$') and t2.password != s.password

    # "Remove the password", then a blank field on a share without one.
    post(fx, url, {'_token': tok, 'project': str(fx.project_id), 'password': '__DO_NOT_CHANGE__',
                   'remove_password': '1'}, c)
    assert shares(fx)[0].password == ''
    page = get(fx, url, c)
    assert '__DO_NOT_CHANGE__' not in page.text and 'remove_password' not in page.text

    # Blank field = no password.
    post(fx, url, {'_token': tok, 'project': str(fx.project_id), 'password': 'third pw'}, c)
    assert shares(fx)[0].password != ''
    post(fx, url, {'_token': tok, 'project': str(fx.project_id), 'password': ''}, c)
    assert shares(fx)[0].password == ''


def test_edit_with_wrong_key_or_id_is_404(fx):
    reset(fx)
    c = admin_session(fx)
    s = create(fx, c, 'customer', customer=str(fx.customer_id))
    other = s.key[:-1] + ('A' if s.key[-1] != 'A' else 'B')
    assert get(fx, f'{LIST}/{s.id}/{other}', c).status == 404
    assert get(fx, f'{LIST}/{s.id}/{s.key.swapcase()}', c).status == 404
    assert get(fx, f'{LIST}/{s.id + 1000}/{s.key}', c).status == 404


def test_delete_needs_confirmation_and_post(fx):
    reset(fx)
    c = admin_session(fx)
    s = create(fx, c, 'customer', customer=str(fx.customer_id))
    url = f'{LIST}/{s.id}/{s.key}/delete'
    page = get(fx, url, c)
    assert page.status == 200 and 'method="post"' in page.text
    assert len(shares(fx)) == 1, 'a GET deleted the share'
    r = post(fx, url, {'_token': csrf(page)}, c)
    assert r.status == 303 and r.headers['Location'].endswith(f'{LIST}?done=deleted')
    assert shares(fx) == []
    assert fx.n.get(f'/en/auth/customer-portal/{s.key}').status == 404


def test_list_order_and_content(fx):
    reset(fx)
    c = admin_session(fx)
    p2 = int(val(fx, f'SELECT MAX(id) FROM kimai2_projects WHERE customer_id = {fx.customer_id}'))
    a = create(fx, c, 'project', project=str(p2), password='x-longer')
    b = create(fx, c, 'customer', customer=str(fx.customer_id))
    d = create(fx, c, 'project', project=str(fx.project_id), record_merge_mode='MERGE')
    r = get(fx, LIST, c)
    assert r.status == 200
    # As the plugin: project name, customer name, key (NULL project names first).
    rows = sql(fx, 'SELECT s.share_key FROM kimai2_customer_portals s LEFT JOIN kimai2_projects '
                   'p ON p.id = s.project_id LEFT JOIN kimai2_customers c ON c.id = s.customer_id '
                   'ORDER BY p.name, c.name, s.share_key')
    order = [row[0] for row in rows]
    pos = [r.text.index(f'customer-portal/{k}"') for k in order]
    assert pos == sorted(pos), order
    assert {a.key, b.key, d.key} == set(order)
    for k in order:
        # Full URLs (Debian's fastcgi_params passes the host without the port).
        assert re.search(rf'value="http://127\.0\.0\.1(:{fx.n.port})?/en/auth/customer-portal/{k}"',
                         r.text), k
    assert 'data-copy=' in r.text, r.text
    assert '<script src="/customer-portal/static/admin.' in r.text, r.text


def test_csrf_failures_change_nothing(fx):
    reset(fx)
    c = admin_session(fx)
    s = create(fx, c, 'customer', customer=str(fx.customer_id))
    other = admin_session(fx)
    other_tok = csrf(get(fx, f'{LIST}/create?type=customer', other))
    tok = csrf(get(fx, f'{LIST}/create?type=customer', c))
    assert tok != other_tok
    before = shares(fx)
    edit = f'{LIST}/{s.id}/{s.key}'
    for bad in (None, '', 'x', tok[:-1], tok[:-1] + ('0' if tok[-1] != '0' else '1'),
                other_tok, tok.upper()):
        form = {'customer': str(fx.customer_id), 'entry_rate_visible': '1'}
        if bad is not None:
            form['_token'] = bad
        for path in (f'{LIST}/create?type=customer', edit, edit + '/delete'):
            r = post(fx, path, form, c)
            assert r.status == 400, (path, bad, r.status)
    assert shares(fx) == before
    # The right token still works afterwards.
    r = post(fx, edit + '/delete', {'_token': tok}, c)
    assert r.status == 303 and shares(fx) == []


def test_logged_out_post_is_refused(fx):
    reset(fx)
    c = admin_session(fx)
    tok = csrf(get(fx, f'{LIST}/create?type=customer', c))
    sql(fx, f"DELETE FROM kimai2_sessions WHERE id = '{c['KIMAI_SESSION']}'")
    r = post(fx, f'{LIST}/create?type=customer', {'_token': tok, 'customer': str(fx.customer_id)}, c)
    assert r.status == 403 and shares(fx) == []


# --------------------------------------------------------------------------------------
# Kimai's teams

def test_team_lead_sees_only_team_entities(fx):
    reset(fx)
    sql(fx, "DELETE FROM kimai2_projects WHERE name LIKE 'Team %';"
            " DELETE FROM kimai2_customers WHERE name LIKE 'Team %';"
            " DELETE FROM kimai2_teams WHERE name LIKE 'T-%';"
            " DELETE FROM kimai2_users WHERE id = 30;")
    sql(fx, "INSERT INTO kimai2_teams (name) VALUES ('T-mine'), ('T-other')")
    mine = int(val(fx, "SELECT id FROM kimai2_teams WHERE name = 'T-mine'"))
    theirs = int(val(fx, "SELECT id FROM kimai2_teams WHERE name = 'T-other'"))
    cust = {}
    for name in ('Team Mine', 'Team Theirs', 'Team Open'):
        sql(fx, f"INSERT INTO kimai2_customers (name, visible, country, currency, timezone) "
                f"VALUES ('{name}', 1, 'DE', 'EUR', 'Europe/Berlin')")
        cust[name] = int(val(fx, f"SELECT id FROM kimai2_customers WHERE name = '{name}'"))
    proj = {}
    for name, cname in (('Team P-mine', 'Team Mine'), ('Team P-theirs', 'Team Theirs'),
                        ('Team P-open', 'Team Open'), ('Team P-locked', 'Team Open')):
        sql(fx, f"INSERT INTO kimai2_projects (customer_id, name, visible) "
                f"VALUES ({cust[cname]}, '{name}', 1)")
        proj[name] = int(val(fx, f"SELECT id FROM kimai2_projects WHERE name = '{name}'"))
    sql(fx, f"INSERT INTO kimai2_customers_teams (customer_id, team_id) VALUES "
            f"({cust['Team Mine']}, {mine}), ({cust['Team Theirs']}, {theirs});"
            f" INSERT INTO kimai2_projects_teams (project_id, team_id) VALUES "
            f"({proj['Team P-locked']}, {theirs});")
    # A team lead of T-mine, granted customer_portal by a row.
    sql(fx, f"INSERT INTO kimai2_users (id, username, email, password, enabled, roles) VALUES "
            f"(30, 'lead', 'lead@example.com', '{DUMP_HASH}', 1, "
            f"'a:1:{{i:0;s:13:\"ROLE_TEAMLEAD\";}}');"
            f" INSERT INTO kimai2_users_teams (user_id, team_id, teamlead) VALUES (30, {mine}, 1);"
            f" INSERT INTO kimai2_roles_permissions (role_id, permission, allowed) SELECT id, "
            f"'customer_portal', 1 FROM kimai2_roles WHERE name = 'ROLE_TEAMLEAD'")
    lead = new_session(fx, form_login_payload(30, 'lead', DUMP_HASH))
    admin = admin_session(fx)

    page = get(fx, f'{LIST}/create?type=customer', lead)
    assert page.status == 200
    assert 'Team Mine' in page.text
    # Team Open's project Team P-locked is T-other's: its customer share would show
    # that project's records (test_customer_share_needs_every_project_visible).
    assert 'Team Theirs' not in page.text and 'Team Open' not in page.text
    page = get(fx, f'{LIST}/create?type=project', lead)
    assert 'Team P-mine' in page.text and 'Team P-open' in page.text
    assert 'Team P-theirs' not in page.text and 'Team P-locked' not in page.text
    # The super admin sees everything.
    page = get(fx, f'{LIST}/create?type=project', admin)
    assert all(p in page.text for p in proj), page.text

    # A forged choice is a validation error, nothing saved.
    tok = csrf(get(fx, f'{LIST}/create?type=project', lead))
    r = post(fx, f'{LIST}/create?type=project', {'_token': tok, 'project': str(proj['Team P-locked'])},
             lead)
    assert r.status == 200 and 'aria-invalid="true"' in r.text and shares(fx) == []
    s_mine = create(fx, lead, 'project', project=str(proj['Team P-mine']))
    s_theirs = create(fx, admin, 'customer', customer=str(cust['Team Theirs']))

    # The list and the edit/delete pages follow the same rule.
    r = get(fx, LIST, lead)
    assert s_mine.key in r.text and s_theirs.key not in r.text
    assert get(fx, f'{LIST}/{s_theirs.id}/{s_theirs.key}', lead).status == 404
    assert get(fx, f'{LIST}/{s_theirs.id}/{s_theirs.key}/delete', lead).status == 404
    r = post(fx, f'{LIST}/{s_theirs.id}/{s_theirs.key}/delete', {'_token': tok}, lead)
    assert r.status == 404 and len(shares(fx)) == 2
    r = get(fx, LIST, admin)
    assert s_mine.key in r.text and s_theirs.key in r.text
    # Granted view_all_data, the team lead sees all.
    sql(fx, "INSERT INTO kimai2_roles_permissions (role_id, permission, allowed) SELECT id, "
            "'view_all_data', 1 FROM kimai2_roles WHERE name = 'ROLE_TEAMLEAD'")
    assert s_theirs.key in get(fx, LIST, lead).text


def test_admin_pages_escape_names(fx):
    reset(fx)
    sql(fx, "UPDATE kimai2_customers SET name = '<b>Acme & \"Co\"</b>' "
            f"WHERE id = {fx.customer_id}")
    try:
        c = admin_session(fx)
        create(fx, c, 'customer', customer=str(fx.customer_id))
        for path in (LIST, f'{LIST}/create?type=customer', f'{LIST}/create?type=project'):
            r = get(fx, path, c)
            assert '<b>Acme' not in r.text, path
            assert '&lt;b&gt;Acme &amp; &quot;Co&quot;&lt;/b&gt;' in r.text, path
    finally:
        sql(fx, f"UPDATE kimai2_customers SET name = 'Acme1' WHERE id = {fx.customer_id}")


# --------------------------------------------------------------------------------------
# issue 17: attacks on the running portal

def test_customer_share_needs_every_project_visible(fx):
    """A customer share shows all of the customer's projects: a team lead without
    view_all_data who may not see one of them may not see the share either."""
    reset(fx)
    sql(fx, "DELETE FROM kimai2_projects WHERE name LIKE 'Vis %';"
            " DELETE FROM kimai2_customers WHERE name LIKE 'Vis %';"
            " DELETE FROM kimai2_teams WHERE name LIKE 'V-%';"
            " DELETE FROM kimai2_users WHERE id = 31;")
    sql(fx, "INSERT INTO kimai2_teams (name) VALUES ('V-mine'), ('V-other')")
    mine = int(val(fx, "SELECT id FROM kimai2_teams WHERE name = 'V-mine'"))
    theirs = int(val(fx, "SELECT id FROM kimai2_teams WHERE name = 'V-other'"))
    cust = {}
    for name in ('Vis Mixed', 'Vis Clear'):
        sql(fx, f"INSERT INTO kimai2_customers (name, visible, country, currency, timezone) "
                f"VALUES ('{name}', 1, 'DE', 'EUR', 'Europe/Berlin')")
        cust[name] = int(val(fx, f"SELECT id FROM kimai2_customers WHERE name = '{name}'"))
    proj = {}
    for name, cname, visible in (('Vis P-open', 'Vis Mixed', 1), ('Vis P-secret', 'Vis Mixed', 1),
                                 ('Vis P-clear', 'Vis Clear', 1),
                                 ('Vis P-hidden', 'Vis Clear', 0)):
        sql(fx, f"INSERT INTO kimai2_projects (customer_id, name, visible) "
                f"VALUES ({cust[cname]}, '{name}', {visible})")
        proj[name] = int(val(fx, f"SELECT id FROM kimai2_projects WHERE name = '{name}'"))
    # The customer is the lead's team's; one of its projects is another team's only.
    sql(fx, f"INSERT INTO kimai2_customers_teams (customer_id, team_id) VALUES "
            f"({cust['Vis Mixed']}, {mine}), ({cust['Vis Clear']}, {mine});"
            f" INSERT INTO kimai2_projects_teams (project_id, team_id) VALUES "
            f"({proj['Vis P-secret']}, {theirs}), ({proj['Vis P-hidden']}, {mine});")
    sql(fx, f"INSERT INTO kimai2_users (id, username, email, password, enabled, roles) VALUES "
            f"(31, 'lead2', 'lead2@example.com', '{DUMP_HASH}', 1, "
            f"'a:1:{{i:0;s:13:\"ROLE_TEAMLEAD\";}}');"
            f" INSERT INTO kimai2_users_teams (user_id, team_id, teamlead) VALUES (31, {mine}, 1);"
            f" INSERT INTO kimai2_roles_permissions (role_id, permission, allowed) SELECT id, "
            f"'customer_portal', 1 FROM kimai2_roles WHERE name = 'ROLE_TEAMLEAD'")
    lead = new_session(fx, form_login_payload(31, 'lead2', DUMP_HASH))
    admin = admin_session(fx)
    # The super admin shares both customers.
    mixed = create(fx, admin, 'customer', customer=str(cust['Vis Mixed']))
    clear = create(fx, admin, 'customer', customer=str(cust['Vis Clear']))

    # The chooser offers only the customer whose every project the lead sees (hidden
    # projects count: the share shows their records too).
    page = get(fx, f'{LIST}/create?type=customer', lead)
    assert page.status == 200
    assert 'Vis Clear' in page.text and 'Vis Mixed' not in page.text
    # The lead still sees the project they may see, and may share it.
    page = get(fx, f'{LIST}/create?type=project', lead)
    assert 'Vis P-open' in page.text and 'Vis P-secret' not in page.text

    # The list: only the share of the customer with no project hidden from the lead.
    r = get(fx, LIST, lead)
    assert clear.key in r.text and mixed.key not in r.text
    # Every URL of the other share is a 404, for GET and POST alike.
    tok = csrf(get(fx, f'{LIST}/create?type=customer', lead))
    base = f'{LIST}/{mixed.id}/{mixed.key}'
    for path in (base, base + '/delete', base + '/rotate'):
        assert get(fx, path, lead).status == 404, path
        r = post(fx, path, {'_token': tok, 'customer': str(cust['Vis Mixed']),
                            'entry_rate_visible': '1'}, lead)
        assert r.status == 404, (path, r.status)
    # Creating one: a validation error, nothing saved.
    before = shares(fx)
    r = post(fx, f'{LIST}/create?type=customer', {'_token': tok,
                                                   'customer': str(cust['Vis Mixed'])}, lead)
    assert r.status == 200 and 'aria-invalid="true"' in r.text
    assert shares(fx) == before
    # Moving the other share's customer onto a share the lead manages: refused too.
    r = post(fx, f'{LIST}/{clear.id}/{clear.key}', {'_token': tok,
                                                    'customer': str(cust['Vis Mixed'])}, lead)
    assert r.status == 200 and 'aria-invalid="true"' in r.text
    assert shares(fx) == before
    # The lead's own share works: edit, then create one for the clear customer.
    r = post(fx, f'{LIST}/{clear.id}/{clear.key}', {'_token': tok,
                                                    'customer': str(cust['Vis Clear']),
                                                    'entry_user_visible': '1'}, lead)
    assert r.status == 303, r.status
    create(fx, lead, 'customer', customer=str(cust['Vis Clear']))
    # Once the lead's team may see the project too, the share is theirs to manage.
    sql(fx, f"INSERT INTO kimai2_projects_teams (project_id, team_id) VALUES "
            f"({proj['Vis P-secret']}, {mine})")
    assert mixed.key in get(fx, LIST, lead).text
    assert get(fx, base, lead).status == 200
    # view_all_data sees everything, as before.
    sql(fx, f"DELETE FROM kimai2_projects_teams WHERE project_id = {proj['Vis P-secret']}"
            f" AND team_id = {mine};"
            " INSERT INTO kimai2_roles_permissions (role_id, permission, allowed) SELECT id, "
            "'view_all_data', 1 FROM kimai2_roles WHERE name = 'ROLE_TEAMLEAD'")
    assert mixed.key in get(fx, LIST, lead).text


def test_cross_site_admin_posts_are_refused(fx):
    reset(fx)
    c = admin_session(fx)
    s = create(fx, c, 'customer', customer=str(fx.customer_id))
    tok = csrf(get(fx, f'{LIST}/create?type=customer', c))
    before = shares(fx)
    edit = f'{LIST}/{s.id}/{s.key}'
    form = {'_token': tok, 'customer': str(fx.customer_id), 'entry_rate_visible': '1'}
    h = {'Content-Type': 'application/x-www-form-urlencoded'}
    for extra in ({'Origin': 'https://evil.example'}, {'Sec-Fetch-Site': 'cross-site'},
                  {'Origin': 'null', 'Sec-Fetch-Site': 'cross-site'}):
        for path in (f'{LIST}/create?type=customer', edit, edit + '/delete',
                     edit + '/rotate'):
            # A valid session and a valid CSRF token: still refused.
            r = fx.n.post(path, form, headers=extra, cookies=c)
            assert r.status == 403, (path, extra, r.status)
            assert 'alert' in r.text or 'error' in r.text
    assert shares(fx) == before
    # From the admin's own pages it works as before.
    r = fx.n.post(edit, form, headers={'Origin': fx.n.base_url, 'Sec-Fetch-Site': 'same-origin'},
                  cookies=c)
    assert r.status == 303, r.status
    assert shares(fx)[0].flags['entry_rate_visible']


def test_new_share_passwords_need_8_characters(fx):
    reset(fx)
    c = admin_session(fx)
    page = get(fx, f'{LIST}/create?type=project', c)
    tok = csrf(page)
    for short in ('a', '1234567', 'sieben7', 'äöüßéèà'):
        r = post(fx, f'{LIST}/create?type=project', {'_token': tok, 'project': str(fx.project_id),
                                                     'password': short}, c)
        assert r.status == 200, (short, r.status)
        assert 'id="password-error"' in r.text and 'at least 8 characters' in r.text
        assert re.search(r'<input[^>]*id="password"[^>]*aria-invalid="true"', r.text)
    assert shares(fx) == []
    # Eight characters (not bytes) are enough.
    s = create(fx, c, 'project', project=str(fx.project_id), password='äöüßéèàñ')
    assert s.password.startswith('$argon2id$')
    # An existing short password is kept when the form leaves it untouched...
    sql(fx, f"UPDATE kimai2_customer_portals SET password = '{DUMP_HASH}' WHERE id = {s.id}")
    url = f'{LIST}/{s.id}/{s.key}'
    r = post(fx, url, {'_token': tok, 'project': str(fx.project_id),
                       'password': '__DO_NOT_CHANGE__', 'entry_user_visible': '1'}, c)
    assert r.status == 303 and shares(fx)[0].password == DUMP_HASH
    # ... but a new short one is refused on edit too.
    r = post(fx, url, {'_token': tok, 'project': str(fx.project_id), 'password': 'short'}, c)
    assert r.status == 200 and 'id="password-error"' in r.text
    assert shares(fx)[0].password == DUMP_HASH
    # German form, German message.
    r = post(fx, url.replace('/en/', '/de/'), {'_token': tok, 'project': str(fx.project_id),
                                               'password': 'kurz'}, c)
    assert r.status == 200 and 'mindestens 8 Zeichen' in r.text


def test_customer_form_notes_budget_figures(fx):
    reset(fx)
    c = admin_session(fx)
    page = get(fx, f'{LIST}/create?type=customer', c)
    assert 'id="budget-stats-note"' in page.text and 'hidden ones too' in page.text
    page = get(fx, f'{LIST}/create?type=project', c)
    assert 'budget-stats-note' not in page.text
