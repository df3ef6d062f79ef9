-- wrk script: POST the file $BODY_FILE to the URL with Content-Type $CONTENT_TYPE, and count
-- answers that are not 200 (printed at the end as `non-200: N`).
wrk.method = "POST"
wrk.headers["Content-Type"] = os.getenv("CONTENT_TYPE") or "application/json"
local file = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.body = file:read("*a")
file:close()

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

function init()
  bad = 0
end

function response(status)
  if status ~= 200 then bad = bad + 1 end
end

function done()
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("bad") end
  io.write(string.format("non-200: %d\n", total))
end
