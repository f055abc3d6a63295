/* test_digest_unseen.c — digests the parser was not developed on, in the
 * same layout (the .txt files in tests/digests), against expected results written by
 * hand from the text (the .expected.json beside each): every field of every speech. */
#include <jansson.h>

#include "test_support.h"

static void check_strings(json_t *arr, char *const *v, size_t n, const char *what)
{
    if (json_array_size(arr) != n)
        fail_msg("%s: %zu, expected %zu", what, n, json_array_size(arr));
    for (size_t i = 0; i < n; i++)
        if (strcmp(json_string_value(json_array_get(arr, i)), v[i]) != 0)
            fail_msg("%s %zu: \"%s\", expected \"%s\"", what, i, v[i],
                     json_string_value(json_array_get(arr, i)));
}

static void check_digest(void **state)
{
    const char *name = *state;
    char txt[256], exp[256];
    struct digest d;
    json_error_t err;
    json_t *want, *speeches;
    char *source;
    size_t len;

    snprintf(txt, sizeof txt, "tests/digests/%s.txt", name);
    snprintf(exp, sizeof exp, "tests/digests/%s.expected.json", name);
    source = read_file(txt, &len);
    assert_int_equal(digest_parse(txt, source, len, &d), 0);
    want = json_load_file(exp, 0, &err);
    if (!want)
        fail_msg("%s:%d: %s", exp, err.line, err.text);
    check_strings(json_object_get(want, "heading"), d.heading, d.n_heading, "heading");
    assert_string_equal(d.credit, json_string_value(json_object_get(want, "credit")));
    speeches = json_object_get(want, "speeches");
    assert_int_equal(d.n_speeches, json_array_size(speeches));
    for (size_t i = 0; i < d.n_speeches; i++) {
        json_t *w = json_array_get(speeches, i);
        const struct digest_speech *s = &d.speeches[i];
        json_t *behalf = json_object_get(w, "on_behalf_of");
        char **paras = calloc(s->n_paragraphs + 1, sizeof *paras);
        assert_non_null(paras);
        assert_string_equal(s->title, json_string_value(json_object_get(w, "title")));
        check_strings(json_object_get(w, "title_lines"), s->title_lines, s->n_title_lines, "title line");
        assert_string_equal(s->speaker, json_string_value(json_object_get(w, "speaker")));
        assert_int_equal(s->member, json_is_true(json_object_get(w, "member")));
        if (json_is_null(behalf))
            assert_null(s->on_behalf_of);
        else
            assert_string_equal(s->on_behalf_of, json_string_value(behalf));
        assert_string_equal(s->attribution, json_string_value(json_object_get(w, "attribution")));
        for (size_t k = 0; k < s->n_paragraphs; k++)
            paras[k] = s->paragraphs[k].text;
        check_strings(json_object_get(w, "paragraphs"), paras, s->n_paragraphs, "paragraph");
        free(paras);
    }
    assert_han_preserved(source, &d);
    json_decref(want);
    digest_free(&d);
    free(source);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_prestate(check_digest, "county-congress"),
        cmocka_unit_test_prestate(check_digest, "city-cppcc"),
    };
    return cmocka_run_group_tests_name("digest: pages the parser has never seen", tests, NULL, NULL);
}
