"""Languages, formats and time zones (docs/design.md, "Languages"), through nginx on a real Kimai database.

* The same share in en, de, fr and ja: month names, Kimai's date pattern of the language,
  money in the customer's currency formatted for the language.
* Every language renders every page (share table and chart views, a customer's project
  page, the unlock form, the 404 page, the admin 403 page) with `<html lang>` set, no
  message key left raw and no English text left where the language has its own.
* Every locale of Kimai's list (src/http/kimai-locales.tsv) answers on a share page with its
  BCP 47 `<html lang>` (and `dir="rtl"` where the list says so); codes outside the list,
  or in another case, are 404.  Kimai's date pattern of the exact locale for a sample;
  money and month names of the exact locale; message fallback regional -> language ->
  English.
* The language menu: all 42 languages by their own names, keeping page and month; a
  regional URL keeps its region in its own language's link.
* Time zones: month boundaries in the customer's zone and record dates in the record's
  zone, on the DST change days of Europe/Madrid and America/New_York.

Generated data (in a copy of kimai-2.45-rates.sql, beside test_share's "Gen GmbH"):

  customer 80 "Madrid SL" (EUR, Europe/Madrid), project 80 "Obra"
    800 2026-02-28 23:30Z  -> 03-01 00:30 CET     March
    801 2026-03-29 00:30Z  -> 03-29 01:30 CET     March (before the jump)
    802 2026-03-29 01:30Z  -> 03-29 03:30 CEST    March (after it)
    803 2026-03-31 22:30Z  -> 04-01 00:30 CEST    April, not March
    804 2026-10-25 00:30Z  -> 10-25 02:30 CEST    October
    805 2026-10-25 01:30Z  -> 10-25 02:30 CET     October (the repeated hour)
    806 2026-10-31 23:30Z  -> 11-01 00:30 CET     November, not October
  customer 81 "NY Inc" (USD, America/New_York), project 81 "Broadway"
    812 2026-03-01 04:59Z  -> 02-28 23:59 EST     February, not March
    810 2026-03-08 06:30Z  -> 03-08 01:30 EST     March
    811 2026-03-08 07:30Z  -> 03-08 03:30 EDT     March
    815 2026-11-01 03:59Z  -> 10-31 23:59 EDT     October, not November
    813 2026-11-01 05:30Z  -> 11-01 01:30 EDT     November
    814 2026-11-01 06:30Z  -> 11-01 01:30 EST     November (the repeated hour)
    817 2026-11-10 20:00Z  entered in Asia/Tokyo: dated 11-11 (its own zone), but in
                           November of the customer's zone either way
    816 2026-12-01 04:30Z  -> 11-30 23:30 EST     November, not December
"""

import datetime
import re
import types
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

from . import common
from . import harness
from . import test_share as ts
from . import test_unlock as tu

LANG_DIR = Path(__file__).resolve().parents[2] / 'cs_templates' / 'lang'
LOCALES_TSV = Path(__file__).resolve().parents[2] / 'src' / 'http' / 'kimai-locales.tsv'


def kimai_locales():
    """{code: (date pattern, rtl, translated)} of Kimai's URL locales."""
    out = {}
    for line in LOCALES_TSV.read_text(encoding='utf-8').splitlines()[1:]:
        code, date, _time, rtl, translated, listed = line.split('\t')
        if listed == '1':
            out[code] = (date, rtl == '1', translated == '1')
    return out


LOCALES = kimai_locales()

# code -> <html lang>, for every language with messages
LANGS = {code: code.replace('_', '-') for code, (_d, _r, tr) in LOCALES.items() if tr}

NBSP, NNBSP = '\u00a0', '\u202f'

