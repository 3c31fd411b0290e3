"""Share pages (docs/design.md, "Share pages"): what a client sees on a project or customer share, through
nginx on real Kimai databases.

Expected numbers are computed by hand from the rows below (and from the dumps) and
written out as literals, so a change in the arithmetic of the portal shows up here.

Generated data (inserted into a copy of kimai-2.45-rates.sql) -- customer "Gen GmbH" in
Europe/Berlin (DST: 2026-03-29 01:00 UTC and 2026-10-25 01:00 UTC), project 51 "Alpha"
(visible) and 52 "Hidden" (not visible):

  id  user               UTC start          dur   hourly rate  billable  local date
  511 61 Alex (two)      2026-03-31 22:30   1800  60     30    1         04-01 (00:30 CEST)
  502 61 Alex (two)      2026-04-10 06:00   5400  60     90    1         04-10
  501 60 Alex (one)      2026-04-10 07:00   3600  60     60    1         04-10
  503 60 Alex (one)      2026-04-10 12:00   3600  80     80    1         04-10
  504 62 山田太郎         2026-04-11 08:00   7200  50    100    1         04-11
  505 63 no.alias.user   2026-04-12 08:00   7200  50    100    0         04-12
  506 63 no.alias.user   2026-04-12 11:00   3600  60     60    1         04-12
  507 62 山田太郎         2026-04-13 08:00   1800  50     25    1         04-13  (<script>, quotes, newlines)
  508 60 Alex (one)      2026-04-30 21:00   14400 60    240    1         04-30 (ends 05-01 01:00 UTC)
  509 60                 2026-04-14 08:00   running                      -> never shown
  510 60 (Hidden proj.)  2026-04-15 08:00   3600  60     60    1         -> never shown on the share
  512 61                 2026-04-30 22:30   1800  60     30    1         05-01 -> May, not April
  513 62                 2026-03-28 23:30   10800 50    150    1         03-29 (00:30 CET)
  514 62                 2026-03-29 22:30   3600  50     50    1         03-30 (00:30 CEST)
  520 62                 2026-09-30 22:30   1800  50     25    1         10-01 (00:30 CEST)
  517 62                 2026-10-24 22:30   1800  50     25    1         10-25 (00:30 CEST)
  515 62                 2026-10-25 00:30   1800  50     25    1         10-25 (02:30 CEST)
  516 62                 2026-10-25 01:30   1800  50     25    1         10-25 (02:30 CET)
  518 62                 2026-10-25 22:30   1800  50     25    1         10-25 (23:30 CET)
  519 62                 2026-10-31 23:30   1800  50     25    1         11-01 -> November

April on the customer share: 9 lines (NONE), 48600 s = 13:30, billable money 685.00
(505's 100.00 is not billable).  MERGE: 7 lines, the two "Alex" users apart.
"""

import datetime
import html
import re
import types
import urllib.parse
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

from .common import install, insert_share, new_key, sql_str

# The description of record 507: markup, both quote kinds, an ampersand, newlines.
NASTY = '<script>alert("x")</script>\nSay "hi" & it\'s\nthird line'

GEN_DATA = r"""
INSERT INTO kimai2_customers (id, name, visible, country, currency, timezone)
  VALUES (50, 'Gen GmbH', 1, 'DE', 'EUR', 'Europe/Berlin');
INSERT INTO kimai2_projects (id, customer_id, name, visible, budget)
  VALUES (51, 50, 'Alpha', 1, 5000), (52, 50, 'Hidden', 0, 0);
INSERT INTO kimai2_users (id, username, email, password, alias, enabled, roles) VALUES
  (60, 'alex.one', 'alex1@example.com', 'x', 'Alex', 1, 'a:0:{}'),
  (61, 'alex.two', 'alex2@example.com', 'x', 'Alex', 1, 'a:0:{}'),
  (62, 'yamada', 'yamada@example.com', 'x', '山田太郎', 1, 'a:0:{}'),
  (63, 'no.alias.user', 'noalias@example.com', 'x', '', 1, 'a:0:{}');
"""

