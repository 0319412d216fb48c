/*
 * page_sc_exec: running shortcodes the way Hugo does.
 *
 * Nested calls run before their parent, in document order; a parent's
 * .Inner is its raw source with its children's output in place.  At the
 * top level a {{< >}} call's output waits behind a placeholder that no
 * content can forge (a random prefix per render), a {{% %}} call's output
 * is Markdown.  Nested {{% %}} calls have their inner rendered as
 * Markdown on its own first; so do version-1 templates
 * ({{ $_hugo_config := `{ "version": 1 }` }}) at the top level, whose
 * output then goes behind a placeholder.  Inline shortcodes
 * ({{< x.inline >}}) render as nothing unless the page's options enable
 * them; then their inner is a text template defined for the page.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "page_markdown.h"
#include "page_fn.h"
#include "page_sc_exec.h"
#include "page_templates.h"

/* Keys that mark a map as a shortcode context or a scratch pad; not
 * names a template can write as a field. */
#define PAGE_SC_MARK       "#shortcode"
#define PAGE_SCRATCH_MARK  "#scratch"
#define PAGE_SCRATCH_DATA  "#data"

/* The placeholder: PREFIX <decimal index> "Z", all alphanumeric so that
 * Markdown leaves it alone. */
#define PAGE_SC_PREFIX     "PAGESC"

/* The keys of a shortcode context: the mark and twelve fields. */
#define PAGE_SC_CONTEXT_KEYS  13


static int page_sc_call(page_sc_run_t *run, page_sc_node_t *node,
    page_value_t *parent, unsigned level, page_buf_t *out, int *v1p,
    page_error_t *err);


/* Shortcode name's template, from the render's table or the store. */
static const page_sc_tpl_t *
page_sc_template(page_sc_run_t *run, const char *name, size_t len)
{
    size_t          i;
    page_sc_tpl_t  *t;

    for (i = 0; i < run->ntpls; i++) {
        t = &run->tpls[i];

        if (t->len == len && memcmp(t->name, name, len) == 0) {
            return t;
        }
    }

    t = run->ntpls < PAGE_SC_TEMPLATES ? &run->tpls[run->ntpls++]
                                       : &run->spare;
    t->name = name;
    t->len = len;
    t->inner = 0;
    t->v1 = 0;
    t->tpl = page_templates_shortcode_lang(run->data->templates, name, len,
                 page_map_gets(run->data->page, "Lang"), run->data->opt->file,
                 run->data->opt->file ? run->data->opt->file_len : 0,
                 &t->inner, &t->v1);

    return t;
}


/* Is name an inline shortcode's ("x.inline"). */
static int
page_sc_is_inline(const char *name, size_t len)
{
    return len > 7 && memcmp(name + len - 7, ".inline", 7) == 0;
}


int
page_sc_lookup(void *ctx, const char *name, size_t len)
{
    const page_sc_tpl_t  *t;

    if (page_sc_is_inline(name, len)) {
        return 1;           /* its inner is its template: closed or not */
    }

    t = page_sc_template(ctx, name, len);

    return t->tpl != NULL ? t->inner : -1;
}


/*
 * A fresh, unguessable placeholder prefix per render: a secret read from
 * /dev/urandom once per process, mixed with a counter (splitmix64).  The
 * placeholders never reach the output, so nothing reveals the secret, and
 * renders no longer open /dev/urandom each time.
 */
static uint64_t
page_sc_nonce(void)
{
    FILE             *f;
    uint64_t          z;
    static uint64_t   secret, counter;

    if (secret == 0) {
        f = fopen("/dev/urandom", "rb");
        if (f != NULL) {
            if (fread(&secret, sizeof(secret), 1, f) != 1) {
                secret = 0;
            }
            fclose(f);
        }

        if (secret == 0) {
            secret = (uint64_t) time(NULL) * 6364136223846793005ULL
                     ^ (uint64_t) (uintptr_t) &z;
        }
    }

    z = secret + ++counter * 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;

    return z ^ (z >> 31);
}


