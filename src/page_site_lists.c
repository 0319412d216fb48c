/*
 * page_site_lists: what the index computes once its pages and sections
 * are known (see page_site_index.h): taxonomies and their term pages,
 * the lists of every list page and of each language's site, the dates
 * Hugo gives list pages (the newest of their pages), Hugo's default
 * page order, and the menus from the configuration, from front matter
 * and from sectionPagesMenu.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "page_site_int.h"


/* -------------------------------------------------------------------- */
/* order                                                                 */


/*
 * One character of a title for collation: its primary key (letters
 * without case or accent), and its tertiary key (1 upper-case, 2
 * accented).  Hugo compares titles with a language collator; this is
 * the part of it ASCII and Latin-1 letters need.
 */
static size_t
page_site_coll_char(const unsigned char *s, size_t len, unsigned *primary,
    unsigned *tertiary)
{
    unsigned  c;

    static const char  latin1[] =
        "aaaaaaaceeeeiiiidnooooo\0ouuuuyts";     /* U+00C0..U+00DF */

    c = s[0];
    *tertiary = 0;

    if (c >= 'A' && c <= 'Z') {
        *primary = c + 'a' - 'A';
        *tertiary = 1;
        return 1;
    }

    if (c == 0xc3 && len >= 2 && s[1] >= 0x80 && s[1] <= 0xbf) {
        c = s[1] - 0x80;            /* 0..63: U+00C0..U+00FF */
        if (c != 0x17 && c != 0x37 && latin1[c & 0x1f] != '\0') {
            *primary = (unsigned char) latin1[c & 0x1f];
            *tertiary = (c < 0x20 ? 1 : 0) | 2;
            return 2;
        }
        *primary = 0x100 + c;
        return 2;
    }

    *primary = c < 0x80 ? c : 0x200 + c;

    return 1;
}


int
page_site_collate(const char *a, const char *b)
{
    size_t          i, j, n1, n2, la, lb;
    unsigned        p1, p2, t1, t2;
    int             tert;

    la = strlen(a);
    lb = strlen(b);
    tert = 0;

    for (i = 0, j = 0; i < la && j < lb; i += n1, j += n2) {
        n1 = page_site_coll_char((const unsigned char *) a + i, la - i, &p1,
                                 &t1);
        n2 = page_site_coll_char((const unsigned char *) b + j, lb - j, &p2,
                                 &t2);

        if (p1 != p2) {
            return p1 < p2 ? -1 : 1;
        }

        if (tert == 0 && t1 != t2) {
            /* plain before accented, lower-case before upper-case */
            tert = ((t1 & 2) != (t2 & 2)) ? ((t1 & 2) ? 1 : -1)
                                          : (t1 < t2 ? -1 : 1);
        }
    }

    if (i < la || j < lb) {
        return i < la ? 1 : -1;
    }

    return tert;
}


static int
page_site_time_cmp(const page_time_t *a, const page_time_t *b)
{
    if (a->sec != b->sec) {
        return a->sec < b->sec ? -1 : 1;
    }

    if (a->nsec != b->nsec) {
        return a->nsec < b->nsec ? -1 : 1;
    }

    return 0;
}


int
page_site_default_cmp(const void *x, const void *y)
{
    int                      c;
    const page_site_page_t  *p1, *p2;

    p1 = *(page_site_page_t *const *) x;
    p2 = *(page_site_page_t *const *) y;

    /* Hugo's DefaultPageSort: weight (0 last), date (newest first),
       linkTitle, then the file's path */

    if (p1->weight != p2->weight) {
        if (p1->weight == 0) {
            return 1;
        }
        if (p2->weight == 0) {
            return -1;
        }
        return p1->weight < p2->weight ? -1 : 1;
    }

    c = page_site_time_cmp(&p1->dates.date, &p2->dates.date);
    if (c != 0) {
        return -c;
    }

    c = page_site_collate(p1->link_title, p2->link_title);
    if (c != 0) {
        return c;
    }

    /* then the file's path, a page without a file first; two without
       one: hugo 0.111.3's comparison says "less" both ways, and its
       sort leaves them, as observed (PaperMod's example site), the
       later language first, then by path */

    c = strcmp(p1->rel ? p1->rel : "", p2->rel ? p2->rel : "");
    if (c != 0) {
        return c;
    }

    if (p1->rel == NULL && p1->lang != p2->lang) {
        return p1->lang > p2->lang ? -1 : 1;
    }

    return strcmp(p1->path, p2->path);
}


