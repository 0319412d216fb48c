/*
 * page_render_view: Hugo's content views, .Render "LAYOUT" on a page
 * value: the page (the one rendered, or another page of the site index)
 * as the dot of TYPE/LAYOUT.html, else _default/LAYOUT.html (the user's
 * directories, then the built-in theme), its output as HTML.  As in
 * hugo 0.111.3, a page of any kind (a section too) looks in its type's
 * folder and then _default, never falls back to single or list, and
 * gives "" when neither file exists.  A view that fills in a baseof gets
 * TYPE/LAYOUT-baseof.html, TYPE/baseof.html, then _default's.  Language
 * variants (LAYOUT.fr.html) are not looked for.
 */

#include <stdio.h>
#include <string.h>

#include "page_data.h"
#include "page_render_view.h"
#include "page_site_data.h"
#include "page_site_index.h"

/* The longest LAYOUT and TYPE: longer ones are no file name Hugo has. */
#define PAGE_VIEW_MAX_NAME  128


/* A layout or type name that is one plain path segment. */
static int
page_view_name_ok(const char *s, size_t len)
{
    return len > 0 && len <= PAGE_VIEW_MAX_NAME
           && memchr(s, '/', len) == NULL && memchr(s, '\\', len) == NULL
           && memchr(s, '\0', len) == NULL
           && !(len <= 2 && s[0] == '.' && (len == 1 || s[1] == '.'));
}


int
page_render_view(page_tpl_state_t *st, page_data_t *d, page_value_t *recv,
    const char *name, size_t len, page_value_t **args, size_t nargs,
    page_value_t **res)
{
    char                     buf[8][2 * PAGE_VIEW_MAX_NAME + 32];
    size_t                   tlen, n, i;
    const char              *type, *layout, *entry;
    const char              *names[3], *bases[5];
    page_value_t            *v;
    const page_tpl_set_t    *set;
    const page_site_page_t  *p;

    if (len != 6 || memcmp(name, "Render", 6) != 0 || recv == NULL) {
        return 1;
    }

    p = page_site_data_page_of(d, recv);

    if (recv != d->page && p == NULL) {
        return 1;
    }

    if (nargs != 1 || !page_tpl_is_str(args[0])) {
        return page_tpl_fail(st, "Render: want one layout name");
    }

    layout = args[0]->u.s.data;
    n = args[0]->u.s.len;

    if (!page_view_name_ok(layout, n)) {
        *res = page_value_string_ref(page_tpl_arena(st), PAGE_HTML, "", 0);
        return *res ? 0 : page_tpl_fail(st, "out of memory");
    }

    if (p != NULL) {
        type = p->type;
        tlen = type ? strlen(type) : 0;

    } else {
        v = page_map_gets(d->page, "Type");
        type = v && page_tpl_is_str(v) ? v->u.s.data : NULL;
        tlen = type ? v->u.s.len : 0;
    }

    i = 0;

    if (type != NULL && page_view_name_ok(type, tlen)) {
        snprintf(buf[0], sizeof(buf[0]), "%.*s/%.*s.html", (int) tlen, type,
                 (int) n, layout);
        snprintf(buf[2], sizeof(buf[2]), "%.*s/%.*s-baseof.html",
                 (int) tlen, type, (int) n, layout);
        snprintf(buf[3], sizeof(buf[3]), "%.*s/baseof.html", (int) tlen,
                 type);
        names[i] = buf[0];
        bases[2 * i] = buf[2];
        bases[2 * i + 1] = buf[3];
        i++;
    }

    snprintf(buf[1], sizeof(buf[1]), "_default/%.*s.html", (int) n, layout);
    snprintf(buf[4], sizeof(buf[4]), "_default/%.*s-baseof.html", (int) n,
             layout);
    names[i] = buf[1];
    names[i + 1] = NULL;
    bases[2 * i] = buf[4];
    bases[2 * i + 1] = "_default/baseof.html";
    bases[2 * i + 2] = NULL;

    set = page_templates_by_names(d->templates, names, bases, &entry);

    if (set == NULL) {
        *res = page_value_string_ref(page_tpl_arena(st), PAGE_HTML, "", 0);
        return *res ? 0 : page_tpl_fail(st, "out of memory");
    }

    return page_tpl_call_in(st, set, entry, recv, res);
}