static void
page_sc_init_prefix(page_sc_run_t *run)
{
    if (run->prefix_len) {
        return;
    }

    run->prefix_len = (size_t) snprintf(run->prefix, sizeof(run->prefix),
                                        "%s%016llx", PAGE_SC_PREFIX,
                                        (unsigned long long) page_sc_nonce());
}


static int
page_sc_set(page_arena_t *a, page_value_t *map, const char *key,
    page_value_t *v)
{
    return v == NULL ? -1 : page_map_set(a, map, key, strlen(key), v);
}


/*
 * Add a key new to the map being built: a string literal, neither looked
 * for first nor copied (page_map_add).
 */
#define page_sc_put(a, map, lit, v)                                          \
    page_sc_put_n(a, map, lit, sizeof(lit) - 1, v)


static int
page_sc_put_n(page_arena_t *a, page_value_t *map, const char *key,
    size_t len, page_value_t *v)
{
    return v == NULL ? -1 : page_map_add(a, map, key, len, v);
}


page_value_t *
page_sc_scratch_new(page_arena_t *a)
{
    page_value_t  *s;

    s = page_value_map(a);

    /* the mark first: page_sc_method looks for it there */
    if (s == NULL
        || page_sc_put(a, s, PAGE_SCRATCH_MARK, &page_true_value) != 0
        || page_sc_put(a, s, PAGE_SCRATCH_DATA, page_value_map(a)) != 0)
    {
        return NULL;
    }

    return s;
}


/*
 * Hugo's text.Position: .Filename, .Offset (of the opening "{{" in the
 * whole file, front matter included), .LineNumber, .ColumnNumber; it
 * prints as "\"path:line:col\"" (Hugo's String() quotes it).  Built
 * without printf, as every shortcode call makes one.
 */
static page_value_t *
page_sc_position(page_sc_run_t *run, page_arena_t *a, page_sc_node_t *node)
{
    page_buf_t     b;
    page_value_t  *p, *str;

    page_buf_init(&b, a, 0);
    page_buf_putc(&b, '"');
    page_buf_puts(&b, run->path);
    page_buf_putc(&b, ':');
    page_buf_put_uint(&b, node->line);
    page_buf_putc(&b, ':');
    page_buf_put_uint(&b, node->col);
    page_buf_putc(&b, '"');

    if (page_buf_failed(&b)) {
        return NULL;
    }

    str = page_value_string_ref(a, PAGE_STRING, b.data, b.len);
    p = page_value_map(a);

    if (str == NULL || p == NULL
        || page_map_reserve(a, p, 5) != 0
        || page_sc_put(a, p, PAGE_TPL_STRING_MARK, str) != 0
        || page_sc_put(a, p, "Filename",
                       page_value_string(a, run->path, strlen(run->path)))
           != 0
        || page_sc_put(a, p, "Offset",
                       page_value_int(a, (int64_t) (run->body_offset
                                                    + node->start))) != 0
        || page_sc_put(a, p, "LineNumber",
                       page_value_int(a, (int64_t) node->line)) != 0
        || page_sc_put(a, p, "ColumnNumber",
                       page_value_int(a, (int64_t) node->col)) != 0)
    {
        return NULL;
    }

    return p;
}


