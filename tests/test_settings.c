/* test_settings.c — the key = value files staff edit, and edition folders. */
#include <sys/stat.h>
#include <unistd.h>

#include "test_support.h"
#include "conf.h"
#include "edition.h"

static const char *parse_error(const char *text)
{
    static char msg[512];
    struct captured c;
    struct conf conf;

    capture_start(&c);
    assert_int_equal(conf_parse("x.conf", text, strlen(text), &conf), -1);
    snprintf(msg, sizeof msg, "%s", capture_stop(&c));
    capture_free(&c);
    assert_int_equal(count_lines(msg), 1);
    return msg;
}

static void parses_keys_values_comments(void **state)
{
    static const char text[] = "# comment\n\n  id = abc  \ndate=2022-01-10\r\nempty =\n";
    struct conf conf;
    (void)state;
    assert_int_equal(conf_parse("x.conf", text, strlen(text), &conf), 0);
    assert_int_equal(conf.n, 3);
    assert_string_equal(conf_get(&conf, "id")->value, "abc");
    assert_int_equal(conf_get(&conf, "id")->line, 3);
    assert_string_equal(conf_get(&conf, "date")->value, "2022-01-10");
    assert_string_equal(conf_get(&conf, "empty")->value, "");
    assert_null(conf_get(&conf, "nope"));
    conf_free(&conf);
}

static void syntax_errors_name_the_line(void **state)
{
    (void)state;
    assert_string_equal(parse_error("a = 1\nno equals sign\n"),
                        "tingbao: x.conf:2: expected 'key = value', found no '='\n");
    assert_string_equal(parse_error("a = 1\n\na = 2\n"),
                        "tingbao: x.conf:3: 'a' is already set on line 1\n");
    assert_non_null(strstr(parse_error("= 1\n"), "x.conf:1:"));
    assert_non_null(strstr(parse_error("a b = 1\n"), "x.conf:1: 'a b' is not a setting name"));
}

static void unknown_and_missing_keys(void **state)
{
    static const char *const known[] = {"id", "date", NULL};
    static const char text[] = "id = a\nrate = 3\n";
    struct conf conf;
    struct captured c;
    (void)state;
    assert_int_equal(conf_parse("x.conf", text, strlen(text), &conf), 0);
    capture_start(&c);
    assert_int_equal(conf_check_keys(&conf, known), -1);
    assert_null(conf_require(&conf, "date"));
    assert_string_equal(capture_stop(&c),
                        "tingbao: x.conf:2: unknown setting 'rate' (known: id, date)\n"
                        "tingbao: x.conf: missing setting 'date'\n");
    capture_free(&c);
    conf_free(&conf);
}

/* Writes an edition folder with the given edition.conf and the seed digest. */
static void make_edition(const char *dir, const char *conf_text)
{
    char path[256];
    FILE *f;
    size_t len;
    char *digest = read_file("content/yiwu-cppcc-14-1/digest.txt", &len);

    assert_int_equal(mkdir(dir, 0777) == 0 || access(dir, F_OK) == 0, 1);
    snprintf(path, sizeof path, "%s/edition.conf", dir);
    assert_non_null(f = fopen(path, "w"));
    fputs(conf_text, f);
    assert_int_equal(fclose(f), 0);
    snprintf(path, sizeof path, "%s/digest.txt", dir);
    assert_non_null(f = fopen(path, "w"));
    assert_int_equal(fwrite(digest, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
    free(digest);
}

static const char *edition_error(const char *conf_text)
{
    static char msg[512];
    char dir[] = "/tmp/tingbao-edition-XXXXXX";
    struct edition e;
    struct captured c;

    assert_non_null(mkdtemp(dir));
    make_edition(dir, conf_text);
    capture_start(&c);
    assert_int_equal(edition_load(dir, &e), -1);
    /* Drop the temporary folder name so the tests can compare messages. */
    {
        const char *m = capture_stop(&c), *rel = strstr(m, "edition.conf");
        snprintf(msg, sizeof msg, "%s", rel ? rel : m);
    }
    capture_free(&c);
    assert_int_equal(count_lines(msg), 1);
    {
        char path[300];
        snprintf(path, sizeof path, "%s/edition.conf", dir);
        unlink(path);
        snprintf(path, sizeof path, "%s/digest.txt", dir);
        unlink(path);
        rmdir(dir);
    }
    return msg;
}

static void edition_settings_are_checked(void **state)
{
    (void)state;
    assert_string_equal(edition_error("id = x\n"), "edition.conf: missing setting 'date'\n");
    assert_string_equal(edition_error("id = Yiwu 1\ndate = 2022-01-10\n"),
                        "edition.conf:1: id 'Yiwu 1' must be 1 to 64 lower-case letters, "
                        "digits and '-' (it names the output files)\n");
    assert_string_equal(edition_error("id = x\ndate = 2022-02-30\n"),
                        "edition.conf:2: date '2022-02-30' is not a calendar date written YYYY-MM-DD\n");
    assert_string_equal(edition_error("id = x\ndate = 2022-01-10\ndigest = ../../etc/passwd\n"),
                        "edition.conf:3: digest '../../etc/passwd' must name a file in this "
                        "folder (no '/', not starting with '.')\n");
    assert_string_equal(edition_error("id = x\ndate = 2022-01-10\nvoice = loud\n"),
                        "edition.conf:3: unknown setting 'voice' (known: id, date, digest)\n");
}

static void the_seed_edition_loads(void **state)
{
    struct edition e;
    (void)state;
    assert_int_equal(edition_load("content/yiwu-cppcc-14-1", &e), 0);
    assert_string_equal(e.id, "yiwu-cppcc-14-1");
    assert_int_equal(e.digest.n_speeches, 9);
    edition_free(&e);
    assert_true(edition_id_ok("a-1"));
    assert_false(edition_id_ok("../x"));
    assert_false(edition_id_ok("-x"));
    assert_false(edition_id_ok(""));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parses_keys_values_comments),
        cmocka_unit_test(syntax_errors_name_the_line),
        cmocka_unit_test(unknown_and_missing_keys),
        cmocka_unit_test(edition_settings_are_checked),
        cmocka_unit_test(the_seed_edition_loads),
    };
    return cmocka_run_group_tests_name("settings files and editions", tests, NULL, NULL);
}
