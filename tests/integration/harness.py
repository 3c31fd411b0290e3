"""Integration test harness: a real MariaDB, the real portal and a real nginx.

Nothing is mocked.  MariaDB runs with a private data directory, nginx runs from the
repository's nginx.conf.sample (only the marked values rewritten), the portal is the binary
from the build directory (env PORTAL_BUILD, default "build").  Every process started here
is stopped by its pid when the run ends -- normally, on an exception or on SIGINT/SIGTERM --
and the temp directory is removed unless something failed (then its logs are kept).

Several runs may proceed at once on one machine: ports are picked free on 127.0.0.1 and
all paths live in a private temp directory.

Typical use in a test module (conftest.py passes the run's Env to setup()):

    def setup(env):
        m = env.mariadb                          # shared MariaDB of the run
        db = m.kimai_db('2.45-rates')            # fresh database from a real Kimai dump
        assert harness.run_install(m.url(db)).returncode == 0
        portal = env.portal(m.url(db))           # started, /customer-portal/health answers
        return env.nginx(portal)                 # from nginx.conf.sample, free port

    def test_something(fx):
        status, headers, body = fx.get('/en/auth/customer-portal/SomeKey')

Python 3 standard library only.
"""

import atexit
import collections
import getpass
import http.client
import json
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import socketserver
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / 'tests' / 'data'
DUMPS = DATA / 'kimai-dumps'
NGINX_SAMPLE = REPO / 'nginx.conf.sample'
APACHE_SAMPLE = REPO / 'apache.conf.sample'

# The three real Kimai databases, by short name.
DUMP_FILES = {
    '2.36-empty': DUMPS / 'kimai-2.36-empty-install.sql',
    '2.45-rates': DUMPS / 'kimai-2.45-rates.sql',
    '2.45-permissions': DUMPS / 'kimai-2.45-permissions.sql',
}

# The portal's liveness and readiness paths (docs/design.md, "Operating it").
HEALTH_PATH = '/customer-portal/health'
READY_PATH = '/customer-portal/ready'


def build_dir():
    p = Path(os.environ.get('PORTAL_BUILD', 'build'))
    return p if p.is_absolute() else REPO / p


def binary(name):
    """Path of a program from the build directory; a clear failure when it is not built."""
    p = build_dir() / name
    if not os.access(p, os.X_OK):
        raise AssertionError(f'{p} is not built (run: meson compile -C {build_dir()})')
    return p


# --------------------------------------------------------------------------------------
# Process bookkeeping: everything we start is stopped by pid, whatever happens.

_procs = []          # subprocess.Popen objects we started
_logs = []           # log files of those processes, for tails on failure
_cleanups = []       # callables run once at exit (newest first)
_finals = []         # run after every process is gone (removing directories)
_lock = threading.Lock()


def _track(proc, log=None):
    with _lock:
        _procs.append(proc)
        if log is not None and log not in _logs:
            _logs.append(log)
    return proc


def _untrack(proc):
    with _lock:
        if proc in _procs:
            _procs.remove(proc)


def stop_process(proc, timeout=10.0):
    """SIGTERM, then SIGKILL after `timeout`.  Returns the exit status."""
    if proc is None:
        return None
    if proc.poll() is None:
        try:
            proc.terminate()
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        except ProcessLookupError:
            pass
    _untrack(proc)
    return proc.returncode


def _run_all(fns):
    while True:
        with _lock:
            if not fns:
                return
            fn = fns.pop()
        try:
            fn()
        except Exception as ex:  # a cleanup must never hide the others
            print(f'harness: cleanup failed: {ex}', file=sys.stderr)


def stop_all():
    """Runs the registered cleanups (newest first), stops what is left by pid, then
    runs the final cleanups (directories go only when nothing runs in them)."""
    _run_all(_cleanups)
    with _lock:
        left = list(reversed(_procs))
    for p in left:
        stop_process(p, timeout=5.0)
    _run_all(_finals)


def at_exit(fn, final=False):
    """Registers fn to run once when the run ends (see stop_all)."""
    with _lock:
        (_finals if final else _cleanups).append(fn)


_handlers_installed = False


def install_signal_handlers():
    """SIGINT/SIGTERM/SIGHUP stop everything we started, then exit 128+signal."""
    global _handlers_installed
    if _handlers_installed:
        return
    _handlers_installed = True

    def handler(signum, frame):
        signal.signal(signum, signal.SIG_IGN)
        stop_all()
        for f in (sys.stdout, sys.stderr):
            try:
                f.flush()
            except (OSError, ValueError):
                pass
        os._exit(128 + signum)

    for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(s, handler)
    atexit.register(stop_all)


def log_marks():
    """Current size of every known log, to print only what a test added."""
    with _lock:
        logs = list(_logs)
    return {p: (p.stat().st_size if p.exists() else 0) for p in logs}


def log_tails(marks=None, lines=25):
    """Text of what each log gained since `marks` (last `lines` lines of each)."""
    out = []
    with _lock:
        logs = list(_logs)
    for p in logs:
        if not p.exists():
            continue
        start = (marks or {}).get(p, 0)
        with open(p, 'rb') as f:
            f.seek(start)
            text = f.read().decode('utf-8', 'replace')
        tail = text.splitlines()[-lines:]
        if tail:
            out.append(f'--- {p} (last {len(tail)} lines)')
            out.extend('    ' + t for t in tail)
    return '\n'.join(out)


