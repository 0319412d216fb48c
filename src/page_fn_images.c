/*
 * page_fn_images: Hugo's images namespace (tpl/images).  The filters
 * (images.Brightness, images.Process, images.Text, ...) give filter
 * values, so that templates building a filter chain compile and run;
 * applying one (images.Filter, .Filter on an image) fails: no image is
 * processed here.  images.QR makes an image, so it fails too.
 * images.Config reads an image's header for its width and height: under
 * the project directory, then the content root, confined as the assets
 * are (page_assets.h).
 */

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "page_assets.h"
#include "page_data.h"
#include "page_fn.h"
#include "page_image.h"

/* Marks a filter value: { "#imagefilter": name, "Options": [args] }. */
#define PAGE_FN_FILTER_MARK  "#imagefilter"


static int
page_fn_images_filter_value(page_tpl_state_t *st, const char *name,
    page_value_t **args, size_t nargs, page_value_t **res)
{
    size_t         i;
    page_arena_t  *a;
    page_value_t  *f, *opts;

    a = page_tpl_arena(st);
    f = page_value_map(a);
    opts = page_tpl_list_new(st);

    if (f == NULL || opts == NULL) {
        return page_tpl_nomem(st);
    }

    for (i = 0; i < nargs; i++) {
        if (page_tpl_push(st, opts, args[i]) != 0) {
            return -1;
        }
    }

    if (page_map_add(a, f, PAGE_FN_FILTER_MARK,
                     sizeof(PAGE_FN_FILTER_MARK) - 1,
                     page_value_string(a, name, strlen(name))) != 0
        || page_map_add(a, f, "Options", 7, opts) != 0)
    {
        return page_tpl_nomem(st);
    }

    *res = f;

    return 0;
}


/* One C function per filter: its name, as page_tpl_func_pt has none. */
#define PAGE_FN_FILTER(fn, name)                                             \
    static int                                                               \
    fn(PAGE_FN_ARGS)                                                         \
    {                                                                        \
        return page_fn_images_filter_value(st, name, args, nargs, res);     \
    }

PAGE_FN_FILTER(page_fn_img_autoorient, "images.AutoOrient")
PAGE_FN_FILTER(page_fn_img_brightness, "images.Brightness")
PAGE_FN_FILTER(page_fn_img_colorbalance, "images.ColorBalance")
PAGE_FN_FILTER(page_fn_img_colorize, "images.Colorize")
PAGE_FN_FILTER(page_fn_img_contrast, "images.Contrast")
PAGE_FN_FILTER(page_fn_img_dither, "images.Dither")
PAGE_FN_FILTER(page_fn_img_gamma, "images.Gamma")
PAGE_FN_FILTER(page_fn_img_gaussianblur, "images.GaussianBlur")
PAGE_FN_FILTER(page_fn_img_grayscale, "images.Grayscale")
PAGE_FN_FILTER(page_fn_img_hue, "images.Hue")
PAGE_FN_FILTER(page_fn_img_invert, "images.Invert")
PAGE_FN_FILTER(page_fn_img_mask, "images.Mask")
PAGE_FN_FILTER(page_fn_img_opacity, "images.Opacity")
PAGE_FN_FILTER(page_fn_img_overlay, "images.Overlay")
PAGE_FN_FILTER(page_fn_img_padding, "images.Padding")
PAGE_FN_FILTER(page_fn_img_pixelate, "images.Pixelate")
PAGE_FN_FILTER(page_fn_img_process, "images.Process")
PAGE_FN_FILTER(page_fn_img_saturation, "images.Saturation")
PAGE_FN_FILTER(page_fn_img_sepia, "images.Sepia")
PAGE_FN_FILTER(page_fn_img_sigmoid, "images.Sigmoid")
PAGE_FN_FILTER(page_fn_img_text, "images.Text")
PAGE_FN_FILTER(page_fn_img_unsharpmask, "images.UnsharpMask")


static int
page_fn_img_filter(PAGE_FN_ARGS)
{
    (void) args;
    (void) res;

    if (nargs < 2) {
        return page_tpl_fail(st, "must provide an image and one or more "
                             "filters");
    }

    return page_fn_unavailable(st, "images.Filter",
                         "image processing is not available");
}


static int
page_fn_img_qr(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len;

    (void) nargs;
    (void) res;

    if (page_tpl_arg_str(st, "images.QR", args[0], &s, &len) != 0) {
        return -1;
    }

    if (len == 0) {
        return page_tpl_fail(st, "cannot encode an empty string");
    }

    return page_fn_unavailable(st, "images.QR",
                         "image processing is not available");
}


