"""The share options "show activity" and "show tags" (docs/design.md, "Share pages") end to
end through nginx on a real Kimai database (kimai-2.45-rates.sql plus the generated customer
"Gen GmbH" of test_share.py, Europe/Berlin): off by default with the page and the CSV byte
for byte as before, the activity column, the tags under the description (visible tags only),
merged lines listing each activity and tag once, the CSV columns with the formula guard,
escaping of hostile names, the admin form and `portal share` (create, update, list).

April 2026 of the customer: records 501 and 503 of user 60 on the 10th merge into one line."""

import html
import re

from . import common
from .test_admin import csrf
from .test_extras import GEN, LIST, admin, csv_rows, get, run_cli, share_id, share_key, sql, val
from .test_html import tidy_problems
from .test_share import GEN_DATA, GEN_RECORDS, Page, add_share, timesheet_insert

APRIL = 'year=2026&month=4'
EVIL_ACTIVITY = '<script>alert("act")</script> & \'Support\''
EVIL_TAG = '=cmd|<img src=x onerror=alert(1)>'

SQL_EVIL_ACTIVITY = "'" + EVIL_ACTIVITY.replace("'", "''") + "'"

# Activities and tags of the April records (the others keep activity 1, "Meeting").
DISPLAY_DATA = f"""
INSERT INTO kimai2_activities (id, project_id, name, visible)
  VALUES (70, NULL, {SQL_EVIL_ACTIVITY}, 1);
UPDATE kimai2_timesheet SET activity_id = 2 WHERE id = 501;
UPDATE kimai2_timesheet SET activity_id = 70 WHERE id = 503;
INSERT INTO kimai2_tags (id, name, color, visible) VALUES
  (80, 'urgent', NULL, 1), (81, 'backend', NULL, 1), (82, 'internal-only', NULL, 0),
  (83, '{EVIL_TAG}', NULL, 1);
INSERT INTO kimai2_timesheet_tags (timesheet_id, tag_id) VALUES
  (501, 80), (501, 81), (503, 81), (503, 82), (503, 83), (502, 80), (510, 80), (512, 81);
"""


def setup(env):
    fx = common.installed_kimai(env)
    m = fx.m
    m.sql(fx.db, GEN_DATA + timesheet_insert(GEN_RECORDS, 'Europe/Berlin') + DISPLAY_DATA)
    return common.start_portal(env, fx)


# --------------------------------------------------------------------------------------
# helpers

def display(fx, sid, activity, tags):
    sql(fx, 'INSERT INTO kimai2_customer_portals_display (share_id, show_activity, show_tags,'
            f' created_at, updated_at) VALUES ({sid}, {activity}, {tags}, UTC_TIMESTAMP(),'
            ' UTC_TIMESTAMP()) ON DUPLICATE KEY UPDATE show_activity = VALUES(show_activity),'
            ' show_tags = VALUES(show_tags)')


def share(fx, mode='NONE', activity=0, tags=0):
    """A customer share of Gen GmbH with users shown; returns its key."""
    key = add_share(fx.m, fx.db, customer=GEN, mode=mode)
    if activity or tags:
        display(fx, share_id(fx, key), activity, tags)
    return key


def page(fx, key, query=APRIL):
    r = get(fx, key, query)
    assert r.status == 200, (r.status, r.text[:500])
    return r


def csv_of(fx, key, query=APRIL):
    return csv_rows(get(fx, key, query, sub='/csv'))


def row_with(p, text):
    """The record row whose description cell contains `text`."""
    rows = [r for r in p.rows if any(text in c for c in r['cells'])]
    assert len(rows) == 1, (text, [r['cells'] for r in p.rows])
    return rows[0]


def headers(text):
    thead = re.search(r'<thead>(.*?)</thead>', text, re.S).group(1)
    return [html.unescape(h) for h in re.findall(r'<th scope="col"[^>]*>(.*?)</th>', thead)]


def tags_of(tr_html):
    """The tag chips of one row's markup, unescaped, in page order."""
    m = re.search(r'<div class="badges tags" role="list" aria-label="Tags">(.*?)</div>',
                  tr_html, re.S)
    if not m:
        return []
    return [html.unescape(t) for t in
            re.findall(r'<span class="badge tag" role="listitem" dir="auto">(.*?)</span>',
                       m.group(1))]


