/* workers.c — see workers.h. */
#define _POSIX_C_SOURCE 200809L
#include "workers.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "diag.h"

int workers_default(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

static int reap(pid_t *pids, int slots, int *running)
{
    int status, rc = 0;
    pid_t pid;

    while ((pid = wait(&status)) < 0 && errno == EINTR)
        ;
    if (pid < 0) {
        diag_error(NULL, 0, "lost track of a worker process: %s", strerror(errno));
        *running = 0;
        return -1;
    }
    for (int w = 0; w < slots; w++)
        if (pids[w] == pid)
            pids[w] = 0;
    (*running)--;
    if (WIFSIGNALED(status)) {
        diag_error(NULL, 0, "a worker process was stopped by signal %d", WTERMSIG(status));
        rc = -1;
    } else if (WEXITSTATUS(status) != 0) {
        rc = -1;
    }
    return rc;
}

int workers_run(size_t n, const size_t *cost, int workers, int (*run)(size_t job, void *ctx), void *ctx)
{
    size_t *order;
    pid_t *pids;
    int rc = 0, running = 0;

    if (n == 0)
        return 0;
    if (workers < 1)
        workers = 1;
    order = malloc(n * sizeof *order);
    pids = calloc((size_t)workers, sizeof *pids);
    if (!order || !pids) {
        free(order);
        free(pids);
        diag_oom();
        return -1;
    }
    for (size_t i = 0; i < n; i++) {       /* longest first */
        size_t k = i;
        while (k > 0 && cost[order[k - 1]] < cost[i]) {
            order[k] = order[k - 1];
            k--;
        }
        order[k] = i;
    }
    fflush(stdout);
    fflush(stderr);
    for (size_t i = 0; i < n && rc == 0; i++) {
        pid_t pid;
        int slot = 0;
        if (running == workers && reap(pids, workers, &running) != 0)
            rc = -1;
        if (rc != 0)
            break;
        while (pids[slot])
            slot++;
        if ((pid = fork()) < 0) {
            diag_error(NULL, 0, "cannot start a worker process: %s", strerror(errno));
            rc = -1;
            break;
        }
        if (pid == 0) {
            int status = run(order[i], ctx) == 0 ? 0 : 1;
            fflush(stdout);
            _exit(status);
        }
        pids[slot] = pid;
        running++;
    }
    while (running > 0)
        if (reap(pids, workers, &running) != 0)
            rc = -1;
    free(order);
    free(pids);
    return rc;
}
