# split_and_build.sh — the command line as staff and other tools use it.
. tests/cli/common.bash

SEED=content/yiwu-cppcc-14-1

if $TB --version | grep -qx 'tingbao [0-9.]*'; then pass version; else fail version "$($TB --version)"; fi
if $TB --help | grep -q '^  split ' && $TB split --help | grep -q -- '--json'; then
    pass help
else
    fail help "help does not list split"
fi
$TB frobnicate >/dev/null 2>"$TMP/err"
if [ $? -eq 2 ] && grep -q "not a command" "$TMP/err"; then pass unknown-command; else fail unknown-command "$(cat "$TMP/err")"; fi

# The JSON form, read by an independent parser, with the documented keys.
if $TB split --json "$SEED" >"$TMP/seed.json" &&
   $PY - "$TMP/seed.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["heading"] == ["参政议政谋发展 建言献策出实招", "义乌市政协十四届一次会议大会发言摘要"], d["heading"]
assert d["credit"] == "全媒体记者 龚盈盈 林晓燕(整理)"
s = d["speeches"]
assert len(s) == 9, len(s)
assert [x["speaker"] for x in s] == ["吴永建", "余爱军", "王焕英", "邓鹏辉", "徐衎", "何海舟", "何志强", "陈建峰", "蒋微"]
assert [x["member"] for x in s] == [True, True, True, False, True, True, True, True, True]
assert s[0]["title"] == "竞逐企业数字化赛道 构建智造发展新格局"
assert s[0]["on_behalf_of"] == "民革义乌市基层委员会"
assert all(isinstance(p, str) and p for x in s for p in x["paragraphs"])
assert d["edition"] == {"id": "yiwu-cppcc-14-1", "date": "2022-01-10"}
PY
then pass split-json; else fail split-json "JSON form differs"; fi

if $TB split "$SEED/digest.txt" >"$TMP/seed.txt" && grep -q '^9\. 推进义乌海外仓 高水平建设$' "$TMP/seed.txt" &&
   grep -q '^   邓鹏辉，代表民进义乌市基层委员会$' "$TMP/seed.txt"; then
    pass split-readable
else
    fail split-readable "readable form lacks speech 9 or 邓鹏辉's line"
fi

# Bad input: one line naming the file, exit status 1.
printf '第一行\n\xD2\xE5\xCE\xDA\n' >"$TMP/gbk.txt"
expect_bad_input not-utf8 "$TMP/gbk.txt:2:" $TB split "$TMP/gbk.txt"
: >"$TMP/empty.txt"
expect_bad_input empty "$TMP/empty.txt" $TB split "$TMP/empty.txt"
printf '这是正文。\n\n还是正文。\n' >"$TMP/none.txt"
expect_bad_input no-speeches "$TMP/none.txt" $TB split --json "$TMP/none.txt"
head -c 2097152 /dev/zero | tr '\0' 'x' >"$TMP/long.txt"
expect_bad_input long-line "$TMP/long.txt:1:" $TB split "$TMP/long.txt"
{ cat "$SEED/digest.txt"; printf '\n多出来的一段正文，没有标题。\n'; } >"$TMP/tail.txt"
expect_bad_input body-after-last "$TMP/tail.txt:386:" $TB split "$TMP/tail.txt"
expect_bad_input missing-file "$TMP/nope.txt" $TB split "$TMP/nope.txt"

# build: writes every edition; a broken edition changes nothing under the
# output folder.
mkdir -p "$TMP/content" "$TMP/podcast"
cp -r "$SEED" "$TMP/content/"
cp podcast/channel.conf "$TMP/podcast/"
if $TB build -C "$TMP/content" -o "$TMP/podcast" --cache "$TMP/cache" >/dev/null &&
   $PY -c 'import json,sys; assert len(json.load(open(sys.argv[1]))["speeches"]) == 9' \
       "$TMP/podcast/yiwu-cppcc-14-1/edition.json" &&
   [ -z "$(find "$TMP/podcast" -name '.*tmp*')" ]; then
    pass build-writes-edition
else
    fail build-writes-edition "no edition.json, or a temporary file left behind"
fi
before=$(tree_digest "$TMP/podcast")
mkdir "$TMP/content/second"
printf 'id = second\ndate = 2022-13-01\n' >"$TMP/content/second/edition.conf"
cp "$SEED/digest.txt" "$TMP/content/second/"
expect_bad_input build-bad-date "$TMP/content/second/edition.conf:2:" $TB build -C "$TMP/content" -o "$TMP/podcast" --cache "$TMP/cache"
printf 'id = second\ndate = 2022-12-01\n' >"$TMP/content/second/edition.conf"
printf '正文。\n\n标题\n\n张三委员代表某某的发言\n\n多余的正文。\n' >"$TMP/content/second/digest.txt"
expect_bad_input build-bad-digest "$TMP/content/second/digest.txt:7:" $TB build -C "$TMP/content" -o "$TMP/podcast" --cache "$TMP/cache"
if [ "$before" = "$(tree_digest "$TMP/podcast")" ]; then pass build-error-keeps-outputs; else fail build-error-keeps-outputs "podcast/ changed"; fi
if [ "$(tree_digest "$SEED")" = "$(tree_digest "$TMP/content/yiwu-cppcc-14-1")" ]; then pass build-keeps-content; else fail build-keeps-content "content changed"; fi
