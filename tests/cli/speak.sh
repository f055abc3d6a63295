# speak.sh — pronounce and speak from the command line, checked with
# independent tools (Python's json, ffprobe).
. tests/cli/common.bash

if $TB pronounce --json "银行增长92.9亿" >"$TMP/p.json" &&
   $PY - "$TMP/p.json" <<'PY'
import json, sys
t = json.load(open(sys.argv[1], encoding="utf-8"))
assert "".join(x["src"] for x in t) == "银行增长92.9亿", t
by_src = {x["src"]: x for x in t}
assert by_src["银行"]["pinyin"] == "yin2 hang2"
assert by_src["增长"]["pinyin"] == "zeng1 zhang3"
assert by_src["92.9"]["text"] == "九十二点九"
PY
then pass pronounce-json; else fail pronounce-json "tokens differ"; fi

out=$($TB pronounce "一定")
if [ "$out" = "$(printf '一定\nyi2 ding4')" ]; then pass pronounce-readable; else fail pronounce-readable "$out"; fi

if $TB speak -o "$TMP/s.wav" "银行行业增长百分之三十，海外仓Chinagoods平台。" 2>"$TMP/err" &&
   grep -q "0 English fallbacks, 0 unread characters" "$TMP/err"; then
    d=$(ffprobe -v error -show_entries stream=sample_rate,channels,duration -of csv=p=0 "$TMP/s.wav")
    rate=${d%%,*}
    dur=${d##*,}
    if [ "$rate" = 22050 ] && awk -v d="$dur" 'BEGIN { exit !(d > 3 && d < 15) }'; then
        pass speak-wav
    else
        fail speak-wav "ffprobe says $d"
    fi
else
    fail speak-wav "$(cat "$TMP/err")"
fi
expect_bad_input speak-bad-voice "voices/nope.conf" $TB speak -v nope -o "$TMP/x.wav" "你好"
if [ ! -e "$TMP/x.wav" ]; then pass speak-error-writes-nothing; else fail speak-error-writes-nothing "x.wav exists"; fi
