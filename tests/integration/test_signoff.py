"""Client sign-off of a month (docs/signoff.md) end to end through nginx on a real Kimai
database (kimai-2.45-rates.sql plus the generated customer "Gen GmbH" of test_share.py,
Europe/Berlin): the option (admin form, `portal share`), the form on the month page, the
stored record and its fingerprint, "confirmed" and "changed", confirming again, the admin
list and share page, withdrawing, the CSV's closing rows, and the safety rules
(same-origin POSTs, throttle, bounds, escaping, 404s, key rotation, password changes,
deletion with the share).

April 2026 of the customer share: 9 records, 48600 s = 13:30, billable money 685.00."""

import datetime
import re

from . import common
from .test_admin import DUMP_HASH, csrf, form_login_payload, new_session
from .test_extras import (ALPHA, GEN, LIST, client, csv_rows, get, path, run_cli, settings,
                          share_id, share_key, sql, val)
from .test_share import GEN_DATA, GEN_RECORDS, add_share, timesheet_insert
from .test_unlock import bcrypt, cookie_of

FP_RE = re.compile(r'name="signoff-fp" value="([0-9a-f]{64})"')
STATE_RE = re.compile(r'<section class="card signoff" id="signoff" data-signoff-state="(\w+)"')
APRIL = 'year=2026&month=4'


def setup(env):
    fx = common.installed_kimai(env)
    m = fx.m
    m.sql(fx.db, GEN_DATA + timesheet_insert(GEN_RECORDS, 'Europe/Berlin'))
    return common.start_portal(env, fx)


# --------------------------------------------------------------------------------------
# helpers

def signoff_share(fx, **kw):
    """A customer share of Gen GmbH with the option on; returns (id, key)."""
    key = add_share(fx.m, fx.db, customer=GEN, **kw)
    sid = share_id(fx, key)
    r = run_cli(fx, 'sign-off', str(sid), 'on')
    assert r.returncode == 0 and r.stdout == f'share {sid}: sign-off on\n', (r.stdout, r.stderr)
    return sid, key


def same_origin(fx, hdrs=None):
    h = {'Origin': fx.n.base_url, 'Sec-Fetch-Site': 'same-origin'}
    h.update(hdrs or {})
    return h


def state(text):
    m = STATE_RE.search(text)
    return m.group(1) if m else None


def fingerprint(text):
    m = FP_RE.search(text)
    assert m, 'no sign-off form on the page'
    return m.group(1)


def sign(fx, key, name='Dana Client', comment='', query=APRIL, fp=None, hdrs=None, cookies=None):
    """Posts the form of the month page as a browser would (the fingerprint it shows)."""
    hdrs = hdrs or client()
    if fp is None:
        fp = fingerprint(get(fx, key, query, headers=hdrs, cookies=cookies).text)
    return fx.n.post(path(key, '/signoff') + '?' + query,
                     {'signoff-name': name, 'signoff-comment': comment, 'signoff-fp': fp},
                     headers=same_origin(fx, hdrs), cookies=cookies)


def rows(fx, sid):
    return sql(fx, 'SELECT id, year, month, signer_name, comment, client_net, total_duration,'
                   ' ROUND(total_money, 2), record_count, fingerprint, withdrawn_at,'
                   f' withdrawn_by FROM kimai2_customer_portals_signoffs WHERE share_id = {sid}'
                   ' ORDER BY id')


def admin(fx):
    return new_session(fx, form_login_payload(1, 'admin', DUMP_HASH))


# --------------------------------------------------------------------------------------
# the option

def test_without_the_option_there_is_no_form_and_no_signoff(fx):
    key = add_share(fx.m, fx.db, customer=GEN)
    page = get(fx, key, APRIL)
    assert page.status == 200 and 'data-signoff-state' not in page.text
    r = sign(fx, key, fp='0' * 64)
    assert r.status == 404, r.status
    assert val(fx, 'SELECT COUNT(*) FROM kimai2_customer_portals_signoffs'
                   f' WHERE share_id = {share_id(fx, key)}') == '0'


