/* frontend.h — stage 2: text → what is said and how (tokens with pinyin).
 *
 * The one path from text to readings: `tingbao pronounce` prints what this
 * returns, and synthesis speaks exactly that, so what staff check is what
 * listeners hear.
 */
#ifndef TINGBAO_FRONTEND_H
#define TINGBAO_FRONTEND_H

#include <stdio.h>

#include "lexicon.h"
#include "normalize.h"

/* The newsroom's pronunciation file, looked for in the content folder. */
#define FRONTEND_OVERRIDES "pronunciations.txt"

struct frontend {
    struct lexicon *lex;
};

/* Loads the lexicon (lexicon_default_path() when `lexicon_path` is NULL)
 * and, when `overrides_path` is not NULL, the override file (which must
 * exist unless `overrides_optional`).  Returns 0, or -1 after one
 * diagnostic. */
int frontend_open(struct frontend *fe, const char *lexicon_path,
                  const char *overrides_path, bool overrides_optional);

/* Tokens of text[0..len) with their readings (see normalize.h, pinyin.h).
 * Returns 0, or -1 after a diagnostic. */
int frontend_pronounce(const struct frontend *fe, const char *text, size_t len,
                       struct token_list *out);

/* Writes tokens as the JSON array of `tingbao pronounce --json`:
 * [{"src": …, "text": …, "pinyin": …}, …].  Returns 0 or -1. */
int frontend_write_json(FILE *out, const char *text, const struct token_list *tl);

void frontend_close(struct frontend *fe);

#endif
