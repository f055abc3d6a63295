/* fuzz_normalize.c — libFuzzer target: any valid UTF-8 through the
 * normalizer and the pinyin stage (with a small lexicon), checking that the
 * tokens cover the input exactly. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "lexicon.h"
#include "normalize.h"
#include "pinyin.h"
#include "textfile.h"

static const char LEXICON[] =
    "一\t100\tyi1\n不\t100\tbu4\n银\t10\tyin2\n行\t10\txing2\n银行\t50\tyin2 hang2\n"
    "十\t10\tshi2\n百\t10\tbai3\n千\t10\tqian1\n万\t10\twan4\n亿\t10\tyi4\n点\t10\tdian3\n"
    "零\t10\tling2\n〇\t1\tling2\n二\t10\ter4\n两\t10\tliang3\n三\t10\tsan1\n四\t10\tsi4\n"
    "五\t10\twu3\n六\t10\tliu4\n七\t10\tqi1\n八\t10\tba1\n九\t10\tjiu3\n分\t10\tfen1\n"
    "之\t10\tzhi1\n年\t10\tnian2\n定\t10\tding4\n第\t10\tdi4\n个\t10\tge4\n幺\t1\tyao1\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *devnull;
    static struct lexicon *lex;
    struct token_list tl = {0};
    size_t covered = 0;

    if (!devnull && !(devnull = fopen("/dev/null", "w")))
        abort();
    diag_set_stream(devnull);
    if (!lex) {
        char *text = strdup(LEXICON);
        if (!text || !(lex = lexicon_parse("fuzz-lexicon", text, strlen(LEXICON))))
            abort();
    }
    if (textfile_check("fuzz", (const char *)data, size) != 0)
        return 0;
    if (normalize((const char *)data, size, &tl) != 0)
        return 0;
    for (size_t i = 0; i < tl.n; i++) {
        if (tl.v[i].src != covered)
            abort();                 /* every byte in exactly one token, in order */
        covered += tl.v[i].src_len;
    }
    if (covered != size)
        abort();
    if (pinyin_assign(lex, &tl) == 0)
        token_list_free(&tl);
    return 0;
}
