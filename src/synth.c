/* synth.c — see synth.h. */
#include "synth.h"

#include <espeak-ng/speak_lib.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "strbuf.h"
#include "utf8.h"

/* Samples below this level at the ends of a clause are silence to cut. */
#define SILENCE_LEVEL 200
/* What is kept of a clause's own silence, so onsets are not clipped. */
#define EDGE_MS 15
/* The gap around a Latin word spoken by the other voice. */
#define LATIN_GAP_MS 60

static int rate;
static struct pcm *collecting;   /* where the callback appends */
static int collect_failed;

static int collect(short *wav, int n, espeak_EVENT *events)
{
    (void)events;
    if (wav && n > 0 && collecting && pcm_append(collecting, wav, (size_t)n) != 0)
        collect_failed = 1;
    return 0;
}

int synth_init(void)
{
    if (rate > 0)
        return rate;
    rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL, 0);
    if (rate <= 0) {
        diag_error(NULL, 0, "cannot start espeak-ng (is espeak-ng-data installed?)");
        rate = 0;
        return -1;
    }
    espeak_SetSynthCallback(collect);
    return rate;
}

void synth_terminate(void)
{
    if (rate > 0)
        espeak_Terminate();
    rate = 0;
}

int pcm_append(struct pcm *p, const int16_t *s, size_t n)
{
    if (p->n + n > p->cap) {
        size_t cap = p->cap ? p->cap : 1u << 16;
        int16_t *v;
        while (cap < p->n + n)
            cap *= 2;
        if (!(v = realloc(p->s, cap * sizeof *v)))
            return -1;
        p->s = v;
        p->cap = cap;
    }
    if (s)
        memcpy(p->s + p->n, s, n * sizeof *s);
    else
        memset(p->s + p->n, 0, n * sizeof *p->s);
    p->n += n;
    return 0;
}

int pcm_silence(struct pcm *p, int ms)
{
    return pcm_append(p, NULL, (size_t)ms * (size_t)p->rate / 1000);
}

static int use_voice(const struct voice *v, const char *name)
{
    if (espeak_SetVoiceByName(name) != EE_OK) {
        diag_error(v->path, 0, "espeak-ng has no voice '%s'", name);
        return -1;
    }
    /* Parameters are set again after every voice change: a voice file may
     * bring its own. */
    if (espeak_SetParameter(espeakRATE, v->rate, 0) != EE_OK ||
        espeak_SetParameter(espeakPITCH, v->pitch, 0) != EE_OK ||
        espeak_SetParameter(espeakRANGE, v->range, 0) != EE_OK ||
        espeak_SetParameter(espeakVOLUME, v->volume, 0) != EE_OK) {
        diag_error(v->path, 0, "espeak-ng refused the voice settings");
        return -1;
    }
    return 0;
}

/* Synthesizes `input` and appends it to out without its edge silence. */
static int speak_chunk(const char *input, struct pcm *out)
{
    struct pcm chunk = {NULL, 0, 0, out->rate};
    size_t a = 0, b, edge = (size_t)(EDGE_MS * out->rate / 1000);
    espeak_ERROR err;
    int rc = 0;

    collecting = &chunk;
    collect_failed = 0;
    err = espeak_Synth(input, strlen(input) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, NULL);
    collecting = NULL;
    if (err != EE_OK || collect_failed) {
        free(chunk.s);
        diag_error(NULL, 0, collect_failed ? "out of memory" : "espeak-ng failed to speak");
        return -1;
    }
    b = chunk.n;
    while (a < b && abs(chunk.s[a]) < SILENCE_LEVEL)
        a++;
    while (b > a && abs(chunk.s[b - 1]) < SILENCE_LEVEL)
        b--;
    if (a < b) {
        a = a > edge ? a - edge : 0;
        b = b + edge < chunk.n ? b + edge : chunk.n;
        rc = pcm_append(out, chunk.s + a, b - a);
        if (rc != 0)
            diag_oom();
    }
    free(chunk.s);
    return rc;
}

static int pause_ms(const struct voice *v, enum pause p)
{
    switch (p) {
    case PAUSE_LIST: return v->pause_list_ms;
    case PAUSE_CLAUSE: return v->pause_clause_ms;
    case PAUSE_SENTENCE: return v->pause_sentence_ms;
    default: return 0;
    }
}

static int count_english(char *trace, size_t len)
{
    int n = 0;
    for (char *p = trace; p && (p = memmem(p, len - (size_t)(p - trace), "(en)", 4)); p += 4)
        n++;
    return n;
}

