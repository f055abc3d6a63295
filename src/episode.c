/* episode.c — see episode.h. */
#include "episode.h"

#include <math.h>
#include <ogg/ogg.h>
#include <sndfile.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vorbis/vorbisenc.h>

#include "atomic_file.h"
#include "diag.h"

#define BLOCK 4096

void episode_format_time(double seconds, char *buf, size_t size)
{
    long ms = lround(seconds * 1000);
    snprintf(buf, size, "%02ld:%02ld:%02ld.%03ld", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60,
             ms % 1000);
}

static uint32_t serial_of(const char *identity)
{
    uint32_t h = 2166136261u;
    for (const char *p = identity; *p; p++)
        h = (h ^ (unsigned char)*p) * 16777619u;
    return h & 0x7FFFFFFF;
}

/* The reader the encoder pulls from: the chapters' files one after the
 * other, each opened when the previous one ends. */
struct chain {
    const struct episode_chapter *ch;
    size_t n, next;
    SNDFILE *sf;
};

static int chain_read(struct chain *c, float *buf, size_t n, size_t *got)
{
    *got = 0;
    while (*got == 0) {
        sf_count_t r;
        if (!c->sf) {
            SF_INFO info = {0};
            if (c->next >= c->n)
                return 0;
            if (!(c->sf = sf_open(c->ch[c->next].wav_path, SFM_READ, &info))) {
                diag_error(c->ch[c->next].wav_path, 0, "cannot read chapter audio: %s",
                           sf_strerror(NULL));
                return -1;
            }
            c->next++;
        }
        r = sf_read_float(c->sf, buf, (sf_count_t)n);
        if (r < 0 || sf_error(c->sf)) {
            diag_error(c->ch[c->next - 1].wav_path, 0, "cannot read: %s", sf_strerror(c->sf));
            return -1;
        }
        if (r == 0) {
            sf_close(c->sf);
            c->sf = NULL;
            continue;
        }
        *got = (size_t)r;
    }
    return 0;
}

static int chapter_frames(const struct episode_chapter *ch, size_t n, int64_t *frames, int *rate)
{
    for (size_t i = 0; i < n; i++) {
        SF_INFO info = {0};
        SNDFILE *sf = sf_open(ch[i].wav_path, SFM_READ, &info);
        if (!sf) {
            diag_error(ch[i].wav_path, 0, "cannot read chapter audio: %s", sf_strerror(NULL));
            return -1;
        }
        sf_close(sf);
        if (info.channels != 1 || (*rate && info.samplerate != *rate)) {
            diag_error(ch[i].wav_path, 0, "chapter audio must be mono at one rate");
            return -1;
        }
        *rate = info.samplerate;
        frames[i] = info.frames;
    }
    return 0;
}

int episode_plan(const struct episode_chapter *ch, size_t n, struct episode_result *res)
{
    int64_t *frames = calloc(n ? n : 1, sizeof *frames);
    int rate = 0;
    double t = 0;

    memset(res, 0, sizeof *res);
    if (!frames || !(res->chapter_starts = calloc(n ? n : 1, sizeof *res->chapter_starts))) {
        free(frames);
        diag_oom();
        return -1;
    }
    if (chapter_frames(ch, n, frames, &rate) != 0) {
        free(frames);
        free(res->chapter_starts);
        res->chapter_starts = NULL;
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        res->chapter_starts[i] = t;
        t += (double)frames[i] / rate;
    }
    res->n_chapters = n;
    res->seconds = t;
    free(frames);
    return 0;
}

/* One output stream and where it is in the packet sequence. */
struct sink {
    struct episode_out *out;
    struct atomic_file af;
    ogg_stream_state os;
    bool os_init, started, done;
    int64_t a, b, base;          /* sample range [a, b) of the whole; granule base */
    ogg_packet held;             /* the last packet ending at or before a */
    unsigned char *held_data;
};

static int write_pages(struct sink *s, bool flush)
{
    ogg_page og;
    while (flush ? ogg_stream_flush(&s->os, &og) : ogg_stream_pageout(&s->os, &og)) {
        if (fwrite(og.header, 1, (size_t)og.header_len, s->af.f) != (size_t)og.header_len ||
            fwrite(og.body, 1, (size_t)og.body_len, s->af.f) != (size_t)og.body_len) {
            diag_error(s->out->path, 0, "cannot write");
            return -1;
        }
    }
    return 0;
}

static void add_tag(vorbis_comment *vc, const char *key, const char *value)
{
    if (value && *value)
        vorbis_comment_add_tag(vc, key, value);
}

/* Starts a sink's stream: its three header packets (the identification and
 * setup headers are the encoder's; the comments are the episode's own). */
