/* digest.c — recovering speeches from a printed digest page; see digest.h.
 *
 * The page is read as blocks (runs of non-blank lines).  Attribution lines
 * (…的发言) are the anchors: everything between two attributions is one
 * speech, printed body first, then its title, then the attribution.  What is
 * left over at the start of a speech's stretch is the page heading (it sits
 * between two speeches), and the last line of the page is the credit.
 *
 * The hard part is the blank line: the extraction leaves one both between
 * paragraphs and at every column break, and a column can break right after a
 * full stop in mid-paragraph.  The page itself tells them apart: a
 * paragraph's last line is usually short of the column width, and its first
 * line is two cells short (the lost indent).  So a blank line ends a
 * paragraph only after a sentence end AND next to such a short line.
 */
#include "digest.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "digest_text.h"
#include "strbuf.h"
#include "textfile.h"
#include "utf8.h"

/* Headings, titles, credits and attributions are short; a longer line
 * without punctuation is body text at a column break, not one of them. */
#define SHORT_LINE_CELLS 32
#define MAX_TITLE_LINES 3

struct block {
    size_t first, end;   /* lines[first..end) */
};

struct page {
    const char *name;
    struct digest_line *lines;   /* non-blank lines only */
    size_t n_lines;
    struct block *blocks;
    size_t n_blocks;
    long last_line_no;           /* number of the last non-blank line */
};

static bool starts_with(const char *s, size_t n, const char *prefix)
{
    size_t p = strlen(prefix);
    return n >= p && memcmp(s, prefix, p) == 0;
}

static bool ends_with(const char *s, size_t n, const char *suffix)
{
    size_t p = strlen(suffix);
    return n >= p && memcmp(s + n - p, suffix, p) == 0;
}

/* Finds `needle` in s[0..n) starting at a character boundary after the
 * first character; returns its offset or (size_t)-1. */
static size_t find_after_first(const char *s, size_t n, const char *needle)
{
    size_t nl = strlen(needle);
    uint32_t cp;
    size_t i = utf8_decode(s, n, &cp);

    for (; i + nl <= n; i++)
        if (memcmp(s + i, needle, nl) == 0)
            return i;
    return (size_t)-1;
}

/* Splits an attribution "吴永建委员代表民革义乌市基层委员会的发言" into its
 * parts; returns false when the line is not an attribution.  A speaker
 * without 委员 needs 代表 (邓鹏辉代表…的发言), and one without 代表 needs
 * 委员 (张三委员的发言): that keeps body phrases like 听取委员们的发言 out. */
struct attribution {
    char *line, *speaker, *on_behalf_of;
    bool member;
};

static bool parse_attribution(const struct digest_line *l, struct attribution *a,
                              bool *oom)
{
    static const char SUFFIX[] = "的发言", MEMBER[] = "委员", FOR[] = "代表";
    char *flat;
    size_t n, who_len, behalf_at;
    bool ok = false;

    memset(a, 0, sizeof *a);
    if (!ends_with(l->s, l->len, SUFFIX) || l->width > SHORT_LINE_CELLS * 2 ||
        digest_has_clause_mark(l->s, l->len))
        return false;
    if (!(flat = digest_remove_blanks(l->s, l->len))) {
        *oom = true;
        return false;
    }
    n = strlen(flat) - strlen(SUFFIX);
    behalf_at = find_after_first(flat, n, FOR);
    who_len = behalf_at == (size_t)-1 ? n : behalf_at;
    a->member = ends_with(flat, who_len, MEMBER);
    if (a->member)
        who_len -= strlen(MEMBER);
    if (who_len == 0 || (!a->member && behalf_at == (size_t)-1))
        goto out;
    if (behalf_at != (size_t)-1 && behalf_at + strlen(FOR) >= n)
        goto out;
    /* A name is a few characters; a longer "speaker" is a sentence. */
    if (digest_text_width(flat, who_len) > 8)
        goto out;
    a->speaker = xstrndup(flat, who_len);
    if (behalf_at != (size_t)-1)
        a->on_behalf_of = xstrndup(flat + behalf_at + strlen(FOR),
                                   n - behalf_at - strlen(FOR));
    if (!a->speaker || (behalf_at != (size_t)-1 && !a->on_behalf_of)) {
        *oom = true;
        goto out;
    }
    a->line = flat;
    flat = NULL;
    ok = true;
out:
    if (!ok) {
        free(a->speaker);
        free(a->on_behalf_of);
        memset(a, 0, sizeof *a);
    }
    free(flat);
    return ok;
}