# What ASan, UBSan, LeakSanitizer and valgrind print when they find something.  A portal
# built with -Db_sanitize=address,undefined (or run under PORTAL_WRAPPER=valgrind …)
# writes it to its log; conftest.py fails the test during which a log gained such a line.
_SANITIZER_RE = re.compile(
    r'ERROR: AddressSanitizer|ERROR: LeakSanitizer|LeakSanitizer|runtime error:'
    r'|==\d+== (Invalid (read|write|free)|Conditional jump|Use of uninitialised'
    r'|Syscall param|Mismatched free|Source and destination overlap)'
    r'|ERROR SUMMARY: [1-9]')
_sanitizer_seen = {}


def sanitizer_reports():
    """Sanitizer and valgrind report lines the logs gained since the last call."""
    out = []
    with _lock:
        logs = list(_logs)
    for p in logs:
        if not p.exists():
            continue
        start = _sanitizer_seen.get(p, 0)
        with open(p, 'rb') as f:
            f.seek(start)
            data = f.read()
        _sanitizer_seen[p] = start + len(data)
        for line in data.decode('utf-8', 'replace').splitlines():
            if _SANITIZER_RE.search(line):
                out.append(f'{p}: {line.strip()}')
    return out


def wrapper():
    """PORTAL_WRAPPER (e.g. "valgrind --leak-check=full"): a command the portal runs under."""
    return shlex.split(os.environ.get('PORTAL_WRAPPER', ''))


def file_tail(path, lines=25):
    try:
        text = Path(path).read_text('utf-8', 'replace')
    except OSError:
        return ''
    return '\n'.join(text.splitlines()[-lines:])


# --------------------------------------------------------------------------------------
# Small utilities