static page_value_t *
page_sc_context(page_sc_run_t *run, page_sc_node_t *node,
    page_value_t *parent)
{
    page_arena_t  *a = run->env->arena;
    page_value_t  *c, *params, *empty, *store;

    params = node->params;
    if (params == NULL) {
        params = node->named ? page_value_map(a) : page_value_list(a);
    }

    c = page_value_map(a);
    empty = page_value_string_ref(a, PAGE_HTML, "", 0);
    store = page_sc_scratch_new(a);

    /*
     * The mark first: page_sc_method looks for it there.  .Inner and
     * .InnerDeindent are set again once the children ran; .Store and
     * .Scratch are one pad per call.
     */
    if (c == NULL
        || page_map_reserve(a, c, PAGE_SC_CONTEXT_KEYS) != 0
        || page_sc_put(a, c, PAGE_SC_MARK, &page_true_value) != 0
        || page_sc_put(a, c, "Name",
                       page_value_string(a, node->name.data,
                                         node->name.len)) != 0
        || page_sc_put(a, c, "Params", params) != 0
        || page_sc_put(a, c, "IsNamedParams",
                       page_value_const_bool(node->named)) != 0
        || page_sc_put(a, c, "Ordinal",
                       page_value_int(a, (int64_t) node->ordinal)) != 0
        || page_sc_put(a, c, "Position",
                       page_sc_position(run, a, node)) != 0
        || page_sc_put(a, c, "Parent", parent ? parent : &page_nil_value)
           != 0
        || page_sc_put(a, c, "Page", run->data->page) != 0
        || page_sc_put(a, c, "Site", run->data->site) != 0
        || page_sc_put(a, c, "Inner", empty) != 0
        || page_sc_put(a, c, "InnerDeindent", empty) != 0
        || page_sc_put(a, c, "Store", store) != 0
        || page_sc_put(a, c, "Scratch", store) != 0)
    {
        return NULL;
    }

    return c;
}


/* Remove indent from the start of every line of s. */
static void
page_sc_deindent(page_buf_t *out, const char *s, size_t len,
    const char *indent, size_t n)
{
    size_t       i, e;
    const char  *nl;

    /* line by line: the indent at its start dropped, the rest copied */
    for (i = 0; i < len; i = e) {
        if (n && len - i >= n && memcmp(s + i, indent, n) == 0) {
            i += n;
        }

        nl = memchr(s + i, '\n', len - i);
        e = nl ? (size_t) (nl - s) + 1 : len;

        page_buf_append(out, s + i, e - i);
    }
}


/* Add indent after every newline that is followed by more text. */
static void
page_sc_indent(page_buf_t *out, const char *s, size_t len,
    const char *indent, size_t n)
{
    size_t       i, e;
    const char  *nl;

    for (i = 0; i < len; i = e) {
        nl = memchr(s + i, '\n', len - i);
        e = nl ? (size_t) (nl - s) + 1 : len;

        page_buf_append(out, s + i, e - i);

        if (nl != NULL && e < len) {
            page_buf_append(out, indent, n);
        }
    }
}


/* Markdown for a nested {{% %}} inner: one line loses its <p> wrapper. */
static int
page_sc_markdown_inner(page_sc_run_t *run, page_buf_t *inner,
    page_error_t *err)
{
    size_t        n;
    page_buf_t    html;
    const char   *s;

    page_buf_init(&html, run->env->arena, PAGE_SC_MAX_INNER);

    if (page_markdown_render(inner->data ? inner->data : "", inner->len,
                             run->data->opt->unsafe_html ? PAGE_MD_UNSAFE : 0,
                             0, &html, NULL, run->path, err)
        != 0)
    {
        return -1;
    }

    s = html.data ? html.data : "";
    n = html.len;

    if (memchr(inner->data ? inner->data : "", '\n', inner->len) == NULL
        && n >= 8 && memcmp(s, "<p>", 3) == 0)
    {
        while (n && s[n - 1] == '\n') {
            n--;
        }

        if (n >= 7 && memcmp(s + n - 4, "</p>", 4) == 0) {
            s += 3;
            n -= 7;
        }
    }

    inner->data = (char *) s;
    inner->len = n;

    return 0;
}


