/* normalize.c — see normalize.h.
 *
 * The input is decoded into characters with full-width digits, letters and
 * number signs folded to ASCII (１２３ → 123, ％ → %), then scanned left to
 * right.  A number is read by looking at its shape (decimal, percent, range,
 * time, fraction, phone) and at the characters around it (第 before it, 年
 * or a measure word after it, 电话 before it): that context is what a
 * newsreader uses too.
 */
#include "normalize.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "numbers.h"
#include "strbuf.h"
#include "utf8.h"

struct ch {
    uint32_t cp;      /* as written */
    uint32_t c;       /* folded: full-width ASCII forms → ASCII */
    size_t off, len;  /* bytes in the input */
};

struct scan {
    const char *text;
    struct ch *v;
    size_t n;
    struct token_list *out;
};

static uint32_t fold(uint32_t cp)
{
    if (cp >= 0xFF10 && cp <= 0xFF19)          /* ０-９ */
        return cp - 0xFF10 + '0';
    if ((cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A))
        return cp - 0xFF21 + 'A';              /* Ａ-Ｚ ａ-ｚ */
    switch (cp) {
    case 0xFF05: return '%';
    case 0xFF0B: return '+';
    case 0xFF0D: return '-';
    case 0xFF0E: return '.';
    case 0xFF0F: return '/';
    case 0xFF1A: return ':';
    case 0xFF5E: return '~';
    case 0x2212: return '-';                   /* minus sign */
    default: return cp;
    }
}

