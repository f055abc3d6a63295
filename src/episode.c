/* episode.c — see episode.h. */
#include "episode.h"

#include <math.h>
#include <ogg/ogg.h>
#include <sndfile.h>
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
    int rate;
};

static int chain_open_next(struct chain *c)
{
    SF_INFO info = {0};
    const char *path = c->ch[c->next].wav_path;

    if (!(c->sf = sf_open(path, SFM_READ, &info))) {
        diag_error(path, 0, "cannot read chapter audio: %s", sf_strerror(NULL));
        return -1;
    }
    if (info.channels != 1 || (c->rate && info.samplerate != c->rate)) {
        diag_error(path, 0, "chapter audio must be mono at %d Hz", c->rate);
        sf_close(c->sf);
        c->sf = NULL;
        return -1;
    }
    c->rate = info.samplerate;
    c->next++;
    return 0;
}

/* Reads up to n samples; *got = 0 at the end.  Returns 0 or -1. */
static int chain_read(struct chain *c, float *buf, size_t n, size_t *got)
{
    *got = 0;
    while (*got == 0) {
        sf_count_t r;
        if (!c->sf) {
            if (c->next >= c->n)
                return 0;
            if (chain_open_next(c) != 0)
                return -1;
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

/* Chapter start times from the files' lengths, before anything is encoded
 * (the marks go in the header).  Also checks every file opens. */
static int chapter_times(const struct episode_chapter *ch, size_t n, struct episode_result *res,
                         int *rate)
{
    double t = 0;

    if (!(res->chapter_starts = calloc(n ? n : 1, sizeof *res->chapter_starts))) {
        diag_oom();
        return -1;
    }
    res->n_chapters = n;
    for (size_t i = 0; i < n; i++) {
        SF_INFO info = {0};
        SNDFILE *sf = sf_open(ch[i].wav_path, SFM_READ, &info);
        if (!sf) {
            diag_error(ch[i].wav_path, 0, "cannot read chapter audio: %s", sf_strerror(NULL));
            return -1;
        }
        sf_close(sf);
        *rate = info.samplerate;
        res->chapter_starts[i] = t;
        t += (double)info.frames / info.samplerate;
    }
    res->seconds = t;
    return 0;
}

static int write_pages(ogg_stream_state *os, FILE *f, int flush)
{
    ogg_page og;
    while (flush ? ogg_stream_flush(os, &og) : ogg_stream_pageout(os, &og)) {
        if (fwrite(og.header, 1, (size_t)og.header_len, f) != (size_t)og.header_len ||
            fwrite(og.body, 1, (size_t)og.body_len, f) != (size_t)og.body_len)
            return -1;
    }
    return 0;
}

static void add_tag(vorbis_comment *vc, const char *key, const char *value)
{
    if (value && *value)
        vorbis_comment_add_tag(vc, key, value);
}

int episode_write(const char *out_path, const struct episode_chapter *ch, size_t n,
                  const struct episode_meta *m, struct episode_result *res)
{
    struct atomic_file af;
    struct chain chain = {ch, n, 0, NULL, 0};
    vorbis_info vi;
    vorbis_comment vc;
    vorbis_dsp_state vd;
    vorbis_block vb;
    ogg_stream_state os;
    ogg_packet hdr, hdr_comm, hdr_code, op;
    float *buf = NULL;
    int rate = 0, rc = -1, eos = 0;
    char key[32], val[32];

    memset(res, 0, sizeof *res);
    if (n == 0 || chapter_times(ch, n, res, &rate) != 0)
        return -1;
    if (atomic_open(&af, out_path) != 0)
        return -1;
    vorbis_info_init(&vi);
    if (vorbis_encode_init_vbr(&vi, 1, rate, m->quality) != 0) {
        diag_error(out_path, 0, "libvorbisenc refused quality %.2f at %d Hz", m->quality, rate);
        vorbis_info_clear(&vi);
        atomic_abort(&af);
        return -1;
    }
    vorbis_comment_init(&vc);
    add_tag(&vc, "TITLE", m->title);
    add_tag(&vc, "ARTIST", m->artist);
    add_tag(&vc, "ALBUM", m->album);
    add_tag(&vc, "DATE", m->date);
    if (m->track > 0) {
        snprintf(val, sizeof val, "%d", m->track);
        add_tag(&vc, "TRACKNUMBER", val);
    }
    add_tag(&vc, "LANGUAGE", "zh");
    add_tag(&vc, "GENRE", "Speech");
    for (size_t i = 0, k = 0; n > 1 && i < n; i++) {
        if (!ch[i].name)
            continue;
        k++;
        snprintf(key, sizeof key, "CHAPTER%03zu", k);
        episode_format_time(res->chapter_starts[i], val, sizeof val);
        add_tag(&vc, key, val);
        snprintf(key, sizeof key, "CHAPTER%03zuNAME", k);
        add_tag(&vc, key, ch[i].name);
    }
    vorbis_analysis_init(&vd, &vi);
    vorbis_block_init(&vd, &vb);
    ogg_stream_init(&os, (int)serial_of(m->identity));
    vorbis_analysis_headerout(&vd, &vc, &hdr, &hdr_comm, &hdr_code);
    ogg_stream_packetin(&os, &hdr);
    ogg_stream_packetin(&os, &hdr_comm);
    ogg_stream_packetin(&os, &hdr_code);
    if (write_pages(&os, af.f, 1) != 0)
        goto write_error;
    if (!(buf = malloc(BLOCK * sizeof *buf))) {
        diag_oom();
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
                ogg_stream_packetin(&os, &op);
                if (write_pages(&os, af.f, 0) != 0)
                    goto write_error;
                if (op.e_o_s)
                    eos = 1;
            }
        }
    }
    if (write_pages(&os, af.f, 1) != 0)
        goto write_error;
    rc = 0;
    goto out;
write_error:
    diag_error(out_path, 0, "cannot write");
out:
    free(buf);
    if (chain.sf)
        sf_close(chain.sf);
    ogg_stream_clear(&os);
    vorbis_block_clear(&vb);
    vorbis_dsp_clear(&vd);
    vorbis_comment_clear(&vc);
    vorbis_info_clear(&vi);
    if (rc == 0)
        rc = atomic_commit(&af);
    else
        atomic_abort(&af);
    if (rc != 0) {
        free(res->chapter_starts);
        res->chapter_starts = NULL;
    }
    return rc;
}
