# episodes.sh — the Ogg episodes of the seed edition, checked as a listener's
# player would see them: ogginfo, ffprobe (chapters, tags, durations) and
# ffmpeg's EBU R 128 meter (loudness, true peak, silences).
. tests/cli/common.bash

SEED=content/yiwu-cppcc-14-1
ID=yiwu-cppcc-14-1
mkdir -p "$TMP/content" "$TMP/podcast"
cp -r "$SEED" "$TMP/content/"
cp podcast/channel.conf "$TMP/podcast/"
if ! $TB build -C "$TMP/content" -o "$TMP/podcast" --cache "$TMP/cache" >"$TMP/build.log" 2>&1; then
    fail build "$(tail -3 "$TMP/build.log")"
    exit 0
fi
pass build
OUT=$TMP/podcast/$ID

bad=$(for f in "$OUT"/*.ogg; do ogginfo "$f" | grep -iE 'warning|error' | sed "s|^|$(basename "$f"): |"; done)
if [ -z "$bad" ] && [ "$(ls "$OUT"/*.ogg | wc -l)" -eq 10 ]; then pass ogginfo-clean; else fail ogginfo-clean "$bad"; fi

# Loudness and true peak of every episode, by ffmpeg's own meter.
report=""
for f in "$OUT"/*.ogg; do
    m=$(ffmpeg -hide_banner -nostats -i "$f" -af ebur128=peak=true -f null - 2>&1 | sed -n '/Summary/,$p')
    i=$(printf '%s\n' "$m" | awk '$1 == "I:" { print $2 }')
    p=$(printf '%s\n' "$m" | awk '$1 == "Peak:" { print $2 }')
    report="$report $(basename "$f"):$i/$p"
    if ! awk -v i="$i" -v p="$p" 'BEGIN { exit !(i >= -17 && i <= -15 && p <= -1) }'; then
        fail "loudness $(basename "$f")" "I=$i LUFS, true peak $p dBTP"
        continue
    fi
done
pass "loudness-all-episodes"
echo "# measured (LUFS/dBTP):$report"

# No leading or trailing silence over 1 s, none over 2 s inside.
for f in "$OUT"/"$ID"-full-*.ogg "$OUT"/"$ID"-01-*.ogg; do
    long=$(ffmpeg -hide_banner -nostats -i "$f" -af silencedetect=n=-50dB:d=2 -f null - 2>&1 | grep -c silence_start)
    d=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$f")
    edges=$(ffmpeg -hide_banner -nostats -i "$f" -af silencedetect=n=-50dB:d=1 -f null - 2>&1 |
        awk -v d="$d" '/silence_start/ { s = $NF; if (s < 0.01) print "lead" } /silence_end/ { if ($5 > d - 0.01) print "trail" }')
    if [ "$long" -eq 0 ] && [ -z "$edges" ]; then pass "silences $(basename "$f")"; else fail "silences $(basename "$f")" "$long long silences; $edges"; fi
done

# Chapters, tags and durations, from ffprobe.
for f in "$OUT"/*.ogg; do
    ffprobe -v error -show_format -show_chapters -show_streams -of json "$f" >"$TMP/$(basename "$f").json" || fail ffprobe "$f"
done
if $PY - "$TMP" "$ID" "$TMP/podcast/$ID/edition.json" "$TMP/cache/$ID" <<'PY'
import json, sys, os, glob
out, ident, edition, cache = sys.argv[1:]
ed = json.load(open(edition, encoding="utf-8"))
full = json.load(open(glob.glob(os.path.join(out, f"{ident}-full-*.ogg.json"))[0], encoding="utf-8"))
titles = [c["tags"]["title"] for c in full["chapters"]]
want = [ed["heading"][0]] + [s["title"] for s in ed["speeches"]] + ["结束语"]
assert titles == want, titles
# Chapter starts: the cumulative lengths of the chapters' audio.
lengths = []
for name in ["opening"] + [f"speech-{i:02d}" for i in range(1, 10)] + ["closing"]:
    import struct
    with open(glob.glob(os.path.join(cache, name + "-*.wav"))[0], "rb") as w:
        data = w.read()
    # WAV float: frames = data chunk size / 4 at 22050 Hz
    i = data.find(b"data")
    size = struct.unpack("<I", data[i + 4:i + 8])[0]
    lengths.append(size / 4 / 22050)
t = 0.0
for c, l in zip(full["chapters"], lengths):
    assert abs(float(c["start_time"]) - t) < 0.002, (c["start_time"], t)
    t += l
# Each speech chapter starts with its intro, as the transcript records.
for n, s in enumerate(ed["speeches"], 1):
    first = open(glob.glob(os.path.join(cache, f"speech-{n:02d}-*.wav.tsv"))[0], encoding="utf-8").readline().split("\t")
    assert float(first[0]) < 0.1, first
    assert first[2].startswith("第"), first
# Durations add up: the speech episodes plus opening and closing make the whole.
total = float(full["format"]["duration"])
parts = sum(float(json.load(open(p, encoding="utf-8"))["format"]["duration"])
            for p in sorted(glob.glob(os.path.join(out, f"{ident}-0*.ogg.json"))))
# (a speech cut from the whole edition may start up to one Vorbis block early)
assert abs(parts + lengths[0] + lengths[-1] - total) < 0.1 * 9, (parts, total)
# Tags of one speech episode and of the whole edition.
tags = {k.upper(): v for k, v in json.load(open(glob.glob(os.path.join(out, f"{ident}-04-*.ogg.json"))[0], encoding="utf-8"))["streams"][0]["tags"].items()}
assert tags["TITLE"] == "关于加快推进我市模具产业集群发展的建议", tags
assert tags["ARTIST"] == "邓鹏辉" and tags["TRACK"] == "4" or tags.get("TRACKNUMBER") == "4", tags
assert tags["ALBUM"] == "义乌市政协十四届一次会议大会发言摘要" and tags["DATE"] == "2022-01-10", tags
assert tags["LANGUAGE"] == "zh" and tags["GENRE"] == "Speech", tags
st = full["streams"][0]
assert st["codec_name"] == "vorbis" and st["sample_rate"] == "22050" and st["channels"] == 1, st
PY
then pass chapters-tags-durations; else fail chapters-tags-durations "see the assertion above"; fi

# Same input, byte-identical output: a second build from scratch, elsewhere.
mkdir -p "$TMP/again"
cp podcast/channel.conf "$TMP/again/"
$TB build -C "$TMP/content" -o "$TMP/again" --cache "$TMP/cache2" -j 1 >/dev/null 2>&1
if [ "$(cd "$OUT" && sha256sum *.ogg)" = "$(cd "$TMP/again/$ID" && sha256sum *.ogg)" ]; then
    pass byte-identical-rebuild
else
    fail byte-identical-rebuild "episodes differ between two builds"
fi
