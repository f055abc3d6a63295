/* transcript.h — what an episode says, in text: a WebVTT file with one cue
 * per sentence at the times the synthesizer reported, a plain-text
 * transcript, and for the whole edition a chapters file (Podcasting 2.0
 * JSON chapters, version 1.2.0).  All written under temporary names and
 * renamed into place.
 */
#ifndef TINGBAO_TRANSCRIPT_H
#define TINGBAO_TRANSCRIPT_H

#include <stddef.h>

#include "edition.h"
#include "episode.h"

/* Writes the WebVTT for an episode made of chapters ch[0..n), which start
 * at starts[i] seconds; the sentences come from each chapter's ".tsv".
 * Returns 0, or -1 after one diagnostic. */
int transcript_write_vtt(const char *path, const struct episode_chapter *ch,
                         const double *starts, size_t n);

/* Writes the plain-text transcript of speech `index` of e, or of the whole
 * edition when index is (size_t)-1.  Returns 0, or -1 after one diagnostic. */
int transcript_write_text(const char *path, const struct edition *e, size_t index);

/* Writes {"version": "1.2.0", "chapters": [{"startTime": s, "title": t}…]}.
 * Returns 0, or -1 after one diagnostic. */
int transcript_write_chapters(const char *path, const struct episode_chapter *ch,
                              const double *starts, size_t n);

#endif
