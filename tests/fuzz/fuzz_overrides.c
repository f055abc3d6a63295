/* fuzz_overrides.c — libFuzzer target: any bytes as the newsroom's
 * pronunciation file. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "lexicon.h"
#include "textfile.h"

static const char LEXICON[] = "徐\t10\txu2\n衎\t1\tkan4\n银\t10\tyin2\n行\t10\thang2\n女\t10\tnv3\n"
                              "了\t10\tle5\n略\t10\tlve4\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *devnull;
    struct lexicon *lex;
    char *text = strdup(LEXICON);

    if (!devnull && !(devnull = fopen("/dev/null", "w")))
        abort();
    diag_set_stream(devnull);
    if (!text || !(lex = lexicon_parse("fuzz-lexicon", text, strlen(LEXICON))))
        abort();
    if (textfile_check("fuzz", (const char *)data, size) == 0)
        lexicon_add_overrides_text(lex, "fuzz", (const char *)data, size);
    lexicon_free(lex);
    return 0;
}
