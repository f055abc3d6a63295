/* manifest.c — see manifest.h; JSON through jansson. */
#include "manifest.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "diag.h"

static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }

/* Writes a JSON document (and drops it) through a temporary file. */
int write_json(const char *path, json_t *doc)
{
    char *text = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    struct strbuf sb = STRBUF_INIT;
    int rc = -1;

    json_decref(doc);
    if (!text) {
        diag_oom();
        return -1;
    }
    strbuf_adds(&sb, text);
    strbuf_add(&sb, "\n", 1);
    free(text);
    if (sb.failed)
        diag_oom();
    else
        rc = atomic_write(path, sb.s, sb.len);
    strbuf_release(&sb);
    return rc;
}

int manifest_write(const char *path, const struct manifest *m)
{
    json_t *root = json_object(), *eps = json_array(), *heading = json_array();
    int failed = !root || !eps || !heading;

    for (size_t i = 0; i < m->heading.n && !failed; i++)
        failed |= json_array_append_new(heading, json_string(m->heading.v[i])) != 0;
    for (size_t i = 0; i < m->n_ep && !failed; i++) {
        const struct manifest_episode *e = &m->ep[i];
        json_t *marks = json_array();
        json_t *o = json_object();
        failed |= !marks || !o;
        for (size_t k = 0; k < e->n_marks && !failed; k++)
            failed |= json_array_append_new(marks, json_pack("{s:f,s:s}", "start", e->marks[k].start,
                                                             "title", e->marks[k].title)) != 0;
        if (failed) {
            json_decref(marks);
            json_decref(o);
            break;
        }
        failed |= json_object_set_new(o, "guid", json_string(e->guid)) != 0;
        failed |= json_object_set_new(o, "number", json_integer(e->number)) != 0;
        failed |= json_object_set_new(o, "file", json_string(e->file)) != 0;
        failed |= json_object_set_new(o, "bytes", json_integer(e->bytes)) != 0;
        failed |= json_object_set_new(o, "seconds", json_real(e->seconds)) != 0;
        failed |= json_object_set_new(o, "title", json_string(e->title)) != 0;
        failed |= json_object_set_new(o, "speaker", str_or_null(e->speaker)) != 0;
        failed |= json_object_set_new(o, "description", json_string(e->description)) != 0;
        failed |= json_object_set_new(o, "vtt", json_string(e->vtt)) != 0;
        failed |= json_object_set_new(o, "txt", json_string(e->txt)) != 0;
        failed |= json_object_set_new(o, "chapters", str_or_null(e->chapters)) != 0;
        failed |= json_object_set_new(o, "marks", marks) != 0;
        failed |= json_array_append_new(eps, o) != 0;
    }
    if (!failed) {
        failed |= json_object_set_new(root, "id", json_string(m->id)) != 0;
        failed |= json_object_set_new(root, "date", json_string(m->date)) != 0;
        failed |= json_object_set_new(root, "title", json_string(m->title)) != 0;
        failed |= json_object_set_new(root, "heading", heading) != 0;
        heading = NULL;
        failed |= json_object_set_new(root, "credit", str_or_null(m->credit)) != 0;
        failed |= json_object_set_new(root, "episodes", eps) != 0;
        eps = NULL;
    }
    json_decref(heading);
    json_decref(eps);
    if (failed) {
        json_decref(root);
        diag_oom();
        return -1;
    }
    return write_json(path, root);
}

static char *dup_str(json_t *o, const char *key, int *bad)
{
    json_t *v = json_object_get(o, key);
    char *s;
    if (json_is_null(v))
        return NULL;
    if (!json_is_string(v)) {
        *bad = 1;
        return NULL;
    }
    if (!(s = strdup(json_string_value(v))))
        *bad = 1;
    return s;
}

int manifest_read(const char *path, struct manifest *m)
{
    json_error_t err;
    json_t *root = json_load_file(path, 0, &err), *eps, *heading, *v;
    size_t i;
    int bad = 0;

    memset(m, 0, sizeof *m);
    if (!root) {
        diag_error(path, err.line, "cannot read the edition's manifest: %s (rebuild it)", err.text);
        return -1;
    }
    m->id = dup_str(root, "id", &bad);
    m->date = dup_str(root, "date", &bad);
    m->title = dup_str(root, "title", &bad);
    m->credit = dup_str(root, "credit", &bad);
    heading = json_object_get(root, "heading");
    json_array_foreach(heading, i, v)
        bad |= strlist_push(&m->heading, json_is_string(v) ? strdup(json_string_value(v)) : NULL) != 0;
    eps = json_object_get(root, "episodes");
    if (!json_is_array(eps) || !m->id || !m->date || !m->title)
        bad = 1;
    else if (!(m->ep = calloc(json_array_size(eps) + 1, sizeof *m->ep)))
        bad = 1;
    for (i = 0; !bad && i < json_array_size(eps); i++) {
        json_t *o = json_array_get(eps, i), *marks = json_object_get(o, "marks"), *mk;
        struct manifest_episode *e = &m->ep[m->n_ep++];
        size_t k;
        e->guid = dup_str(o, "guid", &bad);
        e->file = dup_str(o, "file", &bad);
        e->vtt = dup_str(o, "vtt", &bad);
        e->txt = dup_str(o, "txt", &bad);
        e->chapters = dup_str(o, "chapters", &bad);
        e->title = dup_str(o, "title", &bad);
        e->speaker = dup_str(o, "speaker", &bad);
        e->description = dup_str(o, "description", &bad);
        e->number = (int)json_integer_value(json_object_get(o, "number"));
        e->seconds = json_number_value(json_object_get(o, "seconds"));
        e->bytes = (long long)json_integer_value(json_object_get(o, "bytes"));
        if (!e->guid || !e->file || !e->title || !e->vtt || !e->txt || !e->description) {
            bad = 1;
            break;
        }
        if (!(e->marks = calloc(json_array_size(marks) + 1, sizeof *e->marks))) {
            bad = 1;
            break;
        }
        json_array_foreach(marks, k, mk) {
            e->marks[e->n_marks].start = json_number_value(json_object_get(mk, "start"));
            if (!(e->marks[e->n_marks++].title = dup_str(mk, "title", &bad)))
                bad = 1;
        }
    }
    json_decref(root);
    if (bad) {
        diag_error(path, 0, "the edition's manifest is incomplete (rebuild it)");
        manifest_free(m);
        return -1;
    }
    return 0;
}

void manifest_free(struct manifest *m)
{
    for (size_t i = 0; i < m->n_ep; i++) {
        struct manifest_episode *e = &m->ep[i];
        free(e->guid), free(e->file), free(e->vtt), free(e->txt), free(e->chapters);
        free(e->title), free(e->speaker), free(e->description);
        for (size_t k = 0; k < e->n_marks; k++)
            free(e->marks[k].title);
        free(e->marks);
    }
    free(m->ep);
    free(m->id), free(m->date), free(m->title), free(m->credit);
    strlist_release(&m->heading);
    memset(m, 0, sizeof *m);
}
