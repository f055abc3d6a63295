/* test_pinyin.c — word readings, the 一/不 tone changes, and the override
 * file, through the same path as `tingbao pronounce`. */
#include <unistd.h>

#include "test_support.h"
#include "frontend.h"

#define LEXICON "build/lexicon.tsv"

static struct frontend fe;

static int setup(void **state)
{
    (void)state;
    return frontend_open(&fe, LEXICON, NULL, false);
}

static int teardown(void **state)
{
    (void)state;
    frontend_close(&fe);
    return 0;
}

/* All syllables of `text`, space separated. */
static char *pinyin_of(const struct frontend *f, const char *text)
{
    struct token_list tl = {0};
    struct strbuf sb = STRBUF_INIT;

    assert_int_equal(frontend_pronounce(f, text, strlen(text), &tl), 0);
    for (size_t i = 0; i < tl.n; i++)
        if (tl.v[i].pinyin && *tl.v[i].pinyin)
            strbuf_addf(&sb, "%s%s", sb.len ? " " : "", tl.v[i].pinyin);
    token_list_free(&tl);
    return strbuf_detach(&sb);
}

static void expect(const struct frontend *f, const char *text, const char *want)
{
    char *got = pinyin_of(f, text);
    if (strcmp(got, want) != 0)
        fail_msg("%s: got \"%s\", wanted \"%s\"", text, got, want);
    free(got);
}

/* The readings espeak-ng gets wrong per character, which a word-level
 * front end must get right (see shared notes). */
static void mainland_word_readings(void **state)
{
    (void)state;
    expect(&fe, "银行", "yin2 hang2");
    expect(&fe, "行业", "hang2 ye4");
    expect(&fe, "增长", "zeng1 zhang3");
    expect(&fe, "模具", "mu2 ju4");
    expect(&fe, "应用", "ying4 yong4");
    expect(&fe, "作为", "zuo4 wei2");
    expect(&fe, "成为", "cheng2 wei2");
    expect(&fe, "基地", "ji1 di4");
    expect(&fe, "土地", "tu3 di4");
    expect(&fe, "企业", "qi3 ye4");
    expect(&fe, "质量", "zhi4 liang4");
    expect(&fe, "业务量", "ye4 wu4 liang4");
    expect(&fe, "长期", "chang2 qi1");
    expect(&fe, "重要", "zhong4 yao4");
    expect(&fe, "还是", "hai2 shi4");
    expect(&fe, "便宜", "pian2 yi5");
    expect(&fe, "我们的", "wo3 men5 de5");
}

static void tone_changes_of_yi_and_bu(void **state)
{
    (void)state;
    expect(&fe, "一定", "yi2 ding4");
    expect(&fe, "一是", "yi2 shi4");
    expect(&fe, "一批", "yi4 pi1");
    expect(&fe, "一体化", "yi4 ti3 hua4");
    expect(&fe, "不断", "bu2 duan4");
    expect(&fe, "不足", "bu4 zu2");
    expect(&fe, "统一", "tong3 yi1");
    expect(&fe, "第一", "di4 yi1");
    expect(&fe, "十四届一次", "shi2 si4 jie4 yi2 ci4");
    expect(&fe, "一，", "yi1");
    /* numbers: only a leading quantity changes */
    expect(&fe, "1个", "yi2 ge4");
    expect(&fe, "1500", "yi4 qian1 wu3 bai3");
    expect(&fe, "11个", "shi2 yi1 ge4");
    expect(&fe, "2021年", "er4 ling2 er4 yi1 nian2");
    expect(&fe, "1.5", "yi1 dian3 wu3");
}

static void numbers_are_read_in_mandarin(void **state)
{
    (void)state;
    expect(&fe, "92.9亿件", "jiu3 shi2 er4 dian3 jiu3 yi4 jian4");
    expect(&fe, "8.58%", "bai3 fen1 zhi1 ba1 dian3 wu3 ba1");
    expect(&fe, "近2万", "jin4 liang3 wan4");
}

static void json_covers_every_character(void **state)
{
    static const char text[] = "银行，Chinagoods 92.9亿。";
    struct token_list tl = {0};
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    (void)state;
    assert_non_null(f);
    assert_int_equal(frontend_pronounce(&fe, text, strlen(text), &tl), 0);
    assert_int_equal(frontend_write_json(f, text, &tl), 0);
    assert_int_equal(fclose(f), 0);
    assert_non_null(strstr(out, "\"src\": \"银行\""));
    assert_non_null(strstr(out, "\"pinyin\": \"yin2 hang2\""));
    assert_non_null(strstr(out, "\"src\": \"92.9\""));
    assert_non_null(strstr(out, "\"text\": \"九十二点九\""));
    assert_non_null(strstr(out, "\"src\": \"Chinagoods\""));
    token_list_free(&tl);
    free(out);
}

static char *write_temp(const char *content)
{
    static char path[64];
    int fd;
    snprintf(path, sizeof path, "/tmp/tingbao-ovr-XXXXXX");
    fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, content, strlen(content)), (ssize_t)strlen(content));
    assert_int_equal(close(fd), 0);
    return path;
}

static void overrides_win(void **state)
{
    struct frontend f2;
    char *path = write_temp("# names\n徐衎 xu2 kan4\n\n银行 yin2 xing2  # deliberately odd\n"
                            "一定 yi1 ding4\n");
    (void)state;
    assert_int_equal(frontend_open(&f2, LEXICON, path, false), 0);
    expect(&f2, "徐衎委员", "xu2 kan4 wei3 yuan2");
    expect(&f2, "银行", "yin2 xing2");
    expect(&f2, "一定", "yi1 ding4");   /* an override is final: no tone change */
    frontend_close(&f2);
    unlink(path);
}

static const char *override_error(const char *content)
{
    static char msg[512];
    struct frontend f2;
    struct captured c;
    char *path = write_temp(content);
    const char *m;

    capture_start(&c);
    assert_int_equal(frontend_open(&f2, LEXICON, path, false), -1);
    m = capture_stop(&c);
    assert_int_equal(count_lines(m), 1);
    assert_non_null(strstr(m, path));
    snprintf(msg, sizeof msg, "%s", strstr(m, path) + strlen(path));
    capture_free(&c);
    unlink(path);
    return msg;
}

static void malformed_override_lines(void **state)
{
    (void)state;
    assert_string_equal(override_error("徐衎 xu2 kan4\n徐衎 xu2\n"),
                        ":2: 2 characters but 1 syllables; give one syllable per character\n");
    assert_string_equal(override_error("\n\n银行 yin hang2\n"),
                        ":3: 'yin' is not a pinyin syllable with a tone digit 1-5 (write ü as v: lv4)\n");
    assert_string_equal(override_error("xu2 kan4\n"),
                        ":1: the word must be Chinese characters; found 'x'\n");
    assert_string_equal(override_error("女 nü3\n"),
                        ":1: 'nü3' is not a pinyin syllable with a tone digit 1-5 (write ü as v: lv4)\n");
    assert_string_equal(override_error("徐衎\n"),
                        ":1: 2 characters but 0 syllables; give one syllable per character\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(mainland_word_readings),
        cmocka_unit_test(tone_changes_of_yi_and_bu),
        cmocka_unit_test(numbers_are_read_in_mandarin),
        cmocka_unit_test(json_covers_every_character),
        cmocka_unit_test(overrides_win),
        cmocka_unit_test(malformed_override_lines),
    };
    return cmocka_run_group_tests_name("pinyin", tests, setup, teardown);
}
