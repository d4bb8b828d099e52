#!/usr/bin/env bash
# Runs the whole test suite, the way CI does: a Release build of the solution, every test project with strict
# snapshots (a missing snapshot fails its test), then a check that the run neither created nor changed a snapshot file,
# because snapshots are reviewed and committed like code.
set -euo pipefail
cd "$(dirname "$0")/.."

export SNAPSHOOTER_STRICT_MODE=true
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

# The PostgreSQL store's tests run against a real server on 127.0.0.1, which the test fixture starts itself with
# initdb and pg_ctl (as the postgres user when run as root). Install the server where it is missing.
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    else
        echo "PostgreSQL (initdb, pg_ctl) is needed for the storage tests: install the 'postgresql' package." >&2
        exit 1
    fi
fi

log=$(mktemp)
results=$(mktemp -d)
trap 'rm -rf "$log" "$results"' EXIT

dotnet build GovStaff.Policy.sln -c Release -warnaserror -nologo -v minimal

status=0
# Each project also writes a TRX file, read below for the slowest tests.
dotnet test GovStaff.Policy.sln -c Release --no-build --nologo --logger trx --results-directory "$results" 2>&1 | tee "$log" || status=$?

# The slowest ten tests with their times, so the next slow test is seen the day it lands.
echo "Slowest tests:"
cat "$results"/*.trx 2>/dev/null | tr '<' '\n' | grep '^UnitTestResult ' | \
    sed -n 's/.*testName="\([^"]*\)".*duration="\([0-9]*\):\([0-9]*\):\([0-9.]*\)".*/\2 \3 \4 \1/p' | \
    awk '{ t = $1 * 3600 + $2 * 60 + $3; $1 = $2 = $3 = ""; sub(/^ +/, ""); gsub(/&quot;/, "\""); printf "%8.1f s  %s\n", t, substr($0, 1, 150) }' | \
    sort -rn | head -10 || true

# One plain closing line for the whole suite, added up from each test project's summary.
awk '/(Passed|Failed)! +- +Failed: /{
        gsub(/,/, "");
        for (i = 1; i <= NF; i++) {
            if ($i == "Failed:") f += $(i + 1);
            if ($i == "Passed:") p += $(i + 1);
            if ($i == "Skipped:") s += $(i + 1);
        }
        projects++
     }
     END {
        if (projects == 0) { print "0 passed, 0 failed"; exit 1 }
        printf "%d passed, %d failed, %d skipped\n", p, f, s
     }' "$log" || status=1

if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    changed=$(git status --porcelain --untracked-files=all -- ':(glob)**/__snapshots__/**' || true)
    mismatched=$(find tests -path '*/__snapshots__/__mismatch__/*' -type f 2>/dev/null || true)
    if [ -n "$changed" ] || [ -n "$mismatched" ]; then
        echo "Snapshot files were created or changed by this run; review them and commit the right ones:" >&2
        printf '%s\n' "$changed" "$mismatched" | sed '/^$/d' >&2
        status=1
    fi
fi

exit "$status"
