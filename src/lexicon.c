/* lexicon.c — see lexicon.h.
 *
 * The generated file is read whole and indexed in place: entries point into
 * the buffer, and an open-addressing hash table maps words to entries.  About
 * 260k entries load in well under a second and take about 16 MB.
 */
#define _POSIX_C_SOURCE 200809L
#include "lexicon.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "strbuf.h"
#include "textfile.h"
#include "utf8.h"

#ifndef TINGBAO_DATADIR
#define TINGBAO_DATADIR "/usr/local/share/tingbao"
#endif

#define LEXICON_MAX_BYTES (64u << 20)
#define OVERRIDE_MAX_BYTES (4u << 20)
#define MAX_WORD_CHARS 16

struct lexicon {
    char *text;                 /* the generated file, fields cut in place */
    struct lex_entry *entries;
    size_t n, cap;
    uint32_t *slots;            /* entry index + 1; 0 = empty */
    size_t n_slots;             /* a power of two */
    unsigned max_chars;
    struct strlist owned;       /* strings of override entries */
    char **syllables;           /* sorted inventory */
    size_t n_syllables;
};

static uint64_t hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

static size_t find_slot(const struct lexicon *lex, const char *s, size_t n)
{
    size_t mask = lex->n_slots - 1, i = hash(s, n) & mask;

    while (lex->slots[i]) {
        const struct lex_entry *e = &lex->entries[lex->slots[i] - 1];
        if (strncmp(e->word, s, n) == 0 && e->word[n] == '\0')
            break;
        i = (i + 1) & mask;
    }
    return i;
}

static int grow_slots(struct lexicon *lex)
{
    size_t n = lex->n_slots ? lex->n_slots * 2 : 1024;
    uint32_t *old = lex->slots;
    size_t old_n = lex->n_slots;

    if (!(lex->slots = calloc(n, sizeof *lex->slots))) {
        lex->slots = old;
        return -1;
    }
    lex->n_slots = n;
    for (size_t i = 0; i < old_n; i++) {
        if (old[i]) {
            const char *w = lex->entries[old[i] - 1].word;
            lex->slots[find_slot(lex, w, strlen(w))] = old[i];
        }
    }
    free(old);
    return 0;
}

/* Inserts or replaces the entry for e.word.  Returns 0 or -1 (OOM). */
static int put(struct lexicon *lex, const struct lex_entry *e)
{
    size_t slot, len = strlen(e->word);

    if ((lex->n + 1) * 2 > lex->n_slots && grow_slots(lex) != 0)
        return -1;
    slot = find_slot(lex, e->word, len);
    if (lex->slots[slot]) {
        lex->entries[lex->slots[slot] - 1] = *e;
        return 0;
    }
    if (lex->n == lex->cap) {
        size_t cap = lex->cap ? lex->cap * 2 : 512;
        struct lex_entry *v = realloc(lex->entries, cap * sizeof *v);
        if (!v)
            return -1;
        lex->entries = v;
        lex->cap = cap;
    }
    if (lex->n >= UINT32_MAX - 1)
        return -1;
    lex->entries[lex->n] = *e;
    lex->slots[slot] = (uint32_t)++lex->n;
    if (e->n_chars > lex->max_chars)
        lex->max_chars = e->n_chars;
    return 0;
}