def free_port():
    """A TCP port on 127.0.0.1 that was free a moment ago (callers retry on a clash)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def wait_until(fn, timeout, interval=0.05, what='condition'):
    """Polls fn() until it returns a true value; returns it, or raises AssertionError."""
    deadline = time.monotonic() + timeout
    last_exc = None
    while True:
        try:
            v = fn()
            if v:
                return v
        except (OSError, http.client.HTTPException) as ex:
            last_exc = ex
        if time.monotonic() >= deadline:
            extra = f' (last error: {last_exc})' if last_exc else ''
            raise AssertionError(f'timed out after {timeout}s waiting for {what}{extra}')
        time.sleep(interval)


def _tmp_parent():
    # Unix socket paths are limited to 107 bytes: keep the base short.
    t = tempfile.gettempdir()
    return t if len(t) < 40 else '/tmp'


class Response(collections.namedtuple('Response', 'status headers body')):
    """status: int, headers: http.client.HTTPMessage (case-insensitive, get_all() for
    repeated ones such as Set-Cookie), body: bytes.  Unpacks as (status, headers, body)."""
    __slots__ = ()

    @property
    def text(self):
        return self.body.decode('utf-8', 'replace')


# --------------------------------------------------------------------------------------
# MariaDB with a private data directory

class MariaDB:
    """One mariadbd with its own datadir, unix socket and a free port on 127.0.0.1.

    The harness administers it over the private socket as the OS user (unix_socket
    authentication); the portal connects as `portal` with a password, over TCP or the
    socket.  stop()/start() keep the datadir and the port (outage tests); kill() is SIGKILL.
    """

    def __init__(self, workdir):
        self.dir = Path(workdir)
        self.datadir = self.dir / 'data'
        self.tmpdir = self.dir / 'tmp'
        self.socket = self.dir / 'mysqld.sock'
        self.pidfile = self.dir / 'mysqld.pid'
        self.log = self.dir / 'mariadb.log'
        self.port = None
        self.proc = None
        self.admin = 'root' if os.geteuid() == 0 else getpass.getuser()
        self.user = 'portal'
        self.password = 'pw-' + secrets.token_hex(8)
        self._dbs = 0
        # More mariadbd options, after (so overriding) the defaults below.
        self.extra_args = []

    # lifecycle -------------------------------------------------------------------
    def _install(self):
        cmd = ['mariadb-install-db', '--no-defaults', f'--datadir={self.datadir}',
               f'--user={self.admin}', '--auth-root-authentication-method=socket',
               '--skip-test-db', '--skip-name-resolve']
        # Its temporary tables too stay out of a /tmp that others may clean up meanwhile.
        self.tmpdir.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ, TMPDIR=str(self.tmpdir))
        with open(self.log, 'ab') as log:
            r = subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT, timeout=120, env=env)
        if r.returncode != 0:
            raise RuntimeError(f'mariadb-install-db failed ({r.returncode}):\n{file_tail(self.log)}')

    def start(self, timeout=60):
        fresh = not self.datadir.exists()
        if fresh:
            self._install()
        self.tmpdir.mkdir(exist_ok=True)
        for _ in range(5):
            port = self.port or free_port()
            cmd = ['mariadbd', '--no-defaults', f'--user={self.admin}',
                   f'--datadir={self.datadir}', f'--socket={self.socket}',
                   f'--pid-file={self.pidfile}', f'--port={port}',
                   '--bind-address=127.0.0.1', '--skip-name-resolve',
                   # Its own temp dir: internal temporary tables must not share /tmp
                   # with whatever else cleans it up on this machine.
                   f'--tmpdir={self.tmpdir}',
                   f'--log-error={self.log}',
                   # Small and quick: a test server, several may run at once.
                   '--innodb-buffer-pool-size=64M', '--innodb-log-file-size=32M',
                   '--innodb-flush-log-at-trx-commit=2', '--skip-log-bin',
                   '--max-connections=200', '--character-set-server=utf8mb4',
                   '--collation-server=utf8mb4_unicode_ci'] + list(self.extra_args)
            self.proc = _track(subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                                                stdout=subprocess.DEVNULL,
                                                stderr=subprocess.DEVNULL), self.log)
            if self._wait_ready(timeout):
                self.port = port
                break
            stop_process(self.proc)
            if self.port:      # a restart must keep its port: nothing else to try
                raise RuntimeError(f'mariadbd did not restart on port {port}:\n{file_tail(self.log)}')
        else:
            raise RuntimeError(f'mariadbd did not start:\n{file_tail(self.log)}')
        if fresh:
            pw = self.password
            self.sql(None, f"""
                CREATE USER '{self.user}'@'localhost' IDENTIFIED BY '{pw}';
                CREATE USER '{self.user}'@'127.0.0.1' IDENTIFIED BY '{pw}';
            """)
        return self

    def _wait_ready(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return False
            r = subprocess.run(['mariadb-admin', '--no-defaults', f'--socket={self.socket}',
                                f'--user={self.admin}', '--connect-timeout=2', 'ping'],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if r.returncode == 0:
                return True
            time.sleep(0.1)
        return False

    def stop(self, timeout=60):
        """Clean shutdown (SIGTERM); the datadir stays for start()."""
        rc = stop_process(self.proc, timeout)
        self.proc = None
        return rc

    def kill(self):
        """SIGKILL: connections die without a goodbye, as in a crash."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        _untrack(self.proc)
        self.proc = None

    @property
    def running(self):
        return self.proc is not None and self.proc.poll() is None

    # SQL through the mariadb client ------------------------------------------------
    def client_cmd(self, db=None, user=None):
        # --unbuffered: a client kept open on a pipe (e.g. holding a lock) answers at once.
        cmd = ['mariadb', '--no-defaults', f'--socket={self.socket}',
               f'--user={user or self.admin}', '--batch', '--raw', '--skip-column-names',
               '--unbuffered', '--default-character-set=utf8mb4']
        if db:
            cmd.append(db)
        return cmd

    def sql(self, db, query, timeout=60):
        """Runs `query` (one or more statements) and returns the rows of the last result
        as lists of strings (NULL comes back as the string 'NULL')."""
        r = subprocess.run(self.client_cmd(db), input=query.encode(), capture_output=True,
                           timeout=timeout)
        if r.returncode != 0:
            raise RuntimeError(f'SQL failed on {db}: {r.stderr.decode(errors="replace").strip()}'
                               f'\n  query: {query.strip()[:500]}')
        out = r.stdout.decode('utf-8', 'replace')
        return [line.split('\t') for line in out.splitlines()]

    def value(self, db, query):
        """The single value of a one-row, one-column query (None when no row)."""
        rows = self.sql(db, query)
        return rows[0][0] if rows else None

    def create_db(self, name, grant=True):
        self.sql(None, f'CREATE DATABASE `{name}` CHARACTER SET utf8mb4 '
                       f'COLLATE utf8mb4_unicode_ci;')
        if grant:
            self.grant_all(name)
        return name

    def grant_all(self, db, user=None):
        u = user or self.user
        self.sql(None, f"GRANT ALL PRIVILEGES ON `{db}`.* TO '{u}'@'localhost';"
                       f"GRANT ALL PRIVILEGES ON `{db}`.* TO '{u}'@'127.0.0.1';")

    def create_user(self, name, password, grants=()):
        """A further account (e.g. one lacking privileges); grants like 'SELECT ON `db`.*'."""
        stmts = []
        for host in ('localhost', '127.0.0.1'):
            stmts.append(f"CREATE USER '{name}'@'{host}' IDENTIFIED BY '{password}';")
            stmts.extend(f"GRANT {g} TO '{name}'@'{host}';" for g in grants)
        self.sql(None, '\n'.join(stmts))

    def new_db(self, prefix='db'):
        """A fresh, empty database with a unique name, the portal user granted."""
        self._dbs += 1
        name = re.sub(r'[^A-Za-z0-9_]', '_', f'{prefix}_{self._dbs}')
        return self.create_db(name)

    def load_dump(self, file, db):
        """Loads an SQL file into `db` (created when missing)."""
        exists = self.value(None, f"SELECT COUNT(*) FROM information_schema.SCHEMATA "
                                  f"WHERE SCHEMA_NAME = '{db}'")
        if exists == '0':
            self.create_db(db)
        with open(file, 'rb') as f:
            r = subprocess.run(self.client_cmd(db), stdin=f, capture_output=True, timeout=300)
        if r.returncode != 0:
            raise RuntimeError(f'loading {file} into {db} failed: '
                               f'{r.stderr.decode(errors="replace").strip()}')
        return db

    def load_timezones(self):
        """Fills MariaDB's time zone tables (CONVERT_TZ with names; the demo data needs
        them).  Takes about two seconds, so only on demand, once per server."""
        if self.value('mysql', 'SELECT COUNT(*) FROM time_zone_name') != '0':
            return
        tz = subprocess.run(['mariadb-tzinfo-to-sql', '/usr/share/zoneinfo'],
                            capture_output=True, timeout=120).stdout
        r = subprocess.run(self.client_cmd('mysql'), input=tz, capture_output=True,
                           timeout=300)
        if r.returncode != 0:
            raise RuntimeError(f'loading time zones failed: {r.stderr.decode(errors="replace")}')

    def demo_db(self):
        """A fresh database with Kimai's schema and the demo data (no portal tables)."""
        self.load_timezones()
        db = self.new_db('demo')
        self.load_dump(DATA / 'kimai-schema.sql', db)
        return self.load_dump(DATA / 'demo-data.sql', db)

    def kimai_db(self, dump='2.45-rates'):
        """A fresh database loaded from one of the real Kimai dumps (see DUMP_FILES)."""
        db = self.new_db('kimai_' + dump.replace('.', '').replace('-', '_'))
        return self.load_dump(DUMP_FILES[dump], db)

    # what the portal is given --------------------------------------------------------
    def url(self, db, user=None, password=None, port=None):
        u = urllib.parse.quote(user or self.user, safe='')
        p = urllib.parse.quote(password if password is not None else self.password, safe='')
        return (f'mysql://{u}:{p}@127.0.0.1:{port or self.port}/{db}'
                f'?charset=utf8mb4&serverVersion=10.11.0-MariaDB')

    def socket_url(self, db):
        p = urllib.parse.quote(self.password, safe='')
        s = urllib.parse.quote(str(self.socket), safe='/')
        return f'mysql://{self.user}:{p}@localhost/{db}?charset=utf8mb4&unix_socket={s}'


