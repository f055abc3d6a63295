# tests/cli/common.bash — sourced by the CLI test scripts: TAP-like "ok NAME" /
# "not ok NAME" lines that tests/run counts.
TB=${TB:-./tingbao}
PY=/usr/bin/python3          # Debian's, which has the feed parsers
TMP=$(mktemp -d /tmp/tingbao-cli-XXXXXX)
trap 'rm -rf "$TMP"' EXIT

pass() { echo "ok $1"; }
fail() { echo "not ok $1: $2"; }

# expect_bad_input NAME FILE-SHOWN CMD...: exit status 1, exactly one line on
# stderr, naming FILE-SHOWN.
expect_bad_input() {
    local name=$1 shown=$2
    shift 2
    "$@" >"$TMP/out" 2>"$TMP/err"
    local status=$? lines
    lines=$(wc -l <"$TMP/err")
    if [ "$status" -ne 1 ]; then
        fail "$name" "exit status $status, wanted 1"
    elif [ "$lines" -ne 1 ]; then
        fail "$name" "$lines lines on stderr, wanted 1: $(cat "$TMP/err")"
    elif ! grep -qF -- "$shown" "$TMP/err"; then
        fail "$name" "stderr does not name $shown: $(cat "$TMP/err")"
    else
        pass "$name"
    fi
}

# tree_digest DIR: one line that changes when any file under DIR changes.
tree_digest() {
    (cd "$1" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum) | sha256sum
}
