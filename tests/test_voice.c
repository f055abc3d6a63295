/* test_voice.c — voice profiles: the shipped ones load and differ; a broken
 * one is one diagnostic with file and line. */
#include <sys/stat.h>
#include <unistd.h>

#include "test_support.h"
#include "voice.h"

static void shipped_profiles_load_and_differ(void **state)
{
    struct voice reader, announcer;
    (void)state;
    assert_int_equal(voice_load("voices", "reader", &reader), 0);
    assert_int_equal(voice_load("voices", "announcer", &announcer), 0);
    assert_string_equal(reader.espeak_voice, "cmn-latn-pinyin");
    /* Audibly different: pitch and rate both differ clearly. */
    assert_true(abs(reader.pitch - announcer.pitch) >= 15);
    assert_true(abs(reader.rate - announcer.rate) >= 10);
    assert_true(reader.pause_paragraph_ms > reader.pause_sentence_ms);
    assert_true(reader.pause_sentence_ms > reader.pause_clause_ms);
    voice_free(&reader);
    voice_free(&announcer);
}

static const char *profile_error(const char *content)
{
    static char msg[512];
    char dir[] = "/tmp/tingbao-voice-XXXXXX", path[300];
    struct voice v;
    struct captured c;
    FILE *f;
    const char *m;

    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/test.conf", dir);
    assert_non_null(f = fopen(path, "w"));
    fputs(content, f);
    assert_int_equal(fclose(f), 0);
    capture_start(&c);
    assert_int_equal(voice_load(dir, "test", &v), -1);
    m = capture_stop(&c);
    assert_int_equal(count_lines(m), 1);
    snprintf(msg, sizeof msg, "%s", strstr(m, "test.conf"));
    capture_free(&c);
    unlink(path);
    rmdir(dir);
    return msg;
}

#define GOOD "espeak_voice = cmn-latn-pinyin\nlatin_voice = en-us\nrate = 165\npitch = 40\n" \
             "range = 45\nvolume = 100\npause_list_ms = 150\npause_clause_ms = 300\n"      \
             "pause_sentence_ms = 600\npause_paragraph_ms = 1100\n"

static void broken_profiles(void **state)
{
    (void)state;
    assert_string_equal(profile_error(GOOD "speed = 3\n"),
                        "test.conf:11: unknown setting 'speed' (known: espeak_voice, latin_voice, "
                        "rate, pitch, range, volume, pause_list_ms, pause_clause_ms, "
                        "pause_sentence_ms, pause_paragraph_ms)\n");
    assert_string_equal(profile_error("espeak_voice = cmn-latn-pinyin\nlatin_voice = en-us\nrate = fast\n"),
                        "test.conf:3: rate = fast: give a whole number from 80 to 450\n");
    assert_string_equal(profile_error("espeak_voice = cmn-latn-pinyin\nlatin_voice = en-us\nrate = 165\n"),
                        "test.conf: missing setting 'pitch'\n");
    assert_string_equal(profile_error("espeak_voice = ../../x\nlatin_voice = en-us\nrate = 165\npitch = 40\n"
                                      "range = 45\nvolume = 100\npause_list_ms = 150\n"
                                      "pause_clause_ms = 300\npause_sentence_ms = 600\n"
                                      "pause_paragraph_ms = 1100\n"),
                        "test.conf:1: espeak_voice = ../../x is not an espeak-ng voice name\n");
    assert_string_equal(profile_error(GOOD "pitch\n"),
                        "test.conf:11: expected 'key = value', found no '='\n");
}

static void voice_name_cannot_escape(void **state)
{
    struct voice v;
    struct captured c;
    (void)state;
    capture_start(&c);
    assert_int_equal(voice_load("voices", "../content/x", &v), -1);
    assert_non_null(strstr(capture_stop(&c), "is not a voice name"));
    capture_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shipped_profiles_load_and_differ),
        cmocka_unit_test(broken_profiles),
        cmocka_unit_test(voice_name_cannot_escape),
    };
    return cmocka_run_group_tests_name("voice profiles", tests, NULL, NULL);
}