static int sink_open(struct sink *s, vorbis_info *vi, const ogg_packet *ident, const ogg_packet *setup,
                     const struct episode_chapter *ch, const double *starts)
{
    vorbis_comment vc;
    ogg_packet comm;
    char key[32], val[32];
    int rc;

    if (atomic_open(&s->af, s->out->path) != 0)
        return -1;
    ogg_stream_init(&s->os, (int)serial_of(s->out->meta.identity));
    s->os_init = true;
    vorbis_comment_init(&vc);
    add_tag(&vc, "TITLE", s->out->meta.title);
    add_tag(&vc, "ARTIST", s->out->meta.artist);
    add_tag(&vc, "ALBUM", s->out->meta.album);
    add_tag(&vc, "DATE", s->out->meta.date);
    if (s->out->meta.track > 0) {
        snprintf(val, sizeof val, "%d", s->out->meta.track);
        add_tag(&vc, "TRACKNUMBER", val);
    }
    add_tag(&vc, "LANGUAGE", "zh");
    add_tag(&vc, "GENRE", "Speech");
    if (s->out->end - s->out->first > 1) {
        for (size_t i = s->out->first, k = 1; i < s->out->end; i++, k++) {
            snprintf(key, sizeof key, "CHAPTER%03zu", k);
            episode_format_time(starts[i] - starts[s->out->first], val, sizeof val);
            add_tag(&vc, key, val);
            snprintf(key, sizeof key, "CHAPTER%03zuNAME", k);
            add_tag(&vc, key, ch[i].name);
        }
    }
    rc = vorbis_commentheader_out(&vc, &comm);
    vorbis_comment_clear(&vc);
    (void)vi;
    if (rc != 0) {
        diag_error(s->out->path, 0, "libvorbis could not make the comment header");
        return -1;
    }
    ogg_stream_packetin(&s->os, (ogg_packet *)ident);
    ogg_stream_packetin(&s->os, &comm);
    ogg_stream_packetin(&s->os, (ogg_packet *)setup);
    ogg_packet_clear(&comm);
    return write_pages(s, true);
}

/* Routes one audio packet (granule g, as the whole stream numbers it). */
static int sink_packet(struct sink *s, const ogg_packet *op)
{
    ogg_packet p = *op;
    int64_t g = op->granulepos;

    if (s->done)
        return 0;
    if (!s->started) {
        if (g <= s->a) {
            /* Keep the latest packet ending at or before a: decoding starts
             * there (it primes the decoder and yields no samples). */
            unsigned char *d = realloc(s->held_data, (size_t)op->bytes ? (size_t)op->bytes : 1);
            if (!d) {
                diag_oom();
                return -1;
            }
            memcpy(d, op->packet, (size_t)op->bytes);
            s->held_data = d;
            s->held = *op;
            s->held.packet = d;
            return 0;
        }
        s->started = true;
        s->base = s->held_data ? s->held.granulepos : 0;
        if (s->held_data) {
            ogg_packet h = s->held;
            h.granulepos = 0;
            h.b_o_s = 0;
            h.e_o_s = 0;
            ogg_stream_packetin(&s->os, &h);
        }
    }
    p.b_o_s = 0;
    p.granulepos = g - s->base;
    p.e_o_s = 0;
    if (g >= s->b || op->e_o_s) {
        p.granulepos = s->b - s->base;   /* the end, exactly: the decoder trims */
        p.e_o_s = 1;
        s->done = true;
    }
    ogg_stream_packetin(&s->os, &p);
    return write_pages(s, s->done);
}

int episode_encode(const struct episode_chapter *ch, size_t n, float quality,
                   struct episode_out *out, size_t n_out, struct episode_result *res)
{
    struct chain chain = {ch, n, 0, NULL};
    struct sink *sinks = calloc(n_out ? n_out : 1, sizeof *sinks);
    int64_t *frames = calloc(n ? n : 1, sizeof *frames), *offset = calloc(n + 1, sizeof *offset);
    vorbis_info vi;
    vorbis_comment vc;
    vorbis_dsp_state vd;
    vorbis_block vb;
    ogg_packet ident, comm, setup, op;
    float *buf = NULL;
    int rate = 0, rc = -1, eos = 0;
    bool vorbis_ready = false;