TZ_DATA = r"""
INSERT INTO kimai2_customers (id, name, visible, country, currency, timezone) VALUES
  (80, 'Madrid SL', 1, 'ES', 'EUR', 'Europe/Madrid'),
  (81, 'NY Inc', 1, 'US', 'USD', 'America/New_York');
INSERT INTO kimai2_projects (id, customer_id, name, visible) VALUES
  (80, 80, 'Obra', 1), (81, 81, 'Broadway', 1);
UPDATE kimai2_customers SET budget = 1000, time_budget = 360000 WHERE id = 50;
"""

# id, project, UTC start, seconds, hourly rate, record's zone
TZ_RECORDS = [
    (800, 80, '2026-02-28 23:30:00', 3600, 50, 'Europe/Madrid'),
    (801, 80, '2026-03-29 00:30:00', 1800, 50, 'Europe/Madrid'),
    (802, 80, '2026-03-29 01:30:00', 1800, 50, 'Europe/Madrid'),
    (803, 80, '2026-03-31 22:30:00', 1800, 50, 'Europe/Madrid'),
    (804, 80, '2026-10-25 00:30:00', 1800, 50, 'Europe/Madrid'),
    (805, 80, '2026-10-25 01:30:00', 1800, 50, 'Europe/Madrid'),
    (806, 80, '2026-10-31 23:30:00', 1800, 50, 'Europe/Madrid'),
    (812, 81, '2026-03-01 04:59:00', 3600, 60, 'America/New_York'),
    (810, 81, '2026-03-08 06:30:00', 3600, 60, 'America/New_York'),
    (811, 81, '2026-03-08 07:30:00', 3600, 60, 'America/New_York'),
    (815, 81, '2026-11-01 03:59:00', 3600, 60, 'America/New_York'),
    (813, 81, '2026-11-01 05:30:00', 3600, 60, 'America/New_York'),
    (814, 81, '2026-11-01 06:30:00', 3600, 60, 'America/New_York'),
    (817, 81, '2026-11-10 20:00:00', 3600, 60, 'Asia/Tokyo'),
    (816, 81, '2026-12-01 04:30:00', 3600, 60, 'America/New_York'),
]


def tz_insert(rows):
    out = []
    for (tid, project, start, secs, hourly, zone) in rows:
        st = datetime.datetime.fromisoformat(start).replace(tzinfo=datetime.timezone.utc)
        end = (st + datetime.timedelta(seconds=secs)).strftime('%Y-%m-%d %H:%M:%S')
        local = st.astimezone(ZoneInfo(zone)).date().isoformat()
        rate = hourly * secs / 3600
        out.append(
            'INSERT INTO kimai2_timesheet (id, `user`, activity_id, project_id, start_time, '
            'end_time, duration, description, rate, hourly_rate, exported, timezone, billable, '
            f"category, date_tz) VALUES ({tid}, 60, 1, {project}, '{start}', '{end}', {secs}, "
            f"'r{tid}', {rate}, {hourly}, 0, '{zone}', 1, 'work', '{local}');")
    return '\n'.join(out)


def add_share(m, db, project=None, customer=None, password=None, everything=True):
    """A share showing users and rates, and charts and budgets when `everything`."""
    on = 1 if everything else 0
    return common.insert_share(m, db, project=project, customer=customer, password=password,
                               annual=on, monthly=on, budget=on, time_budget=on)[1]


