/* pinyin.c — see pinyin.h. */
#include "pinyin.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "strbuf.h"
#include "utf8.h"

/* A character the lexicon lacks costs more than any word: it is split off
 * only when nothing else covers it. */
#define UNKNOWN_LOG_PROB (-40.0)

struct word {
    size_t off, len;                 /* bytes within the run */
    const struct lex_entry *entry;   /* NULL: unknown character */
};

/* Best segmentation of run[0..len) (Han characters only), by dynamic
 * programming from the end: best[i] is the best log probability of
 * run[i..].  Fills *words (caller frees).  Returns the count, or -1 (OOM). */
static long segment(const struct lexicon *lex, const char *run, size_t len, struct word **words)
{
    size_t n = 0, *pos, *next = NULL;
    double *best = NULL;
    const struct lex_entry **choice = NULL;
    unsigned max = lexicon_max_chars(lex);
    long count = 0;

    pos = malloc((len + 1) * sizeof *pos);
    if (!pos)
        return -1;
    for (size_t i = 0; i < len;) {              /* character start offsets */
        uint32_t cp;
        size_t l = utf8_decode(run + i, len - i, &cp);
        pos[n++] = i;
        i += l ? l : 1;
    }
    pos[n] = len;
    best = malloc((n + 1) * sizeof *best);
    next = malloc((n + 1) * sizeof *next);
    choice = malloc((n + 1) * sizeof *choice);
    *words = malloc((n ? n : 1) * sizeof **words);
    if (!best || !next || !choice || !*words)
        goto oom;
    best[n] = 0;
    for (size_t i = n; i-- > 0;) {
        best[i] = -INFINITY;
        for (size_t k = 1; k <= max && i + k <= n; k++) {
            const struct lex_entry *e = lexicon_find(lex, run + pos[i], pos[i + k] - pos[i]);
            double score;
            if (!e && k > 1)
                continue;
            score = (e ? e->log_prob : UNKNOWN_LOG_PROB) + best[i + k];
            if (score > best[i]) {
                best[i] = score;
                next[i] = i + k;
                choice[i] = e;
            }
        }
    }
    for (size_t i = 0; i < n; i = next[i])
        (*words)[count++] = (struct word){pos[i], pos[next[i]] - pos[i], choice[i]};
    free(pos);
    free(best);
    free(next);
    free(choice);
    return count;
oom:
    free(pos);
    free(best);
    free(next);
    free(choice);
    free(*words);
    *words = NULL;
    return -1;
}

/* The reading of Han text as one string of syllables (number readings);
 * unknown characters are skipped.  NULL on OOM. */
static char *read_text(const struct lexicon *lex, const char *text, bool *fixed)
{
    struct word *w;
    long n = segment(lex, text, strlen(text), &w);
    struct strbuf sb = STRBUF_INIT;

    if (n < 0)
        return NULL;
    for (long i = 0; i < n; i++) {
        if (!w[i].entry)
            continue;
        strbuf_addf(&sb, "%s%s", sb.len ? " " : "", w[i].entry->pinyin);
        *fixed = *fixed || w[i].entry->override;
    }
    free(w);
    return strbuf_detach(&sb);
}

/* Splits the Han token at index k into word tokens. */
static int split_han(const struct lexicon *lex, struct token_list *out, const struct token *t)
{
    struct word *w;
    long n = segment(lex, t->text, strlen(t->text), &w);

    if (n < 0)
        return -1;
    for (long i = 0; i < n; i++) {
        struct token wt = {0};
        wt.src = t->src + w[i].off;
        wt.src_len = w[i].len;
        wt.kind = TOKEN_HAN;
        wt.text = xstrndup(t->text + w[i].off, w[i].len);
        wt.pinyin = strdup(w[i].entry ? w[i].entry->pinyin : "");
        wt.fixed = w[i].entry && w[i].entry->override;
        if (!wt.text || !wt.pinyin) {
            free(wt.text);
            free(wt.pinyin);
            free(w);
            return -1;
        }
        if (token_list_push(out, wt) != 0) {
            free(w);
            return -1;
        }
    }
    free(w);
    return 0;
}

/* --- the tone changes of 一 and 不 ------------------------------------ */

