"""Charts and budget statistics of share pages (docs/design.md, "Share pages" and "Kimai facts").

A Kimai database with Kimai's schema and a small hand-made data set, placed relative to
"now" in the customer's time zone (America/New_York): a customer with a monthly money and
time budget, projects with all-time and monthly budgets, one without any budget, one
invisible project, billable and non-billable records, records in the future and a running
record.  Every expected figure below is worked out by hand from that data set (the
comments show the sums); the page must show exactly those, and the chart bars must add up
to the timesheet table's totals.

One edge is accepted: a run that straddles a month boundary in New York may fail.
"""

import datetime as dt
import re
import types
import zoneinfo

import common
import harness

TZ = zoneinfo.ZoneInfo('America/New_York')
H = 3600
MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
             'September', 'October', 'November', 'December']
MONTHS_DE = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August',
             'September', 'Oktober', 'November', 'Dezember']

CUSTOMER, ALPHA, BETA, GAMMA, DELTA, EPSILON = 1, 1, 2, 3, 4, 5


def _utc(t):
    return t.astimezone(dt.timezone.utc).replace(tzinfo=None)


def _month_start(y, m):
    return dt.datetime(y, m, 1, tzinfo=TZ)


def _next_month(y, m):
    return (y + 1, 1) if m == 12 else (y, m + 1)


def plan_records(now):
    """The seeded records: (id, project, start (aware, NY), seconds or None when running,
    rate, billable).  Placement relative to `now` (aware)."""
    now = now.astimezone(TZ)
    y, m = now.year, now.month
    ms = _month_start(y, m)
    me = _month_start(*_next_month(y, m))
    past_this_month = ms + (now - ms) / 2                   # in this month, started
    # A record later this month when there is room, else earlier (monthly budgets count
    # both the same way; only the table/chart day changes).
    later = now + (me - now) / 2 if me - now > dt.timedelta(hours=6) else ms + (now - ms) / 3
    prev_month = ms - dt.timedelta(days=5)
    far_future = me + dt.timedelta(days=10)
    return [
        # Alpha: all-time budget 500.00, time budget 20 h
        (1, ALPHA, prev_month, 2 * H, 200.0, 1),
        (2, ALPHA, past_this_month, 5400, 150.0, 1),
        (3, ALPHA, past_this_month, 1 * H, 100.0, 0),         # not billable
        (4, ALPHA, far_future, 3 * H, 300.0, 1),              # future: never counted
        (5, ALPHA, now - dt.timedelta(hours=1), None, 0.0, 1),  # running
        # Beta: monthly budget 300.00, monthly time budget 5 h
        (6, BETA, prev_month, 4 * H, 400.0, 1),
        (7, BETA, past_this_month, 2 * H, 250.0, 1),
        (8, BETA, later, 9000, 100.0, 1),
        # Gamma: invisible, counted in the customer's budget only
        (9, GAMMA, past_this_month, 1 * H, 80.0, 1),
        # Delta: no budget at all
        (10, DELTA, past_this_month, 1800, 40.0, 1),
    ]


def seed(m, db, now):
    m.sql(db, """
        INSERT INTO kimai2_users (id, username, email, password, alias, enabled, roles)
          VALUES (1, 'alice', 'alice@example.org', 'x', 'Alice', 1, 'a:0:{}');
        INSERT INTO kimai2_customers (id, name, visible, country, currency, timezone,
                                      budget, time_budget, budget_type)
          VALUES (1, 'Budget & Co', 1, 'US', 'EUR', 'America/New_York', 1000, 30000, 'month');
        INSERT INTO kimai2_projects (id, customer_id, name, visible, budget, time_budget,
                                     budget_type) VALUES
          (1, 1, 'Alpha', 1, 500, 72000, NULL),
          (2, 1, 'Beta', 1, 300, 18000, 'month'),
          (3, 1, 'Gamma hidden', 0, 0, 0, NULL),
          (4, 1, 'Delta', 1, 0, 0, NULL),
          (5, 1, 'Epsilon', 1, 100, 3600, NULL);
        INSERT INTO kimai2_activities (id, project_id, name, visible) VALUES (1, NULL, 'Work', 1);
    """)
    rows = []
    for rid, pid, start, secs, rate, billable in plan_records(now):
        s = _utc(start)
        end = 'NULL' if secs is None else f"'{s + dt.timedelta(seconds=secs)}'"
        dur = 'NULL' if secs is None else str(secs)
        local = start.astimezone(TZ).date()
        rows.append(f"({rid}, 1, 1, {pid}, '{s}', {end}, {dur}, {rate}, {rate * 4 if secs else 0},"
                    f" 'America/New_York', {billable}, '{local}', 'record {rid}')")
    m.sql(db, 'INSERT INTO kimai2_timesheet (id, `user`, activity_id, project_id, start_time,'
              ' end_time, duration, rate, hourly_rate, timezone, billable, date_tz, description)'
              ' VALUES ' + ',\n'.join(rows) + ';')


