"""Storage load for bench/storage.sh: drives PAYMENTS payment histories over HTTP, each as a careful client would (an
Idempotency-Key on every POST): a create with confirm: true (the simulated provider charges pm_card_visa); every
second payment refunded in part; every payment settled through reconcile with a 2.9% + 30 fee.
So a history is five events: PaymentCreated, PaymentSucceeded, (RefundRequested, RefundSucceeded), PaymentReconciled.

Usage: python3 bench/storage.py BASE_URL PAYMENTS [THREADS]     (token from BENCH_TOKEN)
"""

import http.client
import json
import os
import sys
import threading
import urllib.parse
import uuid


def history(connection, headers, n):
    def post(path, body):
        request_headers = dict(headers, **{"Content-Type": "application/json", "Idempotency-Key": uuid.uuid4().hex})
        connection.request("POST", path, json.dumps(body), request_headers)
        answer = connection.getresponse()
        payload = answer.read()
        if answer.status not in (200, 201):
            raise RuntimeError("%s answered %d: %s" % (path, answer.status, payload[:300]))
        return json.loads(payload)

    amount = 1000 + (n * 7919) % 90000
    currency = ("usd", "eur", "gbp")[n % 3]
    payment = post("/api/payments", {
        "amount": amount, "currency": currency, "customerId": "cus_%d" % (n % 5000), "orderId": "order-%d" % n,
        "description": "Storage order %d" % n, "metadata": {"channel": "web"}, "paymentMethod": "pm_card_visa",
        "confirm": True})
    path = "/api/payments/" + payment["id"]
    if n % 2 == 0:
        post(path + "/refunds", {"amount": amount // 4, "reason": "requested_by_customer"})
    fee = amount * 29 // 1000 + 30
    post(path + "/reconcile", {"settlementId": "st_%d" % n, "grossAmount": amount, "fee": fee,
                                "netAmount": amount - fee, "settledAt": "2026-12-01T00:00:00Z"})


def worker(base, headers, numbers, failures):
    url = urllib.parse.urlparse(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    for n in numbers:
        try:
            history(connection, headers, n)
        except Exception as failure:  # noqa: BLE001 - counted and printed, the run goes on
            failures.append(str(failure))
            connection.close()
            connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)


def main():
    base, payments = sys.argv[1], int(sys.argv[2])
    threads = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    headers = {"Authorization": "Bearer " + os.environ["BENCH_TOKEN"]}
    failures = []
    workers = [threading.Thread(target=worker, args=(base, headers, range(t, payments, threads), failures))
               for t in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print("histories: %d, failures: %d%s" % (payments, len(failures), (", first: " + failures[0]) if failures else ""))
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
