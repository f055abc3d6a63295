/* digest_text.c — see digest_text.h. */
#include "digest_text.h"

#include <string.h>

#include "strbuf.h"
#include "utf8.h"

/* Chinese typesetting sets these in half a cell when they meet the end of a
 * line or each other; the seed's full lines are 15 cells only if they count
 * 1/2 (量之一。目前，我市按照“数字化车 is 16 characters in a 15-cell column). */
static bool is_compressed_punctuation(uint32_t c)
{
    return c == 0x3001 || c == 0x3002 || c == 0xFF0C || c == 0xFF1B ||
           c == 0xFF1A || c == 0xFF1F || c == 0xFF01 || c == 0x201C ||
           c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0xFF08 ||
           c == 0xFF09 || (c >= 0x3008 && c <= 0x3011) || c == 0x00B7;
}

static bool is_ascii_alnum(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

double digest_text_width(const char *s, size_t n)
{
    double w = 0;
    size_t i = 0;
    uint32_t cp, prev = 0;

    while (i < n) {
        size_t len = utf8_decode(s + i, n - i, &cp);
        if (len == 0)
            len = 1, cp = '?';
        if (utf8_is_blank(cp)) {
            /* The space set around a number or Latin word takes room (a
             * quarter em each side, about half a cell for the pair as
             * extracted); spaces between Han characters are justification
             * and take none. */
            size_t j = i + len;
            uint32_t next = 0;
            while (j < n) {
                size_t l2 = utf8_decode(s + j, n - j, &next);
                if (l2 == 0 || !utf8_is_blank(next))
                    break;
                j += l2;
            }
            if (is_ascii_alnum(prev) || (j < n && is_ascii_alnum(next)))
                w += 0.5;
            i = j;
            continue;
        }
        if (is_compressed_punctuation(cp))
            w += 0.5;
        else if (utf8_is_wide(cp))
            w += 1;
        else
            w += 0.5;
        prev = cp;
        i += len;
    }
    return w;
}

static bool is_closing(uint32_t c)
{
    return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F ||
           c == 0xFF09 || c == ')' || c == 0x300B || c == 0x3009 ||
           c == 0x3011 || c == '"' || c == '\'';
}

bool digest_ends_sentence(const char *s, size_t n)
{
    uint32_t c;

    while (n > 0) {
        n -= utf8_decode_last(s, n, &c);
        if (is_closing(c) || utf8_is_blank(c))
            continue;
        return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B ||
               c == 0x2026 || c == '!' || c == '?' || c == ';';
    }
    return false;
}

bool digest_has_clause_mark(const char *s, size_t n)
{
    size_t i = 0;
    uint32_t c;

    while (i < n) {
        size_t len = utf8_decode(s + i, n - i, &c);
        if (len == 0)
            return false;
        if (c == 0xFF0C || c == 0x3002 || c == 0xFF1B || c == 0xFF1A ||
            c == 0xFF01 || c == 0xFF1F || c == 0x3001 || c == ',' ||
            c == ';' || c == ':' || c == '!' || c == '?')
            return true;
        i += len;
    }
    return false;
}

static bool is_latin_letter(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Copies s[0..n) into out, treating each run of blanks by the rule given:
 * dropped when `drop_all` or when a neighbour is full width or it is at an
 * end; otherwise one ASCII space. */
static void copy_blanks_cleaned(struct strbuf *out, const char *s, size_t n,
                                bool drop_all, bool keep_between_wide)
{
    size_t i = 0;
    uint32_t prev = 0, c;
    bool have_prev = false;

    while (i < n) {
        size_t len = utf8_decode(s + i, n - i, &c);
        if (len == 0)
            len = 1, c = (unsigned char)s[i];
        if (utf8_is_blank(c)) {
            size_t j = i + len;
            uint32_t next = 0;
            bool have_next = false;
            while (j < n) {
                size_t l2 = utf8_decode(s + j, n - j, &next);
                if (l2 == 0)
                    l2 = 1, next = (unsigned char)s[j];
                if (!utf8_is_blank(next)) {
                    have_next = true;
                    break;
                }
                j += l2;
            }
            if (!drop_all && have_prev && have_next &&
                (keep_between_wide || (!utf8_is_wide(prev) && !utf8_is_wide(next))))
                strbuf_add(out, " ", 1);
            i = j;
            continue;
        }
        strbuf_add(out, s + i, len);
        prev = c;
        have_prev = true;
        i += len;
    }
}

char *digest_join_lines(const struct digest_line *lines, size_t n)
{
    struct strbuf joined = STRBUF_INIT, out = STRBUF_INIT;
    char *text;

    for (size_t k = 0; k < n; k++) {
        if (k > 0 && joined.len > 0 && lines[k].len > 0) {
            uint32_t last, first;
            utf8_decode_last(joined.s, joined.len, &last);
            if (utf8_decode(lines[k].s, lines[k].len, &first) == 0)
                first = 0;
            if (is_latin_letter(last) && is_latin_letter(first))
                strbuf_add(&joined, " ", 1);
        }
        strbuf_add(&joined, lines[k].s, lines[k].len);
    }
    if (joined.failed) {
        strbuf_release(&joined);
        return NULL;
    }
    copy_blanks_cleaned(&out, joined.s ? joined.s : "", joined.len, false, false);
    strbuf_release(&joined);
    text = strbuf_detach(&out);
    return text;
}

char *digest_collapse_blanks(const char *s, size_t n)
{
    struct strbuf out = STRBUF_INIT;
    copy_blanks_cleaned(&out, s, n, false, true);
    return strbuf_detach(&out);
}

char *digest_remove_blanks(const char *s, size_t n)
{
    struct strbuf out = STRBUF_INIT;
    copy_blanks_cleaned(&out, s, n, true, false);
    return strbuf_detach(&out);
}
