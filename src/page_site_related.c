/*
 * page_site_related: Hugo's related content on a list of pages,
 * .Related DOC|OPTIONS, .RelatedIndices DOC INDEX... and .RelatedTo
 * KEYVALS..., by Hugo's rules (related/inverted_index.go): each index of
 * the site's `related` configuration (parsed with the configuration,
 * page_config.c: Hugo's default is keywords 100, date 10, and tags 80
 * when the site has the tag taxonomy; threshold 80; newer pages left
 * out) gives a page keywords (a front matter value, a
 * list of them, or a date in the index's pattern, "2006" by default);
 * every keyword of the document a page shares adds the index's weight to
 * the page's rank; a page is kept when its average weight, normalised to
 * 0..100 between the lightest and the heaviest index, reaches the
 * threshold divided by its number of matches; the kept pages go by
 * weight, then the newest publish date, then title.
 *
 * The pages are searched as they are, with no inverted index kept: the
 * cost is the list's length times the document's keywords.
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicase.h>

#include "page_site_data.h"
#include "page_site_index.h"
#include "page_tpl_int.h"

/* Most keywords of one page in one index that are compared. */
#define PAGE_RELATED_MAX_KEYWORDS  256

typedef struct {
    const char  *s;
    size_t       len;
} page_related_kw_t;

typedef struct {
    const page_site_page_t  *p;
    page_value_t            *v;
    int64_t                  weight;
    int64_t                  matches;
} page_related_rank_t;

typedef struct {
    page_tpl_state_t             *st;
    page_site_data_t             *sd;
    page_arena_t                 *a;
    const page_config_related_t  *conf;     /* the site's, parsed */
} page_related_t;


static const page_config_related_index_t *
page_related_find(const page_config_related_t *c, const char *name, size_t len)
{
    size_t  i;

    for (i = 0; i < c->n; i++) {
        if (strlen(c->idx[i].name) == len
            && strncasecmp(c->idx[i].name, name, len) == 0)
        {
            return &c->idx[i];
        }
    }

    return NULL;
}


/* Append one value's keyword (a string, a number, a date) to kw. */
static void
page_related_push(page_related_t *r, const page_config_related_index_t *ix,
    const page_value_t *v, page_related_kw_t *kw, size_t *n)
{
    size_t       len;
    page_buf_t   b;
    const char  *layout;
    uint8_t     *low;

    if (*n == PAGE_RELATED_MAX_KEYWORDS || v == NULL) {
        return;
    }

    page_buf_init(&b, r->a, 0);

    switch (v->type) {

    case PAGE_STRING:
    case PAGE_HTML:
        page_buf_append(&b, v->u.s.data, v->u.s.len);
        break;

    case PAGE_INT:
        page_buf_printf(&b, "%lld", (long long) v->u.i);
        break;

    case PAGE_TIME:
        layout = ix->pattern[0] ? ix->pattern : "2006";
        page_time_format(&b, &v->u.t, layout, strlen(layout));
        break;

    default:
        return;     /* Hugo: "indexing currently not supported" */
    }

    if (page_buf_cstr(&b) == NULL) {
        return;
    }

    kw[*n].s = b.data;
    kw[*n].len = b.len;

    if (ix->lower) {
        len = 0;
        low = u8_tolower((const uint8_t *) b.data, b.len, NULL, NULL, NULL,
                         &len);
        if (low != NULL) {
            kw[*n].s = page_arena_strndup(r->a, (const char *) low, len);
            kw[*n].len = len;
            free(low);
            if (kw[*n].s == NULL) {
                return;
            }
        }
    }

    (*n)++;
}


/* Keywords of values: one, or each of a list. */
static void
page_related_values(page_related_t *r, const page_config_related_index_t *ix,
    const page_value_t *v, page_related_kw_t *kw, size_t *n)
{
    size_t  i;

    if (v != NULL && v->type == PAGE_LIST) {
        for (i = 0; i < v->u.list.n; i++) {
            page_related_push(r, ix, v->u.list.items[i], kw, n);
        }
        return;
    }

    page_related_push(r, ix, v, kw, n);
}


