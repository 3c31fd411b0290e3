'use strict';
// The admin pages with a Kimai session: create a share, open it, edit it, delete it.

const { assert, PHONE } = require('../lib');

const LIST = '/en/admin/customer-portal';

function adminCookie(t) {
	return [{ name: t.info.session.name, value: t.info.session.value, httpOnly: true, sameSite: 'Lax' }];
}

// The row of the list that shows `name`.
function rowOf(page, name) {
	return page.locator('table.admin-shares tbody tr').filter({
		has: page.getByRole('rowheader').filter({ hasText: name }),
	});
}

module.exports = [
	['admin_creates_opens_edits_deletes_a_share', async t => {
		const cookies = adminCookie(t);
		const s = await t.session({ cookies });
		await s.goto(LIST);
		await s.checkPage('admin list');
		const before = await s.page.locator('table.admin-shares tbody tr').count();

		// Create: a project share of "Data Migration" showing users.
		await s.page.getByRole('link', { name: 'Share a project' }).click();
		await s.page.waitForLoadState('load');
		await s.checkPage('create form');
		await s.page.getByLabel('Project', { exact: true }).selectOption({ label: 'Data Migration' });
		await s.page.getByLabel('Show user').check();
		await s.page.getByLabel('Show rates').check();
		await s.page.getByRole('button', { name: 'Save' }).click();
		await s.page.waitForLoadState('load');
		assert.equal(new URL(s.page.url()).pathname, LIST);
		assert.match(await s.page.getByRole('status').innerText(), /created/i);
		assert.equal(await s.page.locator('table.admin-shares tbody tr').count(), before + 1);

		// Its URL, from the list.
		const row = rowOf(s.page, 'Data Migration');
		assert.equal(await row.count(), 1, 'one row for the new share');
		const url = await row.locator('input[readonly]').inputValue();
		assert.match(url, /\/en\/auth\/customer-portal\/[A-Za-z0-9]{20}$/);
		const sharePath = new URL(url).pathname;

		// A visitor (no Kimai session) opens it: the user column is there.
		const v = await t.session({ javaScript: false });
		await v.goto(sharePath);
		assert.equal(await v.page.locator('h1').innerText(), 'Data Migration');
		assert.equal(await v.page.locator('table.records thead th', { hasText: 'User' }).count(), 1);

		// Edit: users off.  The user column disappears.
		await row.getByRole('link', { name: 'Edit' }).click();
		await s.page.waitForLoadState('load');
		await s.checkPage('edit form');
		assert.ok(await s.page.getByLabel('Show user').isChecked());
		await s.page.getByLabel('Show user').uncheck();
		await s.page.getByRole('button', { name: 'Save' }).click();
		await s.page.waitForLoadState('load');
		assert.match(await s.page.getByRole('status').innerText(), /saved/i);
		await v.goto(sharePath);
		assert.equal(await v.page.locator('table.records thead th', { hasText: 'User' }).count(), 0);
		assert.equal(await v.page.locator('table.records thead th', { hasText: 'Total' }).count(), 1);

		// Delete: a confirmation page, then the URL is gone.
		await rowOf(s.page, 'Data Migration').getByRole('link', { name: 'Delete' }).click();
		await s.page.waitForLoadState('load');
		await s.checkPage('delete confirmation');
		await s.page.getByRole('button', { name: 'Delete' }).click();
		await s.page.waitForLoadState('load');
		assert.match(await s.page.getByRole('status').innerText(), /deleted/i);
		assert.equal(await rowOf(s.page, 'Data Migration').count(), 0);
		await v.goto(sharePath, 404);
	}],

	['admin_pages_are_accessible', async t => {
		const cookies = adminCookie(t);
		for (const [viewport, colorScheme] of [[undefined, 'light'], [PHONE, 'light'], [undefined, 'dark']]) {
			const s = await t.session({ viewport, colorScheme, cookies,
				permissions: ['clipboard-read', 'clipboard-write'] });
			const tag = colorScheme === 'dark' ? '-dark' : '';
			const what = `(${colorScheme}, ${s.page.viewportSize().width}px)`;
			await s.goto(LIST);
			await s.checkPage(`admin list ${what}`);
			await s.axe(`admin list ${what}`);
			await s.shot(`admin-list${tag}`);
			// The copy button is the page's only script: it shows up and copies.
			if (!viewport && colorScheme === 'light') {
				const btn = s.page.getByRole('button', { name: 'Copy link' }).first();
				assert.ok(await btn.isVisible(), 'the copy button is shown when JavaScript runs');
				const url = await s.page.locator('table.admin-shares input[readonly]').first().inputValue();
				await btn.click();
				await s.page.getByRole('button', { name: 'Copied' }).first().waitFor();
				assert.equal(await s.page.evaluate(() => navigator.clipboard.readText()), url);
				await s.checkPage('admin list after copying');
			}
			const edit = await s.page.getByRole('link', { name: 'Edit' }).first().getAttribute('href');
			await s.goto(edit);
			await s.checkPage(`edit form ${what}`);
			await s.axe(`edit form ${what}`);
			await s.shot(`admin-edit${tag}`);
			await s.goto(`${LIST}/create?type=customer`);
			await s.checkPage(`create form ${what}`);
			await s.axe(`create form ${what}`);
			await s.shot(`admin-create${tag}`);
			const del = await s.page.goto(LIST).then(() =>
				s.page.getByRole('link', { name: 'Delete' }).first().getAttribute('href'));
			await s.goto(del);
			await s.checkPage(`delete confirmation ${what}`);
			await s.axe(`delete confirmation ${what}`);
			await s.shot(`admin-delete${tag}`);
			await s.close();
		}
	}],

	['admin_works_without_javascript', async t => {
		const s = await t.session({ javaScript: false, cookies: adminCookie(t) });
		await s.goto(LIST);
		// Without script the copy button stays hidden; the URL can still be selected.
		assert.equal(await s.page.getByRole('button', { name: 'Copy link' }).count(), 0);
		assert.ok(await s.page.locator('table.admin-shares input[readonly]').first().isVisible());
		await s.checkPage('admin list without JavaScript');
	}],
];
