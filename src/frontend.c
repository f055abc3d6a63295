/* frontend.c — see frontend.h. */
#include "frontend.h"

#include <errno.h>
#include <jansson.h>
#include <string.h>

#include "diag.h"
#include "pinyin.h"

int frontend_open(struct frontend *fe, const char *lexicon_path,
                  const char *overrides_path, bool overrides_optional)
{
    fe->lex = lexicon_load(lexicon_path ? lexicon_path : lexicon_default_path());
    if (!fe->lex)
        return -1;
    if (overrides_path && lexicon_add_overrides(fe->lex, overrides_path, overrides_optional) != 0) {
        lexicon_free(fe->lex);
        fe->lex = NULL;
        return -1;
    }
    return 0;
}

int frontend_pronounce(const struct frontend *fe, const char *text, size_t len,
                       struct token_list *out)
{
    if (normalize(text, len, out) != 0)
        return -1;
    if (pinyin_assign(fe->lex, out) != 0) {
        token_list_free(out);
        return -1;
    }
    return 0;
}

int frontend_write_json(FILE *out, const char *text, const struct token_list *tl)
{
    json_t *arr = json_array();
    int failed = !arr;

    for (size_t i = 0; i < tl->n && !failed; i++) {
        const struct token *t = &tl->v[i];
        json_t *o = json_pack("{s:s%,s:s,s:s}", "src", text + t->src, t->src_len,
                              "text", t->text, "pinyin", t->pinyin ? t->pinyin : "");
        if (!o || json_array_append_new(arr, o) != 0)
            failed = 1;
    }
    if (failed) {
        json_decref(arr);
        diag_oom();
        return -1;
    }
    if (json_dumpf(arr, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER) != 0 || fputc('\n', out) == EOF) {
        json_decref(arr);
        diag_error(NULL, 0, "cannot write the output: %s", strerror(errno));
        return -1;
    }
    json_decref(arr);
    return 0;
}

void frontend_close(struct frontend *fe)
{
    lexicon_free(fe->lex);
    fe->lex = NULL;
}