def setup(env):
    fx = types.SimpleNamespace(env=env, m=env.mariadb)
    m = fx.m
    fx.db = m.kimai_db('2.45-rates')
    common.install(m, fx.db)
    m.sql(fx.db, ts.GEN_DATA + ts.timesheet_insert(ts.GEN_RECORDS, 'Europe/Berlin'))
    m.sql(fx.db, TZ_DATA + tz_insert(TZ_RECORDS))
    fx.keys = {
        'gen': add_share(m, fx.db, customer=50),
        'alpha': add_share(m, fx.db, project=51),
        'locked': add_share(m, fx.db, project=51, password=tu.bcrypt('secret')),
        'madrid': add_share(m, fx.db, customer=80, everything=False),
        'ny': add_share(m, fx.db, customer=81, everything=False),
    }
    # a Swiss customer billed in francs: one record of CHF 1,234.50 on 2026-03-10
    m.sql(fx.db, """
INSERT INTO kimai2_customers (id, name, visible, country, currency, timezone) VALUES
  (82, 'Zürich AG', 1, 'CH', 'CHF', 'Europe/Zurich');
INSERT INTO kimai2_projects (id, customer_id, name, visible) VALUES (82, 82, 'Bahnhof', 1);
""" + tz_insert([(820, 82, '2026-03-10 08:00:00', 3600, 1234.5, 'Europe/Zurich')]))
    fx.keys['chf'] = add_share(m, fx.db, customer=82, everything=False)
    fx.portal = env.portal(m.url(fx.db), workers=2)
    fx.n = env.nginx(fx.portal)
    fx.msgs = {code: read_hdf(LANG_DIR / f'{code}.hdf') for code in LANGS}
    return fx


# --------------------------------------------------------------------------------------
# message files and pages

def read_hdf(path):
    """{dotted key: value} of a message file (the subset of HDF the files use)."""
    keys, stack = {}, []
    lines = path.read_text(encoding='utf-8').split('\n')
    i = 0
    while i < len(lines):
        s = lines[i].strip()
        i += 1
        if not s or s.startswith('#'):
            continue
        if s == '}':
            stack.pop()
            continue
        m = re.match(r'^([A-Za-z0-9_.]+)\s*\{$', s)
        if m:
            stack.append(m.group(1))
            continue
        m = re.match(r'^([A-Za-z0-9_.]+)\s*<<\s*(\S+)$', s)
        if m:
            val = []
            while lines[i].strip() != m.group(2):
                val.append(lines[i])
                i += 1
            i += 1
            keys['.'.join(stack + [m.group(1)])] = '\n'.join(val)
            continue
        m = re.match(r'^([A-Za-z0-9_.]+)\s*=\s*(.*)$', s)
        assert m, (path, s)
        keys['.'.join(stack + [m.group(1)])] = m.group(2).strip()
    return keys


class Texts(HTMLParser):
    """Every text node and every human-readable attribute of a page, stripped."""

    ATTRS = ('aria-label', 'title', 'placeholder', 'alt', 'data-label', 'aria-description')

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.items, self.html_lang, self._skip = [], None, 0
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'html':
            self.html_lang = a.get('lang')
        if tag in ('script', 'style'):
            self._skip += 1
        for k in self.ATTRS:
            if a.get(k):
                self.items.append(' '.join(a[k].split()))

    def handle_endtag(self, tag):
        if tag in ('script', 'style'):
            self._skip -= 1

    def handle_data(self, data):
        s = ' '.join(data.split())
        if s and not self._skip:
            self.items.append(s)


RAW_KEY = re.compile(r'^(app|share|table|chart|stats|unlock|error|admin)(\.[a-z0-9_]+)+$')


def english_leftovers(fx, code, texts):
    """Text nodes that are exactly an English message the language translates otherwise
    (messages with %s/%d match with anything in their place)."""
    own = set(fx.msgs[code].values())
    bad = []
    for key, en in fx.msgs['en'].items():
        if en in own or fx.msgs[code].get(key) == en:
            continue
        pat = re.compile('^' + re.sub(r'%[sd]', '.+', re.escape(en))
                         + '$') if re.search(r'%[sd]', en) else None
        for t in texts:
            if t == en or (pat and pat.match(t)):
                bad.append((key, t))
    return bad