def new_share(fx, customer=None, project=None, annual=0, monthly=0, budget=0, time_budget=0):
    _, key = common.insert_share(fx.m, fx.db, project=project, customer=customer,
                                 annual=annual, monthly=monthly, budget=budget,
                                 time_budget=time_budget)
    return f'/en/auth/customer-portal/{key}'


def setup(env):
    fx = types.SimpleNamespace(env=env, m=env.mariadb)
    fx.db = fx.m.new_db('stats')
    fx.m.load_dump(harness.DATA / 'kimai-schema.sql', fx.db)
    r = harness.run_install(fx.m.url(fx.db))
    assert r.returncode == 0, f'portal-install failed:\n{r.stdout}\n{r.stderr}'
    fx.now = dt.datetime.now(TZ)
    fx.year, fx.month = fx.now.year, fx.now.month
    fx.records = plan_records(fx.now)
    seed(fx.m, fx.db, fx.now)
    fx.portal = env.portal(fx.m.url(fx.db), workers=2)
    fx.nginx = env.nginx(fx.portal)
    fx.all_on = new_share(fx, customer=CUSTOMER, annual=1, monthly=1, budget=1, time_budget=1)
    fx.all_off = new_share(fx, customer=CUSTOMER)
    fx.beta = new_share(fx, project=BETA, annual=1, monthly=1, budget=1, time_budget=1)
    fx.delta = new_share(fx, project=DELTA, annual=1, monthly=1, budget=1, time_budget=1)
    fx.money_only = new_share(fx, customer=CUSTOMER, budget=1)
    return fx


# --------------------------------------------------------------------------------------
# helpers

def get(fx, path, query=''):
    r = fx.nginx.get(path + (f'?{query}' if query else ''))
    assert r.status == 200, (r.status, path, query, r.text[:500])
    return r.text


def budget_blocks(html):
    """{(kind): dict} of the statistics card's budget blocks."""
    sec = re.search(r'<section class="card budget-stats".*?</section>', html, re.S)
    if not sec:
        return {}
    out = {}
    for m in re.finditer(r'<div class="stat budget-stat (\w+)" data-budget="(\w+)" '
                         r'data-level="(\w+)" data-percent="([\d.]+)" data-monthly="(\d)">(.*?)'
                         r'</ul>\s*</div>', sec.group(0), re.S):
        cls, kind, level, meter, monthly, body = m.groups()
        d = {'level': level, 'meter': meter, 'monthly': monthly}
        for f in ('spent', 'total', 'percent', 'left', 'exceeded'):
            fm = re.search(rf'class="{f}">([^<]*)<', body)
            d[f] = fm.group(1) if fm else None
        mm = re.search(r'<meter [^>]*value="([\d.]+)"', body)
        d['meter_value'] = mm.group(1) if mm else None
        assert cls == level
        out[kind] = d
    return out


def row_bars(html, project_id):
    """Budget rows of one project in the customer page's project table."""
    row = re.search(rf'<tr data-project-id="{project_id}">(.*?)</tr>', html, re.S)
    assert row, f'no row for project {project_id}'
    out = {}
    for m in re.finditer(r'<div class="budget-row (\w+)" data-budget="(\w+)" data-level="\w+" '
                         r'data-percent="([\d.]+)" data-monthly="(\d)">(.*?)</div>',
                         row.group(1), re.S):
        level, kind, meter, monthly, body = m.groups()
        pct = re.search(r'class="percent">([^<]*)<', body).group(1)
        spent = re.search(r'class="spent">([^<]*)<', body).group(1)
        total = re.search(r'class="total">([^<]*)<', body).group(1)
        out[kind] = {'level': level, 'meter': meter, 'monthly': monthly, 'percent': pct,
                     'spent': spent, 'total': total}
    return out


