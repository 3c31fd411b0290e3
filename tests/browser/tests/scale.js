'use strict';
// The admin list at scale: 120 more shares (of a customer "Österreich Scale GmbH" and its
// project "Skalierung", made here and removed again), paged 50 at a time, searched and
// filtered through the list's own form, in English and in Arabic (right to left).

const { assert, PHONE, sql } = require('../lib');

const LIST = '/en/admin/customer-portal';
const CUSTOMER = 90;
const PROJECT = 90;
const N = 120;

function key(i) {
	return `ScaleShare${String(i).padStart(10, '0')}`;
}

function addShares(t) {
	removeShares(t);
	const rows = [];
	for (let i = 0; i < N; i++)
		rows.push(i % 4 === 0 ? `(NULL, ${CUSTOMER}, '${key(i)}', 'NONE')` : `(${PROJECT}, NULL, '${key(i)}', 'NONE')`);
	sql(t, `INSERT INTO kimai2_customers (id, name, visible, country, currency, timezone)
	          VALUES (${CUSTOMER}, 'Österreich Scale GmbH', 1, 'AT', 'EUR', 'Europe/Vienna');
	        INSERT INTO kimai2_projects (id, customer_id, name, visible)
	          VALUES (${PROJECT}, ${CUSTOMER}, 'Skalierung', 1);
	        INSERT INTO kimai2_customer_portals (project_id, customer_id, share_key, record_merge_mode)
	          VALUES ${rows.join(', ')};`);
}

function removeShares(t) {
	sql(t, `DELETE FROM kimai2_customer_portals WHERE share_key LIKE 'ScaleShare%';
	        DELETE FROM kimai2_projects WHERE id = ${PROJECT};
	        DELETE FROM kimai2_customers WHERE id = ${CUSTOMER};`);
}

function adminCookie(t) {
	return [{ name: t.info.session.name, value: t.info.session.value, httpOnly: true, sameSite: 'Lax' }];
}

async function rows(page) {
	return page.locator('table.admin-shares tbody tr').count();
}

// "1–50 of 125" -> { from: 1, to: 50, total: 125 } (Western digits only: English).
async function counted(page) {
	const text = await page.locator('#list-count').innerText();
	const m = text.match(/^([\d,]+)–([\d,]+) of ([\d,]+)$/);
	assert.ok(m, `count text: ${text}`);
	const n = s => Number(s.replace(/,/g, ''));
	return { from: n(m[1]), to: n(m[2]), total: n(m[3]) };
}

async function currentPage(page) {
	return (await page.locator('.pagination [aria-current="page"]').innerText()).replace(/^Page\s*/, '').trim();
}

