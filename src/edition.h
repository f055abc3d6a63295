/* edition.h — an edition: one folder under content/ holding a digest and an
 * `edition.conf` with what the printed text cannot say.
 *
 *     # content/yiwu-cppcc-14-1/edition.conf
 *     id = yiwu-cppcc-14-1      (letters a-z, digits, '-': it names outputs)
 *     date = 2022-01-08         (publication date, YYYY-MM-DD)
 *     digest = digest.txt       (the page text, a file in this folder)
 *
 * New digests arrive over time; each becomes a new folder beside the others.
 */
#ifndef TINGBAO_EDITION_H
#define TINGBAO_EDITION_H

#include "digest.h"
#include "strbuf.h"

#define EDITION_CONF "edition.conf"

struct edition {
    char *dir;          /* the edition's folder */
    char *id;
    char *date;         /* YYYY-MM-DD, a real calendar date */
    char *digest_path;  /* dir + "/" + digest file name */
    struct digest digest;
};

/* Loads dir/edition.conf and parses the digest it names.  Every problem is
 * one diagnostic naming the file and line: a missing or unknown setting, an
 * id that is not [a-z0-9-], an impossible date, a digest name that leaves the
 * folder, any digest error.  Returns 0 or -1. */
int edition_load(const char *dir, struct edition *e);

void edition_free(struct edition *e);

/* Fills `dirs` with the folders under content_dir that hold an
 * edition.conf, sorted by name.  Returns 0, or -1 after one diagnostic
 * (including "no edition in content_dir"). */
int edition_list(const char *content_dir, struct strlist *dirs);

/* True when `id` is a safe output name: 1-64 of [a-z0-9-], not starting
 * with '-'. */
bool edition_id_ok(const char *id);

#endif
