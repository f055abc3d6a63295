/* page.c — see page.h. */
#include "page.h"

#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "diag.h"
#include "strbuf.h"

#define W(call) do { if ((call) < 0) failed = 1; } while (0)

/* Large type, strong contrast, visible focus: for low-vision readers. */
static const char STYLE[] =
    "body{font:1.25rem/1.7 sans-serif;max-width:48rem;margin:0 auto;padding:1rem;"
    "color:#111;background:#fff}"
    "a{color:#0b3d91}a:focus,audio:focus,summary:focus{outline:3px solid #b35c00;outline-offset:2px}"
    ".skip{position:absolute;left:-999px}.skip:focus{position:static}"
    "audio{width:100%;margin:.5rem 0}article{border-top:1px solid #666;padding-top:1rem;margin-top:2rem}";

static void audio(xmlTextWriterPtr w, const char *id, const struct manifest_episode *e,
                  const char *label, int *pfailed)
{
    int failed = 0;

    W(xmlTextWriterStartElement(w, BAD_CAST "audio"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "controls", BAD_CAST ""));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "preload", BAD_CAST "none"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "aria-label", BAD_CAST label));
    W(xmlTextWriterStartElement(w, BAD_CAST "source"));
    W(xmlTextWriterWriteFormatAttribute(w, BAD_CAST "src", "%s/%s", id, e->file));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "type", BAD_CAST "audio/ogg"));
    W(xmlTextWriterEndElement(w));
    W(xmlTextWriterStartElement(w, BAD_CAST "track"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "kind", BAD_CAST "captions"));
    W(xmlTextWriterWriteFormatAttribute(w, BAD_CAST "src", "%s/%s", id, e->vtt));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "srclang", BAD_CAST "zh"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "label", BAD_CAST "中文字幕"));
    W(xmlTextWriterEndElement(w));
    W(xmlTextWriterStartElement(w, BAD_CAST "a"));
    W(xmlTextWriterWriteFormatAttribute(w, BAD_CAST "href", "%s/%s", id, e->file));
    W(xmlTextWriterWriteString(w, BAD_CAST "下载音频"));
    W(xmlTextWriterEndElement(w));
    W(xmlTextWriterEndElement(w));
    if (failed)
        *pfailed = 1;
}

static void edition_section(xmlTextWriterPtr w, const struct edition *e, const struct manifest *m,
                            int *pfailed)
{
    int failed = 0;
    char label[512];

    W(xmlTextWriterStartElement(w, BAD_CAST "section"));
    W(xmlTextWriterWriteFormatAttribute(w, BAD_CAST "aria-labelledby", "ed-%s", m->id));
    W(xmlTextWriterStartElement(w, BAD_CAST "h2"));
    W(xmlTextWriterWriteFormatAttribute(w, BAD_CAST "id", "ed-%s", m->id));
    W(xmlTextWriterWriteFormatString(w, "%s（%s）", m->title, m->date));
    W(xmlTextWriterEndElement(w));
    for (size_t k = 0; k < m->n_ep; k++) {
        const struct manifest_episode *ep = &m->ep[k];
        const struct digest_speech *s = ep->number > 0 && (size_t)ep->number <= e->digest.n_speeches
                                            ? &e->digest.speeches[ep->number - 1] : NULL;
        W(xmlTextWriterStartElement(w, BAD_CAST "article"));
        W(xmlTextWriterWriteFormatAttribute(w, BAD_CAST "aria-labelledby", "%s-%d", m->id, ep->number));
        W(xmlTextWriterStartElement(w, BAD_CAST "h3"));
        W(xmlTextWriterWriteFormatAttribute(w, BAD_CAST "id", "%s-%d", m->id, ep->number));
        if (s)
            W(xmlTextWriterWriteFormatString(w, "第%d篇：%s", ep->number, ep->title));
        else
            W(xmlTextWriterWriteString(w, BAD_CAST "全部发言（整期）"));
        W(xmlTextWriterEndElement(w));
        if (s) {
            W(xmlTextWriterStartElement(w, BAD_CAST "p"));
            W(xmlTextWriterWriteFormatString(w, "%s%s%s%s", s->speaker, s->member ? "委员" : "",
                                             s->on_behalf_of ? "，代表" : "",
                                             s->on_behalf_of ? s->on_behalf_of : ""));
            W(xmlTextWriterEndElement(w));
        }
        snprintf(label, sizeof label, "播放：%s", s ? ep->title : "全部发言");
        audio(w, m->id, ep, label, &failed);
        W(xmlTextWriterStartElement(w, BAD_CAST "p"));
        W(xmlTextWriterStartElement(w, BAD_CAST "a"));
        W(xmlTextWriterWriteFormatAttribute(w, BAD_CAST "href", "%s/%s", m->id, ep->txt));
        W(xmlTextWriterWriteString(w, BAD_CAST (s ? "文字稿（纯文本）" : "整期文字稿（纯文本）")));
        W(xmlTextWriterEndElement(w));
        W(xmlTextWriterEndElement(w));
        for (size_t p = 0; s && p < s->n_paragraphs; p++)
            W(xmlTextWriterWriteElement(w, BAD_CAST "p", BAD_CAST s->paragraphs[p].text));
        W(xmlTextWriterEndElement(w));
    }
    if (m->credit)
        W(xmlTextWriterWriteElement(w, BAD_CAST "p", BAD_CAST m->credit));
    W(xmlTextWriterEndElement(w));
    if (failed)
        *pfailed = 1;
}

