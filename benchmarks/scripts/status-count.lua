-- wrk script: counts responses by status, and those whose page shows a signed-in user (the FORM login's session
-- was found), and prints them at the end (every thread's counts added up).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counts = {}
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
  if body and string.find(body, 'id="user">', 1, true) then
    counts["signed-in"] = (counts["signed-in"] or 0) + 1
  end
end

function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    local c = t:get("counts")
    for status, n in pairs(c) do
      total[status] = (total[status] or 0) + n
    end
  end
  local line = "statuses:"
  for status, n in pairs(total) do
    if status ~= "signed-in" then line = line .. " " .. status .. "=" .. n end
  end
  line = line .. "; pages showing the signed-in user: " .. (total["signed-in"] or 0)
  print(line)
  print("socket errors: connect=" .. summary.errors.connect .. " read=" .. summary.errors.read
    .. " write=" .. summary.errors.write .. " timeout=" .. summary.errors.timeout)
end
