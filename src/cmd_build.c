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
 * with chapter marks, each with its transcripts (.vtt, .txt; the whole
 * edition also .chapters.json); PODCAST/<id>/manifest.json, edition.json
 * and edition.txt.  Then, for all editions: the cover (if staff gave
 * none), PODCAST/index.html and, last, PODCAST/feed.xml.
 */
#include <stdarg.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "channel.h"
#include "chapter.h"
#include "cover.h"
#include "feed.h"
#include "manifest.h"
#include "page.h"
#include "transcript.h"
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

struct build {
    const char *content, *out, *voices, *cache;
    int quality;
    struct frontend fe;
    struct chapter_voices v;
    struct channel channel;
};

/* What listeners read about an episode before they play it. */
static char *speech_description(const struct digest_speech *s)
{
    struct strbuf sb = STRBUF_INIT;
    const char *text = s->n_paragraphs ? s->paragraphs[0].text : "";
    size_t i = 0, chars = 0;

    strbuf_addf(&sb, "%s%s%s%s。", s->speaker, s->member ? "委员" : "",
                s->on_behalf_of ? "，代表" : "", s->on_behalf_of ? s->on_behalf_of : "");
    /* The opening of the text: about 100 characters, cut at a character. */
    while (text[i] && chars < 100) {
        i++;
        while (((unsigned char)text[i] & 0xC0) == 0x80)
            i++;
        chars++;
    }
    strbuf_add(&sb, text, i);
    if (text[i])
        strbuf_adds(&sb, "……");
    return strbuf_detach(&sb);
}

static char *edition_description(const struct edition *e)
{
    struct strbuf sb = STRBUF_INIT;

    strbuf_addf(&sb, "%s，共%zu篇发言：", e->date, e->digest.n_speeches);
    for (size_t i = 0; i < e->digest.n_speeches; i++)
        strbuf_addf(&sb, "%s%s", i ? "；" : "", e->digest.speeches[i].title);
    strbuf_adds(&sb, "。");
    return strbuf_detach(&sb);
}

