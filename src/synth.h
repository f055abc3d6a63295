/* synth.h — stage 3: tokens with readings → speech, through libespeak-ng.
 *
 * Mandarin is spoken from the pinyin the front end chose, with espeak-ng's
 * pinyin voice (the plain `cmn` voice reads its own pinyin as English; see
 * the shared notes); Latin words are spoken by the profile's Latin voice.
 * Pauses come from the punctuation and the profile, not from espeak-ng:
 * each clause is synthesized alone, its own leading and trailing silence is
 * cut, and the profile's pause is put after it.
 *
 * libespeak-ng keeps global state, so there is one synthesizer per process:
 * call synth_init() once; parallel work means several processes.
 */
#ifndef TINGBAO_SYNTH_H
#define TINGBAO_SYNTH_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "normalize.h"
#include "voice.h"

/* 16-bit mono samples at the synthesizer's rate. */
struct pcm {
    int16_t *s;
    size_t n, cap;
    int rate;
};

/* One sentence of the text: where its audio is and what it says. */
struct synth_sentence {
    size_t start, end;      /* samples, within the result's pcm */
    size_t src, src_len;    /* bytes of the input text */
};

struct synth_result {
    struct pcm pcm;
    struct synth_sentence *sentences;
    size_t n_sentences;
    unsigned english_switches;  /* times espeak-ng fell back to English on Mandarin text */
    unsigned unread_chars;      /* Han characters without a reading, left to espeak-ng */
};

/* Starts libespeak-ng (once per process).  Returns the sample rate, or -1
 * after one diagnostic (espeak-ng data missing). */
int synth_init(void);

/* Speaks the tokens of `text` (from frontend_pronounce) with voice `v`,
 * appending to out->pcm (its rate must be the synthesizer's) and to
 * out->sentences.  Ends with the voice's sentence pause when the text ends a
 * sentence.  `trace`, when not NULL, receives espeak-ng's phoneme trace.
 * Returns 0, or -1 after one diagnostic. */
int synth_speak(const struct voice *v, const char *text, const struct token_list *tl,
                struct synth_result *out, FILE *trace);

/* Appends ms milliseconds of silence.  Returns 0 or -1 (OOM). */
int pcm_silence(struct pcm *p, int ms);

/* Appends samples.  Returns 0 or -1 (OOM). */
int pcm_append(struct pcm *p, const int16_t *s, size_t n);

void synth_result_free(struct synth_result *r);

void synth_terminate(void);

#endif
