-- wrk script: POST /api/payments/batch with BATCH_SIZE (100) charged creates per request and an Idempotency-Key per
-- batch, as bench/create-payments.lua sends them one by one. bench/batch.sh compares the two.
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  run = tostring(os.time())
  token = os.getenv("BENCH_TOKEN")
  size = tonumber(os.getenv("BATCH_SIZE") or "100")
end

request = function()
  counter = counter + 1
  local headers = {
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "bench-batch-" .. run .. "-" .. id .. "-" .. counter,
    ["Authorization"] = "Bearer " .. token,
  }
  local items = {}
  for i = 1, size do
    items[i] = '{"amount":' .. (100 + (counter * size + i) % 9900) .. ',"currency":"usd","customerId":"cus_bench_'
      .. (i % 100) .. '","confirm":true,"paymentMethod":"pm_card_visa"}'
  end
  return wrk.format("POST", "/api/payments/batch", headers, '{"payments":[' .. table.concat(items, ",") .. ']}')
end

response = function(status, headers, body)
  if status ~= 200 then
    io.stderr:write("unexpected status " .. status .. ": " .. body .. "\n")
  end
end
