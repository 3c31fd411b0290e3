"""Fixture pieces several test modules need alike: the plugin's table where the installer
cannot run, share keys, share rows and SQL string literals.  Each module keeps its own
small wrapper with the defaults and return shape its tests read best with."""

import secrets
import types

from . import harness

ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

# The plugin's table, for databases where portal-install cannot run (see install()).
PLUGIN_DDL = """
CREATE TABLE IF NOT EXISTS kimai2_customer_portals (
  id INT AUTO_INCREMENT NOT NULL, project_id INT DEFAULT NULL, customer_id INT DEFAULT NULL,
  share_key VARCHAR(20) NOT NULL, password VARCHAR(255) DEFAULT NULL,
  record_merge_mode VARCHAR(50) NOT NULL,
  entry_user_visible TINYINT(1) DEFAULT 0 NOT NULL, entry_rate_visible TINYINT(1) DEFAULT 0 NOT NULL,
  annual_chart_visible TINYINT(1) DEFAULT 0 NOT NULL, monthly_chart_visible TINYINT(1) DEFAULT 0 NOT NULL,
  budget_stats_visible TINYINT(1) DEFAULT 0 NOT NULL,
  time_budget_stats_visible TINYINT(1) DEFAULT 0 NOT NULL,
  UNIQUE INDEX UNIQ_7747AE6BF06F2E59 (share_key), INDEX IDX_7747AE6B166D1F9C (project_id),
  INDEX IDX_7747AE6B9395C3F3 (customer_id), PRIMARY KEY(id),
  CONSTRAINT FK_7747AE6B166D1F9C FOREIGN KEY (project_id) REFERENCES kimai2_projects (id) ON DELETE CASCADE,
  CONSTRAINT FK_7747AE6B9395C3F3 FOREIGN KEY (customer_id) REFERENCES kimai2_customers (id) ON DELETE CASCADE
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci ENGINE = InnoDB
"""


def install(m, db):
    """Runs portal-install on `db`; True when it succeeded.  When it did not, only the
    plugin's table is created: the installer has its own tests, and the modules using this
    need nothing else."""
    if harness.run_install(m.url(db)).returncode == 0:
        return True
    m.sql(db, PLUGIN_DDL)
    return False


def installed_kimai(env, dump='2.45-rates'):
    """A module's fixture to start from: a fresh copy of Kimai dump `dump` with the portal's
    tables installed (portal-install must succeed).  Holds env, m (the MariaDB), db and url."""
    fx = types.SimpleNamespace(env=env, m=env.mariadb)
    fx.db = fx.m.kimai_db(dump)
    fx.url = fx.m.url(fx.db)
    r = harness.run_install(fx.url)
    assert r.returncode == 0, f'portal-install failed:\n{r.stdout}\n{r.stderr}'
    return fx


def start_portal(env, fx):
    """Kimai's roles the admin tests need, then a portal (two workers, its own secret,
    trusting the local nginx's proxy headers) and nginx in front of it: fx.secret,
    fx.portal, fx.n."""
    fx.m.sql(fx.db, "INSERT IGNORE INTO kimai2_roles (name) VALUES ('ROLE_USER'), "
                    "('ROLE_SUPER_ADMIN')")
    fx.secret = secrets.token_hex(32)
    fx.portal = env.portal(fx.url, secret=fx.secret, workers=2,
                           args=['--trusted-proxy', '127.0.0.1/32'])
    fx.n = env.nginx(fx.portal)
    return fx


def new_key():
    """A random share key as the plugin makes them: 20 letters and digits."""
    return ''.join(secrets.choice(ALNUM) for _ in range(20))


def sql_str(s):
    """A MariaDB string literal (NULL for None)."""
    if s is None:
        return 'NULL'
    return "'" + s.replace('\\', '\\\\').replace("'", "''") + "'"


def insert_share(m, db, project=None, customer=None, password=None, mode='NONE', user=1,
                 rate=1, annual=0, monthly=0, budget=0, time_budget=0):
    """A row of kimai2_customer_portals with a new key; returns (id, key).  `password` is
    the stored hash (None: unprotected), the flags are 0 or 1."""
    key = new_key()
    m.sql(db, "INSERT INTO kimai2_customer_portals (project_id, customer_id, share_key, "
              "password, record_merge_mode, entry_user_visible, entry_rate_visible, "
              "annual_chart_visible, monthly_chart_visible, budget_stats_visible, "
              f"time_budget_stats_visible) VALUES ({project or 'NULL'}, {customer or 'NULL'}, "
              f"'{key}', {sql_str(password)}, {sql_str(mode)}, {user}, {rate}, {annual}, "
              f"{monthly}, {budget}, {time_budget})")
    sid = int(m.value(db, f"SELECT id FROM kimai2_customer_portals WHERE share_key = '{key}'"))
    return sid, key