/* A block that can be a title, the heading or the credit: a few short lines
 * with no clause punctuation. */
static bool is_caption_block(const struct page *p, const struct block *b,
                             size_t max_lines)
{
    if (b->end - b->first > max_lines)
        return false;
    for (size_t i = b->first; i < b->end; i++) {
        const struct digest_line *l = &p->lines[i];
        if (l->width > SHORT_LINE_CELLS || digest_has_clause_mark(l->s, l->len))
            return false;
    }
    return true;
}

/* The column width of a speech: the most common line width (in half
 * cells), since most lines of a column are full; the widest line when there
 * are too few lines to tell. */
#define MAX_HALF_CELLS (SHORT_LINE_CELLS * 8)
static double column_width(const struct page *p, const struct block *body, size_t nb)
{
    int counts[MAX_HALF_CELLS + 1] = {0};
    int best = 0, best_count = 0, widest = 0, n = 0;

    for (size_t b = 0; b < nb; b++) {
        for (size_t i = body[b].first; i < body[b].end; i++) {
            int w = (int)(p->lines[i].width * 2 + 0.5);
            if (w > MAX_HALF_CELLS)
                w = MAX_HALF_CELLS;
            counts[w]++;
            n++;
            if (w > widest)
                widest = w;
        }
    }
    if (n < 4)
        return widest / 2.0;
    for (int w = 0; w <= MAX_HALF_CELLS; w++)
        if (counts[w] >= best_count)
            best = w, best_count = counts[w];
    return best / 2.0;
}

/* Short of the column by more than the play of punctuation compression:
 * a paragraph's indented first line (two cells) or a short last line. */
static bool is_short(const struct digest_line *l, double column)
{
    return l->width <= column - 1.5;
}

/* Does the blank line between blocks a and b end a paragraph? */
static bool is_paragraph_break(const struct page *p, const struct block *a,
                               const struct block *b, double column)
{
    const struct digest_line *last = &p->lines[a->end - 1];
    const struct digest_line *next = &p->lines[b->first];

    if (!digest_ends_sentence(last->s, last->len))
        return false;                        /* column break in mid-sentence */
    if (is_short(last, column))
        return true;                         /* a paragraph's short last line */
    /* A full line before the break: only an indented first line (short, and
     * not itself a last line, so followed by more lines) says "new paragraph". */
    return b->end - b->first >= 2 && is_short(next, column);
}

static int add_paragraph(const struct page *p, struct digest_speech *s,
                         size_t first, size_t end)
{
    struct digest_paragraph *v;
    char *text = digest_join_lines(&p->lines[first], end - first);

    if (!text)
        return -1;
    v = realloc(s->paragraphs, (s->n_paragraphs + 1) * sizeof *v);
    if (!v) {
        free(text);
        return -1;
    }
    s->paragraphs = v;
    v[s->n_paragraphs].text = text;
    v[s->n_paragraphs].line = p->lines[first].no;
    s->n_paragraphs++;
    return 0;
}

/* Rebuilds the paragraphs of body blocks[0..nb); -1 on OOM. */
static int build_paragraphs(const struct page *p, const struct block *body, size_t nb,
                            struct digest_speech *s)
{
    double column = column_width(p, body, nb);
    size_t para_first = body[0].first;

    for (size_t b = 1; b < nb; b++) {
        if (!is_paragraph_break(p, &body[b - 1], &body[b], column))
            continue;
        /* Lines between blocks are all in this paragraph: the page's blank
         * lines are not in `lines`, so blocks[b-1].end == blocks[b].first. */
        if (add_paragraph(p, s, para_first, body[b - 1].end) != 0)
            return -1;
        para_first = body[b].first;
    }
    return add_paragraph(p, s, para_first, body[nb - 1].end);
}