def tr_html(text, desc):
    """The raw markup of the record row whose description starts with `desc`."""
    for tr in re.findall(r'<tr class="record[^"]*"[^>]*>.*?</tr>', text, re.S):
        if f'<div class="desc">{desc}' in tr:
            return tr
    raise AssertionError(f'no row with description {desc!r}')


# --------------------------------------------------------------------------------------
# off by default

def test_off_by_default_page_and_csv_are_unchanged(fx):
    key = share(fx)
    sid = share_id(fx, key)
    assert val(fx, 'SELECT COUNT(*) FROM kimai2_customer_portals_display'
                   f' WHERE share_id = {sid}') == '0'
    before, before_csv = page(fx, key).body, get(fx, key, APRIL, sub='/csv').body
    assert b'class="activity"' not in before and b'badges tags' not in before
    assert b'Meeting' not in before and b'urgent' not in before
    assert b'Meeting' not in before_csv and b'urgent' not in before_csv
    # a stored row with both off, and both switched on and off again: the same bytes
    display(fx, sid, 0, 0)
    assert page(fx, key).body == before
    assert get(fx, key, APRIL, sub='/csv').body == before_csv
    r = run_cli(fx, 'update', str(sid), '--show-activity', '--show-tags')
    assert r.returncode == 0, r.stderr
    assert page(fx, key).body != before
    r = run_cli(fx, 'update', str(sid), '--no-show-activity', '--no-show-tags')
    assert r.returncode == 0, r.stderr
    assert page(fx, key).body == before
    assert get(fx, key, APRIL, sub='/csv').body == before_csv


# --------------------------------------------------------------------------------------
# the table

def test_activity_column(fx):
    key = share(fx, activity=1)
    r = page(fx, key)
    assert headers(r.text) == ['Date', 'User', 'Project', 'Activity', 'Description',
                               'Duration', 'Hourly rate', 'Total']
    p = Page(r.text)
    assert row_with(p, 'Task one A')['cells'][3] == 'Server config / programming'
    assert row_with(p, 'Task two')['cells'][3] == 'Meeting'
    assert row_with(p, 'Task one B')['cells'][3] == EVIL_ACTIVITY
    assert all(len(row['cells']) == 8 for row in p.rows)
    # the totals row spans the extra column
    assert '<th scope="row" colspan="5">' in r.text
    # no tags without their option
    assert 'badges tags' not in r.text and 'urgent' not in r.text


def test_tags_under_the_description_visible_only(fx):
    key = share(fx, tags=1)
    r = page(fx, key)
    assert 'Activity' not in headers(r.text)
    assert tags_of(tr_html(r.text, 'Task one A')) == ['backend', 'urgent']
    assert tags_of(tr_html(r.text, 'Task two')) == ['urgent']
    # 503: the hidden tag "internal-only" is left out
    assert tags_of(tr_html(r.text, 'Task one B')) == [EVIL_TAG, 'backend']
    assert 'internal-only' not in r.text
    # records without tags have no list; tags of records not shown (510 of a hidden
    # project, 512 of May) never appear
    assert tags_of(tr_html(r.text, 'Billable follow-up')) == []
    assert r.text.count('role="listitem"') == 5
    # the tags follow the description element, never inside it
    assert all('badge tag' not in d for d in Page(r.text).raw_descs)