static int
page_site_weighted_cmp(const void *x, const void *y)
{
    const page_site_weighted_t  *w1 = x, *w2 = y;

    if (w1->weight != w2->weight) {
        return w1->weight < w2->weight ? -1 : 1;
    }

    return page_site_default_cmp(&w1->page, &w2->page);
}


static void
page_site_sort(page_site_list_t *l)
{
    if (l->n > 1) {
        qsort(l->items, l->n, sizeof(page_site_page_t *),
              page_site_default_cmp);
    }
}


/* -------------------------------------------------------------------- */
/* titles                                                                */


const char *
page_site_list_title(page_site_t *s, const char *name, int pluralize)
{
    size_t       i, len, start, k;
    int          word;
    char        *t;
    page_buf_t   b;

    static const char  *const small[] = {
        "a", "an", "and", "as", "at", "but", "by", "for", "if", "in", "nor",
        "of", "on", "or", "so", "the", "to", "up", "yet", NULL
    };

    page_buf_init(&b, &s->arena, 0);
    page_buf_puts(&b, name);

    len = b.len;

    if (pluralize && len > 0) {
        /* English plurals, as Hugo's inflector makes the common ones */
        char  last = (char) (b.data[len - 1] | 0x20);
        char  prev = len > 1 ? (char) (b.data[len - 2] | 0x20) : '\0';

        if (last == 's') {
            /* plural already */
        } else if (last == 'y' && prev != '\0' && strchr("aeiou", prev)
                   == NULL)
        {
            b.len--;
            page_buf_puts(&b, "ies");
        } else if (last == 'x' || last == 'z'
                   || ((last == 'h') && (prev == 'c' || prev == 's')))
        {
            page_buf_puts(&b, "es");
        } else if (((unsigned char) last >= 'a' && last <= 'z')
                   || (last >= '0' && last <= '9'))
        {
            page_buf_puts(&b, "s");
        }
    }

    t = page_buf_cstr(&b);
    if (t == NULL) {
        return NULL;
    }

    if (!s->cfg->capitalize_list_titles) {
        return t;
    }

    /* AP title case, Hugo's default titleCaseStyle: words capitalised,
       short ones not unless first */

    len = b.len;
    word = 0;

    for (i = 0; i < len; ) {
        while (i < len && t[i] == ' ') {
            i++;
        }
        start = i;
        while (i < len && t[i] != ' ') {
            i++;
        }
        if (start == i) {
            break;
        }

        for (k = 0; word > 0 && small[k] != NULL; k++) {
            if (strlen(small[k]) == i - start
                && strncasecmp(small[k], t + start, i - start) == 0)
            {
                break;
            }
        }

        if ((word == 0 || small[k] == NULL) && t[start] >= 'a'
            && t[start] <= 'z')
        {
            t[start] -= 'a' - 'A';
        }

        word++;
    }

    return t;
}


/* -------------------------------------------------------------------- */
/* taxonomies                                                            */


/* What page_site_term gives for a name that makes no term. */
static page_site_term_t  page_site_no_term;


