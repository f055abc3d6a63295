/* pinyin.h — stage 2b: the readings of normalized tokens.
 *
 * Each run of Han text is segmented into the likeliest words (unigram
 * model over the lexicon's frequencies; the newsroom's overrides always win)
 * and each word takes its reading from the lexicon, falling back to single
 * characters.  Then the tone changes of 一 and 不 are applied (一定 yi2 ding4,
 * 一批 yi4 pi1, 不断 bu2 duan4; 第一, 统一, 十一 keep yi1), because the
 * synthesizer does not make them.  Third-tone sandhi is left to the
 * synthesizer, which does it.
 */
#ifndef TINGBAO_PINYIN_H
#define TINGBAO_PINYIN_H

#include "lexicon.h"
#include "normalize.h"

/* Replaces every TOKEN_HAN token of `tokens` by one token per word and
 * fills the pinyin of every token (syllables with tone digits, separated by
 * single spaces; "" for punctuation, spaces and Latin words; a character the
 * lexicon does not know gets "" too and is left to the synthesizer's own
 * reading).  Returns 0, or -1 after a diagnostic (out of memory). */
int pinyin_assign(const struct lexicon *lex, struct token_list *tokens);

#endif
