/* channel.c — see channel.h. */
#include "channel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "strbuf.h"

int channel_load(const char *podcast_dir, struct channel *c)
{
    static const char *const keys[] = {"title", "description", "author", "owner_name",
                                       "owner_email", "language", "category", "subcategory",
                                       "explicit", "base_url", "image", NULL};
    struct strbuf path = STRBUF_INIT;
    const struct conf_entry *e;
    const char *explicit_value;
    char *p;
    int rc;

    memset(c, 0, sizeof *c);
    strbuf_addf(&path, "%s/%s", podcast_dir, CHANNEL_CONF);
    if (!(p = strbuf_detach(&path))) {
        diag_oom();
        return -1;
    }
    rc = conf_load(p, &c->conf);
    free(p);
    if (rc != 0)
        return -1;
    if (conf_check_keys(&c->conf, keys) != 0 ||
        !(c->title = conf_require(&c->conf, "title")) ||
        !(c->description = conf_require(&c->conf, "description")) ||
        !(c->author = conf_require(&c->conf, "author")) ||
        !(c->owner_name = conf_require(&c->conf, "owner_name")) ||
        !(c->owner_email = conf_require(&c->conf, "owner_email")) ||
        !(c->language = conf_require(&c->conf, "language")) ||
        !(c->category = conf_require(&c->conf, "category")) ||
        !(explicit_value = conf_require(&c->conf, "explicit")) ||
        !(c->base_url = conf_require(&c->conf, "base_url")))
        goto fail;
    c->subcategory = (e = conf_get(&c->conf, "subcategory")) && *e->value ? e->value : NULL;
    c->image = (e = conf_get(&c->conf, "image")) && *e->value ? e->value : NULL;
    if (strcmp(explicit_value, "true") != 0 && strcmp(explicit_value, "false") != 0) {
        diag_error(c->conf.path, conf_get(&c->conf, "explicit")->line,
                   "explicit must be true or false, not '%s'", explicit_value);
        goto fail;
    }
    c->explicit_content = strcmp(explicit_value, "true") == 0;
    if (strncmp(c->base_url, "https://", 8) != 0 && strncmp(c->base_url, "http://", 7) != 0) {
        diag_error(c->conf.path, conf_get(&c->conf, "base_url")->line,
                   "base_url must start with https:// or http://");
        goto fail;
    }
    if (c->base_url[strlen(c->base_url) - 1] == '/') {
        diag_error(c->conf.path, conf_get(&c->conf, "base_url")->line,
                   "base_url must not end with '/'");
        goto fail;
    }
    if (!strchr(c->owner_email, '@') || strchr(c->owner_email, ' ')) {
        diag_error(c->conf.path, conf_get(&c->conf, "owner_email")->line,
                   "owner_email '%s' is not an e-mail address", c->owner_email);
        goto fail;
    }
    if (c->image && (c->image[0] == '.' || strchr(c->image, '/'))) {
        diag_error(c->conf.path, conf_get(&c->conf, "image")->line,
                   "image must name a file in the podcast folder");
        goto fail;
    }
    return 0;
fail:
    channel_free(c);
    return -1;
}

void channel_free(struct channel *c)
{
    conf_free(&c->conf);
    memset(c, 0, sizeof *c);
}
