/*
 * page_site_pager: Hugo's pagination for a list page rendered with the
 * site index.  .Paginator (the page's default list: the site's regular
 * pages on home, .Pages on taxonomy and term pages, .RegularPages on a
 * section) and .Paginate COLLECTION [SIZE] (pages, or groups of pages)
 * make the render's one paginator; the first call wins, later calls get
 * the same pager whatever their arguments, as Hugo's do.  The pager a
 * template sees is the one of page_options_t's pager number (/page/N/),
 * with Hugo's methods: PageNumber, URL, Pages, PageGroups, PagerSize
 * (PageSize), TotalPages, TotalNumberOfElements, NumberOfElements,
 * HasPrev, Prev, HasNext, Next, First, Last, Pagers.  After the render
 * page_site_pager_total tells the server how many pagers the list has,
 * so that /page/N/ past the last, or of a list that never paginates,
 * answers 404 without a second render.
 */

#include <string.h>

#include "page.h"
#include "page_fn.h"
#include "page_site_data.h"
#include "page_site_index.h"

/*
 * The one key of a pager value: no template can name it.  Its value is
 * the pager's number; the key's address tells a pager from other maps.
 */
static const char  page_sp_key[] = "\001pager";

typedef struct page_site_pager_s {
    int64_t                  size;      /* elements a pager */
    size_t                   total;     /* elements */
    size_t                   npagers;   /* TotalPages: 0 when empty */
    size_t                   nvalues;   /* pagers made room for */
    int64_t                  current;   /* the pager rendered, 1 ... */
    int                      groups;    /* .PageGroups, not .Pages */
    const page_site_list_t  *list;      /* elements from the index ... */
    page_value_t           **items;     /* ... or these values */
    page_value_t           **keys;      /* groups: each item's key */
    page_value_t           **pagers;    /* the pager values, made once */
    page_value_t           **elements;  /* their .Pages or .PageGroups */
    page_value_t            *all;       /* .Pagers */
    page_value_t            *empty;     /* the other one of the two */
} page_site_pager_t;


#define page_is(name, len, lit) \
    ((len) == sizeof(lit) - 1 && memcmp(name, lit, sizeof(lit) - 1) == 0)


/*
 * Go's %T of a value that is not pages, for Hugo's error: a list of one
 * type is a slice of it, as Hugo's slice makes ("[]int").
 */
static const char *
page_sp_go_type(const page_value_t *v)
{
    size_t  i;

    if (v != NULL && v->type == PAGE_LIST && v->u.list.n > 0) {
        for (i = 1; i < v->u.list.n; i++) {
            if (v->u.list.items[i] == NULL || v->u.list.items[0] == NULL
                || v->u.list.items[i]->type != v->u.list.items[0]->type)
            {
                return "[]interface {}";
            }
        }

        switch (v->u.list.items[0] ? v->u.list.items[0]->type : PAGE_NIL) {
        case PAGE_BOOL:
            return "[]bool";
        case PAGE_INT:
            return "[]int";
        case PAGE_FLOAT:
            return "[]float64";
        case PAGE_STRING:
            return "[]string";
        default:
            return "[]interface {}";
        }
    }

    switch (v == NULL ? PAGE_NIL : v->type) {
    case PAGE_BOOL:
        return "bool";
    case PAGE_INT:
        return "int";
    case PAGE_FLOAT:
        return "float64";
    case PAGE_STRING:
        return "string";
    case PAGE_HTML:
        return "template.HTML";
    case PAGE_TIME:
        return "time.Time";
    case PAGE_LIST:
        return "[]interface {}";
    case PAGE_MAP:
        return "map[string]interface {}";
    default:
        return "<nil>";
    }
}


/* Is v a group of pages (a map of .Key and .Pages, as GroupBy makes). */
static int
page_sp_is_group(const page_value_t *v)
{
    page_value_t  *pages;

    if (v == NULL || v->type != PAGE_MAP
        || page_map_gets(v, "Key") == NULL)
    {
        return 0;
    }

    pages = page_map_gets(v, "Pages");

    return pages != NULL && pages->type == PAGE_LIST;
}


