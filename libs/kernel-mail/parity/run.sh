#!/usr/bin/env bash
# Compares kernel-mail's MAINTAINERS mapping with the real scripts/get_maintainer.pl, file by file, for every file
# touched by the patches of the lore-cgroups corpus. Needs perl and a get_maintainer.pl: pass its path, or let the
# script take it from Debian's linux-source package (about 140 MB download).
#   libs/kernel-mail/parity/run.sh [path/to/get_maintainer.pl]
set -euo pipefail
source "$(dirname "$0")/../../../bin/lib.sh"
select_jdk
SHARED="${LORE_SHARED_DIR:-$LORE_ROOT/../shared}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
script="${1:-}"
if [ -z "$script" ]; then
  (cd "$WORK" && apt-get download linux-source-6.1 >/dev/null && dpkg-deb -x linux-source-6.1_*.deb deb \
    && tar -xJf deb/usr/src/linux-source-6.1.tar.xz --wildcards 'linux-source-6.1/scripts/get_maintainer.pl')
  script="$WORK/linux-source-6.1/scripts/get_maintainer.pl"
fi
# get_maintainer.pl insists on the top of a kernel tree; give it one around the MAINTAINERS under test.
tree="$WORK/tree"
mkdir -p "$tree/scripts" && for d in Documentation arch include drivers fs init ipc kernel lib; do mkdir -p "$tree/$d"; done
touch "$tree"/{COPYING,CREDITS,Kbuild,Makefile,README}
cp "$SHARED/data/MAINTAINERS" "$tree/" && cp "$script" "$tree/scripts/get_maintainer.pl"

(cd "$LORE_ROOT" && ./mvnw -q -pl libs/kernel-mail -am package -DskipTests && \
  ./mvnw -q -pl libs/kernel-mail dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt")
"$JAVA_HOME/bin/java" -cp "$LORE_ROOT/libs/kernel-mail/target/kernel-mail-0.1.0-SNAPSHOT.jar:$(cat "$WORK/cp.txt")" \
  "$(dirname "$0")/ListSections.java" "$SHARED/data/MAINTAINERS" "$SHARED/corpus/lore-cgroups" "$WORK/files.txt" "$WORK/java.txt"

while read -r f; do mkdir -p "$tree/$(dirname "$f")"; touch "$tree/$f"; done < "$WORK/files.txt"
(cd "$tree" && while read -r f; do
  echo "== $f"
  perl scripts/get_maintainer.pl --nogit --nogit-fallback --sections -f "$f" 2>/dev/null | grep -vE '^[A-Z]:	|^\s*$' || true
done < "$WORK/files.txt") > "$WORK/perl.txt"

# Sections of equal specificity come out of get_maintainer.pl in Perl hash order, which varies from run to run;
# kernel-mail keeps MAINTAINERS order there. So sets must agree exactly, order only outside such ties.
python3 - "$WORK/java.txt" "$WORK/perl.txt" <<'PY'
import sys
def load(path):
    out, cur = {}, None
    for line in open(path):
        line = line.rstrip("\n")
        if line.startswith("== "):
            cur = line[3:]; out[cur] = []
        elif line.strip():
            out[cur].append(line.strip())
    return out
ours, theirs = load(sys.argv[1]), load(sys.argv[2])
same_set = same_order = 0
for f, mine in ours.items():
    other = theirs.get(f, [])
    same_order += mine == other
    if sorted(mine) == sorted(other):
        same_set += 1
    else:
        print(f"differs: {f}\n  kernel-mail:    {mine}\n  get_maintainer: {other}")
print(f"{len(ours)} files: same sections {same_set}, same order {same_order}")
PY
