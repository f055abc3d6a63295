/* test_support.h — helpers shared by the cmocka tests (header-only: each
 * test program is one .c file linked with the library objects). */
#ifndef TINGBAO_TEST_SUPPORT_H
#define TINGBAO_TEST_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"
#include "digest.h"
#include "strbuf.h"
#include "textfile.h"
#include "utf8.h"

/* Diagnostics go to a memory buffer while a test looks at them. */
struct captured {
    char *text;
    size_t len;
    FILE *stream;
};

static inline void capture_start(struct captured *c)
{
    c->text = NULL;
    c->len = 0;
    c->stream = open_memstream(&c->text, &c->len);
    assert_non_null(c->stream);
    diag_set_stream(c->stream);
}

/* Stops capturing; returns the text (freed by capture_free). */
static inline const char *capture_stop(struct captured *c)
{
    diag_set_stream(NULL);
    assert_int_equal(fclose(c->stream), 0);
    return c->text;
}

static inline void capture_free(struct captured *c) { free(c->text); }

static inline size_t count_lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* Appends the Han characters of s to out. */
static inline void add_han(struct strbuf *out, const char *s)
{
    size_t i = 0, n = strlen(s);
    uint32_t cp;
    while (i < n) {
        size_t len = utf8_decode(s + i, n - i, &cp);
        assert_true(len > 0);
        if (utf8_is_han(cp))
            strbuf_add(out, s + i, len);
        i += len;
    }
}

struct field {
    long line;
    const char *text;
};

static int compare_fields(const void *a, const void *b)
{
    const struct field *x = a, *y = b;
    return (x->line > y->line) - (x->line < y->line);
}

/* Asserts that the Han characters of `source` are exactly those of the
 * digest's fields put back in page order: none lost, none duplicated. */
static inline void assert_han_preserved(const char *source, const struct digest *d)
{
    struct field *f;
    size_t n = d->n_heading + (d->credit ? 1 : 0), k = 0;
    struct strbuf want = STRBUF_INIT, got = STRBUF_INIT;

    for (size_t i = 0; i < d->n_speeches; i++)
        n += d->speeches[i].n_paragraphs + d->speeches[i].n_title_lines + 1;
    f = calloc(n, sizeof *f);
    assert_non_null(f);
    for (size_t i = 0; i < d->n_heading; i++)
        f[k++] = (struct field){d->heading_line_nos[i], d->heading[i]};
    if (d->credit)
        f[k++] = (struct field){d->credit_line, d->credit};
    for (size_t i = 0; i < d->n_speeches; i++) {
        const struct digest_speech *s = &d->speeches[i];
        for (size_t j = 0; j < s->n_paragraphs; j++)
            f[k++] = (struct field){s->paragraphs[j].line, s->paragraphs[j].text};
        for (size_t j = 0; j < s->n_title_lines; j++)
            f[k++] = (struct field){s->title_line_nos[j], s->title_lines[j]};
        f[k++] = (struct field){s->attribution_line, s->attribution};
    }
    assert_int_equal(k, n);
    qsort(f, n, sizeof *f, compare_fields);
    for (size_t i = 0; i < n; i++)
        add_han(&got, f[i].text);
    add_han(&want, source);
    assert_false(want.failed || got.failed);
    assert_non_null(want.s);
    assert_non_null(got.s);
    assert_string_equal(got.s, want.s);
    strbuf_release(&want);
    strbuf_release(&got);
    free(f);
}

/* Reads a test data file (path relative to the repository root, where the
 * tests run). */
static inline char *read_file(const char *path, size_t *len)
{
    char *text;
    assert_int_equal(textfile_read(path, 1u << 24, &text, len), 0);
    return text;
}

#endif