/*
 * The elements of .Paginate's collection, as Hugo's ToPagesGroup and
 * ToPages take it: nil (no groups), groups of pages, pages, or weighted
 * pages (a term's: maps of .Weight and .Page).  0, or -1 after failing.
 */
static int
page_sp_collect(page_tpl_state_t *st, page_data_t *d, page_site_pager_t *pg,
    page_value_t *seq)
{
    size_t          i, j, n;
    page_value_t   *v, *pages;
    page_arena_t   *a = page_tpl_arena(st);

    if (seq == NULL || seq->type == PAGE_NIL) {
        pg->groups = 1;
        return 0;
    }

    if (seq->type != PAGE_LIST) {
        goto wrong;
    }

    if (seq->u.list.n > 0 && page_sp_is_group(seq->u.list.items[0])) {
        pg->groups = 1;
        n = 0;

        for (i = 0; i < seq->u.list.n; i++) {
            if (!page_sp_is_group(seq->u.list.items[i])) {
                return page_tpl_fail(st, "error calling Paginate: "
                                     "unsupported type in paginate from "
                                     "slice, got %s instead of PageGroup",
                                     page_sp_go_type(seq->u.list.items[i]));
            }
            n += page_map_gets(seq->u.list.items[i], "Pages")->u.list.n;
        }

        pg->items = page_arena_alloc(a, (n ? n : 1) * sizeof(page_value_t *));
        pg->keys = page_arena_alloc(a, (n ? n : 1) * sizeof(page_value_t *));
        if (pg->items == NULL || pg->keys == NULL) {
            return page_tpl_fail(st, "out of memory");
        }

        /* flattened: each page with its group's key */
        for (i = 0; i < seq->u.list.n; i++) {
            v = seq->u.list.items[i];
            pages = page_map_gets(v, "Pages");

            for (j = 0; j < pages->u.list.n; j++) {
                pg->keys[pg->total] = page_map_gets(v, "Key");
                pg->items[pg->total++] = pages->u.list.items[j];
            }
        }

        return 0;
    }

    n = seq->u.list.n;
    pg->items = page_arena_alloc(a, (n ? n : 1) * sizeof(page_value_t *));
    if (pg->items == NULL) {
        return page_tpl_fail(st, "out of memory");
    }

    for (i = 0; i < n; i++) {
        v = seq->u.list.items[i];

        if (v == NULL || v->type != PAGE_MAP) {
            goto wrong;
        }

        /* one lookup a page: lists of the whole site go through here */
        if (page_site_data_page_of(d, v) == NULL) {
            v = page_map_gets(v, "Page");      /* a weighted page */

            if (v == NULL || page_site_data_page_of(d, v) == NULL) {
                goto wrong;
            }
        }

        pg->items[pg->total++] = v;
    }

    return 0;

wrong:

    return page_tpl_fail(st, "error calling Paginate: cannot convert type %s "
                         "to Pages", page_sp_go_type(seq));
}


/* Hugo's ResolvePagerSize: the config's, or the one option. */
static int
page_sp_size(page_tpl_state_t *st, page_data_t *d, const char *method,
    page_value_t **opts, size_t nopts, int64_t *size)
{
    if (nopts == 0) {
        *size = d->opt->site->cfg->pager_size;
        return 0;
    }

    if (nopts > 1) {
        return page_tpl_fail(st, "error calling %s: too many arguments, "
                             "'pager size' is currently the only option",
                             method);
    }

    if (page_fn_cast_int(opts[0], size) != 0 || *size <= 0) {
        return page_tpl_fail(st, "error calling %s: 'pager size' must be a "
                             "positive integer", method);
    }

    return 0;
}


