"""The admin list at scale (docs/design.md, "Admin pages"): 50 shares a page with Kimai's
pager (count, previous/next, page numbers), the search (names of customers and projects,
share keys; case and accents do not count, as with the columns' utf8mb4_unicode_ci), the
type, password and status filters, the sort, bad parameters, escaping of the search in the
form and in the pager's links, and the links to Kimai's own customer and project pages --
end to end through nginx on a real Kimai database.

The shares (113, inserted directly) belong to customers and projects made here:
  customer "Émile Café" (1 customer share) and its project "Straße Bau" (1 project share
  with a password, expired yesterday), customer "100% Sure_thing" (1 customer share) and
  its project 'Bulk & <Co> "P"' (110 project shares, keys Bulk + 16 digits)."""

import re
import types
import urllib.parse

from . import common
from . import harness
from .test_admin import DUMP_HASH, form_login_payload, new_session

LIST = '/en/admin/customer-portal'
CAFE, SURE = 70, 71            # customers
STRASSE, BULK = 72, 73         # projects
K_CAFE = 'CafeShareKey00000001'
K_SURE = 'SureShareKey00000001'
K_STR = 'StrasseShareKey00001'
NBULK = 110
TOTAL = NBULK + 3
ROW = 'class="actions-cell"'


def bulk_key(i):
    return f'Bulk{i:016d}'


def setup(env):
    fx = types.SimpleNamespace(env=env, m=env.mariadb)
    fx.db = fx.m.kimai_db('2.45-rates')
    common.install(fx.m, fx.db)
    fx.portal = env.portal(fx.m.url(fx.db), workers=2)
    fx.n = env.nginx(fx.portal)
    bulk = ', '.join(f"({BULK}, NULL, '{bulk_key(i)}', NULL, 'NONE')" for i in range(NBULK))
    sql(fx, f"""
        UPDATE kimai2_users SET username = 'admin', password = '{DUMP_HASH}', enabled = 1,
          roles = 'a:1:{{i:0;s:16:"ROLE_SUPER_ADMIN";}}' WHERE id = 1;
        DELETE FROM kimai2_customer_portals;
        INSERT INTO kimai2_customers (id, name, visible, country, currency, timezone) VALUES
          ({CAFE}, 'Émile Café', 1, 'FR', 'EUR', 'Europe/Paris'),
          ({SURE}, '100% Sure_thing', 1, 'DE', 'EUR', 'Europe/Berlin');
        INSERT INTO kimai2_projects (id, customer_id, name, visible) VALUES
          ({STRASSE}, {CAFE}, 'Straße Bau', 1),
          ({BULK}, {SURE}, 'Bulk & <Co> "P"', 1);
        INSERT INTO kimai2_customer_portals (project_id, customer_id, share_key, password,
          record_merge_mode) VALUES
          (NULL, {CAFE}, '{K_CAFE}', NULL, 'NONE'),
          (NULL, {SURE}, '{K_SURE}', '', 'NONE'),
          ({STRASSE}, NULL, '{K_STR}', '$argon2id$v=19$m=65536,t=4,p=1$x$y', 'NONE'),
          {bulk};
        INSERT INTO kimai2_customer_portals_settings (share_id, expires_at, created_at,
          updated_at) SELECT id, UTC_TIMESTAMP() - INTERVAL 1 DAY, UTC_TIMESTAMP(),
          UTC_TIMESTAMP() FROM kimai2_customer_portals WHERE share_key = '{K_STR}';
    """)
    fx.cookies = new_session(fx, form_login_payload(1, 'admin', DUMP_HASH))
    return fx


def sql(fx, q):
    return fx.m.sql(fx.db, q)


def get(fx, query='', lang='en', status=200):
    path = f'/{lang}/admin/customer-portal{query}'
    r = fx.n.get(path, cookies=fx.cookies)
    assert r.status == status, (path, r.status, r.text[:300])
    return r


def keys(r):
    """The share keys of a page's rows, in order."""
    return re.findall(r'value="http://[^"]*/auth/customer-portal/([A-Za-z0-9]{20})"', r.text)


def count_text(r):
    m = re.search(r'<p class="list-count"[^>]*>([^<]*)</p>', r.text)
    assert m, 'no count'
    return m.group(1)


def page_links(r):
    return {int(p): u.replace('&amp;', '&')
            for u, p in re.findall(r'<a class="page-link" href="([^"]*)" data-page="(\d+)"', r.text)}


