#!/usr/bin/env bash
# Fault runs on a real broker and node (see reliability/README.md).
#   reliability/run.sh [SCENARIO...|all]      e.g. reliability/run.sh kill-each-service
# Each scenario prints a line "VERDICT <scenario>: PASS|FAIL ..."; the exit code is 1 if any failed.
# RELIABILITY_REPLAYS=N adds N rewritten copies of the corpus (default 0).
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/lib.sh
select_jdk
ensure_public_inbox
if [ "${LORE_SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q -Pbench package -DskipTests -pl reliability -am
fi
exec "$JAVA_HOME/bin/java" -Dlore.shared.dir="${LORE_SHARED_DIR:-../shared}" \
  -Dreliability.replays="${RELIABILITY_REPLAYS:-0}" \
  -cp "reliability/target/classes:$(cat reliability/target/classpath.txt)" org.loredigest.reliability.FaultRun "$@"