/* The term key of name in lang's taxonomy t, made when new. */
static page_site_term_t *
page_site_term(page_site_t *s, page_site_tax_t *t, size_t lang,
    const char *name, size_t len)
{
    const char         *key;
    page_buf_t          b;
    page_site_term_t   *term, **terms;
    page_site_page_t   *p;

    page_buf_init(&b, &s->scratch, PAGE_SITE_MAX_PATH);
    page_site_sanitize(&b, name, len, !s->cfg->disable_path_to_lower);
    key = page_buf_cstr(&b);

    if (key == NULL || page_buf_failed(&b) || key[0] == '\0') {
        /* nothing left of the name, or past PAGE_SITE_MAX_PATH */
        return &page_site_no_term;    /* no term */
    }

    if (t->build == NULL) {
        t->build = page_arena_alloc(&s->scratch, sizeof(page_site_hmap_t));
        if (t->build == NULL) {
            return NULL;
        }
        page_site_hmap_init(t->build, &s->scratch);
    }

    term = page_site_hmap_get(t->build, key, strlen(key));
    if (term != NULL) {
        return term;
    }

    term = page_arena_calloc(&s->arena, 1, sizeof(page_site_term_t));
    p = page_arena_calloc(&s->arena, 1, sizeof(page_site_page_t));

    if (term == NULL || p == NULL) {
        return NULL;
    }

    term->name = page_site_strdup(s, name, len);
    term->key = page_site_strdup(s, key, strlen(key));
    term->page = p;

    p->kind = PAGE_KIND_TERM;
    p->bundle = PAGE_BUNDLE_BRANCH;
    p->lang = (uint8_t) lang;
    p->published = 1;
    p->list = 2;
    p->tax = t;
    p->term = term;
    p->section = t->conf->plural;
    p->type = t->conf->plural;
    p->title = term->name;
    p->link_title = term->name;
    p->slug = "";
    p->layout = "";
    p->translation_key = "";
    p->parent = t->page;
    p->params = page_value_map(&s->arena);

    if (term->name == NULL || term->key == NULL || p->params == NULL) {
        return NULL;
    }

    p->dir = page_site_strdup(s, "", 0);

    page_time_zero(&p->dates.date);
    page_time_zero(&p->dates.lastmod);
    page_time_zero(&p->dates.publish);
    page_time_zero(&p->dates.expiry);

    if (t->nterms == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 16;
        terms = page_arena_realloc(&s->arena, t->terms,
                                   t->nterms * sizeof(page_site_term_t *),
                                   t->cap * sizeof(page_site_term_t *));
        if (terms == NULL) {
            return NULL;
        }
        t->terms = terms;
    }

    t->terms[t->nterms++] = term;

    if (page_site_hmap_put(t->build, key, strlen(key), term) != 0) {
        return NULL;
    }

    return term;
}


static int
page_site_term_add(page_site_t *s, page_site_term_t *term,
    page_site_page_t *p, int64_t weight)
{
    size_t                 ncap;
    page_site_weighted_t  *w;

    for (ncap = 0; ncap < term->npages; ncap++) {
        if (term->pages[ncap].page == p) {
            return 0;               /* listed twice in its front matter */
        }
    }

    if (term->npages == term->cap) {
        ncap = term->cap ? term->cap * 2 : 8;
        w = page_arena_realloc(&s->arena, term->pages,
                               term->cap * sizeof(page_site_weighted_t),
                               ncap * sizeof(page_site_weighted_t));
        if (w == NULL) {
            return -1;
        }
        term->pages = w;
        term->cap = ncap;
    }

    term->pages[term->npages].page = p;
    term->pages[term->npages].weight = weight;
    term->npages++;

    return 0;
}


/* p's terms in taxonomy ti (its front matter's plural key). */
static int
page_site_page_terms(page_site_t *s, page_site_page_t *p, size_t ti)
{
    char                     wkey[PAGE_SITE_MAX_PATH];
    size_t                   i, n;
    int64_t                  weight;
    page_value_t            *v, *one, *w;
    page_site_tax_t         *t;
    page_site_term_t        *term;
    page_site_page_terms_t  *pt;

    t = &s->langs[p->lang].taxonomies[ti];
    v = page_map_gets(p->params, t->conf->plural);

    if (v == NULL || (v->type != PAGE_LIST && !page_value_is_string(v))) {
        return 0;
    }

    n = v->type == PAGE_LIST ? v->u.list.n : 1;
    if (n == 0) {
        return 0;
    }

    snprintf(wkey, sizeof(wkey), "%s_weight", t->conf->plural);
    w = page_map_gets(p->params, wkey);
    weight = (w != NULL && w->type == PAGE_INT) ? w->u.i : 0;

    pt = page_arena_realloc(&s->arena, p->terms,
                            p->nterms * sizeof(page_site_page_terms_t),
                            (p->nterms + 1) * sizeof(page_site_page_terms_t));
    if (pt == NULL) {
        return -1;
    }

    p->terms = pt;
    pt = &p->terms[p->nterms];
    pt->tax = ti;
    pt->n = 0;
    pt->terms = page_arena_calloc(&s->arena, n, sizeof(page_site_term_t *));

    if (pt->terms == NULL) {
        return -1;
    }

    for (i = 0; i < n; i++) {
        one = v->type == PAGE_LIST ? v->u.list.items[i] : v;

        if (!page_value_is_string(one)) {
            continue;
        }

        term = page_site_term(s, t, p->lang, one->u.s.data, one->u.s.len);
        if (term == NULL) {
            return -1;
        }

        if (term == &page_site_no_term) {
            continue;
        }

        if (page_site_term_add(s, term, p, weight) != 0) {
            return -1;
        }

        pt->terms[pt->n++] = term;
    }

    p->nterms++;

    return 0;
}


