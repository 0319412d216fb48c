/*
 * page_fn_collections_sort: the part of Hugo's collections namespace
 * (tpl/collections) that orders and filters by a key path: sort and
 * where, with Hugo's rules for comparing (tpl/compare's lt with a
 * collator for sort, checkCondition for where).
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "page_fn.h"
#include "page_regexp.h"
#include "page_utf8.h"


/*
 * Follow a "Params.x" style path (leading and trailing dots trimmed, as
 * Hugo trims them).  A link that is not there, or a value that has no
 * fields, gives nil.
 */
static int
page_tpl_path(page_tpl_state_t *st, page_value_t *v, const char *path,
    size_t len, page_value_t **res)
{
    size_t  i, start;

    while (len > 0 && path[len - 1] == '.') {
        len--;
    }
    i = 0;
    while (i < len && path[i] == '.') {
        i++;
    }

    while (i < len) {
        start = i;
        while (i < len && path[i] != '.') {
            i++;
        }
        if (v == NULL
            || (v->type != PAGE_MAP && v->type != PAGE_TIME
                && v->type != PAGE_DURATION))
        {
            *res = NULL;
            return 0;
        }
        if (page_tpl_get_field(st, v, path + start, i - start, &v) != 0) {
            return -1;
        }
        i++;
    }

    *res = v;
    return 0;
}


/* ---- collation ---- */

/*
 * Hugo sorts strings with the site language's collator (x/text/collate,
 * the CLDR root order for English).  This is its order for Latin text:
 * spaces and punctuation, then digits, then letters, each letter with its
 * accented forms (compared first without accents, then without case,
 * lower case first); other characters after, by code point.
 */
typedef struct {
    uint32_t  primary;
    uint32_t  secondary;        /* 0 unaccented, else the code point */
    uint32_t  tertiary;         /* 0 lower case, 1 upper case */
} page_tpl_coll_t;


/* The base letter of U+00C0 .. U+00FF (Latin-1); '*' when none. */
static const char  page_tpl_latin1[] =
    "AAAAAAACEEEEIIII" "DNOOOOO*OUUUUY*s"
    "aaaaaaaceeeeiiii" "dnooooo*ouuuuy*y";

/*
 * The CLDR root order of ASCII's spaces, punctuation and symbols (all
 * before the digits, which come before the letters).
 */
static const char  page_tpl_punct[] =
    "\t\n\v\f\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";


static void
page_tpl_coll_weight(uint32_t c, page_tpl_coll_t *w)
{
    const char  *p;

    w->secondary = 0;
    w->tertiary = 0;

    if (c >= 0xc0 && c <= 0xff && page_tpl_latin1[c - 0xc0] != '*') {
        w->secondary = c;
        c = (unsigned char) page_tpl_latin1[c - 0xc0];
    }

    if (c >= 'A' && c <= 'Z') {
        w->tertiary = 1;
        c += 'a' - 'A';
    }

    if (c >= 'a' && c <= 'z') {
        w->primary = 0x30000 + (c - 'a');
    } else if (c >= '0' && c <= '9') {
        w->primary = 0x20000 + (c - '0');
    } else if (c > 0 && c < 0x80
               && (p = strchr(page_tpl_punct, (int) c)) != NULL)
    {
        w->primary = 0x10000 + (uint32_t) (p - page_tpl_punct);
    } else if (c < 0x80) {
        w->primary = c;                 /* controls: first */
    } else {
        w->primary = 0x40000 + c;
    }
}


static int
page_tpl_collate(const char *a, size_t alen, const char *b, size_t blen)
{
    int               level, r;
    size_t            i, j;
    uint32_t          ca, cb, x, y;
    page_tpl_coll_t   wa, wb;

    for (level = 0; level < 3; level++) {
        i = 0;
        j = 0;
        while (i < alen && j < blen) {
            i += page_utf8_decode(a + i, alen - i, &ca);
            j += page_utf8_decode(b + j, blen - j, &cb);
            page_tpl_coll_weight(ca, &wa);
            page_tpl_coll_weight(cb, &wb);
            x = level == 0 ? wa.primary
                : level == 1 ? wa.secondary : wa.tertiary;
            y = level == 0 ? wb.primary
                : level == 1 ? wb.secondary : wb.tertiary;
            if (x != y) {
                return x < y ? -1 : 1;
            }
        }
        if (i < alen || j < blen) {
            return i < alen ? 1 : -1;
        }
    }

    r = memcmp(a, b, alen < blen ? alen : blen);
    if (r != 0) {
        return r < 0 ? -1 : 1;
    }
    return (alen > blen) - (alen < blen);
}


