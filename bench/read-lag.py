"""Read-model lag probe for bench/compare.sh: while another load runs, creates one confirmed payment every INTERVAL
seconds (each with its own Idempotency-Key) and times how long after the create's answer GET /api/payments/{id}
first finds it (200), polling every POLL seconds. Each probe runs in its own thread with its own connection, so a
slow read model does not slow the probing down. Prints one line: probes, p50, p90, p99 and max in milliseconds.

Usage: python3 bench/read-lag.py BASE_URL SECONDS [INTERVAL] [POLL]     (token from BENCH_TOKEN)
"""

import http.client
import json
import os
import sys
import threading
import time
import urllib.parse
import uuid


def probe(host, port, headers, poll, lags, failures):
    connection = http.client.HTTPConnection(host, port, timeout=30)
    try:
        body = json.dumps({"amount": 1234, "currency": "usd", "customerId": "cus_probe", "confirm": True,
                           "paymentMethod": "pm_card_visa"})
        create_headers = dict(headers, **{"Content-Type": "application/json",
                                          "Idempotency-Key": "probe-" + uuid.uuid4().hex})
        connection.request("POST", "/api/payments", body, create_headers)
        answer = connection.getresponse()
        payload = answer.read()
        if answer.status != 201:
            failures.append("create answered %d" % answer.status)
            return
        answered = time.monotonic()
        path = "/api/payments/" + json.loads(payload)["id"]
        while True:
            connection.request("GET", path, headers=headers)
            found = connection.getresponse()
            found.read()
            if found.status == 200:
                lags.append((time.monotonic() - answered) * 1000)
                return
            if found.status != 404:
                failures.append("read answered %d" % found.status)
                return
            if time.monotonic() - answered > 30:
                failures.append("not found after 30 s")
                return
            time.sleep(poll)
    except (OSError, http.client.HTTPException) as e:
        failures.append(repr(e))
    finally:
        connection.close()


def percentile(sorted_values, fraction):
    return sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * fraction))]


if __name__ == "__main__":
    base = urllib.parse.urlsplit(sys.argv[1])
    seconds = float(sys.argv[2])
    interval = float(sys.argv[3]) if len(sys.argv) > 3 else 0.2
    poll = float(sys.argv[4]) if len(sys.argv) > 4 else 0.01
    headers = {"Authorization": "Bearer " + os.environ["BENCH_TOKEN"]} if os.environ.get("BENCH_TOKEN") else {}
    lags, failures, threads = [], [], []
    start = time.monotonic()
    next_probe = start
    while next_probe < start + seconds:
        thread = threading.Thread(target=probe, args=(base.hostname, base.port, headers, poll, lags, failures))
        thread.start()
        threads.append(thread)
        next_probe += interval
        time.sleep(max(0.0, next_probe - time.monotonic()))
    for thread in threads:
        thread.join()
    if not lags:
        print("no probe found its payment; failures: %s" % failures[:5])
        sys.exit(1)
    lags.sort()
    print("probes %d p50 %.0f p90 %.0f p99 %.0f max %.0f failures %d"
          % (len(lags), percentile(lags, 0.5), percentile(lags, 0.9), percentile(lags, 0.99), lags[-1],
             len(failures)))
    for failure in failures[:5]:
        print("failure: " + failure, file=sys.stderr)