# --------------------------------------------------------------------------------------
# FastCGI: a small client (to talk to the portal without nginx) and an echo responder
# (to test nginx.conf.sample without the portal).

FCGI_BEGIN_REQUEST, FCGI_ABORT_REQUEST, FCGI_END_REQUEST = 1, 2, 3
FCGI_PARAMS, FCGI_STDIN, FCGI_STDOUT, FCGI_STDERR = 4, 5, 6, 7
FCGI_RESPONDER = 1


def _fcgi_record(rtype, req_id, content=b''):
    out = b''
    # Records carry at most 65535 bytes; an empty content is the end-of-stream marker.
    chunks = [content[i:i + 65535] for i in range(0, len(content), 65535)] or [b'']
    for c in chunks:
        pad = (8 - len(c) % 8) % 8
        out += struct.pack('>BBHHBx', 1, rtype, req_id, len(c), pad) + c + b'\0' * pad
    return out


def _fcgi_len(n):
    return bytes([n]) if n < 128 else struct.pack('>I', n | 0x80000000)


def _fcgi_pairs(params):
    out = b''
    for k, v in params.items():
        kb, vb = k.encode(), v.encode() if isinstance(v, str) else v
        out += _fcgi_len(len(kb)) + _fcgi_len(len(vb)) + kb + vb
    return out


def _fcgi_parse_pairs(data):
    out, i = {}, 0

    def ln():
        nonlocal i
        if data[i] < 128:
            i += 1
            return data[i - 1]
        n = struct.unpack('>I', data[i:i + 4])[0] & 0x7fffffff
        i += 4
        return n

    while i < len(data):
        kl = ln()
        vl = ln()
        k = data[i:i + kl].decode('utf-8', 'replace')
        i += kl
        out[k] = data[i:i + vl].decode('utf-8', 'replace')
        i += vl
    return out


def _read_exact(sock, n):
    buf = b''
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise ConnectionError('FastCGI peer closed the connection')
        buf += chunk
    return buf


def _fcgi_read_record(sock):
    _, rtype, req_id, clen, pad = struct.unpack('>BBHHBx', _read_exact(sock, 8))
    content = _read_exact(sock, clen) if clen else b''
    if pad:
        _read_exact(sock, pad)
    return rtype, req_id, content


def parse_cgi_response(raw):
    """Splits a CGI response (headers, blank line, body) into a Response."""
    sep = raw.find(b'\r\n\r\n')
    hlen = 4
    if sep < 0:
        sep, hlen = raw.find(b'\n\n'), 2
    if sep < 0:
        raise AssertionError(f'no header/body separator in FastCGI response: {raw[:200]!r}')
    head = raw[:sep].decode('latin-1')
    msg = http.client.HTTPMessage()
    status = 200
    for line in head.splitlines():
        if not line.strip():
            continue
        name, _, value = line.partition(':')
        msg[name.strip()] = value.strip()
        if name.strip().lower() == 'status':
            status = int(value.strip().split()[0])
    return Response(status, msg, raw[sep + hlen:])


