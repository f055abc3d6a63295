/* diag.h — how tingbao reports a problem.
 *
 * Every problem is one line on the diagnostic stream (stderr unless a test
 * redirects it): "tingbao: FILE:LINE: message", or "tingbao: FILE: message"
 * when no line applies, or "tingbao: message" when no file does.  Newsroom
 * staff read these, so a message says what is wrong in their terms (the file
 * and line to open) rather than in the program's.
 */
#ifndef TINGBAO_DIAG_H
#define TINGBAO_DIAG_H

#include <stdio.h>

/* Sends later diagnostics to `stream` (NULL restores stderr). */
void diag_set_stream(FILE *stream);

/* Reports one problem.  `file` may be NULL; `line` <= 0 means "no line". */
void diag_error(const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Reports an allocation failure (kept separate so every caller can say it in
 * one short call after a NULL from malloc). */
void diag_oom(void);

#endif
