"""Starts the showcase portal (MariaDB with demo data, portal, nginx) for the browser suite.

    python3 -m tests.browser.serve        (from the repository root)

Prints one JSON line with the base URL, the share paths, the locked share's password and a
Kimai session cookie, then serves until its standard input closes.  A line "failed" on
standard input before that keeps the temp dir with the logs (its path goes to stderr).
Everything it started is stopped by pid on the way out, also on SIGINT/SIGTERM.
"""

import json
import sys

from ..integration import harness, showcase


def main():
    harness.install_signal_handlers()
    env = harness.Env()
    try:
        fx = showcase.start(env)
        info = {
            'base': fx.base,
            'shares': {k: showcase.share_path(k) for k in showcase.SHARES},
            'keys': dict(showcase.SHARES),
            'password': showcase.LOCKED_PASSWORD,
            'session': {'name': showcase.SESSION_COOKIE, 'value': fx.session},
            'newYear': fx.new_year,
            # a command line that runs SQL from its standard input on the showcase database
            # (tests that change Kimai's data the way Kimai would, e.g. signoff.js)
            'sql': fx.m.client_cmd(fx.db),
            'logs': str(env.dir),
        }
        print(json.dumps(info), flush=True)
        for line in sys.stdin:
            if line.strip() == 'failed':
                env.failed = True
            elif line.strip() == 'logs':
                print(harness.log_tails(), file=sys.stderr, flush=True)
    except Exception as ex:
        env.failed = True
        print(json.dumps({'error': f'{type(ex).__name__}: {ex}'}), flush=True)
        return 1
    finally:
        harness.stop_all()
        if env.keep:
            print(f'tests.browser.serve: logs kept in {env.dir}', file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
