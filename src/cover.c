/* cover.c — see cover.h. */
#include "cover.h"

#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "diag.h"

static cairo_status_t write_png(void *closure, const unsigned char *data, unsigned int len)
{
    return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* Lays out `text` centered in a box `width` wide, at `y`; returns its height. */
static int centered(cairo_t *cr, const char *text, const char *font, int width, int y)
{
    PangoLayout *layout = pango_cairo_create_layout(cr);
    PangoFontDescription *desc = pango_font_description_from_string(font);
    int w, h;

    pango_layout_set_font_description(layout, desc);
    pango_font_description_free(desc);
    pango_layout_set_width(layout, width * PANGO_SCALE);
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
    pango_layout_set_text(layout, text, -1);
    pango_layout_get_pixel_size(layout, &w, &h);
    cairo_move_to(cr, (COVER_SIZE - width) / 2.0, y);
    pango_cairo_show_layout(cr, layout);
    g_object_unref(layout);
    return h;
}

int cover_draw(const char *path, const char *title, const char *subtitle)
{
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, COVER_SIZE, COVER_SIZE);
    cairo_t *cr;
    struct atomic_file af;
    cairo_status_t st;

    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        diag_error(path, 0, "cairo cannot draw the cover: %s",
                   cairo_status_to_string(cairo_surface_status(s)));
        cairo_surface_destroy(s);
        return -1;
    }
    cr = cairo_create(s);
    /* Deep blue ground, a light band, white text: high contrast for the
     * listeners who still see some of it. */
    cairo_set_source_rgb(cr, 0.07, 0.20, 0.40);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 0.95, 0.75, 0.20);
    cairo_rectangle(cr, 0, COVER_SIZE * 0.70, COVER_SIZE, 24);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    {
        int h = centered(cr, title, "Sans Bold 96px", COVER_SIZE - 200, COVER_SIZE / 4);
        if (subtitle)
            centered(cr, subtitle, "Sans 56px", COVER_SIZE - 240, COVER_SIZE / 4 + h + 60);
    }
    centered(cr, "听报", "Sans Bold 72px", COVER_SIZE - 200, (int)(COVER_SIZE * 0.76));
    st = cairo_status(cr);
    cairo_destroy(cr);
    if (st != CAIRO_STATUS_SUCCESS || atomic_open(&af, path) != 0) {
        if (st != CAIRO_STATUS_SUCCESS)
            diag_error(path, 0, "cairo cannot draw the cover: %s", cairo_status_to_string(st));
        cairo_surface_destroy(s);
        return -1;
    }
    st = cairo_surface_write_to_png_stream(s, write_png, af.f);
    cairo_surface_destroy(s);
    if (st != CAIRO_STATUS_SUCCESS) {
        diag_error(path, 0, "cannot write the cover: %s", cairo_status_to_string(st));
        atomic_abort(&af);
        return -1;
    }
    return atomic_commit(&af);
}
