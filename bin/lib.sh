# Shared helpers for bin/ scripts. Sourced, not executed.

LORE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

die() { echo "error: $*" >&2; exit 1; }
say() { echo "==> $*"; }

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}'; }

# Exports JAVA_HOME pointing at a JDK >= 21: the current JAVA_HOME if good enough, else the newest under /usr/lib/jvm.
select_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  local best="" best_version=0 candidate version
  for candidate in /usr/lib/jvm/*/ /opt/java/*/ "$HOME"/.sdkman/candidates/java/*/; do
    [ -x "${candidate}bin/javac" ] || continue
    version="$(java_major "${candidate%/}")"
    if [ -n "$version" ] && [ "$version" -ge 21 ] 2>/dev/null && [ "$version" -gt "$best_version" ]; then
      best="${candidate%/}"; best_version="$version"
    fi
  done
  [ -n "$best" ] || die "no JDK 21 or newer found; install one (e.g. Temurin 21+) and set JAVA_HOME"
  export JAVA_HOME="$best"
}

# public-inbox is needed by the ingest tests (a real public-inbox-httpd serves the test inbox).
ensure_public_inbox() {
  command -v public-inbox-httpd >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing public-inbox (Debian package)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq public-inbox >/dev/null \
      || die "apt-get install public-inbox failed"
  else
    die "public-inbox is not installed: run 'sudo apt-get install -y public-inbox'"
  fi
}

# Chromium opens the HTML digests in the escaping tests; without it those tests are skipped (with a message).
ensure_chromium() {
  command -v chromium >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing chromium (Debian package)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
      || die "apt-get install chromium failed"
  else
    echo "warning: chromium is not installed ('sudo apt-get install -y chromium'); the browser escaping tests will be skipped" >&2
  fi
}
