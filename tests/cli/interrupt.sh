# interrupt.sh — builds killed at random moments (SIGKILL of the whole
# process group, SIGINT) leave the previous feed and every file it points
# at intact and consistent; the next build finishes the job.  Two builds at
# once: the second refuses with a clear message.
. tests/cli/common.bash

mkdir -p "$TMP/content" "$TMP/podcast"
sed 's#^base_url = .*#base_url = https://example.org/p#' podcast/channel.conf >"$TMP/podcast/channel.conf"
cp -r tests/editions/mini-a tests/editions/mini-b "$TMP/content/"
build() { $TB build -C "$TMP/content" -o "$TMP/podcast" --cache "$TMP/cache" "$@" >"$TMP/build.log" 2>&1; }

consistent() {
$PY - "$TMP/podcast" <<'PY'
import os, sys
import xml.etree.ElementTree as ET
root = sys.argv[1]
feed = ET.parse(os.path.join(root, "feed.xml")).getroot()       # well-formed
ns = {"podcast": "https://podcastindex.org/namespace/1.0"}
items = feed.findall("channel/item")
assert items, "no items"
for item in items:
    enc = item.find("enclosure")
    path = os.path.join(root, enc.get("url")[len("https://example.org/p/"):])
    assert os.path.getsize(path) == int(enc.get("length")), path
    with open(path, "rb") as f:
        assert f.read(4) == b"OggS", path
    for t in item.findall("podcast:transcript", ns):
        assert os.path.exists(os.path.join(root, t.get("url")[len("https://example.org/p/"):])), t.get("url")
PY
}

build || { fail first-build "$(tail -2 "$TMP/build.log")"; exit 0; }
consistent && pass consistent-after-build || fail consistent-after-build "see above"

# Kill builds that have real work to do, at random moments.
bad=0
for round in 1 2 3 4 5 6; do
    sed -i "s/群众办理/群众办理$round/" "$TMP/content/mini-a/digest.txt"
    setsid $TB build -C "$TMP/content" -o "$TMP/podcast" --cache "$TMP/cache" >/dev/null 2>&1 &
    pid=$!
    sleep "0.$((RANDOM % 9 + 1))"
    if [ $((round % 2)) -eq 0 ]; then kill -INT -- -"$pid" 2>/dev/null; else kill -KILL -- -"$pid" 2>/dev/null; fi
    wait "$pid" 2>/dev/null
    while pgrep -g "$pid" >/dev/null 2>&1; do sleep 0.1; done
    consistent >/dev/null 2>&1 || { bad=$((bad + 1)); consistent; }
done
if [ "$bad" -eq 0 ]; then pass killed-builds-leave-consistent-podcast; else fail killed-builds-leave-consistent-podcast "$bad of 6"; fi

if build && consistent && grep -q "群众办理6" "$TMP/podcast/mini-a/"*-02-*.txt &&
   [ -z "$(find "$TMP/podcast" "$TMP/cache" -name '.*.tmp-*')" ]; then
    pass next-build-finishes-the-job
else
    fail next-build-finishes-the-job "$(tail -2 "$TMP/build.log")"
fi

# Two builds at once: the second refuses, the first completes.
sed -i 's/群众办理6/群众办理7/' "$TMP/content/mini-a/digest.txt"
$TB build -C "$TMP/content" -o "$TMP/podcast" --cache "$TMP/cache" >"$TMP/first.log" 2>&1 &
first=$!
for _ in $(seq 50); do [ -s "$TMP/first.log" ] && break; sleep 0.05; done
$TB build -C "$TMP/content" -o "$TMP/podcast" --cache "$TMP/cache" >/dev/null 2>"$TMP/second.err"
second=$?
wait "$first"
first_status=$?
if [ "$second" -eq 1 ] && grep -q "another build is writing this podcast" "$TMP/second.err" &&
   [ "$(wc -l <"$TMP/second.err")" -eq 1 ] && [ "$first_status" -eq 0 ] && consistent; then
    pass concurrent-build-refused
else
    fail concurrent-build-refused "second: $second $(cat "$TMP/second.err"); first: $first_status"
fi

# Names from the text never make paths: a title with ../ and / stays a title.
sed -i 's#^推动农村公路提质增效$#../../推动/农村公路#' "$TMP/content/mini-a/digest.txt"
if build && [ -z "$(find "$TMP" -path "$TMP/podcast" -prune -o -path "$TMP/cache" -prune -o -path "$TMP/content" -prune -o -newer "$TMP/build.log" -print | grep -v "^$TMP$")" ] &&
   grep -q '<title>../../推动/农村公路</title>' "$TMP/podcast/feed.xml" && consistent; then
    pass title-with-slashes-stays-inside
else
    fail title-with-slashes-stays-inside "$(tail -2 "$TMP/build.log")"
fi
