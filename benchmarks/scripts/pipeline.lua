-- wrk script: HTTP/1.1 pipelining. Each write carries `depth` requests (first script argument, default 16)
-- for the path of the URL given to wrk, so the servlet path is measured (wrk's bundled pipeline example
-- always requests "/"). wrk counts every response, so req/s is responses per second.
--   wrk -t2 -c64 -d10s -s pipeline.lua http://127.0.0.1:18181/hello -- 16
init = function(args)
   local depth = tonumber(args[1]) or 16
   local requests = {}
   for i = 1, depth do
      requests[i] = wrk.format(nil, wrk.path)
   end
   batch = table.concat(requests)
end

request = function()
   return batch
end