static int
page_site_term_key_cmp(const void *x, const void *y)
{
    return strcmp((*(page_site_term_t *const *) x)->key,
                  (*(page_site_term_t *const *) y)->key);
}


/* A taxonomy's or term's _index.md: its front matter for the page. */
static void
page_site_adopt(page_site_page_t *made, page_site_page_t *file)
{
    page_site_page_t  keep;

    keep = *made;
    *made = *file;
    made->kind = keep.kind;
    made->bundle = PAGE_BUNDLE_BRANCH;
    made->tax = keep.tax;
    made->term = keep.term;
    made->section = keep.section;
    made->parent = keep.parent;
    made->type = keep.type;
    made->path = keep.path;

    if (made->title == NULL || made->title[0] == '\0') {
        made->title = keep.title;
    }

    if (made->link_title == NULL || made->link_title[0] == '\0') {
        made->link_title = made->title;
    }

    file->published = 0;            /* not a page of its own */
    file->kind = keep.kind;
    file->path = NULL;
}


static int
page_site_taxonomies(page_site_t *s, page_error_t *err)
{
    size_t             l, ti, i, j;
    const char        *slash;
    page_site_tax_t   *t;
    page_site_page_t  *p, *q;
    page_site_lang_t  *lang;

    for (l = 0; l < s->nlangs; l++) {
        lang = &s->langs[l];
        lang->ntaxonomies = lang->conf->ntaxonomies;
        lang->taxonomies = page_arena_calloc(&s->arena,
                                             lang->ntaxonomies + 1,
                                             sizeof(page_site_tax_t));
        if (lang->taxonomies == NULL) {
            goto nomem;
        }

        for (ti = 0; ti < lang->ntaxonomies; ti++) {
            t = &lang->taxonomies[ti];
            t->conf = &lang->conf->taxonomies[ti];

            p = page_arena_calloc(&s->arena, 1, sizeof(page_site_page_t));
            if (p == NULL) {
                goto nomem;
            }

            p->kind = PAGE_KIND_TAXONOMY;
            p->bundle = PAGE_BUNDLE_BRANCH;
            p->lang = (uint8_t) l;
            p->published = 1;
            p->list = 2;
            p->tax = t;
            p->section = t->conf->plural;
            p->type = t->conf->plural;
            p->title = page_site_list_title(s, t->conf->plural, 0);
            p->link_title = p->title;
            p->slug = "";
            p->layout = "";
            p->translation_key = "";
            p->dir = t->conf->plural;
            p->parent = lang->home;
            p->params = page_value_map(&s->arena);

            if (p->title == NULL || p->params == NULL) {
                goto nomem;
            }

            page_time_zero(&p->dates.date);
            page_time_zero(&p->dates.lastmod);
            page_time_zero(&p->dates.publish);
            page_time_zero(&p->dates.expiry);

            t->page = p;
        }
    }

    /* terms from the published pages, in file order (the first spelling
       of a term names it) */

    for (i = 0; i < s->nfiles; i++) {
        p = s->files[i];

        if (!p->published || p->list != 2 || p->kind == PAGE_KIND_TAXONOMY
            || p->kind == PAGE_KIND_TERM || p->file == NULL
            || (p->kind != PAGE_KIND_PAGE && p->path == NULL))
        {
            continue;
        }

        for (ti = 0; ti < s->langs[p->lang].ntaxonomies; ti++) {
            if (page_site_page_terms(s, p, ti) != 0) {
                goto nomem;
            }
        }
    }

    /* content/tags/_index.md and content/tags/x/_index.md: their front
       matter before their URLs (a permalink may use the title) */

    for (i = 0; i < s->nfiles; i++) {
        q = s->files[i];

        if (q->file == NULL || q->bundle != PAGE_BUNDLE_BRANCH
            || q->kind == PAGE_KIND_HOME)
        {
            continue;
        }

        for (ti = 0; ti < s->langs[q->lang].ntaxonomies; ti++) {
            t = &s->langs[q->lang].taxonomies[ti];
            j = strlen(t->conf->plural);

            if (strncasecmp(q->dir, t->conf->plural, j) != 0
                || (q->dir[j] != '\0' && q->dir[j] != '/'))
            {
                continue;
            }

            if (q->dir[j] == '\0') {
                page_site_adopt(t->page, q);
                break;
            }

            slash = q->dir + j + 1;

            for (j = 0; j < t->nterms; j++) {
                if (strcasecmp(t->terms[j]->key, slash) == 0) {
                    page_site_adopt(t->terms[j]->page, q);
                    break;
                }
            }

            break;
        }
    }

    for (l = 0; l < s->nlangs; l++) {
        for (ti = 0; ti < s->langs[l].ntaxonomies; ti++) {
            t = &s->langs[l].taxonomies[ti];
            t->build = NULL;            /* the scratch arena's: gone soon */

            /* home's cascade reaches taxonomies and terms too */

            if (page_site_cascade(s, t->page) < 0) {
                goto nomem;
            }

            for (j = 0; j < t->nterms; j++) {
                if (page_site_cascade(s, t->terms[j]->page) < 0) {
                    goto nomem;
                }
            }

            if (page_site_url(s, t->page) != 0) {
                goto nomem;
            }

            if (t->nterms > 1) {
                qsort(t->terms, t->nterms, sizeof(page_site_term_t *),
                      page_site_term_key_cmp);
            }

            for (j = 0; j < t->nterms; j++) {
                if (page_site_url(s, t->terms[j]->page) != 0) {
                    goto nomem;
                }

                if (t->terms[j]->npages > 1) {
                    qsort(t->terms[j]->pages, t->terms[j]->npages,
                          sizeof(page_site_weighted_t),
                          page_site_weighted_cmp);
                }
            }
        }
    }

    return 0;

nomem:

    page_error_nomem(err, s->dir);

    return -1;
}


