/* fuzz_digest.c — libFuzzer target: any bytes through the digest parser
 * (the checks every staff file gets, then the layout analysis). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "digest.h"
#include "textfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *devnull;
    struct digest d;

    if (!devnull && !(devnull = fopen("/dev/null", "w")))
        abort();
    diag_set_stream(devnull);
    if (textfile_check("fuzz", (const char *)data, size) != 0)
        return 0;
    if (digest_parse("fuzz", (const char *)data, size, &d) == 0)
        digest_free(&d);
    return 0;
}
