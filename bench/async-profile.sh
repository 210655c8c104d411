#!/usr/bin/env bash
# Profiles payment creates with async-profiler (tools.profiler:async-profiler from Maven Central), which samples every
# thread on the CPU, native code, the JIT compiler and the collector included; JFR's execution samples (bench/profile.sh)
# see only threads running Java code. Starts the ledger on a fresh database, warms it up with creates, profiles 20 s of
# them (itimer sampling: no perf events in this VM) and prints where the samples went (bench/jfr_stages.py) with each
# thread group's CPU seconds from /proc. Keeps the collapsed stacks in /tmp for a closer look.
# Usage: bench/async-profile.sh [least warm-up seconds] [connections]   (CONFIRM=0: creates without confirm)
set -euo pipefail
cd "$(dirname "$0")/.."
warmup=${1:-60}
connections=${2:-16}
export CONFIRM=${CONFIRM:-1}
version=4.2
profiler_dir="${XDG_CACHE_HOME:-$HOME/.cache}/async-profiler-$version"
lib="$profiler_dir/linux-x64/libasyncProfiler.so"
if [ ! -f "$lib" ]; then
  mkdir -p "$profiler_dir"
  url="https://repo1.maven.org/maven2/tools/profiler/async-profiler/$version/async-profiler-$version-linux-x64.jar"
  curl -sSf -o "$profiler_dir/profiler.jar" "$url"
  [ "$(sha1sum <"$profiler_dir/profiler.jar" | cut -d' ' -f1)" = "$(curl -sSf "$url.sha1" | cut -d' ' -f1)" ] \
    || { echo "async-profiler's jar does not match Maven Central's checksum" >&2; exit 1; }
  (cd "$profiler_dir" && unzip -q -o profiler.jar 'linux-x64/*')
fi
source bench/lib.sh
start_ledger
stacks="/tmp/$db.collapsed"
# jcmd reads key=value words as its own options: the agent's options go as one quoted word.
profiler() { jcmd "$app" JVMTI.agent_load "$lib" "\"$1\"" | grep -v '^[0-9]*:$' | grep -v 'return code: 0' || true; }
thread_ticks() {
  for task in /proc/"$app"/task/*; do
    printf '%s %s\n' "$(tr ' ' '_' <"$task/comm" | sed -E 's/[-#]?[0-9]+$//')" "$(awk '{ print $14 + $15 }' "$task/stat")"
  done | awk '{ ticks[$1] += $2 } END { for (name in ticks) print name, ticks[name] }' | sort
}

echo "warm-up until the JIT settles (${warmup} to ${WARMUP_MAX:-360} s)"
warm_up_until_compiled "$warmup" "${WARMUP_MAX:-360}" -s bench/create-payments.lua "$base" >/dev/null
thread_ticks >"$stacks.ticks-before"
profiler "start,event=itimer,interval=2ms,threads"
echo "profiling 20 s of creates"
wrk -t2 -c"$connections" -d20s --latency -s bench/create-payments.lua "$base" | grep -E 'Requests/sec|Latency  |99%'
profiler "stop,collapsed,file=$stacks"
thread_ticks >"$stacks.ticks-after"
echo "the JVM's CPU seconds over the profiled 20 s, by thread name (/proc, names cut at 15 characters):"
join "$stacks.ticks-before" "$stacks.ticks-after" \
  | awk '{ d = $3 - $2; total += d; if (d > 0) printf "%8.2f  %s\n", d / 100, $1 } END { printf "%8.2f  all\n", total / 100 }' \
  | sort -rn | head -15
python3 bench/jfr_stages.py --collapsed "$stacks"
echo "stacks: $stacks"