/* -------------------------------------------------------------------- */
/* lists and dates                                                       */


static void
page_site_newer(page_site_page_t *node, const page_site_page_t *p)
{
    if (node->has_date) {
        return;
    }

    if (page_site_time_cmp(&p->dates.date, &node->dates.date) > 0) {
        node->dates.date = p->dates.date;
    }

    if (page_site_time_cmp(&p->dates.lastmod, &node->dates.lastmod) > 0) {
        node->dates.lastmod = p->dates.lastmod;
    }
}


static int
page_site_depth_cmp(const void *x, const void *y)
{
    const page_site_page_t  *p1, *p2;
    size_t                   d1, d2;
    const char              *c;

    p1 = *(page_site_page_t *const *) x;
    p2 = *(page_site_page_t *const *) y;

    for (d1 = 0, c = p1->dir; *c; c++) {
        d1 += *c == '/';
    }
    for (d2 = 0, c = p2->dir; *c; c++) {
        d2 += *c == '/';
    }

    return d1 == d2 ? 0 : (d1 > d2 ? -1 : 1);
}


/*
 * The default mainSections: counting the regular pages per section in
 * the site's order, the first section to have more than any other so
 * far (hugo 0.111.3 does the same walk).
 */
static int
page_site_main_section(page_site_t *s, page_site_lang_t *lang)
{
    size_t        i, j, n, best;
    size_t       *counts;
    const char  **names, *sec;

    lang->main_section = "";
    n = 0;
    best = 0;

    if (lang->regular.n == 0) {
        return 0;
    }

    counts = page_arena_calloc(&s->scratch, lang->regular.n, sizeof(size_t));
    names = page_arena_calloc(&s->scratch, lang->regular.n, sizeof(char *));

    if (counts == NULL || names == NULL) {
        return -1;
    }

    for (i = 0; i < lang->regular.n; i++) {
        sec = lang->regular.items[i]->section;

        if (sec == NULL || sec[0] == '\0') {
            continue;
        }

        for (j = 0; j < n; j++) {
            if (strcmp(names[j], sec) == 0) {
                break;
            }
        }

        if (j == n) {
            names[n++] = sec;
        }

        if (++counts[j] > best) {
            best = counts[j];
            lang->main_section = sec;
        }
    }

    return 0;
}