def pages(fx, code):
    """(what, path, expected status) of every page kind in language `code`."""
    k = fx.keys
    return [
        ('customer share', f'/{code}/auth/customer-portal/{k["gen"]}?year=2026&month=4', 200),
        ('chart view',
         f'/{code}/auth/customer-portal/{k["gen"]}?year=2026&month=4&details=chart', 200),
        ('project page', f'/{code}/auth/customer-portal/{k["gen"]}/p/51?year=2026&month=4',
         200),
        ('project share', f'/{code}/auth/customer-portal/{k["alpha"]}?year=2026&month=4', 200),
        ('empty month', f'/{code}/auth/customer-portal/{k["alpha"]}?year=2025&month=1', 200),
        ('unlock form', f'/{code}/auth/customer-portal/{k["locked"]}', 200),
        ('not found', f'/{code}/auth/customer-portal/{"Q" * 20}', 404),
        ('bad request', f'/{code}/auth/customer-portal/{k["gen"]}?month=13', 400),
        ('admin without login', f'/{code}/admin/customer-portal', 403),
    ]


def record_dates(page):
    """{data-date: shown date} of a share page's record rows."""
    return {r['attrs']['data-date']: r['cells'][0] for r in page.rows}


# --------------------------------------------------------------------------------------
# the same share in four languages

# lang: (month label, March in the month menu, date of 2026-04-11, money 685.00, 13:30)
FORMATS = {
    'en': ('April 2026', 'March', '4/11/2026', '€685.00'),
    'de': ('April 2026', 'März', '11.04.2026', f'685,00{NBSP}€'),
    'fr': ('avril 2026', 'mars', '11/04/2026', f'685,00{NBSP}€'),
    'ja': ('2026年4月', '3月', '2026/04/11', '€685.00'),
}


def test_same_share_in_en_de_fr_ja(fx):
    for code, (label, march, date, money) in FORMATS.items():
        r = fx.n.get(f'/{code}/auth/customer-portal/{fx.keys["gen"]}?year=2026&month=4')
        assert r.status == 200, (code, r.status)
        p = ts.Page(r.text)
        shown = re.search(r'id="month-label"[^>]*>([^<]*)<', r.text)
        assert shown and shown.group(1) == label, (code, shown and shown.group(1))
        months = {v: name for (v, _sel, name) in p.selects['month']}
        assert months['3'] == march, (code, months)
        assert record_dates(p)['2026-04-11'] == date, (code, record_dates(p))
        assert p.totals['data-total-duration'] == '48600'
        foot = re.search(r'<tfoot><tr class="totals".*?</tfoot>', r.text, re.S).group(0)
        assert '13:30' in foot, (code, foot)
        assert money in foot, (code, money, foot)


def test_money_in_the_customers_currency(fx):
    want = {'en': '$60.00', 'de': f'60,00{NBSP}$', 'fr': f'60,00{NBSP}$US', 'ja': '$60.00'}
    for code, money in want.items():
        r = fx.n.get(f'/{code}/auth/customer-portal/{fx.keys["ny"]}?year=2026&month=3')
        assert r.status == 200, (code, r.status)
        p = ts.Page(r.text)
        assert len(p.rows) == 2, (code, p.rows)
        # the exact bytes, no-break space included (Page folds white space)
        cells = re.findall(r'<td class="num total-rate"[^>]*>([^<]*)<', r.text)
        assert cells[:2] == [money, money], (code, cells)


# --------------------------------------------------------------------------------------
# every language, every page

def test_every_language_renders_every_page(fx):
    problems = []
    for code, html_lang in LANGS.items():
        for what, path, status in pages(fx, code):
            r = fx.n.get(path)
            if r.status != status:
                problems.append(f'{code} {what}: HTTP {r.status}, expected {status}')
                continue
            t = Texts(r.text)
            if t.html_lang != html_lang:
                problems.append(f'{code} {what}: <html lang="{t.html_lang}">')
            raw = [s for s in t.items if RAW_KEY.match(s)]
            if raw:
                problems.append(f'{code} {what}: message keys shown raw: {raw}')
            if code != 'en':
                left = english_leftovers(fx, code, t.items)
                if left:
                    problems.append(f'{code} {what}: English left in the page: {left}')
    assert not problems, '\n'.join(problems)


