/* chapter.c — see chapter.h. */
#include "chapter.h"

#include <sndfile.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "buildkey.h"
#include "cue.h"
#include "diag.h"
#include "numbers.h"
#include "strbuf.h"
#include "synth.h"

/* Silence around the cue, so it stands apart from both voices. */
#define CUE_BEFORE_MS 350
#define CUE_AFTER_MS 450

struct sentence {
    double start, end;
    char *text;
};

struct render {
    const struct frontend *fe;
    struct synth_result res;
    struct sentence *sentences;
    size_t n_sentences;
};

/* Speaks `text` with voice v and records its sentences with their text. */
static int say(struct render *r, const struct voice *v, const char *text)
{
    struct token_list tl = {0};
    size_t first = r->res.n_sentences;
    struct sentence *s;

    if (frontend_pronounce(r->fe, text, strlen(text), &tl) != 0)
        return -1;
    if (synth_speak(v, text, &tl, &r->res, NULL) != 0) {
        token_list_free(&tl);
        return -1;
    }
    token_list_free(&tl);
    s = realloc(r->sentences, (r->n_sentences + r->res.n_sentences - first + 1) * sizeof *s);
    if (!s)
        goto oom;
    r->sentences = s;
    for (size_t i = first; i < r->res.n_sentences; i++) {
        const struct synth_sentence *ss = &r->res.sentences[i];
        struct sentence *d = &r->sentences[r->n_sentences];
        d->start = (double)ss->start / r->res.pcm.rate;
        d->end = (double)ss->end / r->res.pcm.rate;
        if (!(d->text = xstrndup(text + ss->src, ss->src_len)))
            goto oom;
        r->n_sentences++;
    }
    return 0;
oom:
    diag_oom();
    return -1;
}

char *chapter_intro_text(const struct edition *e, size_t index)
{
    const struct digest_speech *s = &e->digest.speeches[index];
    struct strbuf sb = STRBUF_INIT;
    char num[32];

    snprintf(num, sizeof num, "%zu", index + 1);
    strbuf_adds(&sb, "第");
    number_read_cardinal(&sb, num, strlen(num), false);
    strbuf_adds(&sb, "篇。");
    for (size_t i = 0; i < s->n_title_lines; i++) {
        /* A headline's parts are spoken as one sentence with a pause. */
        for (const char *p = s->title_lines[i]; *p; p++)
            strbuf_add(&sb, *p == ' ' ? "，" : p, *p == ' ' ? strlen("，") : 1);
        strbuf_adds(&sb, i + 1 < s->n_title_lines ? "，" : "。");
    }
    strbuf_addf(&sb, "%s%s", s->speaker, s->member ? "委员" : "");
    if (s->on_behalf_of)
        strbuf_addf(&sb, "，代表%s", s->on_behalf_of);
    strbuf_adds(&sb, "。");
    return strbuf_detach(&sb);
}

static char *opening_text(const struct edition *e)
{
    struct strbuf sb = STRBUF_INIT;
    int y, m, d;

    for (size_t i = 0; i < e->digest.n_heading; i++) {
        for (const char *p = e->digest.heading[i]; *p; p++)
            strbuf_add(&sb, *p == ' ' ? "，" : p, *p == ' ' ? strlen("，") : 1);
        strbuf_adds(&sb, "。");
    }
    if (sscanf(e->date, "%d-%d-%d", &y, &m, &d) == 3)
        strbuf_addf(&sb, "%d年%d月%d日。", y, m, d);
    strbuf_addf(&sb, "本期共%zu篇发言。", e->digest.n_speeches);
    return strbuf_detach(&sb);
}

static char *closing_text(const struct edition *e)
{
    struct strbuf sb = STRBUF_INIT;

    if (e->digest.credit) {
        /* 全媒体记者 龚盈盈 林晓燕(整理): spaces are pauses, brackets silent. */
        for (const char *p = e->digest.credit; *p; p++)
            strbuf_add(&sb, *p == ' ' ? "，" : p, *p == ' ' ? strlen("，") : 1);
        strbuf_adds(&sb, "。");
    }
    strbuf_adds(&sb, "本期节目到此结束，感谢收听。");
    return strbuf_detach(&sb);
}

/* A chapter is a script: what each voice says, in order, and what follows
 * each line (silence, the cue).  Rendering plays the script; the build key
 * hashes it, so both always agree on what shapes the audio. */
