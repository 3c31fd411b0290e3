"""A portal with something to show: the demo Kimai data, the demo shares, a logged-in Kimai
admin session, the portal and nginx in front of it.

Used by the HTML validity test (test_html.py) and by the browser suite (tests/browser/serve.py
starts it and hands its URLs to the browser tests).  Nothing here is a test itself.

The demo data lies in the three months up to today (tests/data/demo-data.sql); a few records
around the last new year are added so that month navigation across a year boundary lands on
months with data.
"""

import secrets
import time
import types

from . import harness

# Keys and password of tests/data/demo-shares.sql.
SHARES = {
    'project': 'DemoProjectShare0001',     # everything on, all-time budgets
    'customer': 'DemoCustomerShare001',    # customer with monthly budgets, several projects
    'merged': 'DemoMergedShare00001',      # merged per day, no rates
    'locked': 'DemoPasswordShare001',      # password below
    'tokyo': 'DemoTokyoShare000001',       # yen, Japanese names
}
LOCKED_PASSWORD = 'demo'

SESSION_PAYLOAD = harness.DATA / 'kimai-sessions' / 'a_form_login.bin'
SESSION_COOKIE = 'KIMAI_SESSION'
# Session ids as PHP makes them: 26 characters of [0-9a-v].
_SID_ALPHABET = '0123456789abcdefghijklmnopqrstuv'


def share_path(kind, lang='en'):
    return f'/{lang}/auth/customer-portal/{SHARES[kind]}'


def _sql_str(b):
    """A MariaDB string literal for arbitrary bytes (hex, so nothing needs escaping)."""
    return "X'" + b.hex() + "'"


def kimai_session(m, db, user_id=1, lifetime=3600):
    """Stores a logged-in Kimai session for `user_id` (a form login, as Kimai writes it) and
    returns its id, the value of the KIMAI_SESSION cookie.

    The payload is a real session of user 1 "admin"; its password hash is replaced by the
    user's current hash (both are 60-byte bcrypt strings, so the serialized lengths hold),
    because Kimai and the portal log a session out when the hash no longer matches."""
    payload = SESSION_PAYLOAD.read_bytes()
    start = payload.index(b's:60:"$2y$') + len(b's:60:"')
    old = payload[start:start + 60]
    new = m.value(db, f'SELECT password FROM kimai2_users WHERE id = {int(user_id)}').encode()
    assert len(new) == 60, f'user {user_id} has no 60-byte bcrypt hash'
    payload = payload.replace(old, new)
    sid = ''.join(secrets.choice(_SID_ALPHABET) for _ in range(26))
    m.sql(db, f'INSERT INTO kimai2_sessions (id, data, time, lifetime) VALUES '
              f"('{sid}', {_sql_str(payload)}, {int(time.time())}, {int(time.time()) + lifetime})")
    return sid


def add_new_year_records(m, db):
    """A handful of records on project 1 in the last December and the following January
    (local times in Europe/Berlin, stored in UTC as Kimai does)."""
    year = time.gmtime().tm_year - 1
    rows = [
        (f'{year}-12-15', '09:00', 3 * 3600, 'Design review of the new landing page'),
        (f'{year}-12-18', '13:30', 2 * 3600 + 1800, 'Accessibility fixes in the checkout'),
        (f'{year + 1}-01-08', '10:00', 4 * 3600, 'Kick-off for the second release'),
        (f'{year + 1}-01-12', '08:30', 1 * 3600 + 2700, 'Content migration, part 1'),
    ]
    values = []
    for day, hm, dur, desc in rows:
        local = f"'{day} {hm}:00'"
        start = f"CONVERT_TZ({local}, 'Europe/Berlin', '+00:00')"
        values.append(f"(2, 1, 1, {start}, {start} + INTERVAL {dur} SECOND, {dur}, '{desc}', "
                      f"{dur / 3600 * 95:.2f}, 95, 'Europe/Berlin', 1, 'work', '{day}', 0, NOW())")
    m.sql(db, 'INSERT INTO kimai2_timesheet (user, activity_id, project_id, start_time, end_time, '
              'duration, description, rate, hourly_rate, timezone, billable, category, date_tz, '
              'exported, modified_at) VALUES ' + ', '.join(values))
    return year


def start(env, workers=2):
    """Starts everything on the run's MariaDB; returns a namespace with m, db, portal, nginx,
    base (http://127.0.0.1:PORT), session (cookie value) and new_year (the year whose
    December has records)."""
    fx = types.SimpleNamespace(env=env, m=env.mariadb)
    fx.db = fx.m.demo_db()
    url = fx.m.url(fx.db)
    r = harness.run_install(url)
    assert r.returncode == 0, f'portal-install failed:\n{r.stdout}\n{r.stderr}'
    fx.m.load_dump(harness.DATA / 'demo-shares.sql', fx.db)
    fx.new_year = add_new_year_records(fx.m, fx.db)
    fx.session = kimai_session(fx.m, fx.db)
    fx.portal = env.portal(url, workers=workers)
    fx.nginx = env.nginx(fx.portal)
    fx.base = fx.nginx.base_url
    return fx
