'use strict';
// A password-protected share: the form, a wrong password, the right one, then the data.

const { assert, PHONE } = require('../lib');

module.exports = [
	['locked_share_wrong_then_right_password', async t => {
		const s = await t.session({ javaScript: false });
		await s.goto(t.info.shares.locked);
		assert.equal(await s.page.locator('h1').innerText(), 'Password required');
		assert.doesNotMatch(await s.page.content(), /Acme Corporation/, 'nothing of the share shows');
		await s.checkPage('unlock form');

		const field = s.page.getByLabel('Password', { exact: true });
		await field.fill('not the password');
		await s.page.getByRole('button', { name: 'Unlock' }).click();
		await s.page.waitForLoadState('load');
		assert.match(await s.page.getByRole('alert').innerText(), /Wrong password/);
		assert.equal(await field.getAttribute('aria-invalid'), 'true');
		assert.doesNotMatch(await s.page.content(), /Acme Corporation/);
		await s.checkPage('wrong password');

		await field.fill(t.info.password);
		await s.page.getByRole('button', { name: 'Unlock' }).click();
		await s.page.waitForLoadState('load');
		// 303 back to the GET URL, now with the records.
		assert.equal(new URL(s.page.url()).pathname, t.info.shares.locked);
		assert.equal(await s.page.locator('h1').innerText(), 'Acme Corporation');
		assert.ok(await s.page.locator('table.records tbody tr').count() > 0);
		await s.checkPage('unlocked share');
		// The cookie keeps it open on the next visit.
		await s.goto(t.info.shares.locked);
		assert.equal(await s.page.locator('h1').innerText(), 'Acme Corporation');
	}],

	['unlock_pages_are_accessible', async t => {
		for (const [viewport, colorScheme] of [[undefined, 'light'], [PHONE, 'light'], [undefined, 'dark']]) {
			const s = await t.session({ viewport, colorScheme });
			await s.goto(t.info.shares.locked);
			await s.checkPage('unlock form');
			await s.axe('unlock form');
			await s.shot(colorScheme === 'dark' ? 'unlock-dark' : 'unlock');
			if (colorScheme === 'light' && !viewport) {
				await s.page.getByLabel('Password', { exact: true }).fill('still wrong');
				await s.page.getByRole('button', { name: 'Unlock' }).click();
				await s.page.waitForLoadState('load');
				await s.checkPage('wrong password');
				await s.axe('wrong password');
				await s.shot('unlock-wrong');
			}
		}
	}],

	['error_pages_are_accessible', async t => {
		for (const viewport of [undefined, PHONE]) {
			const s = await t.session({ viewport });
			await s.goto('/en/auth/customer-portal/NoSuchShareAtAll0000', 404);
			await s.checkPage('404 page');
			await s.axe('404 page');
			assert.match(await s.page.locator('h1').innerText(), /not found/i);
			await s.shot('not-found');
		}
		const s = await t.session();
		await s.goto('/en/admin/customer-portal', 403);
		await s.checkPage('403 page');
		await s.axe('403 page');
		assert.ok(await s.page.getByRole('link', { name: /Log in to Kimai/ }).isVisible());
		await s.shot('forbidden');
	}],
];