struct line {
    const struct voice *voice;
    char *text;
    int silence_ms;      /* after the text */
    bool cue;            /* then the cue, and CUE_AFTER_MS */
};

struct script {
    struct line *v;
    size_t n;
};

static void script_free(struct script *sc)
{
    for (size_t i = 0; i < sc->n; i++)
        free(sc->v[i].text);
    free(sc->v);
    memset(sc, 0, sizeof *sc);
}

static int script_add(struct script *sc, const struct voice *v, char *text, int silence_ms, bool cue)
{
    struct line *nv;
    if (!text || !(nv = realloc(sc->v, (sc->n + 1) * sizeof *nv))) {
        free(text);
        return -1;
    }
    sc->v = nv;
    sc->v[sc->n++] = (struct line){v, text, silence_ms, cue};
    return 0;
}

static int make_script(const struct chapter_voices *v, const struct edition *e,
                       enum chapter_kind kind, size_t index, struct script *sc)
{
    memset(sc, 0, sizeof *sc);
    if (kind == CHAPTER_OPENING)
        return script_add(sc, &v->announcer, opening_text(e), 0, false);
    if (kind == CHAPTER_CLOSING)
        return script_add(sc, &v->announcer, closing_text(e), 0, false);
    {
        const struct digest_speech *s = &e->digest.speeches[index];
        /* The reader's sentence pause already ends each paragraph. */
        int extra = v->reader.pause_paragraph_ms - v->reader.pause_sentence_ms;
        if (script_add(sc, &v->announcer, chapter_intro_text(e, index), CUE_BEFORE_MS, true) != 0)
            goto oom;
        for (size_t k = 0; k < s->n_paragraphs; k++)
            if (script_add(sc, &v->reader, strdup(s->paragraphs[k].text),
                           k + 1 < s->n_paragraphs && extra > 0 ? extra : 0, false) != 0)
                goto oom;
    }
    return 0;
oom:
    script_free(sc);
    return -1;
}

static int play_script(struct render *r, const struct script *sc, double *intro_s)
{
    for (size_t i = 0; i < sc->n; i++) {
        const struct line *l = &sc->v[i];
        if (say(r, l->voice, l->text) != 0)
            return -1;
        if (pcm_silence(&r->res.pcm, l->silence_ms) != 0 ||
            (l->cue && (cue_append(&r->res.pcm) != 0 || pcm_silence(&r->res.pcm, CUE_AFTER_MS) != 0))) {
            diag_oom();
            return -1;
        }
        if (l->cue)
            *intro_s = (double)r->res.pcm.n / r->res.pcm.rate;
    }
    return 0;
}

static void key_voice(struct buildkey *k, const struct voice *v)
{
    buildkey_add(k, v->espeak_voice);
    buildkey_add(k, v->latin_voice);
    buildkey_add_int(k, v->rate);
    buildkey_add_int(k, v->pitch);
    buildkey_add_int(k, v->range);
    buildkey_add_int(k, v->volume);
    buildkey_add_int(k, v->pause_list_ms);
    buildkey_add_int(k, v->pause_clause_ms);
    buildkey_add_int(k, v->pause_sentence_ms);
    buildkey_add_int(k, v->pause_paragraph_ms);
}

int chapter_key(const struct frontend *fe, const struct chapter_voices *v, const struct edition *e,
                enum chapter_kind kind, size_t index, char hex[BUILDKEY_HEX])
{
    struct script sc;
    struct buildkey k;
    int rc = -1;

    if (make_script(v, e, kind, index, &sc) != 0) {
        diag_oom();
        return -1;
    }
    if (buildkey_init(&k, "chapter-1") != 0) {
        script_free(&sc);
        diag_oom();
        return -1;
    }
    buildkey_add_int(&k, (long long)(CHAPTER_TARGET_LUFS * 10));
    buildkey_add_int(&k, (long long)(CHAPTER_CEILING_DBTP * 10));
    for (size_t i = 0; i < sc.n; i++) {
        struct token_list tl = {0};
        key_voice(&k, sc.v[i].voice);
        buildkey_add_int(&k, sc.v[i].silence_ms);
        buildkey_add_int(&k, sc.v[i].cue);
        /* What is said and how: the readings, so an override or lexicon
         * change that touches this text changes the key, and one that
         * does not leaves it. */
        if (frontend_pronounce(fe, sc.v[i].text, strlen(sc.v[i].text), &tl) != 0)
            goto out;
        for (size_t t = 0; t < tl.n; t++) {
            buildkey_add_int(&k, tl.v[t].kind);
            buildkey_add_int(&k, tl.v[t].pause);
            buildkey_add(&k, tl.v[t].text);
            buildkey_add(&k, tl.v[t].pinyin);
        }
        token_list_free(&tl);
    }
    rc = 0;
out:
    buildkey_finish(&k, hex);
    script_free(&sc);
    return rc;
}