def test_option_from_the_admin_form_and_the_command_line(fx):
    c = admin(fx)
    page = fx.n.get(f'{LIST}/create?type=customer', cookies=c)
    assert page.status == 200 and 'name="sign_off"' in page.text
    r = fx.n.post(f'{LIST}/create?type=customer', {
        '_token': csrf(page), 'customer': str(GEN), 'record_merge_mode': 'NONE',
        'sign_off': '1'}, cookies=c)
    assert r.status == 303, (r.status, r.text[:300])
    sid = int(val(fx, 'SELECT MAX(id) FROM kimai2_customer_portals'))
    assert val(fx, 'SELECT COUNT(*) FROM kimai2_customer_portals_signoff_shares'
                   f' WHERE share_id = {sid}') == '1'
    key = share_key(fx, sid)
    form = fx.n.get(f'{LIST}/{sid}/{key}', cookies=c)
    assert re.search(r'name="sign_off" value="1" checked', form.text)
    # Saving the form without the box turns the option off.
    r = fx.n.post(f'{LIST}/{sid}/{key}', {'_token': csrf(form), 'customer': str(GEN),
                                          'record_merge_mode': 'NONE'}, cookies=c)
    assert r.status == 303
    assert val(fx, 'SELECT COUNT(*) FROM kimai2_customer_portals_signoff_shares'
                   f' WHERE share_id = {sid}') == '0'
    # The plugin's table has no new column.
    cols = sql(fx, "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA ="
                   " DATABASE() AND TABLE_NAME = 'kimai2_customer_portals'")
    assert len(cols) == 12, cols

    # The command line: create --sign-off, list shows it among the options.
    r = run_cli(fx, 'create', '--customer', str(GEN), '--show-user', '--sign-off')
    assert r.returncode == 0, r.stderr
    new = r.stdout.split('\t')[0]
    line = [ln for ln in run_cli(fx, 'list').stdout.splitlines() if ln.startswith(new + '\t')][0]
    assert line.split('\t')[5] == 'show-user,sign-off', line
    r = run_cli(fx, 'sign-off', new, 'off')
    assert r.returncode == 0 and r.stdout == f'share {new}: sign-off off\n'
    line = [ln for ln in run_cli(fx, 'list').stdout.splitlines() if ln.startswith(new + '\t')][0]
    assert line.split('\t')[5] == 'show-user', line
    assert run_cli(fx, 'sign-off', new, 'maybe').returncode == 2


# --------------------------------------------------------------------------------------
# the whole flow

