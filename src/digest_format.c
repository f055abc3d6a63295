/* digest_format.c — see digest_format.h.  JSON goes through jansson, so
 * escaping is the library's business, not ours. */
#include "digest_format.h"

#include <errno.h>
#include <jansson.h>
#include <string.h>

#include "diag.h"

/* jansson reports failure by returning NULL or -1; these helpers fold that
 * into one flag so building an object stays readable and every call is
 * still checked. */
static json_t *checked(json_t *v, int *failed)
{
    if (!v)
        *failed = 1;
    return v;
}

static void put(json_t *obj, const char *key, json_t *v, int *failed)
{
    if (!obj || !v || json_object_set_new(obj, key, v) != 0) {
        *failed = 1;
        if (!obj)
            json_decref(v);
    }
}

static void append(json_t *arr, json_t *v, int *failed)
{
    if (!arr || !v || json_array_append_new(arr, v) != 0) {
        *failed = 1;
        if (!arr)
            json_decref(v);
    }
}

static json_t *string_or_null(const char *s, int *failed)
{
    return checked(s ? json_string(s) : json_null(), failed);
}

static json_t *string_array(char *const *v, size_t n, int *failed)
{
    json_t *arr = checked(json_array(), failed);
    for (size_t i = 0; i < n; i++)
        append(arr, checked(json_string(v[i]), failed), failed);
    return arr;
}

static json_t *speech_json(const struct digest_speech *s, size_t index, int *failed)
{
    json_t *o = checked(json_object(), failed);
    json_t *paras = checked(json_array(), failed);
    json_t *lines = checked(json_object(), failed);
    json_t *para_lines = checked(json_array(), failed);
    json_t *title_lines = checked(json_array(), failed);

    put(o, "number", checked(json_integer((json_int_t)index + 1), failed), failed);
    put(o, "title", checked(json_string(s->title), failed), failed);
    put(o, "title_lines", string_array(s->title_lines, s->n_title_lines, failed), failed);
    put(o, "speaker", checked(json_string(s->speaker), failed), failed);
    put(o, "member", checked(json_boolean(s->member), failed), failed);
    put(o, "on_behalf_of", string_or_null(s->on_behalf_of, failed), failed);
    put(o, "attribution", checked(json_string(s->attribution), failed), failed);
    for (size_t i = 0; i < s->n_paragraphs; i++) {
        append(paras, checked(json_string(s->paragraphs[i].text), failed), failed);
        append(para_lines, checked(json_integer(s->paragraphs[i].line), failed), failed);
    }
    put(o, "paragraphs", paras, failed);
    for (size_t i = 0; i < s->n_title_lines; i++)
        append(title_lines, checked(json_integer(s->title_line_nos[i]), failed), failed);
    put(lines, "paragraphs", para_lines, failed);
    put(lines, "title", title_lines, failed);
    put(lines, "attribution", checked(json_integer(s->attribution_line), failed), failed);
    put(o, "source_lines", lines, failed);
    return o;
}

int digest_write_json(FILE *out, const struct digest *d, const struct edition *e)
{
    int failed = 0;
    json_t *root = checked(json_object(), &failed);
    json_t *speeches = checked(json_array(), &failed);

    if (e) {
        json_t *ed = checked(json_object(), &failed);
        put(ed, "id", checked(json_string(e->id), &failed), &failed);
        put(ed, "date", checked(json_string(e->date), &failed), &failed);
        put(root, "edition", ed, &failed);
    }
    put(root, "heading", string_array(d->heading, d->n_heading, &failed), &failed);
    put(root, "credit", string_or_null(d->credit, &failed), &failed);
    for (size_t i = 0; i < d->n_speeches; i++)
        append(speeches, speech_json(&d->speeches[i], i, &failed), &failed);
    put(root, "speeches", speeches, &failed);
    {
        json_t *lines = checked(json_object(), &failed);
        json_t *heading = checked(json_array(), &failed);
        for (size_t i = 0; i < d->n_heading; i++)
            append(heading, checked(json_integer(d->heading_line_nos[i]), &failed), &failed);
        put(lines, "heading", heading, &failed);
        put(lines, "credit", d->credit ? checked(json_integer(d->credit_line), &failed)
                                       : checked(json_null(), &failed), &failed);
        put(root, "source_lines", lines, &failed);
    }
    if (failed) {
        json_decref(root);
        diag_oom();
        return -1;
    }
    if (json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0 ||
        fputc('\n', out) == EOF) {
        json_decref(root);
        diag_error(NULL, 0, "cannot write the JSON output: %s", strerror(errno));
        return -1;
    }
    json_decref(root);
    return 0;
}

int digest_write_text(FILE *out, const struct digest *d, const struct edition *e)
{
    if (e)
        fprintf(out, "%s (%s)\n", e->id, e->date);
    for (size_t i = 0; i < d->n_heading; i++)
        fprintf(out, "%s\n", d->heading[i]);
    for (size_t i = 0; i < d->n_speeches; i++) {
        const struct digest_speech *s = &d->speeches[i];
        fprintf(out, "\n%zu. %s\n   %s%s%s%s\n", i + 1, s->title, s->speaker,
                s->member ? "委员" : "", s->on_behalf_of ? "，代表" : "",
                s->on_behalf_of ? s->on_behalf_of : "");
        for (size_t k = 0; k < s->n_paragraphs; k++)
            fprintf(out, "\n   %s\n", s->paragraphs[k].text);
    }
    if (d->credit)
        fprintf(out, "\n%s\n", d->credit);
    if (ferror(out)) {
        diag_error(NULL, 0, "cannot write the output: %s", strerror(errno));
        return -1;
    }
    return 0;
}