/* Speaks the Mandarin clause in `clause` (pinyin syllables, and any
 * unread characters as written) and resets it. */
static int flush_clause(struct strbuf *clause, struct synth_result *out, FILE *trace)
{
    char *tbuf = NULL;
    size_t tlen = 0;
    FILE *tf;
    int rc;

    if (clause->failed) {
        diag_oom();
        return -1;
    }
    if (clause->len == 0)
        return 0;
    tf = open_memstream(&tbuf, &tlen);
    if (!tf) {
        diag_oom();
        return -1;
    }
    espeak_SetPhonemeTrace(espeakPHONEMES_SHOW, tf);
    rc = speak_chunk(clause->s, &out->pcm);
    espeak_SetPhonemeTrace(0, NULL);
    if (fclose(tf) != 0) {
        free(tbuf);
        diag_oom();
        return -1;
    }
    out->english_switches += (unsigned)count_english(tbuf, tlen);
    if (trace && tlen)
        fwrite(tbuf, 1, tlen, trace);
    free(tbuf);
    strbuf_release(clause);
    return rc;
}

static int add_sentence(struct synth_result *out, size_t start, size_t src, size_t src_end)
{
    struct synth_sentence *v;

    if (out->pcm.n == start)
        return 0;                   /* nothing was said */
    v = realloc(out->sentences, (out->n_sentences + 1) * sizeof *v);
    if (!v)
        return -1;
    out->sentences = v;
    v[out->n_sentences++] = (struct synth_sentence){start, out->pcm.n, src, src_end - src};
    return 0;
}

int synth_speak(const struct voice *v, const char *text, const struct token_list *tl,
                struct synth_result *out, FILE *trace)
{
    struct strbuf clause = STRBUF_INIT;
    size_t sent_start = out->pcm.n, sent_src = 0;
    bool sent_open = false;
    (void)text;

    if (synth_init() < 0)
        return -1;
    out->pcm.rate = rate;
    if (use_voice(v, v->espeak_voice) != 0)
        return -1;
    for (size_t i = 0; i < tl->n; i++) {
        const struct token *t = &tl->v[i];
        if (!sent_open && t->kind != TOKEN_SPACE && t->pause == PAUSE_NONE) {
            sent_open = true;
            sent_start = out->pcm.n;
            sent_src = t->src;
        }
        switch (t->kind) {
        case TOKEN_HAN:
        case TOKEN_NUMBER:
            if (t->pinyin && *t->pinyin) {
                strbuf_addf(&clause, "%s%s", clause.len ? " " : "", t->pinyin);
            } else {
                /* No reading of ours: espeak-ng's own for the characters. */
                strbuf_addf(&clause, "%s%s", clause.len ? " " : "", t->text);
                out->unread_chars += (unsigned)utf8_count_han(t->text, strlen(t->text));
            }
            break;
        case TOKEN_LATIN:
            if (flush_clause(&clause, out, trace) != 0 || pcm_silence(&out->pcm, LATIN_GAP_MS) != 0 ||
                use_voice(v, v->latin_voice) != 0 || speak_chunk(t->text, &out->pcm) != 0 ||
                use_voice(v, v->espeak_voice) != 0 || pcm_silence(&out->pcm, LATIN_GAP_MS) != 0)
                goto fail;
            break;
        case TOKEN_PUNCT:
            if (t->pause == PAUSE_NONE)
                break;
            if (flush_clause(&clause, out, trace) != 0)
                goto fail;
            if (t->pause == PAUSE_SENTENCE && sent_open) {
                if (add_sentence(out, sent_start, sent_src, t->src + t->src_len) != 0)
                    goto oom;
                sent_open = false;
            }
            if (pcm_silence(&out->pcm, pause_ms(v, t->pause)) != 0)
                goto oom;
            break;
        case TOKEN_SPACE:
            break;
        }
    }
    if (flush_clause(&clause, out, trace) != 0)
        goto fail;
    if (sent_open && tl->n > 0) {
        const struct token *last = &tl->v[tl->n - 1];
        if (add_sentence(out, sent_start, sent_src, last->src + last->src_len) != 0)
            goto oom;
    }
    return 0;
oom:
    diag_oom();
fail:
    strbuf_release(&clause);
    return -1;
}

void synth_result_free(struct synth_result *r)
{
    free(r->pcm.s);
    free(r->sentences);
    memset(r, 0, sizeof *r);
}
