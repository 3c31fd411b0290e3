"""Every page type is valid HTML (tidy), served through nginx from the showcase portal.

`tidy -e -q` reports errors and warnings only.  Debian 12 ships tidy 5.6, which predates a
few HTML features the pages use on purpose; those warnings are accepted, each for a stated
reason and only in the exact form below, and anything else fails the test:

* proprietary attribute on SVG elements (font-size, font-family, id on <title>, ...): tidy
  checks SVG content against the HTML attribute lists; presentation attributes and ids are
  valid SVG;
* aria-current: WAI-ARIA 1.1, newer than tidy's ARIA list;
* <div> groups inside <dl> (name-value groups, allowed by HTML since 2017): tidy 5.6
  reports them as four structural warnings, accepted only on a line that starts a
  `<div><dt>` group.
"""

import re
import subprocess
import urllib.parse

from . import harness
from . import showcase

SVG_ELEMENTS = ('svg', 'g', 'rect', 'line', 'path', 'circle', 'text', 'title', 'desc',
                'polyline', 'polygon', 'tspan')
ACCEPTED = [
    (re.compile(r'^Warning: <(%s)> proprietary attribute "[a-z-]+"$' % '|'.join(SVG_ELEMENTS)),
     None),
    (re.compile(r'^Warning: <a> proprietary attribute "aria-current"$'), None),
    # The dl name-value groups: the flagged line must open such a group.
    (re.compile(r'^Warning: (missing <dd>|missing </div> before <dt>|inserting implicit <dl>'
                r'|missing </dl> before </div>)$'), re.compile(r'^\s*<div[^>]*>\s*<dt[ >]')),
]
LINE_RE = re.compile(r'^line (\d+) column (\d+) - (.*)$')


def setup(env):
    return showcase.start(env)


def tidy_problems(html):
    """tidy's complaints about `html` that are not accepted above, as readable lines."""
    r = subprocess.run(['tidy', '-e', '-q', '--show-warnings', 'yes', '--gnu-emacs', 'no'],
                       input=html.encode(), capture_output=True, timeout=60)
    assert r.returncode in (0, 1, 2), f'tidy failed to run: {r.stderr.decode()[:500]}'
    lines = html.splitlines()
    bad = []
    for msg in r.stderr.decode('utf-8', 'replace').splitlines():
        m = LINE_RE.match(msg)
        if not m:
            if msg.strip() and not msg.startswith('Info:'):
                bad.append(msg)
            continue
        line, text = int(m.group(1)), m.group(3)
        src = lines[line - 1] if 0 < line <= len(lines) else ''
        if any(rx.match(text) and (ctx is None or ctx.match(src)) for rx, ctx in ACCEPTED):
            continue
        bad.append(f'{msg}\n        {src.strip()[:160]}')
    if r.returncode == 2 and not bad:
        bad.append('tidy exited with status 2 (errors)')
    return bad


def check(resp, what, status=200):
    assert resp.status == status, f'{what}: status {resp.status}'
    assert resp.headers.get('Content-Type', '').startswith('text/html'), what
    bad = tidy_problems(resp.text)
    assert not bad, f'{what}: tidy reports\n    ' + '\n    '.join(bad)


def admin(fx):
    return {showcase.SESSION_COOKIE: fx.session}


def csrf(resp):
    m = re.search(r'name="_token" value="([^"]+)"', resp.text)
    assert m, 'no CSRF token in the form'
    return m.group(1)


# --------------------------------------------------------------------------------------

def test_share_pages(fx):
    n = fx.nginx
    y = fx.new_year
    for kind in ('project', 'customer', 'merged', 'tokyo'):
        path = showcase.share_path(kind)
        check(n.get(path), f'{kind} share')
        check(n.get(path + '?details=chart'), f'{kind} share, chart view')
    check(n.get(showcase.share_path('project') + f'?year={y}&month=12'), 'December with records')
    check(n.get(showcase.share_path('project') + f'?year={y - 3}&month=2'), 'month without records')
    page = n.get(showcase.share_path('customer')).text
    links = re.findall(r'href="([^"]*/p/\d+[^"]*)"', page)
    assert links, 'the customer share links its projects'
    check(n.get(urllib.parse.urljoin(showcase.share_path('customer'), links[0].replace('&amp;', '&'))),
          'project page of a customer share')


def test_share_in_every_language(fx):
    n = fx.nginx
    langs = sorted(p.stem for p in (harness.REPO / 'cs_templates' / 'lang').glob('*.hdf'))
    assert len(langs) >= 14, langs
    for lang in langs:
        check(n.get(showcase.share_path('customer', lang)), f'customer share in {lang}')


def test_unlock_pages(fx):
    n = fx.nginx
    path = showcase.share_path('locked')
    check(n.get(path), 'unlock form')
    check(n.post(path, {'spt-password': 'wrong'}), 'unlock form after a wrong password')
    r = n.post(path, {'spt-password': showcase.LOCKED_PASSWORD})
    assert r.status == 303, r.status
    cookies = {}
    for h in r.headers.get_all('Set-Cookie') or []:
        name, _, rest = h.partition('=')
        cookies[name] = rest.split(';')[0]
    check(n.get(path, cookies=cookies), 'unlocked share')


def test_error_pages(fx):
    n = fx.nginx
    check(n.get('/en/auth/customer-portal/NoSuchShareAtAll0000'), '404 page', 404)
    check(n.get('/en/admin/customer-portal'), '403 page', 403)
    check(n.get(showcase.share_path('project') + '?year=abc'), 'bad request page', 400)
    check(n.request('DELETE', showcase.share_path('project')), 'method not allowed page', 405)


def test_admin_pages(fx):
    n, c = fx.nginx, admin(fx)
    base = '/en/admin/customer-portal'
    lst = n.get(base, cookies=c)
    check(lst, 'admin list')
    check(n.get(base + '/create?type=customer', cookies=c), 'create customer share form')
    form = n.get(base + '/create?type=project', cookies=c)
    check(form, 'create project share form')
    # The form again with a validation error (no project chosen).
    check(n.post(base + '/create?type=project', {'_token': csrf(form), 'project': ''},
                 cookies=c), 'create form with an error')
    edit = re.search(r'href="(/en/admin/customer-portal/\d+/[A-Za-z0-9]{20})"', lst.text)
    assert edit, 'the list links the edit pages'
    check(n.get(edit.group(1), cookies=c), 'edit form')
    check(n.get(edit.group(1) + '/delete', cookies=c), 'delete confirmation')
