'use strict';
// The share options "show activity" and "show tags" (docs/design.md, "Share pages") as a
// client sees them: the activity column lines up with its heading and sits on the right
// side of the date in a left-to-right language and on its left in Arabic (right to left);
// its text starts where the reading starts; the tag chips follow the description, inside
// its cell, starting on the same side.  On a phone the activity comes after the date.

const { assert, PHONE, sql, lastMonth } = require('../lib');

const KEY = 'DemoProjectShare0001';
const TAG = 'Priority <A>';
const HIDDEN_TAG = 'internal note';

// Geometry of the records table: headings, the activity and date cells of every row, and
// the tag chips of the tagged record.
async function measure(s, rec) {
	return s.page.evaluate(rec => {
		const box = e => {
			const r = e.getBoundingClientRect();
			return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
		};
		// Where the text of an element starts and ends on screen.
		const textBox = e => {
			const range = document.createRange();
			range.selectNodeContents(e);
			return box(range);
		};
		const table = document.querySelector('table.records');
		const heads = [...table.querySelectorAll('thead th')];
		const rows = [...table.querySelectorAll('tbody tr.record')];
		const tagged = rows.find(r => r.querySelector('.tags'));
		return {
			dir: getComputedStyle(table).direction,
			heads: heads.map(h => ({ text: h.textContent, box: box(h), pad: parseFloat(getComputedStyle(h).paddingInlineStart) })),
			activity: rows.map(r => {
				const td = r.querySelector('td.activity');
				return td && { box: box(td), text: textBox(td), label: td.getAttribute('data-label'),
					pad: parseFloat(getComputedStyle(td).paddingInlineStart), visible: td.offsetParent !== null };
			}),
			date: rows.map(r => box(r.querySelector('td.date'))),
			tags: tagged ? {
				cell: box(tagged.querySelector('td.desc')),
				desc: box(tagged.querySelector('div.desc')),
				chips: [...tagged.querySelectorAll('.tags .tag')].map(c => ({ text: c.textContent, box: box(c),
					dir: getComputedStyle(c).direction })),
				inDesc: !!tagged.querySelector('div.desc .tags'),
			} : null,
			rowsWithTags: rows.filter(r => r.querySelector('.tags')).length,
			recordRows: rows.length,
			taggedId: rec,
		};
	}, rec);
}

const near = (a, b, what) => assert.ok(Math.abs(a - b) <= 1.5, `${what}: ${a} vs ${b}`);

module.exports = [
	['activity_column_and_tags_line_up_in_ltr_and_rtl', async t => {
		const id = sql(t, `SELECT id FROM kimai2_customer_portals WHERE share_key = '${KEY}'`);
		const { year, month } = lastMonth();
		const mm = String(month).padStart(2, '0');
		// One record of that month, well inside it in every zone.
		const rec = sql(t, `SELECT MIN(id) FROM kimai2_timesheet WHERE project_id = 1
			AND end_time IS NOT NULL AND start_time >= '${year}-${mm}-05'
			AND start_time < '${year}-${mm}-25'`);
		assert.match(rec, /^\d+$/, 'a record of last month');
		sql(t, `INSERT INTO kimai2_customer_portals_display (share_id, show_activity, show_tags,
			created_at, updated_at) VALUES (${id}, 1, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP());
			INSERT INTO kimai2_tags (name, color, visible) VALUES ('${TAG}', NULL, 1),
			('${HIDDEN_TAG}', NULL, 0);
			INSERT INTO kimai2_timesheet_tags (timesheet_id, tag_id)
			SELECT ${rec}, id FROM kimai2_tags WHERE name IN ('${TAG}', '${HIDDEN_TAG}')`);
		try {
			const query = `?year=${year}&month=${month}`;
			for (const [lang, heading, rtl] of [['en', 'Activity', false], ['ar', 'النشاط', true]]) {
				const url = `/${lang}/auth/customer-portal/${KEY}${query}`;
				const s = await t.session();
				await s.goto(url);
				await s.checkPage(`share page (${lang}) with activities and tags`);
				await s.axe(`share page (${lang}) with activities and tags`);
				const g = await measure(s, rec);
				assert.equal(g.dir, rtl ? 'rtl' : 'ltr', `${lang}: table direction`);
				const h = g.heads.findIndex(x => x.text === heading);
				assert.ok(h > 0, `${lang}: an "${heading}" heading after the date's`);
				const head = g.heads[h].box, date = g.heads[0].box;
				// the column follows the date in reading order
				if (rtl)
					assert.ok(head.right <= date.left + 1, `${lang}: activity left of the date`);
				else
					assert.ok(head.left >= date.right - 1, `${lang}: activity right of the date`);
				assert.ok(g.recordRows > 3, `${lang}: records shown`);
				g.activity.forEach((a, i) => {
					assert.ok(a, `${lang}: row ${i} has an activity cell`);
					// the cell is exactly under its heading
					near(a.box.left, head.left, `${lang}: row ${i} left edge`);
					near(a.box.right, head.right, `${lang}: row ${i} right edge`);
					// its text starts on the reading side, like the heading's
					if (rtl)
						near(a.box.right - a.pad, a.text.right, `${lang}: row ${i} text at the right`);
					else
						near(a.box.left + a.pad, a.text.left, `${lang}: row ${i} text at the left`);
					assert.ok(a.text.right - a.text.left > 5, `${lang}: row ${i} names its activity`);
					assert.equal(a.label, heading, `${lang}: row ${i} label for phones`);
				});
				// the tags: only the visible one, after the description, inside its cell,
				// starting where the description starts
				assert.equal(g.rowsWithTags, 1, `${lang}: one record has tags`);
				const tg = g.tags;
				assert.deepEqual(tg.chips.map(c => c.text), [TAG], `${lang}: visible tags only`);
				// a Latin tag reads left to right even in Arabic ("Priority <A>", not "<Priority <A")
				assert.equal(tg.chips[0].dir, 'ltr', `${lang}: the tag keeps its own direction`);
				assert.equal(tg.inDesc, false, `${lang}: the tags are not inside the description`);
				const chip = tg.chips[0].box;
				assert.ok(chip.top >= tg.desc.bottom - 1, `${lang}: tags below the description`);
				assert.ok(chip.left >= tg.cell.left - 0.5 && chip.right <= tg.cell.right + 0.5,
					`${lang}: tags inside the description cell`);
				if (rtl)
					near(chip.right, tg.desc.right, `${lang}: first tag starts at the right`);
				else
					near(chip.left, tg.desc.left, `${lang}: first tag starts at the left`);
				await s.shot(`activities-${lang}`);

				// A phone: rows become blocks; the activity follows the date.
				const p = await t.session({ viewport: PHONE });
				await p.goto(url);
				await p.checkPage(`share page (${lang}, phone) with activities and tags`);
				const m = await measure(p, rec);
				m.activity.forEach((a, i) => {
					assert.ok(a.visible, `${lang} phone: row ${i} shows its activity`);
					assert.ok(a.box.top >= m.date[i].bottom - 1, `${lang} phone: row ${i} activity below the date`);
				});
				const pc = m.tags.chips[0].box;
				if (rtl)
					near(pc.right, m.tags.desc.right, `${lang} phone: first tag starts at the right`);
				else
					near(pc.left, m.tags.desc.left, `${lang} phone: first tag starts at the left`);
				await p.shot(`activities-${lang}`);
			}
		} finally {
			sql(t, `DELETE FROM kimai2_customer_portals_display WHERE share_id = ${id};
				DELETE FROM kimai2_tags WHERE name IN ('${TAG}', '${HIDDEN_TAG}')`);
		}
	}],
];