int page_write(const char *podcast_dir, const struct channel *c, const struct edition *e,
               const struct manifest *m, size_t n)
{
    xmlBufferPtr buf = xmlBufferCreate();
    xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
    size_t *order = calloc(n ? n : 1, sizeof *order);
    struct strbuf path = STRBUF_INIT;
    char *p = NULL;
    int failed = 0, rc = -1;

    if (!buf || !w || !order) {
        diag_oom();
        goto out;
    }
    /* Newest edition first (insertion sort: a handful of editions). */
    for (size_t i = 0; i < n; i++) {
        size_t k = i;
        while (k > 0 && (strcmp(m[order[k - 1]].date, m[i].date) < 0 ||
                         (strcmp(m[order[k - 1]].date, m[i].date) == 0 &&
                          strcmp(m[order[k - 1]].id, m[i].id) < 0))) {
            order[k] = order[k - 1];
            k--;
        }
        order[k] = i;
    }
    W(xmlTextWriterWriteDTD(w, BAD_CAST "html", NULL, NULL, NULL));
    W(xmlTextWriterStartElement(w, BAD_CAST "html"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "lang", BAD_CAST "zh-CN"));
    W(xmlTextWriterStartElement(w, BAD_CAST "head"));
    W(xmlTextWriterStartElement(w, BAD_CAST "meta"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "charset", BAD_CAST "utf-8"));
    W(xmlTextWriterEndElement(w));
    W(xmlTextWriterStartElement(w, BAD_CAST "meta"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "name", BAD_CAST "viewport"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "content", BAD_CAST "width=device-width, initial-scale=1"));
    W(xmlTextWriterEndElement(w));
    W(xmlTextWriterWriteElement(w, BAD_CAST "title", BAD_CAST c->title));
    W(xmlTextWriterStartElement(w, BAD_CAST "link"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "rel", BAD_CAST "alternate"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "type", BAD_CAST "application/rss+xml"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "href", BAD_CAST "feed.xml"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "title", BAD_CAST c->title));
    W(xmlTextWriterEndElement(w));
    W(xmlTextWriterWriteElement(w, BAD_CAST "style", BAD_CAST STYLE));
    W(xmlTextWriterEndElement(w));
    W(xmlTextWriterStartElement(w, BAD_CAST "body"));
    W(xmlTextWriterStartElement(w, BAD_CAST "a"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "class", BAD_CAST "skip"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "href", BAD_CAST "#main"));
    W(xmlTextWriterWriteString(w, BAD_CAST "跳到正文"));
    W(xmlTextWriterEndElement(w));
    W(xmlTextWriterStartElement(w, BAD_CAST "header"));
    W(xmlTextWriterWriteElement(w, BAD_CAST "h1", BAD_CAST c->title));
    W(xmlTextWriterWriteElement(w, BAD_CAST "p", BAD_CAST c->description));
    W(xmlTextWriterStartElement(w, BAD_CAST "p"));
    W(xmlTextWriterStartElement(w, BAD_CAST "a"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "href", BAD_CAST "feed.xml"));
    W(xmlTextWriterWriteString(w, BAD_CAST "用播客应用订阅（RSS）"));
    W(xmlTextWriterEndElement(w));
    W(xmlTextWriterEndElement(w));
    W(xmlTextWriterEndElement(w));
    W(xmlTextWriterStartElement(w, BAD_CAST "main"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST "main"));
    for (size_t i = 0; i < n; i++)
        edition_section(w, &e[order[i]], &m[order[i]], &failed);
    W(xmlTextWriterEndElement(w));
    W(xmlTextWriterEndElement(w));
    W(xmlTextWriterEndElement(w));
    W(xmlTextWriterEndDocument(w));
    if (failed) {
        diag_error(NULL, 0, "libxml2 could not write the listening page");
        goto out;
    }
    xmlFreeTextWriter(w);
    w = NULL;
    strbuf_addf(&path, "%s/index.html", podcast_dir);
    if (!(p = strbuf_detach(&path))) {
        diag_oom();
        goto out;
    }
    rc = atomic_write(p, xmlBufferContent(buf), (size_t)xmlBufferLength(buf));
out:
    if (w)
        xmlFreeTextWriter(w);
    if (buf)
        xmlBufferFree(buf);
    free(order);
    free(p);
    return rc;
}