# id, user, project, UTC start, UTC end (None: running), duration, hourly, rate, billable,
# zone, local date, description
GEN_RECORDS = [
    (511, 61, 51, '2026-03-31 22:30:00', '2026-03-31 23:00:00', 1800, 60, 30, 1, 'Early bird'),
    (502, 61, 51, '2026-04-10 06:00:00', '2026-04-10 07:30:00', 5400, 60, 90, 1, 'Task two'),
    (501, 60, 51, '2026-04-10 07:00:00', '2026-04-10 08:00:00', 3600, 60, 60, 1, 'Task one A'),
    (503, 60, 51, '2026-04-10 12:00:00', '2026-04-10 13:00:00', 3600, 80, 80, 1, 'Task one B'),
    (504, 62, 51, '2026-04-11 08:00:00', '2026-04-11 10:00:00', 7200, 50, 100, 1, '設計レビュー'),
    (505, 63, 51, '2026-04-12 08:00:00', '2026-04-12 10:00:00', 7200, 50, 100, 0,
     'Internal training'),
    (506, 63, 51, '2026-04-12 11:00:00', '2026-04-12 12:00:00', 3600, 60, 60, 1,
     'Billable follow-up'),
    (507, 62, 51, '2026-04-13 08:00:00', '2026-04-13 08:30:00', 1800, 50, 25, 1, NASTY),
    (508, 60, 51, '2026-04-30 21:00:00', '2026-05-01 01:00:00', 14400, 60, 240, 1, 'Night shift'),
    (509, 60, 51, '2026-04-14 08:00:00', None, 0, 60, 0, 1, 'Still running'),
    (510, 60, 52, '2026-04-15 08:00:00', '2026-04-15 09:00:00', 3600, 60, 60, 1,
     'Secret hidden work'),
    (512, 61, 51, '2026-04-30 22:30:00', '2026-04-30 23:00:00', 1800, 60, 30, 1, 'May early'),
    (513, 62, 51, '2026-03-28 23:30:00', '2026-03-29 02:30:00', 10800, 50, 150, 1, 'DST spring'),
    (514, 62, 51, '2026-03-29 22:30:00', '2026-03-29 23:30:00', 3600, 50, 50, 1, 'After DST'),
    (520, 62, 51, '2026-09-30 22:30:00', '2026-09-30 23:00:00', 1800, 50, 25, 1, 'Oct first'),
    (517, 62, 51, '2026-10-24 22:30:00', '2026-10-24 23:00:00', 1800, 50, 25, 1, 'Oct A'),
    (515, 62, 51, '2026-10-25 00:30:00', '2026-10-25 01:00:00', 1800, 50, 25, 1, 'Oct B'),
    (516, 62, 51, '2026-10-25 01:30:00', '2026-10-25 02:00:00', 1800, 50, 25, 1, 'Oct C'),
    (518, 62, 51, '2026-10-25 22:30:00', '2026-10-25 23:00:00', 1800, 50, 25, 1, 'Oct D'),
    (519, 62, 51, '2026-10-31 23:30:00', '2026-11-01 00:00:00', 1800, 50, 25, 1, 'November'),
]


def timesheet_insert(rows, zone):
    """INSERTs for kimai2_timesheet with every NOT NULL column Kimai has; date_tz is the
    local date of the start in `zone`, as Kimai writes it."""
    out = []
    for (tid, user, project, start, end, dur, hourly, rate, billable, desc) in rows:
        st = datetime.datetime.fromisoformat(start).replace(tzinfo=datetime.timezone.utc)
        local = st.astimezone(ZoneInfo(zone)).date().isoformat()
        out.append(
            'INSERT INTO kimai2_timesheet (id, `user`, activity_id, project_id, start_time, '
            'end_time, duration, description, rate, hourly_rate, exported, timezone, billable, '
            f'category, date_tz) VALUES ({tid}, {user}, 1, {project}, {sql_str(start)}, '
            f'{sql_str(end)}, {dur if end else "NULL"}, {sql_str(desc)}, {rate}, {hourly}, 0, '
            f"{sql_str(zone)}, {billable}, 'work', '{local}');")
    return '\n'.join(out)


def add_share(m, db, project=None, customer=None, mode='NONE', user=1, rate=1):
    """An unprotected share without charts or budgets; returns its key."""
    return insert_share(m, db, project=project, customer=customer, mode=mode, user=user,
                        rate=rate)[1]


