/* cue.c — see cue.h. */
#include "cue.h"

#include <math.h>
#include <stdlib.h>

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

/* A fifth apart (A5, E6), each 160 ms with a raised-cosine fade in and out
 * so neither clicks; -14 dBFS, well under speech peaks, as the loudness
 * stage normalizes the chapter as a whole. */
static const double TONE_HZ[] = {880.0, 1318.5};
#define TONE_MS 160
#define GAP_MS 60
#define FADE_MS 25
#define LEVEL_DB (-14.0)

int cue_append(struct pcm *p)
{
    size_t len = (size_t)p->rate * TONE_MS / 1000, fade = (size_t)p->rate * FADE_MS / 1000;
    double amp = 32767.0 * pow(10, LEVEL_DB / 20);
    int16_t *tone = malloc(len * sizeof *tone);

    if (!tone)
        return -1;
    for (size_t k = 0; k < sizeof TONE_HZ / sizeof *TONE_HZ; k++) {
        for (size_t i = 0; i < len; i++) {
            double env = 1.0;
            if (i < fade)
                env = 0.5 - 0.5 * cos(M_PI * (double)i / (double)fade);
            else if (i >= len - fade)
                env = 0.5 - 0.5 * cos(M_PI * (double)(len - 1 - i) / (double)fade);
            tone[i] = (int16_t)lrint(amp * env * sin(2 * M_PI * TONE_HZ[k] * (double)i / p->rate));
        }
        if (pcm_append(p, tone, len) != 0 || (k == 0 && pcm_silence(p, GAP_MS) != 0)) {
            free(tone);
            return -1;
        }
    }
    free(tone);
    return 0;
}