def fcgi_request(sock_path, method, path, query='', body=b'', headers=None, params=None,
                 timeout=10.0):
    """One FastCGI request straight to a portal socket, with the parameters nginx sends."""
    p = {
        'GATEWAY_INTERFACE': 'CGI/1.1', 'SERVER_SOFTWARE': 'harness',
        'REQUEST_METHOD': method, 'SCRIPT_NAME': urllib.parse.unquote(path),
        'REQUEST_URI': path + ('?' + query if query else ''), 'DOCUMENT_URI': path,
        'QUERY_STRING': query, 'SERVER_PROTOCOL': 'HTTP/1.1', 'REQUEST_SCHEME': 'http',
        'REMOTE_ADDR': '127.0.0.1', 'REMOTE_PORT': '40000', 'SERVER_ADDR': '127.0.0.1',
        'SERVER_PORT': '80', 'SERVER_NAME': '_', 'HTTP_HOST': '127.0.0.1',
        'CONTENT_LENGTH': str(len(body)) if body else '', 'CONTENT_TYPE': '',
    }
    for k, v in (headers or {}).items():
        key = k.upper().replace('-', '_')
        p[key if key in ('CONTENT_TYPE', 'CONTENT_LENGTH') else 'HTTP_' + key] = v
    p.update(params or {})
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(timeout)
        s.connect(str(sock_path))
        s.sendall(_fcgi_record(FCGI_BEGIN_REQUEST, 1, struct.pack('>HB5x', FCGI_RESPONDER, 0))
                  + _fcgi_record(FCGI_PARAMS, 1, _fcgi_pairs(p))
                  + _fcgi_record(FCGI_PARAMS, 1)
                  + (_fcgi_record(FCGI_STDIN, 1, body) if body else b'')
                  + _fcgi_record(FCGI_STDIN, 1))
        out = b''
        while True:
            rtype, _, content = _fcgi_read_record(s)
            if rtype == FCGI_STDOUT:
                out += content
            elif rtype == FCGI_END_REQUEST:
                break
    return parse_cgi_response(out)


class FcgiEcho:
    """A FastCGI responder on a unix socket that answers every request with 200 and a JSON
    body {"params": {...}, "keep_conn": bool, "stdin": "..."} -- stands in for the portal
    when testing nginx.conf.sample."""

    def __init__(self, sock_path):
        self.socket = Path(sock_path)
        self.requests = []
        echo = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self):
                s = self.request
                params, stdin, req_id, flags = b'', b'', 1, 0
                try:
                    while True:
                        rtype, req_id, content = _fcgi_read_record(s)
                        if rtype == FCGI_BEGIN_REQUEST:
                            flags = content[2]
                        elif rtype == FCGI_PARAMS:
                            params += content
                        elif rtype == FCGI_STDIN:
                            if not content:
                                break
                            stdin += content
                except ConnectionError:
                    return
                req = {'params': _fcgi_parse_pairs(params), 'keep_conn': bool(flags & 1),
                       'stdin': stdin.decode('utf-8', 'replace')}
                echo.requests.append(req)
                body = json.dumps(req)
                out = (b'Status: 200 OK\r\nContent-Type: application/json\r\n\r\n'
                       + body.encode())
                s.sendall(_fcgi_record(FCGI_STDOUT, req_id, out) + _fcgi_record(FCGI_STDOUT, req_id)
                          + _fcgi_record(FCGI_END_REQUEST, req_id, struct.pack('>IB3x', 0, 0)))

        class Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
            daemon_threads = True

        self.server = Server(str(self.socket), Handler)
        # nginx workers run as another user (www-data) when the tests run as root.
        os.chmod(self.socket, 0o666)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        at_exit(self.stop)

    def stop(self):
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None


# --------------------------------------------------------------------------------------
# The portal

class Portal:
    """build/portal on a unix socket in `workdir`, stderr captured to portal.log."""

    def __init__(self, workdir, database_url, secret=None, workers=4, args=(), env=None):
        self.dir = Path(workdir)
        self.socket = self.dir / 'portal.sock'
        self.log = self.dir / 'portal.log'
        self.database_url = database_url
        self.secret = secret or secrets.token_hex(32)
        self.workers = workers
        self.args = list(args)
        self.env = dict(env or {})
        self.proc = None
        # --base-path / PORTAL_BASE_PATH: every path of the portal is below it.
        self.base_path = self.env.get('PORTAL_BASE_PATH', '')
        for i, a in enumerate(self.args):
            if a == '--base-path' and i + 1 < len(self.args):
                self.base_path = self.args[i + 1]
        self.base_path = self.base_path.rstrip('/')

    def command(self):
        # workers=None: the portal's own default (2 x CPU cores).
        workers = ['--workers', str(self.workers)] if self.workers is not None else []
        return wrapper() + [str(binary('portal')), '--database-url', self.database_url,
                '--listen', f'unix:{self.socket}'] + workers + [
                '--templates', str(REPO / 'cs_templates')] + self.args

    def start(self, timeout=20):
        if wrapper():
            timeout = max(timeout, 120)   # valgrind starts slowly
        env = dict(os.environ)
        env.pop('DATABASE_URL', None)
        env.update({'PORTAL_SECRET': self.secret}, **self.env)
        with open(self.log, 'ab') as log:
            self.proc = _track(subprocess.Popen(self.command(), stdin=subprocess.DEVNULL,
                                                stdout=log, stderr=log, env=env), self.log)

        def healthy():
            if self.proc.poll() is not None:
                raise AssertionError(f'portal exited with status {self.proc.returncode} while '
                                     f'starting:\n{file_tail(self.log)}')
            return self.socket.exists() and self.request(
                'GET', self.base_path + HEALTH_PATH, timeout=2).status == 200

        wait_until(healthy, timeout, what=f'{HEALTH_PATH} on {self.socket}')
        return self

    def request(self, method, path, query='', body=b'', headers=None, timeout=10.0):
        """A request straight over FastCGI (no nginx)."""
        return fcgi_request(self.socket, method, path, query, body, headers, timeout=timeout)

    @property
    def pid(self):
        return self.proc.pid if self.proc else None

    @property
    def running(self):
        return self.proc is not None and self.proc.poll() is None

    def sigterm(self):
        """Sends SIGTERM and returns at once."""
        if self.running:
            self.proc.send_signal(signal.SIGTERM)

    def wait(self, timeout=10):
        """Waits for the exit; returns the status (raises AssertionError on timeout)."""
        try:
            rc = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError(f'portal (pid {self.proc.pid}) still running {timeout}s '
                                 f'after SIGTERM:\n{file_tail(self.log)}')
        _untrack(self.proc)
        return rc

    def stop(self, timeout=10):
        """SIGTERM, wait, and insist on exit status 0."""
        if self.proc is None:
            return 0
        self.sigterm()
        rc = self.wait(timeout)
        self.proc = None
        if rc != 0:
            raise AssertionError(f'portal exited with status {rc} after SIGTERM:\n'
                                 f'{file_tail(self.log)}')
        return rc

    def log_text(self):
        return self.log.read_text('utf-8', 'replace') if self.log.exists() else ''


