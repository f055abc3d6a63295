/* digest_format.h — printing a parsed digest for people and for programs.
 *
 * The JSON form is an interface other tools rely on: the keys "heading",
 * "credit", "speeches" and, per speech, "title", "speaker", "member",
 * "on_behalf_of" and "paragraphs" keep their names and meaning.  More keys
 * may be added; none is renamed.
 */
#ifndef TINGBAO_DIGEST_FORMAT_H
#define TINGBAO_DIGEST_FORMAT_H

#include <stdio.h>

#include "digest.h"
#include "edition.h"

/* Writes one JSON object (UTF-8, indented, newline at the end).  `e`, when
 * not NULL, adds an "edition" object with its id and date.  Returns 0, or -1
 * after one diagnostic. */
int digest_write_json(FILE *out, const struct digest *d, const struct edition *e);

/* Writes the readable form: heading, then each speech numbered with title,
 * attribution and paragraphs, then the credit.  Returns 0, or -1 after one
 * diagnostic. */
int digest_write_text(FILE *out, const struct digest *d, const struct edition *e);

#endif