    memset(res, 0, sizeof *res);
    if (!sinks || !frames || !offset || !(buf = malloc(BLOCK * sizeof *buf))) {
        diag_oom();
        goto out_free;
    }
    if (n == 0 || episode_plan(ch, n, res) != 0 || chapter_frames(ch, n, frames, &rate) != 0)
        goto out_free;
    for (size_t i = 0; i < n; i++)
        offset[i + 1] = offset[i] + frames[i];
    vorbis_info_init(&vi);
    if (vorbis_encode_init_vbr(&vi, 1, rate, quality) != 0) {
        diag_error(out[0].path, 0, "libvorbisenc refused quality %.2f at %d Hz", quality, rate);
        vorbis_info_clear(&vi);
        goto out_free;
    }
    vorbis_comment_init(&vc);
    vorbis_analysis_init(&vd, &vi);
    vorbis_block_init(&vd, &vb);
    vorbis_ready = true;
    vorbis_analysis_headerout(&vd, &vc, &ident, &comm, &setup);
    for (size_t k = 0; k < n_out; k++) {
        sinks[k].out = &out[k];
        sinks[k].a = offset[out[k].first];
        sinks[k].b = offset[out[k].end];
        out[k].seconds = (double)(sinks[k].b - sinks[k].a) / rate;
        if (sink_open(&sinks[k], &vi, &ident, &setup, ch, res->chapter_starts) != 0)
            goto out;
    }
    while (!eos) {
        size_t got;
        if (chain_read(&chain, buf, BLOCK, &got) != 0)
            goto out;
        if (got == 0) {
            vorbis_analysis_wrote(&vd, 0);
        } else {
            float **in = vorbis_analysis_buffer(&vd, (int)got);
            memcpy(in[0], buf, got * sizeof *buf);
            vorbis_analysis_wrote(&vd, (int)got);
        }
        while (vorbis_analysis_blockout(&vd, &vb) == 1) {
            vorbis_analysis(&vb, NULL);
            vorbis_bitrate_addblock(&vb);
            while (vorbis_bitrate_flushpacket(&vd, &op)) {
                for (size_t k = 0; k < n_out; k++)
                    if (sink_packet(&sinks[k], &op) != 0)
                        goto out;
                if (op.e_o_s)
                    eos = 1;
            }
        }
    }
    for (size_t k = 0; k < n_out; k++) {
        out[k].lead = (double)(sinks[k].a - sinks[k].base) / rate;
        out[k].seconds = (double)(sinks[k].b - sinks[k].base) / rate;
        if (!sinks[k].done) {
            diag_error(out[k].path, 0, "the encoder ended before this episode did");
            goto out;
        }
    }
    rc = 0;
out:
    if (vorbis_ready) {
        vorbis_block_clear(&vb);
        vorbis_dsp_clear(&vd);
        vorbis_comment_clear(&vc);
        vorbis_info_clear(&vi);
    }
out_free:
    if (chain.sf)
        sf_close(chain.sf);
    for (size_t k = 0; sinks && k < n_out; k++) {
        if (sinks[k].os_init)
            ogg_stream_clear(&sinks[k].os);
        free(sinks[k].held_data);
    }
    /* Renamed into place only when every episode was written whole. */
    for (size_t k = 0; sinks && k < n_out; k++) {
        if (!sinks[k].af.f)
            continue;
        if (rc == 0)
            rc = atomic_commit(&sinks[k].af);
        else
            atomic_abort(&sinks[k].af);
    }
    free(sinks);
    free(frames);
    free(offset);
    free(buf);
    if (rc != 0) {
        free(res->chapter_starts);
        res->chapter_starts = NULL;
    }
    return rc;
}

int episode_read_seconds(const char *path, double *seconds)
{
    FILE *f = fopen(path, "rb");
    unsigned char head[64], *tail = NULL;
    long size, from;
    size_t got;
    int64_t granule = -1;
    uint32_t rate;
    int rc = -1;

    if (!f)
        goto out;
    /* The identification header (first page): "\x01vorbis", version,
     * channels, then the sample rate, little-endian. */
    if (fread(head, 1, sizeof head, f) != sizeof head || memcmp(head, "OggS", 4) != 0)
        goto out;
    {
        size_t body = 27 + head[26];
        if (body + 16 > sizeof head || memcmp(head + body, "\x01vorbis", 7) != 0)
            goto out;
        rate = head[body + 12] | head[body + 13] << 8 | head[body + 14] << 16 | (uint32_t)head[body + 15] << 24;
    }
    /* The last page's granule position is the stream's length. */
    if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0)
        goto out;
    from = size > 65536 ? size - 65536 : 0;
    if (fseek(f, from, SEEK_SET) != 0 || !(tail = malloc((size_t)(size - from))))
        goto out;
    got = fread(tail, 1, (size_t)(size - from), f);
    for (size_t i = 0; i + 14 <= got; i++) {
        if (memcmp(tail + i, "OggS", 4) == 0) {
            int64_t g = 0;
            for (int b = 7; b >= 0; b--)
                g = g << 8 | tail[i + 6 + (size_t)b];
            granule = g;
        }
    }
    if (granule < 0 || rate == 0)
        goto out;
    *seconds = (double)granule / rate;
    rc = 0;
out:
    if (rc != 0)
        diag_error(path, 0, "cannot read the episode's length");
    free(tail);
    if (f)
        fclose(f);
    return rc;
}
