/* feed.h — stage 6: the podcast feed, PODCAST/feed.xml.
 *
 * RSS 2.0 with the Apple `itunes` and Podcasting 2.0 `podcast` namespaces,
 * written with libxml2's xmlTextWriter so every text is escaped by the
 * library.  Items come from the editions' manifests, newest edition first;
 * within an edition the whole edition comes first, then the speeches in page
 * order (their pubDates step back a minute each from the edition's date at
 * 08:00 China time, so apps that sort by date keep that order).  GUIDs come
 * from edition and speech identity, never from the audio, so a regenerated
 * episode is not a new one.
 */
#ifndef TINGBAO_FEED_H
#define TINGBAO_FEED_H

#include <stddef.h>

#include "channel.h"
#include "manifest.h"

/* Writes podcast_dir/feed.xml (temporary name, renamed: the feed is the
 * last thing a build writes).  `cover` is the cover image's file name in
 * podcast_dir.  Returns 0, or -1 after one diagnostic. */
int feed_write(const char *podcast_dir, const struct channel *c, const char *cover,
               const struct manifest *m, size_t n);

/* RFC 822 date for `date` (YYYY-MM-DD) at 08:00 +0800 minus `minutes`. */
void feed_pub_date(const char *date, int minutes, char *buf, size_t size);

#endif