def test_merged_lines_list_each_activity_and_tag_once(fx):
    key = share(fx, mode='MERGE', activity=1, tags=1)
    r = page(fx, key)
    tr = tr_html(r.text, 'Task one A')
    assert 'Task one A\nTask one B' in html.unescape(tr)
    # records in the order worked (501 then 503), each record's tags by name
    assert tags_of(tr) == ['backend', 'urgent', EVIL_TAG]
    p = Page(r.text)
    assert row_with(p, 'Task one A')['cells'][3] == \
        f'Server config / programming, {EVIL_ACTIVITY}'
    # one line for user 61 that day, with its own activity and tag
    assert row_with(p, 'Task two')['cells'][3] == 'Meeting'
    assert tags_of(tr_html(r.text, 'Task two')) == ['urgent']
    # first and last of day: the same distinct lists, one description
    for mode, desc in (('MERGE_USE_FIRST_OF_DAY', 'Task one A'),
                       ('MERGE_USE_LAST_OF_DAY', 'Task one B')):
        r = page(fx, share(fx, mode=mode, activity=1, tags=1))
        assert tags_of(tr_html(r.text, desc)) == ['backend', 'urgent', EVIL_TAG], mode
        assert row_with(Page(r.text), desc)['cells'][3] == \
            f'Server config / programming, {EVIL_ACTIVITY}', mode


def test_hostile_activity_and_tag_are_escaped(fx):
    key = share(fx, mode='MERGE', activity=1, tags=1)
    text = page(fx, key).text
    assert '<script>alert("act")' not in text and '<img src=x' not in text
    assert ('&lt;script&gt;alert(&quot;act&quot;)&lt;/script&gt; &amp; &#39;Support&#39;'
            in text)
    assert '=cmd|&lt;img src=x onerror=alert(1)&gt;' in text
    # the label of the tag list is escaped as well (English: plain "Tags")
    assert text.count('aria-label="Tags"') == text.count('class="badges tags"') > 0


def test_pages_with_activities_and_tags_are_valid_html(fx):
    for lang in ('en', 'ar'):
        for mode in ('NONE', 'MERGE'):
            r = fx.n.get(f'/{lang}/auth/customer-portal/{share(fx, mode, 1, 1)}?{APRIL}')
            assert r.status == 200
            bad = tidy_problems(r.text)
            assert not bad, f'{lang} {mode}: tidy reports\n    ' + '\n    '.join(bad)


# --------------------------------------------------------------------------------------
# the CSV

def test_csv_columns(fx):
    off = csv_of(fx, share(fx, mode='MERGE'))
    assert 'Activity' not in off[0] and 'Tags' not in off[0]
    rows = csv_of(fx, share(fx, mode='MERGE', activity=1, tags=1))
    head = rows[0]
    assert head[:6] == ['Date', 'User', 'Project', 'Activity', 'Description', 'Tags']
    assert head[6:] == off[0][4:]
    assert len(rows) == len(off)
    line = next(r for r in rows if r[4].startswith('Task one A'))
    # the activity cell starts with "S": no guard; the tags cell is joined with ", "
    assert line[3] == f'Server config / programming, {EVIL_ACTIVITY}'
    assert line[5] == f'backend, urgent, {EVIL_TAG}'
    # the rest of the line as without the options
    assert line[:3] + line[4:5] + line[6:] == \
        next(r for r in off if r[3].startswith('Task one A'))
    # the closing totals rows keep their figures under the same headings
    total = next(r for r in rows if r and r[0] == 'Billable total')
    off_total = next(r for r in off if r and r[0] == 'Billable total')
    assert len(total) == len(head)
    assert total[head.index('Hours (decimal)')] == off_total[off[0].index('Hours (decimal)')]
    assert total[:6] == ['Billable total', '', '', '', '', '']
    only_tags = csv_of(fx, share(fx, tags=1))
    assert only_tags[0][:5] == ['Date', 'User', 'Project', 'Description', 'Tags']
    evil = next(r for r in only_tags if r[3] == 'Task one B')
    # a cell starting with "=" gets the formula guard
    assert evil[4] == f"'{EVIL_TAG}, backend"


# --------------------------------------------------------------------------------------
# admin form and command line

