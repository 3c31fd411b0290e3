-- wrk script: a flood of unlock POSTs with a wrong password, each from a client address
-- of its own (X-Forwarded-For, as the trusted proxy passes it), so no per-address limit
-- ever applies.  Used by scripts/bench (workload W5) and tests/integration/test_faults.py.
-- Environment: FLOOD_PASSWORD  the password sent (default "wrong guess").
-- At the end one line "FLOOD_JSON {...}": statuses, requests, socket errors, latency.

local body = "spt-password=" .. string.gsub(os.getenv("FLOOD_PASSWORD") or "wrong guess",
	"[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end)
local threads = {}
-- Globals: setup() gives each thread its own range of addresses (thread:set), done()
-- reads each thread's counts (thread:get).
base = 0
counter = 0
statuses = {}

function setup(thread)
	thread:set("base", #threads * 4000000)
	table.insert(threads, thread)
end

function request()
	counter = counter + 1
	local a = base + counter
	local addr = string.format("10.%d.%d.%d", math.floor(a / 65536) % 256,
		math.floor(a / 256) % 256, a % 256)
	return wrk.format("POST", nil, {["Content-Type"] = "application/x-www-form-urlencoded",
		["X-Forwarded-For"] = addr}, body)
end

function response(status, headers, resp_body)
	statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
	local total = {}
	for _, t in ipairs(threads) do
		for k, v in pairs(t:get("statuses")) do
			total[tostring(k)] = (total[tostring(k)] or 0) + v
		end
	end
	local parts = {}
	for k, v in pairs(total) do
		table.insert(parts, string.format('"%s": %d', k, v))
	end
	local e = summary.errors
	io.write(string.format(
		'FLOOD_JSON {"status": {%s}, "requests": %d, "duration_us": %d, ' ..
		'"p50_us": %d, "p99_us": %d, "max_us": %d, "err_connect": %d, "err_read": %d, ' ..
		'"err_write": %d, "err_timeout": %d}\n',
		table.concat(parts, ", "), summary.requests, summary.duration,
		latency:percentile(50), latency:percentile(99), latency.max,
		e.connect, e.read, e.write, e.timeout))
end
