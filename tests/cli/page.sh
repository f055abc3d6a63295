# page.sh — the listening page: what a screen-reader user needs is there,
# and axe-core finds no violation, in Debian's headless chromium.
. tests/cli/common.bash

PORT=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$TMP/content" "$TMP/podcast"
cp podcast/channel.conf "$TMP/podcast/"
cp -r tests/editions/mini-a tests/editions/mini-b "$TMP/content/"
if ! $TB build -C "$TMP/content" -o "$TMP/podcast" --cache "$TMP/cache" >"$TMP/build.log" 2>&1; then
    fail build "$(tail -2 "$TMP/build.log")"
    exit 0
fi
$PY -m http.server "$PORT" --bind 127.0.0.1 --directory "$TMP/podcast" >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$TMP"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/index.html" >/dev/null 2>&1 && break; sleep 0.1; done

if $PY - "$TMP/podcast/index.html" <<'PY'
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text, self.attrs = [], [], []
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.append((tag, dict(attrs)))
    def handle_data(self, d):
        self.text.append(d)
p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
html = [a for t, a in p.attrs if t == "html"][0]
assert html["lang"] == "zh-CN", html
links = [a for t, a in p.attrs if t == "a"]
assert links[0].get("href") == "#main", links[0]          # the skip link comes first
assert any(a.get("id") == "main" for t, a in p.attrs if t == "main")
audios = [a for t, a in p.attrs if t == "audio"]
assert len(audios) == 5 and all("controls" in a for a in audios), audios
assert p.tags.count("h3") == 5 and p.tags.count("h2") == 2
assert "script" not in p.tags
text = "".join(p.text)
assert "第1篇：测试<标题>&符号]]>结束" in text
assert "李红梅，代表县工商联" in text
assert "建议增加流动服务车，把金融服务送到村里。" in text    # the transcript text
PY
then pass page-structure; else fail page-structure "see above"; fi

if out=$(cd tests/a11y && timeout 120 node axe_page.mjs "http://127.0.0.1:$PORT/index.html" 2>&1); then
    pass axe-core-no-violations
else
    fail axe-core-no-violations "$out"
fi
echo "# $(printf '%s\n' "$out" | tail -1)"