/*
 * An inline shortcode, as Hugo runs one: nothing at all unless
 * page_inline_shortcodes is on (Hugo's enableInlineShortcodes, off by
 * default); then {{< x.inline >}}...{{< /x.inline >}} defines x.inline
 * for the rest of the page (again: the new one) and runs it, and
 * {{< x.inline />}} runs the page's earlier definition.  The inner is a
 * text template (Hugo parses it with text/template: no escaping), with
 * the shortcode's context as dot and the raw inner as .Inner.
 */
static int
page_sc_inline(page_sc_run_t *run, page_sc_node_t *node, page_value_t *parent,
    page_buf_t *out, page_error_t *err)
{
    int                rc;
    char              *name;
    page_buf_t         result;
    page_arena_t      *a = run->env->arena;
    page_error_t       tpl_err;
    page_value_t      *ctx, *v;
    page_tpl_set_t    *set;
    page_sc_inline_t  *d;

    if (!run->data->opt->inline_shortcodes) {
        return 0;
    }

    page_error_init(&tpl_err);

    name = page_arena_alloc(a, node->name.len + sizeof("_inline_shortcode/"));
    if (name == NULL) {
        page_error_nomem(err, run->path);
        return -1;
    }
    memcpy(name, "_inline_shortcode/", sizeof("_inline_shortcode/") - 1);
    memcpy(name + sizeof("_inline_shortcode/") - 1, node->name.data,
           node->name.len);
    name[sizeof("_inline_shortcode/") - 1 + node->name.len] = '\0';

    for (d = run->inlines; d != NULL; d = d->next) {
        if (d->len == node->name.len
            && memcmp(d->name, node->name.data, d->len) == 0)
        {
            break;
        }
    }

    if (node->closed) {
        set = page_tpl_set_new(a, 0);
        if (set == NULL
            || page_tpl_set_funcs(set, page_data_funcs, page_data_nfuncs)
               != 0)
        {
            page_error_nomem(err, run->path);
            return -1;
        }

        if (page_tpl_set_add(set, name, name,
                             node->inner ? node->inner : "", node->inner_len,
                             &tpl_err) != 0
            || page_tpl_set_check(set, &tpl_err) != 0)
        {
            goto failed;
        }

        if (d == NULL) {
            d = page_arena_calloc(a, 1, sizeof(page_sc_inline_t));
            if (d == NULL) {
                page_error_nomem(err, run->path);
                return -1;
            }
            d->name = node->name.data;
            d->len = node->name.len;
            d->next = run->inlines;
            run->inlines = d;
        }

        d->set = set;

    } else if (d == NULL) {
        page_error_set(err, PAGE_ERR_TEMPLATE, run->path, node->line,
                       node->col, "failed to render shortcode \"%.*s\": no "
                       "earlier definition of shortcode \"%.*s\" found",
                       (int) node->name.len, node->name.data,
                       (int) node->name.len, node->name.data);
        return -1;
    }

    ctx = page_sc_context(run, node, parent);
    v = page_value_string_ref(a, PAGE_HTML, node->inner ? node->inner : "",
                              node->inner_len);
    if (ctx == NULL || v == NULL
        || page_sc_set(a, ctx, "Inner", v) != 0
        || page_sc_set(a, ctx, "InnerDeindent", v) != 0)
    {
        page_error_nomem(err, run->path);
        return -1;
    }

    page_buf_init(&result, a, run->env->max_output);

    rc = page_tpl_execute(d->set, name, ctx, run->env, &result, &tpl_err);
    if (rc != 0) {
        goto failed;
    }

    page_buf_append(out, result.data ? result.data : "", result.len);
    return 0;

failed:

    page_error_set(err, tpl_err.status == PAGE_ERR_NOMEM
                        ? PAGE_ERR_NOMEM : PAGE_ERR_TEMPLATE,
                   run->path, node->line, node->col,
                   "failed to render shortcode \"%.*s\": %s",
                   (int) node->name.len, node->name.data, tpl_err.msg);
    return -1;
}


