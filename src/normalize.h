/* normalize.h — stage 2a of the pipeline: news text → tokens to speak.
 *
 * Turns what a newsreader would not read as written into what they say, in
 * Han characters: numbers (92.9亿 → 九十二点九亿, 8.58% → 百分之八点五八,
 * 2021年 → 二〇二一年, 2万 → 两万, 1%-2% → 百分之一到百分之二, 3/4 → 四分之三,
 * 8:30 → 八点三十分, phone numbers digit by digit with 幺), full-width digits
 * and letters, symbols in running text (+ → 加, ℃ → 摄氏度).  Latin words
 * (Chinagoods, App) stay Latin: they are brand names a newsreader says in
 * English, and tingbao gives them to the English voice rather than reading
 * letters as pinyin.  Punctuation becomes pauses.
 *
 * Every byte of the input is in exactly one token's source span, in order.
 */
#ifndef TINGBAO_NORMALIZE_H
#define TINGBAO_NORMALIZE_H

#include <stdbool.h>
#include <stddef.h>

enum token_kind {
    TOKEN_HAN,      /* Han text, spoken in Mandarin */
    TOKEN_NUMBER,   /* digits or symbols, spoken as the Han text given */
    TOKEN_LATIN,    /* a Latin word, spoken by the English voice */
    TOKEN_PUNCT,    /* punctuation and other marks: a pause, or silence */
    TOKEN_SPACE,
};

enum pause {
    PAUSE_NONE,
    PAUSE_LIST,     /* 、 */
    PAUSE_CLAUSE,   /* ，；：—— */
    PAUSE_SENTENCE, /* 。！？… */
};

struct token {
    size_t src, src_len;  /* the span of the input */
    char *text;           /* what is said: Han text, the Latin word, or the mark */
    char *pinyin;         /* filled by the pinyin stage; NULL before */
    enum token_kind kind;
    enum pause pause;
    bool counted;         /* TOKEN_NUMBER read as a quantity: its 一 may change tone */
    bool fixed;           /* reading from the override file: no tone changes */
};

struct token_list {
    struct token *v;
    size_t n, cap;
};

/* Tokenizes text[0..len) (valid UTF-8) into `out` (emptied first).
 * Returns 0, or -1 after a diagnostic (out of memory only). */
int normalize(const char *text, size_t len, struct token_list *out);

/* Appends a token; takes ownership of text and pinyin (may be NULL).
 * Returns 0 or -1 (OOM; both freed). */
int token_list_push(struct token_list *l, struct token t);

void token_list_free(struct token_list *l);

#endif
