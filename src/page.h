/* page.h — the listening page, PODCAST/index.html, for listeners who use a
 * web browser and a screen reader rather than a podcast app.
 *
 * Plain HTML, no script: lang="zh-CN", a skip link, a heading per edition
 * and per speech, the speaker line, an <audio controls> for each episode
 * (with its WebVTT as a captions track), and the transcript text.  Written
 * with libxml2's xmlTextWriter, so every text is escaped by the library.
 */
#ifndef TINGBAO_PAGE_H
#define TINGBAO_PAGE_H

#include <stddef.h>

#include "channel.h"
#include "edition.h"
#include "manifest.h"

/* Writes podcast_dir/index.html for editions e[0..n) and their manifests
 * m[0..n) (same order), newest edition first.  Returns 0, or -1 after one
 * diagnostic. */
int page_write(const char *podcast_dir, const struct channel *c, const struct edition *e,
               const struct manifest *m, size_t n);

#endif