static int
page_sc_call(page_sc_run_t *run, page_sc_node_t *node, page_value_t *parent,
    unsigned level, page_buf_t *out, int *v1p, page_error_t *err)
{
    int                   takes_inner, v1, rc;
    const char           *tpl;
    page_buf_t            inner, deindent, result;
    page_arena_t         *a = run->env->arena;
    page_error_t          tpl_err;
    page_value_t         *ctx, *v, *dv;
    page_sc_node_t       *child;
    const page_sc_tpl_t  *t;

    if (page_sc_is_inline(node->name.data, node->name.len)) {
        return page_sc_inline(run, node, parent, out, err);
    }

    t = page_sc_template(run, node->name.data, node->name.len);
    tpl = t->tpl;
    takes_inner = t->inner;
    v1 = t->v1;

    if (tpl == NULL) {
        page_error_set(err, PAGE_ERR_CONTENT, run->path, node->line,
                       node->col, "template for shortcode \"%.*s\" not found",
                       (int) node->name.len, node->name.data);
        return -1;
    }

    if (v1p != NULL) {
        *v1p = v1;
    }

    ctx = page_sc_context(run, node, parent);
    if (ctx == NULL) {
        page_error_nomem(err, run->path);
        return -1;
    }

    /* the children first, into this call's inner */

    page_buf_init(&inner, a, PAGE_SC_MAX_INNER);

    for (child = node->children; child != NULL; child = child->next) {
        if (!child->is_call) {
            page_buf_append(&inner, child->text, child->len);
            continue;
        }

        if (page_sc_call(run, child, ctx, level + 1, &inner, NULL, err)
            != 0)
        {
            return -1;
        }
    }

    if (page_buf_failed(&inner)) {
        page_error_set(err, PAGE_ERR_LIMIT, run->path, node->line, node->col,
                       "inner of shortcode \"%.*s\" larger than %d bytes",
                       (int) node->name.len, node->name.data,
                       PAGE_SC_MAX_INNER);
        return -1;
    }

    if (node->markdown && (level > 0 || v1)
        && page_sc_markdown_inner(run, &inner, err) != 0)
    {
        return -1;
    }

    v = page_value_string_ref(a, PAGE_HTML, inner.data ? inner.data : "",
                              inner.len);
    dv = v;

    if (node->indent_len) {
        /* without an indent .InnerDeindent is .Inner: no copy */
        page_buf_init(&deindent, a, 0);
        page_sc_deindent(&deindent, inner.data ? inner.data : "",
                         inner.len, node->indent, node->indent_len);
        dv = page_value_string_ref(a, PAGE_HTML,
                                   deindent.data ? deindent.data : "",
                                   deindent.len);
    }

    if (page_sc_set(a, ctx, "Inner", v) != 0
        || page_sc_set(a, ctx, "InnerDeindent", dv) != 0)
    {
        page_error_nomem(err, run->path);
        return -1;
    }

    page_buf_init(&result, a, run->env->max_output);
    page_error_init(&tpl_err);

    rc = page_tpl_execute(page_templates_partials(run->data->templates), tpl,
                          ctx, run->env, &result, &tpl_err);
    if (rc != 0) {
        page_error_set(err, tpl_err.status == PAGE_ERR_NOMEM
                            ? PAGE_ERR_NOMEM : PAGE_ERR_TEMPLATE,
                       run->path, node->line, node->col,
                       "failed to render shortcode \"%.*s\": %s",
                       (int) node->name.len, node->name.data, tpl_err.msg);
        return -1;
    }

    if (!takes_inner && node->indent_len) {
        page_sc_indent(out, result.data ? result.data : "", result.len,
                       node->indent, node->indent_len);

    } else {
        page_buf_append(out, result.data ? result.data : "", result.len);
    }

    return 0;
}


/*
 * Output n of the page waits behind PREFIX n "Z"; n is the call's ordinal
 * among the top-level calls, as in Hugo's HAHAHUGOSHORTCODE-s<n>-HBHB.
 */
