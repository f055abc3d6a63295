/* cmd_build.c — `tingbao build`: produce the podcast from every edition
 * under content/, doing only the work that changed.
 *
 * 1. Read and check everything first (editions, channel settings, voices,
 *    pronunciations), so a mistake stops the build before anything is
 *    written.  Take the output folder's lock: one build at a time.
 * 2. Key every chapter by what shapes its audio (chapter_key); render the
 *    chapters whose keyed file is not in the cache, in parallel workers.
 * 3. Key every episode by its chapters and metadata; its files are named
 *    with the key (<id>-01-<key>.ogg), so a new version never replaces a
 *    file the current feed points at.  Encode each edition's missing
 *    episodes in one pass (episode.h), editions in parallel.
 * 4. Per edition: transcripts, manifest.json, edition.json/.txt.  Then the
 *    cover, index.html and, last, feed.xml: until the feed is renamed into
 *    place, podcast apps see the previous, complete podcast.
 * 5. Remove the files no manifest or key refers to any more.
 * Every file is written under a temporary name and renamed into place; an
 * interrupted build leaves the previous podcast intact, and the next build
 * reuses what the interrupted one finished.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"
#include "buildkey.h"
#include "channel.h"
#include "chapter.h"
#include "commands.h"
#include "cover.h"
#include "diag.h"
#include "digest_format.h"
#include "edition.h"
#include "episode.h"
#include "feed.h"
#include "frontend.h"
#include "manifest.h"
#include "page.h"
#include "synth.h"
#include "transcript.h"
#include "workers.h"

static const char usage[] =
    "usage: tingbao build [-C CONTENT] [-o PODCAST] [-j N] [--voices DIR] [--cache DIR] [-q QUALITY]\n\n"
    "Reads every edition folder under CONTENT (default: content) and writes\n"
    "the podcast under PODCAST (default: podcast): per edition <id>, one Ogg\n"
    "episode per speech and the whole edition with chapter marks, their\n"
    "transcripts, then the listening page and the feed.  Only what changed\n"
    "is made again.  -j N: worker processes (default: one per processor).\n"
    "Voices come from DIR (default: voices); intermediate chapter audio is\n"
    "kept in the cache (default: build/cache).  QUALITY is the Vorbis\n"
    "quality, 0-10 (default 4).\n";

/* Vorbis quality 4 (about 45 kb/s for 22 kHz mono speech): at 3 the
 * sibilants of espeak-ng's voice turn audibly swishy in the spectrum, at 5
 * the files grow by a fifth with no difference we could measure. */
#define DEFAULT_QUALITY 4
#define KEY_CHARS 12      /* of the key, in file names */
#define LOCK_FILE ".tingbao-build.lock"

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

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

struct chapter_job {
    size_t edition;
    enum chapter_kind kind;
    size_t index;           /* speech number from 0 */
    char key[BUILDKEY_HEX];
    char *wav;
    const char *name;       /* chapter title */
    size_t cost;
};

struct build {
    const char *content, *out, *voices, *cache;
    int quality, jobs;
    struct frontend fe;
    struct chapter_voices v;
    struct channel channel;
    struct edition *eds;
    size_t n_eds;
    struct chapter_job *ch;  /* per edition: opening, speeches, closing */
    size_t n_ch;
    size_t *first_ch;        /* index of each edition's first chapter */
    struct manifest *mans;
};

static size_t chapters_of(const struct edition *e) { return e->digest.n_speeches + 2; }

/* --- 2. chapters --------------------------------------------------------- */

