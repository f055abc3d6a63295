/* strbuf.h — growable byte strings and string lists.
 *
 * Allocation failure latches: after the first failed growth every further
 * append is ignored and `failed` stays true, so a builder can append freely and
 * check once, at the end, before it uses the result.
 */
#ifndef TINGBAO_STRBUF_H
#define TINGBAO_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

struct strbuf {
    char *s;      /* NUL-terminated when non-NULL */
    size_t len;
    size_t cap;
    bool failed;
};

#define STRBUF_INIT { NULL, 0, 0, false }

void strbuf_add(struct strbuf *sb, const char *s, size_t n);
void strbuf_adds(struct strbuf *sb, const char *s);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Hands the string over to the caller (an empty string rather than NULL when
 * nothing was added) and resets `sb`.  NULL if any append failed. */
char *strbuf_detach(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);

struct strlist {
    char **v;
    size_t n;
    size_t cap;
};

#define STRLIST_INIT { NULL, 0, 0 }

/* Appends `s`, taking ownership.  Returns 0, or -1 (and frees `s`) when `s`
 * is NULL or memory runs out, so `strlist_push(l, strdup(x))` is safe. */
int strlist_push(struct strlist *l, char *s);
void strlist_release(struct strlist *l);

/* strdup of the first n bytes; NULL when memory runs out. */
char *xstrndup(const char *s, size_t n);

#endif