static int push_line(char ***v, long **nos, size_t *n, char *text, long no)
{
    char **nv;
    long *nn;

    if (!text)
        return -1;
    nv = realloc(*v, (*n + 1) * sizeof **v);
    if (nv)
        *v = nv;
    nn = nv ? realloc(*nos, (*n + 1) * sizeof **nos) : NULL;
    if (nn)
        *nos = nn;
    if (!nv || !nn) {
        free(text);
        return -1;
    }
    (*v)[*n] = text;
    (*nos)[*n] = no;
    (*n)++;
    return 0;
}

/* Adds a block's lines to the page heading.  A subtitle's leading dash
 * (——义乌市政协…) is typography, not text, and is dropped. */
static int add_heading(const struct page *p, const struct block *b, struct digest *d)
{
    static const char *const dashes[] = {"\xE2\x80\x94", "\xE2\x80\x95", "-", "\xEF\xBC\x8D"};

    for (size_t i = b->first; i < b->end; i++) {
        const char *s = p->lines[i].s;
        size_t n = p->lines[i].len;
        bool more = true;
        while (more) {
            more = false;
            for (size_t k = 0; k < sizeof dashes / sizeof *dashes; k++) {
                if (starts_with(s, n, dashes[k])) {
                    s += strlen(dashes[k]);
                    n -= strlen(dashes[k]);
                    more = true;
                }
            }
        }
        if (push_line(&d->heading, &d->heading_line_nos, &d->n_heading,
                      digest_collapse_blanks(s, n), p->lines[i].no) != 0)
            return -1;
    }
    return 0;
}

static void free_speech(struct digest_speech *s)
{
    for (size_t i = 0; i < s->n_title_lines; i++)
        free(s->title_lines[i]);
    free(s->title_lines);
    free(s->title_line_nos);
    free(s->title);
    free(s->attribution);
    free(s->speaker);
    free(s->on_behalf_of);
    for (size_t i = 0; i < s->n_paragraphs; i++)
        free(s->paragraphs[i].text);
    free(s->paragraphs);
    memset(s, 0, sizeof *s);
}

void digest_free(struct digest *d)
{
    for (size_t i = 0; i < d->n_heading; i++)
        free(d->heading[i]);
    free(d->heading);
    free(d->heading_line_nos);
    free(d->credit);
    for (size_t i = 0; i < d->n_speeches; i++)
        free_speech(&d->speeches[i]);
    free(d->speeches);
    memset(d, 0, sizeof *d);
}

/* Splits the text into trimmed non-blank lines and blocks.  An attribution
 * line always ends its block, so "title / attribution / credit" printed
 * without blank lines still separates. */
static int read_page(const char *name, const char *text, size_t len, struct page *p)
{
    const char *pos = text, *end = text + len;
    long no = 0;
    bool prev_blank = true;
    size_t cap_lines = 0, cap_blocks = 0;

    memset(p, 0, sizeof *p);
    p->name = name;
    while (pos < end) {
        const char *eol = memchr(pos, '\n', (size_t)(end - pos));
        const char *s = pos, *e = eol ? eol : end;
        uint32_t cp;

        pos = eol ? eol + 1 : end;
        no++;
        if ((size_t)(e - s) > DIGEST_MAX_LINE_BYTES) {
            diag_error(name, no, "line is %zu bytes long; a digest line is one printed "
                       "column (at most %d bytes): is this the right file?",
                       (size_t)(e - s), DIGEST_MAX_LINE_BYTES);
            return -1;
        }
        while (s < e) {                      /* trailing blanks and CR */
            size_t l = e[-1] == '\r' ? 1 : utf8_decode_last(s, (size_t)(e - s), &cp);
            if (e[-1] != '\r' && !utf8_is_blank(cp))
                break;
            e -= l;
        }
        while (s < e) {                      /* leading blanks (the lost indent) */
            size_t l = utf8_decode(s, (size_t)(e - s), &cp);
            if (l == 0 || !utf8_is_blank(cp))
                break;
            s += l;
        }
        if (s == e) {
            prev_blank = true;
            continue;
        }
        if (p->n_lines == cap_lines) {
            size_t cap = cap_lines ? cap_lines * 2 : 256;
            struct digest_line *v = realloc(p->lines, cap * sizeof *v);
            if (!v)
                goto oom;
            p->lines = v;
            cap_lines = cap;
        }
        p->lines[p->n_lines] = (struct digest_line){s, (size_t)(e - s), no,
                                                    digest_text_width(s, (size_t)(e - s))};
        if (prev_blank) {
            if (p->n_blocks == cap_blocks) {
                size_t cap = cap_blocks ? cap_blocks * 2 : 64;
                struct block *v = realloc(p->blocks, cap * sizeof *v);
                if (!v)
                    goto oom;
                p->blocks = v;
                cap_blocks = cap;
            }
            p->blocks[p->n_blocks++] = (struct block){p->n_lines, p->n_lines};
        }
        p->n_lines++;
        p->blocks[p->n_blocks - 1].end = p->n_lines;
        p->last_line_no = no;
        prev_blank = false;
    }
    return 0;
oom:
    diag_oom();
    return -1;
}

