-- wrk script of bench/runs/http_bench.py and bench/runs/load_run.py: each request takes the next
-- path of the file named by the PATHS environment variable (one URL path per line, cycled), and
-- `done` prints the run's figures as one JSON line for the benchmark to read.
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
local counter = 0

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  local e = summary.errors
  local parts = {}
  for _, p in ipairs({50, 90, 95, 99}) do
    parts[#parts + 1] = string.format('"p%d": %.3f', p, latency:percentile(p) / 1000)
  end
  io.write(string.format(
    'WRK_RESULT {"requests": %d, "duration_us": %d, "bytes": %d, "errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, "latency_ms": {%s, "mean": %.3f, "max": %.3f}}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status,
    e.timeout, table.concat(parts, ", "), latency.mean / 1000, latency.max / 1000))
end