def annual_bars(html):
    sec = re.search(r'<section class="card chart-card annual-chart".*?</section>', html, re.S)
    assert sec, 'no annual chart'
    s = sec.group(0)
    svg = re.search(r'<svg .*?</svg>', s, re.S).group(0)
    table = re.search(r'<table class="visually-hidden chart-table">.*?</table>', s, re.S).group(0)
    secs = [int(x) for x in re.findall(r'<td data-seconds="(\d+)">', table)]
    labels = re.findall(r'<th scope="row">([^<]*)</th>', table)[:-1]
    return svg, secs, labels, s


def monthly_bars(html):
    fig = re.search(r'<figure class="chart monthly-chart".*?</figure>\s*'
                    r'<table class="visually-hidden chart-table">.*?</table>', html, re.S)
    assert fig, 'no monthly chart'
    s = fig.group(0)
    svg = re.search(r'<svg .*?</svg>', s, re.S).group(0)
    secs = [int(x) for x in re.findall(r'<td data-seconds="(\d+)">', s)]
    return svg, secs


def table_total(html):
    m = re.search(r'<tr class="totals" data-total-duration="(\d+)"', html)
    assert m, 'no table totals'
    return int(m.group(1))


def visible_month_seconds(fx, projects, y, mo):
    """Hand-made expectation: stopped records of `projects` starting in month y-mo (NY)."""
    return sum(secs for _, pid, start, secs, _, _ in fx.records
               if pid in projects and secs is not None
               and (start.astimezone(TZ).year, start.astimezone(TZ).month) == (y, mo))


def assert_no_stats_markup(html):
    for needle in ('chart-rows', 'role="img"', '<meter', 'budget-stat', 'budget-row', 'chart-card', 'monthly-chart',
                   'details-switch', 'chart-table'):
        assert needle not in html, f'{needle!r} in a page whose share shows no stats or charts'


# --------------------------------------------------------------------------------------
# budgets

def test_customer_monthly_budgets(fx):
    b = budget_blocks(get(fx, fx.all_on))
    # This month's billable, stopped records of all the customer's projects (Gamma too):
    # 150 (2) + 250 (7) + 100 (8) + 80 (9) + 40 (10) = 620 of 1000 -> 62.0 %, 380 left.
    money = b['money']
    assert money['monthly'] == '1'
    assert (money['spent'], money['total'], money['percent'], money['left']) == \
        ('€620.00', '€1,000.00', '62.0%', '€380.00'), money
    assert money['level'] == 'ok' and money['meter_value'] == '62.0'
    # 1:30 + 2:00 + 2:30 + 1:00 + 0:30 = 7:30 (27000 s) of 30000 s -> 90.0 %, 0:50 left.
    t = b['time']
    assert t['monthly'] == '1'
    assert (t['spent'], t['total'], t['percent'], t['left']) == \
        ('7:30', '8:20', '90.0%', '0:50'), t
    assert t['level'] == 'warn' and t['meter_value'] == '90.0'


def test_project_all_time_budgets_on_project_page(fx):
    html = get(fx, f'{fx.all_on}/p/{ALPHA}')
    b = budget_blocks(html)
    # All records up to now, billable and stopped: 200 (1) + 150 (2) = 350 of 500 -> 70.0 %.
    # Not counted: 3 (not billable), 4 (future), 5 (running).
    money = b['money']
    assert money['monthly'] == '0'
    assert (money['spent'], money['total'], money['percent'], money['left']) == \
        ('€350.00', '€500.00', '70.0%', '€150.00'), money
    assert money['level'] == 'ok'
    # 2:00 + 1:30 = 3:30 of 20:00 -> 17.5 %, 16:30 left.
    t = b['time']
    assert (t['spent'], t['total'], t['percent'], t['left']) == \
        ('3:30', '20:00', '17.5%', '16:30'), t