static int plan_chapters(struct build *b)
{
    size_t total = 0;

    for (size_t i = 0; i < b->n_eds; i++)
        total += chapters_of(&b->eds[i]);
    b->ch = calloc(total, sizeof *b->ch);
    b->first_ch = calloc(b->n_eds + 1, sizeof *b->first_ch);
    if (!b->ch || !b->first_ch) {
        diag_oom();
        return -1;
    }
    for (size_t i = 0; i < b->n_eds; i++) {
        const struct edition *e = &b->eds[i];
        size_t n = chapters_of(e);
        b->first_ch[i] = b->n_ch;
        for (size_t c = 0; c < n; c++) {
            struct chapter_job *j = &b->ch[b->n_ch++];
            const char *kind_name;
            j->edition = i;
            j->kind = c == 0 ? CHAPTER_OPENING : c == n - 1 ? CHAPTER_CLOSING : CHAPTER_SPEECH;
            j->index = c - 1;
            kind_name = c == 0 ? "opening" : c == n - 1 ? "closing" : "speech";
            j->name = c == 0 ? (e->digest.n_heading ? e->digest.heading[0] : "开篇")
                      : c == n - 1 ? "结束语" : e->digest.speeches[c - 1].title;
            if (chapter_key(&b->fe, &b->v, e, j->kind, j->index, j->key) != 0)
                return -1;
            j->wav = c > 0 && c < n - 1
                         ? path_of("%s/%s/%s-%02zu-%.*s.wav", b->cache, e->id, kind_name, c, KEY_CHARS, j->key)
                         : path_of("%s/%s/%s-%.*s.wav", b->cache, e->id, kind_name, KEY_CHARS, j->key);
            if (!j->wav)
                return -1;
            j->cost = c > 0 && c < n - 1 ? 100 : 10;
            for (size_t k = 0; c > 0 && c < n - 1 && k < e->digest.speeches[c - 1].n_paragraphs; k++)
                j->cost += strlen(e->digest.speeches[c - 1].paragraphs[k].text);
        }
    }
    b->first_ch[b->n_eds] = b->n_ch;
    return 0;
}

struct render_ctx {
    struct build *b;
    size_t *todo;
};

static int render_one(size_t job, void *ctx)
{
    struct render_ctx *rc = ctx;
    struct build *b = rc->b;
    const struct chapter_job *j = &b->ch[rc->todo[job]];
    struct chapter_info info;

    if (chapter_render(&b->fe, &b->v, &b->eds[j->edition], j->kind, j->index, j->wav, &info) != 0)
        return -1;
    printf("  %s: %.1f s, %.1f -> %.1f LUFS, true peak %.1f dBTP\n", j->wav + strlen(b->cache) + 1,
           info.seconds, info.loudness.input_lufs, info.loudness.output_lufs, info.loudness.output_tp_db);
    return 0;
}

static int render_chapters(struct build *b)
{
    size_t *todo = calloc(b->n_ch + 1, sizeof *todo), *cost = calloc(b->n_ch + 1, sizeof *cost), n = 0;
    struct render_ctx ctx = {b, todo};
    int rc;

    if (!todo || !cost) {
        free(todo), free(cost);
        diag_oom();
        return -1;
    }
    for (size_t i = 0; i < b->n_ch; i++) {
        char *tsv = path_of("%s.tsv", b->ch[i].wav);
        bool have = tsv && exists(b->ch[i].wav) && exists(tsv);
        free(tsv);
        if (!have) {
            cost[n] = b->ch[i].cost;
            todo[n++] = i;
        }
    }
    printf("%zu of %zu chapters to synthesize\n", n, b->n_ch);
    rc = workers_run(n, cost, b->jobs, render_one, &ctx);
    free(todo);
    free(cost);
    return rc;
}

/* --- 3. episodes ----------------------------------------------------------- */

/* An episode's files share one base name: <id>-01-<key> or <id>-full-<key>. */
static char *episode_base(const struct build *b, size_t ed, size_t number)
{
    const struct edition *e = &b->eds[ed];
    const struct chapter_job *ch = &b->ch[b->first_ch[ed]];
    size_t n = chapters_of(e);
    struct buildkey k;
    char hex[BUILDKEY_HEX];

    if (buildkey_init(&k, "episode-1") != 0) {
        diag_oom();
        return NULL;
    }
    buildkey_add_int(&k, b->quality);
    buildkey_add(&k, e->id);
    buildkey_add(&k, e->date);
    buildkey_add_int(&k, (long long)number);
    for (size_t c = number ? number : 0; c < (number ? number + 1 : n); c++) {
        buildkey_add(&k, ch[c].key);
        buildkey_add(&k, ch[c].name);
    }
    for (size_t i = 0; i < e->digest.n_heading; i++)
        buildkey_add(&k, e->digest.heading[i]);
    buildkey_add(&k, e->digest.credit);
    if (number) {
        const struct digest_speech *s = &e->digest.speeches[number - 1];
        buildkey_add(&k, s->speaker);
        buildkey_add(&k, s->on_behalf_of);
        buildkey_add_int(&k, s->member);
    } else {
        for (size_t i = 0; i < e->digest.n_speeches; i++)
            buildkey_add(&k, e->digest.speeches[i].title);
    }
    buildkey_finish(&k, hex);
    return number ? path_of("%s-%02zu-%.*s", e->id, number, KEY_CHARS, hex)
                  : path_of("%s-full-%.*s", e->id, KEY_CHARS, hex);
}