static unsigned count_chars(const char *s, size_t n)
{
    unsigned c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

static int compare_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Collects the distinct syllables of single-character entries. */
static int build_inventory(struct lexicon *lex)
{
    size_t n = 0, k = 0;

    for (size_t i = 0; i < lex->n; i++)
        n += lex->entries[i].n_chars == 1;
    if (!(lex->syllables = malloc((n ? n : 1) * sizeof *lex->syllables)))
        return -1;
    for (size_t i = 0; i < lex->n; i++)
        if (lex->entries[i].n_chars == 1)
            lex->syllables[k++] = (char *)lex->entries[i].pinyin;
    qsort(lex->syllables, k, sizeof *lex->syllables, compare_str);
    lex->n_syllables = 0;
    for (size_t i = 0; i < k; i++)
        if (lex->n_syllables == 0 || strcmp(lex->syllables[lex->n_syllables - 1], lex->syllables[i]) != 0)
            lex->syllables[lex->n_syllables++] = lex->syllables[i];
    return 0;
}

struct lexicon *lexicon_load(const char *path)
{
    char *text;
    size_t len;

    if (textfile_read(path, LEXICON_MAX_BYTES, &text, &len) != 0)
        return NULL;
    return lexicon_parse(path, text, len);
}

struct lexicon *lexicon_parse(const char *path, char *text, size_t len)
{
    struct lexicon *lex = calloc(1, sizeof *lex);
    char *p, *end;
    long line = 0;
    double total = 0;

    if (!lex) {
        free(text);
        diag_oom();
        return NULL;
    }
    lex->text = text;
    /* First pass: total frequency, for log probabilities. */
    for (p = lex->text, end = p + len; p < end;) {
        char *eol = memchr(p, '\n', (size_t)(end - p)), *tab;
        if (!eol)
            eol = end;
        if (*p != '#' && (tab = memchr(p, '\t', (size_t)(eol - p))))
            total += strtod(tab + 1, NULL);
        p = eol + 1;
    }
    if (total <= 0)
        total = 1;
    for (p = lex->text, end = p + len; p < end;) {
        char *eol = memchr(p, '\n', (size_t)(end - p)), *t1, *t2;
        struct lex_entry e = {0};
        double freq;

        if (!eol)
            eol = end;
        line++;
        *eol = '\0';
        if (*p == '#' || *p == '\0') {
            p = eol + 1;
            continue;
        }
        t1 = strchr(p, '\t');
        t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
        if (!t1 || !t2) {
            diag_error(path, line, "expected word<TAB>frequency<TAB>pinyin; rebuild with 'make'");
            goto fail;
        }
        *t1 = *t2 = '\0';
        freq = strtod(t1 + 1, NULL);
        e.word = p;
        e.pinyin = t2 + 1;
        e.n_chars = count_chars(p, (size_t)(t1 - p));
        e.log_prob = log((freq > 0 ? freq : 1) / total);
        if (e.n_chars > MAX_WORD_CHARS) {
            p = eol + 1;
            continue;
        }
        if (put(lex, &e) != 0) {
            diag_oom();
            goto fail;
        }
        p = eol + 1;
    }
    if (lex->n == 0) {
        diag_error(path, 0, "the lexicon is empty; rebuild with 'make'");
        goto fail;
    }
    if (build_inventory(lex) != 0) {
        diag_oom();
        goto fail;
    }
    return lex;
fail:
    lexicon_free(lex);
    return NULL;
}

const struct lex_entry *lexicon_find(const struct lexicon *lex, const char *s, size_t len)
{
    size_t slot = find_slot(lex, s, len);
    return lex->slots[slot] ? &lex->entries[lex->slots[slot] - 1] : NULL;
}

unsigned lexicon_max_chars(const struct lexicon *lex) { return lex->max_chars; }

bool lexicon_syllable_ok(const struct lexicon *lex, const char *syl, size_t len)
{
    size_t lo = 0, hi = lex->n_syllables;
    char buf[16];

    if (len == 0 || len >= sizeof buf)
        return false;
    memcpy(buf, syl, len);
    buf[len] = '\0';
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(buf, lex->syllables[mid]);
        if (c == 0)
            return true;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    /* The neutral tone of any syllable is a syllable (e.g. zi5 in 孩子). */
    if (buf[len - 1] == '5') {
        for (char t = '1'; t <= '4'; t++) {
            buf[len - 1] = t;
            if (lexicon_syllable_ok(lex, buf, len))
                return true;
        }
    }
    return false;
}

/* Parses one override line into word and pinyin (both new strings).
 * Returns 0, or -1 after a diagnostic. */
static int parse_override(const struct lexicon *lex, const char *path, long line,
                          const char *s, size_t n, char **word, char **pinyin)
{
    size_t i = 0, wend, n_han = 0, n_syl = 0;
    uint32_t cp;
    struct strbuf py = STRBUF_INIT;

    while (i < n) {
        size_t l = utf8_decode(s + i, n - i, &cp);
        if (l == 0 || utf8_is_blank(cp))
            break;
        if (!utf8_is_han(cp)) {
            diag_error(path, line, "the word must be Chinese characters; found '%.*s'",
                       (int)l, s + i);
            return -1;
        }
        n_han++;
        i += l;
    }
    wend = i;
    if (n_han == 0) {
        diag_error(path, line, "expected a word and its pinyin, e.g. \"徐衎 xu2 kan4\"");
        return -1;
    }
    while (i < n) {
        size_t start;
        while (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
        if (i >= n || s[i] == '#')
            break;
        start = i;
        while (i < n && s[i] != ' ' && s[i] != '\t')
            i++;
        if (!lexicon_syllable_ok(lex, s + start, i - start)) {
            diag_error(path, line, "'%.*s' is not a pinyin syllable with a tone "
                       "digit 1-5 (write ü as v: lv4)", (int)(i - start), s + start);
            strbuf_release(&py);
            return -1;
        }
        strbuf_addf(&py, "%s%.*s", n_syl ? " " : "", (int)(i - start), s + start);
        n_syl++;
    }
    if (n_syl != n_han) {
        diag_error(path, line, "%zu characters but %zu syllables; give one syllable "
                   "per character", n_han, n_syl);
        strbuf_release(&py);
        return -1;
    }
    *word = xstrndup(s, wend);
    *pinyin = strbuf_detach(&py);
    if (!*word || !*pinyin) {
        free(*word);
        free(*pinyin);
        diag_oom();
        return -1;
    }
    return 0;
}

int lexicon_add_overrides(struct lexicon *lex, const char *path, bool optional)
{
    char *text;
    size_t len;
    int rc;

    if (optional && access(path, F_OK) != 0 && errno == ENOENT)
        return 0;
    if (textfile_read(path, OVERRIDE_MAX_BYTES, &text, &len) != 0)
        return -1;
    rc = lexicon_add_overrides_text(lex, path, text, len);
    free(text);
    return rc;
}

int lexicon_add_overrides_text(struct lexicon *lex, const char *path, const char *text, size_t len)
{
    const char *p, *end;
    long line = 0;
    struct lex_entry *pending = NULL;
    size_t n_pending = 0;
    int rc = -1;

    /* Parse everything first: a bad line leaves the lexicon as it was. */
    for (p = text, end = text + len; p < end;) {
        const char *eol = memchr(p, '\n', (size_t)(end - p)), *s = p, *e;
        char *word, *pinyin;
        struct lex_entry *v;
        uint32_t cp;
        size_t l;

        e = eol ? eol : end;
        p = eol ? eol + 1 : end;
        line++;
        while (s < e && (l = utf8_decode(s, (size_t)(e - s), &cp)) && utf8_is_blank(cp))
            s += l;
        while (e > s && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
            e--;
        if (s == e || *s == '#')
            continue;
        if (parse_override(lex, path, line, s, (size_t)(e - s), &word, &pinyin) != 0)
            goto out;
        if (strlist_push(&lex->owned, word) != 0 || strlist_push(&lex->owned, pinyin) != 0 ||
            !(v = realloc(pending, (n_pending + 1) * sizeof *v))) {
            diag_oom();
            goto out;
        }
        pending = v;
        pending[n_pending++] = (struct lex_entry){word, pinyin, 0.0,
                                                  count_chars(word, strlen(word)), true, line};
    }
    for (size_t i = 0; i < n_pending; i++) {
        /* An override must win segmentation too: make it likelier than any
         * split of the same characters. */
        pending[i].log_prob = 0.0;
        if (put(lex, &pending[i]) != 0) {
            diag_oom();
            goto out;
        }
    }
    rc = 0;
out:
    free(pending);
    return rc;
}

void lexicon_free(struct lexicon *lex)
{
    if (!lex)
        return;
    free(lex->text);
    free(lex->entries);
    free(lex->slots);
    free(lex->syllables);
    strlist_release(&lex->owned);
    free(lex);
}

const char *lexicon_default_path(void)
{
    static char path[PATH_MAX];
    const char *env = getenv("TINGBAO_LEXICON");
    ssize_t n;

    if (env && *env)
        return env;
    n = readlink("/proc/self/exe", path, sizeof path - 32);
    if (n > 0) {
        char *slash;
        path[n] = '\0';
        if ((slash = strrchr(path, '/'))) {
            strcpy(slash, "/build/lexicon.tsv");
            if (access(path, R_OK) == 0)
                return path;
        }
    }
    return TINGBAO_DATADIR "/lexicon.tsv";
}
