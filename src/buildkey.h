/* buildkey.h — keys for incremental builds: a SHA-256 (GLib's GChecksum)
 * over everything that shapes an output.  Each field is added with its
 * length, so ("ab","c") and ("a","bc") differ. */
#ifndef TINGBAO_BUILDKEY_H
#define TINGBAO_BUILDKEY_H

#include <stddef.h>

#define BUILDKEY_HEX 65   /* 64 hex digits and a NUL */

struct buildkey {
    void *checksum;   /* GChecksum */
};

/* Starts a key; "what" names the kind of output (and its format version).
 * Returns 0 or -1 (OOM). */
int buildkey_init(struct buildkey *k, const char *what);
void buildkey_add(struct buildkey *k, const char *s);
void buildkey_add_bytes(struct buildkey *k, const void *p, size_t n);
void buildkey_add_int(struct buildkey *k, long long v);
/* Finishes the key into hex and frees it. */
void buildkey_finish(struct buildkey *k, char hex[BUILDKEY_HEX]);

#endif
