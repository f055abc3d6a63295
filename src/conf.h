/* conf.h — the small settings format staff edit in a text editor.
 *
 *     # a comment
 *     key = value
 *
 * One setting a line; blank lines and lines starting with '#' are ignored;
 * spaces around key and value are dropped.  Keys are letters, digits, '_' and
 * '-'.  A key given twice, a line without '=', and (through conf_check_keys)
 * an unknown key are errors that name the file and line.
 */
#ifndef TINGBAO_CONF_H
#define TINGBAO_CONF_H

#include <stddef.h>

struct conf_entry {
    char *key;
    char *value;
    long line;
};

struct conf {
    char *path;
    struct conf_entry *entries;
    size_t n;
};

/* Reads and parses `path`.  Returns 0, or -1 after one diagnostic. */
int conf_load(const char *path, struct conf *conf);

/* Parses text already in memory; `path` names it in diagnostics. */
int conf_parse(const char *path, const char *text, size_t len, struct conf *conf);

/* Fails (one diagnostic at the offending line) if a key is not in the
 * NULL-terminated list `known`.  Returns 0 or -1. */
int conf_check_keys(const struct conf *conf, const char *const *known);

/* The entry for `key`, or NULL. */
const struct conf_entry *conf_get(const struct conf *conf, const char *key);

/* The value for `key`; when it is absent or empty, one diagnostic ("missing
 * setting 'key'") and NULL. */
const char *conf_require(const struct conf *conf, const char *key);

void conf_free(struct conf *conf);

#endif
