"""Model code on a real MariaDB, without a request: tests/unit/model/test_model_db.c calls
share_load, records_month, budget_figures_load, year_seconds_load, admin_shares_list and
admin_share_get on the database set up here and asserts their results.

The data: kimai-2.45-rates.sql (project 1 "Server" of customer 1 "Acme1", Europe/Brussels:
3 records, 6:00 h, 240.00 in March 2026 and one of 1:00 h, 40.00 in February; see
test_share.py), budgets set here (project 1: 1000.00 and 10 h all-time; customer 1: 500.00
a month) and three shares with fixed keys, whose settings and view counts are set here
(the project share also shows activities and tags: two visible tags and a hidden one).
The C program holds the expected figures; this module only prepares the database and runs
it."""

import os
import re
import subprocess
import types

from . import harness
from .common import install

KEY_PROJECT = 'ModelTestProject0001'
KEY_CUSTOMER = 'ModelTestCustomer001'
KEY_EXPIRED = 'ModelTestExpired0001'
PW_HASH = '$argon2id$v=19$m=65536,t=4,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo'

SHARE_COLS = ('project_id, customer_id, share_key, password, record_merge_mode, '
              'entry_user_visible, entry_rate_visible, annual_chart_visible, '
              'monthly_chart_visible, budget_stats_visible, time_budget_stats_visible')

DATA = f"""
UPDATE kimai2_projects SET budget = 1000, time_budget = 36000, budget_type = NULL
  WHERE id = 1;
UPDATE kimai2_customers SET budget = 500, time_budget = 0, budget_type = 'month'
  WHERE id = 1;
INSERT INTO kimai2_customer_portals ({SHARE_COLS}) VALUES
  (1, NULL, '{KEY_PROJECT}', '{PW_HASH}', 'MERGE', 1, 1, 1, 1, 1, 1),
  (NULL, 1, '{KEY_CUSTOMER}', NULL, 'NONE', 0, 0, 0, 0, 0, 0),
  (1, NULL, '{KEY_EXPIRED}', '', 'NONE', 1, 1, 0, 0, 0, 0);
INSERT INTO kimai2_customer_portals_settings
  (share_id, expires_at, window_from, window_to, created_at, updated_at)
  SELECT id, '2099-12-31 23:00:00', '2026-01-01', '2026-12-01', UTC_TIMESTAMP(),
         UTC_TIMESTAMP()
  FROM kimai2_customer_portals WHERE share_key = '{KEY_PROJECT}';
INSERT INTO kimai2_customer_portals_settings
  (share_id, expires_at, window_from, window_to, created_at, updated_at)
  SELECT id, UTC_TIMESTAMP() - INTERVAL 1 DAY, NULL, NULL, UTC_TIMESTAMP(), UTC_TIMESTAMP()
  FROM kimai2_customer_portals WHERE share_key = '{KEY_EXPIRED}';
INSERT INTO kimai2_customer_portals_views (share_id, views, last_view)
  SELECT id, 7, '2026-03-09 10:00:00'
  FROM kimai2_customer_portals WHERE share_key = '{KEY_PROJECT}';
INSERT INTO kimai2_customer_portals_display
  (share_id, show_activity, show_tags, created_at, updated_at)
  SELECT id, 1, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP()
  FROM kimai2_customer_portals WHERE share_key = '{KEY_PROJECT}';
INSERT INTO kimai2_tags (id, name, color, visible) VALUES
  (1, 'ops', NULL, 1), (2, 'alpha', NULL, 1), (3, 'hidden-x', NULL, 0);
INSERT INTO kimai2_timesheet_tags (timesheet_id, tag_id) VALUES
  (3, 1), (3, 3), (2, 1), (2, 2), (1, 2);
"""


def setup(env):
    fx = types.SimpleNamespace(env=env, m=env.mariadb)
    fx.db = fx.m.kimai_db('2.45-rates')
    assert install(fx.m, fx.db), 'portal-install failed'
    fx.m.sql(fx.db, DATA)
    fx.url = fx.m.url(fx.db)
    return fx


def run_model_test(url):
    env = dict(os.environ)
    env.pop('PORTAL_TEST_DATABASE_URL', None)
    if url is not None:
        env['PORTAL_TEST_DATABASE_URL'] = url
    return subprocess.run([str(harness.binary('tests/test_model_db'))], env=env,
                          capture_output=True, text=True, timeout=120)


def test_model_on_mariadb(fx):
    r = run_model_test(fx.url)
    assert r.returncode == 0, f'exit {r.returncode}\n{r.stdout}{r.stderr}'
    m = re.search(r'(\d+) checks, 0 failed', r.stderr)
    assert m and int(m.group(1)) > 100, r.stderr


def test_model_skips_without_database(fx):
    r = run_model_test(None)
    assert r.returncode == 77, f'exit {r.returncode}\n{r.stdout}{r.stderr}'
