/* test_digest_errors.c — bad input gets one clear line naming file and line;
 * unusual but valid layouts still parse. */
#include "test_support.h"

static const char GOOD[] =
    "我市要加快建设，推进各项工作取得\n"
    "认真听取委员们的发言\n"
    "\n"
    "并且落到实处。\n"
    "\n"
    "加快建设\n"
    "\n"
    "张三委员代表某某界别的发言\n"
    "\n"
    "记者 李四(整理)\n";

/* Parses `text` expecting failure; asserts one diagnostic line that contains
 * every string in the NULL-terminated list. */
static void expect_error(const char *text, size_t len, ...)
{
    struct captured c;
    struct digest d;
    const char *msg, *part;
    va_list ap;

    capture_start(&c);
    assert_int_equal(digest_parse("page.txt", text, len, &d), -1);
    msg = capture_stop(&c);
    assert_int_equal(count_lines(msg), 1);
    assert_non_null(strstr(msg, "tingbao: page.txt"));
    va_start(ap, len);
    while ((part = va_arg(ap, const char *)))
        if (!strstr(msg, part))
            fail_msg("diagnostic \"%s\" lacks \"%s\"", msg, part);
    va_end(ap);
    assert_null(d.speeches);
    capture_free(&c);
}

static void minimal_page(void **state)
{
    struct digest d;
    (void)state;
    assert_int_equal(digest_parse("page.txt", GOOD, strlen(GOOD), &d), 0);
    assert_int_equal(d.n_speeches, 1);
    assert_string_equal(d.speeches[0].title, "加快建设");
    assert_string_equal(d.speeches[0].speaker, "张三");
    assert_string_equal(d.speeches[0].on_behalf_of, "某某界别");
    /* 听取委员们的发言 ends a block but is body text, not an attribution. */
    assert_int_equal(d.speeches[0].n_paragraphs, 1);
    assert_string_equal(d.speeches[0].paragraphs[0].text,
                        "我市要加快建设，推进各项工作取得认真听取委员们的发言并且落到实处。");
    assert_string_equal(d.credit, "记者 李四(整理)");
    assert_int_equal(d.n_heading, 0);
    assert_han_preserved(GOOD, &d);
    digest_free(&d);
}

static void crlf_and_attribution_without_behalf(void **state)
{
    static const char text[] =
        "\xE3\x80\x80\xE3\x80\x80今年要办好十件实事。\r\n\r\n"
        "办好实事\r\n王五委员的发言\r\n";
    struct digest d;
    (void)state;
    assert_int_equal(digest_parse("page.txt", text, strlen(text), &d), 0);
    assert_int_equal(d.n_speeches, 1);
    assert_string_equal(d.speeches[0].speaker, "王五");
    assert_true(d.speeches[0].member);
    assert_null(d.speeches[0].on_behalf_of);
    assert_string_equal(d.speeches[0].paragraphs[0].text, "今年要办好十件实事。");
    assert_null(d.credit);
    digest_free(&d);
}

static void not_utf8(void **state)
{
    static const char text[] = "第一行\n第二\xff行\n";
    struct captured c;
    const char *msg;
    (void)state;
    capture_start(&c);
    assert_int_equal(textfile_check("page.txt", text, strlen(text)), -1);
    msg = capture_stop(&c);
    assert_string_equal(msg, "tingbao: page.txt:2: not UTF-8 text (byte 0xFF); save the file as UTF-8\n");
    capture_free(&c);
}

static void gbk_file_is_not_utf8(void **state)
{
    /* 义乌 in GBK: what a newsroom PC may save. */
    static const char text[] = "\xD2\xE5\xCE\xDA\n";
    struct captured c;
    (void)state;
    capture_start(&c);
    assert_int_equal(textfile_check("page.txt", text, strlen(text)), -1);
    assert_non_null(strstr(capture_stop(&c), "page.txt:1: not UTF-8"));
    capture_free(&c);
}

static void empty(void **state)
{
    (void)state;
    expect_error("", 0, "empty", NULL);
    expect_error(" \n\n\xE3\x80\x80\n", 6, "empty", NULL);
}

static void no_attribution(void **state)
{
    static const char text[] = "这是一段正文，没有署名。\n\n又一段正文。\n";
    (void)state;
    expect_error(text, strlen(text), "no speech found", NULL);
}

static void body_after_last_attribution(void **state)
{
    static const char tail[] = "\n这一篇发言的正文没有标题，\n也没有署名。\n\n记者 李四(整理)\n";
    char text[sizeof GOOD + sizeof tail];
    (void)state;
    snprintf(text, sizeof text, "%s%s", GOOD, tail);
    /* GOOD is 10 lines; the stray body starts on line 12. */
    expect_error(text, strlen(text), "page.txt:12:", "no title", NULL);
}

static void two_megabyte_line(void **state)
{
    size_t n = 2u << 20;
    char *text = malloc(n);
    (void)state;
    assert_non_null(text);
    for (size_t i = 0; i + 3 <= n; i += 3)
        memcpy(text + i, "字", 3);
    expect_error(text, n - n % 3, "page.txt:1:", "bytes", NULL);
    free(text);
}

static void speech_without_title(void **state)
{
    static const char text[] = "正文一句话。\n\n张三委员代表某某界别的发言\n";
    (void)state;
    expect_error(text, strlen(text), "page.txt:3:", "no title", NULL);
}

static void title_without_body(void **state)
{
    static const char text[] = "加快建设\n张三委员代表某某界别的发言\n";
    (void)state;
    expect_error(text, strlen(text), "page.txt:2:", "no text", NULL);
}

static void name_without_member_or_behalf_is_not_an_attribution(void **state)
{
    static const char text[] = "正文一句话。\n\n标题\n\n张三的发言\n";
    (void)state;
    expect_error(text, strlen(text), "no speech found", NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(minimal_page),
        cmocka_unit_test(crlf_and_attribution_without_behalf),
        cmocka_unit_test(not_utf8),
        cmocka_unit_test(gbk_file_is_not_utf8),
        cmocka_unit_test(empty),
        cmocka_unit_test(no_attribution),
        cmocka_unit_test(body_after_last_attribution),
        cmocka_unit_test(two_megabyte_line),
        cmocka_unit_test(speech_without_title),
        cmocka_unit_test(title_without_body),
        cmocka_unit_test(name_without_member_or_behalf_is_not_an_attribution),
    };
    return cmocka_run_group_tests_name("digest: bad input and edge layouts", tests, NULL, NULL);
}