static int
page_sc_placeholder(page_sc_run_t *run, page_buf_t *md, unsigned n,
    const char *s, size_t len)
{
    size_t       cap;
    page_str_t  *outputs;

    if (n >= run->cap) {
        cap = run->cap ? run->cap * 2 : 16;
        while (cap <= n) {
            cap *= 2;
        }

        outputs = page_arena_realloc(run->env->arena, run->outputs,
                                     run->cap * sizeof(page_str_t),
                                     cap * sizeof(page_str_t));
        if (outputs == NULL) {
            return -1;
        }

        memset(outputs + run->cap, 0, (cap - run->cap) * sizeof(page_str_t));
        run->outputs = outputs;
        run->cap = cap;
    }

    run->outputs[n].data = s;
    run->outputs[n].len = len;

    if (n >= run->noutputs) {
        run->noutputs = n + 1;
    }

    page_buf_append(md, run->prefix, run->prefix_len);
    page_buf_put_uint(md, n);
    page_buf_putc(md, 'Z');

    return 0;
}


int
page_sc_expand(page_sc_run_t *run, page_sc_node_t *nodes, page_buf_t *md,
    page_error_t *err)
{
    int              v1;
    page_buf_t       out;
    page_sc_node_t  *node;

    page_sc_init_prefix(run);

    for (node = nodes; node != NULL; node = node->next) {

        if (!node->is_call) {
            page_buf_append(md, node->text, node->len);
            continue;
        }

        page_buf_init(&out, run->env->arena, run->env->max_output);

        /* the call reports the template's v1 flag: no second lookup */
        v1 = 0;

        if (page_sc_call(run, node, NULL, 0, &out, &v1, err) != 0) {
            return -1;
        }

        if (node->markdown && !v1) {
            page_buf_append(md, out.data ? out.data : "", out.len);
            continue;
        }

        if (page_sc_placeholder(run, md, node->ordinal,
                                out.data ? out.data : "", out.len)
            != 0)
        {
            page_error_nomem(err, run->path);
            return -1;
        }
    }

    if (page_buf_failed(md)) {
        page_error_set(err, PAGE_ERR_LIMIT, run->path, 0, 0,
                       "page source with shortcode output is too large");
        return -1;
    }

    return 0;
}


/*
 * Is there a placeholder at p: its number in *n and its end in *end.
 * lower: the lower-cased form heading ids and their links carry.
 */
static int
page_sc_match(page_sc_run_t *run, const char *p, const char *last,
    int lower, size_t *n, const char **end)
{
    size_t       i, v;
    const char  *q;

    if ((size_t) (last - p) <= run->prefix_len + 1) {
        return 0;
    }

    for (i = 0; i < run->prefix_len; i++) {
        char  c = run->prefix[i];

        if (lower && c >= 'A' && c <= 'Z') {
            c += 'a' - 'A';
        }

        if (p[i] != c) {
            return 0;
        }
    }

    v = 0;
    for (q = p + i; q < last && *q >= '0' && *q <= '9' && q - p - i < 9; q++) {
        v = v * 10 + (size_t) (*q - '0');
    }

    if (q == p + i || q == last || *q != (lower ? 'z' : 'Z')
        || v >= run->noutputs)
    {
        return 0;
    }

    *n = v;
    *end = q + 1;

    return 1;
}


