'use strict';
// The table's footer: the billable total, labelled as such, and on a month with
// non-billable records their sum and the total over every record on lines of their own,
// so the rows add up.  Numbers stay at the end of their cells, in Arabic (right to left)
// as in English.


const { assert, sql } = require('../lib');

// Every footer line: its class, label, duration and money, and where the numbers sit.
function footer(page) {
	return page.evaluate(() => {
		// The box of a cell's text, not of the cell: alignment is about the text.
		const textBox = cell => {
			const range = document.createRange();
			range.selectNodeContents(cell);
			const r = range.getBoundingClientRect();
			const c = cell.getBoundingClientRect();
			const cs = getComputedStyle(cell);
			return { left: r.left, right: r.right, cellLeft: c.left + parseFloat(cs.paddingLeft),
				cellRight: c.right - parseFloat(cs.paddingRight), align: cs.textAlign,
				dir: cs.direction };
		};
		const cells = (tr, sel) => {
			const c = tr.querySelector(sel);
			return c && { text: c.textContent.trim(), ...textBox(c) };
		};
		const foot = document.querySelector('table.records tfoot');
		const firstRow = document.querySelector('table.records tbody tr');
		return {
			dir: document.documentElement.dir,
			attrs: Object.fromEntries([...foot.querySelector('tr.totals').attributes]
				.map(a => [a.name, a.value])),
			lines: [...foot.querySelectorAll('tr')].map(tr => ({
				cls: tr.className,
				label: tr.querySelector('th').textContent.trim(),
				duration: cells(tr, 'td.duration'),
				money: cells(tr, 'td.total-rate'),
			})),
			body: { duration: cells(firstRow, 'td.duration'), money: cells(firstRow, 'td.total-rate') },
		};
	});
}

const near = (a, b) => Math.abs(a - b) <= 1.5;

// Numbers at the end of their cells: the right edge in a left-to-right page, the left
// edge in a right-to-left one (measured on the text, whatever text-align says); every
// line's number under the body's numbers.
function assertEndAligned(f, what) {
	const rtl = f.dir === 'rtl';
	const cols = ['duration', 'money'];
	for (const line of f.lines) {
		for (const col of cols) {
			const c = line[col];
			assert.ok(c, `${what}: ${line.cls} has a ${col} cell`);
			// Figures read left to right in either page (the stylesheet isolates them).
			assert.equal(c.dir, 'ltr', `${what}: ${line.cls} ${col} reads left to right`);
			if (rtl)
				assert.ok(near(c.left, c.cellLeft), `${what}: ${line.cls} ${col} "${c.text}" starts ` +
					`${(c.left - c.cellLeft).toFixed(1)}px away from the cell's left (end) edge`);
			else
				assert.ok(near(c.right, c.cellRight), `${what}: ${line.cls} ${col} "${c.text}" ends ` +
					`${(c.cellRight - c.right).toFixed(1)}px before the cell's right (end) edge`);
			const b = f.body[col];
			const edge = rtl ? [c.left, b.left] : [c.right, b.right];
			assert.ok(near(edge[0], edge[1]), `${what}: ${line.cls} ${col} is not under the rows' ${col}`);
		}
	}
}

module.exports = [
	['footer_lines_add_up_and_numbers_stay_at_the_end', async t => {
		const y = t.info.newYear;
		// January has two billable records of the showcase (4:00 and 1:45 at 95.00);
		// one non-billable record of 2:00 joins them for this test.
		const id = sql(t, `INSERT INTO kimai2_timesheet (user, activity_id, project_id,
			start_time, end_time, duration, description, rate, hourly_rate, timezone, billable,
			category, date_tz, exported, modified_at) VALUES (2, 1, 1,
			CONVERT_TZ('${y + 1}-01-20 09:00:00', 'Europe/Berlin', '+00:00'),
			CONVERT_TZ('${y + 1}-01-20 11:00:00', 'Europe/Berlin', '+00:00'), 7200,
			'Internal tooling', 190, 95, 'Europe/Berlin', 0, 'work', '${y + 1}-01-20', 0, NOW());
			SELECT LAST_INSERT_ID();`);
		assert.match(id, /^\d+$/, 'the non-billable record was added');
		try {
			const s = await t.session();
			const january = `${t.info.shares.project}?year=${y + 1}&month=1`;
			await s.goto(january);
			await s.checkPage('January with a non-billable record');
			let f = await footer(s.page);
			assert.deepEqual(f.lines.map(l => [l.cls, l.label, l.duration.text, l.money.text]), [
				['totals', 'Billable total', '5:45', '€546.25'],
				['totals-nonbillable', 'Non-billable records', '2:00', '€190.00'],
				['totals-all', 'All records', '7:45', '€736.25'],
			]);
			assert.equal(f.attrs['data-total-rate'], '546.25');
			assert.equal(f.attrs['data-total-nonbillable-rate'], '190.00');
			assert.equal(f.attrs['data-total-duration'], String(7 * 3600 + 2700));
			assert.equal(f.attrs['data-total-billable-duration'], String(5 * 3600 + 2700));
			// The rows' money adds up to the last line.
			const sum = await s.page.locator('table.records tbody tr').evaluateAll(rows =>
				rows.reduce((n, r) => n + Number(r.dataset.rate), 0));
			assert.equal(sum.toFixed(2), '736.25');
			assertEndAligned(f, 'English');
			await s.close();

			// Arabic: the same lines, mirrored; numbers still at the end (the left).
			const a = await t.session();
			await a.goto(january.replace(/^\/en\//, '/ar/'));
			await a.checkPage('Arabic January');
			f = await footer(a.page);
			assert.equal(f.dir, 'rtl');
			assert.deepEqual(f.lines.map(l => [l.cls, l.label]), [
				['totals', 'الإجمالي القابل للفوترة'],
				['totals-nonbillable', 'السجلات غير القابلة للفوترة'],
				['totals-all', 'جميع السجلات'],
			]);
			assert.equal(f.attrs['data-total-nonbillable-rate'], '190.00');
			assertEndAligned(f, 'Arabic');
			await a.close();

			// December: every record billable, one line.
			const d = await t.session();
			await d.goto(`${t.info.shares.project}?year=${y}&month=12`);
			f = await footer(d.page);
			assert.deepEqual(f.lines.map(l => [l.cls, l.label]), [['totals', 'Billable total']]);
			assert.ok(!('data-total-nonbillable-rate' in f.attrs), 'no non-billable sum');
			assertEndAligned(f, 'December');
		} finally {
			sql(t, `DELETE FROM kimai2_timesheet WHERE id = ${Number(id) || 0}`);
		}
	}],
];
