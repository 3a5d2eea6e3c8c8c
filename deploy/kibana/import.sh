#!/usr/bin/env bash
# Imports the lore-digest data views and dashboard into Kibana through the saved-objects API
# (POST /api/saved_objects/_import?overwrite=true). Waits for Kibana to answer on /api/status first.
#
# Usage: deploy/kibana/import.sh [saved-objects.ndjson]
#
# Environment:
#   KIBANA_URL           Kibana base URL (default http://localhost:5601)
#   KIBANA_SPACE         import into this space instead of the default one
#   KIBANA_USERNAME      basic-auth user (with KIBANA_PASSWORD); unset = no authentication
#   KIBANA_PASSWORD
#   KIBANA_API_KEY       alternative to basic auth: sent as "Authorization: ApiKey <value>"
#   KIBANA_WAIT_SECONDS  how long to wait for Kibana to become available (default 300)
#   KIBANA_INSECURE      "true" to skip TLS certificate verification (self-signed test clusters only)
#
# Exit status: 0 when Kibana reports success, 1 when the import fails or Kibana reports errors,
# 2 on usage problems, 3 when Kibana is not available in time.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
file="${1:-$here/saved-objects.ndjson}"
base="${KIBANA_URL:-http://localhost:5601}"
base="${base%/}"
wait_seconds="${KIBANA_WAIT_SECONDS:-300}"
space_path=""
[ -n "${KIBANA_SPACE:-}" ] && space_path="/s/${KIBANA_SPACE}"

die() { echo "import.sh: $1" >&2; exit "${2:-1}"; }

command -v curl >/dev/null || die "curl is needed" 2
[ -f "$file" ] || die "no such file: $file" 2
[[ "$wait_seconds" =~ ^[0-9]+$ ]] || die "KIBANA_WAIT_SECONDS must be a number of seconds" 2

curl_opts=(--silent --show-error --connect-timeout 5)
[ "${KIBANA_INSECURE:-}" = "true" ] && curl_opts+=(--insecure)
if [ -n "${KIBANA_API_KEY:-}" ]; then
  curl_opts+=(-H "Authorization: ApiKey ${KIBANA_API_KEY}")
elif [ -n "${KIBANA_USERNAME:-}" ]; then
  curl_opts+=(--user "${KIBANA_USERNAME}:${KIBANA_PASSWORD:-}")
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# json_get FILE EXPR: prints a value from a JSON file (jq, python3, else grep); empty when unreadable
json_get() {
  if command -v jq >/dev/null; then
    jq -r "$2 | if . == null then empty else tostring end" "$1" 2>/dev/null || true
  elif command -v python3 >/dev/null; then
    python3 - "$1" "$2" <<'PY' 2>/dev/null || true
import json, sys
value = json.load(open(sys.argv[1]))
for key in sys.argv[2].lstrip(".").split("."):
    value = value.get(key) if isinstance(value, dict) else None
print("" if value is None else (str(value).lower() if isinstance(value, bool) else value))
PY
  else
    # last resort without a JSON tool: the first "key": scalar for the last key of the path
    grep -o "\"${2##*.}\"[[:space:]]*:[[:space:]]*[^,}]*" "$1" 2>/dev/null | head -n 1 \
      | sed -e 's/^[^:]*:[[:space:]]*//' -e 's/^"//' -e 's/"[[:space:]]*$//' || true
  fi
}

pretty() {
  if command -v jq >/dev/null && jq . "$1" >/dev/null 2>&1; then jq . "$1"
  elif command -v python3 >/dev/null && python3 -m json.tool "$1" >/dev/null 2>&1; then python3 -m json.tool "$1"
  else cat "$1"; echo
  fi
}

# ---------------------------------------------------------------------------------------------- wait for Kibana
echo "Waiting up to ${wait_seconds}s for Kibana at ${base} ..."
deadline=$(( $(date +%s) + wait_seconds ))
while :; do
  code="$(curl "${curl_opts[@]}" --max-time 10 -o "$tmp/status.json" -w '%{http_code}' \
            "${base}/api/status" 2>"$tmp/status.err" || true)"
  level=""
  [ "$code" = "200" ] && level="$(json_get "$tmp/status.json" '.status.overall.level')"
  case "$code" in
    200)
      # 8.x/9.x report status.overall.level (available, degraded, unavailable, critical)
      if [ -z "$level" ] || [ "$level" = "available" ] || [ "$level" = "degraded" ]; then
        echo "Kibana is up (${level:-status 200})."
        break
      fi
      last="overall status ${level}" ;;
    401|403)
      pretty "$tmp/status.json" >&2 || true
      die "Kibana answered HTTP ${code} on /api/status: set KIBANA_USERNAME/KIBANA_PASSWORD or KIBANA_API_KEY" ;;
    000) last="no connection ($(tr -d '\n' <"$tmp/status.err" | cut -c1-160))" ;;
    *) last="HTTP ${code}" ;;
  esac
  if [ "$(date +%s)" -ge "$deadline" ]; then
    die "Kibana at ${base} was not available within ${wait_seconds}s (last answer: ${last})" 3
  fi
  if [ "$last" != "${previous:-}" ]; then
    echo "  not ready yet: ${last}"
    previous="$last"
  fi
  sleep 5
done

# -------------------------------------------------------------------------------------------------- import
url="${base}${space_path}/api/saved_objects/_import?overwrite=true"
echo "Importing $(grep -c . "$file") saved objects from ${file} into ${base}${space_path} ..."
code="$(curl "${curl_opts[@]}" --max-time 120 -o "$tmp/import.json" -w '%{http_code}' \
          -X POST "$url" -H 'kbn-xsrf: true' --form "file=@${file};type=application/ndjson" \
          2>"$tmp/import.err" || true)"

if [ "$code" = "000" ]; then
  die "import request failed: $(cat "$tmp/import.err")"
fi

echo "Kibana answered HTTP ${code}:"
pretty "$tmp/import.json"

if [ "$code" != "200" ]; then
  die "import failed with HTTP ${code}"
fi
success="$(json_get "$tmp/import.json" '.success')"
count="$(json_get "$tmp/import.json" '.successCount')"
if [ "$success" != "true" ]; then
  die "Kibana reported success=${success:-?} (${count:-0} objects imported); see the errors above"
fi
echo "Imported ${count:-?} objects. Dashboard: ${base}${space_path}/app/dashboards#/view/lore-digest-overview"
