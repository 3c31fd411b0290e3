'use strict';
// What every page shares: keyboard use, the language menu, static assets.

const { assert, PHONE } = require('../lib');

module.exports = [
	['keyboard_skip_link_and_visible_focus', async t => {
		const s = await t.session();
		await s.goto(t.info.shares.project);
		await s.page.keyboard.press('Tab');
		const skip = await s.page.evaluate(() => {
			const e = document.activeElement;
			const r = e.getBoundingClientRect();
			return { cls: e.className, text: e.textContent, top: r.top, bottom: r.bottom };
		});
		assert.equal(skip.cls, 'skip', 'Tab first reaches the skip link');
		assert.ok(skip.top >= 0 && skip.bottom > skip.top, 'the focused skip link is on screen');
		await s.page.keyboard.press('Enter');
		assert.equal(await s.page.evaluate(() => document.activeElement.id), 'main');
		// Every following stop shows a focus ring: an outline or a box shadow.
		for (let i = 0; i < 8; i++) {
			await s.page.keyboard.press('Tab');
			const f = await s.page.evaluate(() => {
				const e = document.activeElement;
				const c = getComputedStyle(e);
				return { tag: e.tagName, outline: c.outlineStyle !== 'none' && parseFloat(c.outlineWidth) >= 2,
					shadow: c.boxShadow !== 'none' };
			});
			assert.ok(f.outline || f.shadow, `focus on a ${f.tag} is not visible`);
		}
	}],

	['static_assets_are_versioned_and_cached', async t => {
		const s = await t.session();
		const seen = [];
		s.page.on('response', r => {
			if (r.url().includes('/customer-portal/static/'))
				seen.push(r);
		});
		await s.goto(t.info.shares.project);
		const css = seen.find(r => /\.css$/.test(r.url()));
		assert.ok(css, 'the stylesheet comes from /customer-portal/static/');
		assert.match(new URL(css.url()).pathname, /^\/customer-portal\/static\/portal\.[0-9a-f]{8}\.css$/);
		const cc = (await css.allHeaders())['cache-control'] || '';
		assert.match(cc, /max-age=31536000/);
		assert.match(cc, /immutable/);
		// Share pages run no script at all.
		assert.equal(await s.page.locator('script').count(), 0);
		// Nothing is fetched from anywhere else.
		assert.ok(seen.every(r => r.url().startsWith(t.info.base)));
	}],

	['language_menu_switches_language', async t => {
		for (const viewport of [undefined, PHONE]) {
			const s = await t.session({ javaScript: false, viewport });
			await s.goto(`${t.info.shares.project}?year=${t.info.newYear}&month=12&details=chart`);
			const menu = s.page.getByRole('navigation', { name: 'Language' });
			assert.equal(await menu.count(), 1, 'share pages have a language menu');
			await menu.locator('summary').click();
			await menu.getByRole('link', { name: 'Deutsch', exact: true }).click();
			await s.page.waitForLoadState('load');
			const u = new URL(s.page.url());
			assert.match(u.pathname, /^\/de\/auth\/customer-portal\//);
			assert.match(u.search, new RegExp(`year=${t.info.newYear}`));
			assert.match(u.search, /month=12/);
			assert.match(u.search, /details=chart/);
			assert.equal(await s.page.locator('html').getAttribute('lang'), 'de');
			assert.match(await s.page.locator('#month-label').innerText(), /Dezember/);
			await s.checkPage('German share page');
		}
	}],
];