/* Make the render's paginator: 0, or -1 after failing. */
static int
page_sp_make(page_tpl_state_t *st, page_data_t *d, const char *method,
    page_value_t *seq, int from_seq, page_value_t **opts, size_t nopts)
{
    int64_t                   size, current;
    page_arena_t             *a = page_tpl_arena(st);
    page_site_pager_t        *pg, **slot;
    const page_site_page_t   *p = d->opt->site_page;
    const page_site_lang_t   *l;

    if (p->kind == PAGE_KIND_PAGE) {
        /* hugo 0.111.3 gives nil; current Hugo fails, as here */
        return page_tpl_fail(st, "error calling %s: pagination not "
                             "supported for this page", method);
    }

    if (page_sp_size(st, d, method, opts, nopts, &size) != 0) {
        return -1;
    }

    pg = page_arena_alloc(a, sizeof(page_site_pager_t));
    if (pg == NULL) {
        return page_tpl_fail(st, "out of memory");
    }

    memset(pg, 0, sizeof(page_site_pager_t));
    pg->size = size;

    if (from_seq) {
        if (page_sp_collect(st, d, pg, seq) != 0) {
            return -1;
        }

    } else {
        l = &d->opt->site->langs[p->lang < d->opt->site->nlangs ? p->lang
                                                                : 0];
        pg->list = p->kind == PAGE_KIND_HOME ? &l->regular
                   : p->kind == PAGE_KIND_SECTION ? &p->regular
                   : &p->pages;
        pg->total = pg->list->n;
    }

    /* size is positive: no overflow */
    pg->npagers = pg->total / (uint64_t) size
                  + (pg->total % (uint64_t) size != 0);

    current = d->opt->pager > 1 ? d->opt->pager : 1;
    pg->current = current;

    /*
     * room for every pager (one when there is none to show), and for the
     * one asked for past the last (it shows nothing; the server answers
     * 404), whatever its number
     */
    pg->nvalues = (pg->npagers > 0 ? pg->npagers : 1) + 1;

    pg->pagers = page_arena_alloc(a, pg->nvalues * sizeof(page_value_t *));
    pg->elements = page_arena_alloc(a, pg->nvalues * sizeof(page_value_t *));
    pg->empty = page_value_list(a);
    if (pg->pagers == NULL || pg->elements == NULL || pg->empty == NULL) {
        return page_tpl_fail(st, "out of memory");
    }

    memset(pg->pagers, 0, pg->nvalues * sizeof(page_value_t *));
    memset(pg->elements, 0, pg->nvalues * sizeof(page_value_t *));

    slot = page_site_data_pager(d);
    *slot = pg;

    return 0;
}


/*
 * The slot of pager number n: every pager's, and the last slot for the
 * one rendered when it is past the last; nvalues when there is none.
 */
static size_t
page_sp_slot(const page_site_pager_t *pg, size_t n)
{
    if (n >= 1 && n < pg->nvalues) {
        return n - 1;
    }

    return n == (size_t) pg->current ? pg->nvalues - 1 : pg->nvalues;
}


/* The value of pager number n (1 ...): made once. */
static page_value_t *
page_sp_pager(page_arena_t *a, page_site_pager_t *pg, size_t n)
{
    size_t         i;
    page_value_t  *m;

    i = page_sp_slot(pg, n);
    if (i == pg->nvalues) {
        return NULL;
    }

    if (pg->pagers[i] != NULL) {
        return pg->pagers[i];
    }

    m = page_value_map(a);
    if (m == NULL
        || page_map_add(a, m, page_sp_key, sizeof(page_sp_key) - 1,
                        page_value_int(a, (int64_t) n)) != 0)
    {
        return NULL;
    }

    pg->pagers[i] = m;

    return m;
}


/* The pager number of value v, or 0 when v is no pager. */
static size_t
page_sp_number(const page_value_t *v)
{
    page_value_t  *n;

    if (v == NULL || v->type != PAGE_MAP || v->u.map.n == 0
        || v->u.map.items[0].key.data != page_sp_key)
    {
        return 0;
    }

    n = v->u.map.items[0].value;

    return n != NULL && n->type == PAGE_INT && n->u.i > 0 ? (size_t) n->u.i
                                                          : 0;
}


