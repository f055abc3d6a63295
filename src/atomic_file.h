/* atomic_file.h — every output is written under a temporary name beside its
 * final path and renamed into place, so a reader (a podcast app, a web
 * server) never sees a half-written file and an interrupted run leaves the
 * previous version intact.
 */
#ifndef TINGBAO_ATOMIC_FILE_H
#define TINGBAO_ATOMIC_FILE_H

#include <stdio.h>

struct atomic_file {
    char *path;   /* final name */
    char *tmp;    /* "<dir>/.<name>.tmp-<pid>" */
    FILE *f;      /* write here */
};

/* Creates the temporary file (and the missing folders above `path`).
 * Returns 0, or -1 after one diagnostic. */
int atomic_open(struct atomic_file *af, const char *path);

/* Flushes, syncs and closes the temporary file and renames it to the final
 * name.  Checks every step (a full disk shows up at fflush or fclose).
 * Returns 0, or -1 after one diagnostic with the temporary file removed. */
int atomic_commit(struct atomic_file *af);

/* Drops the temporary file; the final name is untouched. */
void atomic_abort(struct atomic_file *af);

/* Writes data[0..len) to path through a temporary file (atomic_open,
 * fwrite, atomic_commit).  Returns 0, or -1 after one diagnostic. */
int atomic_write(const char *path, const void *data, size_t len);

/* mkdir -p.  Returns 0, or -1 after one diagnostic. */
int make_dirs(const char *path);

#endif
