/* lexicon.h — words and their Mandarin readings, for the front end.
 *
 * Two layers: the generated lexicon (build/lexicon.tsv, made from Debian's
 * data by src/lexicon/make_lexicon.py: "word<TAB>freq<TAB>pinyin" lines) and
 * the newsroom's override file (content/pronunciations.txt: "word pinyin…"
 * a line), whose entries win over everything.  Pinyin is toned syllables,
 * tone 5 neutral, ü written v: "yin2 hang2", "lv4".
 */
#ifndef TINGBAO_LEXICON_H
#define TINGBAO_LEXICON_H

#include <stdbool.h>
#include <stddef.h>

struct lex_entry {
    const char *word;      /* UTF-8, NUL-terminated */
    const char *pinyin;    /* one syllable per character */
    double log_prob;       /* for segmentation */
    unsigned n_chars;
    bool override;         /* from the newsroom's file: final, no tone changes */
    long override_line;    /* its line there, for messages */
};

struct lexicon;

/* Loads the generated lexicon.  Returns NULL after one diagnostic. */
struct lexicon *lexicon_load(const char *path);

/* Parses a lexicon already in memory; takes ownership of `text` (which it
 * cuts in place).  Returns NULL after one diagnostic. */
struct lexicon *lexicon_parse(const char *path, char *text, size_t len);

/* Adds the entries of an override file.  Each line is a word (Han
 * characters) and its pinyin, one valid syllable per character; '#' starts
 * a comment.  A malformed line is one diagnostic with its line number and the
 * call returns -1 (nothing of the file is kept).  A missing file is fine
 * when `optional`.  Returns 0 or -1. */
int lexicon_add_overrides(struct lexicon *lex, const char *path, bool optional);

/* The same for override text in memory (already checked as UTF-8);
 * `path` names it in diagnostics. */
int lexicon_add_overrides_text(struct lexicon *lex, const char *path, const char *text, size_t len);

/* The entry for s[0..len), or NULL. */
const struct lex_entry *lexicon_find(const struct lexicon *lex, const char *s, size_t len);

/* The longest word, in characters. */
unsigned lexicon_max_chars(const struct lexicon *lex);

/* True when `syl` (NUL-terminated) is a toned syllable of Putonghua, e.g.
 * "zhuang1", "lve4", "de5".  The inventory is the lexicon's own syllables. */
bool lexicon_syllable_ok(const struct lexicon *lex, const char *syl, size_t len);

void lexicon_free(struct lexicon *lex);

/* The generated lexicon's path: $TINGBAO_LEXICON if set, else build/lexicon.tsv
 * beside the running program (a source tree), else the installed copy. */
const char *lexicon_default_path(void);

#endif