def run_install(database_url, args=(), env=None, timeout=120):
    """Runs build/portal-install with the repository's schema/ files; returns the
    CompletedProcess (text stdout/stderr)."""
    e = dict(os.environ)
    e.pop('DATABASE_URL', None)
    e.update(env or {})
    r = subprocess.run([str(binary('portal-install')), '--schema-dir', str(REPO / 'schema'),
                        '--database-url', database_url] + list(args),
                       capture_output=True, text=True, env=e,
                       stdin=subprocess.DEVNULL, timeout=timeout)
    # A sanitizer build reports on stderr (and exits non-zero, which a test expecting a
    # failure would take for the expected one).
    found = [ln for ln in r.stderr.splitlines() if _SANITIZER_RE.search(ln)]
    if found:
        raise AssertionError('sanitizer report from portal-install:\n' + '\n'.join(found[:20]))
    return r


# --------------------------------------------------------------------------------------
# nginx, configured from nginx.conf.sample

# Marked values of nginx.conf.sample and how many times each must occur.
_SAMPLE_MARKS = {
    'user www-data;': 1,
    'pid /run/nginx.pid;': 1,
    '/var/log/nginx/': 2,
    '/var/lib/nginx/': 5,
    'listen 80;': 1,
    '/var/www/kimai/public': 1,
    'unix:/run/php/php8.2-fpm.sock': 1,
    'server unix:/run/portal/portal.sock;': 1,
}


def render_nginx_conf(sample, workdir, port, upstreams, docroot, host='127.0.0.1', prefix='',
                      extra=''):
    """nginx.conf.sample with its marked values pointed at `workdir`.  `upstreams` are
    `server` targets such as 'unix:/path/portal.sock'.  `prefix` ('/kimai'): the two
    portal locations moved below it, as the sample's comments describe.  `extra`:
    configuration put into the server block before Kimai's `location /` (the demo's
    stand-in for Kimai's login)."""
    # The comments document the marks; only directives are rewritten.
    code = [not line.lstrip().startswith('#') for line in sample.splitlines()]
    for mark, count in _SAMPLE_MARKS.items():
        n = sum(line.count(mark) for line, c in zip(sample.splitlines(), code) if c)
        if n != count:
            raise AssertionError(f'nginx.conf.sample: marked value {mark!r} occurs {n} times, '
                                 f'expected {count}: the harness can no longer rewrite it')
    d = str(workdir)
    servers = '\n        '.join(f'server {u};' for u in upstreams)
    subst = [
        ('pid /run/nginx.pid;', f'pid {d}/nginx.pid;'),
        ('/var/log/nginx/', f'{d}/logs/'),
        ('/var/lib/nginx/', f'{d}/tmp/'),
        ('listen 80;', f'listen {host}:{port};'),
        ('/var/www/kimai/public', str(docroot)),
        ('unix:/run/php/php8.2-fpm.sock', f'unix:{d}/no-php-fpm.sock'),
        ('server unix:/run/portal/portal.sock;', servers),
    ]
    if prefix:
        for old in ('location ~ ^/[A-Za-z_]+/(', 'location ^~ /customer-portal/'):
            if sum(line.count(old) for line, c in zip(sample.splitlines(), code) if c) != 1:
                raise AssertionError(f'nginx.conf.sample: {old!r} not found once')
        subst += [('location ~ ^/[A-Za-z_]+/(', f'location ~ ^{prefix}/[A-Za-z_]+/('),
                  ('location ^~ /customer-portal/', f'location ^~ {prefix}/customer-portal/')]
    # As root, workers stay unprivileged (www-data) as in production, so the tests see
    # whether the portal's socket lets them in; otherwise nginx cannot switch users.
    if os.geteuid() != 0:
        subst.append(('user www-data;', '# user: not root, workers run as the caller'))
    out = []
    for line, is_code in zip(sample.splitlines(), code):
        if is_code:
            for old, new in subst:
                line = line.replace(old, new)
            if extra and line.strip() == 'location / {':
                out.append(extra)
                extra = ''
        out.append(line)
    if extra:
        raise AssertionError("nginx.conf.sample: no 'location / {' to put `extra` before")
    return '\n'.join(out) + '\n'



