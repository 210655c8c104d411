-- wrk script: POST /api/payments with a unique Idempotency-Key per request, so every create writes one event row
-- and one idempotency row, as a careful client's would.
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  run = tostring(os.time())
  token = os.getenv("BENCH_TOKEN")
  -- CONFIRM=1: each create also charges Stripe's test card (confirm: true), as a checkout would.
  confirm = os.getenv("CONFIRM") == "1"
end

-- DELAY_MS=n paces the load: each connection waits n ms before each of its requests (bench/compare.sh's read-model
-- phase). Without it wrk sends each connection's next request as soon as the answer arrives.
local delay_ms = tonumber(os.getenv("DELAY_MS") or "")
if delay_ms then
  delay = function()
    return delay_ms
  end
end

request = function()
  counter = counter + 1
  local headers = {
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "bench-" .. run .. "-" .. id .. "-" .. counter,
  }
  if token and token ~= "" then
    headers["Authorization"] = "Bearer " .. token
  end
  local body = '{"amount":' .. (100 + counter % 9900) .. ',"currency":"usd","customerId":"cus_bench_' .. (counter % 100) .. '"'
  if confirm then
    body = body .. ',"confirm":true,"paymentMethod":"pm_card_visa"'
  end
  body = body .. '}'
  return wrk.format("POST", "/api/payments", headers, body)
end

response = function(status, headers, body)
  if status ~= 201 then
    io.stderr:write("unexpected status " .. status .. ": " .. body .. "\n")
  end
end
