/* episode.h — stage 5: chapters → one Ogg Vorbis episode.
 *
 * The chapters' intermediate WAV files are read through libsndfile and
 * encoded with libvorbisenc/libogg directly, in blocks: an episode streams
 * through in constant memory however long it is.  The Vorbis comments carry
 * TITLE, ARTIST, ALBUM, TRACKNUMBER, DATE, LANGUAGE=zh, GENRE=Speech and, for
 * several chapters, the Vorbis chapter extension (CHAPTER001=00:00:00.000,
 * CHAPTER001NAME=…) that players read.  The same input gives byte-identical
 * output: the stream serial comes from the episode's identity and nothing
 * time-dependent is written.
 */
#ifndef TINGBAO_EPISODE_H
#define TINGBAO_EPISODE_H

#include <stddef.h>
#include <stdint.h>

struct episode_chapter {
    const char *wav_path;   /* intermediate audio, as chapter_render wrote it */
    const char *name;       /* chapter title; NULL: not a chapter mark of its own */
};

struct episode_meta {
    const char *title, *artist, *album, *date;  /* DATE: YYYY-MM-DD */
    int track;              /* TRACKNUMBER; 0: none */
    const char *identity;   /* stable name the stream serial derives from */
    float quality;          /* libvorbisenc VBR quality, -0.1 .. 1.0 */
};

struct episode_result {
    double seconds;
    double *chapter_starts; /* seconds, one per chapter (caller frees) */
    size_t n_chapters;
};

/* Encodes the chapters in order into out_path (written under a temporary
 * name, renamed into place).  Chapter marks are written when n > 1.
 * Returns 0, or -1 after one diagnostic. */
int episode_write(const char *out_path, const struct episode_chapter *ch, size_t n,
                  const struct episode_meta *m, struct episode_result *res);

/* "HH:MM:SS.mmm" for a time in seconds (buf at least 16 bytes). */
void episode_format_time(double seconds, char *buf, size_t size);

#endif
