/* loudness.c — see loudness.h. */
#include "loudness.h"

#include <ebur128.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

/* The limiter sees peaks this long before they arrive and recovers over the
 * release time: short enough to act on single plosives, long enough not to
 * distort the waveform audibly. */
#define LOOKAHEAD_MS 5
#define RELEASE_MS 80
#define MAX_PASSES 6

int loudness_measure(const float *x, size_t n, int rate, double *lufs, double *tp_db)
{
    ebur128_state *st = ebur128_init(1, (unsigned long)rate, EBUR128_MODE_I | EBUR128_MODE_TRUE_PEAK);
    double peak = 0;
    int rc = -1;

    if (!st) {
        diag_oom();
        return -1;
    }
    if (ebur128_add_frames_float(st, x, n) != EBUR128_SUCCESS ||
        ebur128_loudness_global(st, lufs) != EBUR128_SUCCESS ||
        ebur128_true_peak(st, 0, &peak) != EBUR128_SUCCESS) {
        diag_error(NULL, 0, "libebur128 could not measure the audio");
        goto out;
    }
    *tp_db = peak > 0 ? 20 * log10(peak) : -HUGE_VAL;
    rc = 0;
out:
    ebur128_destroy(&st);
    return rc;
}

/* Look-ahead peak limiter: the gain at each sample is the smallest gain any
 * sample in the next LOOKAHEAD_MS needs to stay under `ceiling`, released
 * exponentially.  Works on the sample peaks; the caller checks true peaks
 * and lowers the ceiling if inter-sample peaks still exceed it. */
static int limit(float *x, size_t n, int rate, float ceiling)
{
    size_t look = (size_t)rate * LOOKAHEAD_MS / 1000 + 1;
    float *need = malloc(n * sizeof *need);
    float release = expf(-1.0f / ((float)rate * RELEASE_MS / 1000.0f)), g = 1.0f;
    size_t *dq = malloc((n + 1) * sizeof *dq);   /* monotonic queue of indices */
    size_t head = 0, tail = 0;

    if (!need || !dq) {
        free(need);
        free(dq);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        float a = fabsf(x[i]);
        need[i] = a > ceiling ? ceiling / a : 1.0f;
    }
    /* Sliding minimum of need[i .. i+look) */
    for (size_t i = 0, j = 0; i < n; i++) {
        for (; j < n && j < i + look; j++) {
            while (tail > head && need[dq[tail - 1]] >= need[j])
                tail--;
            dq[tail++] = j;
        }
        while (dq[head] < i)
            head++;
        {
            float target = need[dq[head]];
            g = target < g ? target : target - (target - g) * release;
            if (g > 1.0f)
                g = 1.0f;
        }
        x[i] *= g;
    }
    free(need);
    free(dq);
    return 0;
}

int loudness_normalize(float *x, size_t n, int rate, double target_lufs, double ceiling_dbtp,
                       struct loudness_report *r)
{
    double lufs, tp, gain;
    float *orig;
    double ceiling = ceiling_dbtp - 0.5;  /* sample-peak ceiling: room for inter-sample peaks */

    memset(r, 0, sizeof *r);
    if (loudness_measure(x, n, rate, &r->input_lufs, &r->input_tp_db) != 0)
        return -1;
    if (!isfinite(r->input_lufs)) {
        diag_error(NULL, 0, "the audio is silent: nothing to normalize");
        return -1;
    }
    if (!(orig = malloc(n * sizeof *orig))) {
        diag_oom();
        return -1;
    }
    memcpy(orig, x, n * sizeof *x);
    gain = target_lufs - r->input_lufs;
    for (int pass = 0; pass <= MAX_PASSES; pass++) {
        float g = (float)pow(10, gain / 20);
        for (size_t i = 0; i < n; i++)
            x[i] = orig[i] * g;
        if (r->input_tp_db + gain > ceiling_dbtp || pass > 0) {
            if (limit(x, n, rate, (float)pow(10, ceiling / 20)) != 0) {
                free(orig);
                diag_oom();
                return -1;
            }
            r->limiter_passes = pass + 1;
        }
        if (loudness_measure(x, n, rate, &lufs, &tp) != 0) {
            free(orig);
            return -1;
        }
        /* Limiting takes a little loudness away; make it up, and lower the
         * ceiling where true peaks still overshoot. */
        if (tp <= ceiling_dbtp && fabs(lufs - target_lufs) <= 0.2)
            break;
        gain += target_lufs - lufs;
        if (tp > ceiling_dbtp)
            ceiling -= tp - ceiling_dbtp + 0.1;
    }
    free(orig);
    r->gain_db = gain;
    r->output_lufs = lufs;
    r->output_tp_db = tp;
    if (tp > ceiling_dbtp || fabs(lufs - target_lufs) > 0.5) {
        diag_error(NULL, 0, "cannot reach %.1f LUFS with peaks under %.1f dBTP "
                   "(got %.1f LUFS, %.1f dBTP)", target_lufs, ceiling_dbtp, lufs, tp);
        return -1;
    }
    return 0;
}
