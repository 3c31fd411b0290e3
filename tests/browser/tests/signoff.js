'use strict';
// Client sign-off (docs/signoff.md), the whole flow without JavaScript: the client confirms
// last month, a record changes in the database, the page says "changed", the client
// confirms again, an admin withdraws the sign-off.  Screenshots of each step.

const { assert, sql, lastMonth } = require('../lib');

const KEY = 'DemoCustomerShare001';
const LIST = '/en/admin/customer-portal';

async function state(s) {
	return s.page.locator('#signoff').getAttribute('data-signoff-state');
}

// What the page looks like now, checked with axe (which needs JavaScript) in a second
// browser, and a screenshot of it.
async function look(t, url, what, shot) {
	const v = await t.session();
	await v.goto(url);
	await v.checkPage(what);
	await v.axe(what);
	await v.shot(shot);
}

async function confirm(s, name, comment) {
	await s.page.getByLabel('Your name').fill(name);
	if (comment)
		await s.page.getByLabel('Comment (optional)').fill(comment);
	await s.page.getByRole('button', { name: 'Confirm these hours' }).click();
	await s.page.waitForLoadState('load');
}

module.exports = [
	['client_confirms_record_changes_confirms_again_admin_withdraws', async t => {
		const id = sql(t, `SELECT id FROM kimai2_customer_portals WHERE share_key = '${KEY}'`);
		const { year, month } = lastMonth();
		// One record of that month, well inside it in every zone.
		const from = `${year}-${String(month).padStart(2, '0')}-05`;
		const to = `${year}-${String(month).padStart(2, '0')}-25`;
		const rec = sql(t, `SELECT MIN(t.id) FROM kimai2_timesheet t
			JOIN kimai2_projects p ON p.id = t.project_id
			WHERE p.customer_id = (SELECT customer_id FROM kimai2_customer_portals WHERE id = ${id})
			AND p.visible = 1 AND t.end_time IS NOT NULL
			AND t.start_time >= '${from}' AND t.start_time < '${to}'`);
		assert.match(rec, /^\d+$/, 'a record of last month');
		sql(t, `INSERT IGNORE INTO kimai2_customer_portals_signoff_shares (share_id, created_at)
			VALUES (${id}, UTC_TIMESTAMP())`);
		const url = `${t.info.shares.customer}?year=${year}&month=${month}`;
		try {
			// The client, without JavaScript.
			const s = await t.session({ javaScript: false });
			await s.goto(url);
			assert.equal(await state(s), 'none');
			await s.checkPage('sign-off form');
			await look(t, url, 'sign-off form', 'signoff-form');

			await confirm(s, 'Dana Client', 'Checked against our project plan.');
			assert.equal(await state(s), 'confirmed');
			assert.match(await s.page.locator('#signoff').innerText(), /Confirmed by Dana Client on /);
			assert.equal(await s.page.getByRole('button', { name: 'Confirm these hours' }).count(), 0);
			await s.checkPage('confirmed month');
			await look(t, url, 'confirmed month', 'signoff-confirmed');

			// Someone corrects a record in Kimai: half an hour more.
			sql(t, `UPDATE kimai2_timesheet SET duration = duration + 1800,
				end_time = end_time + INTERVAL 1800 SECOND,
				rate = rate + COALESCE(hourly_rate, 0) / 2 WHERE id = ${rec}`);
			await s.goto(url);
			assert.equal(await state(s), 'changed');
			assert.match(await s.page.locator('#signoff').innerText(), /Changed since confirmation/);
			const then = await s.page.locator('.signoff-then .duration').getAttribute('data-duration');
			const now = await s.page.locator('.signoff-now .duration').getAttribute('data-duration');
			assert.equal(Number(now) - Number(then), 1800);
			await s.checkPage('changed month');
			await look(t, url, 'changed month', 'signoff-changed');

			await confirm(s, 'Dana Client');
			assert.equal(await state(s), 'confirmed');
			assert.equal(sql(t, `SELECT COUNT(*) FROM kimai2_customer_portals_signoffs
				WHERE share_id = ${id} AND withdrawn_at IS NULL`), '2');

			// The admin withdraws the new sign-off.
			const a = await t.session({
				cookies: [{ name: t.info.session.name, value: t.info.session.value, httpOnly: true, sameSite: 'Lax' }],
			});
			await a.goto(LIST);
			assert.match(await a.page.locator('.share-signoffs').first().innerText(), /Dana Client/);
			await a.goto(`${LIST}/${id}/${KEY}`);
			const row = a.page.locator('table.admin-signoffs tbody tr').first();
			assert.equal(await row.getAttribute('data-signoff-state'), 'confirmed');
			await a.checkPage('admin sign-offs');
			await a.axe('admin sign-offs');
			await a.shot('admin-signoffs');
			await row.getByRole('button', { name: 'Withdraw' }).click();
			await a.page.waitForLoadState('load');
			assert.match(await a.page.getByRole('status').innerText(), /withdrawn/);
			assert.equal(await row.getAttribute('data-signoff-state'), 'withdrawn');
			assert.match(await row.innerText(), /Withdrawn by admin on /);
			assert.equal(sql(t, `SELECT COUNT(*) FROM kimai2_customer_portals_signoffs
				WHERE share_id = ${id} AND withdrawn_at IS NOT NULL`), '1');
			// The client now sees the first sign-off, which no longer matches.
			await s.goto(url);
			assert.equal(await state(s), 'changed');
		} finally {
			sql(t, `UPDATE kimai2_timesheet SET duration = duration - 1800,
				end_time = end_time - INTERVAL 1800 SECOND,
				rate = rate - COALESCE(hourly_rate, 0) / 2 WHERE id = ${rec}`);
			sql(t, `DELETE FROM kimai2_customer_portals_signoff_shares WHERE share_id = ${id}`);
			sql(t, `DELETE FROM kimai2_customer_portals_signoffs WHERE share_id = ${id}`);
		}
	}],
];
