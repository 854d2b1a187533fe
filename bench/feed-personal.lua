-- wrk script for the personal feed: POST a JSON body as the block sends it (one slot of PER_PAGE posts) for
-- a visitor from a pool of POOL, rotating, so requests spread over many profiles as real traffic does. The
-- ids are the ones bench/feed-site.php gave profiles to ("benchvisitor" + 10 digits). Works against the
-- gateway (/wp-json/switchboard/v1/feed/personal) and the service itself (/v1/feed/personal; the token comes
-- from the environment, FEED_BENCH_TOKEN, never from the command line).
--
-- Usage: wrk ... -s bench/feed-personal.lua URL -- POOL PER_PAGE
--
-- It counts the answers' `mode` (personalized, holdout, cold, fallback) and non-200 answers and prints them
-- at the end, so the bench can say what it measured.
local threads = {}

function setup(thread)
	table.insert(threads, thread)
	thread:set("thread_id", #threads)
end

local pool = 200
local per_page = 6
local counter = 0
local headers = { ["Content-Type"] = "application/json" }
personalized = 0
holdout = 0
cold = 0
fallback = 0
other = 0
failed = 0

function init(args)
	pool = tonumber(args[1]) or pool
	per_page = tonumber(args[2]) or per_page
	local token = os.getenv("FEED_BENCH_TOKEN")
	if token ~= nil and token ~= "" then
		headers["Authorization"] = "Bearer " .. token
	end
	-- Threads start at different visitors, so two threads do not ask for the same profile in step.
	counter = ((thread_id or 1) - 1) * 7919
end

function request()
	counter = counter + 1
	local body = string.format('{"visitor":"benchvisitor%010d","slots":[{"count":%d}]}', counter % pool, per_page)
	return wrk.format("POST", wrk.path, headers, body)
end

function response(status, _, body)
	if status ~= 200 then
		failed = failed + 1
		return
	end
	local mode = string.match(body, '"mode"%s*:%s*"(%a+)"')
	if mode == "personalized" then
		personalized = personalized + 1
	elseif mode == "holdout" then
		holdout = holdout + 1
	elseif mode == "cold" then
		cold = cold + 1
	elseif mode == "fallback" then
		fallback = fallback + 1
	else
		other = other + 1
	end
end

function done()
	local totals = { personalized = 0, holdout = 0, cold = 0, fallback = 0, other = 0, failed = 0 }
	for _, thread in ipairs(threads) do
		for name, _ in pairs(totals) do
			totals[name] = totals[name] + (thread:get(name) or 0)
		end
	end
	io.write(string.format("Feed modes: personalized %d, holdout %d, cold %d, fallback %d, other %d, non-200 %d\n",
		totals.personalized, totals.holdout, totals.cold, totals.fallback, totals.other, totals.failed))
end
