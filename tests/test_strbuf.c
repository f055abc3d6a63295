/* test_strbuf.c — growable strings: the empty case found by fuzzing. */
#include "test_support.h"

static void empty_detach_is_an_empty_string(void **state)
{
    struct strbuf sb = STRBUF_INIT;
    char *s;
    (void)state;
    s = strbuf_detach(&sb);
    assert_non_null(s);
    assert_string_equal(s, "");
    free(s);
}

static void appends_and_formats(void **state)
{
    struct strbuf sb = STRBUF_INIT;
    char *s;
    (void)state;
    strbuf_adds(&sb, "银行");
    strbuf_addf(&sb, " %d%%", 30);
    strbuf_add(&sb, "xyz", 1);
    s = strbuf_detach(&sb);
    assert_string_equal(s, "银行 30%x");
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(empty_detach_is_an_empty_string),
        cmocka_unit_test(appends_and_formats),
    };
    return cmocka_run_group_tests_name("strbuf", tests, NULL, NULL);
}