/* Transcripts of one episode and its entry in the manifest. */
static int finish_episode(struct build *b, const struct edition *e, struct manifest_episode *me,
                          const char *base, const struct episode_chapter *ch, size_t n,
                          const struct episode_result *res, int number)
{
    char *ogg = path_of("%s/%s/%s.ogg", b->out, e->id, base);
    char *vtt = path_of("%s/%s/%s.vtt", b->out, e->id, base);
    char *txt = path_of("%s/%s/%s.txt", b->out, e->id, base);
    char *chj = number == 0 ? path_of("%s/%s/%s.chapters.json", b->out, e->id, base) : NULL;
    struct stat st;
    int rc = -1;

    if (!ogg || !vtt || !txt || (number == 0 && !chj))
        goto out;
    if (transcript_write_vtt(vtt, ch, res->chapter_starts, n) != 0 ||
        transcript_write_text(txt, e, number == 0 ? (size_t)-1 : (size_t)number - 1) != 0 ||
        (chj && transcript_write_chapters(chj, ch, res->chapter_starts, n) != 0))
        goto out;
    if (stat(ogg, &st) != 0) {
        diag_error(ogg, 0, "cannot read the episode just written");
        goto out;
    }
    me->number = number;
    me->seconds = res->seconds;
    me->bytes = (long long)st.st_size;
    me->guid = number ? path_of("tingbao:%s:speech-%02d", e->id, number) : path_of("tingbao:%s:full", e->id);
    me->file = path_of("%s.ogg", base);
    me->vtt = path_of("%s.vtt", base);
    me->txt = path_of("%s.txt", base);
    me->chapters = chj ? path_of("%s.chapters.json", base) : NULL;
    if (number) {
        const struct digest_speech *s = &e->digest.speeches[number - 1];
        me->title = strdup(s->title);
        me->speaker = strdup(s->speaker);
        me->description = speech_description(s);
    } else {
        me->title = path_of("%s（全部发言）", e->digest.n_heading > 1 ? e->digest.heading[1]
                                              : e->digest.n_heading ? e->digest.heading[0] : e->id);
        me->speaker = NULL;
        me->description = edition_description(e);
    }
    if (!me->guid || !me->file || !me->vtt || !me->txt || (chj && !me->chapters) || !me->title ||
        (number && !me->speaker) || !me->description) {
        diag_oom();
        goto out;
    }
    if (n > 1) {
        if (!(me->marks = calloc(n, sizeof *me->marks))) {
            diag_oom();
            goto out;
        }
        for (size_t i = 0; i < n; i++) {
            me->marks[i].start = res->chapter_starts[i];
            if (!(me->marks[me->n_marks++].title = strdup(ch[i].name))) {
                diag_oom();
                goto out;
            }
        }
    }
    rc = 0;
out:
    free(ogg);
    free(vtt);
    free(txt);
    free(chj);
    return rc;
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

static int build_edition(struct build *b, const struct edition *e, struct manifest *man)
{
    size_t n = e->digest.n_speeches, n_ch = n + 2;
    char **wav = calloc(n_ch, sizeof *wav);
    struct episode_chapter *chapters = calloc(n_ch, sizeof *chapters);
    struct chapter_info info;
    float quality = (float)b->quality / 10.0f;
    int rc = -1;

    if (!wav || !chapters) {
        diag_oom();
        goto out;
    }
    /* The manifest: episode 0 is the whole edition, 1..n the speeches. */
    man->id = strdup(e->id);
    man->date = strdup(e->date);
    man->title = strdup(e->digest.n_heading > 1 ? e->digest.heading[1]
                        : e->digest.n_heading ? e->digest.heading[0] : e->id);
    man->credit = e->digest.credit ? strdup(e->digest.credit) : NULL;
    man->ep = calloc(n + 1, sizeof *man->ep);
    man->n_ep = n + 1;
    if (!man->id || !man->date || !man->title || (e->digest.credit && !man->credit) || !man->ep) {
        diag_oom();
        goto out;
    }
    for (size_t i = 0; i < e->digest.n_heading; i++)
        if (strlist_push(&man->heading, strdup(e->digest.heading[i])) != 0) {
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
        printf("  %s: %.1f s, %.1f LUFS -> %.1f LUFS, true peak %.1f dBTP, %d limiter passes\n",
               wav[i] + strlen(b->cache) + 1, info.seconds, info.loudness.input_lufs,
               info.loudness.output_lufs, info.loudness.output_tp_db, info.loudness.limiter_passes);
        chapters[i].wav_path = wav[i];
        chapters[i].name = i == 0 ? (e->digest.n_heading ? e->digest.heading[0] : "开篇")
                           : i == n_ch - 1 ? "结束语"
                                           : e->digest.speeches[i - 1].title;
    }
    {
        const char *album = e->digest.n_heading > 1 ? e->digest.heading[1]
                            : e->digest.n_heading ? e->digest.heading[0] : e->id;
        struct episode_out *outs = calloc(n + 1, sizeof *outs);
        char **names = calloc(2 * (n + 1), sizeof *names);
        struct episode_result res;
        bool ok = outs && names;

        /* outs[0] the whole edition; outs[i] speech i, cut from the same
         * encoding. */
        for (size_t i = 0; ok && i <= n; i++) {
            names[2 * i] = i ? path_of("%s/%s/%s-%02zu.ogg", b->out, e->id, e->id, i)
                             : path_of("%s/%s/%s-full.ogg", b->out, e->id, e->id);
            names[2 * i + 1] = i ? path_of("%s/%02zu", e->id, i) : path_of("%s/full", e->id);
            ok = names[2 * i] && names[2 * i + 1];
            if (!ok)
                break;
            outs[i].path = names[2 * i];
            outs[i].meta.identity = names[2 * i + 1];
            outs[i].meta.album = album;
            outs[i].meta.date = e->date;
            outs[i].first = i ? i : 0;
            outs[i].end = i ? i + 1 : n_ch;
            outs[i].meta.title = i ? e->digest.speeches[i - 1].title : album;
            outs[i].meta.artist = i ? e->digest.speeches[i - 1].speaker : e->digest.credit;
            outs[i].meta.track = (int)i;
        }
        if (!ok)
            diag_oom();
        else if (episode_encode(chapters, n_ch, quality, outs, n + 1, &res) != 0)
            ok = false;
        for (size_t i = 0; ok && i <= n; i++) {
            char *base = i ? path_of("%s-%02zu", e->id, i) : path_of("%s-full", e->id);
            double *starts = calloc(n_ch, sizeof *starts);
            /* Chapter times within this episode. */
            for (size_t k = outs[i].first; starts && k < outs[i].end; k++)
                starts[k - outs[i].first] = res.chapter_starts[k] - res.chapter_starts[outs[i].first] +
                                            outs[i].lead;
            {
                struct episode_result er = {outs[i].seconds, starts, outs[i].end - outs[i].first};
                ok = base && starts &&
                     finish_episode(b, e, &man->ep[i], base, &chapters[outs[i].first],
                                    outs[i].end - outs[i].first, &er, (int)i) == 0;
            }
            free(base);
            free(starts);
        }
        if (ok)
            printf("  %s/%s: %zu episodes, %zu chapters, %.1f s\n", b->out, e->id, n + 1, n_ch,
                   res.seconds);
        free(res.chapter_starts);
        for (size_t i = 0; names && i < 2 * (n + 1); i++)
            free(names[i]);
        free(names);
        free(outs);
        if (!ok)
            goto out;
    }
    if (write_text_output(b->out, e, "edition.json", digest_write_json) != 0 ||
        write_text_output(b->out, e, "edition.txt", digest_write_text) != 0)
        goto out;
    {
        char *mp = path_of("%s/%s/manifest.json", b->out, e->id);
        rc = mp ? manifest_write(mp, man) : -1;
        free(mp);
        if (rc != 0)
            goto out;
    }
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
    bool fe_open = false, voices_loaded = false, channel_loaded = false;
    struct manifest *mans = NULL;

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
    if (channel_load(b.out, &b.channel) != 0)
        goto out;
    channel_loaded = true;
    if (b.channel.image) {
        char *img = path_of("%s/%s", b.out, b.channel.image);
        struct stat st;
        if (!img || stat(img, &st) != 0) {
            diag_error(b.channel.conf.path, conf_get(&b.channel.conf, "image")->line,
                       "image '%s' is not in %s", b.channel.image, b.out);
            free(img);
            goto out;
        }
        free(img);
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
    if (!(mans = calloc(loaded ? loaded : 1, sizeof *mans))) {
        diag_oom();
        goto out;
    }
    for (size_t i = 0; i < loaded; i++) {
        printf("%s: %zu speeches\n", eds[i].id, eds[i].digest.n_speeches);
        if (build_edition(&b, &eds[i], &mans[i]) != 0)
            goto out;
    }
    {
        const char *cover = b.channel.image ? b.channel.image : "cover.png";
        char *cover_path = path_of("%s/cover.png", b.out);
        int ok = cover_path && (b.channel.image || cover_draw(cover_path, b.channel.title,
                                                               b.channel.description) == 0);
        free(cover_path);
        /* The feed last: it points at everything else. */
        if (!ok || page_write(b.out, &b.channel, eds, mans, loaded) != 0 ||
            feed_write(b.out, &b.channel, cover, mans, loaded) != 0)
            goto out;
    }
    rc = 0;
out:
    for (size_t i = 0; mans && i < loaded; i++)
        manifest_free(&mans[i]);
    free(mans);
    if (channel_loaded)
        channel_free(&b.channel);
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
