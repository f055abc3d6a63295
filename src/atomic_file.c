/* atomic_file.c — see atomic_file.h. */
#define _POSIX_C_SOURCE 200809L
#include "atomic_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "strbuf.h"

int make_dirs(const char *path)
{
    char *p = strdup(path);

    if (!p) {
        diag_oom();
        return -1;
    }
    for (char *s = p + 1;; s++) {
        if (*s == '/' || *s == '\0') {
            char c = *s;
            *s = '\0';
            if (mkdir(p, 0777) != 0 && errno != EEXIST) {
                diag_error(p, 0, "cannot create folder: %s", strerror(errno));
                free(p);
                return -1;
            }
            *s = c;
            if (c == '\0')
                break;
        }
    }
    free(p);
    return 0;
}

int atomic_open(struct atomic_file *af, const char *path)
{
    const char *slash = strrchr(path, '/');
    struct strbuf tmp = STRBUF_INIT;
    int fd;

    memset(af, 0, sizeof *af);
    if (slash && slash != path) {
        char *dir = xstrndup(path, (size_t)(slash - path));
        int rc = dir ? make_dirs(dir) : -1;
        if (!dir)
            diag_oom();
        free(dir);
        if (rc != 0)
            return -1;
    }
    if (slash)
        strbuf_add(&tmp, path, (size_t)(slash - path + 1));
    strbuf_addf(&tmp, ".%s.tmp-%ld", slash ? slash + 1 : path, (long)getpid());
    af->tmp = strbuf_detach(&tmp);
    af->path = strdup(path);
    if (!af->tmp || !af->path) {
        diag_oom();
        goto fail;
    }
    fd = open(af->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) {
        diag_error(af->tmp, 0, "cannot create: %s", strerror(errno));
        goto fail;
    }
    if (!(af->f = fdopen(fd, "wb"))) {
        diag_error(af->tmp, 0, "cannot open: %s", strerror(errno));
        close(fd);
        unlink(af->tmp);
        goto fail;
    }
    return 0;
fail:
    free(af->tmp);
    free(af->path);
    memset(af, 0, sizeof *af);
    return -1;
}

int atomic_commit(struct atomic_file *af)
{
    int rc = 0;

    if (fflush(af->f) != 0 || ferror(af->f) || fsync(fileno(af->f)) != 0) {
        diag_error(af->path, 0, "cannot write: %s", strerror(errno));
        rc = -1;
    }
    if (fclose(af->f) != 0 && rc == 0) {
        diag_error(af->path, 0, "cannot write: %s", strerror(errno));
        rc = -1;
    }
    af->f = NULL;
    if (rc == 0 && rename(af->tmp, af->path) != 0) {
        diag_error(af->path, 0, "cannot rename into place: %s", strerror(errno));
        rc = -1;
    }
    if (rc != 0)
        unlink(af->tmp);
    free(af->tmp);
    free(af->path);
    memset(af, 0, sizeof *af);
    return rc;
}

void atomic_abort(struct atomic_file *af)
{
    if (af->f) {
        fclose(af->f);
        unlink(af->tmp);
    }
    free(af->tmp);
    free(af->path);
    memset(af, 0, sizeof *af);
}

int atomic_write(const char *path, const void *data, size_t len)
{
    struct atomic_file af;

    if (atomic_open(&af, path) != 0)
        return -1;
    if (fwrite(data, 1, len, af.f) != len) {
        diag_error(path, 0, "cannot write: %s", strerror(errno));
        atomic_abort(&af);
        return -1;
    }
    return atomic_commit(&af);
}
