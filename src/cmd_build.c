/* cmd_build.c — `tingbao build`: produce the podcast from every edition
 * under content/.
 *
 * All editions, the voices and the pronunciation file are read and checked
 * before anything is written, so a mistake in one file stops the build with
 * every earlier output intact.  Each output is written under a temporary
 * name and renamed into place.
 *
 * Per edition <id>: the chapters (opening, one per speech, closing) are
 * rendered into the cache folder; then PODCAST/<id>/<id>-NN.ogg, one
 * episode per speech, and PODCAST/<id>/<id>-full.ogg, the whole edition
 * with chapter marks; and PODCAST/<id>/edition.json and edition.txt.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "chapter.h"
#include "commands.h"
#include "diag.h"
#include "digest_format.h"
#include "edition.h"
#include "episode.h"
#include "frontend.h"
#include "synth.h"

static const char usage[] =
    "usage: tingbao build [-C CONTENT] [-o PODCAST] [--voices DIR] [--cache DIR] [-q QUALITY]\n\n"
    "Reads every edition folder under CONTENT (default: content) and writes\n"
    "the podcast under PODCAST (default: podcast): per edition <id>, one Ogg\n"
    "episode per speech (<id>-01.ogg ...), the whole edition with chapter\n"
    "marks (<id>-full.ogg), edition.json and edition.txt.  Voices come from\n"
    "DIR (default: voices), intermediate chapter audio goes to the cache\n"
    "(default: build/cache).  QUALITY is the Vorbis quality, 0-10 (default 4).\n";

#define DEFAULT_QUALITY 4

struct build {
    const char *content, *out, *voices, *cache;
    int quality;
    struct frontend fe;
    struct chapter_voices v;
};

static char *path_of(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *path_of(const char *fmt, ...)
{
    va_list ap;
    char *p = NULL;
    int n;

    va_start(ap, fmt);
    n = vasprintf(&p, fmt, ap);
    va_end(ap);
    if (n < 0) {
        diag_oom();
        return NULL;
    }
    return p;
}

static int write_text_output(const char *out_dir, const struct edition *e, const char *name,
                             int (*write)(FILE *, const struct digest *, const struct edition *))
{
    struct atomic_file af;
    char *p = path_of("%s/%s/%s", out_dir, e->id, name);
    int rc;

    if (!p)
        return -1;
    rc = atomic_open(&af, p);
    free(p);
    if (rc != 0)
        return -1;
    if (write(af.f, &e->digest, e) != 0) {
        atomic_abort(&af);
        return -1;
    }
    return atomic_commit(&af);
}

static int build_edition(struct build *b, const struct edition *e)
{
    size_t n = e->digest.n_speeches, n_ch = n + 2;
    char **wav = calloc(n_ch, sizeof *wav);
    struct episode_chapter *chapters = calloc(n_ch, sizeof *chapters);
    struct chapter_info info;
    struct episode_meta meta = {0};
    struct episode_result res;
    float quality = (float)b->quality / 10.0f;
    int rc = -1;

    if (!wav || !chapters) {
        diag_oom();
        goto out;
    }
    /* Chapters: 0 the opening, 1..n the speeches, n+1 the closing. */
    for (size_t i = 0; i < n_ch; i++) {
        enum chapter_kind kind = i == 0 ? CHAPTER_OPENING : i == n_ch - 1 ? CHAPTER_CLOSING
                                                                             : CHAPTER_SPEECH;
        if (!(wav[i] = i == 0 ? path_of("%s/%s/opening.wav", b->cache, e->id)
                       : i == n_ch - 1 ? path_of("%s/%s/closing.wav", b->cache, e->id)
                                       : path_of("%s/%s/speech-%02zu.wav", b->cache, e->id, i)))
            goto out;
        if (chapter_render(&b->fe, &b->v, e, kind, i - 1, wav[i], &info) != 0)
            goto out;
        printf("  %s: %.1f s, %.1f LUFS -> %.1f LUFS, true peak %.1f dBTP\n",
               wav[i] + strlen(b->cache) + 1, info.seconds, info.loudness.input_lufs,
               info.loudness.output_lufs, info.loudness.output_tp_db);
        chapters[i].wav_path = wav[i];
        chapters[i].name = i == 0 ? (e->digest.n_heading ? e->digest.heading[0] : "开篇")
                           : i == n_ch - 1 ? "结束语"
                                           : e->digest.speeches[i - 1].title;
    }
    meta.album = e->digest.n_heading > 1 ? e->digest.heading[1]
                 : e->digest.n_heading ? e->digest.heading[0] : e->id;
    meta.date = e->date;
    meta.quality = quality;
    for (size_t i = 1; i <= n; i++) {
        const struct digest_speech *s = &e->digest.speeches[i - 1];
        char *ogg = path_of("%s/%s/%s-%02zu.ogg", b->out, e->id, e->id, i);
        char *ident = path_of("%s/%02zu", e->id, i);
        if (!ogg || !ident) {
            free(ogg);
            free(ident);
            goto out;
        }
        meta.title = s->title;
        meta.artist = s->speaker;
        meta.track = (int)i;
        meta.identity = ident;
        rc = episode_write(ogg, &chapters[i], 1, &meta, &res);
        free(res.chapter_starts);
        free(ogg);
        free(ident);
        if (rc != 0)
            goto out;
        rc = -1;
    }
    {
        char *ogg = path_of("%s/%s/%s-full.ogg", b->out, e->id, e->id);
        char *ident = path_of("%s/full", e->id);
        if (!ogg || !ident) {
            free(ogg);
            free(ident);
            goto out;
        }
        meta.title = meta.album;
        meta.artist = e->digest.credit;
        meta.track = 0;
        meta.identity = ident;
        rc = episode_write(ogg, chapters, n_ch, &meta, &res);
        if (rc == 0)
            printf("  %s: %zu chapters, %.1f s\n", ogg, res.n_chapters, res.seconds);
        free(res.chapter_starts);
        free(ogg);
        free(ident);
        if (rc != 0)
            goto out;
        rc = -1;
    }
    if (write_text_output(b->out, e, "edition.json", digest_write_json) != 0 ||
        write_text_output(b->out, e, "edition.txt", digest_write_text) != 0)
        goto out;
    rc = 0;
