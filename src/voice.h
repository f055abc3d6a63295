/* voice.h — voice profiles: how a voice sounds and how long it pauses.
 *
 * A profile is a settings file under voices/ (see conf.h for the format):
 *
 *     espeak_voice = cmn-latn-pinyin   espeak-ng voice for Mandarin pinyin
 *     latin_voice = en-us              espeak-ng voice for Latin words
 *     rate = 170                       words a minute, 80-450
 *     pitch = 50                       base pitch, 0-100
 *     range = 50                       pitch range, 0-100
 *     volume = 100                     0-200
 *     pause_list_ms = 150              after 、
 *     pause_clause_ms = 300            after ，；：——
 *     pause_sentence_ms = 600          after 。！？…
 *     pause_paragraph_ms = 1200        between paragraphs
 *
 * Every key is required, so a profile says everything about its voice; an
 * unknown key, a missing one or a value out of range is one diagnostic with
 * the file and line.
 */
#ifndef TINGBAO_VOICE_H
#define TINGBAO_VOICE_H

struct voice {
    char *name;          /* file name without .conf */
    char *path;
    char *espeak_voice;
    char *latin_voice;
    int rate, pitch, range, volume;
    int pause_list_ms, pause_clause_ms, pause_sentence_ms, pause_paragraph_ms;
};

/* Loads voices_dir/name.conf.  `name` must be a plain name ([a-z0-9_-]).
 * Returns 0, or -1 after one diagnostic. */
int voice_load(const char *voices_dir, const char *name, struct voice *v);

void voice_free(struct voice *v);

#endif