static int encode_one(size_t ed, void *ctx)
{
    struct build *b = ctx;
    const struct edition *e = &b->eds[ed];
    size_t n = e->digest.n_speeches, n_ch = chapters_of(e), n_out = 0;
    struct episode_chapter *chapters = calloc(n_ch, sizeof *chapters);
    struct episode_out *outs = calloc(n + 1, sizeof *outs);
    char **names = calloc(2 * (n + 1), sizeof *names);
    const char *album = e->digest.n_heading > 1 ? e->digest.heading[1]
                        : e->digest.n_heading ? e->digest.heading[0] : e->id;
    struct episode_result res = {0};
    int rc = -1;

    if (!chapters || !outs || !names) {
        diag_oom();
        goto out;
    }
    for (size_t c = 0; c < n_ch; c++) {
        chapters[c].wav_path = b->ch[b->first_ch[ed] + c].wav;
        chapters[c].name = b->ch[b->first_ch[ed] + c].name;
    }
    for (size_t i = 0; i <= n; i++) {
        char *base = episode_base(b, ed, i), *ogg;
        if (!base)
            goto out;
        ogg = path_of("%s/%s/%s.ogg", b->out, e->id, base);
        if (!ogg) {
            free(base);
            goto out;
        }
        if (exists(ogg)) {          /* made before, from the same input */
            free(base);
            free(ogg);
            continue;
        }
        names[2 * n_out] = ogg;
        names[2 * n_out + 1] = i ? path_of("%s/%02zu", e->id, i) : path_of("%s/full", e->id);
        free(base);
        if (!names[2 * n_out + 1])
            goto out;
        outs[n_out].path = ogg;
        outs[n_out].meta.identity = names[2 * n_out + 1];
        outs[n_out].meta.album = album;
        outs[n_out].meta.date = e->date;
        outs[n_out].first = i;
        outs[n_out].end = i ? i + 1 : n_ch;
        outs[n_out].meta.title = i ? e->digest.speeches[i - 1].title : album;
        outs[n_out].meta.artist = i ? e->digest.speeches[i - 1].speaker : e->digest.credit;
        outs[n_out].meta.track = (int)i;
        n_out++;
    }
    if (n_out == 0) {
        rc = 0;
        goto out;
    }
    if (episode_encode(chapters, n_ch, (float)b->quality / 10.0f, outs, n_out, &res) != 0)
        goto out;
    printf("  %s/%s: %zu episodes encoded, %.1f s of audio\n", b->out, e->id, n_out, res.seconds);
    rc = 0;
out:
    free(res.chapter_starts);
    for (size_t i = 0; names && i < 2 * (n + 1); i++)
        free(names[i]);
    free(names);
    free(outs);
    free(chapters);
    return rc;
}

/* --- 4. transcripts, manifests, page, feed --------------------------------- */

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

/* Transcripts of episode `number` of edition `ed` (written if missing) and
 * its manifest entry. */