out:
    for (size_t i = 0; wav && i < n_ch; i++)
        free(wav[i]);
    free(wav);
    free(chapters);
    return rc;
}

int cmd_build(int argc, char **argv)
{
    struct build b;
    memset(&b, 0, sizeof b);
    b.content = "content";
    b.out = "podcast";
    b.voices = "voices";
    b.cache = "build/cache";
    b.quality = DEFAULT_QUALITY;
    struct strlist dirs;
    struct edition *eds = NULL;
    char *overrides = NULL;
    int rc = EXIT_BAD_INPUT;
    size_t loaded = 0;
    bool fe_open = false, voices_loaded = false;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (i + 1 < argc && (strcmp(a, "-C") == 0 || strcmp(a, "-o") == 0 ||
                             strcmp(a, "--voices") == 0 || strcmp(a, "--cache") == 0 ||
                             strcmp(a, "-q") == 0)) {
            const char *v = argv[++i];
            if (strcmp(a, "-C") == 0)
                b.content = v;
            else if (strcmp(a, "-o") == 0)
                b.out = v;
            else if (strcmp(a, "--voices") == 0)
                b.voices = v;
            else if (strcmp(a, "--cache") == 0)
                b.cache = v;
            else {
                char *end;
                long q = strtol(v, &end, 10);
                if (*end || q < 0 || q > 10) {
                    fprintf(stderr, "tingbao build: quality is 0 to 10, not '%s'\n", v);
                    return EXIT_USAGE;
                }
                b.quality = (int)q;
            }
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage, stdout);
            return 0;
        } else {
            fprintf(stderr, "tingbao build: unexpected '%s'\n%s", a, usage);
            return EXIT_USAGE;
        }
    }
    /* Read and check every input first. */
    if (edition_list(b.content, &dirs) != 0)
        return EXIT_BAD_INPUT;
    if (!(eds = calloc(dirs.n, sizeof *eds))) {
        diag_oom();
        goto out;
    }
    for (; loaded < dirs.n; loaded++) {
        if (edition_load(dirs.v[loaded], &eds[loaded]) != 0)
            goto out;
        for (size_t k = 0; k < loaded; k++) {
            if (strcmp(eds[k].id, eds[loaded].id) == 0) {
                diag_error(dirs.v[loaded], 0, "edition id '%s' is also used by %s",
                           eds[loaded].id, dirs.v[k]);
                loaded++;
                goto out;
            }
        }
    }
    if (voice_load(b.voices, "reader", &b.v.reader) != 0)
        goto out;
    if (voice_load(b.voices, "announcer", &b.v.announcer) != 0) {
        voice_free(&b.v.reader);
        goto out;
    }
    voices_loaded = true;
    if (!(overrides = path_of("%s/%s", b.content, FRONTEND_OVERRIDES)) ||
        frontend_open(&b.fe, NULL, overrides, true) != 0)
        goto out;
    fe_open = true;
    for (size_t i = 0; i < loaded; i++) {
        printf("%s: %zu speeches\n", eds[i].id, eds[i].digest.n_speeches);
        if (build_edition(&b, &eds[i]) != 0)
            goto out;
    }
    rc = 0;
out:
    if (fe_open)
        frontend_close(&b.fe);
    if (voices_loaded) {
        voice_free(&b.v.reader);
        voice_free(&b.v.announcer);
    }
    synth_terminate();
    free(overrides);
    for (size_t i = 0; i < loaded; i++)
        edition_free(&eds[i]);
    free(eds);
    strlist_release(&dirs);
    return rc;
}
