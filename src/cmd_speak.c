/* cmd_speak.c — `tingbao speak [-v VOICE] [-o OUT.wav] [-f FILE | TEXT…]`:
 * any text to a WAV file through the whole front end, for quick listening. */
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "commands.h"
#include "diag.h"
#include "frontend.h"
#include "strbuf.h"
#include "synth.h"
#include "textfile.h"
#include "voice.h"

static const char usage[] =
    "usage: tingbao speak [-v VOICE] [-o OUT.wav] [-C CONTENT] [--trace] [-f FILE | TEXT...]\n\n"
    "Speaks the text with a voice profile from voices/ (default: reader) and\n"
    "writes a WAV file (default: speak.wav).  --trace prints espeak-ng's\n"
    "phonemes on stderr.\n";

#define SPEAK_MAX_BYTES (16u << 20)

/* Writes the samples as 16-bit WAV under a temporary name, then renames. */
static int write_wav(const char *path, const struct pcm *p)
{
    struct atomic_file af;
    SF_INFO info = {0};
    SNDFILE *sf;
    int rc = 0;

    if (atomic_open(&af, path) != 0)
        return -1;
    info.samplerate = p->rate;
    info.channels = 1;
    info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    if (!(sf = sf_open_fd(fileno(af.f), SFM_WRITE, &info, 0))) {
        diag_error(path, 0, "cannot write WAV: %s", sf_strerror(NULL));
        atomic_abort(&af);
        return -1;
    }
    if (sf_write_short(sf, p->s, (sf_count_t)p->n) != (sf_count_t)p->n) {
        diag_error(path, 0, "cannot write WAV: %s", sf_strerror(sf));
        rc = -1;
    }
    if (sf_close(sf) != 0 && rc == 0) {
        diag_error(path, 0, "cannot write WAV");
        rc = -1;
    }
    if (rc != 0) {
        atomic_abort(&af);
        return -1;
    }
    return atomic_commit(&af);
}

int cmd_speak(int argc, char **argv)
{
    const char *file = NULL, *out = "speak.wav", *voice_name = "reader", *content = "content";
    struct strbuf text = STRBUF_INIT;
    struct frontend fe;
    struct token_list tl = {0};
    struct synth_result res = {0};
    struct voice v;
    char *buf = NULL, *overrides = NULL;
    size_t len;
    int trace = 0, rc = EXIT_BAD_INPUT;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-f") == 0 && i + 1 < argc)
            file = argv[++i];
        else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
            out = argv[++i];
        else if (strcmp(argv[i], "-v") == 0 && i + 1 < argc)
            voice_name = argv[++i];
        else if (strcmp(argv[i], "-C") == 0 && i + 1 < argc)
            content = argv[++i];
        else if (strcmp(argv[i], "--trace") == 0)
            trace = 1;
        else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(usage, stdout);
            strbuf_release(&text);
            return 0;
        } else if (argv[i][0] == '-' && argv[i][1] == '-') {
            fprintf(stderr, "tingbao speak: unknown option '%s'\n%s", argv[i], usage);
            strbuf_release(&text);
            return EXIT_USAGE;
        } else
            strbuf_addf(&text, "%s%s", text.len ? " " : "", argv[i]);
    }
    if ((!file) == (text.len == 0)) {
        fputs(usage, stderr);
        strbuf_release(&text);
        return EXIT_USAGE;
    }
    if (file) {
        if (textfile_read(file, SPEAK_MAX_BYTES, &buf, &len) != 0)
            return EXIT_BAD_INPUT;
    } else {
        if (!(buf = strbuf_detach(&text))) {
            diag_oom();
            return EXIT_BAD_INPUT;
        }
        len = strlen(buf);
        if (textfile_check("the text", buf, len) != 0)
            goto out_buf;
    }
    if (voice_load("voices", voice_name, &v) != 0)
        goto out_buf;
    strbuf_addf(&text, "%s/%s", content, FRONTEND_OVERRIDES);
    if (!(overrides = strbuf_detach(&text))) {
        diag_oom();
        goto out_voice;
    }
    if (frontend_open(&fe, NULL, overrides, true) != 0)
        goto out_voice;
    if (frontend_pronounce(&fe, buf, len, &tl) == 0 &&
        synth_speak(&v, buf, &tl, &res, trace ? stderr : NULL) == 0 &&
        write_wav(out, &res.pcm) == 0) {
        fprintf(stderr, "%s: %.1f s, %zu sentences, %u English fallbacks, %u unread characters\n",
                out, (double)res.pcm.n / res.pcm.rate, res.n_sentences, res.english_switches,
                res.unread_chars);
        rc = 0;
    }
    synth_result_free(&res);
    token_list_free(&tl);
    frontend_close(&fe);
    synth_terminate();
out_voice:
    free(overrides);
    voice_free(&v);
out_buf:
    free(buf);
    return rc;
}