/* A page's keywords in one index (Hugo's NamedPageMetaValue). */
static size_t
page_related_keywords(page_related_t *r, const page_config_related_index_t *ix,
    const page_site_page_t *p, page_related_kw_t *kw)
{
    size_t              n;
    page_value_t        v;
    const page_time_t  *t;
    const char         *s;

    n = 0;
    t = NULL;
    s = NULL;

    if (strcmp(ix->name, "date") == 0) {
        t = &p->dates.date;
    } else if (strcmp(ix->name, "publishdate") == 0) {
        t = &p->dates.publish;
    } else if (strcmp(ix->name, "lastmod") == 0) {
        t = &p->dates.lastmod;
    } else if (strcmp(ix->name, "expirydate") == 0) {
        t = &p->dates.expiry;
    } else if (strcmp(ix->name, "title") == 0) {
        s = p->title;
    } else if (strcmp(ix->name, "linktitle") == 0) {
        s = p->link_title;
    } else if (strcmp(ix->name, "section") == 0) {
        s = p->section;
    } else if (strcmp(ix->name, "type") == 0) {
        s = p->type;
    } else if (strcmp(ix->name, "slug") == 0) {
        s = p->slug;
    } else if (strcmp(ix->name, "layout") == 0) {
        s = p->layout;
    } else {
        /* keywords, description and the rest: the front matter's */
        page_related_values(r, ix, page_map_get_ci(p->params, ix->name,
                                                   strlen(ix->name)),
                            kw, &n);
        return n;
    }

    memset(&v, 0, sizeof(page_value_t));

    if (t != NULL) {
        /* a page without one has Go's zero time: "0001" */
        v.type = PAGE_TIME;
        v.u.t = *t;

    } else {
        v.type = PAGE_STRING;
        v.u.s.data = s ? s : "";
        v.u.s.len = strlen(v.u.s.data);
    }

    page_related_push(r, ix, &v, kw, &n);

    return n;
}


/* Hugo's norm: num on 0..100 between min and max, rounded. */
static int64_t
page_related_norm(int64_t num, int64_t min, int64_t max)
{
    double  f;

    if (max == min) {
        /* Go divides by zero there: NaN, which no threshold reaches */
        return INT64_MIN;
    }

    f = floor((double) (num - min) / (double) (max - min) * 100 + 0.5);

    return (int64_t) f;
}


/* Is a after b (Go's zero time is before every other)? */
static int
page_related_time_after(const page_time_t *a, const page_time_t *b)
{
    if (a->is_zero || b->is_zero) {
        return !a->is_zero && b->is_zero;
    }

    return a->sec > b->sec || (a->sec == b->sec && a->nsec > b->nsec);
}


/* Hugo's order of ranks: weight, newer publish date, then title. */
static int
page_related_before(const page_related_rank_t *a,
    const page_related_rank_t *b)
{
    if (a->weight != b->weight) {
        return a->weight > b->weight;
    }

    if (page_related_time_after(&a->p->dates.publish, &b->p->dates.publish)
        || page_related_time_after(&b->p->dates.publish, &a->p->dates.publish))
    {
        return page_related_time_after(&a->p->dates.publish,
                                       &b->p->dates.publish);
    }

    return strcmp(a->p->title, b->p->title) < 0;
}


/*
 * Search list: the query is the keywords of doc in the indices named
 * (all when nnames is 0), or, with no doc, the keyVals given.
 */
