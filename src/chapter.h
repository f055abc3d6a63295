/* chapter.h — stage 4: the audio of one chapter, normalized, on disk.
 *
 * A speech's chapter is its spoken intro in the announcer's voice (第一篇。
 * title。speaker委员，代表…。), a cue, then the body in the reader's voice,
 * with the profiles' pauses between sentences and paragraphs.  The edition
 * also has an opening (heading, date, how many speeches) and a closing
 * (the credit).  Each chapter is brought to the podcast loudness and
 * written through libsndfile as an intermediate WAV beside a list of its
 * sentences and their times (for transcripts), from which the episodes are
 * encoded.
 */
#ifndef TINGBAO_CHAPTER_H
#define TINGBAO_CHAPTER_H

#include <stddef.h>

#include "buildkey.h"
#include "edition.h"
#include "frontend.h"
#include "loudness.h"
#include "voice.h"

/* Podcast loudness: -16 LUFS integrated, true peaks at most -1 dBTP in
 * the encoded episode (the level podcast platforms recommend for spoken
 * word).  Lossy encoding raises true peaks: chapters limited to -1.2 dBTP
 * measured -0.2 dBTP after Vorbis at quality 4, so the chapters keep 1.5 dB
 * more headroom than the episode needs. */
#define CHAPTER_TARGET_LUFS (-16.0)
#define EPISODE_CEILING_DBTP (-1.0)
#define CHAPTER_CEILING_DBTP (EPISODE_CEILING_DBTP - 1.5)

struct chapter_voices {
    struct voice reader, announcer;
};

enum chapter_kind { CHAPTER_OPENING, CHAPTER_SPEECH, CHAPTER_CLOSING };

struct chapter_info {
    double seconds;          /* length of the audio */
    double intro_seconds;    /* where the body starts (after the cue) */
    struct loudness_report loudness;
};

/* Renders chapter `kind` (for CHAPTER_SPEECH, speech number `index`, from
 * 0) of edition `e` and writes it to wav_path, its sentences to
 * wav_path + ".tsv" ("start_s<TAB>end_s<TAB>text" a line), both under
 * temporary names renamed into place.  Returns 0, or -1 after one
 * diagnostic. */
int chapter_render(const struct frontend *fe, const struct chapter_voices *v,
                   const struct edition *e, enum chapter_kind kind, size_t index,
                   const char *wav_path, struct chapter_info *info);

/* The build key of a chapter (see buildkey.h): everything that shapes its
 * audio — the program version, the voices' settings, the loudness target,
 * and what is said with its readings.  Returns 0, or -1 after a
 * diagnostic. */
int chapter_key(const struct frontend *fe, const struct chapter_voices *v, const struct edition *e,
                enum chapter_kind kind, size_t index, char hex[BUILDKEY_HEX]);

/* The text the announcer says to open speech `index` (a new string, or NULL
 * on OOM): 第一篇。竞逐企业数字化赛道，构建智造发展新格局。吴永建委员，代表民革…。 */
char *chapter_intro_text(const struct edition *e, size_t index);

#endif
