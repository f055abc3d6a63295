# feed.sh — the podcast feed as podcast apps read it: served over HTTP on
# 127.0.0.1, parsed by feedparser and by gPodder's podcastparser, checked
# by xmllint; editions added and text edited between builds.
. tests/cli/common.bash

PORT=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
mkdir -p "$TMP/content" "$TMP/podcast"
sed "s#^base_url = .*#base_url = $BASE#" podcast/channel.conf >"$TMP/podcast/channel.conf"
cp -r tests/editions/mini-a "$TMP/content/"
build() { $TB build -C "$TMP/content" -o "$TMP/podcast" --cache "$TMP/cache" >"$TMP/build.log" 2>&1; }

$PY -m http.server "$PORT" --bind 127.0.0.1 --directory "$TMP/podcast" >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$TMP"' EXIT

build || { fail build-first "$(tail -2 "$TMP/build.log")"; exit 0; }
cp "$TMP/podcast/feed.xml" "$TMP/feed-a.xml"
cp -r tests/editions/mini-b "$TMP/content/"
build || { fail build-second "$(tail -2 "$TMP/build.log")"; exit 0; }
pass builds

if xmllint --noout "$TMP/podcast/feed.xml" 2>"$TMP/err"; then pass xmllint; else fail xmllint "$(cat "$TMP/err")"; fi

# Wait for the server, then parse the feed over HTTP with both parsers.
for _ in $(seq 50); do curl -sf "$BASE/feed.xml" >/dev/null 2>&1 && break; sleep 0.1; done
check_feed() {
$PY - "$BASE" "$TMP/podcast" "$1" "$2" <<'PY'
import json, os, subprocess, sys, urllib.request
import feedparser, podcastparser
base, root, old_feed, same = sys.argv[1:]
url = base + "/feed.xml"
f = feedparser.parse(url)
assert not f.bozo, f.bozo_exception
entries = f.entries
assert len(entries) == 5, len(entries)
# Newest edition first; within an edition the whole edition, then page order.
assert [e.id for e in entries] == [
    "tingbao:mini-b:full", "tingbao:mini-b:speech-01",
    "tingbao:mini-a:full", "tingbao:mini-a:speech-01", "tingbao:mini-a:speech-02"], [e.id for e in entries]
assert len({e.id for e in entries}) == 5
assert entries[1].title == "测试<标题>&符号]]>结束", entries[1].title
def probe(path):
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of",
                          "csv=p=0", path], capture_output=True, text=True, check=True).stdout
    return float(out)
for e in entries:
    enc = e.enclosures[0]
    assert enc.type == "audio/ogg", enc
    rel = enc.href[len(base) + 1:]
    path = os.path.join(root, rel)
    assert int(enc.length) == os.path.getsize(path), (enc.href, enc.length)
    assert abs(int(e.itunes_duration) - probe(path)) <= 1, (e.itunes_duration, probe(path))
    # The enclosure over HTTP: complete, the advertised length.
    with urllib.request.urlopen(enc.href) as r:
        body = r.read()
    assert len(body) == int(enc.length) and body[:4] == b"OggS", enc.href
    assert e.published_parsed is not None
# gPodder's parser: every episode has its enclosure and duration.
with urllib.request.urlopen(url) as r:
    pod = podcastparser.parse(url, r)
assert len(pod["episodes"]) == 5
for ep in pod["episodes"]:
    enc = ep["enclosures"][0]
    path = os.path.join(root, enc["url"][len(base) + 1:])
    assert enc["file_size"] == os.path.getsize(path), enc
    assert abs(ep["total_time"] - probe(path)) <= 1, (ep["total_time"], path)
    assert ep["guid"].startswith("tingbao:"), ep["guid"]
# Transcripts and chapters are where the feed says.
raw = urllib.request.urlopen(url).read().decode()
import xml.etree.ElementTree as ET
ns = {"podcast": "https://podcastindex.org/namespace/1.0"}
items = ET.fromstring(raw).findall("channel/item")
for item in items:
    kinds = {t.get("type"): t.get("url") for t in item.findall("podcast:transcript", ns)}
    vtt = urllib.request.urlopen(kinds["text/vtt"]).read().decode()
    assert vtt.startswith("WEBVTT") and "-->" in vtt, kinds
    urllib.request.urlopen(kinds["text/plain"]).read()
full = items[0].find("podcast:chapters", ns)
ch = json.loads(urllib.request.urlopen(full.get("url")).read())
assert ch["version"] == "1.2.0" and ch["chapters"][0]["startTime"] == 0, ch
assert [c["title"] for c in ch["chapters"]][1] == "测试<标题>&符号]]>结束", ch
# The first edition's items are as they were before the second came: the
# same GUIDs and dates, and (unless its text was edited since) the same files.
old = {e.id: (e.published, e.enclosures[0].href) for e in feedparser.parse(old_feed).entries}
assert set(old) <= {e.id for e in entries}
for e in entries:
    if e.id in old:
        assert old[e.id][0] == e.published, e.id
        if same == "same-files":
            assert old[e.id][1] == e.enclosures[0].href, e.id
print("# feedparser: %d items, podcastparser: %d episodes" % (len(entries), len(pod["episodes"])))
PY
}
if check_feed "$TMP/feed-a.xml" same-files; then pass feed-parsers-http; else fail feed-parsers-http "see above"; fi

# Rebuilding changes nothing; editing a speech keeps its GUID and updates
# its length.
sum=$(sha256sum <"$TMP/podcast/feed.xml")
build
if [ "$sum" = "$(sha256sum <"$TMP/podcast/feed.xml")" ]; then pass feed-stable; else fail feed-stable "feed changed on rebuild"; fi
sed -i 's/建议增加流动服务车，把金融服务送/建议增加流动服务车和自助设备，把金融服务送/' "$TMP/content/mini-a/digest.txt"
build
if check_feed "$TMP/feed-a.xml" edited >/dev/null; then pass edit-keeps-guids-updates-lengths; else fail edit-keeps-guids-updates-lengths "see above"; fi

# A missing setting is named, and nothing is written.
sed -i '/^owner_email/d' "$TMP/podcast/channel.conf"
before=$(tree_digest "$TMP/podcast")
expect_bad_input missing-setting "missing setting 'owner_email'" $TB build -C "$TMP/content" -o "$TMP/podcast" --cache "$TMP/cache"
if [ "$before" = "$(tree_digest "$TMP/podcast")" ]; then pass missing-setting-writes-nothing; else fail missing-setting-writes-nothing "podcast/ changed"; fi
