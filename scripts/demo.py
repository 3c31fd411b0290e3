"""The running part of scripts/demo (which installs and builds first): a private MariaDB
with Kimai's schema and demo data, portal-install, demo shares, the portal and nginx from
nginx.conf.sample on 127.0.0.1:PORT.  Stops everything on Ctrl-C or SIGTERM.

There is no Kimai in the demo, so the demo brings its own stand-in for Kimai's login page:
/{locale}/login, in the demo's nginx only, goes to a tiny HTTP handler here that writes a
real Kimai session row (kimai2_sessions, PHP's session encoding, as Kimai's form login
writes it) for the demo's super admin "admin", sets Kimai's session cookie KIMAI_SESSION
and redirects to the admin list.  The portal checks that session exactly as it checks one
Kimai made.  Never part of the product: a real Kimai has its own login."""

import argparse
import http.server
import re
import secrets
import sys
import threading
import time

from tests.integration import harness
from tests.integration.test_admin import form_login_payload  # PHP's session encoding

DEMO_ADMIN = (1, 'admin')          # id and name of the demo data's super admin
SESSION_HOURS = 8
LOGIN_RE = re.compile(r'^/([A-Za-z_]{2,12})/login/?(\?.*)?$')


def start_login(m, db):
    """The stand-in for Kimai's login on a free 127.0.0.1 port; returns the nginx
    configuration that routes /{locale}/login to it."""
    uid, name = DEMO_ADMIN

    class Login(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            mt = LOGIN_RE.match(self.path)
            if not mt:
                self.send_error(404)
                return
            # The user's current hash: the portal refuses a session whose user changed.
            pw = m.value(db, f'SELECT password FROM kimai2_users WHERE id = {uid}')
            sid = ''.join(secrets.choice('0123456789abcdefghijklmnopqrstuv') for _ in range(26))
            data = form_login_payload(uid, name, pw)
            m.sql(db, f"INSERT INTO kimai2_sessions (id, data, time, lifetime) VALUES "
                      f"('{sid}', X'{data.hex()}', UNIX_TIMESTAMP(), "
                      f"UNIX_TIMESTAMP() + {SESSION_HOURS * 3600})")
            self.send_response(303)
            self.send_header('Location', f'/{mt.group(1)}/admin/customer-portal')
            self.send_header('Set-Cookie', f'KIMAI_SESSION={sid}; Path=/; HttpOnly; '
                                           f'SameSite=Lax')
            self.send_header('Cache-Control', 'no-store')
            self.send_header('Content-Length', '0')
            self.end_headers()

        do_POST = do_GET

        def log_message(self, fmt, *args):
            pass

    port = harness.free_port()
    srv = http.server.ThreadingHTTPServer(('127.0.0.1', port), Login)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    harness.at_exit(srv.shutdown)
    return ('        # The demo\'s stand-in for Kimai\'s login (scripts/demo.py).\n'
            f'        location ~ ^/[A-Za-z_]+/login/?$ {{\n'
            f'            proxy_pass http://127.0.0.1:{port};\n'
            f'        }}\n')

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
    login = start_login(m, db)
    try:
        nginx = env.nginx(portal, port=opts.port, extra=login)
    except RuntimeError as ex:
        print(f'{ex}\nIs port {opts.port} taken? Try scripts/demo --port 8081', file=sys.stderr)
        return 1

    base = nginx.base_url
    print(f'\nThe customer portal is running on {base}\n')
    for key, what in SHARES:
        print(f'  {base}/en/auth/customer-portal/{key}\n      {what}')
    print(f'\n  Admin side: {base}/en/login  logs you in as the demo\'s super admin and opens')
    print(f'      the list of shares ({base}/en/admin/customer-portal): create, edit, search')
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
