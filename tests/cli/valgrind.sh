# valgrind.sh — a short edition built, split and pronounced under valgrind
# (memcheck, with the worker processes): no error, no leak of ours.
. tests/cli/common.bash

# valgrind and AddressSanitizer do not run together; make check-sanitize
# covers the same ground with ASan.
if [ -n "${TINGBAO_SANITIZED:-}" ]; then
    echo "# valgrind: skipped in the sanitizer build"
    exit 0
fi

VG="valgrind --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite,indirect
    --show-leak-kinds=definite,indirect --trace-children=yes --suppressions=tests/valgrind.supp -q"
mkdir -p "$TMP/content" "$TMP/podcast"
cp podcast/channel.conf "$TMP/podcast/"
cp -r tests/editions/mini-b "$TMP/content/"
for cmd in "split --json tests/editions/mini-a" "pronounce 二〇二一年银行增长8.58%，一定不断Chinagoods" \
           "build -C $TMP/content -o $TMP/podcast --cache $TMP/cache"; do
    name=valgrind-${cmd%% *}
    # shellcheck disable=SC2086
    if $VG $TB $cmd >"$TMP/out" 2>"$TMP/err"; then
        pass "$name"
    else
        fail "$name" "$(grep -m 20 '==' "$TMP/err")"
    fi
done
