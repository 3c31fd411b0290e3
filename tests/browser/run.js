#!/usr/bin/env node
'use strict';
// Browser suite: the portal as a person uses it, in headless Chromium.
//
//   node tests/browser/run.js [-k PATTERN]... [--list] [--attach FILE]
//
// Starts the showcase portal (serve.py: MariaDB with demo data, portal, nginx), then runs
// every test of tests/browser/tests/*.js in file order.  A test file exports a list of
// [name, async fn(t)] pairs; t.session(opts) opens a fresh browser context (see lib.js).
// Output: `PASS name` / `FAIL name` per test and exactly one closing line
// `N passed, N failed`; exit status 1 when anything failed.
//
// --attach FILE: use a portal that is already running, described by the JSON line that
// serve.py printed into FILE (quick iterations on tests and styles: start
// `python3 -m tests.browser.serve` once).
//
// Environment: PORTAL_BUILD (build directory, as for the Python suite),
// PORTAL_SCREENSHOTS (directory for the PNGs; default: a fresh temp dir, printed),
// PORTAL_CHROMIUM (browser binary, default /usr/bin/chromium), PORTAL_TEST_TIMEOUT
// (seconds per test, default 120).

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');

const HERE = __dirname;
const lib = require('./lib');

function parseArgs(argv) {
	const o = { k: [], list: false, attach: null };
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '-k' && i + 1 < argv.length)
			o.k.push(argv[++i]);
		else if (argv[i] === '--list')
			o.list = true;
		else if (argv[i] === '--attach' && i + 1 < argv.length)
			o.attach = argv[++i];
		else {
			console.error('usage: run.js [-k PATTERN]... [--list] [--attach FILE]');
			process.exit(2);
		}
	}
	return o;
}

function loadTests() {
	const dir = path.join(HERE, 'tests');
	const plan = [];
	for (const f of fs.readdirSync(dir).filter(f => f.endsWith('.js')).sort()) {
		const mod = path.basename(f, '.js');
		for (const [name, fn] of require(path.join(dir, f)))
			plan.push({ name: `${mod}.${name}`, fn });
	}
	return plan;
}

// serve.py (run as the module tests.browser.serve from the repository root) prints one
// JSON line when everything is up.
function startServer() {
	const child = spawn('python3', ['-m', 'tests.browser.serve'], {
		cwd: path.resolve(HERE, '..', '..'),
		stdio: ['pipe', 'pipe', 'inherit'],
		env: process.env,
	});
	const info = new Promise((resolve, reject) => {
		const rl = readline.createInterface({ input: child.stdout });
		rl.once('line', line => {
			try {
				const v = JSON.parse(line);
				if (v.error)
					reject(new Error(`serve.py: ${v.error}`));
				else
					resolve(v);
			} catch (e) {
				reject(new Error(`serve.py printed: ${line}`));
			}
		});
		child.once('exit', code => reject(new Error(`serve.py exited with status ${code}`)));
	});
	return { child, info };
}

function stopServer(child, failed) {
	return new Promise(resolve => {
		if (child.exitCode !== null)
			return resolve();
		child.once('exit', () => resolve());
		if (failed)
			child.stdin.write('failed\n');
		child.stdin.end();
		// serve.py stops its processes in a few seconds; never leave it behind.
		setTimeout(() => { if (child.exitCode === null) child.kill('SIGTERM'); }, 60000).unref();
	});
}

function withTimeout(promise, seconds, what) {
	let timer;
	const t = new Promise((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what} took longer than ${seconds}s`)), seconds * 1000);
	});
	return Promise.race([promise, t]).finally(() => clearTimeout(timer));
}

function describe(err) {
	const msg = (err && err.message) || String(err);
	const where = ((err && err.stack) || '').split('\n')
		.find(l => l.includes(`${path.sep}tests${path.sep}`) && !l.includes('lib.js'));
	const loc = where ? `  [${path.basename(where.trim().replace(/\)$/, ''))}]` : '';
	return (msg + loc).split('\n').map(l => '    ' + l).join('\n');
}

async function main() {
	const opts = parseArgs(process.argv.slice(2));
	const plan = loadTests().filter(t => !opts.k.length || opts.k.some(k => t.name.includes(k)));
	if (opts.list) {
		plan.forEach(t => console.log(t.name));
		return 0;
	}
	if (!plan.length) {
		// As the integration suite: a pattern meant for the other suites selects nothing here.
		console.error('no browser test matched');
		console.log('0 passed, 0 failed');
		return 0;
	}
	const limit = Number(process.env.PORTAL_TEST_TIMEOUT || 120);
	const tmp = lib.tmpdir('portal-browser-');
	const shotDir = process.env.PORTAL_SCREENSHOTS || path.join(tmp, 'screenshots');
	fs.mkdirSync(shotDir, { recursive: true });

	let passed = 0, failed = 0;
	const { child, info: infoP } = opts.attach
		? { child: null, info: Promise.resolve(JSON.parse(fs.readFileSync(opts.attach, 'utf8').split('\n')[0])) }
		: startServer();
	let browser = null;
	const onSignal = sig => {
		if (browser)
			browser.close().catch(() => {});
		if (child)
			child.kill(sig);
		process.exit(128 + (sig === 'SIGINT' ? 2 : 15));
	};
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);
	try {
		const info = await withTimeout(infoP, 300, 'starting the portal');
		browser = await lib.launch(tmp);
		for (const t of plan) {
			const sessions = [];
			const ctx = {
				info,
				shotDir,
				session: async (o = {}) => {
					const s = new lib.Session(browser, info, { shotDir });
					sessions.push(s);
					await s.open(o);
					return s;
				},
			};
			const t0 = Date.now();
			try {
				await withTimeout(t.fn(ctx), limit, t.name);
				passed++;
				console.log(`PASS ${t.name} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
			} catch (err) {
				failed++;
				console.log(`FAIL ${t.name}`);
				console.log(describe(err));
			} finally {
				for (const s of sessions)
					await s.close().catch(() => {});
			}
		}
	} catch (err) {
		failed++;
		console.log('FAIL browser-suite setup');
		console.log(describe(err));
	} finally {
		if (browser)
			await browser.close().catch(() => {});
		if (child)
			await stopServer(child, failed > 0);
		for (const d of ['home', 'config', 'cache'])
			fs.rmSync(path.join(tmp, d), { recursive: true, force: true });
		if (!process.env.PORTAL_SCREENSHOTS)
			console.log(`screenshots in ${shotDir}`);
	}
	console.log(`${passed} passed, ${failed} failed`);
	return failed ? 1 : 0;
}

main().then(code => process.exit(code), err => {
	console.error(err);
	console.log('0 passed, 1 failed');
	process.exit(1);
});
