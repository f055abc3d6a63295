/* feed.c — see feed.h. */
#include "feed.h"

#include <libxml/xmlwriter.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "diag.h"
#include "strbuf.h"

#define NS_ITUNES "http://www.itunes.com/dtds/podcast-1.0.dtd"
#define NS_PODCAST "https://podcastindex.org/namespace/1.0"
#define NS_ATOM "http://www.w3.org/2005/Atom"

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void feed_pub_date(const char *date, int minutes, char *buf, size_t size)
{
    static const char *const wd[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int y = 1970, m = 1, d = 1;
    long t;

    sscanf(date, "%d-%d-%d", &y, &m, &d);
    t = days_from_civil(y, m, d) * 1440 + 8 * 60 - minutes;   /* minutes, local */
    {
        long day = t >= 0 ? t / 1440 : (t - 1439) / 1440, min = t - day * 1440;
        /* back to a civil date */
        long z = day + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
        long doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long yy = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
        long dd = doy - (153 * mp + 2) / 5 + 1, mm = mp < 10 ? mp + 3 : mp - 9;
        yy += mm <= 2;
        snprintf(buf, size, "%s, %02ld %s %04ld %02ld:%02ld:00 +0800", wd[((day % 7) + 7) % 7], dd,
                 mon[mm - 1], yy, min / 60, min % 60);
    }
}

static int compare_newest_first(const void *a, const void *b)
{
    const struct manifest *x = *(const struct manifest *const *)a, *y = *(const struct manifest *const *)b;
    int c = strcmp(y->date, x->date);
    return c ? c : strcmp(y->id, x->id);
}

/* Every call's result is folded into one flag: libxml2 returns -1 on error. */
#define W(call) do { if ((call) < 0) failed = 1; } while (0)

static void item(xmlTextWriterPtr w, const struct channel *c, const struct manifest *m,
                 const struct manifest_episode *e, int *pfailed)
{
    int failed = 0;
    char buf[256];
    struct strbuf url = STRBUF_INIT;
    char *u;

    W(xmlTextWriterStartElement(w, BAD_CAST "item"));
    W(xmlTextWriterWriteElement(w, BAD_CAST "title", BAD_CAST e->title));
    W(xmlTextWriterWriteElement(w, BAD_CAST "description", BAD_CAST e->description));
    W(xmlTextWriterStartElement(w, BAD_CAST "guid"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "isPermaLink", BAD_CAST "false"));
    W(xmlTextWriterWriteString(w, BAD_CAST e->guid));
    W(xmlTextWriterEndElement(w));
    feed_pub_date(m->date, e->number, buf, sizeof buf);
    W(xmlTextWriterWriteElement(w, BAD_CAST "pubDate", BAD_CAST buf));
    strbuf_addf(&url, "%s/%s/%s", c->base_url, m->id, e->file);
    if (!(u = strbuf_detach(&url))) {
        *pfailed = 1;
        return;
    }
    W(xmlTextWriterStartElement(w, BAD_CAST "enclosure"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "url", BAD_CAST u));
    snprintf(buf, sizeof buf, "%lld", e->bytes);
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "length", BAD_CAST buf));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "type", BAD_CAST "audio/ogg"));
    W(xmlTextWriterEndElement(w));
    W(xmlTextWriterWriteElement(w, BAD_CAST "link", BAD_CAST u));
    free(u);
    snprintf(buf, sizeof buf, "%ld", lround(e->seconds));
    W(xmlTextWriterWriteElementNS(w, BAD_CAST "itunes", BAD_CAST "duration", NULL, BAD_CAST buf));
    if (e->number > 0) {
        snprintf(buf, sizeof buf, "%d", e->number);
        W(xmlTextWriterWriteElementNS(w, BAD_CAST "itunes", BAD_CAST "episode", NULL, BAD_CAST buf));
    }
    W(xmlTextWriterWriteElementNS(w, BAD_CAST "itunes", BAD_CAST "episodeType", NULL, BAD_CAST "full"));
    if (e->speaker)
        W(xmlTextWriterWriteElementNS(w, BAD_CAST "itunes", BAD_CAST "author", NULL, BAD_CAST e->speaker));
    for (int k = 0; k < 2; k++) {
        strbuf_addf(&url, "%s/%s/%s", c->base_url, m->id, k ? e->txt : e->vtt);
        if (!(u = strbuf_detach(&url))) {
            *pfailed = 1;
            return;
        }
        W(xmlTextWriterStartElementNS(w, BAD_CAST "podcast", BAD_CAST "transcript", NULL));
        W(xmlTextWriterWriteAttribute(w, BAD_CAST "url", BAD_CAST u));
        W(xmlTextWriterWriteAttribute(w, BAD_CAST "type", BAD_CAST (k ? "text/plain" : "text/vtt")));
        W(xmlTextWriterWriteAttribute(w, BAD_CAST "language", BAD_CAST c->language));
        W(xmlTextWriterEndElement(w));
        free(u);
    }
    if (e->chapters) {
        strbuf_addf(&url, "%s/%s/%s", c->base_url, m->id, e->chapters);
        if (!(u = strbuf_detach(&url))) {
            *pfailed = 1;
            return;
        }
        W(xmlTextWriterStartElementNS(w, BAD_CAST "podcast", BAD_CAST "chapters", NULL));
        W(xmlTextWriterWriteAttribute(w, BAD_CAST "url", BAD_CAST u));
        W(xmlTextWriterWriteAttribute(w, BAD_CAST "type", BAD_CAST "application/json+chapters"));
        W(xmlTextWriterEndElement(w));
        free(u);
    }
    W(xmlTextWriterEndElement(w));
    if (failed)
        *pfailed = 1;
}