/*
 * images.Config PATH: { Width, Height } of the image at PATH, relative
 * to the project directory (Hugo's working directory) or else the
 * content root, as Hugo reads it from its work and content file systems.
 */
static int
page_fn_img_config(PAGE_FN_ARGS)
{
    int                    fd, rc;
    size_t                 len, ndirs;
    const char            *s, *dirs[2];
    page_data_t           *d;
    page_arena_t          *a;
    page_value_t          *m;
    page_asset_t           file;
    page_image_size_t      sz;
    const page_options_t  *opt;

    (void) nargs;

    if (page_tpl_arg_str(st, "images.Config", args[0], &s, &len) != 0) {
        return -1;
    }

    if (len == 0) {
        return page_tpl_fail(st, "config needs a filename");
    }

    a = page_tpl_arena(st);
    d = page_tpl_env(st)->data;
    opt = d ? d->opt : NULL;
    ndirs = 0;

    if (opt != NULL && opt->workdir != NULL) {
        dirs[ndirs++] = opt->workdir;
    }

    if (opt != NULL && opt->root != NULL) {
        dirs[ndirs] = page_arena_strndup(a, opt->root, opt->root_len);
        if (dirs[ndirs] == NULL) {
            return page_tpl_nomem(st);
        }
        ndirs++;
    }

    rc = page_assets_find(a, dirs, ndirs, s, len, &file);
    if (rc < 0) {
        return page_tpl_nomem(st);
    }

    if (rc == 0) {
        return page_tpl_fail(st, "images.Config: open %.*s: file does not "
                             "exist", (int) len, s);
    }

    fd = open(file.path, O_RDONLY | O_CLOEXEC);
    if (fd == -1) {
        return page_tpl_fail(st, "images.Config: open %.*s: cannot be read",
                             (int) len, s);
    }

    rc = page_image_size_fd(fd, &sz);
    close(fd);

    if (rc != 0) {
        return page_tpl_fail(st, "images.Config: %.*s: image: unknown "
                             "format", (int) len, s);
    }

    m = page_value_map(a);
    if (m == NULL
        || page_map_add(a, m, "Width", 5, page_value_int(a, sz.width)) != 0
        || page_map_add(a, m, "Height", 6, page_value_int(a, sz.height))
           != 0)
    {
        return page_tpl_nomem(st);
    }

    *res = m;

    return 0;
}


const page_tpl_func_t  page_fn_images[] = {
    { "images.AutoOrient",   page_fn_img_autoorient,   0, 0 },
    { "images.Brightness",   page_fn_img_brightness,   1, 1 },
    { "images.ColorBalance", page_fn_img_colorbalance, 3, 3 },
    { "images.Colorize",     page_fn_img_colorize,     3, 3 },
    { "images.Config",       page_fn_img_config,       1, 1 },
    { "imageConfig",         page_fn_img_config,       1, 1 },
    { "images.Contrast",     page_fn_img_contrast,     1, 1 },
    { "images.Dither",       page_fn_img_dither,       0, 1 },
    { "images.Filter",       page_fn_img_filter,       1, -1 },
    { "images.Gamma",        page_fn_img_gamma,        1, 1 },
    { "images.GaussianBlur", page_fn_img_gaussianblur, 1, 1 },
    { "images.Grayscale",    page_fn_img_grayscale,    0, 0 },
    { "images.Hue",          page_fn_img_hue,          1, 1 },
    { "images.Invert",       page_fn_img_invert,       0, 0 },
    { "images.Mask",         page_fn_img_mask,         1, 1 },
    { "images.Opacity",      page_fn_img_opacity,      1, 1 },
    { "images.Overlay",      page_fn_img_overlay,      3, 3 },
    { "images.Padding",      page_fn_img_padding,      1, 5 },
    { "images.Pixelate",     page_fn_img_pixelate,     1, 1 },
    { "images.Process",      page_fn_img_process,      1, 1 },
    { "images.QR",           page_fn_img_qr,           1, 2 },
    { "images.Saturation",   page_fn_img_saturation,   1, 1 },
    { "images.Sepia",        page_fn_img_sepia,        1, 1 },
    { "images.Sigmoid",      page_fn_img_sigmoid,      2, 2 },
    { "images.Text",         page_fn_img_text,         1, 2 },
    { "images.UnsharpMask",  page_fn_img_unsharpmask,  3, 3 },
    { NULL, NULL, 0, 0 }
};
