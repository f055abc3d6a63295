/* workers.h — running independent jobs in parallel worker processes.
 *
 * libespeak-ng keeps global state, so parallel synthesis means processes,
 * not threads.  And that state carries over from one text to the next
 * (the same text comes out a few samples different after others were
 * spoken), so every job runs in a process of its own: its output depends
 * on its input alone, whatever ran before and however many workers run.
 * Up to N jobs run at once, longest first.  A job reports its own problems
 * (one diagnostic); the parent only speaks up if a job was killed.
 */
#ifndef TINGBAO_WORKERS_H
#define TINGBAO_WORKERS_H

#include <stddef.h>

/* Runs run(job, ctx) for each of n jobs, each in a forked process, at most
 * `workers` at a time, longest (cost[i]) first.  Returns 0 when every job
 * returned 0, else -1 (after the running jobs have ended). */
int workers_run(size_t n, const size_t *cost, int workers, int (*run)(size_t job, void *ctx), void *ctx);

/* The default number of workers: the processors online. */
int workers_default(void);

#endif