def setup(env):
    fx = types.SimpleNamespace(env=env, m=env.mariadb)
    m = fx.m
    # kimai-2.45-rates.sql plus the generated customer
    fx.db = m.kimai_db('2.45-rates')
    install(m, fx.db)
    m.sql(fx.db, GEN_DATA + timesheet_insert(GEN_RECORDS, 'Europe/Berlin'))
    fx.keys = {
        'server': add_share(m, fx.db, project=1),
        'server_merge': add_share(m, fx.db, project=1, mode='MERGE'),
        'server_first': add_share(m, fx.db, project=1, mode='MERGE_USE_FIRST_OF_DAY'),
        'server_last': add_share(m, fx.db, project=1, mode='MERGE_USE_LAST_OF_DAY'),
        'server_hidden': add_share(m, fx.db, project=1, user=0, rate=0),
        'acme': add_share(m, fx.db, customer=1),
        'gen': add_share(m, fx.db, customer=50),
        'gen_merge': add_share(m, fx.db, customer=50, mode='MERGE'),
        'gen_hidden': add_share(m, fx.db, customer=50, user=0, rate=0),
        'gen_users_only': add_share(m, fx.db, customer=50, user=1, rate=0),
        'gen_all': add_share(m, fx.db, customer=50, mode='MERGE'),
        'gen_locked': add_share(m, fx.db, customer=50),
    }
    m.sql(fx.db, "UPDATE kimai2_customer_portals SET annual_chart_visible = 1, "
                 "monthly_chart_visible = 1, budget_stats_visible = 1, "
                 f"time_budget_stats_visible = 1 WHERE share_key = '{fx.keys['gen_all']}';"
                 # a bcrypt hash of no known password: the page stays locked
                 "UPDATE kimai2_customer_portals SET password = "
                 "'$2y$13$Kimai.Portal.Test.SalefJC/zpDK8kSvT2WK6kiATUURzefUw2e' "
                 f"WHERE share_key = '{fx.keys['gen_locked']}'")
    fx.portal = env.portal(m.url(fx.db), workers=2)
    fx.n = env.nginx(fx.portal)

    # kimai-2.45-permissions.sql: customer in UTC, records entered in Europe/Paris; two
    # more whose Paris date lies in the next month of UTC.
    fx.pdb = m.kimai_db('2.45-permissions')
    install(m, fx.pdb)
    m.sql(fx.pdb, timesheet_insert([
        (100, 1, 1, '2026-04-30 22:30:00', '2026-04-30 23:30:00', 3600, 0, 0, 1, 'Late'),
        (101, 1, 1, '2026-03-31 22:15:00', '2026-03-31 23:00:00', 2700, 0, 0, 1, 'Midnight'),
    ], 'Europe/Paris'))
    fx.pkey = add_share(m, fx.pdb, project=1)
    fx.pportal = env.portal(m.url(fx.pdb), workers=2)
    fx.pn = env.nginx(fx.pportal)
    return fx


# --------------------------------------------------------------------------------------
# reading the page

