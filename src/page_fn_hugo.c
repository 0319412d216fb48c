/*
 * page_fn_hugo: Hugo's hugo namespace (tpl/hugo: the HugoInfo of
 * resources/page/hugoinfo.go), as the value `hugo` gives: the Hugo
 * version whose behaviour we follow, the environment, and the build's
 * facts; and how that version compares (common/version: as a version,
 * not as text, so that ge hugo.Version "0.146.0" holds and
 * lt hugo.Version "0.99" does not).
 */

#include <stdlib.h>
#include <string.h>

#include "page_fn.h"
#include "page_sc_exec.h"

/*
 * The Hugo release whose documentation and behaviour we follow: the
 * latest when hugo-api.md was written (docs as of 2026-08; v0.165.0,
 * 2026-08-12).  Themes test it (PaperMod, beautifulhugo and FixIt stop
 * below 0.146 or 0.161).
 */
#define PAGE_HUGO_VERSION  "0.165.0"

#define PAGE_HUGO_GENERATOR                                                  \
    "<meta name=\"generator\" content=\"Hugo " PAGE_HUGO_VERSION "\">"

/* hugo.Version: known by its address, as a version (page_hugo_is). */
page_value_t  page_hugo_version = {
    .type = PAGE_STRING,
    .u.s = { PAGE_HUGO_VERSION, sizeof(PAGE_HUGO_VERSION) - 1 }
};

/* A version as Hugo's common/version parses it. */
typedef struct {
    long         major;
    long         minor;
    long         patch;
    const char  *suffix;            /* after the first '-' */
    size_t       suffix_len;
} page_hugo_ver_t;


/* Go's strconv.Atoi on one dot-separated part: 0 when it is no number. */
static long
page_hugo_atoi(const char *s, size_t len)
{
    size_t  i;
    long    n;

    i = len && (s[0] == '+' || s[0] == '-');
    if (i == len || len > 18) {
        return 0;
    }

    for (n = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return 0;
        }
        n = n * 10 + (s[i] - '0');
    }

    return s[0] == '-' ? -n : n;
}


/* common/version.ParseVersion. */
static void
page_hugo_parse(const char *s, size_t len, page_hugo_ver_t *v)
{
    size_t       i, part, start;
    long        *parts[3];
    const char  *hyphen;

    memset(v, 0, sizeof(page_hugo_ver_t));
    v->suffix = "";

    while (len && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) {
        s++;
        len--;
    }
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'
                   || s[len - 1] == '\n' || s[len - 1] == '\r'))
    {
        len--;
    }
    if (len && *s == 'v') {
        s++;
        len--;
    }

    hyphen = memchr(s, '-', len);
    if (hyphen != NULL && hyphen > s) {
        v->suffix = hyphen + 1;
        v->suffix_len = (size_t) (s + len - hyphen - 1);
        len = (size_t) (hyphen - s);
    }

    parts[0] = &v->major;
    parts[1] = &v->minor;
    parts[2] = &v->patch;

    for (i = 0, part = 0, start = 0; i <= len && part < 3; i++) {
        if (i == len || s[i] == '.') {
            *parts[part++] = page_hugo_atoi(s + start, i - start);
            start = i + 1;
        }
    }
}


/*
 * common/version.CompareVersions(v1, v2): the sign of v2 against v1 (1:
 * v2 is the greater), numbers compared as Hugo's old float versions
 * (0.54 is major 0, minor 54).
 */
static int
page_hugo_cmp_hugo(const page_hugo_ver_t *v1, const page_value_t *v2)
{
    int               c;
    double            f, whole;
    long              maj, min;
    const char       *s;
    size_t            len;
    page_hugo_ver_t   d;

    if (v2 != NULL && (v2->type == PAGE_INT || v2->type == PAGE_FLOAT)) {
        f = page_tpl_num(v2);
        whole = (double) (long) f;
        maj = (long) whole;
        min = (long) ((f - whole) * 100);

        if (v1->major == maj && v1->minor == min) {
            return 0;
        }
        if (maj != v1->major) {
            return maj > v1->major ? 1 : -1;
        }
        return min > v1->minor ? 1 : -1;
    }

    if (!page_tpl_str(v2, &s, &len)) {
        if (v2 == NULL || v2->type == PAGE_NIL) {
            s = "";
            len = 0;
        } else {
            return -1;                  /* cast fails: Hugo's -1 */
        }
    }

    page_hugo_parse(s, len, &d);

    if (d.major == v1->major && d.minor == v1->minor
        && d.patch == v1->patch)
    {
        c = memcmp(v1->suffix, d.suffix, v1->suffix_len < d.suffix_len
                                         ? v1->suffix_len : d.suffix_len);
        if (c == 0) {
            c = (v1->suffix_len > d.suffix_len)
                - (v1->suffix_len < d.suffix_len);
        }
        return (c > 0) - (c < 0);
    }

    if (d.major != v1->major) {
        return d.major > v1->major ? 1 : -1;
    }
    if (d.minor != v1->minor) {
        return d.minor > v1->minor ? 1 : -1;
    }
    return d.patch > v1->patch ? 1 : -1;
}


