-- wrk script of bench/situations-wrk.sh: GET one path, or rotate over situation ids
-- (wrk ... -s bench/situations.lua -- PATH [IDS_FILE]). Counts answers other than 200 (a
-- redirect to the login page would otherwise pass for a fast page) and prints one summary line
-- with p50 / p95 / p99 and requests per second.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  path = args[1] or "/"
  ids = {}
  if args[2] then
    for line in io.lines(args[2]) do
      if #line > 0 then table.insert(ids, line) end
    end
  end
  -- Each thread starts at another place in the list.
  n = math.random(1, math.max(#ids, 1))
  not_ok = 0
end

function request()
  if #ids > 0 then
    n = n % #ids + 1
    return wrk.format("GET", path .. ids[n])
  end
  return wrk.format("GET", path)
end

function response(status, headers, body)
  if status ~= 200 then not_ok = not_ok + 1 end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do bad = bad + thread:get("not_ok") end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d rps=%.1f p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms not200=%d socket_errors=%d\n",
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, bad,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