static int write_outputs(const char *wav_path, const float *x, size_t n, int rate,
                         const struct sentence *sent, size_t n_sent)
{
    struct atomic_file af;
    struct strbuf tsv_path = STRBUF_INIT;
    SF_INFO info = {0};
    SNDFILE *sf;
    char *p;
    int rc = 0;

    if (atomic_open(&af, wav_path) != 0)
        return -1;
    info.samplerate = rate;
    info.channels = 1;
    info.format = SF_FORMAT_WAV | SF_FORMAT_FLOAT;
    if (!(sf = sf_open_fd(fileno(af.f), SFM_WRITE, &info, 0))) {
        diag_error(wav_path, 0, "cannot write: %s", sf_strerror(NULL));
        atomic_abort(&af);
        return -1;
    }
    /* No PEAK chunk: it carries a time stamp, and the cache's files must
     * depend on their input alone. */
    sf_command(sf, SFC_SET_ADD_PEAK_CHUNK, NULL, SF_FALSE);
    if (sf_write_float(sf, x, (sf_count_t)n) != (sf_count_t)n) {
        diag_error(wav_path, 0, "cannot write: %s", sf_strerror(sf));
        rc = -1;
    }
    if (sf_close(sf) != 0 && rc == 0) {
        diag_error(wav_path, 0, "cannot write");
        rc = -1;
    }
    if (rc != 0) {
        atomic_abort(&af);
        return -1;
    }
    /* The sentence list first: the WAV's presence says the chapter is whole. */
    strbuf_addf(&tsv_path, "%s.tsv", wav_path);
    if (!(p = strbuf_detach(&tsv_path))) {
        atomic_abort(&af);
        diag_oom();
        return -1;
    }
    {
        struct atomic_file tf;
        if (atomic_open(&tf, p) != 0) {
            free(p);
            atomic_abort(&af);
            return -1;
        }
        for (size_t i = 0; i < n_sent; i++)
            fprintf(tf.f, "%.3f\t%.3f\t%s\n", sent[i].start, sent[i].end, sent[i].text);
        free(p);
        if (atomic_commit(&tf) != 0) {
            atomic_abort(&af);
            return -1;
        }
    }
    return atomic_commit(&af);
}

int chapter_render(const struct frontend *fe, const struct chapter_voices *v,
                   const struct edition *e, enum chapter_kind kind, size_t index,
                   const char *wav_path, struct chapter_info *info)
{
    struct render r;
    struct script sc = {0};
    float *x = NULL;
    int rc = -1;

    memset(&r, 0, sizeof r);
    r.fe = fe;
    memset(info, 0, sizeof *info);
    if (synth_init() < 0)
        return -1;
    if (make_script(v, e, kind, index, &sc) != 0) {
        diag_oom();
        return -1;
    }
    if (play_script(&r, &sc, &info->intro_seconds) != 0)
        goto out;
    if (!(x = malloc((r.res.pcm.n ? r.res.pcm.n : 1) * sizeof *x))) {
        diag_oom();
        goto out;
    }
    for (size_t i = 0; i < r.res.pcm.n; i++)
        x[i] = (float)r.res.pcm.s[i] / 32768.0f;
    /* The 16-bit samples are not needed any more: peak memory is what a
     * long chapter costs. */
    free(r.res.pcm.s);
    r.res.pcm.s = NULL;
    r.res.pcm.cap = 0;
    if (loudness_normalize(x, r.res.pcm.n, r.res.pcm.rate, CHAPTER_TARGET_LUFS,
                           CHAPTER_CEILING_DBTP, &info->loudness) != 0) {
        diag_error(wav_path, 0, "loudness: see the line above");
        goto out;
    }
    info->seconds = (double)r.res.pcm.n / r.res.pcm.rate;
    rc = write_outputs(wav_path, x, r.res.pcm.n, r.res.pcm.rate, r.sentences, r.n_sentences);
out:
    free(x);
    for (size_t i = 0; i < r.n_sentences; i++)
        free(r.sentences[i].text);
    free(r.sentences);
    synth_result_free(&r.res);
    script_free(&sc);
    return rc;
}