int feed_write(const char *podcast_dir, const struct channel *c, const char *cover,
               const struct manifest *m, size_t n)
{
    struct strbuf path = STRBUF_INIT, url = STRBUF_INIT;
    const struct manifest **order = calloc(n ? n : 1, sizeof *order);
    xmlBufferPtr buf = xmlBufferCreate();
    xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
    char *p = NULL, *u = NULL, date[64];
    int failed = 0, rc = -1;

    if (!order || !buf || !w) {
        diag_oom();
        goto out;
    }
    for (size_t i = 0; i < n; i++)
        order[i] = &m[i];
    qsort(order, n, sizeof *order, compare_newest_first);
    W(xmlTextWriterSetIndent(w, 1));
    W(xmlTextWriterSetIndentString(w, BAD_CAST "  "));
    W(xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL));
    W(xmlTextWriterStartElement(w, BAD_CAST "rss"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "version", BAD_CAST "2.0"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:itunes", BAD_CAST NS_ITUNES));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:podcast", BAD_CAST NS_PODCAST));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:atom", BAD_CAST NS_ATOM));
    W(xmlTextWriterStartElement(w, BAD_CAST "channel"));
    W(xmlTextWriterWriteElement(w, BAD_CAST "title", BAD_CAST c->title));
    strbuf_addf(&url, "%s/index.html", c->base_url);
    if (!(u = strbuf_detach(&url)))
        goto oom;
    W(xmlTextWriterWriteElement(w, BAD_CAST "link", BAD_CAST u));
    free(u);
    W(xmlTextWriterWriteElement(w, BAD_CAST "description", BAD_CAST c->description));
    W(xmlTextWriterWriteElement(w, BAD_CAST "language", BAD_CAST c->language));
    if (n > 0) {
        /* Stable: the newest edition's date, not the time of the build. */
        feed_pub_date(order[0]->date, 0, date, sizeof date);
        W(xmlTextWriterWriteElement(w, BAD_CAST "lastBuildDate", BAD_CAST date));
    }
    strbuf_addf(&url, "%s/feed.xml", c->base_url);
    if (!(u = strbuf_detach(&url)))
        goto oom;
    W(xmlTextWriterStartElementNS(w, BAD_CAST "atom", BAD_CAST "link", NULL));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "href", BAD_CAST u));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "rel", BAD_CAST "self"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "type", BAD_CAST "application/rss+xml"));
    W(xmlTextWriterEndElement(w));
    free(u);
    strbuf_addf(&url, "%s/%s", c->base_url, cover);
    if (!(u = strbuf_detach(&url)))
        goto oom;
    W(xmlTextWriterStartElement(w, BAD_CAST "image"));
    W(xmlTextWriterWriteElement(w, BAD_CAST "url", BAD_CAST u));
    W(xmlTextWriterWriteElement(w, BAD_CAST "title", BAD_CAST c->title));
    W(xmlTextWriterWriteFormatElement(w, BAD_CAST "link", "%s/index.html", c->base_url));
    W(xmlTextWriterEndElement(w));
    W(xmlTextWriterStartElementNS(w, BAD_CAST "itunes", BAD_CAST "image", NULL));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "href", BAD_CAST u));
    W(xmlTextWriterEndElement(w));
    free(u);
    u = NULL;
    W(xmlTextWriterWriteElementNS(w, BAD_CAST "itunes", BAD_CAST "author", NULL, BAD_CAST c->author));
    W(xmlTextWriterStartElementNS(w, BAD_CAST "itunes", BAD_CAST "owner", NULL));
    W(xmlTextWriterWriteElementNS(w, BAD_CAST "itunes", BAD_CAST "name", NULL, BAD_CAST c->owner_name));
    W(xmlTextWriterWriteElementNS(w, BAD_CAST "itunes", BAD_CAST "email", NULL, BAD_CAST c->owner_email));
    W(xmlTextWriterEndElement(w));
    W(xmlTextWriterStartElementNS(w, BAD_CAST "itunes", BAD_CAST "category", NULL));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "text", BAD_CAST c->category));
    if (c->subcategory) {
        W(xmlTextWriterStartElementNS(w, BAD_CAST "itunes", BAD_CAST "category", NULL));
        W(xmlTextWriterWriteAttribute(w, BAD_CAST "text", BAD_CAST c->subcategory));
        W(xmlTextWriterEndElement(w));
    }
    W(xmlTextWriterEndElement(w));
    W(xmlTextWriterWriteElementNS(w, BAD_CAST "itunes", BAD_CAST "explicit", NULL,
                                  BAD_CAST (c->explicit_content ? "true" : "false")));
    W(xmlTextWriterWriteElementNS(w, BAD_CAST "itunes", BAD_CAST "type", NULL, BAD_CAST "episodic"));
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < order[i]->n_ep; k++)
            item(w, c, order[i], &order[i]->ep[k], &failed);
    W(xmlTextWriterEndElement(w));
    W(xmlTextWriterEndElement(w));
    W(xmlTextWriterEndDocument(w));
    if (failed) {
        diag_error(NULL, 0, "libxml2 could not write the feed");
        goto out;
    }
    xmlFreeTextWriter(w);
    w = NULL;
    strbuf_addf(&path, "%s/feed.xml", podcast_dir);
    if (!(p = strbuf_detach(&path)))
        goto oom;
    rc = atomic_write(p, xmlBufferContent(buf), (size_t)xmlBufferLength(buf));
    goto out;
oom:
    diag_oom();
out:
    if (w)
        xmlFreeTextWriter(w);
    if (buf)
        xmlBufferFree(buf);
    free(order);
    free(p);
    return rc;
}
