#!/usr/bin/env bash
# Profiles payment creates: starts the ledger on a fresh database, warms it up with creates, records 30 s of them with
# JFR (settings=profile) and prints where the JVM's samples went, by stage of a request and by thread.
# Usage: bench/profile.sh [least warm-up seconds] [connections]   (CONFIRM=0: creates without confirm)
# Needs wrk; reads the recording with the newest JDK's `jfr` found (JFR_TOOL= to name one). Keeps the recording in /tmp.
set -euo pipefail
cd "$(dirname "$0")/.."
warmup=${1:-40}
connections=${2:-16}
export CONFIRM=${CONFIRM:-1}
source bench/lib.sh
start_ledger
recording="/tmp/$db.jfr"

echo "warm-up until the JIT settles (${warmup} to ${WARMUP_MAX:-360} s)"
warm_up_until_compiled "$warmup" "${WARMUP_MAX:-360}" -s bench/create-payments.lua "$base" >/dev/null
jcmd "$app" JFR.start name=profile settings=profile duration=30s filename="$recording" >/dev/null
echo "recording 30 s of creates"
wrk -t2 -c"$connections" -d30s --latency -s bench/create-payments.lua "$base" | grep -E 'Requests/sec|Latency  '
sleep 2
jfr_tool=${JFR_TOOL:-$(ls -d /usr/lib/jvm/*/bin/jfr 2>/dev/null | sort -V | tail -1)}
"$jfr_tool" print --json --events jdk.ExecutionSample --stack-depth 200 "$recording" >"$recording.json"
python3 bench/jfr_stages.py "$recording.json"
echo "recording: $recording"
