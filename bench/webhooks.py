#!/usr/bin/env python3
# Measures webhook receipt (signed POSTs, 8 concurrent senders) and the worker's drain rate (imports without a Stripe key).
import hmac, hashlib, json, time, urllib.request, concurrent.futures, subprocess, sys
PORT, DB, N = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
SECRET = b"whsec_bench"
def event(i):
    return json.dumps({"id": f"evt_1Bench{i:012d}", "object": "event", "api_version": "2024-06-20", "created": 1763800000,
        "data": {"object": {"id": f"pi_3Bench{i:012d}", "object": "payment_intent", "amount": 1000 + i, "currency": "usd",
        "customer": None, "description": None, "latest_charge": f"ch_3Bench{i:012d}", "metadata": {}, "payment_method": "pm_1",
        "status": "succeeded"}}, "livemode": False, "pending_webhooks": 1, "request": {"id": None, "idempotency_key": None},
        "type": "payment_intent.succeeded"}).encode()
def post(i):
    body = event(i); t = str(int(time.time()))
    sig = hmac.new(SECRET, (t + ".").encode() + body, hashlib.sha256).hexdigest()
    req = urllib.request.Request(f"http://127.0.0.1:{PORT}/api/webhooks/stripe", data=body,
        headers={"Content-Type": "application/json", "Stripe-Signature": f"t={t},v1={sig}"})
    start = time.perf_counter()
    with urllib.request.urlopen(req) as r:
        assert r.status == 200
    return time.perf_counter() - start
start = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(8) as pool:
    latencies = sorted(pool.map(post, range(N)))
received = time.perf_counter() - start
print(f"received {N} in {received:.1f} s: {N/received:.0f}/s; p50 {latencies[N//2]*1000:.1f} ms, p99 {latencies[int(N*0.99)]*1000:.1f} ms")
def left():
    return int(subprocess.check_output(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", DB, "-Atc",
        "select count(*) from stripe_webhook_event where state in ('received','retrying')"]).strip())
while left() > 0:
    time.sleep(0.5)
total = time.perf_counter() - start
print(f"all {N} processed {total:.1f} s after the first POST: {N/total:.0f} events/s end to end")
print(subprocess.check_output(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", DB, "-Atc",
    "select state, count(*) from stripe_webhook_event group by state"]).decode())
