/* cover.h — the podcast's cover image when staff supply none: a plain
 * square PNG, 1400x1400 (the smallest size podcast directories accept),
 * with the podcast's title, drawn with cairo and pango (CJK text shaped by
 * pango with whatever Chinese font fontconfig finds). */
#ifndef TINGBAO_COVER_H
#define TINGBAO_COVER_H

#define COVER_SIZE 1400

/* Draws the cover with `title` and `subtitle` (may be NULL) into path
 * (temporary name, renamed).  Returns 0, or -1 after one diagnostic. */
int cover_draw(const char *path, const char *title, const char *subtitle);

#endif