static bool is_digit(const struct scan *s, size_t i) { return i < s->n && s->v[i].c >= '0' && s->v[i].c <= '9'; }
static bool is_letter(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool at(const struct scan *s, size_t i, uint32_t c) { return i < s->n && s->v[i].c == c; }

/* True when the characters at i spell `word` (UTF-8). */
static bool spells(const struct scan *s, size_t i, const char *word)
{
    size_t wl = strlen(word), k = 0;
    while (k < wl) {
        if (i >= s->n || s->v[i].len > wl - k || memcmp(s->text + s->v[i].off, word + k, s->v[i].len) != 0)
            return false;
        k += s->v[i].len;
        i++;
    }
    return true;
}

/* True when the characters ending just before i spell `word`. */
static bool preceded_by(const struct scan *s, size_t i, const char *word)
{
    size_t wl = strlen(word), back = 0, k = i;
    while (back < wl && k > 0) {
        k--;
        back += s->v[k].len;
    }
    return back == wl && spells(s, k, word);
}

static int emit(struct scan *s, size_t from, size_t to, enum token_kind kind,
                enum pause pause, char *text, bool counted)
{
    struct token t = {0};

    if (!text) {
        struct strbuf sb = STRBUF_INIT;
        strbuf_add(&sb, s->text + s->v[from].off,
                   s->v[to - 1].off + s->v[to - 1].len - s->v[from].off);
        text = strbuf_detach(&sb);
        if (!text)
            return -1;
    }
    t.src = s->v[from].off;
    t.src_len = s->v[to - 1].off + s->v[to - 1].len - t.src;
    t.text = text;
    t.kind = kind;
    t.pause = pause;
    t.counted = counted;
    return token_list_push(s->out, t);
}

/* The index of the first non-blank character at or after i: the page
 * sets spaces around numbers (2021 年), which do not change the reading. */
static size_t skip_blanks(const struct scan *s, size_t i)
{
    while (i < s->n && utf8_is_blank(s->v[i].cp))
        i++;
    return i;
}

/* Measure words and units after which 2 is 两 (两个, 两万), not 二. */
static bool is_measure(const struct scan *s, size_t i)
{
    static const char *const words[] = {
        "个", "位", "名", "人", "次", "年", "天", "岁", "家", "件", "项", "条", "种",
        "所", "座", "台", "辆", "架", "张", "本", "支", "只", "头", "批", "类", "场",
        "届", "轮", "份", "倍", "万", "亿", "千", "百", "层", "套", "部", "篇", "句",
        "小时", "分钟", "周", "吨", "公里", "公斤", "米", "元", "块", "成", "间",
        "户", "所", "栋", "片", "股", "处", "笔", "方面", "点", NULL};
    if (spells(s, i, "年级"))
        return false;
    for (size_t k = 0; words[k]; k++)
        if (spells(s, i, words[k]))
            return true;
    return false;
}

/* A run of digits (with , thousands separators) and an optional decimal
 * part, starting at i.  Fills `digits` (separators dropped, '.' kept). */
struct numeral {
    size_t end;           /* index after it */
    struct strbuf digits;
    size_t int_len;       /* digits before the point */
    bool decimal, grouped;
};

static void scan_numeral(const struct scan *s, size_t i, struct numeral *n)
{
    n->digits = (struct strbuf)STRBUF_INIT;
    n->decimal = n->grouped = false;
    while (is_digit(s, i) || (at(s, i, ',') && is_digit(s, i + 1) && is_digit(s, i + 2) &&
                              is_digit(s, i + 3) && !is_digit(s, i + 4) && i > 0 && is_digit(s, i - 1))) {
        if (s->v[i].c == ',')
            n->grouped = true;
        else
            strbuf_add(&n->digits, (const char[]){(char)s->v[i].c}, 1);
        i++;
    }
    n->int_len = n->digits.len;
    if (at(s, i, '.') && is_digit(s, i + 1)) {
        n->decimal = true;
        strbuf_add(&n->digits, ".", 1);
        for (i++; is_digit(s, i); i++)
            strbuf_add(&n->digits, (const char[]){(char)s->v[i].c}, 1);
    }
    n->end = i;
}

/* Numbers that name rather than count, read digit by digit: after 电话,
 * 拨打 …, before 热线, 报警 …, and right after a Latin letter (G7315次列车,
 * 浙G12345). */
static bool is_code_context(const struct scan *s, size_t start, size_t after)
{
    static const char *const before[] = {"电话", "热线", "号码", "编号", "邮编", "代码", "手机",
                                         "专线", "拨打", "致电", "拨", "尾号", "车次", NULL};
    static const char *const next[] = {"热线", "报警", "投诉", "专线", "急救", "服务热线", NULL};

    if (start > 0 && is_letter(s->v[start - 1].c))
        return true;
    for (size_t k = 0; before[k]; k++)
        if (preceded_by(s, start, before[k]))
            return true;
    for (size_t k = 0; next[k]; k++)
        if (spells(s, after, next[k]))
            return true;
    return false;
}

/* "百分之" for %, "千分之" for ‰, "万分之" for ‱, else NULL. */
static const char *per_sign(const struct scan *s, size_t i)
{
    if (at(s, i, '%'))
        return "百分之";
    if (at(s, i, 0x2030))
        return "千分之";
    if (at(s, i, 0x2031))
        return "万分之";
    return NULL;
}

/* Units written in Latin letters after a number, and how they are said. */
static const struct {
    const char *written, *said;
} UNITS[] = {
    {"km/h", "公里每小时"}, {"kWh", "千瓦时"}, {"km²", "平方公里"}, {"km", "公里"},
    {"kg", "公斤"}, {"kW", "千瓦"}, {"m²", "平方米"}, {"m³", "立方米"}, {"cm", "厘米"},
    {"mm", "毫米"}, {"ml", "毫升"}, {"mg", "毫克"}, {"m", "米"},
    {"㎡", "平方米"}, {"㎞", "公里"}, {"㎏", "公斤"},
};

/* Appends the unit written at i, if any; returns the index after it. */
static size_t read_unit(const struct scan *s, size_t i, struct strbuf *out)
{
    for (size_t k = 0; k < sizeof UNITS / sizeof *UNITS; k++) {
        if (spells(s, i, UNITS[k].written)) {
            size_t j = i, len = strlen(UNITS[k].written), got = 0;
            while (got < len)
                got += s->v[j++].len;
            if (j < s->n && is_letter(s->v[j].c))
                continue;                  /* part of a longer word */
            strbuf_adds(out, UNITS[k].said);
            return j;
        }
    }
    return i;
}

/* 8:30 八点三十分 at i; returns the index after it, or 0 if no time is there. */
static size_t read_time(const struct scan *s, size_t i, struct strbuf *out)
{
    size_t h = 0;
    char hh[2], mm[2];

    while (is_digit(s, i + h) && h < 3)
        h++;
    if (h == 0 || h > 2 || !at(s, i + h, ':') || !is_digit(s, i + h + 1) ||
        !is_digit(s, i + h + 2) || is_digit(s, i + h + 3))
        return 0;
    for (size_t k = 0; k < h; k++)
        hh[k] = (char)s->v[i + k].c;
    mm[0] = (char)s->v[i + h + 1].c;
    mm[1] = (char)s->v[i + h + 2].c;
    number_read_cardinal(out, hh, h, false);
    strbuf_adds(out, "点");
    if (mm[0] != '0' || mm[1] != '0') {
        if (mm[0] == '0')
            strbuf_adds(out, "零");
        number_read_cardinal(out, mm[0] == '0' ? mm + 1 : mm, mm[0] == '0' ? 1 : 2, false);
        strbuf_adds(out, "分");
    }
    return i + h + 3;
}

/* The number of digits from i. */
static size_t digit_run(const struct scan *s, size_t i)
{
    size_t k = 0;
    while (is_digit(s, i + k))
        k++;
    return k;
}

static void add_digits(const struct scan *s, size_t i, size_t n, struct strbuf *out, bool yao)
{
    char buf[64];
    if (n > sizeof buf)
        n = sizeof buf;
    for (size_t k = 0; k < n; k++)
        buf[k] = (char)s->v[i + k].c;
    number_read_digits(out, buf, n, yao, "零");
}

/* 2024.3.1, 2024-03-01, 2024/3/1: a date.  Returns the index after it, or 0. */
static size_t read_date(const struct scan *s, size_t i, struct strbuf *out)
{
    size_t m, d;
    uint32_t sep;
    char ys[4], ms[2], ds[2];

    if (digit_run(s, i) != 4 || i + 4 >= s->n)
        return 0;
    sep = s->v[i + 4].c;
    if (sep != '.' && sep != '-' && sep != '/')
        return 0;
    m = digit_run(s, i + 5);
    if (m < 1 || m > 2 || !at(s, i + 5 + m, sep))
        return 0;
    d = digit_run(s, i + 6 + m);
    if (d < 1 || d > 2)
        return 0;
    for (size_t k = 0; k < 4; k++)
        ys[k] = (char)s->v[i + k].c;
    for (size_t k = 0; k < m; k++)
        ms[k] = (char)s->v[i + 5 + k].c;
    for (size_t k = 0; k < d; k++)
        ds[k] = (char)s->v[i + 6 + m + k].c;
    number_read_digits(out, ys, 4, false, "〇");
    strbuf_adds(out, "年");
    number_read_cardinal(out, ms, m, false);
    strbuf_adds(out, "月");
    number_read_cardinal(out, ds, d, false);
    strbuf_adds(out, "日");
    return i + 6 + m + d;
}

/* How a plain number (no %, no range) at [start, n->end) is read. */
static void read_plain(const struct scan *s, size_t start, struct numeral *n,
                       struct strbuf *out, bool *counted)
{
    const char *d = n->digits.s;
    size_t len = n->int_len;
    size_t after = skip_blanks(s, n->end);
    bool code_context = is_code_context(s, start, after);

    *counted = false;
    if (n->decimal) {
        number_read_decimal(out, d, n->digits.len);
    } else if (len == 4 && (spells(s, after, "年") ||
                            ((at(s, n->end, '-') || at(s, n->end, '~') || at(s, n->end, 0x2014)) &&
                             is_digit(s, n->end + 4) && spells(s, n->end + 5, "年")))) {
        number_read_digits(out, d, len, false, "〇");       /* 2021年 二〇二一年 */
    } else if (!n->grouped && (code_context || len >= 7 || (len >= 2 && d[0] == '0') ||
                               (len >= 3 && (spells(s, after, "室") || spells(s, after, "房间"))))) {
        number_read_digits(out, d, len, true, "零");         /* 12345 热线, 0579 */
    } else if (preceded_by(s, start, "第")) {
        number_read_cardinal(out, d, len, false);           /* 第2 第二 */
    } else if (len == 1 && d[0] == '2' && is_measure(s, after)) {
        strbuf_adds(out, "两");                              /* 2个 两个, 2万 两万 */
        *counted = true;
    } else {
        number_read_cardinal(out, d, len, true);
        *counted = true;
    }
}

/* Reads the number expression starting at i (a digit, or '-' before one);
 * emits one TOKEN_NUMBER and returns the index after it, or 0 on OOM. */
static size_t read_number(struct scan *s, size_t i)
{
    struct strbuf out = STRBUF_INIT;
    struct numeral a, b;
    size_t start = i, end;
    bool negative = false, counted = false, percent_a, percent_b;
    const char *per_a, *per_b, *currency = NULL;

    /* ￥120 一百二十元: the sign is said after the number. */
    if (at(s, i, 0xFFE5) || at(s, i, 0x00A5)) {
        currency = "元";
        i++;
    } else if (at(s, i, '$')) {
        currency = "美元";
        i++;
    } else if (at(s, i, 0x20AC)) {
        currency = "欧元";
        i++;
    }
    if (at(s, i, '-')) {
        negative = true;
        i++;
    }
    scan_numeral(s, i, &a);
    end = a.end;
    b.digits = (struct strbuf)STRBUF_INIT;

    /* 8:30 八点三十分, and 8:00～17:00 八点到十七点 */
    if (!negative && (end = read_time(s, i, &out)) != 0) {
        if ((at(s, end, '~') || at(s, end, '-') || at(s, end, 0x2014)) && is_digit(s, end + 1)) {
            struct strbuf second = STRBUF_INIT;
            size_t e2 = read_time(s, end + 1, &second);
            if (e2) {
                strbuf_adds(&out, "到");
                strbuf_add(&out, second.s, second.len);
                end = e2;
            }
            strbuf_release(&second);
        }
        goto done;
    }
    /* 2024.3.1 二〇二四年三月一日 */
    if (!negative && (end = read_date(s, i, &out)) != 0)
        goto done;
    end = a.end;
    /* 3·15 三一五: a day named by its date */
    if (!negative && !a.decimal && a.int_len <= 2 &&
        (at(s, end, 0x00B7) || at(s, end, 0x30FB) || at(s, end, 0x2022)) &&
        digit_run(s, end + 1) >= 1 && digit_run(s, end + 1) <= 2) {
        add_digits(s, i, a.int_len, &out, false);
        add_digits(s, end + 1, digit_run(s, end + 1), &out, false);
        end = end + 1 + digit_run(s, end + 1);
        goto done;
    }
    /* 400-800-1234, 0579-85123456: phone numbers in groups */
    if (!negative && !a.decimal && a.int_len >= 3 && at(s, end, '-') && digit_run(s, end + 1) >= 3 &&
        (a.digits.s[0] == '0' || (at(s, end + 1 + digit_run(s, end + 1), '-') &&
                                   digit_run(s, end + 2 + digit_run(s, end + 1)) >= 3))) {
        add_digits(s, i, a.int_len, &out, true);
        while (at(s, end, '-') && digit_run(s, end + 1) >= 3) {
            add_digits(s, end + 1, digit_run(s, end + 1), &out, true);
            end = end + 1 + digit_run(s, end + 1);
        }
        goto done;
    }
    /* 3/4 四分之三 */
    if (!a.decimal && at(s, end, '/') && is_digit(s, end + 1)) {
        scan_numeral(s, end + 1, &b);
        if (!b.decimal) {
            if (negative)
                strbuf_adds(&out, "负");
            number_read_cardinal(&out, b.digits.s, b.int_len, false);
            strbuf_adds(&out, "分之");
            number_read_cardinal(&out, a.digits.s, a.int_len, false);
            end = b.end;
            goto done;
        }
        strbuf_release(&b.digits);
    }
    per_a = per_sign(s, end);
    percent_a = per_a != NULL;
    if (percent_a)
        end++;
    /* Ranges: 1%-2% 百分之一到百分之二, 5-10个 五到十个, 3~5 三到五 */
    if ((at(s, end, '-') || at(s, end, '~') || (at(s, end, 0x2014) && !at(s, end + 1, 0x2014))) &&
        is_digit(s, end + 1)) {
        size_t sep = end;
        scan_numeral(s, sep + 1, &b);
        per_b = per_sign(s, b.end);
        percent_b = per_b != NULL;
        if (negative)
            strbuf_adds(&out, "负");
        if (percent_a || percent_b)
            strbuf_adds(&out, per_a ? per_a : per_b);
        read_plain(s, start, &a, &out, &counted);
        strbuf_adds(&out, "到");
        if (percent_a || percent_b)
            strbuf_adds(&out, per_b ? per_b : per_a);
        read_plain(s, sep + 1, &b, &out, &counted);
        end = b.end + (percent_b ? 1 : 0);
        counted = counted && !percent_a && !percent_b;
        goto done;
    }
    if (negative)
        strbuf_adds(&out, at(s, a.end, 0x2103) ? "零下" : "负");
    if (percent_a)
        strbuf_adds(&out, per_a);
    read_plain(s, i, &a, &out, &counted);
    counted = counted && !percent_a && !negative;
    if (at(s, end, 0x2103)) {                    /* ℃ */
        strbuf_adds(&out, "摄氏度");
        end++;
    } else if (!percent_a && currency) {
        strbuf_adds(&out, currency);
    } else if (!percent_a) {
        end = read_unit(s, end, &out);
    }
done:
    strbuf_release(&a.digits);
    strbuf_release(&b.digits);
    {
        char *text = strbuf_detach(&out);
        if (!text || emit(s, start, end, TOKEN_NUMBER, PAUSE_NONE, text, counted) != 0)
            return 0;
    }
    return end;
}

static enum pause pause_of(uint32_t c)
{
    switch (c) {
    case 0x3002: case 0xFF01: case 0xFF1F: case 0x2026: case '!': case '?':
        return PAUSE_SENTENCE;
    case 0xFF0C: case 0xFF1B: case 0xFF1A: case 0x2014: case 0x2015: case ',':
    case ';': case ':':
        return PAUSE_CLAUSE;
    case 0x3001:
        return PAUSE_LIST;
    default:
        return PAUSE_NONE;
    }
}

static int decode(const char *text, size_t len, struct scan *s)
{
    size_t i = 0;

    s->v = malloc((len ? len : 1) * sizeof *s->v);
    s->n = 0;
    if (!s->v)
        return -1;
    while (i < len) {
        uint32_t cp;
        size_t l = utf8_decode(text + i, len - i, &cp);
        if (l == 0)
            l = 1, cp = 0xFFFD;
        s->v[s->n++] = (struct ch){cp, fold(cp), i, l};
        i += l;
    }
    return 0;
}

int normalize(const char *text, size_t len, struct token_list *out)
{
    struct scan s = {text, NULL, 0, out};
    size_t i = 0;

    token_list_free(out);
    if (decode(text, len, &s) != 0)
        goto oom;
    while (i < s.n) {
        uint32_t c = s.v[i].c;
        size_t j = i + 1;
        int rc = 0;

        if (utf8_is_han(s.v[i].cp)) {
            while (j < s.n && utf8_is_han(s.v[j].cp))
                j++;
            rc = emit(&s, i, j, TOKEN_HAN, PAUSE_NONE, NULL, false);
        } else if (is_digit(&s, i) ||
                   (c == '-' && is_digit(&s, i + 1) &&
                    (i == 0 || !(is_digit(&s, i - 1) || is_letter(s.v[i - 1].c)))) ||
                   ((c == 0xFFE5 || c == 0x00A5 || c == '$' || c == 0x20AC) && is_digit(&s, i + 1))) {
            if (!(j = read_number(&s, i)))
                goto oom;
        } else if (is_letter(c)) {
            struct strbuf w = STRBUF_INIT;
            while (j < s.n && (is_letter(s.v[j].c) || (s.v[j].c == '\'' && j + 1 < s.n && is_letter(s.v[j + 1].c))))
                j++;
            for (size_t k = i; k < j; k++)
                strbuf_add(&w, (const char[]){(char)s.v[k].c}, 1);
            rc = emit(&s, i, j, TOKEN_LATIN, PAUSE_NONE, strbuf_detach(&w), false);
            if (w.failed)
                rc = -1;
        } else if (c == '+') {
            char *t = strdup("加");                     /* 智改+样本化: 加 */
            rc = t ? emit(&s, i, j, TOKEN_NUMBER, PAUSE_NONE, t, false) : -1;
        } else if (c == 0x2103) {
            char *t = strdup("摄氏度");
            rc = t ? emit(&s, i, j, TOKEN_NUMBER, PAUSE_NONE, t, false) : -1;
        } else if (c == '%' || c == 0x2030) {
            char *t = strdup(c == '%' ? "百分号" : "千分号");
            rc = t ? emit(&s, i, j, TOKEN_NUMBER, PAUSE_NONE, t, false) : -1;
        } else if (utf8_is_blank(s.v[i].cp) || c == '\n' || c == '\r') {
            while (j < s.n && (utf8_is_blank(s.v[j].cp) || s.v[j].c == '\n' || s.v[j].c == '\r'))
                j++;
            rc = emit(&s, i, j, TOKEN_SPACE, PAUSE_NONE, NULL, false);
        } else {
            /* Runs of the same mark are one token: —— and …… */
            while (j < s.n && s.v[j].cp == s.v[i].cp && (c == 0x2014 || c == 0x2026 || c == '.'))
                j++;
            rc = emit(&s, i, j, TOKEN_PUNCT, pause_of(c), NULL, false);
        }
        if (rc != 0)
            goto oom;
        i = j;
    }
    free(s.v);
    return 0;
oom:
    free(s.v);
    token_list_free(out);
    diag_oom();
    return -1;
}

int token_list_push(struct token_list *l, struct token t)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        struct token *v = realloc(l->v, cap * sizeof *v);
        if (!v) {
            free(t.text);
            free(t.pinyin);
            return -1;
        }
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = t;
    return 0;
}

void token_list_free(struct token_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].text);
        free(l->v[i].pinyin);
    }
    free(l->v);
    memset(l, 0, sizeof *l);
}