# --------------------------------------------------------------------------------------

def test_first_page_count_and_pager(fx):
    r = get(fx)
    assert r.text.count(ROW) == 50
    assert count_text(r) == f'1–50 of {TOTAL}', count_text(r)
    assert '<ul class="pagination">' in r.text
    assert re.search(r'aria-current="page"><span class="visually-hidden">Page </span>1</span>',
                     r.text)
    links = page_links(r)
    assert sorted(links) == [2, 3], links
    assert links[2] == f'{LIST}?page=2', links
    # previous is not a link on the first page, next is
    assert 'rel="prev"' not in r.text and f'rel="next" href="{LIST}?page=2"' in r.text


def test_pages_partition_the_list_in_name_order(fx):
    seen = []
    for page in (1, 2, 3):
        r = get(fx, f'?page={page}')
        seen += keys(r)
    assert len(seen) == TOTAL == len(set(seen)), len(seen)
    # The plugin's order: project name (customer shares have none: first), customer name,
    # key.  Customer shares: "100% Sure_thing" before "Émile Café" (accents do not count).
    expected = [K_SURE, K_CAFE] + [bulk_key(i) for i in range(NBULK)] + [K_STR]
    assert seen == expected, seen[:5]
    last = get(fx, '?page=3')
    assert count_text(last) == f'101–{TOTAL} of {TOTAL}'
    assert last.text.count(ROW) == TOTAL - 100
    assert 'rel="next"' not in last.text and f'rel="prev" href="{LIST}?page=2"' in last.text


def test_page_past_the_end_shows_the_last(fx):
    r = get(fx, '?page=999')
    assert r.text.count(ROW) == TOTAL - 100
    assert re.search(r'aria-current="page"><span class="visually-hidden">Page </span>3</span>',
                     r.text)


def test_bad_parameters_are_400(fx):
    for q in ('?page=0', '?page=-1', '?page=abc', '?page=1.5', '?page=9999999',
              '?type=bogus', '?password=maybe', '?status=old', '?sort=key', '?page=1&page=2',
              '?q=' + 'x' * 401, '?q=%00', '?q=%FF'):
        get(fx, q, status=400)


def test_blank_choices_of_the_form_mean_all(fx):
    r = get(fx, '?q=&type=&password=&status=&sort=&page=')
    assert r.text.count(ROW) == 50 and count_text(r) == f'1–50 of {TOTAL}'
    assert 'class="btn btn-ghost"' not in r.text.split('</form>')[0]   # no reset link


def test_search_ignores_case_and_accents(fx):
    for q in ('émile', 'EMILE', 'cafe', 'CAFÉ', 'eMiLe CaFé'):
        r = get(fx, '?q=' + urllib.parse.quote(q))
        # the customer share and the project share of the customer's project
        assert sorted(keys(r)) == sorted([K_CAFE, K_STR]), (q, keys(r))
        assert count_text(r) == '1–2 of 2'
    r = get(fx, '?q=' + urllib.parse.quote('straße bau'))
    assert keys(r) == [K_STR], keys(r)
    r = get(fx, '?q=' + urllib.parse.quote('  BAU  '))
    assert keys(r) == [K_STR], keys(r)
    assert 'value="BAU"' in r.text        # blanks around the search are dropped


def test_search_finds_share_keys(fx):
    r = get(fx, '?q=' + bulk_key(42).lower())
    assert keys(r) == [bulk_key(42)], keys(r)
    r = get(fx, '?q=strasseSHAREkey')
    assert keys(r) == [K_STR], keys(r)


def test_wildcards_in_the_search_match_themselves(fx):
    for q in ('%', '_', '0% s', 'Sure_'):
        r = get(fx, '?q=' + urllib.parse.quote(q))
        # only the customer named "100% Sure_thing": its customer share and the bulk
        # project's 110 shares (its customer's name matches too)
        assert count_text(r) == f'1–50 of {NBULK + 1}', (q, count_text(r))
    r = get(fx, '?q=' + urllib.parse.quote('!'))
    assert 'No share matches your search.' in r.text
    r = get(fx, '?q=' + urllib.parse.quote('1_0%'))
    assert 'No share matches your search.' in r.text


