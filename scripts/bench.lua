-- wrk script of scripts/bench.  Environment:
--   BENCH_EXPECT   the status every response must have (e.g. 200, 303); others count as
--                  errors.  Unset: only wrk's own count of 4xx/5xx and socket errors.
--   BENCH_BODY     a form body to POST (application/x-www-form-urlencoded) instead of GET
--   BENCH_COOKIE   a Cookie header sent with every request (the admin pages' Kimai session)
-- At the end one line "BENCH_JSON {...}" with the figures scripts/bench.py reads.

local expect = tonumber(os.getenv("BENCH_EXPECT") or "")
local body = os.getenv("BENCH_BODY")
local cookie = os.getenv("BENCH_COOKIE")
-- Global, so done() can read each thread's count with thread:get().
unexpected = 0

if body then
	wrk.method = "POST"
	wrk.body = body
	wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

if cookie then
	wrk.headers["Cookie"] = cookie
end

-- Defining response() makes wrk parse every status in Lua: only when asked to.
if expect then
	function response(status, headers, resp_body)
		if status ~= expect then
			unexpected = unexpected + 1
		end
	end
end

-- Each wrk thread runs its own copy of this script: done() collects their counts.
local threads = {}

function setup(thread)
	table.insert(threads, thread)
end

function done(summary, latency, requests)
	local wrong = 0
	for _, t in ipairs(threads) do
		wrong = wrong + (tonumber(t:get("unexpected")) or 0)
	end
	local e = summary.errors
	io.write(string.format(
		'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, ' ..
		'"p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d, "mean_us": %.1f, ' ..
		'"err_connect": %d, "err_read": %d, "err_write": %d, "err_status": %d, ' ..
		'"err_timeout": %d, "unexpected": %d}\n',
		summary.requests, summary.duration, summary.bytes,
		latency:percentile(50), latency:percentile(90), latency:percentile(99),
		latency.max, latency.mean,
		e.connect, e.read, e.write, e.status, e.timeout, wrong))
end
