"""The running part of scripts/demo (which installs and builds first): a private MariaDB
with Kimai's schema and demo data, portal-install, demo shares, the portal and nginx from
nginx.conf.sample on 127.0.0.1:PORT.  Stops everything on Ctrl-C or SIGTERM."""

import argparse
import sys
import time

from tests.integration import harness

SHARES = [
    ('DemoProjectShare0001', 'project "Website Relaunch": all-time budget, charts, rates'),
    ('DemoCustomerShare001', 'customer "Globex Inc." (USD): monthly budget, charts, stats'),
    ('DemoMergedShare00001', 'project "Support & Maintenance": one line per day and user'),
    ('DemoPasswordShare001', 'customer "Acme Corporation": password "demo"'),
    ('DemoTokyoShare000001', 'customer in Tokyo (JPY), first description of the day'),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--port', type=int, default=8080)
    opts = ap.parse_args()

    harness.install_signal_handlers()
    env = harness.Env()
    print('Starting MariaDB ...', flush=True)
    m = env.mariadb
    db = m.demo_db()
    print('Running portal-install ...', flush=True)
    r = harness.run_install(m.url(db))
    sys.stdout.write(r.stdout)
    sys.stderr.write(r.stderr)
    if r.returncode != 0:
        print(f'portal-install failed (status {r.returncode})', file=sys.stderr)
        return 1
    m.load_dump(harness.DATA / 'demo-shares.sql', db)
    print('Starting the portal and nginx ...', flush=True)
    portal = env.portal(m.url(db), workers=4)
    try:
        nginx = env.nginx(portal, port=opts.port)
    except RuntimeError as ex:
        print(f'{ex}\nIs port {opts.port} taken? Try scripts/demo --port 8081', file=sys.stderr)
        return 1

    base = nginx.base_url
    print(f'\nThe customer portal is running on {base}\n')
    for key, what in SHARES:
        print(f'  {base}/en/auth/customer-portal/{key}\n      {what}')
    print('\n  Other languages: replace /en/ by /de/, /fr/, /ja/, /pt_BR/ ...')
    print(f'  Health: {base}/customer-portal/health   Ready: {base}/customer-portal/ready')
    print(f'\n  Logs: {portal.log}  {nginx.error_log}')
    print(f'  Database: mariadb --socket={m.socket} -u{m.admin} {db}')
    print('\nPress Ctrl-C to stop (the demo data goes with it).', flush=True)
    # Ctrl-C lands in the harness's handler, which stops everything by pid and exits.
    while portal.running and nginx.proc.poll() is None:
        time.sleep(1)
    env.failed = True      # keep the logs
    print('portal or nginx stopped unexpectedly:', file=sys.stderr)
    print(harness.log_tails(), file=sys.stderr)
    print(f'logs kept in {env.dir}', file=sys.stderr)
    return 1


if __name__ == '__main__':
    sys.exit(main())