int
page_sc_substitute(page_sc_run_t *run, const char *html, size_t len,
    page_buf_t *out)
{
    size_t       n;
    const char  *p, *last, *start, *end;

    if (run->noutputs == 0) {
        page_buf_append(out, html, len);
        return page_buf_failed(out) ? -1 : 0;
    }

    start = html;
    last = html + len;

    for (p = html; p < last; p++) {

        if (*p == 'p' && page_sc_match(run, p, last, 1, &n, &end)) {
            /* in an id or a link to one: Hugo's own placeholder text */
            page_buf_append(out, start, (size_t) (p - start));
            page_buf_puts(out, "hahahugoshortcodes");
            page_buf_put_uint(out, n);
            page_buf_puts(out, "hbhb");
            start = end;
            p = end - 1;
            continue;
        }

        if (*p != 'P' || !page_sc_match(run, p, last, 0, &n, &end)) {
            continue;
        }

        /* exactly <p>PH</p> loses its paragraph */

        if (p - start >= 3 && memcmp(p - 3, "<p>", 3) == 0
            && last - end >= 4 && memcmp(end, "</p>", 4) == 0)
        {
            page_buf_append(out, start, (size_t) (p - 3 - start));
            end += 4;

        } else {
            page_buf_append(out, start, (size_t) (p - start));
        }

        page_buf_append(out, run->outputs[n].data, run->outputs[n].len);

        start = end;
        p = end - 1;
    }

    page_buf_append(out, start, (size_t) (last - start));

    return page_buf_failed(out) ? -1 : 0;
}


/* ---- methods of shortcode contexts and scratch pads ---- */

#define page_sc_is(name, len, lit) \
    ((len) == sizeof(lit) - 1 && memcmp(name, lit, sizeof(lit) - 1) == 0)


static int
page_sc_get(page_tpl_state_t *st, page_value_t *ctx, page_value_t **args,
    size_t nargs, page_value_t **res)
{
    int64_t        i;
    page_value_t  *params, *v;

    if (nargs != 1) {
        return page_tpl_fail(st, ".Get: want one key");
    }

    params = page_map_gets(ctx, "Params");
    *res = NULL;

    if (params == NULL
        || (params->type == PAGE_LIST && params->u.list.n == 0)
        || (params->type == PAGE_MAP && params->u.map.n == 0))
    {
        return 0;
    }

    if (args[0] != NULL && args[0]->type == PAGE_INT
        && params->type == PAGE_LIST)
    {
        i = args[0]->u.i;
        if (i < 0) {
            /*
             * Hugo indexes the slice with it: Go's panic, as its error
             * (methods have no "error calling" prefix of the engine's)
             */
            return page_tpl_fail(st, "error calling Get: reflect: slice "
                                 "index out of range");
        }
        *res = (uint64_t) i < params->u.list.n
               ? params->u.list.items[i]
               : page_value_string(page_tpl_arena(st), "", 0);
        return 0;
    }

    if (page_tpl_is_str(args[0]) && params->type == PAGE_MAP) {
        v = page_map_get(params, args[0]->u.s.data, args[0]->u.s.len);
        *res = v ? v : page_value_string(page_tpl_arena(st), "", 0);
        return 0;
    }

    return 0;
}


/*
 * Is map a shortcode context or a scratch pad (by mark): both are made
 * with their mark as the first key, so that this test, made for every
 * field read on every map, does not search the map.
 */
#define page_sc_marked(m, mark)                                              \
    ((m)->u.map.n != 0                                                       \
     && (m)->u.map.items[0].key.len == sizeof(mark) - 1                      \
     && memcmp((m)->u.map.items[0].key.data, mark, sizeof(mark) - 1) == 0)


int
page_sc_method(page_tpl_state_t *st, page_data_t *d, page_value_t *recv,
    const char *name, size_t len, page_value_t **args, size_t nargs,
    page_value_t **res)
{
    (void) d;

    if (recv == NULL || recv->type != PAGE_MAP) {
        return 1;
    }

    if (page_sc_marked(recv, PAGE_SCRATCH_MARK)) {
        /* Hugo's Scratch: page_fn_collections_scratch.c */
        return page_fn_scratch_method(st, recv, name, len, args, nargs, res);
    }

    if (page_sc_marked(recv, PAGE_SC_MARK) && page_sc_is(name, len, "Get"))
    {
        return page_sc_get(st, recv, args, nargs, res);
    }

    return 1;
}
