"""The integration suite on pytest: the harness as fixtures, selection, timeouts, sanitizer
reports and the closing count line.

Run from the repository root (scripts/test runs it after the unit tests):

    python3 -m pytest [--select PATTERN]... [--collect-only -q]

How a test module is written (tests/integration/test_NAME.py; tests run module by module,
in file name order, and in each module in the order they are written):

    from . import harness                     # the harness and helpers: relative imports
    from .common import install
    from .test_admin import csrf              # another module's helpers, relatively too

    def setup(env):                           # optional; env is the run's harness.Env
        m = env.mariadb                       # one MariaDB for the whole run
        ...
        return fixture                        # what every test of the module gets as fx

    def teardown(fx):                         # optional; after the module's last test
        ...

    def test_something(fx):                   # fx: setup's result (env without a setup)
        assert ..., 'what went wrong'

A module written as plain `import harness` / `from common import x` needs only those
imports made relative (`from . import harness` / `from .common import x`).

Fixtures: `env` (session scope: one harness.Env, everything it started is stopped at the
end) and `fx` (module scope, used by every module: calls setup(env) once before the
module's first selected test and teardown(fx) after its last one).  A setup that raises
fails every selected test of its module.

--select PATTERN keeps the tests whose name "module.test" contains PATTERN (several: any
of them); scripts/test -k PATTERN passes it on.  pytest's own -k works as usual too.

Per test: a timeout of PORTAL_TEST_TIMEOUT seconds (default 120; a module's setup gets
twice that); a test fails when a process log gained a sanitizer or valgrind report while
it ran (a leak reported when the run stops its processes fails the last test's teardown);
a failure shows what the logs of the processes under test gained meanwhile.  The last line
of the output is "N passed, N failed": a failure in setup, teardown or collection counts as
failed.  The temp dir is removed unless something failed or PORTAL_KEEP_TMP=1.
"""

import inspect
import os
import signal
import sys

import pytest

from tests.integration import harness

_MARKS = pytest.StashKey()
_run = {'env': None, 'passed': 0, 'failed': 0}


def _limit():
    return int(os.environ.get('PORTAL_TEST_TIMEOUT', '120'))


def _name(item):
    """"module.test", the name --select patterns match."""
    return f'{item.module.__name__.rpartition(".")[2]}.{item.name}'


def _sanitizer_check():
    """Fails with the sanitizer or valgrind reports the logs gained since the last check."""
    found = harness.sanitizer_reports()
    if found:
        raise AssertionError(f'{len(found)} sanitizer/valgrind report lines in the logs:\n'
                             + '\n'.join(found[:20]))


def _with_alarm(seconds, what, fn, arg):
    """fn(arg), failing when it takes longer than `seconds`."""
    def expired(signum, frame):
        pytest.fail(f'{what} took longer than {seconds}s')
    old = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        return fn(arg)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


# ---------------------------------------------------------------------------------------
# Options and collection

def pytest_addoption(parser):
    parser.addoption('--select', action='append', default=[], metavar='PATTERN',
                     help='run only tests whose "module.test" name contains PATTERN '
                          '(repeatable: any of them)')


def pytest_pycollect_makeitem(collector, name, obj):
    # A module's tests are the functions it defines, not those it imports.
    if (isinstance(collector, pytest.Module) and inspect.isfunction(obj)
            and collector.funcnamefilter(name)
            and obj.__module__ != collector.obj.__name__):
        return []
    return None


def pytest_collection_modifyitems(session, config, items):
    patterns = config.getoption('select')
    if patterns:
        keep = [it for it in items if any(p in _name(it) for p in patterns)]
        drop = [it for it in items if it not in keep]
        if drop:
            config.hook.pytest_deselected(items=drop)
            items[:] = keep
    # PORTAL_TEST_TIMEOUT unless pytest-timeout was given a timeout itself.
    if config.getoption('timeout', None) is None and 'PYTEST_TIMEOUT' not in os.environ:
        for it in items:
            it.add_marker(pytest.mark.timeout(_limit()))


# ---------------------------------------------------------------------------------------
# Fixtures

@pytest.fixture(scope='session')
def env():
    """The run's harness.Env; everything it started is stopped at the end."""
    harness.install_signal_handlers()
    e = harness.Env()
    _run['env'] = e
    at_exit = []

    def exit_reports():
        # Leaks are reported when a process exits: read them once every process is
        # gone, before the temp dir (and the logs in it) is removed.
        found = harness.sanitizer_reports()
        if found:
            e.failed = True
            at_exit.extend(found)

    harness.at_exit(exit_reports, final=True)
    yield e
    harness.stop_all()
    if at_exit:
        raise AssertionError(f'{len(at_exit)} sanitizer/valgrind report lines in the logs '
                             'when the run stopped its processes:\n' + '\n'.join(at_exit[:20]))


@pytest.fixture(scope='module', autouse=True)
def fx(request, env):
    """The module's setup(env) (env without one); its teardown(fx) after the last test."""
    mod = request.module
    name = mod.__name__.rpartition('.')[2]
    fixture = env
    setup = getattr(mod, 'setup', None)
    if setup:
        fixture = _with_alarm(2 * _limit(), f'setup of {name}', setup, env)
    yield fixture
    teardown = getattr(mod, 'teardown', None)
    if teardown:
        _with_alarm(_limit(), f'teardown of {name}', teardown, fixture)
    _sanitizer_check()


# ---------------------------------------------------------------------------------------
# Running and reporting

@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    item.stash[_MARKS] = harness.log_marks()


@pytest.hookimpl(trylast=True)
def pytest_runtest_call(item):
    # After the test function returned: what did the processes under test report?
    _sanitizer_check()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    if not rep.failed:
        return
    if _run['env'] is not None:
        _run['env'].failed = True
    harness.sanitizer_reports()     # counted once, for this test
    tails = harness.log_tails(item.stash.get(_MARKS, None))
    if tails:
        rep.sections.append(('what the logs gained', tails))


def pytest_runtest_logreport(report):
    if report.failed:
        _run['failed'] += 1
    elif report.when == 'call' and report.passed:
        _run['passed'] += 1


def pytest_collectreport(report):
    if report.failed:
        _run['failed'] += 1


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_sessionfinish(session, exitstatus):
    if exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED:
        # A pattern meant for another suite selects nothing here: not a failure.
        session.exitstatus = pytest.ExitCode.OK
    yield
    # After pytest's own summary: the one line scripts/test counts.
    tr = session.config.pluginmanager.get_plugin('terminalreporter')
    write = tr.write_line if tr else print
    if not getattr(session, 'items', None) and not _run['failed']:
        print('no test matched', file=sys.stderr)
    e = _run['env']
    if e is not None and e.keep:
        write(f'logs kept in {e.dir}')
    write(f'{_run["passed"]} passed, {_run["failed"]} failed')