def test_project_share_monthly_budget_over(fx):
    b = budget_blocks(get(fx, fx.beta))
    # This month: 250 (7) + 100 (8) = 350 of 300 -> 116.7 %, over by 50, nothing left.
    money = b['money']
    assert money['monthly'] == '1'
    assert (money['spent'], money['total'], money['percent'], money['exceeded']) == \
        ('€350.00', '€300.00', '116.7%', '€50.00'), money
    assert money['left'] is None and money['level'] == 'over'
    assert money['meter_value'] == '100.0'
    # 2:00 + 2:30 = 4:30 of 5:00 -> 90.0 %, 0:30 left.
    t = b['time']
    assert (t['spent'], t['total'], t['percent'], t['left'], t['level']) == \
        ('4:30', '5:00', '90.0%', '0:30', 'warn'), t
    assert 'this month' in get(fx, fx.beta).lower()


def test_entity_without_budget_shows_no_bar(fx):
    html = get(fx, fx.delta)
    assert budget_blocks(html) == {}
    assert '<meter' not in html and 'budget-stats' not in html


def test_customer_project_table_bars(fx):
    html = get(fx, fx.all_on)
    alpha = row_bars(html, ALPHA)
    assert (alpha['money']['spent'], alpha['money']['total'], alpha['money']['percent']) == \
        ('€350.00', '€500.00', '70.0%')
    assert alpha['time']['percent'] == '17.5%' and alpha['money']['monthly'] == '0'
    beta = row_bars(html, BETA)
    assert beta['money']['percent'] == '116.7%' and beta['money']['level'] == 'over'
    assert beta['time']['percent'] == '90.0%' and beta['time']['level'] == 'warn'
    assert beta['money']['monthly'] == '1'
    # Epsilon has budgets but no records: 0.0 %.
    eps = row_bars(html, EPSILON)
    assert eps['money']['percent'] == '0.0%' and eps['money']['spent'] == '€0.00'
    # Delta has none: no bar at all, and the hidden project is not listed.
    assert row_bars(html, DELTA) == {}
    assert 'Gamma hidden' not in html


def test_only_enabled_budget_kind_shown(fx):
    html = get(fx, fx.money_only)
    b = budget_blocks(html)
    assert set(b) == {'money'}, b
    assert 'data-budget="time"' not in html
    assert 'chart-rows' not in html and 'chart-card' not in html


def test_flags_off_no_chart_or_budget_markup(fx):
    for q in ('', 'details=chart', f'year={fx.year}&month={fx.month}&details=table'):
        assert_no_stats_markup(get(fx, fx.all_off, q))
    assert_no_stats_markup(get(fx, f'{fx.all_off}/p/{ALPHA}', 'details=chart'))


# --------------------------------------------------------------------------------------
# charts

def test_annual_bars_add_up(fx):
    html = get(fx, fx.all_on, f'year={fx.year}&month={fx.month}')
    svg, secs, labels, sec = annual_bars(html)
    assert len(secs) == 12 and labels == MONTHS_EN, labels
    # Visible projects only (Alpha, Beta, Delta, Epsilon), stopped records.
    expected = [visible_month_seconds(fx, {ALPHA, BETA, DELTA, EPSILON}, fx.year, mo)
                for mo in range(1, 13)]
    assert secs == expected, (secs, expected)
    total = int(re.search(r'data-total-seconds="(\d+)"', sec).group(1))
    assert sum(secs) == total
    # The current month's bar is the table's total: 5400 + 3600 + 7200 + 9000 + 1800.
    assert secs[fx.month - 1] == table_total(html) == 27000
    # SVG: accessible, one titled group per bar, each with its exact duration.
    assert 'role="img"' in svg and 'aria-labelledby="chart-annual-title"' in svg
    assert re.search(r'<title id="chart-annual-title">[^<]+</title>', svg)
    assert svg.count('<g class="bar') == 12
    assert f'<title>{MONTHS_EN[fx.month - 1]} {fx.year}: 7:30</title>' in svg
    assert 'viewBox="0 0 ' in svg


def test_annual_chart_in_german(fx):
    r = fx.nginx.get(fx.all_on.replace('/en/', '/de/'))
    assert r.status == 200
    _, _, labels, _ = annual_bars(r.text)
    assert labels == MONTHS_DE, labels


