/* channel.h — the podcast's own settings, PODCAST/channel.conf, which
 * staff edit (see the comments in that file).  Every setting but `image` is
 * required; a missing one is an error naming it. */
#ifndef TINGBAO_CHANNEL_H
#define TINGBAO_CHANNEL_H

#include <stdbool.h>

#include "conf.h"

#define CHANNEL_CONF "channel.conf"

struct channel {
    struct conf conf;   /* owns the strings below */
    const char *title, *description, *author, *owner_name, *owner_email, *language;
    const char *category, *subcategory, *base_url, *image;  /* image: NULL = draw one */
    bool explicit_content;
};

/* Loads podcast_dir/channel.conf.  Returns 0, or -1 after one diagnostic. */
int channel_load(const char *podcast_dir, struct channel *c);

void channel_free(struct channel *c);

#endif