def test_confirm_change_confirm_again_withdraw(fx):
    sid, key = signoff_share(fx)
    hdrs = client()
    page = get(fx, key, APRIL, headers=hdrs)
    assert state(page.text) == 'none'
    assert 'Confirm these hours' in page.text and 'name="signoff-name"' in page.text
    assert f'action="/en/auth/customer-portal/{key}/signoff?year=2026&amp;month=4"' in page.text

    r = sign(fx, key, 'Dana Client', 'Looks right.', hdrs=hdrs)
    assert r.status == 303, (r.status, r.text[:300])
    assert r.headers['Location'] == \
        f'/en/auth/customer-portal/{key}?year=2026&month=4&signoff=confirmed#signoff'
    (row,) = rows(fx, sid)
    assert row[1:9] == ['2026', '4', 'Dana Client', 'Looks right.',
                        hdrs['X-Forwarded-For'].rsplit('.', 1)[0] + '.0/24', '48600', '685.00',
                        '9'], row
    assert re.fullmatch(r'[0-9a-f]{64}', row[9]) and row[10] == 'NULL'

    page = get(fx, key, APRIL + '&signoff=confirmed', headers=hdrs)
    assert state(page.text) == 'confirmed'
    today = datetime.datetime.now(datetime.timezone.utc)
    assert 'Confirmed by Dana Client on ' in page.text
    assert 'The hours of this month are confirmed.' in page.text
    assert 'data-duration="48600">13:30<' in page.text and 'data-money="685.00"' in page.text
    assert row[9] in page.text
    assert 'name="signoff-name"' not in page.text      # confirmed, unchanged: no form
    assert 'kept until the share is deleted' in page.text
    # The CSV carries the sign-off in its closing rows.
    data = csv_rows(get(fx, key, APRIL, sub='/csv', headers=hdrs))
    assert data[-5] == []
    assert data[-4] == ['Client sign-off', 'confirmed']
    assert data[-3] == ['Confirmed by', 'Dana Client']
    assert data[-2][0] == 'Confirmed on' and data[-2][1].startswith(today.strftime('%Y-'))
    assert data[-1] == ['Fingerprint', row[9]]

    # A record changes in Kimai: the page says so, with the totals then and now.
    sql(fx, 'UPDATE kimai2_timesheet SET duration = 7200, end_time = end_time + INTERVAL'
            ' 3600 SECOND, rate = 120 WHERE id = 506')
    try:
        page = get(fx, key, APRIL, headers=hdrs)
        assert state(page.text) == 'changed'
        assert 'Changed since confirmation.' in page.text
        then = page.text.index('class="signoff-then"')
        now = page.text.index('class="signoff-now"')
        assert page.text.index('data-duration="48600"', then) < now
        assert page.text.index('data-duration="52200"', now) > now
        assert 'data-money="745.00"' in page.text
        assert 'name="signoff-name"' in page.text        # may be confirmed again
        assert get(fx, key, APRIL, sub='/csv', headers=hdrs).text.rstrip().splitlines()[-4] \
            .endswith('changed')
        # Confirming again makes a new sign-off; the old one is kept.
        r = sign(fx, key, 'Dana Client', hdrs=hdrs)
        assert r.status == 303
        first, second = rows(fx, sid)
        assert first[9] == row[9] and second[9] != row[9] and second[6] == '52200'
        assert state(get(fx, key, APRIL, headers=hdrs).text) == 'confirmed'
        # Posting the same again stores nothing more.
        r = sign(fx, key, 'Dana Client', fp=second[9], hdrs=hdrs)
        assert r.status == 303 and len(rows(fx, sid)) == 2
    finally:
        sql(fx, 'UPDATE kimai2_timesheet SET duration = 3600, end_time = end_time - INTERVAL'
                ' 3600 SECOND, rate = 60 WHERE id = 506')

    # The admin sees the last sign-off of the month in the list and on the share's page.
    c = admin(fx)
    lst = fx.n.get(LIST, cookies=c)
    assert re.search(r'data-month="2026-04" data-signoff-state="changed">April 2026: Dana Client,',
                     lst.text), 'no sign-off in the list'
    edit = fx.n.get(f'{LIST}/{sid}/{key}', cookies=c)
    m = re.search(r'<tr data-signoff-id="(\d+)" data-signoff-state="(\w+)" data-month="2026-04">',
                  edit.text)
    assert m and m.group(1) == second[0] and m.group(2) == 'changed', edit.text[-3000:]

    # Withdrawing: CSRF and same origin, kept with who and when.
    url = f'{LIST}/{sid}/{key}/withdraw'
    r = fx.n.post(url, {'_token': '0' * 64, 'signoff_id': second[0]}, cookies=c)
    assert r.status == 400
    r = fx.n.post(url, {'_token': csrf(edit), 'signoff_id': second[0]}, cookies=c,
                  headers={'Origin': 'https://evil.example'})
    assert r.status == 403
    assert rows(fx, sid)[1][10] == 'NULL'
    r = fx.n.post(url, {'_token': csrf(edit), 'signoff_id': second[0]}, cookies=c,
                  headers={'Origin': fx.n.base_url})
    assert r.status == 303 and r.headers['Location'].endswith('?signoff=withdrawn#signoffs')
    first, second = rows(fx, sid)
    assert second[10] != 'NULL' and second[11] == 'admin', second
    assert first[10] == 'NULL'
    # Withdrawn twice: nothing to withdraw.
    assert fx.n.post(url, {'_token': csrf(edit), 'signoff_id': second[0]},
                     cookies=c).status == 404
    edit = fx.n.get(f'{LIST}/{sid}/{key}?signoff=withdrawn', cookies=c)
    assert 'The sign-off was withdrawn.' in edit.text and 'Withdrawn by admin on ' in edit.text
    # The client's page falls back to the older sign-off, which matches the restored record.
    assert state(get(fx, key, APRIL, headers=hdrs).text) == 'confirmed'

    # `portal share signoffs ID|KEY`, tab-separated, oldest first.
    for arg in (str(sid), key):
        r = run_cli(fx, 'signoffs', arg)
        assert r.returncode == 0, r.stderr
        lines = [ln.split('\t') for ln in r.stdout.splitlines()]
        assert [ln[0] for ln in lines] == [first[0], second[0]]
        assert lines[0][1:4] == ['2026-04', 'confirmed', 'Dana Client']
        assert lines[1][2] == 'withdrawn' and lines[1][11] == 'admin'
        assert lines[0][6:9] == ['48600', '685.00', '9'] and lines[0][9] == first[9]
    assert run_cli(fx, 'signoffs', 'nope!').returncode == 2