/*
 * A value as Hugo's compare reads it for lt: a number, or (for a string
 * that is not one) the string.  Lists and maps count their length, a
 * time its Unix seconds, a bool 0 or 1, anything else 0.
 */
static int
page_tpl_lt_value(const page_value_t *v, double *f, const char **s,
    size_t *len)
{
    char   buf[64], *end;

    *f = 0;

    if (v == NULL) {
        return 0;
    }

    switch ((int) v->type) {
    case PAGE_INT:
    case PAGE_DURATION:
        *f = (double) v->u.i;
        return 0;
    case PAGE_FLOAT:
        *f = v->u.f;
        return 0;
    case PAGE_BOOL:
        *f = v->u.b ? 1 : 0;
        return 0;
    case PAGE_TIME:
        *f = (double) v->u.t.sec;
        return 0;
    case PAGE_LIST:
        *f = (double) v->u.list.n;
        return 0;
    case PAGE_MAP:
        *f = (double) v->u.map.n;
        return 0;
    }

    if (!page_tpl_str(v, s, len)) {
        return 0;
    }

    if (*len > 0 && *len < sizeof(buf)) {
        memcpy(buf, *s, *len);
        buf[*len] = '\0';
        *f = strtod(buf, &end);
        if (*end == '\0' && isfinite(*f) && buf[0] != ' ' && buf[0] != '\t'
            && buf[0] != '\n')
        {
            return 0;
        }
    }

    *f = 0;
    return 1;
}


/*
 * Hugo's LtCollate as sort uses it: -1, 0 or 1.  Two strings compare by
 * collation; otherwise both sides are read as numbers (a string that is
 * not a number counts as 0 against a number).
 */
static int
page_tpl_sort_cmp(const page_value_t *a, const page_value_t *b)
{
    int          sa, sb;
    double       x, y;
    const char  *s1, *s2;
    size_t       l1, l2;

    if (page_tpl_str(a, &s1, &l1) && page_tpl_str(b, &s2, &l2)) {
        return page_tpl_collate(s1, l1, s2, l2);
    }

    sa = page_tpl_lt_value(a, &x, &s1, &l1);
    sb = page_tpl_lt_value(b, &y, &s2, &l2);
    if (sa && sb) {
        return page_tpl_collate(s1, l1, s2, l2);
    }

    return (x > y) - (x < y);
}


typedef struct {
    page_value_t  *key;
    page_value_t  *item;
} page_tpl_sortent_t;


/*
 * A stable merge sort (Hugo's sort.Stable; descending is the reverse
 * order, equal elements still in theirs).
 */
static void
page_tpl_msort(page_tpl_sortent_t *a, page_tpl_sortent_t *tmp, size_t n,
    int desc)
{
    size_t  mid, i, j, k;
    int     c;

    if (n < 2) {
        return;
    }

    mid = n / 2;
    page_tpl_msort(a, tmp, mid, desc);
    page_tpl_msort(a + mid, tmp, n - mid, desc);

    i = 0;
    j = mid;
    k = 0;
    while (i < mid && j < n) {
        c = page_tpl_sort_cmp(a[j].key, a[i].key);
        if (desc ? c > 0 : c < 0) {
            tmp[k++] = a[j++];
        } else {
            tmp[k++] = a[i++];
        }
    }
    while (i < mid) {
        tmp[k++] = a[i++];
    }
    while (j < n) {
        tmp[k++] = a[j++];
    }
    memcpy(a, tmp, n * sizeof(*a));
}


/*
 * sort COLLECTION [KEY] [ORDER]: a list, or a map's values (ordered by
 * the map's keys unless KEY is "value" or a path into the values).
 */