/* The element of pager n at i (< total): a page value. */
static page_value_t *
page_sp_item(page_data_t *d, page_site_pager_t *pg, size_t i)
{
    if (pg->list != NULL) {
        return page_site_data_page(d, pg->list->items[i]);
    }

    return pg->items[i];
}


/*
 * .Pages of pager n, or its .PageGroups: the groups split as Hugo's
 * splitPageGroups does (a group cut by a pager's end goes on in the
 * next pager under the same key).
 */
static page_value_t *
page_sp_elements(page_data_t *d, page_arena_t *a, page_site_pager_t *pg,
    size_t n)
{
    size_t         i, lo, hi, slot;
    page_value_t  *list, *g, *pages, *key;

    slot = page_sp_slot(pg, n);
    if (slot == pg->nvalues) {
        return pg->empty;
    }

    if (pg->elements[slot] != NULL) {
        return pg->elements[slot];
    }

    list = page_value_list(a);
    if (list == NULL) {
        return NULL;
    }

    lo = n <= pg->npagers ? (n - 1) * (size_t) pg->size : pg->total;
    hi = pg->total - lo < (size_t) pg->size ? pg->total
                                            : lo + (size_t) pg->size;
    g = NULL;
    pages = NULL;
    key = NULL;

    for (i = lo; i < hi; i++) {
        if (!pg->groups) {
            if (page_list_push(a, list, page_sp_item(d, pg, i)) != 0) {
                return NULL;
            }
            continue;
        }

        if (g == NULL || pg->keys[i] != key) {
            key = pg->keys[i];
            g = page_value_map(a);
            pages = page_value_list(a);

            if (g == NULL || pages == NULL
                || page_map_add(a, g, "Key", 3, key) != 0
                || page_map_add(a, g, "Pages", 5, pages) != 0
                || page_list_push(a, list, g) != 0)
            {
                return NULL;
            }
        }

        if (page_list_push(a, pages, pg->items[i]) != 0) {
            return NULL;
        }
    }

    pg->elements[slot] = list;

    return list;
}


/* .URL of pager n: the page's, then "<paginatePath>/<n>/" past the first. */
static page_value_t *
page_sp_url(page_data_t *d, page_arena_t *a, size_t n)
{
    page_buf_t          b;
    const page_site_t  *s = d->opt->site;

    page_buf_init(&b, a, 0);
    page_site_rel_permalink(s, d->opt->site_page, &b);

    if (n > 1) {
        if (b.len > 0 && b.data[b.len - 1] == '/') {
            b.len--;
        }

        page_buf_putc(&b, '/');
        page_buf_puts(&b, s->cfg->pager_path);
        page_buf_putc(&b, '/');
        page_buf_put_uint(&b, (uint64_t) n);
        page_buf_putc(&b, '/');
    }

    if (page_buf_failed(&b)) {
        return NULL;
    }

    return page_value_string(a, b.data ? b.data : "", b.len);
}