def test_unknown_language_is_404(fx):
    k = fx.keys['gen']
    # Straight to the portal: nginx hands only [A-Za-z_]+ first segments to it.
    for code in ('xx', 'EN', 'De', 'pt-BR', 'pt_br', 'de_de', 'DE_DE', 'zh', 'zh_hant_tw',
                 'zh_TW', 'en_DG', 'es_IC', 'zz_ZZ', 'en-US', 'e', '..', 'zh_Hant_TWX'):
        r = fx.portal.request('GET', f'/{code}/auth/customer-portal/{k}')
        assert r.status == 404, (code, r.status)
        t = Texts(r.text)
        # the page of an unknown language is in the default language, English
        assert t.html_lang == 'en', (code, t.html_lang)
        assert fx.msgs['en']['error.not_found.title'] in t.items, (code, t.items)
    for code in ('xx', 'EN', 'de_de', 'zh', 'en_DG'):
        r = fx.n.get(f'/{code}/auth/customer-portal/{k}')
        assert r.status == 404, (code, r.status)
    for code in ('pt_BR', 'zh_CN', 'pt', 'de_DE', 'zh_Hant_TW'):
        r = fx.n.get(f'/{code}/auth/customer-portal/{k}')
        assert r.status == 200, (code, r.status)


def test_language_menu_keeps_page_and_month(fx):
    k = fx.keys['gen']
    for sub, query in (('', 'year=2026&month=4&details=chart'), ('/p/51', 'year=2025&month=11')):
        r = fx.n.get(f'/de/auth/customer-portal/{k}{sub}?{query}')
        assert r.status == 200, r.status
        links = dict((lang, href) for href, lang in
                     re.findall(r'<a href="([^"]*)"[^>]*hreflang="([^"]*)"', r.text))
        assert set(links) == set(LANGS.values()), links
        assert len(re.findall(r'aria-current="true"', r.text)) == 1
        for code, html_lang in LANGS.items():
            href = links[html_lang].replace('&amp;', '&')
            path, _, q = href.partition('?')
            assert path == f'/{code}/auth/customer-portal/{k}{sub}', href
            assert sorted(q.split('&')) == sorted(query.split('&')), href
            if code in ('ar', 'pt', 'zh_Hant_TW'):
                assert fx.n.get(href).status == 200, href


def test_language_menu_of_a_regional_locale(fx):
    k = fx.keys['gen']
    r = fx.n.get(f'/de_AT/auth/customer-portal/{k}?year=2026&month=4')
    assert r.status == 200, r.status
    links = dict((lang, (href, cur)) for href, lang, cur in
                 re.findall(r'<a href="([^"]*)"[^>]*hreflang="([^"]*)"( aria-current="true")?',
                            r.text))
    assert len(links) == 42, links
    # the client stays in German: the region stays; other languages drop it
    assert links['de'] == (f'/de_AT/auth/customer-portal/{k}?year=2026&amp;month=4',
                           ' aria-current="true"'), links['de']
    assert links['de-CH'][0].startswith('/de_CH/'), links['de-CH']
    assert links['fr'] == (f'/fr/auth/customer-portal/{k}?year=2026&amp;month=4', ''), links['fr']
    # the menu names every language by its own name
    for name in ('Deutsch', 'العربية', 'Magyar', '한국어', '繁體中文（台灣）', 'Türkçe', 'Suomi'):
        assert f'>{name}</a>' in r.text, name


# --------------------------------------------------------------------------------------
# every Kimai locale