/* Makes every attribution line the last of its block (see read_page). */
static int split_blocks_at_attributions(struct page *p, bool *oom)
{
    for (size_t b = 0; b < p->n_blocks; b++) {
        for (size_t i = p->blocks[b].first; i + 1 < p->blocks[b].end; i++) {
            struct attribution a;
            struct block *v;
            if (!parse_attribution(&p->lines[i], &a, oom)) {
                if (*oom)
                    return -1;
                continue;
            }
            free(a.line), free(a.speaker), free(a.on_behalf_of);
            v = realloc(p->blocks, (p->n_blocks + 1) * sizeof *v);
            if (!v) {
                *oom = true;
                return -1;
            }
            p->blocks = v;
            memmove(&v[b + 2], &v[b + 1], (p->n_blocks - b - 1) * sizeof *v);
            v[b + 1] = (struct block){i + 1, v[b].end};
            v[b].end = i + 1;
            p->n_blocks++;
            break;
        }
    }
    return 0;
}

/* Builds one speech from blocks[from..attr_block], the last line of
 * attr_block being its attribution `a` (ownership passes to the speech). */
static int take_speech(const struct page *p, size_t from, size_t attr_block,
                       struct attribution *a, struct digest *d)
{
    const struct block *ab = &p->blocks[attr_block];
    const struct digest_line *attr_line = &p->lines[ab->end - 1];
    struct digest_speech s = {0};
    struct block title;
    size_t body_from = from, body_end;
    struct digest_speech *v;

    s.attribution = a->line;
    s.speaker = a->speaker;
    s.on_behalf_of = a->on_behalf_of;
    s.member = a->member;
    s.attribution_line = attr_line->no;
    memset(a, 0, sizeof *a);

    if (ab->end - ab->first > 1) {           /* title printed right above it */
        title = (struct block){ab->first, ab->end - 1};
        body_end = attr_block;
    } else if (attr_block > from && is_caption_block(p, &p->blocks[attr_block - 1],
                                                     MAX_TITLE_LINES)) {
        title = p->blocks[attr_block - 1];
        body_end = attr_block - 1;
    } else {
        diag_error(p->name, attr_line->no, "the speech attributed here has no title "
                   "above its attribution line (a title is 1 to %d short lines "
                   "without punctuation)", MAX_TITLE_LINES);
        goto fail;
    }
    if (!is_caption_block(p, &title, MAX_TITLE_LINES)) {
        diag_error(p->name, p->lines[title.first].no, "this title of the speech "
                   "attributed on line %ld is too long or has punctuation",
                   attr_line->no);
        goto fail;
    }
    /* The page heading can only sit between speeches: at the start of this
     * stretch, before any of the body. */
    while (body_from + 1 < body_end && is_caption_block(p, &p->blocks[body_from], 3)) {
        if (add_heading(p, &p->blocks[body_from], d) != 0)
            goto oom;
        body_from++;
    }
    if (body_from >= body_end) {
        diag_error(p->name, attr_line->no, "the speech attributed here has a title "
                   "but no text above it");
        goto fail;
    }
    for (size_t i = title.first; i < title.end; i++)
        if (push_line(&s.title_lines, &s.title_line_nos, &s.n_title_lines,
                      digest_collapse_blanks(p->lines[i].s, p->lines[i].len),
                      p->lines[i].no) != 0)
            goto oom;
    {
        struct strbuf t = STRBUF_INIT;
        for (size_t i = 0; i < s.n_title_lines; i++)
            strbuf_addf(&t, "%s%s", i ? " " : "", s.title_lines[i]);
        if (!(s.title = strbuf_detach(&t)))
            goto oom;
    }
    if (build_paragraphs(p, &p->blocks[body_from], body_end - body_from, &s) != 0)
        goto oom;
    v = realloc(d->speeches, (d->n_speeches + 1) * sizeof *v);
    if (!v)
        goto oom;
    d->speeches = v;
    v[d->n_speeches++] = s;
    return 0;
oom:
    diag_oom();
fail:
    free_speech(&s);
    return -1;
}

