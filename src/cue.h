/* cue.h — the short audible cue between a chapter's spoken intro and its
 * body, so a listener skipping through hears where a speech starts. */
#ifndef TINGBAO_CUE_H
#define TINGBAO_CUE_H

#include "synth.h"

/* Appends the cue (two soft rising tones, about 0.4 s) to p, at p->rate.
 * Synthesized rather than stored: no audio files in the repository, and
 * the same cue at any sample rate.  Returns 0 or -1 (OOM). */
int cue_append(struct pcm *p);

#endif