# --------------------------------------------------------------------------------------
# safety

def test_cross_origin_posts_are_refused(fx):
    sid, key = signoff_share(fx)
    hdrs = client()
    fp = fingerprint(get(fx, key, APRIL, headers=hdrs).text)
    form = {'signoff-name': 'Mallory', 'signoff-fp': fp}
    for bad in ({'Origin': 'https://evil.example'}, {'Origin': 'null'},
                {'Origin': 'null', 'Sec-Fetch-Site': 'same-site'},
                {'Sec-Fetch-Site': 'cross-site'},
                {'Origin': fx.n.base_url, 'Sec-Fetch-Site': 'cross-site'}):
        r = fx.n.post(path(key, '/signoff') + '?' + APRIL, form, headers={**hdrs, **bad})
        assert r.status == 403, (bad, r.status)
    assert rows(fx, sid) == []
    # GET is not a way in.
    assert get(fx, key, APRIL, sub='/signoff').status == 405


def test_bounds_and_escaping(fx):
    sid, key = signoff_share(fx)
    hdrs = client()
    for name, comment in (('', ''), ('   ', ''), ('x' * 101, ''), ('Dana', 'c' * 1001),
                          ('Da\x01na', '')):
        r = sign(fx, key, name, comment, hdrs=hdrs)
        assert r.status == 303 and r.headers['Location'].endswith('&signoff=invalid#signoff'), \
            (name[:10], r.status)
    assert rows(fx, sid) == []
    assert fx.n.post(path(key, '/signoff') + '?' + APRIL, {'signoff-name': 'x' * 401},
                     headers=same_origin(fx, hdrs)).status == 400
    page = get(fx, key, APRIL + '&signoff=invalid', headers=hdrs)
    assert 'Please enter your name' in page.text
    # 100 characters of three bytes each are fine; markup is stored as text, shown escaped.
    assert sign(fx, key, '山' * 100, hdrs=hdrs).status == 303
    sql(fx, f'DELETE FROM kimai2_customer_portals_signoffs WHERE share_id = {sid}')
    evil = '<script>alert(1)</script> & "Dana"'
    assert sign(fx, key, evil, '<b>bold</b>\nsecond line', hdrs=hdrs).status == 303
    page = get(fx, key, APRIL, headers=hdrs)
    assert '<script>alert(1)' not in page.text and '&lt;script&gt;alert(1)&lt;/script&gt;' in page.text
    assert '&lt;b&gt;bold&lt;/b&gt;' in page.text
    c = admin(fx)
    for p in (LIST, f'{LIST}/{sid}/{key}'):
        t = fx.n.get(p, cookies=c).text
        assert '<script>alert(1)' not in t and '&lt;script&gt;' in t


def test_months_that_cannot_be_signed_off(fx):
    sid, key = signoff_share(fx)
    hdrs = client()
    fp = fingerprint(get(fx, key, APRIL, headers=hdrs).text)
    post = lambda q: fx.n.post(path(key, '/signoff') + q,  # noqa: E731
                               {'signoff-name': 'Dana', 'signoff-fp': fp},
                               headers=same_origin(fx, hdrs))
    # A month to come: no form, no sign-off.
    nxt = datetime.date.today().replace(day=1) + datetime.timedelta(days=40)
    q = f'year={nxt.year}&month={nxt.month}'
    assert 'data-signoff-state' in get(fx, key, q, headers=hdrs).text
    assert 'name="signoff-name"' not in get(fx, key, q, headers=hdrs).text
    assert post('?' + q).status == 404
    # The current month may be confirmed.
    now = datetime.date.today()
    assert 'name="signoff-name"' in get(fx, key, f'year={now.year}&month={now.month}',
                                          headers=hdrs).text
    # Outside the browse window: 404.
    settings(fx, sid, wfrom='2026-05-01')
    assert post('?' + APRIL).status == 404
    settings(fx, sid)
    # No month: bad request.  A project page of the customer share has no form.
    assert post('').status == 400
    assert 'data-signoff-state' not in get(fx, key, APRIL, sub=f'/p/{ALPHA}', headers=hdrs).text
    assert rows(fx, sid) == []