int
page_hugo_is_version(const page_value_t *v)
{
    return v == &page_hugo_version;
}


int
page_hugo_version_cmp(const page_value_t *a, const page_value_t *b)
{
    page_hugo_ver_t  v;

    /* Hugo's compare namespace asks the Comparer on either side */

    if (page_hugo_is_version(a)) {
        page_hugo_parse(a->u.s.data, a->u.s.len, &v);
        return -page_hugo_cmp_hugo(&v, b);
    }

    page_hugo_parse(b->u.s.data, b->u.s.len, &v);
    return page_hugo_cmp_hugo(&v, a);
}


#define page_hugo_add(a, m, lit, v)                                          \
    ((v) == NULL ? -1 : page_map_add(a, m, lit, sizeof(lit) - 1, v))


page_value_t *
page_hugo_info(page_arena_t *a, const page_options_t *opt)
{
    const char    *env;
    page_value_t  *h;

    env = opt->environment && opt->environment[0] ? opt->environment
                                                  : "production";

    h = page_value_map(a);

    if (h == NULL
        || page_hugo_add(a, h, "Version", &page_hugo_version) != 0
        || page_hugo_add(a, h, "Generator",
                         page_value_string_ref(a, PAGE_HTML,
                                               PAGE_HUGO_GENERATOR,
                                               sizeof(PAGE_HUGO_GENERATOR)
                                               - 1)) != 0
        || page_hugo_add(a, h, "Environment",
                         page_value_string(a, env, strlen(env))) != 0
        || page_hugo_add(a, h, "IsProduction",
                         page_value_const_bool(strcmp(env, "production")
                                               == 0)) != 0
        || page_hugo_add(a, h, "IsDevelopment",
                         page_value_const_bool(strcmp(env, "development")
                                               == 0)) != 0
        /* not Hugo's development server, with its live reload */
        || page_hugo_add(a, h, "IsServer", &page_false_value) != 0
        /* no libsass, no WebP encoder: what "extended" promises */
        || page_hugo_add(a, h, "IsExtended", &page_false_value) != 0
        || page_hugo_add(a, h, "IsMultilingual", &page_false_value) != 0
        || page_hugo_add(a, h, "IsMultihost", &page_false_value) != 0
        || page_hugo_add(a, h, "WorkingDir",
                         page_value_string(a, opt->workdir ? opt->workdir
                                                           : "",
                                           opt->workdir
                                           ? strlen(opt->workdir) : 0))
           != 0
        /* not a Go program: no Go version, commit or build date */
        || page_hugo_add(a, h, "GoVersion", page_value_string(a, "", 0))
           != 0
        || page_hugo_add(a, h, "CommitHash", page_value_string(a, "", 0))
           != 0
        || page_hugo_add(a, h, "BuildDate", page_value_string(a, "", 0))
           != 0
        || page_hugo_add(a, h, "Deps", page_value_list(a)) != 0
        || page_hugo_add(a, h, "Data", page_value_map(a)) != 0
        || page_hugo_add(a, h, "Store", page_sc_scratch_new(a)) != 0
        || page_hugo_add(a, h, "Context", page_value_map(a)) != 0)
    {
        return NULL;
    }

    return h;
}


int
page_hugo_set_site(page_arena_t *a, page_value_t *hugo, page_value_t *site)
{
    page_value_t  *data;

    /* hugo.Data: the site's data */

    data = page_map_gets(site, "Data");

    return data != NULL ? page_map_set(a, hugo, "Data", 4, data) : 0;
}


int
page_hugo_method(page_tpl_state_t *st, page_value_t *site, const char *name,
    size_t len, size_t nargs, page_value_t **res)
{
    page_value_t  *sites;

    /*
     * hugo.Sites: made when read, so that no value holds itself (the
     * site holds hugo as .Site.Hugo), which printing and eq would follow
     * forever.
     */

    if (len == 5 && memcmp(name, "Sites", 5) == 0 && nargs == 0) {
        sites = page_tpl_list_new(st);
        if (sites == NULL || page_tpl_push(st, sites, site) != 0) {
            return -1;
        }
        *res = sites;
        return 0;
    }

    return 1;
}
