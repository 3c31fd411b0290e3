'use strict';
// Window sizes: a phone, a laptop, a desktop and a tall portrait window.  The cards of a
// page keep the design's spacing at every size (the stylesheet's --gap between cards,
// --header-gap below the page heading), even when the window is taller than the page:
// the spare height goes below the content, never between the cards, and the footer sits
// at the bottom of the window.  One screenshot per page and size: sizes-<page>-<w>x<h>.png.

const path = require('node:path');

const { assert } = require('../lib');

const SIZES = [[360, 740], [1280, 800], [1920, 1080], [1440, 2400]];

// The pages: a share with the year's chart and budget statistics on a short month (two
// records), the unlock form of a protected share, the admin list.
function pages(t) {
	const admin = [{ name: t.info.session.name, value: t.info.session.value, httpOnly: true,
		sameSite: 'Lax' }];
	return [
		['share', `${t.info.shares.project}?year=${t.info.newYear}&month=12`, [],
			p => p.locator('section.annual-chart, section.budget-stats, section.records')],
		['unlock', t.info.shares.locked, [], p => p.locator('section.card.unlock')],
		['admin', '/en/admin/customer-portal', admin, p => p.locator('table.admin-shares')],
	];
}

// Boxes of <main>'s visible children grouped into rows (side-by-side cards share a row),
// the design's spacing read from the stylesheet, and where the footer is.
function measure() {
	const root = getComputedStyle(document.documentElement);
	const rem = parseFloat(root.fontSize);
	const length = name => {
		const v = root.getPropertyValue(name).trim();
		const n = parseFloat(v);
		if (v.endsWith('rem'))
			return n * rem;
		if (v.endsWith('px'))
			return n;
		throw new Error(`${name} is neither px nor rem: "${v}"`);
	};
	const main = document.querySelector('main');
	const boxes = [...main.children]
		.filter(e => !e.classList.contains('visually-hidden') && getComputedStyle(e).display !== 'none')
		.map(e => ({ what: e.tagName.toLowerCase() + (e.className ? '.' + e.className.split(/\s+/).join('.') : ''),
			top: e.getBoundingClientRect().top + scrollY, bottom: e.getBoundingClientRect().bottom + scrollY,
			margin: parseFloat(getComputedStyle(e).marginTop) }))
		.filter(b => b.bottom - b.top > 0);
	const rows = [];
	for (const b of boxes.sort((x, y) => x.top - y.top)) {
		const last = rows[rows.length - 1];
		if (last && b.top < last.bottom)
			last.items.push(b.what), last.bottom = Math.max(last.bottom, b.bottom);
		else
			rows.push({ items: [b.what], top: b.top, bottom: b.bottom, margin: b.margin });
	}
	const footer = document.querySelector('.site-footer').getBoundingClientRect();
	const mainBox = main.getBoundingClientRect();
	return {
		gap: length('--gap'),
		headerGap: length('--header-gap'),
		paddingTop: parseFloat(getComputedStyle(main).paddingTop),
		mainTop: mainBox.top + scrollY,
		rows,
		footerTop: footer.top + scrollY,
		footerBottom: footer.bottom + scrollY,
		pageHeight: document.documentElement.scrollHeight,
		windowHeight: innerHeight,
	};
}

const near = (a, b) => Math.abs(a - b) <= 1;

module.exports = [
	['cards_keep_the_design_gap_at_every_window_size', async t => {
		let shorter = 0;
		for (const [name, url, cookies, content] of pages(t)) {
			for (const [width, height] of SIZES) {
				const what = `${name} at ${width}x${height}`;
				const s = await t.session({ viewport: { width, height }, cookies });
				await s.goto(url);
				assert.ok(await content(s.page).count() > 0, `${what}: the page shows its content`);
				await s.checkPage(what);
				const m = await s.page.evaluate(measure);
				const rows = m.rows.map(r => r.items.join(' + '));
				assert.ok(m.gap > 0 && m.headerGap > 0, `${what}: --gap and --header-gap are set`);
				// Content starts at the top of <main> (the unlock card keeps its own
				// margin there).
				assert.ok(near(m.rows[0].top, m.mainTop + m.paddingTop + m.rows[0].margin),
					`${what}: content starts ${m.rows[0].top - m.mainTop}px below the top of main`);
				for (let i = 1; i < m.rows.length; i++) {
					const want = i === 1 && /page-header/.test(rows[0]) ? m.headerGap : m.gap;
					const got = m.rows[i].top - m.rows[i - 1].bottom;
					assert.ok(near(got, want),
						`${what}: ${got.toFixed(1)}px between "${rows[i - 1]}" and "${rows[i]}", ` +
						`the design says ${want}px`);
				}
				// The footer follows the content; on a page shorter than the window it
				// ends at the window's bottom edge.
				const last = m.rows[m.rows.length - 1];
				assert.ok(m.footerTop >= last.bottom, `${what}: the footer overlaps the content`);
				if (m.pageHeight <= m.windowHeight) {
					shorter++;
					assert.ok(near(m.footerBottom, m.windowHeight),
						`${what}: the footer ends at ${m.footerBottom}px in a ${m.windowHeight}px window`);
				}
				if (t.shotDir)
					await s.page.screenshot({ path: path.join(t.shotDir, `sizes-${name}-${width}x${height}.png`),
						animations: 'disabled' });
				await s.close();
			}
		}
		// The tall window is taller than every one of these pages: the case this test is for.
		assert.ok(shorter >= 3, `only ${shorter} page(s) were shorter than the window`);
	}],
];