static int finish_episode(struct build *b, size_t ed, size_t number, struct manifest_episode *me)
{
    const struct edition *e = &b->eds[ed];
    size_t n_ch = chapters_of(e), first = number, end = number ? number + 1 : n_ch, n = end - first;
    struct episode_chapter *ch = calloc(n, sizeof *ch);
    struct episode_result plan = {0};
    char *base = episode_base(b, ed, number);
    char *ogg = NULL, *vtt = NULL, *txt = NULL, *chj = NULL;
    double seconds, lead;
    struct stat st;
    int rc = -1;

    if (!ch || !base)
        goto oom;
    for (size_t c = 0; c < n; c++) {
        ch[c].wav_path = b->ch[b->first_ch[ed] + first + c].wav;
        ch[c].name = b->ch[b->first_ch[ed] + first + c].name;
    }
    ogg = path_of("%s/%s/%s.ogg", b->out, e->id, base);
    vtt = path_of("%s/%s/%s.vtt", b->out, e->id, base);
    txt = path_of("%s/%s/%s.txt", b->out, e->id, base);
    chj = number == 0 ? path_of("%s/%s/%s.chapters.json", b->out, e->id, base) : NULL;
    if (!ogg || !vtt || !txt || (number == 0 && !chj))
        goto oom;
    if (episode_plan(ch, n, &plan) != 0 || episode_read_seconds(ogg, &seconds) != 0 ||
        stat(ogg, &st) != 0)
        goto out;
    /* A speech cut from the whole edition starts up to a block early. */
    lead = seconds - plan.seconds > 0 ? seconds - plan.seconds : 0;
    for (size_t c = 0; c < n; c++)
        plan.chapter_starts[c] += lead;
    if ((!exists(vtt) && transcript_write_vtt(vtt, ch, plan.chapter_starts, n) != 0) ||
        (!exists(txt) && transcript_write_text(txt, e, number ? number - 1 : (size_t)-1) != 0) ||
        (chj && !exists(chj) && transcript_write_chapters(chj, ch, plan.chapter_starts, n) != 0))
        goto out;
    me->number = (int)number;
    me->seconds = seconds;
    me->bytes = (long long)st.st_size;
    me->guid = number ? path_of("tingbao:%s:speech-%02zu", e->id, number) : path_of("tingbao:%s:full", e->id);
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
        me->description = edition_description(e);
    }
    if (!me->guid || !me->file || !me->vtt || !me->txt || (chj && !me->chapters) || !me->title ||
        (number && !me->speaker) || !me->description)
        goto oom;
    if (n > 1) {
        if (!(me->marks = calloc(n, sizeof *me->marks)))
            goto oom;
        for (size_t c = 0; c < n; c++) {
            me->marks[c].start = plan.chapter_starts[c];
            if (!(me->marks[me->n_marks++].title = strdup(ch[c].name)))
                goto oom;
        }
    }
    rc = 0;
    goto out;
oom:
    diag_oom();
out:
    free(plan.chapter_starts);
    free(ch);
    free(base);
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

static int finish_edition(struct build *b, size_t ed)
{
    const struct edition *e = &b->eds[ed];
    struct manifest *man = &b->mans[ed];
    size_t n = e->digest.n_speeches;
    char *mp;
    int rc;

    man->id = strdup(e->id);
    man->date = strdup(e->date);
    man->title = strdup(e->digest.n_heading > 1 ? e->digest.heading[1]
                        : e->digest.n_heading ? e->digest.heading[0] : e->id);
    man->credit = e->digest.credit ? strdup(e->digest.credit) : NULL;
    man->ep = calloc(n + 1, sizeof *man->ep);
    man->n_ep = n + 1;
    if (!man->id || !man->date || !man->title || (e->digest.credit && !man->credit) || !man->ep) {
        diag_oom();
        return -1;
    }
    for (size_t i = 0; i < e->digest.n_heading; i++)
        if (strlist_push(&man->heading, strdup(e->digest.heading[i])) != 0) {
            diag_oom();
            return -1;
        }
    for (size_t i = 0; i <= n; i++)
        if (finish_episode(b, ed, i, &man->ep[i]) != 0)
            return -1;
    if (write_text_output(b->out, e, "edition.json", digest_write_json) != 0 ||
        write_text_output(b->out, e, "edition.txt", digest_write_text) != 0)
        return -1;
    if (!(mp = path_of("%s/%s/manifest.json", b->out, e->id)))
        return -1;
    rc = manifest_write(mp, man);
    free(mp);
    return rc;
}

static int publish(struct build *b)
{
    const char *cover = b->channel.image ? b->channel.image : "cover.png";
    char *cover_path = path_of("%s/cover.png", b->out);
    int ok = cover_path && (b->channel.image || exists(cover_path) ||
                            cover_draw(cover_path, b->channel.title, b->channel.description) == 0);

    free(cover_path);
    /* The feed last: it points at everything else. */
    if (!ok || page_write(b->out, &b->channel, b->eds, b->mans, b->n_eds) != 0 ||
        feed_write(b->out, &b->channel, cover, b->mans, b->n_eds) != 0)
        return -1;
    return 0;
}

/* --- 5. garbage ----------------------------------------------------------- */

static bool referenced(const struct manifest *m, const char *name)
{
    for (size_t i = 0; i < m->n_ep; i++) {
        const struct manifest_episode *e = &m->ep[i];
        if (strcmp(name, e->file) == 0 || strcmp(name, e->vtt) == 0 || strcmp(name, e->txt) == 0 ||
            (e->chapters && strcmp(name, e->chapters) == 0))
            return true;
    }
    return false;
}