class Nginx:
    """nginx in the foreground, from nginx.conf.sample, on a free 127.0.0.1 port.

    `upstreams`: Portal objects, FcgiEcho objects or socket paths -- several make one
    `upstream` with several servers."""

    def __init__(self, workdir, upstreams, port=None, host='127.0.0.1', prefix='', extra=''):
        self.dir = Path(workdir)
        self.prefix = prefix
        self.extra = extra
        self.host = host
        self.port = port
        self.fixed_port = port is not None
        self.upstreams = []
        for u in upstreams:
            sock = getattr(u, 'socket', u)
            self.upstreams.append(f'unix:{sock}')
        self.conf = self.dir / 'nginx.conf'
        self.docroot = self.dir / 'public'
        self.error_log = self.dir / 'logs' / 'error.log'
        self.access_log = self.dir / 'logs' / 'access.log'
        self.proc = None

    def start(self, timeout=15):
        for sub in ('logs', 'tmp', 'public'):
            (self.dir / sub).mkdir(exist_ok=True)
        (self.docroot / 'robots.txt').write_text('User-agent: *\nDisallow: /\n')
        for f in ('fastcgi_params', 'mime.types'):
            shutil.copy(Path('/etc/nginx') / f, self.dir / f)
        # Workers may run as www-data: let them traverse to the sockets, docroot and temp.
        for p in (self.dir, self.docroot, self.dir / 'tmp'):
            os.chmod(p, 0o755 if p != self.dir else 0o711)
        sample = NGINX_SAMPLE.read_text()
        for _ in range(5):
            port = self.port if self.fixed_port else free_port()
            self.conf.write_text(render_nginx_conf(sample, self.dir, port, self.upstreams,
                                                   self.docroot, self.host, self.prefix,
                                                   self.extra))
            with open(self.error_log, 'ab') as err:
                self.proc = _track(subprocess.Popen(
                    ['nginx', '-p', str(self.dir), '-c', str(self.conf),
                     '-e', str(self.error_log), '-g', 'daemon off;'],
                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err),
                    self.error_log)
            if self._wait_listening(port, timeout):
                self.port = port
                return self
            stop_process(self.proc)
            if self.fixed_port:
                break
        raise RuntimeError(f'nginx did not start:\n{file_tail(self.error_log)}')

    def _wait_listening(self, port, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return False
            try:
                with socket.create_connection((self.host, port), timeout=1):
                    return True
            except OSError:
                time.sleep(0.05)
        return False

    def stop(self):
        rc = stop_process(self.proc)
        self.proc = None
        return rc

    @property
    def base_url(self):
        return f'http://{self.host}:{self.port}'

    # HTTP -----------------------------------------------------------------------------
    def request(self, method, path, body=None, headers=None, cookies=None, timeout=10.0):
        """One HTTP/1.1 request; redirects are returned, never followed."""
        h = {'Host': f'{self.host}:{self.port}', 'Connection': 'close'}
        h.update(headers or {})
        if cookies:
            h['Cookie'] = '; '.join(f'{k}={v}' for k, v in cookies.items())
        conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=h)
            r = conn.getresponse()
            return Response(r.status, r.msg, r.read())
        finally:
            conn.close()

    def get(self, path, headers=None, cookies=None, timeout=10.0):
        return self.request('GET', path, headers=headers, cookies=cookies, timeout=timeout)

    def head(self, path, headers=None, cookies=None, timeout=10.0):
        return self.request('HEAD', path, headers=headers, cookies=cookies, timeout=timeout)

    def post(self, path, form=None, headers=None, cookies=None, timeout=10.0):
        """POST an application/x-www-form-urlencoded form (dict or list of pairs)."""
        body = urllib.parse.urlencode(form or {}).encode()
        h = {'Content-Type': 'application/x-www-form-urlencoded'}
        h.update(headers or {})
        return self.request('POST', path, body=body, headers=h, cookies=cookies,
                            timeout=timeout)

    def raw(self, data, timeout=10.0):
        """Sends raw bytes (for requests http.client refuses to build); returns a Response."""
        with socket.create_connection((self.host, self.port), timeout=timeout) as s:
            s.sendall(data)
            buf = b''
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                buf += chunk
        head, _, body = buf.partition(b'\r\n\r\n')
        lines = head.decode('latin-1').split('\r\n')
        status = int(lines[0].split()[1])
        msg = http.client.HTTPMessage()
        for line in lines[1:]:
            k, _, v = line.partition(':')
            msg[k.strip()] = v.strip()
        return Response(status, msg, body)


# --------------------------------------------------------------------------------------
# Apache, configured from apache.conf.sample

# Marked values of apache.conf.sample and how many times each must occur in directives.
_APACHE_MARKS = {
    '/etc/apache2': 1,
    '/run/apache2': 2,
    '/var/log/apache2/': 2,
    'User www-data': 1,
    'Group www-data': 1,
    'Listen 80': 1,
    '<VirtualHost *:80>': 1,
    '/var/www/kimai/public': 2,
    'unix:/run/php/php8.2-fpm.sock': 1,
    'unix:/run/portal/portal.sock': 2,
}


