/* loudness.c — see loudness.h. */
#include "loudness.h"

#include <ebur128.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

/* The limiter sees peaks this long before they arrive and recovers over the
 * release time: short enough to act on single plosives, long enough not to
 * distort the waveform audibly. */
#define LOOKAHEAD_MS 5
#define RELEASE_MS 40
#define MAX_PASSES 6

int loudness_measure(const float *x, size_t n, int rate, double *lufs, double *tp_db)
{
    /* True peak is the costly part (4x oversampling): only when asked. */
    ebur128_state *st = ebur128_init(1, (unsigned long)rate,
                                     EBUR128_MODE_I | (tp_db ? EBUR128_MODE_TRUE_PEAK : 0));
    double peak = 0;
    int rc = -1;

    if (!st) {
        diag_oom();
        return -1;
    }
    if (ebur128_add_frames_float(st, x, n) != EBUR128_SUCCESS ||
        ebur128_loudness_global(st, lufs) != EBUR128_SUCCESS ||
        (tp_db && ebur128_true_peak(st, 0, &peak) != EBUR128_SUCCESS)) {
        diag_error(NULL, 0, "libebur128 could not measure the audio");
        goto out;
    }
    if (tp_db)
        *tp_db = peak > 0 ? 20 * log10(peak) : -HUGE_VAL;
    rc = 0;
out:
    ebur128_destroy(&st);
    return rc;
}

/* Windowed-sinc interpolation at 1/4, 1/2 and 3/4 between samples: the
 * inter-sample peaks that a true-peak meter (and a DAC) sees.  Speech from
 * espeak-ng has strong high frequencies, and its true peaks run well above
 * its sample peaks; limiting on sample peaks alone took five passes. */
#define TAPS 8   /* each side */
static float phase_kernel[3][2 * TAPS];

static void init_kernel(void)
{
    static int done;
    if (done)
        return;
    for (int ph = 0; ph < 3; ph++) {
        double frac = (ph + 1) / 4.0;
        for (int k = 0; k < 2 * TAPS; k++) {
            double t = (k - TAPS + 1) - frac;      /* distance from the point */
            double sinc = fabs(t) < 1e-9 ? 1.0 : sin(M_PI * t) / (M_PI * t);
            double w = 0.5 + 0.5 * cos(M_PI * t / (TAPS + 0.5));   /* Hann */
            phase_kernel[ph][k] = (float)(sinc * w);
        }
    }
    done = 1;
}

static float true_peak_at(const float *x, size_t n, size_t i)
{
    float peak = fabsf(x[i]);
    if (i < TAPS || i + TAPS >= n)
        return peak;
    for (int ph = 0; ph < 3; ph++) {
        float v = 0;
        for (int k = 0; k < 2 * TAPS; k++)
            v += phase_kernel[ph][k] * x[i - TAPS + 1 + (size_t)k];
        if (fabsf(v) > peak)
            peak = fabsf(v);
    }
    return peak;
}

/* Look-ahead peak limiter: the gain at each sample is the smallest gain any
 * sample in the next LOOKAHEAD_MS needs to keep its true peak under
 * `ceiling`, released exponentially.  Works in one pass with a window of
 * LOOKAHEAD_MS: memory does not grow with the length of the audio. */
static int limit(float *x, size_t n, int rate, float ceiling)
{
    size_t look = (size_t)rate * LOOKAHEAD_MS / 1000 + 1;
    float release = expf(-1.0f / ((float)rate * RELEASE_MS / 1000.0f)), g = 1.0f;
    /* need[] for samples [i, i+look) in a ring, with a monotonic queue of
     * their positions for the running minimum. */
    float *need = malloc(look * sizeof *need), *delay = malloc(look * sizeof *delay);
    size_t *dq = malloc(look * sizeof *dq), head = 0, count = 0;
    float prev_peak = 0;

    if (!need || !dq || !delay) {
        free(need);
        free(dq);
        free(delay);
        return -1;
    }
    init_kernel();
    /* The gain for sample i is decided when sample i+look-1 has been seen;
     * samples wait in `delay` until then (computed from the unmodified
     * input, which is why they are kept aside). */
    for (size_t j = 0; j < n + look - 1; j++) {
        if (j < n) {
            float a = fabsf(x[j]), peak;
            /* Only loud samples can have loud neighbours worth interpolating. */
            peak = a > ceiling * 0.5f ? true_peak_at(x, n, j) : a;
            /* The peak between j-1 and j belongs to both. */
            float both = peak > prev_peak ? peak : prev_peak;
            prev_peak = peak;
            need[j % look] = both > ceiling ? ceiling / both : 1.0f;
            while (count > 0 && need[dq[(head + count - 1) % look] % look] >= need[j % look])
                count--;
            dq[(head + count) % look] = j;
            count++;
            delay[j % look] = x[j];
        }
        if (j + 1 >= look) {
            size_t i = j + 1 - look;
            float target;
            while (count > 0 && dq[head] < i) {
                head = (head + 1) % look;
                count--;
            }
            target = count ? need[dq[head] % look] : 1.0f;
            g = target < g ? target : target - (target - g) * release;
            if (g > 1.0f)
                g = 1.0f;
            x[i] = delay[i % look] * g;
        }
    }
    free(need);
    free(dq);
    free(delay);
    return 0;
}