/* Removes our files in `dir` that are no longer wanted: leftovers of an
 * interrupted build (".name.tmp-PID") and older versions of outputs. */
static void sweep(const char *dir, bool (*keep)(const char *name, void *ctx), void *ctx)
{
    DIR *d = opendir(dir);
    struct dirent *ent;

    if (!d)
        return;
    while ((ent = readdir(d))) {
        char *p;
        if (strcmp(ent->d_name, ".") == 0 || strcmp(ent->d_name, "..") == 0)
            continue;
        if (!(ent->d_name[0] == '.' && strstr(ent->d_name, ".tmp-")) && keep(ent->d_name, ctx))
            continue;
        if ((p = path_of("%s/%s", dir, ent->d_name))) {
            if (unlink(p) != 0 && errno != ENOENT)
                diag_error(p, 0, "cannot remove an old file: %s", strerror(errno));
            free(p);
        }
    }
    closedir(d);
}

struct sweep_ctx {
    const struct build *b;
    size_t ed;
};

static bool keep_output(const char *name, void *ctx)
{
    const struct sweep_ctx *s = ctx;
    const char *id = s->b->eds[s->ed].id;
    size_t len = strlen(id);
    /* Only episode files (<id>-…) are ours to remove. */
    if (strncmp(name, id, len) != 0 || name[len] != '-')
        return true;
    return referenced(&s->b->mans[s->ed], name);
}

static bool keep_cache(const char *name, void *ctx)
{
    const struct sweep_ctx *s = ctx;
    for (size_t c = s->b->first_ch[s->ed]; c < s->b->first_ch[s->ed + 1]; c++) {
        const char *w = strrchr(s->b->ch[c].wav, '/') + 1;
        size_t len = strlen(w);
        if (strncmp(name, w, len) == 0 && (name[len] == '\0' || strcmp(name + len, ".tsv") == 0))
            return true;
    }
    return false;
}

static void collect_garbage(struct build *b)
{
    for (size_t i = 0; i < b->n_eds; i++) {
        struct sweep_ctx s = {b, i};
        char *out = path_of("%s/%s", b->out, b->eds[i].id), *cache = path_of("%s/%s", b->cache, b->eds[i].id);
        if (out)
            sweep(out, keep_output, &s);
        if (cache)
            sweep(cache, keep_cache, &s);
        free(out);
        free(cache);
    }
}

/* --- 1. inputs and the lock ---------------------------------------------- */

/* One build at a time per output folder: a second one refuses at once,
 * saying so, rather than interleaving its files with the first's. */
