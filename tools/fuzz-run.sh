#!/bin/bash
# fuzz-run.sh - run the libFuzzer targets of tests/fuzz, then minimise the
# corpus they grew (make fuzz).
#
#   tools/fuzz-run.sh BUILD-DIR CORPUS-DIR SECONDS JOBS MAX-LEN TARGET...
#
# Each target fuzzes for SECONDS / number-of-targets, JOBS targets at a time,
# on inputs of at most MAX-LEN bytes (about a third as many operations),
# starting from and adding to CORPUS-DIR/<target>; a finding stops it and
# leaves the input in BUILD-DIR/<target>-artifacts/.  Then each corpus is
# merged into a fresh directory which replaces it: libFuzzer's -merge=1
# with -use_counters=0, the fewest inputs that reach every edge the corpus
# reaches (a few dozen per target, replayed by `make test`; counting how
# often each edge runs would keep ten times as many).  Prints the
# executions of each target and their total; exits 1 if any target found
# something.
set -u

build=$1 corpus=$2 seconds=$3 jobs=$4 max_len=$5
shift 5
targets="$*"
count=$#
per=$((seconds / count))
[ "$per" -ge 1 ] || per=1

run_one() {
	t=$1
	mkdir -p "$corpus/$t" "$build/$t-artifacts"
	# -timeout: an input runs in milliseconds; 60 s is a hang, not the
	# stall of a machine shared with others (20 s was: at a load of 11,
	# three targets stopped on inputs that run in 2-6 ms alone).
	"$build/fuzz_$t" -max_total_time="$per" -timeout=60 -max_len="$max_len" \
		-print_final_stats=1 -artifact_prefix="$build/$t-artifacts/" \
		"$corpus/$t" > "$build/$t.log" 2>&1
	echo $? > "$build/$t.status"
}

echo "fuzz: $count targets, ${per} s each, $jobs at a time (logs: $build/<target>.log)"
for t in $targets; do
	# A pool: the next target starts when one ends.
	while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do
		wait -n
	done
	run_one "$t" &
done
wait

total=0
failed=0
for t in $targets; do
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/$t.log" | tail -1)
	status=$(cat "$build/$t.status")
	execs=${execs:-0}
	total=$((total + execs))
	if [ "$status" != 0 ]; then
		failed=1
		echo "fuzz: $t: FINDING after $execs executions (status $status): $build/$t.log, $build/$t-artifacts/"
		grep -m1 -A3 'FINDING\|ERROR: ' "$build/$t.log"
		continue
	fi
	# The fewest inputs that reach every edge replace the corpus.
	rm -rf "$build/$t-merged"
	mkdir -p "$build/$t-merged"
	before=$(ls "$corpus/$t" | wc -l)
	if "$build/fuzz_$t" -merge=1 -use_counters=0 -max_len=512 \
		"$build/$t-merged" "$corpus/$t" \
		> "$build/$t-merge.log" 2>&1; then
		rm -rf "$corpus/$t"
		mv "$build/$t-merged" "$corpus/$t"
	fi
	after=$(ls "$corpus/$t" | wc -l)
	echo "fuzz: $t: $execs executions, no finding; corpus $before -> $after inputs"
done
echo "fuzz: $total executions in all"
exit $failed