def test_annual_chart_other_year_is_zero(fx):
    _, secs, _, _ = annual_bars(get(fx, fx.all_on, f'year={fx.year - 3}&month=1'))
    assert secs == [0] * 12


def test_monthly_bars_add_up_to_table(fx):
    total = table_total(get(fx, fx.all_on, f'year={fx.year}&month={fx.month}&details=table'))
    html = get(fx, fx.all_on, f'year={fx.year}&month={fx.month}&details=chart')
    svg, secs = monthly_bars(html)
    ndays = (_month_start(*_next_month(fx.year, fx.month)) - _month_start(fx.year, fx.month)).days
    assert len(secs) == ndays, (len(secs), ndays)
    assert sum(secs) == total == 27000
    # Each day as placed (NY days).
    want = [0] * ndays
    for _, pid, start, s, _, _ in fx.records:
        st = start.astimezone(TZ)
        if pid in (ALPHA, BETA, DELTA, EPSILON) and s and (st.year, st.month) == (fx.year, fx.month):
            want[st.day - 1] += s
    assert secs == want
    assert 'role="img"' in svg and 'aria-labelledby="chart-monthly-title"' in svg
    assert svg.count('<g class="bar') == ndays


def test_monthly_chart_only_in_chart_view(fx):
    html = get(fx, fx.all_on, f'year={fx.year}&month={fx.month}')
    assert 'monthly-chart' not in html
    # The switch is there, links stay on this page (query-only) and mark the current view.
    nav = re.search(r'<nav class="segmented details-switch".*?</nav>', html, re.S).group(0)
    hrefs = re.findall(r'href="([^"]*)"', nav)
    assert hrefs == [f'?year={fx.year}&amp;month={fx.month}&amp;details=table',
                     f'?year={fx.year}&amp;month={fx.month}&amp;details=chart'], hrefs
    assert re.search(r'details=table"\s+aria-current="page"', nav)


def test_project_page_switch_stays_on_project_page(fx):
    path = f'{fx.all_on}/p/{BETA}'
    html = get(fx, path, f'year={fx.year}&month={fx.month}&details=chart')
    nav = re.search(r'<nav class="segmented details-switch".*?</nav>', html, re.S).group(0)
    for href in re.findall(r'href="([^"]*)"', nav):
        assert href.startswith('?'), href      # relative to /p/{id}: never the customer page
    assert re.search(r'details=chart"\s+aria-current="page"', nav)
    _, secs = monthly_bars(html)
    assert sum(secs) == visible_month_seconds(fx, {BETA}, fx.year, fx.month) == 7200 + 9000
    _, asecs, _, _ = annual_bars(html)
    assert asecs[fx.month - 1] == 16200


def test_project_share_charts(fx):
    html = get(fx, fx.delta, f'year={fx.year}&month={fx.month}&details=chart')
    _, secs = monthly_bars(html)
    assert sum(secs) == 1800
    _, asecs, _, _ = annual_bars(html)
    assert sum(asecs) == sum(visible_month_seconds(fx, {DELTA}, fx.year, mo) for mo in range(1, 13))


# --------------------------------------------------------------------------------------
# cache (README: budget figures may lag by up to 60 s); keep this test last: it changes data

def test_budget_figures_cached_then_recomputed(fx):
    before = budget_blocks(get(fx, fx.money_only))['money']['spent']
    fx.m.sql(fx.db, "INSERT INTO kimai2_timesheet (id, `user`, activity_id, project_id, start_time,"
                    " end_time, duration, rate, timezone, billable, date_tz)"
                    " SELECT 99, 1, 1, 4, start_time, end_time, duration, 1.00, timezone, 1, date_tz"
                    " FROM kimai2_timesheet WHERE id = 10")
    try:
        # Same process, within the cache's lifetime: the figure has not moved yet...
        assert budget_blocks(get(fx, fx.money_only))['money']['spent'] == before
        # ...but a fresh process computes it from the data.
        p = fx.env.portal(fx.m.url(fx.db), workers=1)
        r = harness.fcgi_request(p.socket, 'GET', fx.money_only)
        assert r.status == 200
        assert budget_blocks(r.text)['money']['spent'] == '€621.00'
        p.stop()
    finally:
        fx.m.sql(fx.db, 'DELETE FROM kimai2_timesheet WHERE id = 99')
