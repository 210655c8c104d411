#!/usr/bin/env python3
# The fault run's driver, started by bench/faults.sh (read its header first: it restarts the machine's PostgreSQL).
# Starts the ledger jar, drives it with CLIENTS clients (confirmed payments, every third refunded, each request with an
# Idempotency-Key and sent again with the same key and body until answered), kills it with SIGKILL KILLS times at seeded
# moments and restarts it on the same database, then restarts PostgreSQL under load, probes reads and health all along,
# and checks the end state: nothing acknowledged lost or duplicated, read models equal a replay, the trial balance
# balances, the hash chain verifies. Prints the figures; exits 1 when a check fails.
import http.client, json, os, random, signal, subprocess, sys, threading, time, urllib.error, urllib.request

PORT, DB, LOG = int(os.environ["FAULTS_PORT"]), os.environ["FAULTS_DB"], os.environ["FAULTS_LOG"]
KILLS, CLIENTS, LOAD = int(os.environ["KILLS"]), int(os.environ["CLIENTS"]), float(os.environ["LOAD_SECONDS"])
DB_RESTART, SEED, TOKEN = os.environ["DB_RESTART"] == "1", int(os.environ["SEED"]), os.environ["TOKEN"]
BASE = f"http://127.0.0.1:{PORT}"
AUTH = {"Authorization": "Bearer " + TOKEN}
lock = threading.Lock()
stats = {"requests": 0, "retried_requests": 0, "sends_again": 0, "answers_5xx": 0, "answers_503": 0, "unexpected": []}
created, amounts, refunds = {}, {}, {}          # key -> payment id, payment id -> amount, payment id -> refund id
probes = {"list": [], "health": []}              # (phase, seconds) of each answered probe
phase = "steady"
stopping = threading.Event()
UNANSWERED = (OSError, http.client.HTTPException)   # refused, reset, timed out, or an answer cut off by the kill
node = None


