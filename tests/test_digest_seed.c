/* test_digest_seed.c — the real page: the Yiwu CPPCC 14-1 digest in content/. */
#include "test_support.h"

#define SEED "content/yiwu-cppcc-14-1/digest.txt"

static struct digest d;
static char *source;

static int setup(void **state)
{
    size_t len;
    (void)state;
    source = read_file(SEED, &len);
    return digest_parse(SEED, source, len, &d);
}

static int teardown(void **state)
{
    (void)state;
    digest_free(&d);
    free(source);
    return 0;
}

static void heading_and_credit(void **state)
{
    (void)state;
    assert_int_equal(d.n_heading, 2);
    assert_string_equal(d.heading[0], "参政议政谋发展 建言献策出实招");
    assert_string_equal(d.heading[1], "义乌市政协十四届一次会议大会发言摘要");
    assert_int_equal(d.heading_line_nos[0], 35);
    assert_string_equal(d.credit, "全媒体记者 龚盈盈 林晓燕(整理)");
    assert_int_equal(d.credit_line, 384);
}

static const struct {
    const char *title, *speaker, *on_behalf_of;
    int member;
    size_t n_title_lines, n_paragraphs;
} expected[] = {
    {"竞逐企业数字化赛道 构建智造发展新格局", "吴永建", "民革义乌市基层委员会", 1, 2, 2},
    {"多点发力 推动义务教育优质发展", "余爱军", "政协教育界别", 1, 2, 2},
    {"数字赋能 助推快递行业高质量发展", "王焕英", "民建义乌市基层委员会", 1, 2, 2},
    {"关于加快推进我市模具产业集群发展的建议", "邓鹏辉", "民进义乌市基层委员会", 0, 1, 2},
    {"创作文艺精品 打响文化品牌", "徐衎", "政协文化艺术界别", 1, 1, 2},
    {"建设进口产业园 培育百亿级优势产业", "何海舟", "政协经济界别", 1, 1, 2},
    {"数字化改革视角下优化社区公共服务的建议", "何志强", "民盟义乌市基层委员会", 1, 1, 2},
    {"优化养老机构服务 营造幸福颐养之家", "陈建峰", "九三学社义乌市委员会", 1, 1, 2},
    {"推进义乌海外仓 高水平建设", "蒋微", "政协工商联界别", 1, 2, 2},
};

static void nine_speeches_exactly(void **state)
{
    (void)state;
    assert_int_equal(d.n_speeches, 9);
    for (size_t i = 0; i < 9; i++) {
        const struct digest_speech *s = &d.speeches[i];
        assert_string_equal(s->title, expected[i].title);
        assert_string_equal(s->speaker, expected[i].speaker);
        assert_string_equal(s->on_behalf_of, expected[i].on_behalf_of);
        assert_int_equal(s->member, expected[i].member);
        assert_int_equal(s->n_title_lines, expected[i].n_title_lines);
        assert_int_equal(s->n_paragraphs, expected[i].n_paragraphs);
    }
    assert_string_equal(d.speeches[0].title_lines[1], "构建智造发展新格局");
    assert_string_equal(d.speeches[3].attribution, "邓鹏辉代表民进义乌市基层委员会的发言");
    assert_int_equal(d.speeches[3].attribution_line, 175);
}

static void assert_starts(const char *s, const char *prefix)
{
    if (strncmp(s, prefix, strlen(prefix)) != 0)
        fail_msg("\"%.60s…\" does not start with \"%s\"", s, prefix);
}

static void assert_ends(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    if (n < m || strcmp(s + n - m, suffix) != 0)
        fail_msg("\"…%s\" does not end with \"%s\"", n > 60 ? s + n - 60 : s, suffix);
}

static void assert_contains(const char *s, const char *part)
{
    if (!strstr(s, part))
        fail_msg("paragraph does not contain \"%s\"", part);
}

/* Paragraph boundaries: blank lines at column breaks, in mid-sentence and
 * right after a full stop, must not split a paragraph; real ones must. */
static void paragraph_boundaries(void **state)
{
    const struct digest_speech *s = &d.speeches[0];
    (void)state;
    assert_starts(s->paragraphs[0].text, "数字化催生新科技、新模式、新业态，成为驱动经济增长的核心力量之一。");
    assert_ends(s->paragraphs[0].text, "数字化改造应用动力不足等问题。");
    assert_starts(s->paragraphs[1].text, "为此，提出以下几点建议：一是进一步增强企业数字动能。");
    assert_ends(s->paragraphs[1].text, "要强化政策支持、智力支撑和金融支持。");
    assert_int_equal(s->paragraphs[1].line, 14);

    s = &d.speeches[1];
    assert_ends(s->paragraphs[0].text, "家校社共育等方面存在一些短板。");
    assert_contains(s->paragraphs[1].text, "促进师资水平提升。深化特聘人才、优秀毕业生招引优惠政策");
    assert_contains(s->paragraphs[1].text, "推动智慧教育建设大提速；开展“互联网+义务教育”结对帮扶");
    assert_contains(s->paragraphs[1].text, "构建“轻负高质”教学新生态；");

    s = &d.speeches[6];
    assert_ends(s->paragraphs[0].text, "提升群众获得感幸福感，对此，我们十分期待并关注。");
    assert_contains(s->paragraphs[1].text, "同步建设、同步实施。进一步跟进后续保障");
    assert_contains(s->paragraphs[1].text, "建立智能停车系统，构建“平台+管家”智慧物业服务。");
    assert_ends(s->paragraphs[1].text, "提高市民数字信息素养。");
}

/* Numbers stay whole across spaces and line breaks; justification goes. */
static void numbers_and_spaces(void **state)
{
    (void)state;
    assert_contains(d.speeches[1].paragraphs[0].text, "义务教育阶段学生数新增近2万，教师");
    assert_contains(d.speeches[2].paragraphs[0].text, "2021年，义乌快递业务量累计完成92.9亿件，同比增长30%，占全国8.58%，");
    assert_contains(d.speeches[3].paragraphs[0].text, "是衡量一个国家产品制造水平的重要标志。义乌模具城位于上溪镇，有八大功能区块，商位1500余间，集聚全市近90%的模具产业经营户，从业人员5000余人。");
    assert_contains(d.speeches[7].paragraphs[0].text, "2021年，我市户籍60周岁及以上老年人占总人口19.78%。");
    assert_contains(d.speeches[8].paragraphs[1].text, "通过优化海外仓Chinagoods平台、提高信息服务能力");
    assert_starts(d.speeches[0].paragraphs[0].text, "数字化");
    for (size_t i = 0; i < d.n_speeches; i++)
        for (size_t k = 0; k < d.speeches[i].n_paragraphs; k++)
            if (strchr(d.speeches[i].paragraphs[k].text, ' '))
                fail_msg("speech %zu paragraph %zu kept a space", i + 1, k + 1);
}

static void every_han_character_once_in_order(void **state)
{
    (void)state;
    assert_han_preserved(source, &d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(heading_and_credit),
        cmocka_unit_test(nine_speeches_exactly),
        cmocka_unit_test(paragraph_boundaries),
        cmocka_unit_test(numbers_and_spaces),
        cmocka_unit_test(every_han_character_once_in_order),
    };
    return cmocka_run_group_tests_name("digest: the seed page", tests, setup, teardown);
}