def test_every_kimai_locale_answers(fx):
    k = fx.keys['gen']
    problems = []
    for code, (_date, rtl, _tr) in LOCALES.items():
        r = fx.n.get(f'/{code}/auth/customer-portal/{k}?year=2026&month=4')
        if r.status != 200:
            problems.append(f'{code}: HTTP {r.status}')
            continue
        m = re.search(r'<html lang="([^"]*)"( dir="rtl")?>', r.text)
        want = code.replace('_', '-')
        if not m or m.group(1) != want:
            problems.append(f'{code}: <html lang> {m and m.group(1)}, expected {want}')
        elif bool(m.group(2)) != rtl:
            problems.append(f'{code}: dir="rtl" {"missing" if rtl else "unexpected"}')
    assert len(LOCALES) > 290
    assert not problems, '\n'.join(problems)


def test_every_route_answers_in_a_regional_locale(fx):
    k = fx.keys
    for code in ('de_AT', 'en_GB', 'pt_AO', 'zh_Hant_TW', 'fa_IR'):
        for what, path, status in pages(fx, code):
            r = fx.n.get(path)
            assert r.status == status, (code, what, r.status)
        r = fx.n.get(f'/{code}/auth/customer-portal/{k["gen"]}/csv?year=2026&month=4')
        assert r.status == 200, (code, 'csv', r.status)


def kimai_date(pattern, y, m, d):
    """A date in one of Kimai's simple ICU patterns (d dd M MM y, literals)."""
    out = re.sub(r'dd|d|MM|M|y', lambda t: {'dd': f'{d:02d}', 'd': str(d), 'MM': f'{m:02d}',
                                            'M': str(m), 'y': str(y)}[t.group(0)], pattern)
    return out


def test_date_pattern_of_the_exact_locale(fx):
    k = fx.keys['gen']
    sample = ['en', 'en_GB', 'en_US', 'en_CA', 'en_IN', 'de', 'de_AT', 'de_CH', 'fr_CA',
              'fr_CH', 'hu', 'ko', 'sr', 'nl_BE', 'sv_FI', 'pt_PT', 'zh_Hant_TW', 'tr', 'fi',
              'he', 'bg', 'es_MX', 'it_CH', 'da_GL']
    for code in sample:
        p = ts.Page(fx.n.get(f'/{code}/auth/customer-portal/{k}?year=2026&month=4').text)
        want = kimai_date(LOCALES[code][0], 2026, 4, 11)
        assert record_dates(p)['2026-04-11'] == want, (code, record_dates(p), want)
    # spelled out for a few, as Kimai shows them
    for code, want in (('en_GB', '11/04/2026'), ('de_CH', '11.04.2026'),
                       ('hu', '2026. 04. 11.'), ('en', '4/11/2026'), ('ko', '2026. 4. 11.')):
        p = ts.Page(fx.n.get(f'/{code}/auth/customer-portal/{k}?year=2026&month=4').text)
        assert record_dates(p)['2026-04-11'] == want, (code, want)
    # Arabic: Kimai's pattern with its right-to-left marks, in Arabic-Indic digits
    r = fx.n.get(f'/ar/auth/customer-portal/{k}?year=2026&month=4')
    assert '<td class="date" data-label="' in r.text
    assert '\u0661\u0661\u200f/\u0664\u200f/\u0662\u0660\u0662\u0666' in r.text


def test_money_and_months_of_the_exact_locale(fx):
    k = fx.keys['chf']
    want = {'de_CH': 'CHF\u00a01\u2019234.50', 'de': f'1.234,50{NBSP}CHF',
            'fr_CH': f'1{NNBSP}234.50{NBSP}CHF', 'en': 'CHF\u00a01,234.50'}
    for code, money in want.items():
        r = fx.n.get(f'/{code}/auth/customer-portal/{k}?year=2026&month=3')
        assert r.status == 200, (code, r.status)
        cells = re.findall(r'<td class="num total-rate"[^>]*>([^<]*)<', r.text)
        assert cells[:1] == [money], (code, cells, money)
    # month names of the locale: Austrian German says Jänner
    r = fx.n.get(f'/de_AT/auth/customer-portal/{fx.keys["gen"]}?year=2026&month=1')
    assert 'Jänner 2026' in r.text
    r = fx.n.get(f'/de/auth/customer-portal/{fx.keys["gen"]}?year=2026&month=1')
    assert 'Januar 2026' in r.text


