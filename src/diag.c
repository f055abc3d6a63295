/* diag.c — one-line problem reports; see diag.h. */
#include "diag.h"

#include <stdarg.h>

static FILE *diag_stream;

void diag_set_stream(FILE *stream) { diag_stream = stream; }

void diag_error(const char *file, long line, const char *fmt, ...)
{
    FILE *out = diag_stream ? diag_stream : stderr;
    va_list ap;

    fputs("tingbao: ", out);
    if (file && line > 0)
        fprintf(out, "%s:%ld: ", file, line);
    else if (file)
        fprintf(out, "%s: ", file);
    va_start(ap, fmt);
    vfprintf(out, fmt, ap);
    va_end(ap);
    fputc('\n', out);
    fflush(out);
}

void diag_oom(void) { diag_error(NULL, 0, "out of memory"); }
