/* utf8.h — decoding UTF-8 and the character classes a Chinese page needs.
 *
 * All text inside tingbao is UTF-8 that has passed utf8_validate(); the
 * decoders below still never read past the length they are given.
 */
#ifndef TINGBAO_UTF8_H
#define TINGBAO_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes the code point at s[0..n).  Returns its length in bytes (1-4) and
 * stores it in *cp, or returns 0 when the bytes are not well-formed UTF-8
 * (truncated, overlong, a surrogate, beyond U+10FFFF) or n is 0. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Returns the offset of the first byte that does not start a well-formed
 * sequence, or n when all of s[0..n) is well-formed. */
size_t utf8_validate(const char *s, size_t n);

/* Decodes the code point that ends at s[n-1] (s[0..n) well-formed, n > 0);
 * returns its length in bytes. */
size_t utf8_decode_last(const char *s, size_t n, uint32_t *cp);

/* Appends the UTF-8 form of cp to out (room for 4 bytes); returns its length. */
size_t utf8_encode(uint32_t cp, char *out);

/* Han ideographs (Unicode script Han: unified, extensions, compatibility,
 * plus 々 and 〇), the characters the front end gives a syllable each. */
bool utf8_is_han(uint32_t cp);

/* Characters set in a full-width cell on a Chinese page: Han, CJK
 * punctuation and symbols, kana, full-width forms, and the dashes, quotes and
 * ellipsis that Chinese typesetting sets full width. */
bool utf8_is_wide(uint32_t cp);

/* Blank characters inside a line: space, tab, no-break space, U+3000. */
bool utf8_is_blank(uint32_t cp);

/* Counts the Han characters in s[0..n). */
size_t utf8_count_han(const char *s, size_t n);

#endif
