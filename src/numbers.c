/* numbers.c — see numbers.h. */
#include "numbers.h"

#include <string.h>

static const char *const DIGIT[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

static bool all_digits(const char *s, size_t n)
{
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* Reads a group of up to four digits (value 1..9999).  `leading` is true for
 * the number's first group (十五, not 一十五); `liang` as for the whole. */
static void read_group(struct strbuf *out, const int d[4], bool leading, bool liang)
{
    static const char *const UNIT[] = {"千", "百", "十", ""};
    bool pending_zero = false, started = false;

    for (int i = 0; i < 4; i++) {
        if (d[i] == 0) {
            if (started)
                pending_zero = true;
            continue;
        }
        if (pending_zero)
            strbuf_adds(out, "零");
        pending_zero = false;
        if (i == 2 && d[i] == 1 && leading && !started) {
            strbuf_adds(out, "十");            /* 15 十五, not 一十五 */
        } else {
            if (d[i] == 2 && i < 2 && leading && !started && liang)
                strbuf_adds(out, "两");        /* 两千, 两百 */
            else
                strbuf_adds(out, DIGIT[d[i]]);
            strbuf_adds(out, UNIT[i]);
        }
        started = true;
    }
}

bool number_read_cardinal(struct strbuf *out, const char *digits, size_t n, bool liang)
{
    static const char *const BIG[] = {"", "万", "亿", "万亿"};
    int groups[4][4] = {{0}};
    size_t n_groups;
    bool any = false, zero_gap = false;

    if (!all_digits(digits, n))
        return false;
    while (n > 1 && digits[0] == '0')
        digits++, n--;
    if (n > 16)
        return number_read_digits(out, digits, n, false, "零");
    if (n == 1 && digits[0] == '0') {
        strbuf_adds(out, "零");
        return true;
    }
    n_groups = (n + 3) / 4;
    for (size_t i = 0; i < n; i++) {
        size_t pos_from_right = n - 1 - i;
        groups[pos_from_right / 4][3 - pos_from_right % 4] = digits[i] - '0';
    }
    for (size_t g = n_groups; g-- > 0;) {
        const int *d = groups[g];
        int value = d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3];
        if (value == 0) {
            if (any)
                zero_gap = true;
            continue;
        }
        /* A gap of zeros before this group is spoken once: 10005 一万零五. */
        if (any && (zero_gap || d[0] == 0))
            strbuf_adds(out, "零");
        if (!any && value == 2 && g > 0 && liang)
            strbuf_adds(out, "两");            /* 2万 两万, 2亿 两亿 */
        else
            read_group(out, d, !any, liang);
        strbuf_adds(out, BIG[g]);
        any = true;
        zero_gap = false;
    }
    return true;
}

bool number_read_digits(struct strbuf *out, const char *digits, size_t n, bool yao,
                        const char *zero)
{
    if (!all_digits(digits, n))
        return false;
    for (size_t i = 0; i < n; i++) {
        int d = digits[i] - '0';
        strbuf_adds(out, d == 0 ? zero : d == 1 && yao ? "幺" : DIGIT[d]);
    }
    return true;
}

bool number_read_decimal(struct strbuf *out, const char *s, size_t n)
{
    const char *dot = memchr(s, '.', n);

    if (!dot)
        return number_read_cardinal(out, s, n, false);
    if (!number_read_cardinal(out, s, (size_t)(dot - s), false))
        return false;
    strbuf_adds(out, "点");
    return number_read_digits(out, dot + 1, n - (size_t)(dot - s) - 1, false, "零");
}
