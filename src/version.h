/* version.h — the program version; part of what shapes the output, so a new
 * version is a reason to rebuild. */
#ifndef TINGBAO_VERSION_H
#define TINGBAO_VERSION_H
#define TINGBAO_VERSION "0.1.0"
#endif