def test_message_fallback_chains(fx):
    k = fx.keys['locked']
    # (URL locale, language whose messages it shows)
    for code, lang in (('de_AT', 'de'), ('de_CH', 'de_CH'), ('pt_AO', 'pt'), ('pt_BR', 'pt_BR'),
                       ('en_GB', 'en'), ('fr_CA', 'fr'), ('zh_Hant_TW', 'zh_Hant_TW'),
                       ('fa_AF', 'fa'), ('he_IL', 'he'), ('nl_BE', 'nl'), ('ko_KR', 'ko')):
        r = fx.n.get(f'/{code}/auth/customer-portal/{k}')
        assert r.status == 200, (code, r.status)
        t = Texts(r.text)
        assert t.html_lang == code.replace('_', '-'), (code, t.html_lang)
        assert fx.msgs[lang]['unlock.button'] in t.items, (code, lang, t.items)
        assert fx.msgs[lang]['app.name'] in t.items, (code, lang)


def test_right_to_left(fx):
    k = fx.keys['gen']
    for code in ('ar', 'fa', 'he', 'fa_IR', 'he_IL'):
        r = fx.n.get(f'/{code}/auth/customer-portal/{k}?year=2026&month=4')
        assert re.search(r'<html lang="[^"]*" dir="rtl">', r.text), code
    for code in ('en', 'de_AT', 'ur' if 'ur' in LOCALES else 'tr'):
        r = fx.n.get(f'/{code}/auth/customer-portal/{k}?year=2026&month=4')
        assert 'dir="rtl"' not in r.text, code


# --------------------------------------------------------------------------------------
# time zones on DST change days

def month_rows(fx, key, year, month, code='en'):
    r = fx.n.get(f'/{code}/auth/customer-portal/{key}?year={year}&month={month}')
    assert r.status == 200, (r.status, r.text[:500])
    p = ts.Page(r.text)
    return [(row['attrs']['data-date'], row['cells'][0], int(row['attrs']['data-duration']))
            for row in p.rows]


def test_europe_madrid_months_on_dst_days(fx):
    k = fx.keys['madrid']
    assert month_rows(fx, k, 2026, 3) == [
        ('2026-03-01', '3/1/2026', 3600),
        ('2026-03-29', '3/29/2026', 1800), ('2026-03-29', '3/29/2026', 1800)]
    assert month_rows(fx, k, 2026, 4) == [('2026-04-01', '4/1/2026', 1800)]
    assert month_rows(fx, k, 2026, 2) == []
    assert month_rows(fx, k, 2026, 10, 'de') == [
        ('2026-10-25', '25.10.2026', 1800), ('2026-10-25', '25.10.2026', 1800)]
    assert month_rows(fx, k, 2026, 11, 'es') == [('2026-11-01', '1/11/2026', 1800)]


def test_america_new_york_months_on_dst_days(fx):
    k = fx.keys['ny']
    assert month_rows(fx, k, 2026, 2) == [('2026-02-28', '2/28/2026', 3600)]
    assert month_rows(fx, k, 2026, 3) == [
        ('2026-03-08', '3/8/2026', 3600), ('2026-03-08', '3/8/2026', 3600)]
    assert month_rows(fx, k, 2026, 10) == [('2026-10-31', '10/31/2026', 3600)]
    # 817 was entered in Tokyo: dated there (11-11), counted in the customer's November
    assert month_rows(fx, k, 2026, 11, 'ja') == [
        ('2026-11-01', '2026/11/01', 3600), ('2026-11-01', '2026/11/01', 3600),
        ('2026-11-11', '2026/11/11', 3600), ('2026-11-30', '2026/11/30', 3600)]
    assert month_rows(fx, k, 2026, 12) == []
