'use strict';
// Helpers for the browser tests: Debian's Chromium through playwright-core, axe-core for
// accessibility, screenshots, and checks every page must pass (no CSP violation, no
// sideways scrolling on a phone).

const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { chromium } = require('playwright-core');

const CHROMIUM = process.env.PORTAL_CHROMIUM || '/usr/bin/chromium';
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 780 };

// Only the browser found on the machine is used; playwright must never fetch one.
async function launch(tmp) {
	for (const d of ['home', 'config', 'cache'])
		fs.mkdirSync(path.join(tmp, d), { recursive: true });
	return chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		env: {
			...process.env,
			HOME: path.join(tmp, 'home'),
			XDG_CONFIG_HOME: path.join(tmp, 'config'),
			XDG_CACHE_HOME: path.join(tmp, 'cache'),
		},
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update',
			'--disable-sync', '--disable-dev-shm-usage', '--font-render-hinting=none'],
	});
}

// Every page records Content-Security-Policy violations, so a template that slips in an
// inline style or script fails the test that opened it.
const CSP_WATCH = `
	window.__csp = [];
	document.addEventListener('securitypolicyviolation', e => {
		window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') +
			(e.sourceFile ? ' at ' + e.sourceFile + ':' + e.lineNumber : ''));
	});
`;

class Session {
	constructor(browser, info, opts = {}) {
		this.browser = browser;
		this.info = info;
		this.opts = opts;
		this.context = null;
		this.page = null;
		this.consoleErrors = [];
	}

	async open({ viewport = DESKTOP, javaScript = true, colorScheme = 'light', cookies = [],
		permissions = [] } = {}) {
		this.javaScript = javaScript;
		this.context = await this.browser.newContext({
			baseURL: this.info.base,
			viewport,
			javaScriptEnabled: javaScript,
			colorScheme,
			locale: 'en-US',
			timezoneId: 'Europe/Berlin',
			reducedMotion: 'reduce',
		});
		if (permissions.length)
			await this.context.grantPermissions(permissions, { origin: this.info.base });
		if (cookies.length)
			await this.context.addCookies(cookies.map(c => ({ url: this.info.base, ...c })));
		await this.context.addInitScript(CSP_WATCH);
		this.page = await this.context.newPage();
		this.page.setDefaultTimeout(10000);
		// The status of documents is checked by goto(); any other resource must load.
		this.page.on('console', m => {
			if (m.type() === 'error' && !/^Failed to load resource/.test(m.text()))
				this.consoleErrors.push(m.text());
		});
		this.page.on('response', r => {
			if (r.request().resourceType() !== 'document' && r.status() >= 400)
				this.consoleErrors.push(`${r.status()} for ${r.url()}`);
		});
		this.page.on('requestfailed', r => this.consoleErrors.push(`${r.failure().errorText} for ${r.url()}`));
		return this.page;
	}

	async close() {
		if (this.context)
			await this.context.close();
		this.context = null;
	}

	// Navigates and insists on the status.
	async goto(url, status = 200) {
		const resp = await this.page.goto(url, { waitUntil: 'load' });
		assert.ok(resp, `no response for ${url}`);
		assert.equal(resp.status(), status, `GET ${url}: status ${resp.status()}`);
		return resp;
	}

	// Status of the response that produced the current document (after clicks/redirects).
	async status() {
		const entries = await this.page.evaluate(() =>
			performance.getEntriesByType('navigation').map(e => e.responseStatus));
		return entries[0];
	}

	path() {
		const u = new URL(this.page.url());
		return u.pathname + u.search;
	}

	// Checks that hold on every page: no CSP violation, no console error, nothing wider
	// than the viewport (phones must not scroll sideways; wide tables scroll inside
	// their own container), a <main> landmark and exactly one <h1>.
	async checkPage(what) {
		const p = this.page;
		if (this.javaScript) {
			const csp = await p.evaluate(() => window.__csp || []);
			assert.deepEqual(csp, [], `${what}: CSP violations`);
		}
		assert.deepEqual(this.consoleErrors, [], `${what}: console or loading errors`);
		this.consoleErrors = [];
		const css = await p.evaluate(() => [...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0));
		assert.ok(css > 100, `${what}: the stylesheet did not load`);
		const m = await p.locator('main').count();
		assert.equal(m, 1, `${what}: one <main> landmark`);
		const h1 = await p.locator('h1').count();
		assert.equal(h1, 1, `${what}: exactly one <h1>`);
		const vw = p.viewportSize().width;
		const sw = await p.evaluate(() => document.documentElement.scrollWidth);
		assert.ok(sw <= vw, `${what}: page is ${sw}px wide in a ${vw}px viewport`);
	}

	// axe-core inside the page; fails on serious or critical violations.
	async axe(what) {
		assert.ok(this.javaScript, 'axe needs JavaScript');
		const result = await this.page.evaluate(async src => {
			if (!window.axe)
				(0, eval)(src);
			return window.axe.run(document, {
				resultTypes: ['violations'],
				runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
			});
		}, AXE_SOURCE);
		const bad = result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
		const text = bad.map(v => `${v.impact} ${v.id}: ${v.help}\n` +
			v.nodes.slice(0, 3).map(n => `      ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`).join('\n'));
		assert.equal(bad.length, 0, `${what}: axe found\n    ${text.join('\n    ')}`);
		return result.violations;
	}

	// Full-page PNG into the screenshot dir: NAME-desktop.png / NAME-phone.png.
	async shot(name) {
		const dir = this.opts.shotDir;
		if (!dir)
			return null;
		const vw = this.page.viewportSize().width;
		const kind = vw <= 480 ? 'phone' : 'desktop';
		const file = path.join(dir, `${name}-${kind}.png`);
		await this.page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
		return file;
	}
}

function tmpdir(prefix) {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

// Runs SQL on the test database (the harness's mysql client command in t.info.sql);
// returns its output, trimmed.
function sql(t, query) {
	const [cmd, ...args] = t.info.sql;
	const r = spawnSync(cmd, args, { input: query, encoding: 'utf8' });
	assert.equal(r.status, 0, `SQL failed: ${r.stderr}`);
	return r.stdout.trim();
}

// The month before this one (UTC), as the share pages' year and month parameters.
function lastMonth() {
	const d = new Date();
	d.setUTCDate(1);
	d.setUTCMonth(d.getUTCMonth() - 1);
	return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

module.exports = { launch, Session, DESKTOP, PHONE, tmpdir, assert, sql, lastMonth };