struct syllable {
    char *s;          /* points into a token's pinyin (NUL-separated copy) */
    size_t token;
    size_t index;     /* within the token */
    const char *ch;   /* the character, as UTF-8 (points into token text) */
    size_t ch_len;
};

static int tone_of(const char *syl)
{
    size_t n = strlen(syl);
    return n && syl[n - 1] >= '1' && syl[n - 1] <= '5' ? syl[n - 1] - '0' : 0;
}

static bool char_is(const struct syllable *s, const char *c)
{
    return s->ch && s->ch_len == strlen(c) && memcmp(s->ch, c, s->ch_len) == 0;
}

static bool is_numeral_char(const struct syllable *s)
{
    static const char *const n[] = {"零", "〇", "一", "二", "两", "三", "四", "五", "六",
                                    "七", "八", "九", "十", NULL};
    for (size_t i = 0; n[i]; i++)
        if (char_is(s, n[i]))
            return true;
    return false;
}

static bool is_big_unit(const struct syllable *s)
{
    return char_is(s, "百") || char_is(s, "千") || char_is(s, "万") || char_is(s, "亿");
}

/* Decides the spoken tone of 一 at syllables[i]; returns the new syllable
 * or NULL to keep it.  The lexicon's own 一 readings are not trusted: terra
 * writes the change in some words and not in others, so every 一 is
 * decided here from its context. */
static const char *yi_change(const struct token_list *tl, const struct syllable *v, size_t n, size_t i)
{
    const struct token *t = &tl->v[v[i].token];
    const struct syllable *next = i + 1 < n ? &v[i + 1] : NULL;
    size_t syls_in_token = 1;

    for (size_t k = i + 1; k < n && v[k].token == v[i].token; k++)
        syls_in_token++;
    syls_in_token += v[i].index;
    if (strncmp(v[i].s, "yi", 2) != 0 || !strchr("1245", v[i].s[2]) || v[i].s[3])
        return NULL;                                  /* not the numeral yi */
    if (!next)
        return "yi1";
    if (i > 0 && v[i - 1].token + 1 >= v[i].token && char_is(&v[i - 1], "第"))
        return "yi1";                                 /* 第一 */
    /* Inside a number written in characters: 十一个, 一百一十. */
    if (i > 0 && v[i - 1].token + 1 >= v[i].token && (is_numeral_char(&v[i - 1]) || is_big_unit(&v[i - 1])))
        return "yi1";
    /* A verb doubled around 一 (看一看, 数一数): 一 is neutral. */
    if (i > 0 && v[i - 1].ch && next->ch && !char_is(next, "一") && v[i - 1].ch_len == next->ch_len &&
        memcmp(v[i - 1].ch, next->ch, next->ch_len) == 0 && next->token <= v[i].token + 1 &&
        v[i - 1].token + 1 >= v[i].token)
        return "yi5";
    /* Numbers used as labels are read as numbers: 一号线, 一年级, 一楼. */
    if (char_is(next, "号") || char_is(next, "楼") ||
        (char_is(next, "年") && i + 2 < n && char_is(&v[i + 2], "级")))
        return "yi1";
    if (t->kind == TOKEN_NUMBER) {
        /* Digits read as a quantity change only in the leading place:
         * 一百 yi4 bai3, 1个 yi2 ge4; 十一, 一〇, 一点五 keep yi1. */
        if (!t->counted || v[i].index != 0)
            return "yi1";
        if (next->token != v[i].token && !(next->token == v[i].token + 1 &&
                                            tl->v[next->token].kind == TOKEN_HAN))
            return "yi1";
    } else {
        if (next->token != v[i].token && next->token != v[i].token + 1)
            return "yi1";                              /* punctuation between */
        if (next->token != v[i].token && syls_in_token > 1)
            return "yi1";                              /* word-final: 统一, 唯一 */
        if (next->token != v[i].token && tl->v[next->token].kind != TOKEN_HAN)
            return "yi1";
        if (is_numeral_char(next) && !is_big_unit(next))
            return "yi1";                              /* 一二三, 一〇 */
        if (char_is(next, "一"))
            return "yi1";                              /* 一一 */
    }
    return tone_of(next->s) == 4 || tone_of(next->s) == 5 ? "yi2" : "yi4";
}