static int
page_tpl_f_sort(PAGE_FN_ARGS)
{
    size_t               i, n;
    const char          *key, *order;
    size_t               klen, olen;
    int                  desc, by_value;
    page_tpl_sortent_t  *e, *tmp;
    page_value_t        *c = args[0], *l, *item, *k;

    key = "";
    klen = 0;
    desc = 0;

    if (nargs >= 2 && !page_tpl_str(args[1], &key, &klen)) {
        key = "";
        klen = 0;
    }
    if (nargs >= 3 && page_tpl_str(args[2], &order, &olen)) {
        desc = olen == 4 && memcmp(order, "desc", 4) == 0;
    }
    by_value = klen == 5 && memcmp(key, "value", 5) == 0;

    if (c == NULL || c->type == PAGE_NIL) {
        return page_tpl_fail(st, "sequence must be provided");
    }
    if (c->type != PAGE_LIST && c->type != PAGE_MAP) {
        return page_tpl_fail(st, "can't sort %s", page_tpl_tname(c));
    }

    n = c->type == PAGE_LIST ? c->u.list.n : c->u.map.n;
    e = page_arena_alloc(st->arena, (n + 1) * sizeof(*e));
    tmp = page_arena_alloc(st->arena, (n + 1) * sizeof(*e));
    l = page_tpl_list_new(st);
    if (e == NULL || tmp == NULL || l == NULL) {
        return page_tpl_nomem(st);
    }

    for (i = 0; i < n; i++) {
        item = c->type == PAGE_LIST ? c->u.list.items[i]
                                    : c->u.map.items[i].value;
        e[i].item = item;
        e[i].key = item;

        if (c->type == PAGE_MAP && klen == 0) {
            k = page_value_string_ref(st->arena, PAGE_STRING,
                                      c->u.map.items[i].key.data,
                                      c->u.map.items[i].key.len);
            if (k == NULL) {
                return page_tpl_nomem(st);
            }
            e[i].key = k;

        } else if (klen > 0 && !by_value
                   && page_tpl_path(st, item, key, klen, &e[i].key) != 0)
        {
            return -1;
        }
    }

    page_tpl_msort(e, tmp, n, desc);

    for (i = 0; i < n; i++) {
        if (page_tpl_push(st, l, e[i].item) != 0) {
            return -1;
        }
    }

    *res = l;
    return 0;
}


/* ---- where ---- */

typedef enum {
    PAGE_W_NONE = 0,
    PAGE_W_INT,
    PAGE_W_FLOAT,
    PAGE_W_STR,
    PAGE_W_LIST
} page_tpl_wkind_t;


/* A list element as cast.ToInt64E / ToFloat64E / ToStringE read it. */
static int
page_tpl_where_cast(page_tpl_state_t *st, page_value_t *v,
    page_tpl_wkind_t kind, int64_t *i, double *f, const char **s,
    size_t *len)
{
    char         buf[64], *end;
    const char  *p;
    size_t       n;

    if (v == NULL || v->type == PAGE_NIL || v->type == PAGE_LIST
        || v->type == PAGE_MAP)
    {
        return -1;
    }

    if (kind == PAGE_W_STR) {
        if (v->type == PAGE_TIME) {
            return -1;
        }
        return page_tpl_text(st, v, s, len) == 0 ? 0 : -1;
    }

    if (v->type == PAGE_INT || v->type == PAGE_DURATION) {
        *i = v->u.i;
        *f = (double) v->u.i;
        return 0;
    }
    if (v->type == PAGE_FLOAT) {
        *i = (int64_t) v->u.f;
        *f = v->u.f;
        return 0;
    }
    if (v->type == PAGE_BOOL) {
        *i = v->u.b;
        *f = v->u.b;
        return 0;
    }
    if (page_tpl_str(v, &p, &n) && n > 0 && n < sizeof(buf)) {
        memcpy(buf, p, n);
        buf[n] = '\0';
        if (kind == PAGE_W_INT) {
            *i = (int64_t) strtoll(buf, &end, 0);
        } else {
            *f = strtod(buf, &end);
        }
        return *end == '\0' ? 0 : -1;
    }

    return -1;
}


/* Are two lists' elements in common (Hugo's intersect is not empty). */
static int
page_tpl_where_intersects(const page_value_t *a, const page_value_t *b)
{
    size_t  i, j;

    for (i = 0; i < a->u.list.n; i++) {
        for (j = 0; j < b->u.list.n; j++) {
            if (page_tpl_equal(a->u.list.items[i], b->u.list.items[j])) {
                return 1;
            }
        }
    }
    return 0;
}