int
page_site_lists(page_site_t *s, page_error_t *err)
{
    size_t             i, j, k, l, nsecs, cap, ti, ncap;
    size_t             caps[3];
    page_site_page_t  *p, **secs;
    page_site_tax_t   *t;
    page_site_lang_t  *lang;

    if (page_site_taxonomies(s, err) != 0) {
        return -1;
    }

    /* each published page in its parent's lists */

    secs = page_arena_alloc(&s->arena,
                            (s->nfiles + 1) * sizeof(page_site_page_t *));
    if (secs == NULL) {
        goto nomem;
    }

    nsecs = 0;

    for (i = 0; i < s->nfiles; i++) {
        p = s->files[i];

        if (p->kind == PAGE_KIND_SECTION && p->path != NULL) {
            secs[nsecs++] = p;
        }
    }

    /* parents' list capacities are not stored: grow by exact counting */

    for (i = 0; i < s->nfiles; i++) {
        p = s->files[i];

        if (!p->published || p->parent == NULL || p->path == NULL
            || p->list == 0)
        {
            continue;
        }

        if (p->kind != PAGE_KIND_PAGE && p->kind != PAGE_KIND_SECTION) {
            continue;
        }

        p->parent->pages.n++;
        if (p->kind == PAGE_KIND_PAGE) {
            p->parent->regular.n++;
        } else {
            p->parent->sections.n++;
        }
    }

    for (i = 0; i < s->nfiles + s->nlangs; i++) {
        p = i < s->nfiles ? s->files[i] : s->langs[i - s->nfiles].home;

        if (p->pages.n == 0 || p->pages.items != NULL) {
            continue;
        }

        p->pages.items = page_arena_alloc(&s->arena,
                             p->pages.n * sizeof(page_site_page_t *));
        p->regular.items = page_arena_alloc(&s->arena,
                               (p->regular.n + 1)
                               * sizeof(page_site_page_t *));
        p->sections.items = page_arena_alloc(&s->arena,
                                (p->sections.n + 1)
                                * sizeof(page_site_page_t *));

        if (p->pages.items == NULL || p->regular.items == NULL
            || p->sections.items == NULL)
        {
            goto nomem;
        }

        p->pages.n = 0;
        p->regular.n = 0;
        p->sections.n = 0;
    }

    for (i = 0; i < s->nfiles; i++) {
        p = s->files[i];

        if (!p->published || p->parent == NULL || p->path == NULL
            || p->list == 0)
        {
            continue;
        }

        if (p->kind != PAGE_KIND_PAGE && p->kind != PAGE_KIND_SECTION) {
            continue;
        }

        p->parent->pages.items[p->parent->pages.n++] = p;

        if (p->kind == PAGE_KIND_PAGE) {
            p->parent->regular.items[p->parent->regular.n++] = p;
        } else {
            p->parent->sections.items[p->parent->sections.n++] = p;
        }
    }

    /* dates of the list pages: the newest of their pages, deepest
       sections first so that each carries its subsections' */

    if (nsecs > 1) {
        qsort(secs, nsecs, sizeof(page_site_page_t *), page_site_depth_cmp);
    }

    for (i = 0; i < nsecs; i++) {
        for (j = 0; j < secs[i]->pages.n; j++) {
            page_site_newer(secs[i], secs[i]->pages.items[j]);
        }
    }

    for (l = 0; l < s->nlangs; l++) {
        lang = &s->langs[l];

        /*
         * the home page's: the newest of its sections and taxonomies,
         * not of the regular pages at the top (hugo 0.111.3: its feed's
         * lastBuildDate, its lastmod in the sitemap)
         */
        for (j = 0; j < lang->home->pages.n; j++) {
            if (lang->home->pages.items[j]->kind != PAGE_KIND_PAGE) {
                page_site_newer(lang->home, lang->home->pages.items[j]);
            }
        }

        for (ti = 0; ti < lang->ntaxonomies; ti++) {
            t = &lang->taxonomies[ti];

            t->page->pages.items = page_arena_alloc(&s->arena,
                                       (t->nterms + 1)
                                       * sizeof(page_site_page_t *));
            if (t->page->pages.items == NULL) {
                goto nomem;
            }

            for (j = 0; j < t->nterms; j++) {
                p = t->terms[j]->page;
                p->pages.items = page_arena_alloc(&s->arena,
                                     (t->terms[j]->npages + 1)
                                     * sizeof(page_site_page_t *));
                if (p->pages.items == NULL) {
                    goto nomem;
                }

                for (k = 0; k < t->terms[j]->npages; k++) {
                    p->pages.items[p->pages.n++] = t->terms[j]->pages[k].page;
                    page_site_newer(p, t->terms[j]->pages[k].page);
                }

                /* a term's .Pages: in the taxonomy's weighted order
                   (hugo 0.111.3) */
                p->regular = p->pages;

                t->page->pages.items[t->page->pages.n++] = p;
                page_site_newer(t->page, p);
            }

            page_site_sort(&t->page->pages);

            if (t->page->published) {
                page_site_newer(lang->home, t->page);
            }
        }
    }

    /* sort every list, then the sites' lists */

    for (i = 0; i < s->nfiles + s->nlangs; i++) {
        p = i < s->nfiles ? s->files[i] : s->langs[i - s->nfiles].home;

        if (p->kind == PAGE_KIND_HOME || p->kind == PAGE_KIND_SECTION) {
            page_site_sort(&p->pages);
            page_site_sort(&p->regular);
            page_site_sort(&p->sections);
        }
    }

    cap = 0;
    s->nall = 0;
    s->all = NULL;

    for (l = 0; l < s->nlangs; l++) {
        lang = &s->langs[l];
        caps[0] = 0;
        caps[1] = 0;

        p = lang->home;
        if (!page_site_kind_off(s, p)
            && page_site_list_push(&s->arena, &lang->pages, &caps[0], p) != 0)
        {
            goto nomem;
        }

        for (i = 0; i < s->nfiles; i++) {
            p = s->files[i];

            if (p->lang != l || !p->published || p->path == NULL
                || p->kind == PAGE_KIND_HOME || page_site_kind_off(s, p)
                || p->list != 2)
            {
                continue;
            }

            if (page_site_list_push(&s->arena, &lang->pages, &caps[0], p)
                != 0
                || (p->kind == PAGE_KIND_PAGE
                    && page_site_list_push(&s->arena, &lang->regular,
                                           &caps[1], p) != 0))
            {
                goto nomem;
            }

            if (page_site_time_cmp(&p->dates.lastmod, &lang->lastmod) > 0) {
                lang->lastmod = p->dates.lastmod;
            }
        }

        for (ti = 0; ti < lang->ntaxonomies; ti++) {
            t = &lang->taxonomies[ti];

            if (!page_site_kind_off(s, t->page)
                && page_site_list_push(&s->arena, &lang->pages, &caps[0],
                                       t->page) != 0)
            {
                goto nomem;
            }

            for (j = 0; j < t->nterms; j++) {
                if (!page_site_kind_off(s, t->terms[j]->page)
                    && page_site_list_push(&s->arena, &lang->pages, &caps[0],
                                           t->terms[j]->page) != 0)
                {
                    goto nomem;
                }
            }
        }

        page_site_sort(&lang->pages);
        page_site_sort(&lang->regular);

        if (page_site_main_section(s, lang) != 0) {
            goto nomem;
        }

        for (i = 0; i < lang->pages.n; i++) {
            page_site_list_t  all;

            all.items = s->all;
            all.n = s->nall;
            ncap = cap;

            if (page_site_list_push(&s->arena, &all, &ncap,
                                    lang->pages.items[i]) != 0)
            {
                goto nomem;
            }

            s->all = all.items;
            s->nall = all.n;
            cap = ncap;
        }
    }

    if (s->nall > 1) {
        qsort(s->all, s->nall, sizeof(page_site_page_t *),
              page_site_default_cmp);
    }

    for (i = 0; i < s->nall; i++) {
        s->all[i]->order = i;
    }

    return 0;

nomem:

    page_error_nomem(err, s->dir);

    return -1;
}
