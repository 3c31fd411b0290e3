#!/usr/bin/env python3
"""Integration test runner.

    python3 tests/run.py [-k PATTERN]... [--list]

Runs every `test_*` function of tests/integration/test_*.py, module by module, in the
order they are written.  A module may define
    setup(env)      -> fixture    run once before its first selected test; `env` is the
                                  run's harness.Env (one MariaDB for the whole run);
    teardown(fixture)             run after its last test.
A test function takes no argument or one: the module's fixture (the env itself when the
module has no setup).  A test fails when it raises; the message of an AssertionError is
printed as it is, anything else with a short traceback, followed by what the logs of the
processes under test gained meanwhile.

-k PATTERN selects tests whose name "module.test" contains PATTERN (several -k: any).
Output: one `PASS name` / `FAIL name` line per test, then exactly one line
`N passed, N failed`.  Exit status 1 when anything failed.

Environment: PORTAL_BUILD (build directory, default "build"), PORTAL_TEST_TIMEOUT
(seconds per test, default 120), PORTAL_KEEP_TMP=1 (keep the temp dir even on success).
"""

import argparse
import importlib.util
import inspect
import os
import signal
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / 'integration'))

import harness  # noqa: E402


class TestTimeout(Exception):
    pass


def _alarm(signum, frame):
    raise TestTimeout(f'test took longer than {os.environ.get("PORTAL_TEST_TIMEOUT", 120)}s')


def load_modules():
    mods = []
    for path in sorted((HERE / 'integration').glob('test_*.py')):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        mod = importlib.util.module_from_spec(spec)
        sys.modules[path.stem] = mod
        spec.loader.exec_module(mod)
        mods.append(mod)
    return mods


def tests_of(mod):
    # Module dicts keep definition order.
    return [(name, fn) for name, fn in vars(mod).items()
            if name.startswith('test_') and inspect.isfunction(fn)
            and fn.__module__ == mod.__name__]


def describe(ex):
    if isinstance(ex, AssertionError):
        msg = str(ex) or 'assertion failed'
        tb = traceback.extract_tb(ex.__traceback__)
        where = next((f'{Path(f.filename).name}:{f.lineno}' for f in reversed(tb)
                      if Path(f.filename).name.startswith('test_')), None)
        return msg + (f'  [{where}]' if where else '')
    lines = traceback.format_exception(type(ex), ex, ex.__traceback__)
    return ''.join(lines[-6:]).rstrip()


def indent(text):
    return '\n'.join('    ' + line for line in text.splitlines())


def sanitizer_check():
    """Fails with the sanitizer or valgrind reports the logs gained meanwhile."""
    found = harness.sanitizer_reports()
    if found:
        raise AssertionError(f'{len(found)} sanitizer/valgrind report lines in the logs:\n'
                             + '\n'.join(found[:20]))


def call(fn, arg):
    n = len(inspect.signature(fn).parameters)
    return fn(arg) if n == 1 else fn()


def main():
    ap = argparse.ArgumentParser(description='Runs the integration tests.')
    ap.add_argument('-k', action='append', default=[], metavar='PATTERN',
                    help='run only tests whose "module.test" name contains PATTERN')
    ap.add_argument('--list', action='store_true', help='list the selected tests and exit')
    opts = ap.parse_args()

    harness.install_signal_handlers()
    signal.signal(signal.SIGALRM, _alarm)
    limit = int(os.environ.get('PORTAL_TEST_TIMEOUT', '120'))

    plan = []
    for mod in load_modules():
        sel = [(f'{mod.__name__}.{n}', fn) for n, fn in tests_of(mod)
               if not opts.k or any(k in f'{mod.__name__}.{n}' for k in opts.k)]
        if sel:
            plan.append((mod, sel))
    if opts.list:
        for _, sel in plan:
            for name, _ in sel:
                print(name)
        return 0

    env = harness.Env()
    passed = failed = 0

    def fail(name, ex, marks):
        nonlocal failed
        failed += 1
        env.failed = True
        print(f'FAIL {name}')
        print(indent(describe(ex)))
        tails = harness.log_tails(marks)
        if tails:
            print(indent(tails))
        sys.stdout.flush()

    try:
        for mod, sel in plan:
            marks = harness.log_marks()
            fixture = env
            setup = getattr(mod, 'setup', None)
            try:
                signal.alarm(limit * 2)
                if setup:
                    fixture = setup(env)
            except Exception as ex:
                signal.alarm(0)
                for name, _ in sel:
                    fail(name, AssertionError(f'setup of {mod.__name__} failed: '
                                              f'{describe(ex)}'), marks)
                continue
            finally:
                signal.alarm(0)
            for name, fn in sel:
                marks = harness.log_marks()
                t0 = time.monotonic()
                try:
                    signal.alarm(limit)
                    call(fn, fixture)
                    signal.alarm(0)
                    sanitizer_check()
                except Exception as ex:
                    signal.alarm(0)
                    harness.sanitizer_reports()   # counted once, for this test
                    fail(name, ex, marks)
                else:
                    passed += 1
                    print(f'PASS {name} ({time.monotonic() - t0:.1f}s)')
                    sys.stdout.flush()
            teardown = getattr(mod, 'teardown', None)
            if teardown:
                try:
                    signal.alarm(limit)
                    teardown(fixture)
                    sanitizer_check()
                except Exception as ex:
                    fail(f'{mod.__name__}.teardown', ex, harness.log_marks())
                finally:
                    signal.alarm(0)
    finally:
        harness.stop_all()
    # Leaks are reported when a process exits: the ones stopped last count here.
    try:
        sanitizer_check()
    except AssertionError as ex:
        fail('sanitizer reports at exit', ex, {})

    if not plan:
        print('no test matched', file=sys.stderr)
    if env.keep:
        print(f'logs kept in {env.dir}')
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