/* Is x in l (ints, floats or strings, as Hugo's In compares them). */
static int
page_tpl_where_in(page_tpl_state_t *st, page_tpl_wkind_t kind,
    page_value_t *l, int64_t iv, double fv, const char *sv, size_t svlen,
    int *found, int *any)
{
    size_t       k;
    int64_t      i;
    double       f;
    const char  *s;
    size_t       len;

    *found = 0;
    *any = 0;

    for (k = 0; k < l->u.list.n; k++) {
        if (page_tpl_where_cast(st, l->u.list.items[k], kind, &i, &f, &s,
                                &len)
            != 0)
        {
            continue;
        }
        *any = 1;
        if ((kind == PAGE_W_INT && i == iv) || (kind == PAGE_W_FLOAT
                                                && f == fv)
            || (kind == PAGE_W_STR && len == svlen
                && memcmp(s, sv, len) == 0))
        {
            *found = 1;
        }
    }

    return 0;
}


/*
 * The kind of a value as Go's reflect sees it, string-like values one
 * kind: for the element type of a list.
 */
static int
page_tpl_where_gokind(const page_value_t *v)
{
    if (v == NULL || v->type == PAGE_NIL) {
        return -1;
    }
    return page_tpl_is_str(v) ? PAGE_STRING : (int) v->type;
}


/*
 * Hugo's slice of values of one type is a typed slice ([]string,
 * []int); where only looks into one whose element type is the value's
 * own.  A list of mixed (or no) kinds is an []interface {}: 1.
 */
static int
page_tpl_where_elem_ok(const page_value_t *l, const page_value_t *v)
{
    size_t  i;
    int     k, first;

    first = -2;
    for (i = 0; i < l->u.list.n; i++) {
        k = page_tpl_where_gokind(l->u.list.items[i]);
        if (k == -1 || (first != -2 && k != first)) {
            return 1;
        }
        first = k;
    }

    return first == -2 || first == page_tpl_where_gokind(v)
           || v->type == PAGE_LIST;
}


/*
 * Hugo's checkCondition (tpl/collections/where.go): v is the element's
 * value at the key, mv the value to match, op the operator (trimmed and
 * lower-cased).
 */
