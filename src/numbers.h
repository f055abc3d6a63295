/* numbers.h — reading numbers the way a Chinese newsreader does.
 * Internal to the normalizer (normalize.c); tests check it directly.
 * Each function appends Han characters to `out`.
 */
#ifndef TINGBAO_NUMBERS_H
#define TINGBAO_NUMBERS_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

/* An integer given as ASCII digits (leading zeros ignored), read as a
 * quantity: 10 十, 15 十五, 110 一百一十, 1005 一千零五, 20000 两万,
 * 1500 一千五百, 100010000 一亿零一万.  `liang` reads a leading 2 before
 * 百/千/万/亿 as 两 (两千, 两万); a bare 2 is 二 (the caller decides 两个).
 * More than 16 digits are read digit by digit.  Returns false if `digits`
 * is empty or not all digits. */
bool number_read_cardinal(struct strbuf *out, const char *digits, size_t n, bool liang);

/* Digit by digit: years (2021 二〇二一, with `zero` "〇") and codes; with
 * `yao`, 1 is 幺 as in phone numbers (12345 幺二三四五). */
bool number_read_digits(struct strbuf *out, const char *digits, size_t n, bool yao,
                        const char *zero);

/* A decimal "92.9" → 九十二点九, "0.5" → 零点五, "8.58" → 八点五八. */
bool number_read_decimal(struct strbuf *out, const char *s, size_t n);

#endif
