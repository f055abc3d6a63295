/* manifest.h — what the build made of one edition, for the feed and the
 * listening page: PODCAST/<id>/manifest.json.
 *
 * The build writes it after an edition's episodes; the feed and page read
 * every edition's manifest, so data flows one way (episodes → manifest →
 * feed) and an edition that was not rebuilt still has its items.
 */
#ifndef TINGBAO_MANIFEST_H
#define TINGBAO_MANIFEST_H

#include <stddef.h>

#include "strbuf.h"

struct manifest_chapter {
    double start;
    char *title;
};

struct manifest_episode {
    char *guid;          /* stable: edition id and speech number, never the audio */
    char *file;          /* names inside the edition folder */
    char *vtt, *txt;
    char *chapters;      /* podcast:chapters JSON, or NULL */
    char *title, *speaker, *description;
    int number;          /* speech number; 0 for the whole edition */
    double seconds;
    long long bytes;
    struct manifest_chapter *marks;
    size_t n_marks;
};

struct manifest {
    char *id, *date, *title;   /* title: the edition's name (heading) */
    struct strlist heading;
    char *credit;              /* or NULL */
    struct manifest_episode *ep;
    size_t n_ep;
};

/* Writes m as JSON to path (temporary name, renamed).  0 or -1. */
int manifest_write(const char *path, const struct manifest *m);

/* Reads a manifest.  One diagnostic naming the file on failure.  0 or -1. */
int manifest_read(const char *path, struct manifest *m);

void manifest_free(struct manifest *m);

/* Writes a JSON document (jansson's json_t, which this call drops)
 * through a temporary file, indented, newline-terminated.  0 or -1. */
struct json_t;
int write_json(const char *path, struct json_t *doc);

#endif