static int
page_tpl_where_match(page_tpl_state_t *st, page_value_t *v, const char *op,
    size_t oplen, page_value_t *mv, int *match)
{
    int               vnil, mvnil, cmp, found, any, same;
    int64_t           iv, imv;
    double            fv, fmv;
    const char       *sv, *smv;
    size_t            svlen, smvlen;
    page_tpl_wkind_t  kind, mkind;
    page_regexp_t    *re;
    char              err[PAGE_REGEXP_ERR_SIZE];

#define OP(s)  (oplen == sizeof(s) - 1 && memcmp(op, s, oplen) == 0)
#define OP_EQ  (OP("") || OP("=") || OP("==") || OP("eq"))
#define OP_NE  (OP("!=") || OP("<>") || OP("ne"))

    *match = 0;
    vnil = v == NULL || v->type == PAGE_NIL;
    mvnil = mv == NULL || mv->type == PAGE_NIL;

    if (vnil || mvnil) {
        *match = OP_EQ ? vnil == mvnil : OP_NE ? vnil != mvnil : 0;
        return 0;
    }

    if (v->type == PAGE_BOOL || mv->type == PAGE_BOOL) {
        if (v->type == PAGE_BOOL && mv->type == PAGE_BOOL) {
            *match = OP_EQ ? !v->u.b == !mv->u.b
                     : OP_NE ? !v->u.b != !mv->u.b : 0;
            return 0;
        }
    }

    kind = PAGE_W_NONE;
    mkind = PAGE_W_NONE;
    iv = imv = 0;
    fv = fmv = 0;
    sv = smv = NULL;
    svlen = smvlen = 0;
    found = any = 0;

    same = v->type == mv->type
           || (page_tpl_is_str(v) && page_tpl_is_str(mv));

    if (same) {
        switch ((int) v->type) {
        case PAGE_INT:
        case PAGE_DURATION:
            kind = mkind = PAGE_W_INT;
            iv = v->u.i;
            imv = mv->u.i;
            break;
        case PAGE_FLOAT:
            kind = mkind = PAGE_W_FLOAT;
            fv = v->u.f;
            fmv = mv->u.f;
            break;
        case PAGE_TIME:
            kind = mkind = PAGE_W_INT;
            iv = v->u.t.sec;
            imv = mv->u.t.sec;
            break;
        case PAGE_LIST:
            kind = mkind = PAGE_W_LIST;
            break;
        default:
            if (page_tpl_str(v, &sv, &svlen)) {
                (void) page_tpl_str(mv, &smv, &smvlen);
                kind = mkind = PAGE_W_STR;
            }
        }

    } else if (page_tpl_is_num(v) && page_tpl_is_num(mv)) {
        kind = mkind = PAGE_W_FLOAT;
        fv = page_tpl_num(v);
        fmv = page_tpl_num(mv);

    } else {
        if (mv->type != PAGE_LIST) {
            return 0;
        }
        if (mv->u.list.n == 0) {
            *match = OP("not in");
            return 0;
        }
        if (!page_tpl_where_elem_ok(mv, v)) {
            return 0;
        }

        switch ((int) v->type) {
        case PAGE_INT:
        case PAGE_DURATION:
            kind = PAGE_W_INT;
            iv = v->u.i;
            break;
        case PAGE_FLOAT:
            kind = PAGE_W_FLOAT;
            fv = v->u.f;
            break;
        case PAGE_TIME:
            kind = PAGE_W_INT;
            iv = v->u.t.sec;
            break;
        default:
            if (page_tpl_str(v, &sv, &svlen)) {
                kind = PAGE_W_STR;
            }
        }

        if (kind != PAGE_W_NONE
            && page_tpl_where_in(st, kind, mv, iv, fv, sv, svlen, &found,
                                 &any)
               != 0)
        {
            return -1;
        }
    }

    if (OP_EQ || OP_NE || OP(">=") || OP("ge") || OP(">") || OP("gt")
        || OP("<=") || OP("le") || OP("<") || OP("lt"))
    {
        if (mkind == PAGE_W_NONE || mkind == PAGE_W_LIST) {
            return 0;
        }
        if (kind == PAGE_W_INT) {
            cmp = (iv > imv) - (iv < imv);
        } else if (kind == PAGE_W_FLOAT) {
            if (isnan(fv) || isnan(fmv)) {
                *match = OP_NE;
                return 0;
            }
            cmp = (fv > fmv) - (fv < fmv);
        } else {
            cmp = memcmp(sv, smv, svlen < smvlen ? svlen : smvlen);
            cmp = cmp != 0 ? (cmp > 0) - (cmp < 0)
                           : (svlen > smvlen) - (svlen < smvlen);
        }
        *match = OP_EQ ? cmp == 0 : OP_NE ? cmp != 0
                 : (OP(">=") || OP("ge")) ? cmp >= 0
                 : (OP(">") || OP("gt")) ? cmp > 0
                 : (OP("<=") || OP("le")) ? cmp <= 0 : cmp < 0;
        return 0;
    }

    if (OP("in") || OP("not in")) {
        if (mkind == PAGE_W_NONE && any) {
            *match = found;
        } else if (mkind == PAGE_W_STR) {
            /* a string in a string: Hugo's In is strings.Contains */
            found = 0;
            for (cmp = 0; (size_t) cmp + svlen <= smvlen; cmp++) {
                if (memcmp(smv + cmp, sv, svlen) == 0) {
                    found = 1;
                    break;
                }
            }
            *match = found;
        } else {
            return 0;
        }
        if (OP("not in")) {
            *match = !*match;
        }
        return 0;
    }

    if (OP("intersect")) {
        *match = kind == PAGE_W_LIST && mkind == PAGE_W_LIST
                 && page_tpl_where_intersects(v, mv);
        return 0;
    }

    if (OP("like")) {
        if (kind != PAGE_W_STR || mkind != PAGE_W_STR) {
            return 0;
        }
        re = page_regexp_get(smv, smvlen, err);
        if (re == NULL) {
            return page_tpl_fail(st, "%s", err);
        }
        cmp = page_regexp_match(re, sv, svlen, 0, err);
        page_regexp_release(re);
        if (cmp < 0) {
            return page_tpl_fail(st, "%s", err);
        }
        *match = cmp;
        return 0;
    }

#undef OP
#undef OP_EQ
#undef OP_NE

    return page_tpl_fail(st, "no such operator");
}


