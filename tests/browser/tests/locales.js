'use strict';
// Locales beyond Latin scripts: a right-to-left page (Arabic) and a CJK page
// (Traditional Chinese, Taiwan), with axe, the layout checks of lib.js and screenshots.

const { assert, PHONE } = require('../lib');

// Boxes of the elements the mirroring is about.
async function boxes(page) {
	return page.evaluate(() => {
		const box = sel => {
			const e = document.querySelector(sel);
			if (!e)
				return null;
			const r = e.getBoundingClientRect();
			return { left: r.left, right: r.right, width: r.width };
		};
		const num = document.querySelector('table.records tbody td.num');
		const date = document.querySelector('table.records tbody td.date');
		const meter = document.querySelector('meter');
		return {
			dir: document.documentElement.dir,
			lang: document.documentElement.lang,
			vw: document.documentElement.clientWidth,
			brand: box('.brand'),
			menu: box('.lang-menu summary'),
			prev: box('.period a.prev'),
			next: box('.period a.next'),
			table: box('table.records'),
			firstTh: box('table.records thead th:first-child'),
			num: num && { dir: getComputedStyle(num).direction, align: getComputedStyle(num).textAlign },
			date: date && { dir: getComputedStyle(date).direction },
			meter: meter && getComputedStyle(meter).direction,
		};
	});
}

async function openMenu(s) {
	const menu = s.page.locator('nav.lang-menu');
	await menu.locator('summary').click();
	const list = await menu.locator('ul').evaluate(ul => {
		const r = ul.getBoundingClientRect();
		return { left: r.left, right: r.right, items: ul.querySelectorAll('li').length,
			current: ul.querySelector('a[aria-current]').textContent };
	});
	return list;
}

module.exports = [
	['arabic_right_to_left_page_is_accessible', async t => {
		const path = `${t.info.shares.project.replace(/^\/en\//, '/ar/')}`;
		for (const viewport of [undefined, PHONE]) {
			const s = await t.session({ viewport });
			await s.goto(path);
			const b = await boxes(s.page);
			assert.equal(b.dir, 'rtl');
			assert.equal(b.lang, 'ar');
			// Mirrored: the brand at the right, the menu at the left; "previous month"
			// on the right of "next month"; the first column at the table's right edge.
			assert.ok(b.brand.left > b.menu.left, 'brand right of the language menu');
			assert.ok(b.prev.left > b.next.left, 'previous month right of next month');
			if (viewport === undefined)
				assert.ok(Math.abs(b.firstTh.right - b.table.right) < 2, 'first column at the right');
			// Numbers and dates read left to right inside.
			assert.equal(b.num.dir, 'ltr');
			assert.equal(b.date.dir, 'ltr');
			if (b.meter)
				assert.equal(b.meter, 'rtl', 'budget meters fill from the right');
			// Arabic-Indic digits in the month label, as ICU writes Arabic.
			assert.match(await s.page.locator('#month-label').innerText(), /[\u0660-\u0669]{4}/);
			await s.checkPage(`Arabic share (${s.page.viewportSize().width}px)`);
			await s.axe(`Arabic share (${s.page.viewportSize().width}px)`);
			await s.shot('rtl-ar-share');
			// The language menu opens inside the viewport, on the left side.
			const list = await openMenu(s);
			assert.equal(list.items, 42);
			assert.equal(list.current, 'العربية');
			assert.ok(list.left >= 0 && list.right <= b.vw, `menu inside the viewport: ${JSON.stringify(list)}`);
			await s.close();
		}
	}],

	['zh_hant_tw_page_is_accessible', async t => {
		const path = `${t.info.shares.customer.replace(/^\/en\//, '/zh_Hant_TW/')}`;
		for (const viewport of [undefined, PHONE]) {
			const s = await t.session({ viewport });
			await s.goto(path);
			const b = await boxes(s.page);
			assert.equal(b.dir, '');
			assert.equal(b.lang, 'zh-Hant-TW');
			assert.ok(b.brand.left < b.menu.left, 'left to right');
			assert.match(await s.page.locator('#month-label').innerText(), /^\d{4}年\d{1,2}月$/);
			await s.checkPage(`zh_Hant_TW share (${s.page.viewportSize().width}px)`);
			await s.axe(`zh_Hant_TW share (${s.page.viewportSize().width}px)`);
			await s.shot('zh-hant-tw-share');
			const list = await openMenu(s);
			assert.equal(list.current, '繁體中文（台灣）');
			// Switching to Traditional Chinese without region drops the region.
			await s.page.locator('nav.lang-menu a[hreflang="zh-Hant"]').click();
			await s.page.waitForLoadState('load');
			assert.match(new URL(s.page.url()).pathname, /^\/zh_Hant\/auth\/customer-portal\//);
			assert.equal(await s.page.locator('html').getAttribute('lang'), 'zh-Hant');
			await s.close();
		}
	}],

	['regional_locale_keeps_its_region', async t => {
		const s = await t.session({ javaScript: false });
		await s.goto(`${t.info.shares.project.replace(/^\/en\//, '/de_AT/')}?year=${t.info.newYear}&month=1`);
		assert.equal(await s.page.locator('html').getAttribute('lang'), 'de-AT');
		assert.match(await s.page.locator('#month-label').innerText(), /Jänner/);
		const menu = s.page.getByRole('navigation', { name: 'Sprache' });
		await menu.locator('summary').click();
		await menu.getByRole('link', { name: 'Deutsch', exact: true }).click();
		await s.page.waitForLoadState('load');
		assert.match(new URL(s.page.url()).pathname, /^\/de_AT\//);
		assert.match(new URL(s.page.url()).search, /month=1/);
		await s.checkPage('Austrian share page');
	}],
];
