/* transcript.c — see transcript.h. */
#include "transcript.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "diag.h"
#include "manifest.h"
#include "strbuf.h"

static void vtt_time(double t, char *buf, size_t size)
{
    long ms = lround(t * 1000);
    snprintf(buf, size, "%02ld:%02ld:%02ld.%03ld", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60,
             ms % 1000);
}

int transcript_write_vtt(const char *path, const struct episode_chapter *ch,
                         const double *starts, size_t n)
{
    struct atomic_file af;
    unsigned cue = 0;

    if (atomic_open(&af, path) != 0)
        return -1;
    fputs("WEBVTT\n", af.f);
    for (size_t i = 0; i < n; i++) {
        struct strbuf tsv = STRBUF_INIT;
        char *p, line[8192];
        FILE *f;
        strbuf_addf(&tsv, "%s.tsv", ch[i].wav_path);
        if (!(p = strbuf_detach(&tsv))) {
            diag_oom();
            goto fail;
        }
        if (!(f = fopen(p, "r"))) {
            diag_error(p, 0, "cannot read the sentence times: %s", strerror(errno));
            free(p);
            goto fail;
        }
        while (fgets(line, sizeof line, f)) {
            double a, b;
            char *text = strchr(line, '\t');
            char ta[32], tb[32];
            if (!text || !(text = strchr(text + 1, '\t')) || sscanf(line, "%lf\t%lf", &a, &b) != 2)
                continue;
            text++;
            text[strcspn(text, "\n")] = '\0';
            vtt_time(starts[i] + a, ta, sizeof ta);
            vtt_time(starts[i] + b, tb, sizeof tb);
            /* A cue's text may not contain "-->" or a blank line; ours are
             * single sentences, so only the arrow needs care. */
            for (char *arrow; (arrow = strstr(text, "-->"));)
                arrow[2] = ' ';
            fprintf(af.f, "\n%u\n%s --> %s\n%s\n", ++cue, ta, tb, text);
        }
        fclose(f);
        free(p);
    }
    return atomic_commit(&af);
fail:
    atomic_abort(&af);
    return -1;
}

static void write_speech_text(FILE *f, const struct digest_speech *s)
{
    fprintf(f, "%s\n%s%s%s%s\n", s->title, s->speaker, s->member ? "委员" : "",
            s->on_behalf_of ? "，代表" : "", s->on_behalf_of ? s->on_behalf_of : "");
    for (size_t k = 0; k < s->n_paragraphs; k++)
        fprintf(f, "\n%s\n", s->paragraphs[k].text);
}

int transcript_write_text(const char *path, const struct edition *e, size_t index)
{
    struct atomic_file af;
    const struct digest *d = &e->digest;

    if (atomic_open(&af, path) != 0)
        return -1;
    if (index == (size_t)-1) {
        for (size_t i = 0; i < d->n_heading; i++)
            fprintf(af.f, "%s\n", d->heading[i]);
        fprintf(af.f, "%s\n", e->date);
        for (size_t i = 0; i < d->n_speeches; i++) {
            fputs("\n\n", af.f);
            write_speech_text(af.f, &d->speeches[i]);
        }
        if (d->credit)
            fprintf(af.f, "\n\n%s\n", d->credit);
    } else {
        write_speech_text(af.f, &d->speeches[index]);
    }
    return atomic_commit(&af);
}

int transcript_write_chapters(const char *path, const struct episode_chapter *ch,
                              const double *starts, size_t n)
{
    json_t *root = json_pack("{s:s}", "version", "1.2.0"), *list = json_array();
    int failed = !root || !list;

    for (size_t i = 0; i < n && !failed; i++) {
        json_t *c;
        if (!ch[i].name)
            continue;
        c = json_pack("{s:f,s:s}", "startTime", round(starts[i] * 1000) / 1000, "title", ch[i].name);
        if (!c || json_array_append_new(list, c) != 0)
            failed = 1;
    }
    if (failed) {
        json_decref(root);
        json_decref(list);
        diag_oom();
        return -1;
    }
    if (json_object_set_new(root, "chapters", list) != 0) {   /* takes `list` either way */
        json_decref(root);
        diag_oom();
        return -1;
    }
    return write_json(path, root);
}
