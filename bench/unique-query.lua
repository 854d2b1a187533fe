-- wrk script for the "miss" scenario: every request asks the gateway for a query nobody asked before, so
-- each one misses the cache and reaches the service. Each wrk thread has its own Lua state; setup() gives
-- every thread its own number, and the run's start time and a random salt keep queries unique across runs.
-- It also counts the gateway's X-Switchboard-Cache answers and prints them at the end, so the bench can
-- show that the requests really missed.
local threads = {}

function setup(thread)
	table.insert(threads, thread)
	thread:set("thread_id", #threads)
end

local counter = 0
local salt = nil
misses = 0
others = 0

function request()
	if salt == nil then
		math.randomseed(os.time() + (thread_id or 0) * 7919)
		salt = string.format("%d-%d-%d", os.time(), thread_id or 0, math.random(1, 1000000000))
	end
	counter = counter + 1
	return wrk.format("GET", wrk.path .. "?q=miss-" .. salt .. "-" .. counter)
end

function response(status, headers, body)
	if status == 200 and headers["X-Switchboard-Cache"] == "MISS" then
		misses = misses + 1
	else
		others = others + 1
	end
end

function done(summary, latency, requests)
	local miss_total, other_total = 0, 0
	for _, thread in ipairs(threads) do
		miss_total = miss_total + (thread:get("misses") or 0)
		other_total = other_total + (thread:get("others") or 0)
	end
	io.write(string.format("X-Switchboard-Cache MISS answers: %d, other answers: %d\n", miss_total, other_total))
end