def test_filters(fx):
    def n(query):
        r = get(fx, query)
        m = re.search(r' of (\d+)$', count_text(r)) if r.text.count(ROW) else None
        return int(m.group(1)) if m else 0
    assert n('?type=customer') == 2
    assert n('?type=project') == NBULK + 1
    assert n('?password=yes') == 1
    assert n('?password=no') == TOTAL - 1
    assert n('?status=expired') == 1
    assert n('?status=active') == TOTAL - 1
    assert n('?type=project&password=no&status=active') == NBULK
    assert n('?type=customer&status=expired') == 0
    r = get(fx, '?status=expired')
    assert keys(r) == [K_STR]
    assert 'data-status="expired"' in r.text
    # the form shows the filters chosen, and a way back to every share
    r = get(fx, '?type=project&password=no&status=active')
    assert '<option value="project" selected>' in r.text
    assert '<option value="no" selected>' in r.text
    assert '<option value="active" selected>' in r.text
    assert f'<a class="btn btn-ghost" href="{LIST}">Reset</a>' in r.text
    # the pager keeps them
    assert page_links(r)[2] == f'{LIST}?type=project&password=no&status=active&page=2'


def test_sort_newest_first(fx):
    rows = sql(fx, 'SELECT share_key FROM kimai2_customer_portals ORDER BY id DESC LIMIT 50')
    r = get(fx, '?sort=newest')
    assert keys(r) == [row[0] for row in rows], keys(r)[:3]
    assert '<option value="newest" selected>' in r.text
    assert page_links(r)[2] == f'{LIST}?sort=newest&page=2'


def test_no_match_and_nothing_shared(fx):
    r = get(fx, '?q=nothing-like-this')
    assert 'No share matches your search.' in r.text
    assert 'role="search"' in r.text and '<table' not in r.text
    assert '<ul class="pagination">' not in r.text


def test_search_is_escaped_in_the_form_and_the_links(fx):
    q = '& <co> "p'
    r = get(fx, '?q=' + urllib.parse.quote(q))
    assert count_text(r) == f'1–50 of {NBULK}', count_text(r)
    assert 'value="&amp; &lt;co&gt; &quot;p"' in r.text, r.text[:2000]
    assert 'Bulk &amp; &lt;Co&gt; &quot;P&quot;' in r.text
    assert '<Co>' not in r.text
    link = page_links(r)[2]
    assert link == f'{LIST}?q=%26%20%3Cco%3E%20%22p&page=2', link
    # the link leads to page 2 of the same search
    r2 = get(fx, link[len(LIST):])
    assert count_text(r2) == f'51–100 of {NBULK}', count_text(r2)
    # a script in the search stays text
    r = get(fx, '?q=' + urllib.parse.quote('"><script>alert(1)</script>'))
    assert '<script>alert' not in r.text
    assert 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in r.text


def test_links_to_kimai_pages(fx):
    r = get(fx, '?type=customer')
    assert f'<a class="kimai-link" href="/en/admin/customer/{CAFE}/details">' in r.text
    assert f'<a class="kimai-link" href="/en/admin/customer/{SURE}/details">' in r.text
    r = get(fx, '?q=strasse', lang='de')
    assert f'<a class="kimai-link" href="/de/admin/project/{STRASSE}/details">' in r.text


def test_small_lists_have_no_pager(fx):
    r = get(fx, '?type=customer')
    assert r.text.count(ROW) == 2
    assert count_text(r) == '1–2 of 2'
    assert '<ul class="pagination">' not in r.text


def test_other_languages(fx):
    r = get(fx, lang='de')
    assert count_text(r) == f'1–50 von {TOTAL}', count_text(r)
    assert 'Weiter' in r.text and 'Freigaben durchsuchen' in r.text
    r = get(fx, '?page=2', lang='ar')
    assert 'dir="rtl"' in r.text
    assert r.text.count(ROW) == 50
    assert 'rel="prev" href="/ar/admin/customer-portal"' in r.text


