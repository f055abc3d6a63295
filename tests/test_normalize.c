/* test_normalize.c — every normalization rule, checked on what is said. */
#include "test_support.h"
#include "normalize.h"

/* The spoken text of `in`: token texts concatenated, spaces dropped. */
static char *spoken(const char *in)
{
    struct token_list tl = {0};
    struct strbuf sb = STRBUF_INIT;
    size_t covered = 0;

    assert_int_equal(normalize(in, strlen(in), &tl), 0);
    for (size_t i = 0; i < tl.n; i++) {
        /* Every byte of the input is in exactly one token, in order. */
        assert_int_equal(tl.v[i].src, covered);
        covered += tl.v[i].src_len;
        if (tl.v[i].kind != TOKEN_SPACE)
            strbuf_adds(&sb, tl.v[i].text);
    }
    assert_int_equal(covered, strlen(in));
    token_list_free(&tl);
    return strbuf_detach(&sb);
}

static const struct { const char *in, *said; } cases[] = {
    /* integers and decimals */
    {"完成92.9亿件", "完成九十二点九亿件"},
    {"0.5", "零点五"},
    {"10个", "十个"},
    {"15人", "十五人"},
    {"110", "一百一十"},
    {"1005", "一千零五"},
    {"10000", "一万"},
    {"商位1500余间", "商位一千五百余间"},
    {"从业人员5000余人", "从业人员五千余人"},
    {"120万", "一百二十万"},
    {"3.5亿", "三点五亿"},
    {"1,234,567元", "一百二十三万四千五百六十七元"},
    /* 2: 两 before measure words and in the leading place, else 二 */
    {"新增近2万", "新增近两万"},
    {"2个", "两个"},
    {"2年", "两年"},
    {"2年级", "二年级"},
    {"第2", "第二"},
    {"2月2日", "二月二日"},
    {"12", "十二"},
    {"20000", "两万"},
    {"200个", "两百个"},
    /* percentages and ranges */
    {"同比增长30%", "同比增长百分之三十"},
    {"占全国8.58%", "占全国百分之八点五八"},
    {"近90%的", "近百分之九十的"},
    {"19.78%", "百分之十九点七八"},
    {"1%-2%", "百分之一到百分之二"},
    {"1-2%", "百分之一到百分之二"},
    {"5-10个", "五到十个"},
    {"3~5年", "三到五年"},
    {"3至5年", "三至五年"},
    /* years, dates, times */
    {"2021年", "二〇二一年"},
    {"2020年以来", "二〇二〇年以来"},
    {"2021 年", "二〇二一年"},
    {"2022年3月15日", "二〇二二年三月十五日"},
    {"2021-2025年", "二〇二一到二〇二五年"},
    {"8:30", "八点三十分"},
    {"8:05", "八点零五分"},
    {"8:00", "八点"},
    /* codes and phone numbers */
    {"热线12345", "热线幺二三四五"},
    {"0579-85123456", "零五七九八五幺二三四五六"},
    {"13812345678", "幺三八幺二三四五六七八"},
    /* ordinals and counters */
    {"第十四届", "第十四届"},
    {"14届", "十四届"},
    {"第3季度", "第三季度"},
    /* full width, signs, symbols */
    {"１２３", "一百二十三"},
    {"３０％", "百分之三十"},
    {"-5℃", "零下五摄氏度"},
    {"-3", "负三"},
    {"3/4", "四分之三"},
    {"智改+样本化", "智改加样本化"},
    {"“互联网+义务教育”", "“互联网加义务教育”"},
    {"间——智能工厂", "间——智能工厂"},
    /* signs, per-mille, time ranges, dates with dots, named days */
    {"增速为-2.1%", "增速为负百分之二点一"},
    {"5‰", "千分之五"},
    {"8:00～17:00", "八点到十七点"},
    {"2024.3.1起", "二〇二四年三月一日起"},
    {"2024-03-01", "二〇二四年三月一日"},
    {"3·15晚会", "三一五晚会"},
    /* numbers that name: codes, rooms, phones, trains, plates */
    {"12345热线", "幺二三四五热线"},
    {"拨打110报警", "拨打幺幺零报警"},
    {"400-800-1234", "四零零八零零幺二三四"},
    {"G7315次列车", "G七三幺五次列车"},
    {"302室", "三零二室"},
    /* units and currency */
    {"限速120km/h", "限速一百二十公里每小时"},
    {"5kg", "五公斤"},
    {"100m²", "一百平方米"},
    {"宽5m", "宽五米"},
    {"￥120", "一百二十元"},
    {"$5", "五美元"},
    /* Latin stays Latin; digits next to it are still read */
    {"海外仓Chinagoods平台", "海外仓Chinagoods平台"},
    {"5G网络", "五G网络"},
    {"ＡＰＰ", "APP"},
};

static void rules(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = spoken(cases[i].in);
        if (strcmp(got, cases[i].said) != 0)
            fail_msg("\"%s\" said as \"%s\", wanted \"%s\"", cases[i].in, got, cases[i].said);
        free(got);
    }
}

static void pauses_and_kinds(void **state)
{
    static const char in[] = "一是，二、三。Chinagoods 平台……“好”";
    struct token_list tl = {0};
    (void)state;
    assert_int_equal(normalize(in, strlen(in), &tl), 0);
    assert_int_equal(tl.v[0].kind, TOKEN_HAN);
    assert_int_equal(tl.v[1].pause, PAUSE_CLAUSE);
    assert_int_equal(tl.v[3].pause, PAUSE_LIST);
    assert_int_equal(tl.v[5].pause, PAUSE_SENTENCE);
    assert_int_equal(tl.v[6].kind, TOKEN_LATIN);
    assert_string_equal(tl.v[6].text, "Chinagoods");
    assert_int_equal(tl.v[7].kind, TOKEN_SPACE);
    assert_int_equal(tl.v[9].pause, PAUSE_SENTENCE);     /* …… is one token */
    assert_string_equal(tl.v[9].text, "……");
    assert_int_equal(tl.v[10].pause, PAUSE_NONE);        /* quotes are silent */
    token_list_free(&tl);
}

static void counted_marks_quantities(void **state)
{
    static const char in[] = "1个，2021年，1.5，第1";
    struct token_list tl = {0};
    (void)state;
    assert_int_equal(normalize(in, strlen(in), &tl), 0);
    assert_true(tl.v[0].counted);     /* 1个 */
    assert_false(tl.v[3].counted);    /* 2021 */
    assert_false(tl.v[6].counted);    /* 1.5 */
    assert_false(tl.v[9].counted);    /* 第1 */
    token_list_free(&tl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rules),
        cmocka_unit_test(pauses_and_kinds),
        cmocka_unit_test(counted_marks_quantities),
    };
    return cmocka_run_group_tests_name("normalization", tests, NULL, NULL);
}
