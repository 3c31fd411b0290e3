'use strict';
// Share pages as a client uses them, with JavaScript off (everything must work without
// it), plus axe, screenshots and the layout checks of lib.js with JavaScript on.

const { assert, PHONE } = require('../lib');

const monthLabel = s => s.page.locator('#month-label').innerText();

// The accessibility and layout pass every page gets: desktop and phone, light and dark.
async function inspect(t, path, name, { status = 200, cookies = [] } = {}) {
	for (const [viewport, colorScheme] of [[undefined, 'light'], [PHONE, 'light'], [undefined, 'dark']]) {
		const s = await t.session({ viewport, colorScheme, cookies });
		await s.goto(path, status);
		await s.checkPage(`${name} (${colorScheme}, ${s.page.viewportSize().width}px)`);
		await s.axe(`${name} (${colorScheme}, ${s.page.viewportSize().width}px)`);
		await s.shot(colorScheme === 'dark' ? `${name}-dark` : name);
		await s.close();
	}
}

module.exports = [
	['project_share_shows_the_month', async t => {
		const s = await t.session({ javaScript: false });
		await s.goto(t.info.shares.project);
		assert.equal(await s.page.locator('h1').innerText(), 'Website Relaunch');
		const rows = s.page.locator('table.records tbody tr');
		assert.ok(await rows.count() > 0, 'the current month has records');
		// Numbers: aligned at the end (the right in a left-to-right page), tabular
		// figures; a totals row at the bottom.
		const cell = s.page.locator('table.records tbody tr td.duration').first();
		const style = await cell.evaluate(e => {
			const c = getComputedStyle(e);
			return [c.textAlign, c.fontVariantNumeric];
		});
		assert.deepEqual(style, ['end', 'tabular-nums']);
		assert.match(await s.page.locator('table.records tfoot').innerText(), /Billable total/);
		await s.checkPage('project share');
	}],

	['project_share_is_accessible', async t => {
		await inspect(t, t.info.shares.project, 'project-share');
	}],

	['customer_share_to_project_and_back', async t => {
		const s = await t.session({ javaScript: false });
		await s.goto(t.info.shares.customer);
		assert.equal(await s.page.locator('h1').innerText(), 'Globex Inc.');
		const projects = s.page.locator('section.projects');
		await projects.getByRole('link', { name: 'Mobile App', exact: true }).click();
		await s.page.waitForLoadState('load');
		assert.match(s.path(), new RegExp(`^${t.info.shares.customer}/p/\\d+`));
		assert.equal(await s.page.locator('h1').innerText(), 'Mobile App');
		await s.checkPage('project of a customer share');
		await s.page.getByRole('link', { name: /Back to the customer/ }).click();
		await s.page.waitForLoadState('load');
		assert.equal(new URL(s.page.url()).pathname, t.info.shares.customer);
		assert.equal(await s.page.locator('h1').innerText(), 'Globex Inc.');
	}],

	['customer_share_is_accessible', async t => {
		await inspect(t, t.info.shares.customer, 'customer-share');
		const s = await t.session();
		await s.goto(t.info.shares.customer);
		const href = await s.page.locator('section.projects a').first().getAttribute('href');
		await inspect(t, new URL(href, s.page.url()).pathname, 'customer-project');
	}],

	['month_and_year_navigation_across_new_year', async t => {
		const y = t.info.newYear;
		const s = await t.session({ javaScript: false });
		await s.goto(`${t.info.shares.project}?year=${y + 1}&month=1`);
		assert.match(await monthLabel(s), new RegExp(`January ${y + 1}`));
		assert.match(await s.page.locator('table.records').innerText(), /Kick-off for the second release/);

		await s.page.getByRole('link', { name: 'Previous month' }).click();
		await s.page.waitForLoadState('load');
		assert.match(await monthLabel(s), new RegExp(`December ${y}`));
		assert.match(s.path(), new RegExp(`year=${y}&month=12`));
		assert.match(await s.page.locator('table.records').innerText(), /Design review of the new landing page/);

		await s.page.getByRole('link', { name: 'Next month' }).click();
		await s.page.waitForLoadState('load');
		assert.match(await monthLabel(s), new RegExp(`January ${y + 1}`));

		// The month and year pickers: a plain GET form.
		await s.page.getByLabel('Month', { exact: true }).selectOption('12');
		await s.page.getByLabel('Year', { exact: true }).selectOption(String(y));
		await s.page.getByRole('button', { name: 'Show' }).click();
		await s.page.waitForLoadState('load');
		assert.match(await monthLabel(s), new RegExp(`December ${y}`));
		assert.match(await s.page.locator('table.records').innerText(), /Accessibility fixes in the checkout/);

		// A month without records says so.
		await s.page.getByLabel('Year', { exact: true }).selectOption(String(y - 2));
		await s.page.getByRole('button', { name: 'Show' }).click();
		await s.page.waitForLoadState('load');
		assert.match(await monthLabel(s), new RegExp(`December ${y - 2}`));
		assert.equal(await s.page.locator('table.records').count(), 0);
		assert.match(await s.page.locator('main').innerText(), /No entries available for this month/);
		await s.checkPage('empty month');
	}],

	['table_and_chart_switch', async t => {
		const s = await t.session({ javaScript: false });
		await s.goto(t.info.shares.project);
		const sw = s.page.getByRole('navigation', { name: 'View' });
		assert.equal(await sw.getByRole('link', { name: 'Table' }).getAttribute('aria-current'), 'page');
		await sw.getByRole('link', { name: 'Chart' }).click();
		await s.page.waitForLoadState('load');
		assert.match(s.path(), /details=chart/);
		assert.equal(await sw.getByRole('link', { name: 'Chart' }).getAttribute('aria-current'), 'page');
		assert.equal(await s.page.locator('table.records').count(), 0, 'the chart replaces the table');
		const chart = s.page.locator('figure.monthly-chart svg[role="img"]');
		assert.ok(await chart.isVisible(), 'the daily chart is shown');
		// Month navigation keeps the view.
		assert.match(await s.page.getByRole('link', { name: 'Previous month' }).getAttribute('href'), /details=chart/);
		await s.checkPage('chart view');
		await sw.getByRole('link', { name: 'Table' }).click();
		await s.page.waitForLoadState('load');
		assert.ok(await s.page.locator('table.records').isVisible(), 'the table is back');
		await inspect(t, `${t.info.shares.project}?details=chart`, 'project-share-chart');
	}],

	['merged_and_yen_shares', async t => {
		await inspect(t, t.info.shares.merged, 'merged-share');
		await inspect(t, t.info.shares.tokyo, 'tokyo-share');
	}],

	['month_prints_on_a4_without_navigation', async t => {
		const s = await t.session();
		await s.goto(t.info.shares.project);
		await s.page.emulateMedia({ media: 'print' });
		const shown = sel => s.page.evaluate(q => [...document.querySelectorAll(q)]
			.map(e => e.getBoundingClientRect().height > 0 && getComputedStyle(e).visibility !== 'hidden'), sel);
		for (const sel of ['.topbar', '.lang-menu', '.period a', '.period form', '.site-footer',
			'.details-switch', '.skip', 'button', 'select']) {
			const v = await shown(sel);
			assert.ok(v.every(x => !x), `${sel} is hidden in print`);
		}
		// The month stays: a printed month says which one it is.
		assert.deepEqual(await shown('#month-label'), [true]);
		assert.match(await s.page.locator('#month-label').innerText(), /\d{4}/);
		// A4 portrait at 96 dpi minus the page margins: the table fits the width.
		await s.page.setViewportSize({ width: 703, height: 1000 });
		const w = await s.page.evaluate(() => document.querySelector('table.records').scrollWidth);
		assert.ok(w <= 703, `the table is ${w}px wide on paper`);
		const pdf = await s.page.pdf({ format: 'A4', preferCSSPageSize: true });
		assert.ok(pdf.length > 1000, 'a PDF came out');
		if (t.shotDir)
			require('node:fs').writeFileSync(require('node:path').join(t.shotDir, 'project-share-print.pdf'), pdf);
	}],
];
