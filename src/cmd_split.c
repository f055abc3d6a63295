/* cmd_split.c — `tingbao split [--json] DIGEST|EDITION-FOLDER`: parse a
 * digest and print its edition, so staff can check the split before a build
 * and other tools can read it. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "commands.h"
#include "diag.h"
#include "digest_format.h"
#include "edition.h"

static const char usage[] =
    "usage: tingbao split [--json] FILE|FOLDER\n\n"
    "Prints the speeches of a digest: heading, each speech's title, speaker,\n"
    "on whose behalf, paragraphs, and the credit.  FOLDER is an edition folder\n"
    "under content/ (with its edition.conf); FILE is a digest text.\n\n"
    "  --json   one JSON object: {\"heading\": [...], \"credit\": ..., \"speeches\": [...]}\n";

int cmd_split(int argc, char **argv)
{
    const char *path = NULL;
    int json = 0, rc;
    struct stat st;
    struct edition e;
    struct digest d;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) {
            json = 1;
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(usage, stdout);
            return 0;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "tingbao split: unknown option '%s'\n%s", argv[i], usage);
            return EXIT_USAGE;
        } else if (path) {
            fprintf(stderr, "tingbao split: one digest at a time\n%s", usage);
            return EXIT_USAGE;
        } else {
            path = argv[i];
        }
    }
    if (!path) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        if (edition_load(path, &e) != 0)
            return EXIT_BAD_INPUT;
        rc = json ? digest_write_json(stdout, &e.digest, &e)
                  : digest_write_text(stdout, &e.digest, &e);
        edition_free(&e);
    } else {
        if (digest_load(path, &d) != 0)
            return EXIT_BAD_INPUT;
        rc = json ? digest_write_json(stdout, &d, NULL) : digest_write_text(stdout, &d, NULL);
        digest_free(&d);
    }
    if (rc == 0 && fflush(stdout) != 0) {
        diag_error(NULL, 0, "cannot write the output");
        rc = -1;
    }
    return rc == 0 ? 0 : EXIT_BAD_INPUT;
}