static const char *bu_change(const struct token_list *tl, const struct syllable *v, size_t n, size_t i)
{
    const struct syllable *next = i + 1 < n ? &v[i + 1] : NULL;

    if (strcmp(v[i].s, "bu4") != 0 && strcmp(v[i].s, "bu2") != 0)
        return NULL;                                  /* 差不多 bu5 stays */
    if (!next || (next->token != v[i].token &&
                  (next->token != v[i].token + 1 || tl->v[next->token].kind == TOKEN_LATIN)))
        return "bu4";
    return tone_of(next->s) == 4 ? "bu2" : "bu4";
}

/* Applies the changes to every token's pinyin. */
static int tone_changes(struct token_list *tl)
{
    struct syllable *v = NULL;
    size_t n = 0, cap = 0;
    char **copies = calloc(tl->n ? tl->n : 1, sizeof *copies);
    int rc = -1;

    if (!copies)
        return -1;
    /* Flatten: one entry per syllable, with its character. */
    for (size_t k = 0; k < tl->n; k++) {
        struct token *t = &tl->v[k];
        const char *ch = t->text;
        size_t idx = 0;
        char *p;
        if (!t->pinyin || !*t->pinyin)
            continue;
        if (!(copies[k] = strdup(t->pinyin)))
            goto out;
        for (p = strtok(copies[k], " "); p; p = strtok(NULL, " ")) {
            uint32_t cp;
            size_t l = 0;
            /* The character this syllable belongs to: the idx-th Han one. */
            while (*ch && (l = utf8_decode(ch, strlen(ch), &cp)) && !utf8_is_han(cp))
                ch += l ? l : 1;
            if (n == cap) {
                size_t ncap = cap ? cap * 2 : 256;
                struct syllable *nv = realloc(v, ncap * sizeof *nv);
                if (!nv)
                    goto out;
                v = nv;
                cap = ncap;
            }
            v[n++] = (struct syllable){p, k, idx++, *ch ? ch : NULL, *ch ? l : 0};
            if (*ch)
                ch += l;
        }
    }
    for (size_t i = 0; i < n; i++) {
        const struct token *t = &tl->v[v[i].token];
        const char *change = NULL;
        if (t->fixed)
            continue;
        if (char_is(&v[i], "一"))
            change = yi_change(tl, v, n, i);
        else if (char_is(&v[i], "不"))
            change = bu_change(tl, v, n, i);
        if (change)
            v[i].s = (char *)change;
    }
    /* Rebuild the pinyin strings of the tokens that have syllables. */
    for (size_t i = 0; i < n;) {
        size_t k = v[i].token;
        struct strbuf sb = STRBUF_INIT;
        char *s;
        for (; i < n && v[i].token == k; i++)
            strbuf_addf(&sb, "%s%s", sb.len ? " " : "", v[i].s);
        if (!(s = strbuf_detach(&sb)))
            goto out;
        free(tl->v[k].pinyin);
        tl->v[k].pinyin = s;
    }
    rc = 0;
out:
    for (size_t k = 0; k < tl->n; k++)
        free(copies[k]);
    free(copies);
    free(v);
    return rc;
}

int pinyin_assign(const struct lexicon *lex, struct token_list *tokens)
{
    struct token_list out = {0};

    for (size_t k = 0; k < tokens->n; k++) {
        struct token *t = &tokens->v[k];
        if (t->kind == TOKEN_HAN) {
            if (split_han(lex, &out, t) != 0)
                goto oom;
            continue;
        }
        if (t->kind == TOKEN_NUMBER) {
            bool fixed = false;
            if (!(t->pinyin = read_text(lex, t->text, &fixed)))
                goto oom;
        } else if (!(t->pinyin = strdup(""))) {
            goto oom;
        }
        if (token_list_push(&out, *t) != 0) {
            t->text = t->pinyin = NULL;
            goto oom;
        }
        t->text = t->pinyin = NULL;      /* moved */
    }
    token_list_free(tokens);
    *tokens = out;
    if (tone_changes(tokens) != 0) {
        diag_oom();
        return -1;
    }
    return 0;
oom:
    token_list_free(&out);
    diag_oom();
    return -1;
}