def test_admin_form_saves_and_shows_both_options(fx):
    c = admin(fx)
    form = fx.n.get(f'{LIST}/create?type=customer', cookies=c)
    assert form.status == 200
    assert 'name="show_activity"' in form.text and 'name="show_tags"' in form.text
    assert 'id="show_activity" name="show_activity" value="1">' in form.text   # unchecked
    r = fx.n.post(f'{LIST}/create?type=customer', {
        '_token': csrf(form), 'customer': str(GEN), 'record_merge_mode': 'NONE',
        'entry_user_visible': '1', 'show_tags': '1'}, cookies=c)
    assert r.status == 303, (r.status, r.text[:300])
    sid = int(val(fx, 'SELECT MAX(id) FROM kimai2_customer_portals'))
    assert sql(fx, 'SELECT show_activity, show_tags FROM kimai2_customer_portals_display'
                   f' WHERE share_id = {sid}') == [['0', '1']]
    key = share_key(fx, sid)
    edit = fx.n.get(f'{LIST}/{sid}/{key}', cookies=c)
    assert edit.status == 200
    assert 'id="show_tags" name="show_tags" value="1" checked' in edit.text
    assert 'id="show_activity" name="show_activity" value="1">' in edit.text
    r = fx.n.post(f'{LIST}/{sid}/{key}', {
        '_token': csrf(edit), 'customer': str(GEN), 'record_merge_mode': 'NONE',
        'password': '', 'show_activity': '1'}, cookies=c)
    assert r.status == 303, (r.status, r.text[:300])
    assert sql(fx, 'SELECT show_activity, show_tags FROM kimai2_customer_portals_display'
                   f' WHERE share_id = {sid}') == [['1', '0']]
    assert 'Activity' in headers(page(fx, key).text)
    # the admin list shows the options among the share's others
    lst = fx.n.get(f'{LIST}?q={key}', cookies=c)
    assert lst.status == 200 and key in lst.text
    row = next(tr for tr in lst.text.split('<tr')[1:] if key in tr and 'actions-cell' in tr)
    assert '<span class="badge">Show activity</span>' in row, row
    assert 'Show tags</span>' not in row, row
    # deleting the share takes the row with it
    sql(fx, f'DELETE FROM kimai2_customer_portals WHERE id = {sid}')
    assert val(fx, 'SELECT COUNT(*) FROM kimai2_customer_portals_display'
                   f' WHERE share_id = {sid}') == '0'


def list_line(fx, sid):
    r = run_cli(fx, 'list')
    assert r.returncode == 0, r.stderr
    return next(ln.split('\t') for ln in r.stdout.splitlines() if ln.split('\t')[0] == str(sid))


def test_cli_create_update_and_list(fx):
    r = run_cli(fx, 'create', '--customer', str(GEN), '--show-user', '--show-activity',
                '--show-tags')
    assert r.returncode == 0, r.stderr
    sid, key = r.stdout.split('\t')[:2]
    assert list_line(fx, sid)[5] == 'show-user,show-activity,show-tags'
    text = page(fx, key).text
    assert 'Activity' in headers(text) and 'badges tags' in text

    r = run_cli(fx, 'update', key, '--no-show-tags')
    assert (r.returncode, r.stdout) == (0, f'share {sid}: show-activity on, show-tags off\n')
    assert list_line(fx, sid)[5] == 'show-user,show-activity'
    r = run_cli(fx, 'update', sid, '--no-show-activity')
    assert r.stdout == f'share {sid}: show-activity off, show-tags off\n'
    assert list_line(fx, sid)[5] == 'show-user'

    # plain create: no row, nothing listed
    r = run_cli(fx, 'create', '--customer', str(GEN))
    plain = r.stdout.split('\t')[0]
    assert list_line(fx, plain)[5] == '-'
    assert val(fx, 'SELECT COUNT(*) FROM kimai2_customer_portals_display'
                   f' WHERE share_id = {plain}') == '0'


def test_cli_update_errors_change_nothing(fx):
    r = run_cli(fx, 'create', '--customer', str(GEN), '--show-tags')
    sid = r.stdout.split('\t')[0]
    for args in (['update', sid], ['update', sid, '--show-everything'],
                 ['update', sid, '--show-activity', 'on']):
        r = run_cli(fx, *args)
        assert r.returncode == 2, (args, r.stdout, r.stderr)
    r = run_cli(fx, 'update', '999999', '--show-tags')
    assert r.returncode == 1 and 'no share with id 999999' in r.stderr
    assert list_line(fx, sid)[5] == 'show-tags'
    assert '--show-activity' in run_cli(fx, '--help').stdout