class Page(HTMLParser):
    """The parts of a share page the tests look at: record rows (attributes, cell texts,
    raw description markup), the totals row, the project list, links and selects."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.text = text
        self.rows, self.totals, self.projects, self.links = [], None, [], []
        self.selects = {}
        self._row = self._cell = self._link = self._select = self._option = None
        self._project = None
        self.feed(text)
        self.descs = [html.unescape(d) for d in
                      re.findall(r'<div class="desc">(.*?)</div>', text, re.S)]
        self.raw_descs = re.findall(r'<div class="desc">(.*?)</div>', text, re.S)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'tr' and 'data-duration' in a:
            self._row = {'attrs': a, 'cells': []}
            self.rows.append(self._row)
        elif tag == 'tr' and 'data-total-duration' in a:
            self.totals = a
        elif tag == 'tr' and 'data-project-id' in a:
            self._project = {'id': int(a['data-project-id']), 'links': []}
            self.projects.append(self._project)
        elif tag in ('td', 'th') and self._row is not None:
            self._cell = ''
        elif self._cell is not None:
            self._cell += ' '     # nested elements: words stay apart
        elif tag == 'a':
            self._link = [a.get('href'), '']
            self.links.append(self._link)
            if self._project is not None:
                self._project['links'].append(self._link)
        elif tag == 'select':
            self._select = []
            self.selects[a.get('name')] = self._select
        elif tag == 'option' and self._select is not None:
            self._option = [a.get('value'), 'selected' in a, '']
            self._select.append(self._option)

    def handle_endtag(self, tag):
        if tag in ('td', 'th') and self._row is not None and self._cell is not None:
            self._row['cells'].append(' '.join(self._cell.split()))
            self._cell = None
        elif tag == 'tr':
            self._row = self._project = None
        elif tag == 'a':
            self._link = None
        elif tag == 'select':
            self._select = None
        elif tag == 'option':
            self._option = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data
        if self._link is not None:
            self._link[1] += data
        if self._option is not None:
            self._option[2] += data

    # conveniences
    def durations(self):
        return [int(r['attrs']['data-duration']) for r in self.rows]

    def rates(self):
        return [r['attrs'].get('data-rate') for r in self.rows]

    def dates(self):
        return [r['attrs']['data-date'] for r in self.rows]

    def col(self, i):
        return [r['cells'][i] for r in self.rows]


def get(n, key, query='', sub=''):
    r = n.get(f'/en/auth/customer-portal/{key}{sub}' + (f'?{query}' if query else ''))
    assert r.status == 200, (r.status, r.text[:2000])
    return Page(r.text)


# --------------------------------------------------------------------------------------
# kimai-2.45-rates.sql: project "Server"

def test_server_march_one_line_per_record(fx):
    p = get(fx.n, fx.keys['server'], 'year=2026&month=3')
    assert 'id="share-name">Server</h1>' in p.text
    assert len(p.rows) == 3, p.rows
    assert p.durations() == [7200, 10800, 3600]
    assert p.rates() == ['80.00', '120.00', '40.00']
    assert p.dates() == ['2026-03-02', '2026-03-08', '2026-03-08']
    # date, user, description, duration, hourly rate, total
    assert p.col(0) == ['3/2/2026', '3/8/2026', '3/8/2026']
    assert p.col(1) == ['admin', 'admin', 'admin']
    assert p.descs == ['Install Nextcloud Coolify', 'Portal', 'Document progress']
    assert p.col(3) == ['2:00', '3:00', '1:00']
    assert p.col(4) == ['€40.00'] * 3
    assert p.col(5) == ['€80.00', '€120.00', '€40.00']
    assert p.totals['data-total-duration'] == '21600'
    assert p.totals['data-total-rate'] == '240.00'
    foot = re.search(r'<tfoot>.*?</tfoot>', p.text, re.S).group(0)
    assert '6:00' in foot and '€240.00' in foot, foot
    assert 'March 2026' in p.text


def test_server_march_merged(fx):
    p = get(fx.n, fx.keys['server_merge'], 'year=2026&month=3')
    assert p.durations() == [7200, 14400]
    assert p.rates() == ['80.00', '160.00']
    assert p.col(0) == ['3/2/2026', '3/8/2026']
    assert p.descs == ['Install Nextcloud Coolify', 'Portal\nDocument progress']
    assert p.col(3) == ['2:00', '4:00']
    assert p.col(5) == ['€80.00', '€160.00']
    # one hourly rate on the merged line: shown once, not per record
    assert p.col(4) == ['€40.00', '€40.00']
    assert p.totals['data-total-duration'] == '21600'
    assert p.totals['data-total-rate'] == '240.00'


def test_server_march_first_and_last_description(fx):
    p = get(fx.n, fx.keys['server_first'], 'year=2026&month=3')
    assert p.durations() == [7200, 14400]
    assert p.descs == ['Install Nextcloud Coolify', 'Portal']
    p = get(fx.n, fx.keys['server_last'], 'year=2026&month=3')
    assert p.durations() == [7200, 14400]
    assert p.descs == ['Install Nextcloud Coolify', 'Document progress']
    assert p.totals['data-total-rate'] == '240.00'


def test_server_february(fx):
    p = get(fx.n, fx.keys['server'], 'year=2026&month=2')
    assert p.durations() == [3600]
    assert p.rates() == ['40.00']
    assert p.col(0) == ['2/23/2026'] and p.descs == ['Brussels']
    assert p.totals == {'class': 'totals', 'data-total-duration': '3600',
                        'data-total-rate': '40.00'}


def test_empty_month(fx):
    p = get(fx.n, fx.keys['server'], 'year=2025&month=7')
    assert p.rows == [] and p.totals is None
    assert 'data-empty="1"' in p.text
    assert 'No entries available for this month' in p.text


# --------------------------------------------------------------------------------------
# customer shares

def test_customer_share_lists_projects_and_records(fx):
    key = fx.keys['acme']
    p = get(fx.n, key, 'year=2026&month=3')
    assert 'id="share-name">Acme1</h1>' in p.text
    assert [(x['id'], x['links'][0][1]) for x in p.projects] == [(1, 'Server'), (2, 'User poll')]
    for x in p.projects:
        assert x['links'][0][0] == (f'/en/auth/customer-portal/{key}/p/{x["id"]}'
                                    f'?year=2026&month=3'), x
    assert p.durations() == [7200, 10800, 3600]
    # date, user, project, description, duration, hourly, total
    assert p.col(2) == ['Server'] * 3
    assert p.totals['data-total-duration'] == '21600'
    assert p.totals['data-total-rate'] == '240.00'


def test_customer_share_project_pages(fx):
    key = fx.keys['acme']
    p = get(fx.n, key, 'year=2026&month=3&details=table', sub='/p/1')
    assert 'id="share-name">Server</h1>' in p.text
    assert p.durations() == [7200, 10800, 3600]
    assert p.totals['data-total-rate'] == '240.00'
    # no project column and no project list on a project page, but a way back
    assert len(p.rows[0]['cells']) == 6 and p.projects == []
    back = [h for h, t in p.links if 'Back to the customer overview' in t]
    assert back == [f'/en/auth/customer-portal/{key}?year=2026&month=3&details=table'], p.links
    p = get(fx.n, key, 'year=2026&month=3', sub='/p/2')
    assert 'id="share-name">User poll</h1>' in p.text
    assert p.rows == [] and 'data-empty="1"' in p.text


def test_customer_share_refuses_other_projects(fx):
    key = fx.keys['acme']
    ref = fx.n.get(f'/en/auth/customer-portal/{new_key()}')
    assert ref.status == 404
    # 51: another customer's project; 52: hidden; 999999: none; project share: no /p/
    for path in (f'/en/auth/customer-portal/{key}/p/51', f'/en/auth/customer-portal/{key}/p/52',
                 f'/en/auth/customer-portal/{key}/p/999999',
                 f'/en/auth/customer-portal/{fx.keys["gen"]}/p/52',
                 f'/en/auth/customer-portal/{fx.keys["gen"]}/p/1',
                 f'/en/auth/customer-portal/{fx.keys["server"]}/p/1'):
        r = fx.n.get(path + '?year=2026&month=3')
        assert r.status == 404, (path, r.status)
        assert r.body == ref.body, path
        assert b'Alpha' not in r.body and b'Server' not in r.body and b'Hidden' not in r.body


def test_hidden_project_not_shown(fx):
    p = get(fx.n, fx.keys['gen'], 'year=2026&month=4')
    assert [(x['id'], x['links'][0][1]) for x in p.projects] == [(51, 'Alpha')]
    assert 'Hidden' not in p.text and 'Secret hidden work' not in p.text
    assert 510 not in p.durations() and 'Still running' not in p.text


# --------------------------------------------------------------------------------------
# generated data: the month of the customer's zone, each record in its own zone

def test_gen_april_one_line_per_record(fx):
    p = get(fx.n, fx.keys['gen'], 'year=2026&month=4')
    assert p.durations() == [1800, 5400, 3600, 3600, 7200, 7200, 3600, 1800, 14400]
    assert p.dates() == ['2026-04-01', '2026-04-10', '2026-04-10', '2026-04-10', '2026-04-11',
                         '2026-04-12', '2026-04-12', '2026-04-13', '2026-04-30']
    # the two "Alex" keep their own records; ordered by name, then start
    assert p.col(1) == ['Alex', 'Alex', 'Alex', 'Alex', '山田太郎', 'no.alias.user',
                        'no.alias.user', '山田太郎', 'Alex']
    assert p.descs[1:4] == ['Task two', 'Task one A', 'Task one B']
    assert p.rates() == ['30.00', '90.00', '60.00', '80.00', '100.00', '100.00', '60.00',
                         '25.00', '240.00']
    assert p.totals['data-total-duration'] == '48600'
    assert p.totals['data-total-rate'] == '685.00'
    foot = re.search(r'<tfoot>.*?</tfoot>', p.text, re.S).group(0)
    assert '13:30' in foot and '€685.00' in foot, foot
    # running record, the next month's record and the hidden project's never show
    for text in ('Still running', 'May early', 'Secret hidden work'):
        assert text not in p.text
    assert p.col(0)[-1] == '4/30/2026' and p.descs[-1] == 'Night shift'


def test_gen_non_billable(fx):
    p = get(fx.n, fx.keys['gen'], 'year=2026&month=4')
    row = p.rows[5]
    assert row['attrs']['data-billable'] == '0' and 'not-billable' in row['attrs']['class']
    assert row['attrs']['data-rate'] == '100.00'
    assert row['attrs']['data-billable-rate'] == '0.00'
    assert 'Not billable' in row['cells'][3]
    assert all(r['attrs']['data-billable'] == '1' for i, r in enumerate(p.rows) if i != 5)
    billable = sum(float(r['attrs']['data-billable-rate']) for r in p.rows)
    assert f'{billable:.2f}' == p.totals['data-total-rate'] == '685.00'

    # merged with a billable record of the same day: one line, partly billable
    m = get(fx.n, fx.keys['gen_merge'], 'year=2026&month=4')
    line = m.rows[4]
    assert line['attrs']['data-date'] == '2026-04-12'
    assert line['attrs']['data-billable'] == 'mixed'
    assert line['attrs']['data-duration'] == '10800'
    assert line['attrs']['data-rate'] == '160.00'
    assert line['attrs']['data-billable-rate'] == '60.00'
    assert 'Partly not billable' in line['cells'][3]
    # each hourly rate with its time; the non-billable one marked
    assert line['cells'][5] == '2:00 – €50.00 Not billable 1:00 – €60.00', line['cells'][5]
    assert line['cells'][6] == '€160.00 €100.00 Not billable', line['cells'][6]
    assert m.totals['data-total-rate'] == '685.00'


def test_gen_april_merged_users_apart(fx):
    p = get(fx.n, fx.keys['gen_merge'], 'year=2026&month=4')
    assert p.dates() == ['2026-04-01', '2026-04-10', '2026-04-10', '2026-04-11', '2026-04-12',
                         '2026-04-13', '2026-04-30']
    assert p.durations() == [1800, 5400, 7200, 7200, 10800, 1800, 14400]
    assert p.col(1)[1:3] == ['Alex', 'Alex']
    assert p.descs[1:3] == ['Task two', 'Task one A\nTask one B']
    assert p.rates() == ['30.00', '90.00', '140.00', '100.00', '160.00', '25.00', '240.00']
    # two hourly rates on one line: each with its duration
    assert p.rows[2]['cells'][5] == '1:00 – €60.00 1:00 – €80.00', p.rows[2]['cells']
    assert p.totals['data-total-duration'] == '48600'
    assert p.totals['data-total-rate'] == '685.00'


def test_gen_dst_spring(fx):
    p = get(fx.n, fx.keys['gen'], 'year=2026&month=3')
    # 511 starts 2026-03-31 22:30 UTC: already April in Berlin
    assert p.dates() == ['2026-03-29', '2026-03-30']
    assert p.durations() == [10800, 3600]
    assert p.col(4) == ['3:00', '1:00']
    assert p.totals['data-total-duration'] == '14400'
    assert p.totals['data-total-rate'] == '200.00'
    assert 'Early bird' not in p.text


def test_gen_dst_autumn(fx):
    p = get(fx.n, fx.keys['gen'], 'year=2026&month=10')
    assert p.dates() == ['2026-10-01'] + ['2026-10-25'] * 4
    assert p.descs == ['Oct first', 'Oct A', 'Oct B', 'Oct C', 'Oct D']
    assert p.totals['data-total-duration'] == '9000'
    assert p.totals['data-total-rate'] == '125.00'
    assert 'November' not in p.descs
    p = get(fx.n, fx.keys['gen_merge'], 'year=2026&month=10')
    assert p.durations() == [1800, 7200]
    assert p.descs == ['Oct first', 'Oct A\nOct B\nOct C\nOct D']
    p = get(fx.n, fx.keys['gen'], 'year=2026&month=11')
    assert p.descs == ['November'] and p.dates() == ['2026-11-01']


def test_gen_crossing_midnight_and_month_end(fx):
    p = get(fx.n, fx.keys['gen'], 'year=2026&month=5')
    # 508 runs into May but started in April; 512 started on 1 May in Berlin
    assert p.descs == ['May early'] and p.dates() == ['2026-05-01']
    assert 'Night shift' not in p.text


def test_gen_descriptions_escaped_with_newlines(fx):
    p = get(fx.n, fx.keys['gen'], 'year=2026&month=4')
    assert '<script>alert' not in p.text
    i = p.descs.index(NASTY)
    raw = p.raw_descs[i]
    assert '&lt;script&gt;' in raw and '\n' in raw and '"' not in raw and "'" not in raw, raw
    assert '&amp;' in raw
    # newlines are kept by the stylesheet, not by markup built from the data
    assert '<br' not in raw
    css = re.search(r'<link rel="stylesheet" href="([^"]+)"', p.text).group(1)
    r = fx.n.get(css)
    assert r.status == 200
    assert re.search(r'\.desc\s*\{[^}]*white-space:\s*pre-line', r.text), r.text[:500]


def test_gen_non_latin_user(fx):
    p = get(fx.n, fx.keys['gen'], 'year=2026&month=4')
    assert p.rows[4]['cells'][1] == '山田太郎'
    assert p.descs[4] == '設計レビュー'


# --------------------------------------------------------------------------------------
# kimai-2.45-permissions.sql: customer in UTC, records entered in Europe/Paris

def test_records_dated_in_their_own_zone(fx):
    p = get(fx.pn, fx.pkey, 'year=2026&month=4')
    assert 'id="share-name">Présence</h1>' in p.text
    # the dump's four (24 April), then record 100: April in UTC, 1 May in Paris
    assert p.dates() == ['2026-04-24'] * 4 + ['2026-05-01']
    assert p.durations() == [16200, 300, 240, 960, 3600]
    assert p.col(0) == ['4/24/2026'] * 4 + ['5/1/2026']
    assert p.col(1) == ['Stan'] * 5
    assert p.totals['data-total-duration'] == '21300'
    assert p.totals['data-total-rate'] == '0.00'
    p = get(fx.pn, fx.pkey, 'year=2026&month=3')
    assert p.dates() == ['2026-04-01'] and p.durations() == [2700]
    p = get(fx.pn, fx.pkey, 'year=2026&month=5')
    assert p.rows == []


# --------------------------------------------------------------------------------------
# hidden columns never reach the page

def test_flags_off_hide_users_and_money(fx):
    p = get(fx.n, fx.keys['server_hidden'], 'year=2026&month=3')
    assert p.durations() == [7200, 10800, 3600]
    assert p.totals == {'class': 'totals', 'data-total-duration': '21600'}
    body = p.text
    for needle in ('admin', '€', 'EUR', '240', '120.00', '40.00', 'data-rate', 'Hourly rate',
                   'data-total-rate'):
        assert needle not in body, needle
    assert all(len(r['cells']) == 3 for r in p.rows)

    r = fx.n.get(f'/en/auth/customer-portal/{fx.keys["gen_hidden"]}?year=2026&month=4')
    assert r.status == 200
    p = Page(r.text)
    assert p.totals['data-total-duration'] == '48600'
    for needle in ('Alex', 'alex.one', '山田太郎', 'yamada', 'no.alias.user', '€', 'EUR',
                   '685', 'data-rate', 'data-billable-rate'):
        assert needle.encode() not in r.body, needle
    # billable status is not money: still marked
    assert 'Not billable' in p.rows[5]['cells'][-2]

    p = get(fx.n, fx.keys['gen_users_only'], 'year=2026&month=4')
    assert 'Alex' in p.text and '€' not in p.text and 'data-rate' not in p.text


# --------------------------------------------------------------------------------------
# navigation and parameters

def test_navigation_rolls_over_the_year(fx):
    key = fx.keys['server']
    p = get(fx.n, key, 'year=2026&month=1&details=table')
    prev = [h for h, t in p.links if 'Previous month' in t]
    nxt = [h for h, t in p.links if 'Next month' in t]
    assert prev == ['?year=2025&month=12&details=table'], p.links
    assert nxt == ['?year=2026&month=2&details=table'], p.links
    p = get(fx.n, key, 'year=2026&month=12')
    assert [h for h, t in p.links if 'Next month' in t] == ['?year=2027&month=1']
    assert [h for h, t in p.links if 'Previous month' in t] == ['?year=2026&month=11']
    # the GET form: month and year selects, a submit button, details kept
    months = p.selects['month']
    assert [v for v, _, _ in months] == [str(i) for i in range(1, 13)]
    assert [v for v, sel, _ in months if sel] == ['12']
    assert months[2][2] == 'March'
    years = p.selects['year']
    assert [v for v, sel, _ in years if sel] == ['2026'] and '2021' in [v for v, _, _ in years]
    form = re.search(r'<form class="month-form"[^>]*>.*?</form>', p.text, re.S).group(0)
    assert 'method="get"' in form and 'action=' not in form and 'type="submit"' in form
    assert 'name="details"' not in form
    p = get(fx.n, key, 'year=2026&month=12&details=chart')
    form = re.search(r'<form class="month-form"[^>]*>.*?</form>', p.text, re.S).group(0)
    assert '<input type="hidden" name="details" value="chart">' in form
    # the edges of the year range: no link past them
    p = get(fx.n, key, 'year=1970&month=1')
    assert not [h for h, t in p.links if 'Previous month' in t]
    p = get(fx.n, key, 'year=2100&month=12')
    assert not [h for h, t in p.links if 'Next month' in t]


def test_default_is_the_customers_current_month(fx):
    before = datetime.datetime.now(ZoneInfo('Europe/Brussels'))
    r = fx.n.get(f'/en/auth/customer-portal/{fx.keys["server"]}')
    after = datetime.datetime.now(ZoneInfo('Europe/Brussels'))
    assert r.status == 200
    m = re.search(r'data-year="(\d+)" data-month="(\d+)"', r.text)
    assert (int(m.group(1)), int(m.group(2))) in {(before.year, before.month),
                                                   (after.year, after.month)}
    # a year alone keeps the current month
    r = fx.n.get(f'/en/auth/customer-portal/{fx.keys["server"]}?year=2025')
    m = re.search(r'data-year="(\d+)" data-month="(\d+)"', r.text)
    assert int(m.group(1)) == 2025 and int(m.group(2)) in {before.month, after.month}


def test_bad_parameters_are_400(fx):
    key = fx.keys['server']
    for q in ('year=1969', 'year=2101', 'month=0', 'month=13', 'month=abc', 'year=20x6',
              'details=pie', 'year=2026&year=2025', 'month=%00', 'month=3%20', 'year=-1'):
        r = fx.n.get(f'/en/auth/customer-portal/{key}?{q}')
        assert r.status == 400, (q, r.status)
        assert b'Server' not in r.body
    # unknown parameters are ignored
    assert fx.n.get(f'/en/auth/customer-portal/{key}?year=2026&month=3&foo=bar').status == 200


def test_other_languages(fx):
    p = get(fx.n, fx.keys['server'], 'year=2026&month=3').text
    for lang, date in (('de', '02.03.2026'), ('sv', '2026-03-02'), ('ja', '2026/03/02')):
        r = fx.n.get(f'/{lang}/auth/customer-portal/{fx.keys["server"]}?year=2026&month=3')
        assert r.status == 200, (lang, r.status)
        q = Page(r.text)
        assert q.col(0)[0] == date, (lang, q.col(0))
        assert q.totals['data-total-rate'] == '240.00'
    assert p


# --------------------------------------------------------------------------------------
# the plugin's old URLs

def test_legacy_urls_redirect(fx):
    n, k, ck = fx.n, fx.keys['server'], fx.keys['acme']
    r = n.get(f'/en/auth/shared-project-timesheets/1/{k}?year=2026&month=3&details=table')
    assert r.status == 301, r.status
    assert r.headers['Location'] == f'/en/auth/customer-portal/{k}?year=2026&month=3&details=table'
    r = n.get(f'/de/auth/shared-project-timesheets/1/{k}')
    assert r.status == 301 and r.headers['Location'] == f'/de/auth/customer-portal/{k}'
    r = n.get(f'/en/auth/shared-project-timesheets/customer/1/{ck}?month=3')
    assert r.status == 301
    assert r.headers['Location'] == f'/en/auth/customer-portal/{ck}?month=3'
    r = n.get(f'/en/auth/shared-project-timesheets/customer/1/{ck}/project/2')
    assert r.status == 301 and r.headers['Location'] == f'/en/auth/customer-portal/{ck}/p/2'
    # every mismatch is the plain 404
    for path in (f'/en/auth/shared-project-timesheets/2/{k}',
                 f'/en/auth/shared-project-timesheets/1/{ck}',
                 f'/en/auth/shared-project-timesheets/customer/50/{ck}',
                 f'/en/auth/shared-project-timesheets/customer/1/{k}',
                 f'/en/auth/shared-project-timesheets/customer/1/{ck}/project/51',
                 f'/en/auth/shared-project-timesheets/customer/1/{ck}/project/52',
                 f'/en/auth/shared-project-timesheets/1/{new_key()}',
                 f'/xx/auth/shared-project-timesheets/1/{k}'):
        r = n.get(path)
        assert r.status == 404, (path, r.status)
        assert 'Location' not in r.headers
    # the redirect lands on a working page
    r = n.get(f'/en/auth/shared-project-timesheets/1/{k}?year=2026&month=3')
    loc = urllib.parse.urlsplit(r.headers['Location'])
    p = get(n, k, loc.query)
    assert p.totals['data-total-rate'] == '240.00'


# --------------------------------------------------------------------------------------
# the parts other modules fill in: charts, budgets, the password gate

def test_chart_view_replaces_the_table(fx):
    key = fx.keys['gen_all']
    p = get(fx.n, key, 'year=2026&month=4')
    assert p.durations() == [1800, 5400, 7200, 7200, 10800, 1800, 14400]
    assert 'class="card chart-card annual-chart"' in p.text
    switch = re.search(r'<nav class="segmented details-switch".*?</nav>', p.text, re.S).group(0)
    assert '?year=2026&amp;month=4&amp;details=chart' in switch
    # the project list carries the project's budget bar (5000.00, all time)
    row = re.search(r'<tr data-project-id="51">.*?</tr>', p.text, re.S).group(0)
    assert 'data-budget="money"' in row and '€5,000.00' in row, row
    c = get(fx.n, key, 'year=2026&month=4&details=chart')
    assert c.rows == [] and c.totals is None
    fig = re.search(r'<figure class="chart monthly-chart" data-total-seconds="(\d+)"', c.text)
    assert fig and fig.group(1) == '48600'
    assert '<svg' in c.text
    assert [h for h, t in c.links if 'Next month' in t] == ['?year=2026&month=5&details=chart']
    proj = [x['links'][0][0] for x in c.projects]
    assert proj == [f'/en/auth/customer-portal/{key}/p/51?year=2026&month=4&details=chart']
    # without the monthly chart flag, details=chart still shows the table
    t = get(fx.n, fx.keys['gen'], 'year=2026&month=4&details=chart')
    assert len(t.rows) == 9 and 'details-switch' not in t.text


def test_locked_share_shows_nothing(fx):
    key = fx.keys['gen_locked']
    for sub in ('', '/p/51'):
        r = fx.n.get(f'/en/auth/customer-portal/{key}{sub}?year=2026&month=4')
        assert r.status == 200, r.status
        assert 'name="spt-password"' in r.text
        for needle in ('Gen GmbH', 'Alpha', 'Alex', 'data-duration', 'Task one'):
            assert needle not in r.text, needle