def test_stale_form_stores_nothing(fx):
    sid, key = signoff_share(fx)
    hdrs = client()
    fp = fingerprint(get(fx, key, APRIL, headers=hdrs).text)
    sql(fx, "UPDATE kimai2_timesheet SET description = 'Task two (fixed)' WHERE id = 502")
    try:
        r = sign(fx, key, fp=fp, hdrs=hdrs)
        assert r.status == 303 and r.headers['Location'].endswith('&signoff=stale#signoff')
        assert rows(fx, sid) == []
        assert 'changed while you were looking' in get(fx, key, APRIL + '&signoff=stale',
                                                       headers=hdrs).text
    finally:
        sql(fx, "UPDATE kimai2_timesheet SET description = 'Task two' WHERE id = 502")


def test_at_most_ten_signoffs_per_share_and_hour(fx):
    sid, key = signoff_share(fx)
    hdrs = client()
    for month in range(1, 11):
        r = sign(fx, key, query=f'year=2026&month={month}', hdrs=hdrs)
        assert r.status == 303 and r.headers['Location'].endswith('signoff=confirmed#signoff'), \
            (month, r.status)
    r = sign(fx, key, query='year=2026&month=11', hdrs=client())
    assert r.status == 429, r.status
    assert 0 < int(r.headers['Retry-After']) <= 3600
    assert 'Too many confirmations' in r.text
    assert len(rows(fx, sid)) == 10


def test_protected_share_rotation_and_password_change(fx):
    sid, key = signoff_share(fx)
    sql(fx, f"UPDATE kimai2_customer_portals SET password = '{bcrypt('so-pw')}' WHERE id = {sid}")
    hdrs = client()
    # Locked: the sign-off POST is refused and never counts as a password attempt.
    r = fx.n.post(path(key, '/signoff') + '?' + APRIL,
                  {'signoff-name': 'Dana', 'signoff-fp': '0' * 64, 'spt-password': 'so-pw'},
                  headers=same_origin(fx, hdrs))
    assert r.status == 403
    r = fx.n.post(path(key), {'spt-password': 'so-pw'}, headers=hdrs)
    assert r.status == 303
    jar = {f'portal_unlock_{sid}': cookie_of(r, sid)[0]}
    assert sign(fx, key, hdrs=hdrs, cookies=jar).status == 303
    (row,) = rows(fx, sid)
    # A new key: the sign-off stays with the share.
    r = run_cli(fx, 'rotate', str(sid))
    assert r.returncode == 0
    new = r.stdout.split('\t')[1]
    r = fx.n.post(path(new), {'spt-password': 'so-pw'}, headers=hdrs)
    jar = {f'portal_unlock_{sid}': cookie_of(r, sid)[0]}
    assert state(get(fx, new, APRIL, headers=hdrs, cookies=jar).text) == 'confirmed'
    # A new password: still there.
    r = run_cli(fx, 'set-password', str(sid), stdin='other-pw\n')
    assert r.returncode == 0
    r = fx.n.post(path(new), {'spt-password': 'other-pw'}, headers=hdrs)
    jar = {f'portal_unlock_{sid}': cookie_of(r, sid)[0]}
    page = get(fx, new, APRIL, headers=hdrs, cookies=jar)
    assert state(page.text) == 'confirmed' and row[9] in page.text


def test_only_deleting_the_share_deletes_its_signoffs(fx):
    sid, key = signoff_share(fx)
    assert sign(fx, key).status == 303
    c = admin(fx)
    confirm = fx.n.get(f'{LIST}/{sid}/{key}/delete', cookies=c)
    assert 'Its client sign-offs are deleted with it.' in confirm.text
    # Turning the option off keeps them.
    assert run_cli(fx, 'sign-off', str(sid), 'off').returncode == 0
    assert len(rows(fx, sid)) == 1
    assert get(fx, key, APRIL).status == 200 and \
        'data-signoff-state' not in get(fx, key, APRIL).text
    r = fx.n.post(f'{LIST}/{sid}/{key}/delete', {'_token': csrf(confirm)}, cookies=c)
    assert r.status == 303
    assert rows(fx, sid) == []
