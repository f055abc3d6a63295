/* conf.c — key = value settings files; see conf.h. */
#include "conf.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "strbuf.h"
#include "textfile.h"

/* Settings files are a screenful; anything this large is the wrong file. */
#define CONF_MAX_BYTES (1u << 20)

static int is_key_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_' || c == '-';
}

static void trim(const char **s, const char **e)
{
    while (*s < *e && (**s == ' ' || **s == '\t'))
        (*s)++;
    while (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\t' || (*e)[-1] == '\r'))
        (*e)--;
}

static int add_entry(struct conf *conf, const char *k, size_t kn,
                     const char *v, size_t vn, long line)
{
    struct conf_entry *e = realloc(conf->entries, (conf->n + 1) * sizeof *e);
    if (!e)
        return -1;
    conf->entries = e;
    e = &conf->entries[conf->n];
    e->key = xstrndup(k, kn);
    e->value = xstrndup(v, vn);
    e->line = line;
    if (!e->key || !e->value) {
        free(e->key);
        free(e->value);
        return -1;
    }
    conf->n++;
    return 0;
}

int conf_parse(const char *path, const char *text, size_t len, struct conf *conf)
{
    const char *p = text, *end = text + len;
    long line = 0;

    memset(conf, 0, sizeof *conf);
    if (!(conf->path = strdup(path))) {
        diag_oom();
        return -1;
    }
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        const char *s = p, *e = eol ? eol : end, *eq, *ks, *ke;

        p = eol ? eol + 1 : end;
        line++;
        trim(&s, &e);
        if (s == e || *s == '#')
            continue;
        eq = memchr(s, '=', (size_t)(e - s));
        if (!eq) {
            diag_error(path, line, "expected 'key = value', found no '='");
            goto fail;
        }
        ks = s, ke = eq;
        trim(&ks, &ke);
        if (ks == ke) {
            diag_error(path, line, "a setting needs a name before '='");
            goto fail;
        }
        for (const char *k = ks; k < ke; k++) {
            if (!is_key_char(*k)) {
                diag_error(path, line, "'%.*s' is not a setting name (letters, digits, '_', '-')",
                           (int)(ke - ks), ks);
                goto fail;
            }
        }
        for (size_t i = 0; i < conf->n; i++) {
            if (strlen(conf->entries[i].key) == (size_t)(ke - ks) &&
                memcmp(conf->entries[i].key, ks, (size_t)(ke - ks)) == 0) {
                diag_error(path, line, "'%.*s' is already set on line %ld",
                           (int)(ke - ks), ks, conf->entries[i].line);
                goto fail;
            }
        }
        s = eq + 1;
        trim(&s, &e);
        if (add_entry(conf, ks, (size_t)(ke - ks), s, (size_t)(e - s), line) != 0) {
            diag_oom();
            goto fail;
        }
    }
    return 0;
fail:
    conf_free(conf);
    return -1;
}

int conf_load(const char *path, struct conf *conf)
{
    char *text;
    size_t len;
    int rc;

    memset(conf, 0, sizeof *conf);
    if (textfile_read(path, CONF_MAX_BYTES, &text, &len) != 0)
        return -1;
    rc = conf_parse(path, text, len, conf);
    free(text);
    return rc;
}

int conf_check_keys(const struct conf *conf, const char *const *known)
{
    for (size_t i = 0; i < conf->n; i++) {
        size_t k = 0;
        while (known[k] && strcmp(known[k], conf->entries[i].key) != 0)
            k++;
        if (!known[k]) {
            struct strbuf list = STRBUF_INIT;
            char *names;
            for (k = 0; known[k]; k++)
                strbuf_addf(&list, "%s%s", k ? ", " : "", known[k]);
            names = strbuf_detach(&list);
            diag_error(conf->path, conf->entries[i].line,
                       "unknown setting '%s' (known: %s)", conf->entries[i].key,
                       names ? names : "?");
            free(names);
            return -1;
        }
    }
    return 0;
}

const struct conf_entry *conf_get(const struct conf *conf, const char *key)
{
    for (size_t i = 0; i < conf->n; i++)
        if (strcmp(conf->entries[i].key, key) == 0)
            return &conf->entries[i];
    return NULL;
}

const char *conf_require(const struct conf *conf, const char *key)
{
    const struct conf_entry *e = conf_get(conf, key);

    if (!e) {
        diag_error(conf->path, 0, "missing setting '%s'", key);
        return NULL;
    }
    if (!*e->value) {
        diag_error(conf->path, e->line, "setting '%s' is empty", key);
        return NULL;
    }
    return e->value;
}

void conf_free(struct conf *conf)
{
    for (size_t i = 0; i < conf->n; i++) {
        free(conf->entries[i].key);
        free(conf->entries[i].value);
    }
    free(conf->entries);
    free(conf->path);
    memset(conf, 0, sizeof *conf);
}
