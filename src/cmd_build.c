/* cmd_build.c — `tingbao build [-C CONTENT] [-o PODCAST]`: produce the
 * podcast from every edition under content/.
 *
 * All editions are read and checked before anything is written, so a
 * mistake in one file stops the build with every earlier output intact.
 * Each output is written under a temporary name and renamed into place.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "commands.h"
#include "diag.h"
#include "digest_format.h"
#include "edition.h"

static const char usage[] =
    "usage: tingbao build [-C CONTENT] [-o PODCAST]\n\n"
    "Reads every edition folder under CONTENT (default: content) and writes\n"
    "the podcast under PODCAST (default: podcast): for each edition,\n"
    "PODCAST/<id>/edition.json (the speeches, as 'tingbao split --json')\n"
    "and PODCAST/<id>/edition.txt (the readable text).\n";

static int write_output(const char *out_dir, const struct edition *e, const char *name,
                        int (*write)(FILE *, const struct digest *, const struct edition *))
{
    struct atomic_file af;
    struct strbuf path = STRBUF_INIT;
    char *p;
    int rc;

    strbuf_addf(&path, "%s/%s/%s", out_dir, e->id, name);
    if (!(p = strbuf_detach(&path))) {
        diag_oom();
        return -1;
    }
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

int cmd_build(int argc, char **argv)
{
    const char *content = "content", *out = "podcast";
    struct strlist dirs;
    struct edition *eds;
    int rc = EXIT_BAD_INPUT;
    size_t loaded = 0;

    for (int i = 1; i < argc; i++) {
        if ((strcmp(argv[i], "-C") == 0 || strcmp(argv[i], "-o") == 0) && i + 1 < argc) {
            if (argv[i][1] == 'C')
                content = argv[++i];
            else
                out = argv[++i];
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(usage, stdout);
            return 0;
        } else {
            fprintf(stderr, "tingbao build: unexpected '%s'\n%s", argv[i], usage);
            return EXIT_USAGE;
        }
    }
    if (edition_list(content, &dirs) != 0)
        return EXIT_BAD_INPUT;
    if (!(eds = calloc(dirs.n, sizeof *eds))) {
        diag_oom();
        strlist_release(&dirs);
        return EXIT_BAD_INPUT;
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
    for (size_t i = 0; i < loaded; i++) {
        if (write_output(out, &eds[i], "edition.json", digest_write_json) != 0 ||
            write_output(out, &eds[i], "edition.txt", digest_write_text) != 0)
            goto out;
        printf("%s: %zu speeches\n", eds[i].id, eds[i].digest.n_speeches);
    }
    rc = 0;
out:
    for (size_t i = 0; i < loaded; i++)
        edition_free(&eds[i]);
    free(eds);
    strlist_release(&dirs);
    return rc;
}
