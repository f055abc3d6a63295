/* voice.c — see voice.h. */
#include "voice.h"

#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "diag.h"
#include "edition.h"
#include "strbuf.h"

struct int_key {
    const char *key;
    int min, max;
    size_t offset;
};

static const struct int_key int_keys[] = {
    {"rate", 80, 450, offsetof(struct voice, rate)},
    {"pitch", 0, 100, offsetof(struct voice, pitch)},
    {"range", 0, 100, offsetof(struct voice, range)},
    {"volume", 0, 200, offsetof(struct voice, volume)},
    {"pause_list_ms", 0, 5000, offsetof(struct voice, pause_list_ms)},
    {"pause_clause_ms", 0, 5000, offsetof(struct voice, pause_clause_ms)},
    {"pause_sentence_ms", 0, 5000, offsetof(struct voice, pause_sentence_ms)},
    {"pause_paragraph_ms", 0, 10000, offsetof(struct voice, pause_paragraph_ms)},
};

static const char *const known_keys[] = {
    "espeak_voice", "latin_voice", "rate", "pitch", "range", "volume", "pause_list_ms",
    "pause_clause_ms", "pause_sentence_ms", "pause_paragraph_ms", NULL};

/* espeak-ng voice names are short identifiers like cmn-latn-pinyin, en-us. */
static int voice_name_ok(const char *s)
{
    if (!*s || strlen(s) > 40)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' || *s == '_' || *s == '+'))
            return 0;
    return 1;
}

int voice_load(const char *voices_dir, const char *name, struct voice *v)
{
    struct conf conf;
    struct strbuf path = STRBUF_INIT;
    int rc = -1;

    memset(v, 0, sizeof *v);
    if (!edition_id_ok(name)) {
        diag_error(NULL, 0, "'%s' is not a voice name (letters a-z, digits, '-')", name);
        return -1;
    }
    strbuf_addf(&path, "%s/%s.conf", voices_dir, name);
    if (!(v->path = strbuf_detach(&path)) || !(v->name = strdup(name))) {
        diag_oom();
        goto out_nofree;
    }
    if (conf_load(v->path, &conf) != 0)
        goto out_nofree;
    if (conf_check_keys(&conf, known_keys) != 0)
        goto out;
    for (size_t i = 0; i < sizeof int_keys / sizeof *int_keys; i++) {
        const char *val = conf_require(&conf, int_keys[i].key);
        char *end;
        long n;
        if (!val)
            goto out;
        n = strtol(val, &end, 10);
        if (*end != '\0' || n < int_keys[i].min || n > int_keys[i].max) {
            diag_error(v->path, conf_get(&conf, int_keys[i].key)->line,
                       "%s = %s: give a whole number from %d to %d", int_keys[i].key, val,
                       int_keys[i].min, int_keys[i].max);
            goto out;
        }
        *(int *)((char *)v + int_keys[i].offset) = (int)n;
    }
    for (int k = 0; k < 2; k++) {
        const char *key = k ? "latin_voice" : "espeak_voice";
        const char *val = conf_require(&conf, key);
        if (!val)
            goto out;
        if (!voice_name_ok(val)) {
            diag_error(v->path, conf_get(&conf, key)->line,
                       "%s = %s is not an espeak-ng voice name", key, val);
            goto out;
        }
        if (!(*(k ? &v->latin_voice : &v->espeak_voice) = strdup(val))) {
            diag_oom();
            goto out;
        }
    }
    rc = 0;
out:
    conf_free(&conf);
out_nofree:
    if (rc != 0)
        voice_free(v);
    return rc;
}

void voice_free(struct voice *v)
{
    free(v->name);
    free(v->path);
    free(v->espeak_voice);
    free(v->latin_voice);
    memset(v, 0, sizeof *v);
}
