/* digest.h — stage 1 of the pipeline: a printed digest page → speeches.
 *
 * The input is the text of a newspaper page as extracted from its layout:
 * lines wrapped at the column width, blank lines both between paragraphs and
 * at column breaks (even in mid-sentence), spaces between the characters of
 * justified lines, each speech's title and attribution line printed after its
 * body, the page heading between two speeches, and the editors' credit last.
 * digest_parse() recovers the edition's structure from that; nothing in it
 * knows about audio.
 *
 * Every Han character of the input lands in exactly one field of the result
 * (paragraphs, title lines, attribution, heading lines, credit), in page
 * order within each field; the source line numbers below let a caller put the
 * fields back in page order.
 */
#ifndef TINGBAO_DIGEST_H
#define TINGBAO_DIGEST_H

#include <stdbool.h>
#include <stddef.h>

struct digest_paragraph {
    char *text;         /* lines joined, layout spaces removed */
    long line;          /* source line of its first character */
};

struct digest_speech {
    char **title_lines; /* as printed, ends trimmed, inner spaces collapsed */
    long *title_line_nos;
    size_t n_title_lines;
    char *title;        /* title lines joined by one space */
    char *attribution;  /* the attribution line, spaces removed */
    long attribution_line;
    char *speaker;      /* name only */
    bool member;        /* 委员 */
    char *on_behalf_of; /* whom the speech is made for (after 代表), or NULL */
    struct digest_paragraph *paragraphs;
    size_t n_paragraphs;
};

struct digest {
    char **heading;     /* page heading lines; a subtitle's leading —— dropped */
    long *heading_line_nos;
    size_t n_heading;
    char *credit;       /* editors' credit, or NULL if the page has none */
    long credit_line;
    struct digest_speech *speeches;
    size_t n_speeches;
};

/* The longest line accepted: a printed column is well under 100 bytes, and a
 * whole unwrapped paragraph under 4 KiB.  Longer lines mean the wrong file. */
#define DIGEST_MAX_LINE_BYTES 8192
/* The largest digest accepted (a page is about 15 KB). */
#define DIGEST_MAX_BYTES (4u << 20)

/* Parses text[0..len), which must have passed textfile_check().  `name`
 * (usually the file's path) is used in diagnostics.  On success fills *d and
 * returns 0; on failure reports one line ("name:line: what is wrong") and
 * returns -1, leaving *d empty.  Fails when the text is empty, has no
 * attribution line (…的发言), has a speech without title or body, has text
 * after the last attribution that is neither the heading nor the credit, or
 * has a line longer than DIGEST_MAX_LINE_BYTES. */
int digest_parse(const char *name, const char *text, size_t len, struct digest *d);

/* Reads `path` (see textfile_read) and parses it.  Returns 0 or -1. */
int digest_load(const char *path, struct digest *d);

void digest_free(struct digest *d);

#endif