module.exports = [
	['admin_list_pages_and_searches', async t => {
		addShares(t);
		try {
			const s = await t.session({ cookies: adminCookie(t) });
			await s.goto(LIST);
			await s.checkPage('admin list, first page');
			await s.axe('admin list, first page');
			await s.shot('admin-list-pages');
			let c = await counted(s.page);
			assert.ok(c.total >= N + 1, `total ${c.total}`);
			assert.deepEqual([c.from, c.to], [1, 50]);
			assert.equal(await rows(s.page), 50);
			const pages = Math.ceil(c.total / 50);
			const nav = s.page.getByRole('navigation', { name: 'Pages' });
			assert.ok(await nav.isVisible(), 'the pager is shown');
			assert.equal(await currentPage(s.page), '1');

			// Next, then the last page by its number, then previous.
			await nav.getByRole('link', { name: 'Next' }).click();
			await s.page.waitForLoadState('load');
			assert.equal(new URL(s.page.url()).searchParams.get('page'), '2');
			assert.equal(await currentPage(s.page), '2');
			c = await counted(s.page);
			assert.deepEqual([c.from, c.to], [51, 100]);
			await nav.getByRole('link', { name: `Page ${pages}`, exact: true }).click();
			await s.page.waitForLoadState('load');
			assert.equal(await currentPage(s.page), String(pages));
			assert.equal(await rows(s.page), c.total - 50 * (pages - 1));
			assert.equal(await nav.getByRole('link', { name: 'Next' }).count(), 0, 'no next on the last page');
			await nav.getByRole('link', { name: 'Previous' }).click();
			await s.page.waitForLoadState('load');
			assert.equal(await currentPage(s.page), String(pages - 1));

			// Search: lower case and without the accent finds "Österreich Scale GmbH".
			await s.page.getByRole('searchbox', { name: 'Search shares' }).fill('osterreich');
			await s.page.getByRole('button', { name: 'Search' }).click();
			await s.page.waitForLoadState('load');
			const url = new URL(s.page.url());
			assert.equal(url.searchParams.get('q'), 'osterreich');
			assert.equal(url.searchParams.get('page'), null, 'a new search starts on page 1');
			c = await counted(s.page);
			assert.deepEqual([c.from, c.to, c.total], [1, 50, N]);
			await s.checkPage('admin list, searched');

			// Filter: only the customer shares of the search (every fourth one).
			await s.page.getByLabel('Type').selectOption('customer');
			await s.page.getByRole('button', { name: 'Search' }).click();
			await s.page.waitForLoadState('load');
			c = await counted(s.page);
			assert.equal(c.total, N / 4);
			assert.equal(await s.page.getByRole('navigation', { name: 'Pages' }).count(), 0, 'one page: no pager');
			assert.equal(await s.page.getByRole('searchbox', { name: 'Search shares' }).inputValue(), 'osterreich');

			// A share key, in any case.
			await s.page.getByLabel('Type').selectOption('');
			await s.page.getByRole('searchbox', { name: 'Search shares' }).fill(key(7).toUpperCase());
			await s.page.getByRole('button', { name: 'Search' }).click();
			await s.page.waitForLoadState('load');
			assert.equal(await rows(s.page), 1);
			assert.match(await s.page.locator('table.admin-shares input[readonly]').inputValue(), new RegExp(`/${key(7)}$`));
			// Its name links to Kimai's project page.
			assert.equal(await s.page.locator('table.admin-shares a.kimai-link').getAttribute('href'),
				`/en/admin/project/${PROJECT}/details`);

			// Reset: every share again.
			await s.page.getByRole('link', { name: 'Reset' }).click();
			await s.page.waitForLoadState('load');
			assert.equal(new URL(s.page.url()).search, '');
			assert.equal(await rows(s.page), 50);
			await s.close();
		} finally {
			removeShares(t);
		}
	}],

	['admin_list_pages_right_to_left', async t => {
		addShares(t);
		try {
			for (const viewport of [undefined, PHONE]) {
				const s = await t.session({ viewport, cookies: adminCookie(t) });
				await s.goto('/ar/admin/customer-portal?q=osterreich&page=2');
				const what = `Arabic admin list (${s.page.viewportSize().width}px)`;
				await s.checkPage(what);
				await s.axe(what);
				await s.shot('rtl-ar-admin-list-pages');
				const dir = await s.page.evaluate(() => document.documentElement.dir);
				assert.equal(dir, 'rtl');
				assert.equal(await rows(s.page), 50);
				// Mirrored: "previous" (السابق) right of "next" (التالي), page 1 right of page 3.
				const nav = s.page.locator('nav ul.pagination');
				const prev = await nav.getByRole('link', { name: 'السابق' }).boundingBox();
				const next = await nav.getByRole('link', { name: 'التالي' }).boundingBox();
				assert.ok(prev.x > next.x, `previous ${prev.x} right of next ${next.x}`);
				const p1 = await nav.locator('a[data-page="1"]').boundingBox();
				const p3 = await nav.locator('a[data-page="3"]').boundingBox();
				assert.ok(p1.x > p3.x, 'page numbers run right to left');
				assert.equal(await nav.locator('[aria-current="page"]').count(), 1);
				// The search form keeps the search and stays inside the viewport.
				const box = await s.page.getByRole('searchbox').boundingBox();
				assert.ok(box.x >= 0 && box.x + box.width <= s.page.viewportSize().width, 'search box inside');
				assert.equal(await s.page.getByRole('searchbox').inputValue(), 'osterreich');
				// Page 3 by its link: the search stays.
				await nav.locator('a[data-page="3"]').click();
				await s.page.waitForLoadState('load');
				const u = new URL(s.page.url());
				assert.equal(u.searchParams.get('q'), 'osterreich');
				assert.equal(u.searchParams.get('page'), '3');
				assert.equal(await rows(s.page), N - 100);
				await s.close();
			}
		} finally {
			removeShares(t);
		}
	}],
];