/* Applies gain (dB) to orig into x, then the limiter. */
static int gain_and_limit(float *x, const float *orig, size_t n, int rate, double gain,
                          double ceiling_db, bool need_limit)
{
    float g = (float)pow(10, gain / 20);
    for (size_t i = 0; i < n; i++)
        x[i] = orig[i] * g;
    return need_limit ? limit(x, n, rate, (float)pow(10, ceiling_db / 20)) : 0;
}

int loudness_normalize(float *x, size_t n, int rate, double target_lufs, double ceiling_dbtp,
                       struct loudness_report *r)
{
    double lufs = 0, tp = 0, gain, prev_gain = 0, prev_lufs = 0;
    double ceiling = ceiling_dbtp - 0.2;  /* the limiter's true-peak estimate is close */
    float *orig;
    bool limiting;

    memset(r, 0, sizeof *r);
    if (loudness_measure(x, n, rate, &r->input_lufs, NULL) != 0)
        return -1;
    if (!isfinite(r->input_lufs)) {
        diag_error(NULL, 0, "the audio is silent: nothing to normalize");
        return -1;
    }
    /* The input's sample peak decides whether to limit at all; the output's
     * true peak is measured at the end. */
    r->input_tp_db = -HUGE_VAL;
    for (size_t i = 0; i < n; i++) {
        double a = fabs(x[i]);
        if (a > 0 && 20 * log10(a) > r->input_tp_db)
            r->input_tp_db = 20 * log10(a);
    }
    if (!(orig = malloc(n * sizeof *orig))) {
        diag_oom();
        return -1;
    }
    memcpy(orig, x, n * sizeof *x);
    gain = target_lufs - r->input_lufs;
    limiting = r->input_tp_db + gain > ceiling - 3.0;   /* true peaks run ~3 dB over sample peaks */
    for (int round = 0; round < 3; round++) {
        /* Limiting takes loudness away, more the harder it works: find the
         * gain that lands on the target by the secant method (loudness
         * alone is cheap to measure). */
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            if (gain_and_limit(x, orig, n, rate, gain, ceiling, limiting) != 0) {
                free(orig);
                diag_oom();
                return -1;
            }
            r->limiter_passes += limiting;
            if (loudness_measure(x, n, rate, &lufs, NULL) != 0) {
                free(orig);
                return -1;
            }
            if (getenv("TINGBAO_DEBUG_LOUDNESS"))
                fprintf(stderr, "pass %d: gain %.2f ceiling %.2f -> %.2f LUFS\n", pass, gain, ceiling, lufs);
            if (fabs(lufs - target_lufs) <= 0.2)
                break;
            {
                double slope = pass == 0 ? 1.0 : (lufs - prev_lufs) / (gain - prev_gain);
                double step;
                if (!(slope > 0.05))
                    slope = 0.05;
                step = (target_lufs - lufs) / slope;
                prev_gain = gain;
                prev_lufs = lufs;
                gain += step > 12 ? 12 : step;
            }
        }
        if (loudness_measure(x, n, rate, &lufs, &tp) != 0) {
            free(orig);
            return -1;
        }
        if (tp <= ceiling_dbtp)
            break;
        /* Rare: the estimate missed a peak.  Lower the ceiling and redo. */
        ceiling -= tp - ceiling_dbtp + 0.1;
        limiting = true;
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