/* A method of pager number n. */
static int
page_sp_method(page_tpl_state_t *st, page_data_t *d, page_site_pager_t *pg,
    size_t n, const char *name, size_t len, size_t nargs,
    page_value_t **res)
{
    size_t         i, last, count;
    page_arena_t  *a = page_tpl_arena(st);
    page_value_t  *list;

    if (nargs != 0) {
        return 1;
    }

    last = pg->npagers > 0 ? pg->npagers : 1;
    count = 0;
    if (n <= pg->npagers) {
        count = n < pg->npagers ? (size_t) pg->size
                                : pg->total - (n - 1) * (size_t) pg->size;
    }

    if (page_is(name, len, "PageNumber")) {
        return page_tpl_ret_int(st, (int64_t) n, res);
    }

    if (page_is(name, len, "URL")) {
        *res = page_sp_url(d, a, n);

    } else if (page_is(name, len, "Pages")
               || page_is(name, len, "PageGroups"))
    {
        *res = (name[4] == 'G') == (pg->groups != 0)
               ? page_sp_elements(d, a, pg, n) : pg->empty;

    } else if (page_is(name, len, "PagerSize")
               || page_is(name, len, "PageSize"))
    {
        /* PageSize: hugo 0.111.3's name; PagerSize: current Hugo's */
        return page_tpl_ret_int(st, pg->size, res);

    } else if (page_is(name, len, "TotalPages")) {
        return page_tpl_ret_int(st, (int64_t) pg->npagers, res);

    } else if (page_is(name, len, "TotalNumberOfElements")) {
        return page_tpl_ret_int(st, (int64_t) pg->total, res);

    } else if (page_is(name, len, "NumberOfElements")) {
        return page_tpl_ret_int(st, (int64_t) count, res);

    } else if (page_is(name, len, "HasPrev")) {
        return page_tpl_ret_bool(st, n > 1, res);

    } else if (page_is(name, len, "HasNext")) {
        return page_tpl_ret_bool(st, n < pg->npagers, res);

    } else if (page_is(name, len, "Prev") || page_is(name, len, "Next")) {
        i = name[0] == 'P' ? n - 1 : n + 1;
        if (i < 1 || i > pg->npagers) {
            *res = NULL;
            return 0;
        }
        *res = page_sp_pager(a, pg, i);

    } else if (page_is(name, len, "First") || page_is(name, len, "Last")) {
        *res = page_sp_pager(a, pg, name[0] == 'F' ? 1 : last);

    } else if (page_is(name, len, "Pagers")) {
        if (pg->all == NULL) {
            list = page_value_list(a);
            for (i = 1; list != NULL && i <= last; i++) {
                if (page_list_push(a, list, page_sp_pager(a, pg, i)) != 0)
                {
                    list = NULL;
                }
            }
            pg->all = list;
        }
        *res = pg->all;

    } else {
        return 1;
    }

    return *res ? 0 : page_tpl_fail(st, "out of memory");
}


int
page_site_pager_method(page_tpl_state_t *st, page_data_t *d,
    page_value_t *recv, const char *name, size_t len, page_value_t **args,
    size_t nargs, page_value_t **res)
{
    int                  from_seq;
    size_t               n;
    page_site_pager_t  **slot;

    slot = page_site_data_pager(d);
    if (slot == NULL || recv == NULL) {
        return 1;
    }

    if (recv == d->page) {
        if (page_is(name, len, "Paginator")) {
            from_seq = 0;
        } else if (page_is(name, len, "Paginate") && nargs >= 1) {
            from_seq = 1;
        } else {
            return 1;
        }

        if (*slot == NULL
            && page_sp_make(st, d, from_seq ? "Paginate" : "Paginator",
                            from_seq ? args[0] : NULL, from_seq,
                            args + from_seq, nargs - (size_t) from_seq)
               != 0)
        {
            return -1;
        }

        *res = page_sp_pager(page_tpl_arena(st), *slot,
                             (size_t) (*slot)->current);

        return *res ? 0 : page_tpl_fail(st, "out of memory");
    }

    n = page_sp_number(recv);
    if (n == 0 || *slot == NULL) {
        return 1;
    }

    return page_sp_method(st, d, *slot, n, name, len, nargs, res);
}


int64_t
page_site_pager_total(page_data_t *d)
{
    page_site_pager_t  **slot;

    slot = page_site_data_pager(d);

    if (slot == NULL || *slot == NULL) {
        return 0;
    }

    return (*slot)->npagers > 0 ? (int64_t) (*slot)->npagers : 1;
}


int
page_site_pager_aliases(const page_config_t *cfg)
{
    page_value_t  *p, *v;

    p = page_map_gets(cfg->root, "pagination");
    v = p != NULL && p->type == PAGE_MAP ? page_map_gets(p, "disablealiases")
                                         : NULL;

    return !(v != NULL && v->type == PAGE_BOOL && v->u.b);
}