def test_changes_by_another_host_show_at_once(fx):
    """The list sorted by name takes its order from one the portal remembers: a share
    written straight into the database (another portal host, the PHP plugin) counts at
    once, in its place, and so do a changed password or project and a deletion."""
    get(fx)                                       # the order is remembered now
    sql(fx, f"INSERT INTO kimai2_customer_portals (project_id, customer_id, share_key,"
            f" password, record_merge_mode) VALUES (NULL, {SURE}, 'AaaOtherHostShare001',"
            f" NULL, 'NONE')")
    try:
        r = get(fx)
        assert count_text(r) == f'1–50 of {TOTAL + 1}', count_text(r)
        # customer "100% Sure_thing": its two shares by key, before "Émile Café"
        assert keys(r)[:3] == ['AaaOtherHostShare001', K_SURE, K_CAFE], keys(r)[:3]
        sql(fx, "UPDATE kimai2_customer_portals SET password = '$2y$13$x'"
                " WHERE share_key = 'AaaOtherHostShare001'")
        r = get(fx, '?password=yes')
        assert sorted(keys(r)) == sorted(['AaaOtherHostShare001', K_STR]), keys(r)
        # moved to a project share of "Straße Bau": now after the bulk project's shares
        sql(fx, f"UPDATE kimai2_customer_portals SET customer_id = NULL,"
                f" project_id = {STRASSE} WHERE share_key = 'AaaOtherHostShare001'")
        r = get(fx, '?page=3')
        assert keys(r)[-2:] == ['AaaOtherHostShare001', K_STR], keys(r)[-2:]
    finally:
        sql(fx, "DELETE FROM kimai2_customer_portals WHERE share_key = 'AaaOtherHostShare001'")
    r = get(fx)
    assert count_text(r) == f'1–50 of {TOTAL}', count_text(r)
    assert 'AaaOtherHostShare001' not in r.text


LARGE = 1000              # ADMIN_ORDER_LARGE in include/model/admin_share.h
RECHECK_S = 1.0           # ADMIN_ORDER_RECHECK_MS


def total_of(r):
    """The number after "of" in the list's count, whatever its grouping."""
    return int(re.sub(r'\D', '', count_text(r).split(' of ')[1]))


def settled_total(fx, want):
    return harness.wait_until(lambda: (lambda r: total_of(r) == want and r)(get(fx)),
                              RECHECK_S * 4, interval=0.1, what=f'{want} shares listed')


def test_large_lists_see_other_hosts_within_a_second_and_their_own_writes_at_once(fx):
    """From ADMIN_ORDER_LARGE shares on, the share table's fingerprint is read at most once
    a second: a share written by another process shows within a second; one this portal
    deletes is gone from its next list at once."""
    big = ', '.join(f"({BULK}, NULL, 'Large{i:015d}', NULL, 'NONE')" for i in range(LARGE))
    get(fx)
    sql(fx, f"INSERT INTO kimai2_customer_portals (project_id, customer_id, share_key,"
            f" password, record_merge_mode) VALUES {big}")
    try:
        # Below the limit the fingerprint was read on this request: the rows count at once.
        assert total_of(get(fx)) == TOTAL + LARGE
        sql(fx, f"INSERT INTO kimai2_customer_portals (project_id, customer_id, share_key,"
                f" password, record_merge_mode) VALUES (NULL, {SURE},"
                f" 'AaaLargeOtherHost001', NULL, 'NONE')")
        r = settled_total(fx, TOTAL + LARGE + 1)
        assert keys(r)[0] == 'AaaLargeOtherHost001', keys(r)[:2]
        sid = fx.m.value(fx.db, "SELECT id FROM kimai2_customer_portals"
                                " WHERE share_key = 'AaaLargeOtherHost001'")
        url = f'{LIST}/{sid}/AaaLargeOtherHost001/delete'
        confirm = fx.n.get(url, cookies=fx.cookies)
        assert confirm.status == 200, confirm.status
        token = re.search(r'name="_token" value="([0-9a-f]+)"', confirm.text).group(1)
        r = fx.n.post(url, {'_token': token}, cookies=fx.cookies)
        assert r.status == 303, r.status
        r = get(fx)
        assert total_of(r) == TOTAL + LARGE and 'AaaLargeOtherHost001' not in r.text
    finally:
        sql(fx, "DELETE FROM kimai2_customer_portals WHERE share_key LIKE 'Large%'"
                " OR share_key = 'AaaLargeOtherHost001'")
    settled_total(fx, TOTAL)


def test_renamed_customer_shows_its_new_name_at_once(fx):
    get(fx)
    sql(fx, f"UPDATE kimai2_customers SET name = 'Émile Café Neu' WHERE id = {CAFE}")
    try:
        r = get(fx, '?type=customer')
        assert 'Émile Café Neu' in r.text
    finally:
        sql(fx, f"UPDATE kimai2_customers SET name = 'Émile Café' WHERE id = {CAFE}")
