/* edition.c — see edition.h. */
#define _POSIX_C_SOURCE 200809L
#include "edition.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "conf.h"
#include "diag.h"

bool edition_id_ok(const char *id)
{
    size_t n = strlen(id);

    if (n == 0 || n > 64 || id[0] == '-')
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((id[i] >= 'a' && id[i] <= 'z') || (id[i] >= '0' && id[i] <= '9') || id[i] == '-'))
            return false;
    return true;
}

static bool date_ok(const char *s)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y, m, d, end = 0;

    if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &end) != 3 || end != 10)
        return false;
    if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return false;
    return !(m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)));
}

/* A file name inside the folder: no '/', not "." or ".." or hidden. */
static bool plain_name_ok(const char *s)
{
    return *s && *s != '.' && !strchr(s, '/') && !strchr(s, '\\');
}

int edition_load(const char *dir, struct edition *e)
{
    static const char *const keys[] = {"id", "date", "digest", NULL};
    struct conf conf;
    struct strbuf path = STRBUF_INIT;
    const struct conf_entry *ent;
    const char *id, *date, *digest = "digest.txt";
    char *conf_path;
    int rc = -1;

    memset(e, 0, sizeof *e);
    strbuf_addf(&path, "%s/%s", dir, EDITION_CONF);
    if (!(conf_path = strbuf_detach(&path))) {
        diag_oom();
        return -1;
    }
    if (conf_load(conf_path, &conf) != 0) {
        free(conf_path);
        return -1;
    }
    if (conf_check_keys(&conf, keys) != 0 || !(id = conf_require(&conf, "id")) ||
        !(date = conf_require(&conf, "date")))
        goto out;
    if (!edition_id_ok(id)) {
        diag_error(conf_path, conf_get(&conf, "id")->line, "id '%s' must be 1 to 64 "
                   "lower-case letters, digits and '-' (it names the output files)", id);
        goto out;
    }
    if (!date_ok(date)) {
        diag_error(conf_path, conf_get(&conf, "date")->line,
                   "date '%s' is not a calendar date written YYYY-MM-DD", date);
        goto out;
    }
    if ((ent = conf_get(&conf, "digest"))) {
        digest = ent->value;
        if (!plain_name_ok(digest)) {
            diag_error(conf_path, ent->line, "digest '%s' must name a file in this "
                       "folder (no '/', not starting with '.')", digest);
            goto out;
        }
    }
    strbuf_addf(&path, "%s/%s", dir, digest);
    e->dir = strdup(dir);
    e->id = strdup(id);
    e->date = strdup(date);
    e->digest_path = strbuf_detach(&path);
    if (!e->dir || !e->id || !e->date || !e->digest_path) {
        diag_oom();
        goto out;
    }
    if (digest_load(e->digest_path, &e->digest) != 0)
        goto out;
    rc = 0;
out:
    conf_free(&conf);
    free(conf_path);
    if (rc != 0)
        edition_free(e);
    return rc;
}

void edition_free(struct edition *e)
{
    free(e->dir);
    free(e->id);
    free(e->date);
    free(e->digest_path);
    digest_free(&e->digest);
    memset(e, 0, sizeof *e);
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int edition_list(const char *content_dir, struct strlist *dirs)
{
    DIR *d = opendir(content_dir);
    struct dirent *ent;

    *dirs = (struct strlist)STRLIST_INIT;
    if (!d) {
        diag_error(content_dir, 0, "cannot open folder: %s", strerror(errno));
        return -1;
    }
    errno = 0;
    while ((ent = readdir(d))) {
        struct strbuf p = STRBUF_INIT;
        struct stat st;
        char *conf;
        if (ent->d_name[0] == '.')
            continue;
        strbuf_addf(&p, "%s/%s/%s", content_dir, ent->d_name, EDITION_CONF);
        if (!(conf = strbuf_detach(&p)))
            goto oom;
        if (stat(conf, &st) != 0 || !S_ISREG(st.st_mode)) {
            free(conf);
            continue;
        }
        free(conf);
        strbuf_addf(&p, "%s/%s", content_dir, ent->d_name);
        if (strlist_push(dirs, strbuf_detach(&p)) != 0)
            goto oom;
        errno = 0;
    }
    if (errno != 0) {
        diag_error(content_dir, 0, "cannot read folder: %s", strerror(errno));
        goto fail;
    }
    closedir(d);
    if (dirs->n == 0) {
        diag_error(content_dir, 0, "no edition here (an edition is a folder with "
                   "an %s and its digest)", EDITION_CONF);
        return -1;
    }
    qsort(dirs->v, dirs->n, sizeof *dirs->v, compare_strings);
    return 0;
oom:
    diag_oom();
fail:
    closedir(d);
    strlist_release(dirs);
    return -1;
}
