/* episode.h — stage 5: chapters → Ogg Vorbis episodes.
 *
 * The chapters' intermediate WAV files are read through libsndfile and
 * encoded once with libvorbisenc, in blocks: an episode streams through in
 * constant memory however long it is.  Several episodes can come out of the
 * one encoding: the whole edition, and one episode per speech cut from the
 * same Vorbis packets (a cut episode starts at the last packet boundary
 * before its first chapter, at most one block — under 0.1 s — early, in
 * the preceding pause, and ends exactly, by its final granule position).
 * Encoding is most of the build's cost; doing it once halves it.
 *
 * Vorbis comments carry TITLE, ARTIST, ALBUM, TRACKNUMBER, DATE, LANGUAGE=zh,
 * GENRE=Speech and, for several chapters, the Vorbis chapter extension
 * (CHAPTER001=00:00:00.000, CHAPTER001NAME=…) that players read.  The same
 * input gives byte-identical output: stream serials come from the episodes'
 * identities and nothing time-dependent is written.
 */
#ifndef TINGBAO_EPISODE_H
#define TINGBAO_EPISODE_H

#include <stddef.h>
#include <stdint.h>

struct episode_chapter {
    const char *wav_path;   /* intermediate audio, as chapter_render wrote it */
    const char *name;       /* chapter title */
};

struct episode_meta {
    const char *title, *artist, *album, *date;  /* DATE: YYYY-MM-DD */
    int track;              /* TRACKNUMBER; 0: none */
    const char *identity;   /* stable name the stream serial derives from */
};

/* One episode out of the encoding: chapters [first, end) of the whole. */
struct episode_out {
    const char *path;       /* written under a temporary name, renamed */
    size_t first, end;
    struct episode_meta meta;
    double seconds;         /* filled: its length */
    double lead;            /* filled: audio before its first chapter (< 0.1 s) */
};

struct episode_result {
    double seconds;         /* all chapters */
    double *chapter_starts; /* seconds, one per chapter (caller frees) */
    size_t n_chapters;
};

/* Reads the chapters' lengths (no encoding).  Returns 0 or -1. */
int episode_plan(const struct episode_chapter *ch, size_t n, struct episode_result *res);

/* Encodes chapters ch[0..n) once at VBR `quality` (-0.1 .. 1.0) and writes
 * every episode of out[0..n_out).  An episode of more than one chapter gets
 * chapter marks.  Returns 0, or -1 after one diagnostic (no episode
 * renamed into place then). */
int episode_encode(const struct episode_chapter *ch, size_t n, float quality,
                   struct episode_out *out, size_t n_out, struct episode_result *res);

/* The length of an Ogg Vorbis file written before (its last granule
 * position over its sample rate).  Returns 0, or -1 after a diagnostic. */
int episode_read_seconds(const char *path, double *seconds);

/* "HH:MM:SS.mmm" for a time in seconds. */
void episode_format_time(double seconds, char *buf, size_t size);

#endif
