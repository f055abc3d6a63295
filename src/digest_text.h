/* digest_text.h — rebuilding clean text from the lines of a printed page.
 * Internal to the digest stage (digest_layout.c uses it; tests check it).
 */
#ifndef TINGBAO_DIGEST_TEXT_H
#define TINGBAO_DIGEST_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* A source line with its ends trimmed. */
struct digest_line {
    const char *s;
    size_t len;
    long no;        /* 1-based line number in the source */
    double width;   /* printed width in full-width cells (see digest_text_width) */
};

/* Printed width of s[0..n) in cells: a Han character, dash or ellipsis
 * counts 1; CJK punctuation and quotes 1/2 (compressed, as typeset); digits
 * and Latin letters 1/2; a blank next to a digit or Latin letter 1/2 (the
 * space set around numbers), other blanks 0 (they are justification). */
double digest_text_width(const char *s, size_t n);

/* True when the line ends a sentence: its last character, after closing
 * quotes and brackets, is 。！？；… or an ASCII ! ? ; */
bool digest_ends_sentence(const char *s, size_t n);

/* True when the line contains a sentence or clause mark (，。；：！？、 and
 * their ASCII forms), which headings, titles and credits never do. */
bool digest_has_clause_mark(const char *s, size_t n);

/* Joins lines into one paragraph: a line break becomes nothing, except
 * between two Latin letters (a space); then every run of blanks next to a
 * full-width character is dropped (justification, and the spaces set around
 * numbers: "近 2 万" → "近2万") and any other run becomes one space.
 * Returns a new string, or NULL when memory runs out. */
char *digest_join_lines(const struct digest_line *lines, size_t n);

/* One line with inner blank runs collapsed to one space (titles, credit:
 * there a space separates the parts of a headline).  NULL on OOM. */
char *digest_collapse_blanks(const char *s, size_t n);

/* One line with every blank removed (attribution lines).  NULL on OOM. */
char *digest_remove_blanks(const char *s, size_t n);

#endif