static int
page_related_search(page_related_t *r, page_value_t *list,
    const page_site_page_t *doc, page_value_t **names, size_t nnames,
    page_value_t **kvs, size_t nkvs, page_value_t **res)
{
    size_t                              i, j, k, m, n, nq, nd;
    int64_t                             w;
    page_value_t                       *out, *key;
    page_related_kw_t                  *dk;
    page_related_rank_t                *ranks, t;
    const page_site_page_t             *p;
    const page_config_related_index_t  *ix;

    struct {
        const page_config_related_index_t  *ix;
        page_related_kw_t                  *kw;
        size_t                              n;
    } q[PAGE_CONFIG_MAX_RELATED * 2];

    nq = 0;

    if (doc != NULL) {
        for (i = 0; i < (nnames ? nnames : r->conf->n)
                    && nq < PAGE_CONFIG_MAX_RELATED; i++)
        {
            if (nnames) {
                if (!page_tpl_is_str(names[i])) {
                    return page_tpl_fail(r->st, "related: want index names");
                }
                ix = page_related_find(r->conf, names[i]->u.s.data,
                                       names[i]->u.s.len);
                if (ix == NULL) {
                    return page_tpl_fail(r->st, "index \"%s\" not found",
                                         names[i]->u.s.data);
                }
            } else {
                ix = &r->conf->idx[i];
            }

            q[nq].ix = ix;
            q[nq].kw = page_arena_alloc(r->a, PAGE_RELATED_MAX_KEYWORDS
                                              * sizeof(page_related_kw_t));
            if (q[nq].kw == NULL) {
                return page_tpl_fail(r->st, "out of memory");
            }
            q[nq].n = page_related_keywords(r, ix, doc, q[nq].kw);
            nq++;
        }
    }

    for (i = 0; i < nkvs && nq < PAGE_CONFIG_MAX_RELATED * 2; i++) {
        key = page_map_gets(kvs[i], "Key");
        if (kvs[i]->type != PAGE_MAP || !page_tpl_is_str(key)) {
            return page_tpl_fail(r->st, "related: want keyVals");
        }

        ix = page_related_find(r->conf, key->u.s.data, key->u.s.len);
        if (ix == NULL) {
            return page_tpl_fail(r->st, "index \"%s\" not found",
                                 key->u.s.data);
        }

        q[nq].ix = ix;
        q[nq].kw = page_arena_alloc(r->a, PAGE_RELATED_MAX_KEYWORDS
                                          * sizeof(page_related_kw_t));
        if (q[nq].kw == NULL) {
            return page_tpl_fail(r->st, "out of memory");
        }
        q[nq].n = 0;
        page_related_values(r, ix, page_map_gets(kvs[i], "Values"),
                            q[nq].kw, &q[nq].n);
        nq++;
    }

    n = list->u.list.n;
    ranks = page_arena_alloc(r->a, (n ? n : 1) * sizeof(page_related_rank_t));
    dk = page_arena_alloc(r->a, PAGE_RELATED_MAX_KEYWORDS
                                * sizeof(page_related_kw_t));
    if (ranks == NULL || dk == NULL) {
        return page_tpl_fail(r->st, "out of memory");
    }

    m = 0;

    for (i = 0; i < n; i++) {
        p = page_site_data_value_page(r->sd, list->u.list.items[i]);
        if (p == NULL || p == doc) {
            continue;
        }

        if (doc != NULL && !r->conf->include_newer
            && !doc->dates.publish.is_zero
            && page_related_time_after(&p->dates.publish,
                                       &doc->dates.publish))
        {
            continue;       /* newer than the document */
        }

        ranks[m].p = p;
        ranks[m].v = list->u.list.items[i];
        ranks[m].weight = 0;
        ranks[m].matches = 0;

        for (j = 0; j < nq; j++) {
            if (q[j].n == 0 || q[j].ix->weight == 0) {
                continue;   /* an index of weight 0 is not built */
            }

            nd = page_related_keywords(r, q[j].ix, p, dk);

            /* each keyword of the query, each time the page has it */
            for (k = 0; k < q[j].n; k++) {
                for (w = 0; w < (int64_t) nd; w++) {
                    if (dk[w].len == q[j].kw[k].len
                        && memcmp(dk[w].s, q[j].kw[k].s, dk[w].len) == 0)
                    {
                        ranks[m].weight += q[j].ix->weight;
                        ranks[m].matches++;
                    }
                }
            }
        }

        if (ranks[m].matches > 0
            && page_related_norm(ranks[m].weight / ranks[m].matches,
                                 r->conf->min, r->conf->max)
               >= r->conf->threshold / ranks[m].matches)
        {
            m++;
        }
    }

    /* insertion sort: stable, and lists of related pages are short */

    for (i = 1; i < m; i++) {
        t = ranks[i];
        for (j = i; j > 0 && page_related_before(&t, &ranks[j - 1]); j--) {
            ranks[j] = ranks[j - 1];
        }
        ranks[j] = t;
    }

    out = page_value_list(r->a);

    for (i = 0; out != NULL && i < m; i++) {
        if (page_list_push(r->a, out, ranks[i].v) != 0) {
            out = NULL;
        }
    }

    *res = out;

    return out ? 0 : page_tpl_fail(r->st, "out of memory");
}


int
page_site_related(page_tpl_state_t *st, page_site_data_t *sd,
    page_value_t *recv, const char *name, size_t len, page_value_t **args,
    size_t nargs, page_value_t **res)
{
    page_value_t            *opts, *v, *ns;
    page_related_t           r;
    const page_site_page_t  *doc;

    r.st = st;
    r.sd = sd;
    r.a = page_site_data_arena(sd);
    r.conf = &page_site_data_index(sd)->cfg->related_conf;

    if (len == 7 && memcmp(name, "Related", 7) == 0) {
        if (nargs != 1) {
            return 1;
        }

        doc = page_site_data_value_page(sd, args[0]);
        if (doc != NULL) {
            return page_related_search(&r, recv, doc, NULL, 0, NULL, 0, res);
        }

        if (args[0] == NULL || args[0]->type != PAGE_MAP) {
            return page_tpl_fail(st, "invalid argument type %s in related "
                                 "search",
                                 page_type_name(args[0] ? args[0]->type
                                                        : PAGE_NIL));
        }

        /* Hugo's SearchOpts: document, indices, namedSlices */
        opts = args[0];
        doc = page_site_data_value_page(sd, page_map_get_ci(opts, "document",
                                                         8));
        v = page_map_get_ci(opts, "indices", 7);
        ns = page_map_get_ci(opts, "namedSlices", 11);

        return page_related_search(&r, recv, doc,
                                   v && v->type == PAGE_LIST
                                   ? v->u.list.items : NULL,
                                   v && v->type == PAGE_LIST
                                   ? v->u.list.n : 0,
                                   ns && ns->type == PAGE_LIST
                                   ? ns->u.list.items : NULL,
                                   ns && ns->type == PAGE_LIST
                                   ? ns->u.list.n : 0, res);
    }

    if (len == 14 && memcmp(name, "RelatedIndices", 14) == 0 && nargs >= 1) {
        doc = page_site_data_value_page(sd, args[0]);
        if (doc == NULL) {
            return page_tpl_fail(st, "RelatedIndices: want a page");
        }

        return page_related_search(&r, recv, doc, args + 1, nargs - 1, NULL,
                                   0, res);
    }

    if (len == 9 && memcmp(name, "RelatedTo", 9) == 0) {
        return page_related_search(&r, recv, NULL, NULL, 0, args, nargs, res);
    }

    return 1;
}