/* What follows the last attribution: the credit (the page's last short
 * line), and possibly the heading; any body text there is a speech that lost
 * its title and attribution. */
static int take_tail(const struct page *p, size_t from, struct digest *d)
{
    size_t end = p->n_blocks;

    for (size_t b = from; b < end; b++) {
        if (!is_caption_block(p, &p->blocks[b], 3)) {
            diag_error(p->name, p->lines[p->blocks[b].first].no,
                       "text after the last speech's attribution (line %ld) has no "
                       "title and attribution line (…的发言) of its own",
                       d->speeches[d->n_speeches - 1].attribution_line);
            return -1;
        }
    }
    if (end > from && p->blocks[end - 1].end - p->blocks[end - 1].first == 1) {
        const struct digest_line *l = &p->lines[p->blocks[end - 1].first];
        if (!(d->credit = digest_collapse_blanks(l->s, l->len))) {
            diag_oom();
            return -1;
        }
        d->credit_line = l->no;
        end--;
    }
    for (size_t b = from; b < end; b++) {
        if (d->n_heading > 0) {
            diag_error(p->name, p->lines[p->blocks[b].first].no,
                       "unexpected lines after the last speech: the page heading is "
                       "already on line %ld and the credit is the last line",
                       d->heading_line_nos[0]);
            return -1;
        }
        if (add_heading(p, &p->blocks[b], d) != 0) {
            diag_oom();
            return -1;
        }
    }
    return 0;
}

int digest_parse(const char *name, const char *text, size_t len, struct digest *d)
{
    struct page p;
    size_t from = 0;
    bool oom = false;
    int rc = -1;

    memset(d, 0, sizeof *d);
    if (read_page(name, text, len, &p) != 0)
        goto out;
    if (p.n_lines == 0) {
        diag_error(name, 0, "the digest is empty");
        goto out;
    }
    if (split_blocks_at_attributions(&p, &oom) != 0) {
        diag_oom();
        goto out;
    }
    for (size_t b = 0; b < p.n_blocks; b++) {
        const struct digest_line *l = &p.lines[p.blocks[b].end - 1];
        struct attribution a;
        if (!parse_attribution(l, &a, &oom)) {
            if (oom) {
                diag_oom();
                goto out;
            }
            continue;
        }
        if (take_speech(&p, from, b, &a, d) != 0) {
            free(a.line), free(a.speaker), free(a.on_behalf_of);
            goto out;
        }
        from = b + 1;
    }
    if (d->n_speeches == 0) {
        diag_error(name, 0, "no speech found: no attribution line such as "
                   "\"张三委员代表某某的发言\" (each speech ends with one)");
        goto out;
    }
    if (take_tail(&p, from, d) != 0)
        goto out;
    rc = 0;
out:
    free(p.lines);
    free(p.blocks);
    if (rc != 0)
        digest_free(d);
    return rc;
}

int digest_load(const char *path, struct digest *d)
{
    char *text;
    size_t len;
    int rc;

    memset(d, 0, sizeof *d);
    if (textfile_read(path, DIGEST_MAX_BYTES, &text, &len) != 0)
        return -1;
    rc = digest_parse(path, text, len, d);
    free(text);
    return rc;
}
