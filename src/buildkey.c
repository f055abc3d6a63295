/* buildkey.c — see buildkey.h. */
#include "buildkey.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "version.h"

int buildkey_init(struct buildkey *k, const char *what)
{
    k->checksum = g_checksum_new(G_CHECKSUM_SHA256);
    if (!k->checksum)
        return -1;
    /* The program version shapes every output. */
    buildkey_add(k, TINGBAO_VERSION);
    buildkey_add(k, what);
    return 0;
}

void buildkey_add_bytes(struct buildkey *k, const void *p, size_t n)
{
    unsigned long long len = n;
    g_checksum_update(k->checksum, (const guchar *)&len, sizeof len);
    g_checksum_update(k->checksum, p, (gssize)n);
}

void buildkey_add(struct buildkey *k, const char *s)
{
    buildkey_add_bytes(k, s ? s : "", s ? strlen(s) : 0);
}

void buildkey_add_int(struct buildkey *k, long long v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", v);
    buildkey_add(k, buf);
}

void buildkey_finish(struct buildkey *k, char hex[BUILDKEY_HEX])
{
    snprintf(hex, BUILDKEY_HEX, "%s", g_checksum_get_string(k->checksum));
    g_checksum_free(k->checksum);
    k->checksum = NULL;
}
