/* textfile.c — see textfile.h. */
#include "textfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "utf8.h"

static long line_of(const char *text, size_t off)
{
    long line = 1;
    for (size_t i = 0; i < off; i++)
        line += text[i] == '\n';
    return line;
}

int textfile_check(const char *name, const char *text, size_t len)
{
    size_t bad = utf8_validate(text, len);

    if (bad < len) {
        diag_error(name, line_of(text, bad),
                   "not UTF-8 text (byte 0x%02X); save the file as UTF-8",
                   (unsigned char)text[bad]);
        return -1;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F) {
            diag_error(name, line_of(text, i),
                       "control character U+%04X in the text", c);
            return -1;
        }
    }
    return 0;
}

int textfile_read(const char *path, size_t max_bytes, char **text, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t n = 0, cap = 0;

    if (!f) {
        diag_error(path, 0, "cannot open: %s", strerror(errno));
        return -1;
    }
    for (;;) {
        size_t got;
        if (cap - n < 4096) {
            size_t ncap = cap ? cap * 2 : 65536;
            char *nb;
            if (cap > max_bytes + 1)
                break;
            nb = realloc(buf, ncap + 1);
            if (!nb) {
                diag_oom();
                goto fail;
            }
            buf = nb;
            cap = ncap;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        diag_error(path, 0, "cannot read: %s", strerror(errno));
        goto fail;
    }
    if (n > max_bytes) {
        diag_error(path, 0, "file is larger than %zu bytes; is it the right file?", max_bytes);
        goto fail;
    }
    if (fclose(f) != 0) {
        f = NULL;
        diag_error(path, 0, "cannot read: %s", strerror(errno));
        goto fail;
    }
    f = NULL;
    if (!buf && !(buf = malloc(1))) {
        diag_oom();
        goto fail;
    }
    buf[n] = '\0';
    if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        memmove(buf, buf + 3, n - 3 + 1);
        n -= 3;
    }
    if (textfile_check(path, buf, n) != 0)
        goto fail;
    *text = buf;
    *len = n;
    return 0;
fail:
    if (f)
        fclose(f);
    free(buf);
    return -1;
}