/* The elements of the list c that match, into a new list *res. */
static int
page_tpl_where_list(page_tpl_state_t *st, page_value_t *c, const char *key,
    size_t klen, const char *op, size_t oplen, page_value_t *want,
    page_value_t **res)
{
    size_t         i;
    int            match;
    page_value_t  *l, *v;

    l = page_tpl_list_new(st);
    if (l == NULL) {
        return -1;
    }

    for (i = 0; i < c->u.list.n; i++) {
        v = c->u.list.items[i];
        if ((key != NULL && page_tpl_path(st, v, key, klen, &v) != 0)
            || page_tpl_where_match(st, v, op, oplen, want, &match) != 0)
        {
            return -1;
        }
        if (match && page_tpl_push(st, l, c->u.list.items[i]) != 0) {
            return -1;
        }
    }

    *res = l;
    return 0;
}


/* Longest operator where takes, after trimming ("not in"). */
#define PAGE_TPL_WHERE_OP_MAX  16


/*
 * where COLLECTION KEY [OPERATOR] VALUE: the elements of a list whose
 * value at KEY matches; of a map, the entries whose value is a list with
 * an element that matches.
 */
static int
page_tpl_f_where(PAGE_FN_ARGS)
{
    size_t         i, k, klen, oplen;
    const char    *key, *op;
    char           lower[PAGE_TPL_WHERE_OP_MAX];
    page_buf_t     b;
    page_value_t  *c = args[0], *want, *m, *r, *v;

    if (c == NULL || c->type == PAGE_NIL) {
        return page_tpl_fail(st, "can't iterate over <nil>");
    }

    key = NULL;
    klen = 0;
    if (!page_tpl_str(args[1], &key, &klen)) {
        key = NULL;
    }

    op = "";
    oplen = 0;
    want = args[nargs - 1];
    if (nargs == 4) {
        if (!page_tpl_str(args[2], &op, &oplen)) {
            return page_tpl_fail(st, "operator argument must be string "
                                 "type");
        }
        while (oplen > 0 && (op[0] == ' ' || op[0] == '\t')) {
            op++;
            oplen--;
        }
        while (oplen > 0 && (op[oplen - 1] == ' ' || op[oplen - 1] == '\t'))
        {
            oplen--;
        }
        if (oplen >= sizeof(lower)) {
            return page_tpl_fail(st, "no such operator");
        }
        for (k = 0; k < oplen; k++) {
            lower[k] = op[k] >= 'A' && op[k] <= 'Z' ? op[k] + 'a' - 'A'
                                                    : op[k];
        }
        op = lower;
    }

    if (c->type == PAGE_LIST) {
        return page_tpl_where_list(st, c, key, klen, op, oplen, want, res);
    }

    if (c->type != PAGE_MAP) {
        page_tpl_buf(st, &b);
        page_tpl_print(&b, c);
        return page_tpl_fail(st, "can't iterate over %.*s", (int) b.len,
                             b.data ? b.data : "");
    }

    m = page_value_map(st->arena);
    if (m == NULL) {
        return page_tpl_nomem(st);
    }

    for (i = 0; i < c->u.map.n; i++) {
        v = c->u.map.items[i].value;
        if (v == NULL || v->type != PAGE_LIST) {
            continue;
        }
        if (page_tpl_where_list(st, v, key, klen, op, oplen, want, &r) != 0)
        {
            return -1;
        }
        if (r->u.list.n > 0
            && page_map_add(st->arena, m, c->u.map.items[i].key.data,
                            c->u.map.items[i].key.len, v) != 0)
        {
            return page_tpl_nomem(st);
        }
    }

    *res = m;
    return 0;
}


const page_tpl_func_t  page_fn_collections_sort[] = {
    { "collections.Sort", page_tpl_f_sort, 1, 3 },
    { "sort", page_tpl_f_sort, 1, 3 },
    { "collections.Where", page_tpl_f_where, 3, 4 },
    { "where", page_tpl_f_where, 3, 4 },
    { NULL, NULL, 0, 0 }
};
