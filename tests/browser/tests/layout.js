'use strict';
// The frame every page shares: the error page stands in for all of them here.

const { assert, PHONE } = require('../lib');

module.exports = [
	['not_found_page_is_accessible', async t => {
		for (const viewport of [undefined, PHONE]) {
			const s = await t.session({ viewport });
			await s.goto('/en/auth/customer-portal/NoSuchShare000000000', 404);
			await s.checkPage('404 page');
			await s.axe('404 page');
			await s.shot('not-found');
		}
	}],
];