static int take_lock(const char *out, int *fd)
{
    char *p = path_of("%s/%s", out, LOCK_FILE);

    if (!p || make_dirs(out) != 0) {
        free(p);
        return -1;
    }
    *fd = open(p, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (*fd < 0) {
        diag_error(p, 0, "cannot create the build lock: %s", strerror(errno));
        free(p);
        return -1;
    }
    if (flock(*fd, LOCK_EX | LOCK_NB) != 0) {
        diag_error(out, 0, "another build is writing this podcast; wait for it to finish, then run again");
        close(*fd);
        *fd = -1;
        free(p);
        return -1;
    }
    free(p);
    return 0;
}

static int load_inputs(struct build *b)
{
    struct strlist dirs;
    char *overrides;
    int rc = -1;

    if (edition_list(b->content, &dirs) != 0)
        return -1;
    if (!(b->eds = calloc(dirs.n, sizeof *b->eds))) {
        diag_oom();
        goto out;
    }
    for (; b->n_eds < dirs.n; b->n_eds++) {
        if (edition_load(dirs.v[b->n_eds], &b->eds[b->n_eds]) != 0)
            goto out;
        for (size_t k = 0; k < b->n_eds; k++) {
            if (strcmp(b->eds[k].id, b->eds[b->n_eds].id) == 0) {
                diag_error(dirs.v[b->n_eds], 0, "edition id '%s' is also used by %s",
                           b->eds[b->n_eds].id, dirs.v[k]);
                b->n_eds++;
                goto out;
            }
        }
    }
    if (channel_load(b->out, &b->channel) != 0)
        goto out;
    if (b->channel.image) {
        char *img = path_of("%s/%s", b->out, b->channel.image);
        bool ok = img && exists(img);
        free(img);
        if (!ok) {
            diag_error(b->channel.conf.path, conf_get(&b->channel.conf, "image")->line,
                       "image '%s' is not in %s", b->channel.image, b->out);
            goto out;
        }
    }
    if (voice_load(b->voices, "reader", &b->v.reader) != 0 ||
        voice_load(b->voices, "announcer", &b->v.announcer) != 0)
        goto out;
    if (!(overrides = path_of("%s/%s", b->content, FRONTEND_OVERRIDES)))
        goto out;
    rc = frontend_open(&b->fe, NULL, overrides, true);
    free(overrides);
out:
    strlist_release(&dirs);
    return rc;
}

static void free_build(struct build *b)
{
    if (b->fe.lex)
        frontend_close(&b->fe);
    voice_free(&b->v.reader);
    voice_free(&b->v.announcer);
    channel_free(&b->channel);
    for (size_t i = 0; i < b->n_eds; i++) {
        edition_free(&b->eds[i]);
        if (b->mans)
            manifest_free(&b->mans[i]);
    }
    free(b->eds);
    free(b->mans);
    for (size_t i = 0; i < b->n_ch; i++)
        free(b->ch[i].wav);
    free(b->ch);
    free(b->first_ch);
}

int cmd_build(int argc, char **argv)
{
    struct build b;
    int lock_fd = -1, rc = EXIT_BAD_INPUT;

    memset(&b, 0, sizeof b);
    b.content = "content";
    b.out = "podcast";
    b.voices = "voices";
    b.cache = "build/cache";
    b.quality = DEFAULT_QUALITY;
    b.jobs = workers_default();
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (i + 1 < argc && (strcmp(a, "-C") == 0 || strcmp(a, "-o") == 0 || strcmp(a, "-j") == 0 ||
                             strcmp(a, "--voices") == 0 || strcmp(a, "--cache") == 0 ||
                             strcmp(a, "-q") == 0)) {
            const char *v = argv[++i];
            char *end;
            long num;
            if (strcmp(a, "-C") == 0)
                b.content = v;
            else if (strcmp(a, "-o") == 0)
                b.out = v;
            else if (strcmp(a, "--voices") == 0)
                b.voices = v;
            else if (strcmp(a, "--cache") == 0)
                b.cache = v;
            else {
                num = strtol(v, &end, 10);
                if (*end || num < (a[1] == 'j' ? 1 : 0) || num > (a[1] == 'j' ? 256 : 10)) {
                    fprintf(stderr, "tingbao build: %s takes a number (%s), not '%s'\n", a,
                            a[1] == 'j' ? "1 or more" : "0 to 10", v);
                    return EXIT_USAGE;
                }
                *(a[1] == 'j' ? &b.jobs : &b.quality) = (int)num;
            }
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage, stdout);
            return 0;
        } else {
            fprintf(stderr, "tingbao build: unexpected '%s'\n%s", a, usage);
            return EXIT_USAGE;
        }
    }
    if (load_inputs(&b) != 0 || take_lock(b.out, &lock_fd) != 0)
        goto out;
    if (!(b.mans = calloc(b.n_eds ? b.n_eds : 1, sizeof *b.mans))) {
        diag_oom();
        goto out;
    }
    for (size_t i = 0; i < b.n_eds; i++)
        printf("%s: %zu speeches\n", b.eds[i].id, b.eds[i].digest.n_speeches);
    if (plan_chapters(&b) != 0 || render_chapters(&b) != 0)
        goto out;
    {
        size_t *cost = calloc(b.n_eds ? b.n_eds : 1, sizeof *cost);
        int r;
        if (!cost) {
            diag_oom();
            goto out;
        }
        for (size_t i = 0; i < b.n_eds; i++)
            cost[i] = chapters_of(&b.eds[i]);
        r = workers_run(b.n_eds, cost, b.jobs, encode_one, &b);
        free(cost);
        if (r != 0)
            goto out;
    }
    for (size_t i = 0; i < b.n_eds; i++)
        if (finish_edition(&b, i) != 0)
            goto out;
    if (publish(&b) != 0)
        goto out;
    collect_garbage(&b);
    rc = 0;
out:
    free_build(&b);
    if (lock_fd >= 0)
        close(lock_fd);
    return rc;
}