def sql(query):
    return subprocess.check_output(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", DB, "-Atc", query], text=True)


def call(method, path, body=None, key=None, timeout=20):
    """One send: (status, json body) or raises OSError when unanswered."""
    headers = dict(AUTH, **({"Content-Type": "application/json"} if body is not None else {}))
    if key:
        headers["Idempotency-Key"] = key
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(BASE + path, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return answer.status, json.loads(answer.read() or b"null")
    except urllib.error.HTTPError as answer:
        text = answer.read()
        try:
            return answer.code, json.loads(text or b"null")
        except ValueError:
            return answer.code, {"text": text.decode(errors="replace")}


def until_answered(method, path, body=None, key=None):
    """Sends again with the same key and body after no answer, a 5xx or 409 idempotency_key_in_use."""
    pause, sends = 0.05, 0
    while True:
        sends += 1
        try:
            status, answer = call(method, path, body, key)
            if status >= 500:
                with lock:
                    stats["answers_5xx"] += 1
                    stats["answers_503"] += status == 503
            elif not (status == 409 and (answer or {}).get("code") == "idempotency_key_in_use"):
                with lock:
                    stats["requests"] += 1
                    stats["sends_again"] += sends - 1
                    stats["retried_requests"] += sends > 1
                return status, answer
        except UNANSWERED:
            pass
        time.sleep(pause)
        pause = min(1.0, pause * 2)


def client(number):
    try:
        drive(number)
    except Exception as e:
        stats["unexpected"].append(f"client {number} stopped: {e!r}")


def drive(number):
    rnd = random.Random(SEED + number)
    n = 0
    while not stopping.is_set():
        key = f"faults-{number}-{n}"
        amount = 1000 + rnd.randrange(9000)
        status, payment = until_answered("POST", "/api/payments", {
            "amount": amount, "currency": "usd", "customerId": f"cus_faults_{number}", "paymentMethod": "pm_card_visa",
            "confirm": True, "metadata": {"faultsKey": key}}, key)
        if status != 201 or payment.get("status") != "succeeded":
            stats["unexpected"].append(f"create {key}: {status} {payment}")
        else:
            with lock:
                created[key], amounts[payment["id"]] = payment["id"], amount
            if n % 3 == 0:
                status, refund = until_answered("POST", f"/api/payments/{payment['id']}/refunds",
                                                {"amount": 100, "reason": "requested_by_customer"}, "faults-refund-" + key)
                if status != 201:
                    stats["unexpected"].append(f"refund of {payment['id']}: {status} {refund}")
                else:
                    refunds[payment["id"]] = refund["id"]
        n += 1


def prober():
    """Reads and health twice a second while the node is up; a probe that is not answered is not counted."""
    while not stopping.is_set():
        for name, path in (("list", "/api/payments?limit=5"), ("health", "/actuator/health")):
            start = time.perf_counter()
            try:
                call("GET", path, timeout=30)
                probes[name].append((phase, time.perf_counter() - start))
            except UNANSWERED:
                pass
        time.sleep(0.5)


def start_node():
    global node
    started = time.perf_counter()
    with open(LOG, "a") as log:
        node = subprocess.Popen(["java", "-Xms512m", "-Xmx1g", "-jar", "ledger-app/target/ledger-app.jar",
                                 f"--server.port={PORT}"], stdout=log, stderr=subprocess.STDOUT)
    while time.perf_counter() - started < 180:
        if node.poll() is not None:
            sys.exit(f"the ledger exited with {node.returncode}; see {LOG}")
        try:
            if call("GET", "/actuator/health", timeout=2)[0] == 200:
                return time.perf_counter() - started
        except UNANSWERED:
            pass
        time.sleep(0.2)
    sys.exit(f"the ledger did not start; see {LOG}")


def percentiles(values):
    values = sorted(values)
    if not values:
        return "no answers"
    pick = lambda q: values[min(len(values) - 1, int(q * len(values)))] * 1000
    return f"p50 {pick(0.5):.0f} ms, p99 {pick(0.99):.0f} ms, max {values[-1] * 1000:.0f} ms ({len(values)} probes)"


def main():
    global phase
    rnd = random.Random(SEED)
    print(f"seed {SEED}, {CLIENTS} clients, {KILLS} kills, ~{LOAD:.0f} s of load before each, "
          f"database restart: {'yes' if DB_RESTART else 'no'}; ledger console in {LOG}")
    print(f"started in {start_node():.1f} s")
    workers = [threading.Thread(target=client, args=(c,), daemon=True) for c in range(CLIENTS)]
    workers.append(threading.Thread(target=prober, daemon=True))
    for worker in workers:
        worker.start()
    restarts = []
    try:
        for kill in range(1, KILLS + 1):
            time.sleep(LOAD * (0.5 + rnd.random()))
            node.send_signal(signal.SIGKILL)
            exit_code = node.wait()
            acknowledged = len(created)
            restarts.append(start_node())
            print(f"kill {kill}: SIGKILL (exit {exit_code}) with {acknowledged} creates acknowledged, "
                  f"restarted in {restarts[-1]:.1f} s")
        time.sleep(LOAD)
        recovery = None
        if DB_RESTART:
            phase = "database restart"
            before_5xx, before_503 = stats["answers_5xx"], stats["answers_503"]
            began = time.perf_counter()
            subprocess.run(["pg_ctlcluster", "15", "main", "restart"], check=True)
            back = time.perf_counter()
            # Recovered: a new create answered 201 end to end.
            probe = 0
            while True:
                probe += 1
                try:
                    status, _ = call("POST", "/api/payments", {"amount": 500, "currency": "usd",
                                     "customerId": "cus_faults_probe", "paymentMethod": "pm_card_visa",
                                     "confirm": True}, f"faults-recovery-{probe}", timeout=30)
                    if status == 201:
                        break
                except UNANSWERED:
                    pass
                time.sleep(0.1)
            recovery = (back - began, time.perf_counter() - back, stats["answers_5xx"] - before_5xx,
                        stats["answers_503"] - before_503)
            phase = "after the database restart"
            time.sleep(LOAD)
    finally:
        stopping.set()
        for worker in workers:
            worker.join(timeout=200)
    failures = list(stats["unexpected"])
    failures += [f"{worker.name} never got its last answer" for worker in workers if worker.is_alive()]

    print(f"kills survived: {KILLS}; restarts took {', '.join(f'{s:.1f}' for s in restarts)} s")
    print(f"requests answered: {stats['requests']} ({len(created)} creates, {len(refunds)} refunds acknowledged); "
          f"sent more than once: {stats['retried_requests']} ({stats['sends_again']} sends again; "
          f"{stats['answers_5xx']} 5xx answers, {stats['answers_503']} of them 503, sent again)")
    if recovery:
        print(f"database restart: PostgreSQL down and up in {recovery[0]:.1f} s; the first create answered "
              f"{recovery[1]:.1f} s after it was back; 5xx answers meanwhile: {recovery[2]} ({recovery[3]} of them 503)")
    for name in probes:
        for each in ("steady", "database restart", "after the database restart"):
            answered = [s for p, s in probes[name] if p == each]
            if answered:
                print(f"{name} latency ({each}): {percentiles(answered)}")

    stored = {}
    for line in sql("SELECT payload->'metadata'->>'faultsKey', aggregate_identifier FROM domain_event_entry "
                    "WHERE payload_type LIKE '%.PaymentCreated'").split():
        key, _, payment = line.partition("|")
        stored.setdefault(key, []).append(payment)
    failures += [f"{key} stored {len(ids)} times" for key, ids in stored.items() if key and len(ids) > 1]
    failures += [f"{key} acknowledged as {pid} but stored as {stored.get(key)}"
                 for key, pid in created.items() if stored.get(key) != [pid]]
    refunded = dict(line.split("|") for line in sql(
        "SELECT aggregate_identifier, count(*) FROM domain_event_entry WHERE payload_type LIKE '%.RefundRequested' "
        "GROUP BY 1").split())
    failures += [f"{pid} has {n} refunds" for pid, n in refunded.items() if n != "1"]
    failures += [f"{pid}'s acknowledged refund is not stored" for pid in refunds if pid not in refunded]
    deadline = time.time() + 60
    while True:
        status, chain = call("GET", "/api/audit/verify?readModels=false", timeout=120)
        if status == 200 and chain["eventsUnchained"] == 0 or time.time() > deadline:
            break
        time.sleep(0.5)
    started = time.perf_counter()
    status, report = call("GET", "/api/audit/verify", timeout=600)
    print(f"audit verify: {status}, {report.get('eventsChecked')} events, chain valid {report.get('chainValid')}, "
          f"read models consistent {report.get('readModelsConsistent')} ({time.perf_counter() - started:.1f} s)")
    if status != 200 or not report.get("chainValid") or not report.get("readModelsConsistent"):
        failures.append(f"verify: {json.dumps(report)[:2000]}")
    status, balance = call("GET", "/api/ledger/trial-balance")
    print(f"trial balance: balanced {balance.get('balanced')}")
    if status != 200 or not balance.get("balanced"):
        failures.append(f"trial balance: {balance}")
    node.send_signal(signal.SIGKILL)
    node.wait()
    for failure in failures[:50]:
        print("FAILED: " + failure)
    print("all checks passed" if not failures else f"{len(failures)} checks failed")
    sys.exit(1 if failures else 0)


def stop_node(*_):
    if node is not None and node.poll() is None:
        node.send_signal(signal.SIGKILL)
    sys.exit(130)


# The ledger this script started is killed with it, however it ends.
signal.signal(signal.SIGTERM, stop_node)
signal.signal(signal.SIGINT, stop_node)
try:
    main()
finally:
    if node is not None and node.poll() is None:
        node.send_signal(signal.SIGKILL)
