/* loudness.h — stage 4a: every chapter at the same loudness, never clipped.
 *
 * Measured with libebur128 (EBU R 128 / ITU-R BS.1770: integrated loudness
 * and true peak).  A chapter is brought to the target loudness by gain; where
 * that would push true peaks above the ceiling, a look-ahead limiter lowers
 * the peaks smoothly first (raw espeak-ng speech has peaks above 0 dBFS at
 * -19 LUFS, so some limiting is the rule, not the exception).
 */
#ifndef TINGBAO_LOUDNESS_H
#define TINGBAO_LOUDNESS_H

#include <stddef.h>

struct loudness_report {
    double input_lufs, input_tp_db;     /* before */
    double output_lufs, output_tp_db;   /* after, measured again */
    double gain_db;
    int limiter_passes;                 /* 0 when gain alone was enough */
};

/* Measures samples x[0..n) (mono, `rate` Hz, float -1..1): integrated
 * loudness (LUFS; -HUGE_VAL for silence) and true peak (dBTP).  Returns 0,
 * or -1 after a diagnostic. */
int loudness_measure(const float *x, size_t n, int rate, double *lufs, double *tp_db);

/* Normalizes x in place to `target_lufs` with true peaks at or below
 * `ceiling_dbtp`.  Fills *r.  Returns 0, or -1 after a diagnostic (including
 * when the target cannot be met within the ceiling). */
int loudness_normalize(float *x, size_t n, int rate, double target_lufs, double ceiling_dbtp,
                       struct loudness_report *r);

#endif
