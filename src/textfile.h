/* textfile.h — reading the text files staff edit (digests, settings,
 * pronunciation overrides) with the checks every one of them needs.
 */
#ifndef TINGBAO_TEXTFILE_H
#define TINGBAO_TEXTFILE_H

#include <stddef.h>

/* Reads all of `path` into a NUL-terminated buffer (*text, *len; the caller
 * frees *text).  A leading byte-order mark is dropped.  Fails, with one
 * diagnostic naming the file (and the line, for content problems), when the
 * file cannot be read, is larger than max_bytes, is not UTF-8, or contains a
 * control character other than tab, CR and LF.  Returns 0 or -1. */
int textfile_read(const char *path, size_t max_bytes, char **text, size_t *len);

/* The same checks on a buffer already in memory; `name` is used in the
 * diagnostics.  Returns 0 or -1. */
int textfile_check(const char *name, const char *text, size_t len);

#endif