def render_apache_conf(sample, workdir, port, portal_socket, docroot, host='127.0.0.1'):
    """apache.conf.sample with its marked values pointed at `workdir`."""
    lines = sample.splitlines()
    code = [not line.lstrip().startswith('#') for line in lines]
    for mark, count in _APACHE_MARKS.items():
        n = sum(line.count(mark) for line, c in zip(lines, code) if c)
        if n != count:
            raise AssertionError(f'apache.conf.sample: marked value {mark!r} occurs {n} times, '
                                 f'expected {count}: the harness can no longer rewrite it')
    d = str(workdir)
    subst = [
        ('/etc/apache2', d),
        ('/run/apache2', f'{d}/run'),
        ('/var/log/apache2/', f'{d}/logs/'),
        ('Listen 80', f'Listen {host}:{port}'),
        ('<VirtualHost *:80>', f'<VirtualHost {host}:{port}>'),
        ('/var/www/kimai/public', str(docroot)),
        ('unix:/run/php/php8.2-fpm.sock', f'unix:{d}/no-php-fpm.sock'),
        ('unix:/run/portal/portal.sock', f'unix:{portal_socket}'),
    ]
    # As root the children run as www-data, as in production; otherwise as the caller.
    if os.geteuid() != 0:
        subst += [('User www-data', '# user: not root'), ('Group www-data', '# group: not root')]
    out = []
    for line, is_code in zip(lines, code):
        if is_code:
            for old, new in subst:
                line = line.replace(old, new)
        out.append(line)
    return '\n'.join(out) + '\n'


class Apache(Nginx):
    """Debian's apache2 in the foreground, from apache.conf.sample, on a free 127.0.0.1
    port, in front of one portal.  The HTTP helpers are nginx's."""

    def __init__(self, workdir, upstream, port=None, host='127.0.0.1'):
        super().__init__(workdir, [upstream], port=port, host=host)
        self.portal_socket = getattr(upstream, 'socket', upstream)
        self.conf = self.dir / 'apache2.conf'
        self.error_log = self.dir / 'logs' / 'error.log'
        self.access_log = self.dir / 'logs' / 'access.log'

    def start(self, timeout=15):
        for sub in ('logs', 'run', 'public'):
            (self.dir / sub).mkdir(exist_ok=True)
        (self.docroot / 'robots.txt').write_text('User-agent: *\nDisallow: /\n')
        # Kimai's front controller: Apache hands it to php-fpm only when the file exists.
        (self.docroot / 'index.php').write_text('<?php // Kimai\n')
        for p in (self.dir, self.docroot):
            os.chmod(p, 0o755 if p != self.dir else 0o711)
        sample = APACHE_SAMPLE.read_text()
        env = {k: v for k, v in os.environ.items() if not k.startswith('APACHE_')}
        for _ in range(5):
            port = self.port if self.fixed_port else free_port()
            self.conf.write_text(render_apache_conf(sample, self.dir, port, self.portal_socket,
                                                    self.docroot, self.host))
            with open(self.error_log, 'ab') as err:
                self.proc = _track(subprocess.Popen(
                    ['apache2', '-f', str(self.conf), '-DFOREGROUND'],
                    stdin=subprocess.DEVNULL, stdout=err, stderr=err, env=env),
                    self.error_log)
            if self._wait_listening(port, timeout):
                self.port = port
                return self
            stop_process(self.proc)
            if self.fixed_port:
                break
        raise RuntimeError(f'apache2 did not start:\n{file_tail(self.error_log)}')


# --------------------------------------------------------------------------------------
# The session environment shared by one test run

class Env:
    """What one run shares: a private temp dir, one MariaDB (started on first use) and
    helpers that start portals and nginx and stop them again at the end of the run."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix='portal-test-', dir=_tmp_parent()))
        # nginx workers (www-data when run as root) must reach sockets inside.
        os.chmod(self.dir, 0o711)
        self.failed = False
        self._mariadb = None
        at_exit(self._remove_dir, final=True)

    def subdir(self, name):
        d = Path(tempfile.mkdtemp(prefix=name + '-', dir=self.dir))
        os.chmod(d, 0o711)
        return d

    @property
    def mariadb(self):
        """The run's shared MariaDB.  Do not stop it: start your own with new_mariadb()."""
        if self._mariadb is None:
            self._mariadb = self.new_mariadb()
        return self._mariadb

    def new_mariadb(self):
        m = MariaDB(self.subdir('mariadb')).start()
        at_exit(lambda: m.stop(30) if m.running else None)
        return m

    def portal(self, database_url, **kw):
        """A started portal (stopped at the end of the run unless the test stops it)."""
        p = Portal(self.subdir('portal'), database_url, **kw)
        at_exit(lambda: stop_process(p.proc))
        return p.start()

    def nginx(self, *upstreams, port=None, prefix='', extra=''):
        n = Nginx(self.subdir('nginx'), upstreams, port=port, prefix=prefix, extra=extra)
        at_exit(n.stop)
        return n.start()

    def apache(self, upstream, port=None):
        a = Apache(self.subdir('apache'), upstream, port=port)
        at_exit(a.stop)
        return a.start()

    @property
    def keep(self):
        return self.failed or bool(os.environ.get('PORTAL_KEEP_TMP'))

    def _remove_dir(self):
        if not self.keep:
            shutil.rmtree(self.dir, ignore_errors=True)
