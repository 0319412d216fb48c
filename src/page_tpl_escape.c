/*
 * page_tpl_escape: contextual escaping as Go's html/template does it.
 *
 * At configuration time (page_tpl_set_check) each template is walked with
 * an HTML parser state ("context": text, tag, attribute name or value, URL,
 * script, style, comment, ...).  Every {{action}} gets the list of escapers
 * its context needs; HTML comments (and JS/CSS comments outside attributes)
 * are removed from the template text; a {{template}} called in a context
 * other than HTML text gets its own escaped copy of the called template.
 * At run time page_tpl_escape_value() applies one escaper to a value;
 * values of a safe content type (PAGE_HTML, safeURL, ...) pass where that
 * type is safe.
 */

#include <stdio.h>
#include <string.h>

#include <strings.h>

#include "page_tpl_int.h"

/* context states */
enum {
    S_TEXT = 0, S_TAG, S_ATTRNAME, S_AFTERNAME, S_BEFOREVAL, S_HTMLCMT,
    S_RCDATA, S_ATTR, S_URL, S_SRCSET, S_JS, S_JSDQ, S_JSSQ, S_JSTMPL,
    S_JSLINECMT, S_JSBLOCKCMT, S_CSS, S_CSSDQ, S_CSSSQ, S_CSSCMT, S_JSRE,
    S_JSRECLASS, S_CSSURL, S_CSSDQURL, S_CSSSQURL
};

/* attribute value delimiters */
enum { D_NONE = 0, D_DQ, D_SQ, D_SPACE };

/* where in a URL */
enum { U_NONE = 0, U_PRE, U_QUERY, U_UNKNOWN };

/* attribute types; A_SCRIPTTYPE: the type attribute of a <script> */
enum { A_NONE = 0, A_URL, A_JS, A_CSS, A_SRCSET, A_SCRIPTTYPE };

/* elements whose content is not HTML */
enum { E_NONE = 0, E_SCRIPT, E_STYLE, E_TEXTAREA, E_TITLE };

typedef struct {
    unsigned  state;
    unsigned  delim;
    unsigned  url;
    unsigned  attr;
    unsigned  elem;
    unsigned  jsdiv;    /* in JS, what a '/' starts: J_* */
    unsigned  tmpl;     /* in a template literal's ${ }: its braces + 1 */
} page_tpl_ctx_t;

/*
 * Deepest braces inside one ${ } of a JS template literal that are
 * followed (current Go tracks them); beyond, "}" ends nothing more.  One
 * level of ${ } only: a literal inside one is a plain literal.
 */
#define PAGE_TPL_MAX_TMPL_BRACES  14

/* Go's jsCtx: a '/' starts a regexp, divides, or (branches joined) either */
enum { J_REGEXP = 0, J_DIVOP, J_UNKNOWN };

#define CTX_PACK(c) \
    ((c).state | ((c).delim << 8) | ((c).url << 12) | ((c).attr << 16) \
     | ((c).elem << 20) | ((c).jsdiv << 24) | ((c).tmpl << 26))

static void page_tpl_ctx_print(char *buf, size_t size,
    const page_tpl_ctx_t *c);

/*
 * Deepest chain of {{template}} calls followed while escaping; deeper
 * chains are assumed to end where they start (as for recursion).
 */
#define PAGE_TPL_MAX_ESC_DEPTH  64

/*
 * Ranges nested in a range body's dry rerun that get a rerun of their own
 * (each level doubles the work, as in Go); deeper ones are taken to end
 * where their first pass does.
 */
#define PAGE_TPL_MAX_DRY_DEPTH  8

typedef struct {
    page_tpl_set_t   *set;
    page_error_t     *err;
    page_tpl_tree_t  *tree;
    unsigned          depth;
    int               failed;
    int               dry;      /* contexts only: a range body's rerun */
    int               reentry;  /* joining a range body with its rerun */
    unsigned          dry_depth;    /* PAGE_TPL_MAX_DRY_DEPTH */
} page_tpl_esc_state_t;

static int page_tpl_esc_list(page_tpl_esc_state_t *es, page_tpl_node_t *list,
    page_tpl_ctx_t *c);


static page_tpl_ctx_t
page_tpl_ctx_unpack(unsigned u)
{
    page_tpl_ctx_t  c;

    c.state = u & 0xff;
    c.delim = (u >> 8) & 0xf;
    c.url = (u >> 12) & 0xf;
    c.attr = (u >> 16) & 0xf;
    c.elem = (u >> 20) & 0xf;
    c.jsdiv = (u >> 24) & 0x3;
    c.tmpl = (u >> 26) & 0xf;
    return c;
}


static int
page_tpl_esc_fail(page_tpl_esc_state_t *es, const page_tpl_node_t *n,
    const char *msg)
{
    if (!es->failed) {
        es->failed = 1;
        page_error_set(es->err, PAGE_ERR_TEMPLATE, es->tree->path,
                       n ? n->line : 0, n ? n->col : 0,
                       "template: %s: %s", es->tree->name, msg);
    }
    return -1;
}


/* ---- the HTML state machine over template text ---- */

static int
page_tpl_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}


static int
page_tpl_is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}


static int
page_tpl_prefix_ci(const char *s, size_t len, const char *p)
{
    size_t  i, n = strlen(p);
    char    c;

    if (len < n) {
        return 0;
    }
    for (i = 0; i < n; i++) {
        c = s[i];
        if (c >= 'A' && c <= 'Z') {
            c += 'a' - 'A';
        }
        if (c != p[i]) {
            return 0;
        }
    }
    return 1;
}


static const char *
page_tpl_elem_name(unsigned e)
{
    switch (e) {
    case E_SCRIPT:   return "script";
    case E_STYLE:    return "style";
    case E_TEXTAREA: return "textarea";
    case E_TITLE:    return "title";
    default:         return NULL;
    }
}


/* Go's attrType: what an attribute's value is. */
static unsigned
page_tpl_attr_type(const char *name, size_t len)
{
    char         buf[64];
    size_t       i;
    const char  *n, *colon;
    static const char  *urls[] = {
        "action", "archive", "background", "cite", "classid", "codebase",
        "data", "formaction", "href", "icon", "longdesc", "manifest",
        "poster", "profile", "src", "usemap", "xmlns", NULL
    };

    if (len == 0 || len >= sizeof(buf)) {
        return A_NONE;
    }

    for (i = 0; i < len; i++) {
        buf[i] = (name[i] >= 'A' && name[i] <= 'Z') ? name[i] + 32 : name[i];
    }
    buf[len] = '\0';
    n = buf;

    if (strncmp(n, "data-", 5) == 0) {
        n += 5;
    } else if ((colon = strchr(n, ':')) != NULL) {
        if (strncmp(n, "xmlns", 5) == 0 && colon == n + 5) {
            return A_URL;
        }
        n = colon + 1;
    }

    for (i = 0; urls[i] != NULL; i++) {
        if (strcmp(n, urls[i]) == 0) {
            return A_URL;
        }
    }

    if (strcmp(n, "style") == 0) {
        return A_CSS;
    }

    if (strcmp(n, "srcset") == 0) {
        return A_SRCSET;
    }

    if (strncmp(n, "on", 2) == 0) {
        return A_JS;
    }

    if (strstr(n, "src") != NULL || strstr(n, "uri") != NULL
        || strstr(n, "url") != NULL)
    {
        return A_URL;
    }

    return A_NONE;
}


/* At '<' in text: a start or end tag?  Sets c and returns bytes eaten. */
static size_t
page_tpl_tag_open(page_tpl_ctx_t *c, const char *s, size_t len)
{
    size_t    i, start;
    int       end;
    unsigned  e;

    i = 1;
    end = 0;
    if (i < len && s[i] == '/') {
        end = 1;
        i++;
    }

    if (i >= len || !page_tpl_is_alpha(s[i])) {
        return 0;
    }

    start = i;
    while (i < len && !page_tpl_is_space(s[i]) && s[i] != '>'
           && s[i] != '/')
    {
        i++;
    }

    e = E_NONE;
    if (!end) {
        for (e = E_SCRIPT; e <= E_TITLE; e++) {
            if (strlen(page_tpl_elem_name(e)) == i - start
                && page_tpl_prefix_ci(s + start, i - start,
                                      page_tpl_elem_name(e)))
            {
                break;
            }
        }
        if (e > E_TITLE) {
            e = E_NONE;
        }
    }

    c->state = S_TAG;
    c->elem = e;
    c->attr = A_NONE;
    return i;
}


/* In script/style/rcdata: does s start the element's end tag. */
static int
page_tpl_end_tag(const page_tpl_ctx_t *c, const char *s, size_t len)
{
    const char  *name;
    size_t       n;

    name = page_tpl_elem_name(c->elem);
    if (name == NULL || c->delim != D_NONE || len < 2 || s[0] != '<'
        || s[1] != '/')
    {
        return 0;
    }

    n = strlen(name);
    return page_tpl_prefix_ci(s + 2, len - 2, name)
           && (len == n + 2 || !page_tpl_is_alpha(s[n + 2]));
}


static int
page_tpl_is_comment(unsigned state)
{
    return state == S_HTMLCMT || state == S_JSLINECMT
           || state == S_JSBLOCKCMT || state == S_CSSCMT;
}


/* The state of an attribute value of this type. */
static unsigned
page_tpl_value_state(unsigned attr)
{
    switch (attr) {
    case A_URL:    return S_URL;
    case A_JS:     return S_JS;
    case A_CSS:    return S_CSS;
    case A_SRCSET: return S_SRCSET;
    default:       return S_ATTR;
    }
}


/*
 * One step of the machine at s[0]: updates c, returns the bytes consumed
 * (at least 1) and in *strip whether they are comment bytes to drop.
 */
static size_t
page_tpl_step(page_tpl_ctx_t *c, const char *s, size_t len, int *strip)
{
    size_t  n;
    char    ch = s[0];

    *strip = 0;

    /* the end of an attribute value */
    if (c->delim != D_NONE) {
        if ((c->delim == D_DQ && ch == '"') || (c->delim == D_SQ && ch == '\'')
            || (c->delim == D_SPACE && (page_tpl_is_space(ch) || ch == '>')))
        {
            n = c->delim == D_SPACE ? 0 : 1;
            c->state = S_TAG;
            c->jsdiv = 0;
            c->tmpl = 0;
            c->delim = D_NONE;
            c->url = U_NONE;
            c->attr = A_NONE;
            return n;
        }
    }

    if (page_tpl_end_tag(c, s, len)) {
        c->state = S_TEXT;
        c->jsdiv = 0;
        c->tmpl = 0;
        c->elem = E_NONE;
        c->attr = A_NONE;
        return page_tpl_tag_open(c, s, len);
    }

    switch (c->state) {
    case S_TEXT:
        if (ch == '<') {
            if (len >= 4 && memcmp(s, "<!--", 4) == 0) {
                c->state = S_HTMLCMT;
                *strip = 1;
                return 4;
            }
            n = page_tpl_tag_open(c, s, len);
            if (n > 0) {
                return n;
            }
        }
        return 1;

    case S_HTMLCMT:
        *strip = 1;
        if (len >= 3 && memcmp(s, "-->", 3) == 0) {
            c->state = S_TEXT;
            return 3;
        }
        return 1;

    case S_TAG:
        if (page_tpl_is_space(ch) || ch == '/') {
            return 1;
        }
        if (ch == '>') {
            c->jsdiv = 0;
            c->state = c->elem == E_SCRIPT ? S_JS
                       : c->elem == E_STYLE ? S_CSS
                       : c->elem != E_NONE ? S_RCDATA : S_TEXT;
            return 1;
        }
        for (n = 0; n < len && !page_tpl_is_space(s[n]) && s[n] != '='
             && s[n] != '>' && (s[n] != '/' || n == 0); n++)
        {
            /* the attribute name */
        }
        c->attr = page_tpl_attr_type(s, n);
        if (c->elem == E_SCRIPT && n == 4 && strncasecmp(s, "type", 4) == 0)
        {
            c->attr = A_SCRIPTTYPE;
        }
        c->state = n == len ? S_ATTRNAME : S_AFTERNAME;
        return n;

    case S_ATTRNAME:
        if (ch == '=') {
            c->state = S_BEFOREVAL;
            return 1;
        }
        if (page_tpl_is_space(ch) || ch == '>' || ch == '/') {
            c->state = S_AFTERNAME;
            return 0;
        }
        return 1;

    case S_AFTERNAME:
        if (page_tpl_is_space(ch)) {
            return 1;
        }
        if (ch == '=') {
            c->state = S_BEFOREVAL;
            return 1;
        }
        c->state = S_TAG;
        c->attr = A_NONE;
        return 0;

    case S_BEFOREVAL:
        if (page_tpl_is_space(ch)) {
            return 1;
        }
        c->state = page_tpl_value_state(c->attr);
        c->url = U_NONE;
        c->jsdiv = 0;
        if (ch == '"' || ch == '\'') {
            c->delim = ch == '"' ? D_DQ : D_SQ;
            return 1;
        }
        c->delim = D_SPACE;
        return 0;

    case S_RCDATA:
    case S_ATTR:
    case S_SRCSET:
        return 1;

    case S_URL:
        if (ch == '?' || ch == '#') {
            c->url = U_QUERY;
        } else if (!page_tpl_is_space(ch) && c->url == U_NONE) {
            c->url = U_PRE;
        }
        return 1;

    case S_JS:
        if (ch == '"') {
            c->state = S_JSDQ;
        } else if (ch == '\'') {
            c->state = S_JSSQ;
        } else if (ch == '`') {
            c->state = S_JSTMPL;
        } else if (c->tmpl && ch == '}' && c->tmpl == 1) {
            c->state = S_JSTMPL;        /* the end of ${ ... } */
            c->tmpl = 0;
        } else if (c->tmpl && (ch == '{' || ch == '}')) {
            if (ch == '}') {
                c->tmpl--;
            } else if (c->tmpl <= PAGE_TPL_MAX_TMPL_BRACES) {
                c->tmpl++;
            }
            c->jsdiv = 0;
        } else if (ch == '/' && len > 1 && (s[1] == '/' || s[1] == '*')) {
            c->state = s[1] == '/' ? S_JSLINECMT : S_JSBLOCKCMT;
            *strip = c->delim == D_NONE;
            return 2;
        } else if (ch == '/') {
            if (c->jsdiv != J_DIVOP) {
                c->state = S_JSRE;          /* a regular expression */
            }
            c->jsdiv = 0;
        } else if (!page_tpl_is_space(ch)) {
            /* after a name, number or closing bracket '/' divides */
            c->jsdiv = page_tpl_is_alpha(ch) || (ch >= '0' && ch <= '9')
                       || ch == '_' || ch == '$' || ch == ')' || ch == ']'
                       || (unsigned char) ch >= 0x80;
        }
        return 1;

    case S_JSDQ:
    case S_JSSQ:
    case S_JSTMPL:
        if (ch == '\\') {
            return len > 1 ? 2 : 1;
        }
        if ((c->state == S_JSDQ && ch == '"')
            || (c->state == S_JSSQ && ch == '\'')
            || (c->state == S_JSTMPL && ch == '`'))
        {
            c->state = S_JS;
            c->jsdiv = 1;
        } else if (c->state == S_JSTMPL && ch == '$' && len > 1
                   && s[1] == '{' && c->tmpl == 0)
        {
            /* current Go: ${ ... } in a template literal is JavaScript */
            c->state = S_JS;
            c->jsdiv = 0;
            c->tmpl = 1;
            return 2;
        }
        return 1;

    case S_JSRE:
    case S_JSRECLASS:
        if (ch == '\\') {
            return len > 1 ? 2 : 1;
        }
        if (ch == '[') {
            c->state = S_JSRECLASS;
        } else if (ch == ']' && c->state == S_JSRECLASS) {
            c->state = S_JSRE;
        } else if (ch == '/' && c->state == S_JSRE) {
            c->state = S_JS;
            c->jsdiv = 1;
        }
        return 1;

    case S_JSLINECMT:
        if (ch == '\n') {
            c->state = S_JS;
            return 1;
        }
        *strip = c->delim == D_NONE;
        return 1;

    case S_JSBLOCKCMT:
    case S_CSSCMT:
        *strip = c->delim == D_NONE;
        if (ch == '*' && len > 1 && s[1] == '/') {
            c->state = c->state == S_CSSCMT ? S_CSS : S_JS;
            return 2;
        }
        return 1;

    case S_CSS:
        if ((ch == 'u' || ch == 'U') && page_tpl_prefix_ci(s, len, "url(")) {
            /* url( ... ): a URL, quoted or not */
            for (n = 4; n < len && page_tpl_is_space(s[n]); n++) {
                /* skip */
            }
            c->url = U_NONE;
            if (n < len && (s[n] == '"' || s[n] == '\'')) {
                c->state = s[n] == '"' ? S_CSSDQURL : S_CSSSQURL;
                return n + 1;
            }
            c->state = S_CSSURL;
            return n;
        }
        if (ch == '"') {
            c->state = S_CSSDQ;
        } else if (ch == '\'') {
            c->state = S_CSSSQ;
        } else if (ch == '/' && len > 1 && s[1] == '*') {
            c->state = S_CSSCMT;
            *strip = c->delim == D_NONE;
            return 2;
        }
        return 1;

    case S_CSSURL:
    case S_CSSDQURL:
    case S_CSSSQURL:
        if ((c->state == S_CSSURL && (ch == ')' || page_tpl_is_space(ch)))
            || (c->state == S_CSSDQURL && ch == '"')
            || (c->state == S_CSSSQURL && ch == '\''))
        {
            c->state = S_CSS;
            c->url = U_NONE;
            return 1;
        }
        if (ch == '?' || ch == '#') {
            c->url = U_QUERY;
        } else if (c->url == U_NONE) {
            c->url = U_PRE;
        }
        return ch == '\\' && len > 1 ? 2 : 1;

    case S_CSSDQ:
    case S_CSSSQ:
        if (ch == '\\') {
            return len > 1 ? 2 : 1;
        }
        if ((c->state == S_CSSDQ && ch == '"')
            || (c->state == S_CSSSQ && ch == '\''))
        {
            c->state = S_CSS;
        }
        return 1;
    }

    return 1;
}


/* Go's isJSType: the script types whose content is JavaScript. */
static int
page_tpl_is_js_type(const char *s, size_t len)
{
    char         buf[32];
    size_t       i, n;
    const char  *semi;
    static const char  *types[] = {
        "application/ecmascript", "application/javascript",
        "application/json", "application/ld+json",
        "application/x-ecmascript", "application/x-javascript", "module",
        "text/ecmascript", "text/javascript", "text/javascript1.0",
        "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
        "text/javascript1.4", "text/javascript1.5", "text/jscript",
        "text/livescript", "text/x-ecmascript", "text/x-javascript", NULL
    };

    semi = memchr(s, ';', len);
    if (semi != NULL) {
        len = (size_t) (semi - s);              /* parameters dropped */
    }

    while (len > 0 && page_tpl_is_space(s[0])) {
        s++;
        len--;
    }
    while (len > 0 && page_tpl_is_space(s[len - 1])) {
        len--;
    }

    if (len >= sizeof(buf)) {
        return 0;
    }

    for (n = 0; n < len; n++) {
        buf[n] = (s[n] >= 'A' && s[n] <= 'Z') ? s[n] + 32 : s[n];
    }
    buf[n] = '\0';

    for (i = 0; types[i] != NULL; i++) {
        if (strcmp(buf, types[i]) == 0) {
            return 1;
        }
    }

    return 0;
}


/*
 * In the value of a <script>'s type attribute: where the value ends in
 * this text, a type that is not JavaScript makes the element's content
 * HTML, as Go's contextAfterText does with the text up to the delimiter.
 */
static void
page_tpl_script_type(page_tpl_ctx_t *c, const char *s, size_t len)
{
    size_t  i;

    for (i = 0; i < len; i++) {
        if ((c->delim == D_DQ && s[i] == '"')
            || (c->delim == D_SQ && s[i] == '\'')
            || (c->delim == D_SPACE
                && (page_tpl_is_space(s[i]) || s[i] == '>')))
        {
            break;
        }
    }

    if (i == len) {
        return;                         /* it ends in a later text */
    }

    if (!page_tpl_is_js_type(s, i)) {
        c->elem = E_NONE;
    }
    c->attr = A_NONE;                   /* checked */
}


/*
 * Run the machine over one text node and rewrite it as Go's escaper does:
 * comments go (a JS or CSS block comment leaves a space, or a newline
 * when it held one), and a "<" in text that starts no tag becomes "&lt;".
 */
static int
page_tpl_esc_text(page_tpl_esc_state_t *es, page_tpl_node_t *n,
    page_tpl_ctx_t *c)
{
    size_t       i, j, k, guard, olen;
    int          strip, any, was_text, block, newline;
    char        *out;
    unsigned     before;
    const char  *s = n->src;
    size_t       len = n->src_len;

    if (es->dry) {
        /* the contexts only, the node stays as it is */
        for (i = 0, guard = 0; i < len; i += k) {
            if (c->attr == A_SCRIPTTYPE && c->state == S_ATTR) {
                page_tpl_script_type(c, s + i, len - i);
            }
            k = page_tpl_step(c, s + i, len - i, &strip);
            if (k == 0 && ++guard > 4) {
                k = 1;
            } else if (k != 0) {
                guard = 0;
            }
            if (k > len - i) {
                k = len - i;
            }
        }
        return 0;
    }

    /* "<" -> "&lt;" at most quadruples the text */
    out = page_arena_alloc(es->set->arena, len * 4 + 1);
    if (out == NULL) {
        page_error_nomem(es->err, es->tree->path);
        es->failed = 1;
        return -1;
    }

    olen = 0;
    any = 0;
    guard = 0;
    block = 0;          /* 1: a JS or CSS block comment is being dropped */
    newline = 0;

    for (i = 0; i < len; ) {
        before = c->state;
        was_text = (before == S_TEXT || before == S_RCDATA) && s[i] == '<';

        if (page_tpl_is_comment(c->state) && c->delim == D_NONE) {
            strip = 1;
        }
        if (c->attr == A_SCRIPTTYPE && c->state == S_ATTR) {
            page_tpl_script_type(c, s + i, len - i);
        }
        k = page_tpl_step(c, s + i, len - i, &strip);
        if (k == 0) {
            /* a state change without input; never twice in a row */
            if (++guard > 4) {
                k = 1;
            } else {
                continue;
            }
        }
        guard = 0;
        if (k > len - i) {
            k = len - i;
        }

        if (strip) {
            any = 1;

            if (before == S_JSBLOCKCMT || c->state == S_JSBLOCKCMT
                || before == S_CSSCMT || c->state == S_CSSCMT)
            {
                block = block ? block : (before == S_CSSCMT
                                         || c->state == S_CSSCMT) ? 2 : 1;
                for (j = i; j < i + k; j++) {
                    newline |= s[j] == '\n' || s[j] == '\r';
                }
            }

            i += k;
            continue;
        }

        if (block) {
            out[olen++] = block == 1 && newline ? '\n' : ' ';
            block = 0;
            newline = 0;
        }

        if (was_text && k == 1 && (c->state == S_TEXT || c->state == S_RCDATA)
            && !(len - i >= 9 && strncasecmp(s + i, "<!DOCTYPE", 9) == 0))
        {
            memcpy(out + olen, "&lt;", 4);
            olen += 4;
            any = 1;
            i++;
            continue;
        }

        memcpy(out + olen, s + i, k);
        olen += k;
        i += k;
    }

    if (block) {
        out[olen++] = block == 1 && newline ? '\n' : ' ';
    }

    out[olen] = '\0';
    n->u.text.data = any ? out : n->src;
    n->u.text.len = any ? olen : len;

    return 0;
}


/* ---- actions ---- */

/* The name of the function a pipeline ends in, or NULL. */
static const char *
page_tpl_last_func(const page_tpl_node_t *pipe)
{
    const page_tpl_node_t  *cmd, *f;

    if (pipe->u.pipe.ncmds == 0) {
        return NULL;
    }

    cmd = pipe->u.pipe.cmds[pipe->u.pipe.ncmds - 1];
    f = cmd->u.cmd.args[0];

    return f->type == TPL_N_FUNC && f->u.func.func != NULL
           ? f->u.func.func->name : NULL;
}


/*
 * Go refuses html and urlquery anywhere but at the end of a pipeline, and
 * html in an unquoted attribute: the escaper could not fix their output.
 */
static int
page_tpl_predefined(page_tpl_esc_state_t *es, const page_tpl_node_t *n,
    const page_tpl_ctx_t *c)
{
    size_t                  i;
    const char             *name;
    const page_tpl_node_t  *pipe, *f;
    char                    msg[128];

    pipe = n->u.action.pipe;

    for (i = 0; i < pipe->u.pipe.ncmds; i++) {
        f = pipe->u.pipe.cmds[i]->u.cmd.args[0];
        if (f->type != TPL_N_FUNC || f->u.func.func == NULL) {
            continue;
        }
        name = f->u.func.func->name;
        if (strcmp(name, "html") != 0 && strcmp(name, "urlquery") != 0) {
            continue;
        }
        if (i + 1 < pipe->u.pipe.ncmds
            || (c->state == S_ATTR && c->delim == D_SPACE
                && strcmp(name, "html") == 0))
        {
            snprintf(msg, sizeof(msg), "predefined escaper \"%s\" "
                     "disallowed in template", name);
            return page_tpl_esc_fail(es, f, msg);
        }
    }

    return 0;
}


/*
 * Go's error for an action after a branch that may or may not have left
 * the URL's query: the action as Go prints it ({{.Params.x}}, white space
 * runs outside quotes as one space).
 */
static int
page_tpl_esc_ambiguous(page_tpl_esc_state_t *es, const page_tpl_node_t *n)
{
    char         msg[192], q;
    size_t       i, k, len;
    const char  *src;

    src = n->u.action.pipe->src;
    len = n->u.action.pipe->src_len;
    while (len > 0 && page_tpl_is_space(src[len - 1])) {
        len--;
    }

    k = 0;
    q = '\0';
    memcpy(msg, "{{", 2);
    k = 2;
    for (i = 0; i < len && k < 80; i++) {
        if (q == '\0' && page_tpl_is_space(src[i])) {
            if (k > 2 && msg[k - 1] != ' ') {
                msg[k++] = ' ';
            }
            continue;
        }
        if (q == '\0' && (src[i] == '"' || src[i] == '`')) {
            q = src[i];
        } else if (q != '\0' && src[i] == q) {
            q = '\0';
        } else if (q == '"' && src[i] == '\\' && i + 1 < len) {
            msg[k++] = src[i++];
        }
        msg[k++] = src[i];
    }

    snprintf(msg + k, sizeof(msg) - k, "}} appears in an ambiguous context "
             "within a URL");
    return page_tpl_esc_fail(es, n, msg);
}


/* Go's nudge: the context where an attribute name or value starts. */
static void
page_tpl_nudge(page_tpl_ctx_t *c)
{
    if (c->state == S_TAG || c->state == S_AFTERNAME) {
        c->state = S_ATTRNAME;
        c->attr = A_NONE;

    } else if (c->state == S_BEFOREVAL) {
        c->state = page_tpl_value_state(c->attr);
        c->delim = D_SPACE;
        c->url = U_NONE;
        c->attr = A_NONE;           /* as Go: the state says it all now */
    }
}


static int
page_tpl_esc_action(page_tpl_esc_state_t *es, page_tpl_node_t *n,
    page_tpl_ctx_t *c)
{
    int             drop;
    unsigned char   e[PAGE_TPL_MAX_ESC];
    unsigned        i, k;
    const char     *fn;

    page_tpl_nudge(c);

    k = 0;

    if (page_tpl_predefined(es, n, c) != 0) {
        return -1;
    }

    if (n->u.action.pipe->u.pipe.ndecl > 0) {
        if (!es->dry) {
            n->u.action.nesc = 0;       /* prints nothing */
        }
        return 0;
    }

    switch (c->state) {
    case S_TEXT:
        e[k++] = TPL_ESC_HTML;
        break;
    case S_RCDATA:
        e[k++] = TPL_ESC_RCDATA;
        break;
    case S_ATTRNAME:
        e[k++] = TPL_ESC_NAME;
        break;
    case S_ATTR:
        break;
    case S_URL:
    case S_SRCSET:
    case S_CSSURL:
    case S_CSSDQURL:
    case S_CSSSQURL:
        switch (c->url) {
        case U_NONE:
            e[k++] = TPL_ESC_URLFILTER;
            e[k++] = TPL_ESC_URLNORM;
            break;
        case U_PRE:
            e[k++] = TPL_ESC_URLNORM;
            break;
        case U_QUERY:
            e[k++] = TPL_ESC_URLESC;
            break;
        default:
            return page_tpl_esc_ambiguous(es, n);
        }
        break;
    case S_JS:
        e[k++] = TPL_ESC_JSVAL;
        c->jsdiv = 1;                   /* a '/' after a value divides */
        break;
    case S_JSRE:
    case S_JSRECLASS:
        e[k++] = TPL_ESC_JSRE;
        break;
    case S_JSDQ:
    case S_JSSQ:
        e[k++] = TPL_ESC_JSSTR;
        break;
    case S_JSTMPL:
        e[k++] = TPL_ESC_JSBQSTR;
        break;
    case S_CSS:
        e[k++] = TPL_ESC_CSSVAL;
        break;
    case S_CSSDQ:
    case S_CSSSQ:
        e[k++] = TPL_ESC_CSSSTR;
        break;
    default:                            /* comments */
        e[k++] = TPL_ESC_COMMENT;
        break;
    }

    if (c->state != S_ATTRNAME && !page_tpl_is_comment(c->state)) {
        if (c->delim == D_DQ || c->delim == D_SQ) {
            e[k++] = TPL_ESC_ATTR;
        } else if (c->delim == D_SPACE) {
            e[k++] = TPL_ESC_NOSPACE;
        }
    }

    if (es->dry) {
        return 0;
    }

    /*
     * Go's ensurePipelineContains: a pipeline ending in html or urlquery
     * has that function run in the place of the escapers equivalent to it
     * (html: the HTML, RCDATA and attribute escapers; urlquery: the URL
     * escaper and normaliser), and not at the end of the pipeline too.
     */
    fn = page_tpl_last_func(n->u.action.pipe);
    drop = 0;
    for (i = 0; fn != NULL && i < k; i++) {
        if (strcmp(fn, "html") == 0
            && (e[i] == TPL_ESC_HTML || e[i] == TPL_ESC_RCDATA
                || e[i] == TPL_ESC_ATTR))
        {
            e[i] = TPL_ESC_HTMLFN;
            drop = 1;

        } else if (strcmp(fn, "urlquery") == 0
                   && (e[i] == TPL_ESC_URLESC || e[i] == TPL_ESC_URLNORM))
        {
            e[i] = TPL_ESC_URLQUERY;
            drop = 1;
        }
    }

    memcpy(n->u.action.esc, e, k);
    n->u.action.nesc = k;
    n->u.action.drop_html = drop;

    return 0;
}


/* ---- joining branches ---- */

/* The join of two nudged contexts: 1 and a set, or 0 when they differ. */
static int
page_tpl_join_quiet(page_tpl_ctx_t *a, const page_tpl_ctx_t *b)
{
    page_tpl_ctx_t  x;

    if (CTX_PACK(*a) == CTX_PACK(*b)) {
        return 1;
    }

    x = *a;
    x.url = b->url;
    if (CTX_PACK(x) == CTX_PACK(*b)) {
        a->url = U_UNKNOWN;
        return 1;
    }

    x = *a;
    x.jsdiv = b->jsdiv;
    if (CTX_PACK(x) == CTX_PACK(*b)) {
        a->jsdiv = J_UNKNOWN;
        return 1;
    }

    return 0;
}


/*
 * Go's join of the contexts two branches end in: equal; differing only in
 * the URL part (unknown) or in what a '/' would start (unknown); a tag
 * after one branch set an attribute type (the type is forgotten); or one
 * nudged to where an attribute name or value starts
 * (<input{{if .C}} checked{{end}}>).  Else Go's error.
 */
static int
page_tpl_join(page_tpl_esc_state_t *es, const page_tpl_node_t *n,
    page_tpl_ctx_t *a, const page_tpl_ctx_t *b, const char *what)
{
    char            msg[512], ca[160], cb[160];
    page_tpl_ctx_t  x, y;

    if (CTX_PACK(*a) == CTX_PACK(*b)) {
        return 0;
    }

    x = *a;
    x.url = b->url;
    if (CTX_PACK(x) == CTX_PACK(*b)) {
        a->url = U_UNKNOWN;
        return 0;
    }

    x = *a;
    x.jsdiv = b->jsdiv;
    if (CTX_PACK(x) == CTX_PACK(*b)) {
        a->jsdiv = J_UNKNOWN;
        return 0;
    }

    x = *a;
    y = *b;
    x.attr = y.attr = 0;
    if (CTX_PACK(x) == CTX_PACK(y) && (x.state == S_TAG
                                       || x.state == S_AFTERNAME))
    {
        a->attr = A_NONE;
        return 0;
    }

    x = *a;
    y = *b;
    page_tpl_nudge(&x);
    page_tpl_nudge(&y);
    if (CTX_PACK(x) != CTX_PACK(*a) || CTX_PACK(y) != CTX_PACK(*b)) {
        if (page_tpl_join_quiet(&x, &y)) {
            *a = x;
            return 0;
        }
    }

    page_tpl_ctx_print(ca, sizeof(ca), a);
    page_tpl_ctx_print(cb, sizeof(cb), b);
    snprintf(msg, sizeof(msg), "%s{{%s}} branches end in different "
             "contexts: %s, %s", es->reentry ? "on range loop re-entry: " : "",
             what, ca, cb);
    return page_tpl_esc_fail(es, n, msg);
}


/* ---- templates called in other contexts ---- */

static page_tpl_node_t *
page_tpl_clone(page_tpl_esc_state_t *es, const page_tpl_node_t *n)
{
    size_t             i;
    page_tpl_node_t   *c, *p, *l, *k, **items;

    if (n == NULL) {
        return NULL;
    }

    c = page_arena_alloc(es->set->arena, sizeof(page_tpl_node_t));
    if (c == NULL) {
        return NULL;
    }
    *c = *n;

    switch (n->type) {
    case TPL_N_LIST:
        c->u.list.items = page_arena_alloc(es->set->arena,
                              (n->u.list.n + 1) * sizeof(page_tpl_node_t *));
        if (c->u.list.items == NULL) {
            return NULL;
        }
        c->u.list.cap = n->u.list.n;
        for (i = 0; i < n->u.list.n; i++) {
            c->u.list.items[i] = page_tpl_clone(es, n->u.list.items[i]);
            if (c->u.list.items[i] == NULL) {
                return NULL;
            }
        }
        break;

    case TPL_N_IF:
    case TPL_N_WITH:
    case TPL_N_RANGE:
        /* an else-if chain link by link, not by recursion */
        for (p = c; ; p = p->u.branch.else_list->u.list.items[0]) {
            p->u.branch.list = page_tpl_clone(es, p->u.branch.list);
            if (p->u.branch.list == NULL) {
                return NULL;
            }
            if (!p->u.branch.chained) {
                break;
            }
            l = page_arena_alloc(es->set->arena, sizeof(page_tpl_node_t));
            k = page_arena_alloc(es->set->arena, sizeof(page_tpl_node_t));
            items = page_arena_alloc(es->set->arena,
                                     sizeof(page_tpl_node_t *));
            if (l == NULL || k == NULL || items == NULL) {
                return NULL;
            }
            *l = *p->u.branch.else_list;
            *k = *l->u.list.items[0];
            items[0] = k;
            l->u.list.items = items;
            l->u.list.n = 1;
            l->u.list.cap = 1;
            p->u.branch.else_list = l;
        }
        if (p->u.branch.else_list != NULL) {
            p->u.branch.else_list = page_tpl_clone(es,
                                                   p->u.branch.else_list);
            if (p->u.branch.else_list == NULL) {
                return NULL;
            }
        }
        break;

    default:
        break;      /* text, actions, templates: copied; pipes shared */
    }

    return c;
}


static int page_tpl_esc_tree(page_tpl_esc_state_t *es, page_tpl_tree_t *t,
    page_tpl_ctx_t *c);


/* The copy of t escaped from context in, made on first use. */
static int
page_tpl_variant(page_tpl_esc_state_t *es, page_tpl_tree_t *t, unsigned in,
    page_tpl_tree_t **res)
{
    page_tpl_tree_t  *v;

    for (v = es->set->variants; v != NULL; v = v->next) {
        if (v->in_ctx == in && v->base == t) {
            *res = v;
            return 0;
        }
    }

    v = page_arena_alloc(es->set->arena, sizeof(page_tpl_tree_t));
    if (v == NULL) {
        goto nomem;
    }
    *v = *t;
    v->escaped = 0;
    v->busy = 0;
    v->in_ctx = in;
    v->base = t;
    v->root = page_tpl_clone(es, t->root);
    if (v->root == NULL) {
        goto nomem;
    }
    v->next = es->set->variants;
    es->set->variants = v;

    *res = v;
    return 0;

nomem:

    page_error_nomem(es->err, es->tree->path);
    es->failed = 1;
    return -1;
}


static int page_tpl_esc_call_tree(page_tpl_esc_state_t *es,
    page_tpl_node_t *n, page_tpl_tree_t *t, unsigned in, int dry,
    page_tpl_ctx_t *c);


static int
page_tpl_esc_call(page_tpl_esc_state_t *es, page_tpl_node_t *n,
    page_tpl_ctx_t *c)
{
    int               dry, rc;
    unsigned          in;
    page_tpl_tree_t  *t;

    t = page_tpl_find(es->set, n->u.tmpl.name, strlen(n->u.tmpl.name));
    if (t == NULL) {
        char  msg[256];

        snprintf(msg, sizeof(msg), "no such template \"%.100s\"",
                 n->u.tmpl.name);
        return page_tpl_esc_fail(es, n, msg);
    }

    in = CTX_PACK(*c);

    /* a dry run of a range body escapes the called tree for real */
    dry = es->dry;
    es->dry = 0;
    rc = page_tpl_esc_call_tree(es, n, t, in, dry, c);
    es->dry = dry;

    return rc;
}


static int
page_tpl_esc_call_tree(page_tpl_esc_state_t *es, page_tpl_node_t *n,
    page_tpl_tree_t *t, unsigned in, int dry, page_tpl_ctx_t *c)
{
    page_tpl_tree_t  *v, *o;
    page_tpl_ctx_t    c2;

    if (!dry) {
        n->u.tmpl.ctx = in;
    }

    if (!es->set->html || in == 0) {
        if (!dry) {
            n->u.tmpl.tree = t;
        }
        if (!es->set->html) {
            return 0;
        }
        return page_tpl_esc_tree(es, t, c);
    }

    /*
     * Shadowed definitions of the name get their variant too: an
     * execution with an overlay file (page_tpl_env_t.overlay) may pick one.
     */
    for (o = es->set->all; o != NULL; o = o->all_next) {
        if (o != t && strcmp(o->name, t->name) == 0) {
            c2 = *c;
            if (page_tpl_variant(es, o, in, &v) != 0
                || page_tpl_esc_tree(es, v, &c2) != 0)
            {
                return -1;
            }
        }
    }

    if (page_tpl_variant(es, t, in, &v) != 0) {
        return -1;
    }

    if (!dry) {
        n->u.tmpl.tree = v;
    }
    return page_tpl_esc_tree(es, v, c);
}


/* Escape tree t entered in context c; c becomes its end context. */
static int
page_tpl_esc_tree(page_tpl_esc_state_t *es, page_tpl_tree_t *t,
    page_tpl_ctx_t *c)
{
    page_tpl_tree_t  *saved;
    page_tpl_ctx_t    start;
    int               rc;

    if (t->escaped) {
        *c = page_tpl_ctx_unpack(t->out_ctx);
        return 0;
    }

    if (t->busy || es->depth >= PAGE_TPL_MAX_ESC_DEPTH) {
        return 0;                       /* recursion: assume c unchanged */
    }

    t->busy = 1;
    es->depth++;
    saved = es->tree;
    es->tree = t;
    start = *c;

    rc = page_tpl_esc_list(es, t->root, c);

    es->tree = saved;
    es->depth--;
    t->busy = 0;

    if (rc != 0) {
        return -1;
    }

    t->escaped = 1;
    t->in_ctx = CTX_PACK(start);
    t->out_ctx = CTX_PACK(*c);

    return 0;
}


/*
 * if and with: every branch starts in c; the end contexts join from the
 * last branch back, as Go's nesting of an else-if chain joins them, but
 * in a loop, so that a chain of any length takes no stack.
 */
static int
page_tpl_esc_branch(page_tpl_esc_state_t *es, page_tpl_node_t *n,
    page_tpl_ctx_t *c)
{
    size_t             i, len;
    page_tpl_ctx_t     c0, acc, *ends;
    page_tpl_node_t   *k, **links;

    len = 1;
    for (k = n; k->u.branch.chained; ) {
        k = k->u.branch.else_list->u.list.items[0];
        len++;
    }

    ends = page_arena_alloc(es->set->arena, len * sizeof(page_tpl_ctx_t));
    links = page_arena_alloc(es->set->arena, len * sizeof(page_tpl_node_t *));
    if (ends == NULL || links == NULL) {
        page_error_nomem(es->err, es->tree->path);
        es->failed = 1;
        return -1;
    }

    c0 = *c;
    k = n;
    for (i = 0; i < len; i++) {
        links[i] = k;
        ends[i] = c0;
        if (page_tpl_esc_list(es, k->u.branch.list, &ends[i]) != 0) {
            return -1;
        }
        if (k->u.branch.chained) {
            k = k->u.branch.else_list->u.list.items[0];
        }
    }

    /* the last link's else part (or none: it ends where it starts) */
    acc = c0;
    if (k->u.branch.else_list != NULL
        && page_tpl_esc_list(es, k->u.branch.else_list, &acc) != 0)
    {
        return -1;
    }

    for (i = len; i-- > 0; ) {
        if (page_tpl_join(es, links[i], &ends[i], &acc,
                          links[i]->type == TPL_N_IF ? "if" : "with") != 0)
        {
            return -1;
        }
        acc = ends[i];
    }

    *c = acc;
    return 0;
}


static int
page_tpl_esc_node(page_tpl_esc_state_t *es, page_tpl_node_t *n,
    page_tpl_ctx_t *c)
{
    int             dry, rc;
    page_tpl_ctx_t  c0, c1, c2;

    switch (n->type) {
    case TPL_N_TEXT:
        if (!es->set->html) {
            n->u.text.data = n->src;
            n->u.text.len = n->src_len;
            return 0;
        }
        return page_tpl_esc_text(es, n, c);

    case TPL_N_ACTION:
        if (!es->set->html) {
            return 0;
        }
        return page_tpl_esc_action(es, n, c);

    case TPL_N_TEMPLATE:
        return page_tpl_esc_call(es, n, c);

    case TPL_N_IF:
    case TPL_N_WITH:
        return page_tpl_esc_branch(es, n, c);

    case TPL_N_RANGE:
        /*
         * Go: the body from c, then a dry run of it from where it ended
         * (it runs again after itself), the two ends joined; then that
         * joins the else part (or c, when the loop does not run).
         */
        c0 = *c;
        if (page_tpl_esc_list(es, n->u.branch.list, &c0) != 0) {
            return -1;
        }
        c1 = c0;
        if (es->dry_depth < PAGE_TPL_MAX_DRY_DEPTH) {
            dry = es->dry;
            es->dry = 1;
            es->dry_depth++;
            rc = page_tpl_esc_list(es, n->u.branch.list, &c1);
            es->dry_depth--;
            es->dry = dry;
            if (rc != 0) {
                return -1;
            }
        }
        es->reentry = 1;
        rc = page_tpl_join(es, n, &c0, &c1, "range");
        es->reentry = 0;
        if (rc != 0) {
            return -1;
        }
        c2 = *c;
        if (n->u.branch.else_list != NULL
            && page_tpl_esc_list(es, n->u.branch.else_list, &c2) != 0)
        {
            return -1;
        }
        *c = c0;
        return page_tpl_join(es, n, c, &c2, "range");

    case TPL_N_LIST:
        return page_tpl_esc_list(es, n, c);

    default:
        return 0;
    }
}


static int
page_tpl_esc_list(page_tpl_esc_state_t *es, page_tpl_node_t *list,
    page_tpl_ctx_t *c)
{
    size_t  i;

    for (i = 0; i < list->u.list.n; i++) {
        if (page_tpl_esc_node(es, list->u.list.items[i], c) != 0) {
            return -1;
        }
    }

    return 0;
}


int
page_tpl_escape_set(page_tpl_set_t *set, page_error_t *err)
{
    page_tpl_tree_t       *t;
    page_tpl_ctx_t         c;
    page_tpl_esc_state_t   es;

    memset(&es, 0, sizeof(es));
    es.set = set;
    es.err = err;

    for (t = set->all; t != NULL; t = t->all_next) {
        memset(&c, 0, sizeof(c));
        es.tree = t;
        if (page_tpl_esc_tree(&es, t, &c) != 0) {
            return -1;
        }
    }

    return 0;
}


/* Go's names of the parts of a context, as its errors print them. */
static const char  *page_tpl_state_names[] = {
    "stateText", "stateTag", "stateAttrName", "stateAfterName",
    "stateBeforeValue", "stateHTMLCmt", "stateRCDATA", "stateAttr",
    "stateURL", "stateSrcset", "stateJS", "stateJSDqStr", "stateJSSqStr",
    "stateJSBqStr", "stateJSLineCmt", "stateJSBlockCmt", "stateCSS",
    "stateCSSDqStr", "stateCSSSqStr", "stateCSSBlockCmt", "stateJSRegexp",
    "stateJSRegexp", "stateCSSURL", "stateCSSDqURL", "stateCSSSqURL"
};

static const char  *page_tpl_delim_names[] = {
    "delimNone", "delimDoubleQuote", "delimSingleQuote",
    "delimSpaceOrTagEnd"
};

static const char  *page_tpl_url_names[] = {
    "urlPartNone", "urlPartPreQuery", "urlPartQueryOrFrag", "urlPartUnknown"
};

static const char  *page_tpl_attr_names[] = {
    "attrNone", "attrURL", "attrScript", "attrStyle", "attrSrcset",
    "attrScriptType"
};

static const char  *page_tpl_elem_names[] = {
    "elementNone", "elementScript", "elementStyle", "elementTextarea",
    "elementTitle"
};

#define page_tpl_name_of(names, i) \
    ((i) < sizeof(names) / sizeof(names[0]) ? names[i] : "?")


/* A context as Go prints it in errors. */
static void
page_tpl_ctx_print(char *buf, size_t size, const page_tpl_ctx_t *c)
{
    static const char  *js[] = { "jsCtxRegexp", "jsCtxDivOp",
                                 "jsCtxUnknown" };

    snprintf(buf, size, "{%s %s %s %s %s %s <nil>}",
             page_tpl_name_of(page_tpl_state_names, c->state),
             page_tpl_name_of(page_tpl_delim_names, c->delim),
             page_tpl_name_of(page_tpl_url_names, c->url),
             page_tpl_name_of(js, c->jsdiv),
             page_tpl_name_of(page_tpl_attr_names, c->attr),
             page_tpl_name_of(page_tpl_elem_names, c->elem));
}


int
page_tpl_end_context(const page_tpl_set_t *set, const page_tpl_tree_t *t,
    char *msg, size_t size)
{
    char            cs[160];
    page_tpl_ctx_t  c;

    if (!set->html || !t->escaped || t->in_ctx != 0) {
        return 0;
    }

    c = page_tpl_ctx_unpack(t->out_ctx);

    if (c.state == S_TEXT) {
        return 0;
    }

    page_tpl_ctx_print(cs, sizeof(cs), &c);
    snprintf(msg, size, "html/template:%s: ends in a non-text context: %s",
             t->name, cs);

    return -1;
}


int
page_tpl_set_check_entry(const page_tpl_set_t *set, const char *name,
    page_error_t *err)
{
    char                    msg[256];
    size_t                  i, end;
    unsigned                line, col;
    const page_tpl_tree_t  *t;

    t = page_tpl_find(set, name, strlen(name));
    if (t == NULL || page_tpl_end_context(set, t, msg, sizeof(msg)) == 0) {
        return 0;
    }

    /* point at the end of the file's last line */

    end = t->text_len;
    while (end > 0 && (t->text[end - 1] == '\n' || t->text[end - 1] == '\r'))
    {
        end--;
    }

    line = 1;
    col = 1;

    for (i = 0; i < end; i++) {
        if (t->text[i] == '\n') {
            line++;
            col = 1;

        } else if (((unsigned char) t->text[i] & 0xC0) != 0x80) {
            col++;
        }
    }

    page_error_set(err, PAGE_ERR_TEMPLATE, t->path, line, col, "%s", msg);

    return -1;
}


int
page_tpl_set_check(page_tpl_set_t *set, page_error_t *err)
{
    if (set->checked) {
        return 0;
    }

    if (page_tpl_escape_set(set, err) != 0) {
        return -1;
    }

    set->checked = 1;
    return 0;
}


/* ---- run-time escapers ---- */

#define PAGE_TPL_FAILSAFE  "ZgotmplZ"


static void
page_tpl_esc_html(page_buf_t *b, const char *s, size_t len, int norm,
    int nospace)
{
    size_t       i, start;
    const char  *rep;
    char         num[16];

    start = 0;

    for (i = 0; i < len; i++) {
        rep = NULL;
        switch (s[i]) {
        case '\0': rep = nospace ? "&#xfffd;" : "\xef\xbf\xbd"; break;
        case '"':  rep = "&#34;"; break;
        case '&':  rep = norm ? NULL : "&amp;"; break;
        case '\'': rep = "&#39;"; break;
        case '+':  rep = "&#43;"; break;
        case '<':  rep = "&lt;"; break;
        case '>':  rep = "&gt;"; break;
        default:
            if (nospace && page_tpl_oneof(s[i], "\t\n\v\f\r =`")) {
                snprintf(num, sizeof(num), "&#%d;", (int) s[i]);
                rep = num;
            }
            break;
        }

        if (rep == NULL) {
            continue;
        }

        page_buf_append(b, s + start, i - start);
        page_buf_puts(b, rep);
        start = i + 1;
    }

    page_buf_append(b, s + start, len - start);
}


/* HTML in an attribute: its text without tags. */
static void
page_tpl_strip_tags(page_buf_t *b, const char *s, size_t len, int nospace)
{
    size_t  i, start;

    start = 0;
    for (i = 0; i < len; i++) {
        if (s[i] != '<') {
            continue;
        }
        page_tpl_esc_html(b, s + start, i - start, 1, nospace);
        while (i < len && s[i] != '>') {
            i++;
        }
        start = i + 1;
    }

    if (start < len) {
        page_tpl_esc_html(b, s + start, len - start, 1, nospace);
    }
}


static int
page_tpl_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')
           || (c >= 'A' && c <= 'F');
}


/* Go's urlProcessor: norm keeps reserved characters and valid escapes. */
static void
page_tpl_esc_url(page_buf_t *b, const char *s, size_t len, int norm)
{
    size_t         i, start;
    unsigned char  c;

    start = 0;

    for (i = 0; i < len; i++) {
        c = (unsigned char) s[i];

        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
            || (c >= '0' && c <= '9') || page_tpl_oneof(c, "-._~"))
        {
            continue;
        }

        if (c != '\0' && norm && strchr("!#$&*+,/:;=?@[]", c) != NULL) {
            continue;
        }

        if (c == '%' && norm && i + 2 < len && page_tpl_hex(s[i + 1])
            && page_tpl_hex(s[i + 2]))
        {
            continue;
        }

        page_buf_append(b, s + start, i - start);
        page_buf_printf(b, "%%%02x", c);
        start = i + 1;
    }

    page_buf_append(b, s + start, len - start);
}


/* Go's isSafeURL: a scheme, if any, is http, https or mailto. */
/* Go's text/template HTMLEscape (the html function): whatever the type. */
static void
page_tpl_esc_htmlfn(page_buf_t *b, const char *s, size_t len)
{
    size_t  i;

    for (i = 0; i < len; i++) {
        switch (s[i]) {
        case '"':  page_buf_puts(b, "&#34;"); break;
        case '\'': page_buf_puts(b, "&#39;"); break;
        case '&':  page_buf_puts(b, "&amp;"); break;
        case '<':  page_buf_puts(b, "&lt;"); break;
        case '>':  page_buf_puts(b, "&gt;"); break;
        case '\0': page_buf_puts(b, "\xef\xbf\xbd"); break;
        default:   page_buf_putc(b, s[i]);
        }
    }
}


/* Go's url.QueryEscape (the urlquery function). */
static void
page_tpl_esc_query(page_buf_t *b, const char *s, size_t len)
{
    size_t         i;
    unsigned char  c;

    for (i = 0; i < len; i++) {
        c = (unsigned char) s[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
            || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'
            || c == '~')
        {
            page_buf_putc(b, (char) c);
        } else if (c == ' ') {
            page_buf_putc(b, '+');
        } else {
            page_buf_printf(b, "%%%02X", c);
        }
    }
}


static int
page_tpl_safe_url(const char *s, size_t len)
{
    size_t  i;

    for (i = 0; i < len; i++) {
        if (s[i] == '/') {
            return 1;
        }
        if (s[i] == ':') {
            return (i == 4 && page_tpl_prefix_ci(s, len, "http"))
                   || (i == 5 && page_tpl_prefix_ci(s, len, "https"))
                   || (i == 6 && page_tpl_prefix_ci(s, len, "mailto"));
        }
    }

    return 1;
}


static void
page_tpl_esc_name(page_buf_t *b, const char *s, size_t len)
{
    size_t  i;
    char    c;

    if (len == 0 || page_tpl_attr_type(s, len) != A_NONE) {
        page_buf_puts(b, PAGE_TPL_FAILSAFE);
        return;
    }

    for (i = 0; i < len; i++) {
        c = s[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')))
        {
            page_buf_puts(b, PAGE_TPL_FAILSAFE);
            return;
        }
    }

    for (i = 0; i < len; i++) {
        c = s[i];
        page_buf_putc(b, (c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
}


/* Go's jsStrEscaper (and, with quotes kept for JSON, json's escaping). */
static void
page_tpl_esc_jsstr(page_buf_t *b, const char *s, size_t len, int bq)
{
    size_t         i;
    unsigned char  c;

    for (i = 0; i < len; i++) {
        c = (unsigned char) s[i];
        switch (c) {
        case '\t': page_buf_puts(b, "\\t"); continue;
        case '\n': page_buf_puts(b, "\\n"); continue;
        case '\r': page_buf_puts(b, "\\r"); continue;
        case '\f': page_buf_puts(b, "\\f"); continue;
        case '\\': page_buf_puts(b, "\\\\"); continue;
        case '/':  page_buf_puts(b, "\\/"); continue;
        case '"': case '\'': case '`': case '&': case '+': case '<':
        case '>':
            page_buf_printf(b, "\\u%04x", c);
            continue;
        case '$': case '{': case '}':
            if (bq) {
                page_buf_printf(b, "\\u%04x", c);
                continue;
            }
            break;
        default:
            break;
        }

        if (c < 0x20) {
            page_buf_printf(b, "\\u%04x", c);
            continue;
        }

        /* U+2028 and U+2029 end lines in JS */
        if (c == 0xe2 && i + 2 < len && (unsigned char) s[i + 1] == 0x80
            && ((unsigned char) s[i + 2] == 0xa8
                || (unsigned char) s[i + 2] == 0xa9))
        {
            page_buf_printf(b, "\\u%04x",
                            (unsigned char) s[i + 2] == 0xa8 ? 0x2028 : 0x2029);
            i += 2;
            continue;
        }

        page_buf_putc(b, (char) c);
    }
}


/* Go's jsRegexpEscaper: regexp syntax and HTML specials escaped. */
static void
page_tpl_esc_jsre(page_buf_t *b, const char *s, size_t len)
{
    size_t         i;
    unsigned char  c;

    if (len == 0) {
        page_buf_puts(b, "(?:)");       /* not an empty // comment */
        return;
    }

    for (i = 0; i < len; i++) {
        c = (unsigned char) s[i];
        if (page_tpl_oneof((char) c, "$()*-./?[\\]^{|}")) {
            page_buf_putc(b, '\\');
            page_buf_putc(b, (char) c);
        } else if (c < 0x20 || page_tpl_oneof((char) c, "\"&'+<>")) {
            page_buf_printf(b, "\\u%04x", c);
        } else {
            page_buf_putc(b, (char) c);
        }
    }
}


/* Go's cssValueFilter. */
static void
page_tpl_esc_cssval(page_buf_t *b, const char *s, size_t len)
{
    size_t  i, n;
    char    id[256], c;

    n = 0;
    for (i = 0; i < len; i++) {
        c = s[i];
        if (c == '\0' || strchr("\"'()/;@[\\]`{}<>", c) != NULL
            || (c == '-' && i > 0 && s[i - 1] == '-'))
        {
            page_buf_puts(b, PAGE_TPL_FAILSAFE);
            return;
        }
        if (n + 1 < sizeof(id) && ((c >= 'a' && c <= 'z')
                                   || (c >= 'A' && c <= 'Z')
                                   || (c >= '0' && c <= '9') || c == '-'
                                   || c == '_'))
        {
            id[n++] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
        }
    }
    id[n] = '\0';

    if (strstr(id, "expression") != NULL || strstr(id, "mozbinding") != NULL)
    {
        page_buf_puts(b, PAGE_TPL_FAILSAFE);
        return;
    }

    page_buf_append(b, s, len);
}


/* Go's cssEscaper: \hex escapes, a space after when needed. */
static void
page_tpl_esc_cssstr(page_buf_t *b, const char *s, size_t len)
{
    size_t         i;
    unsigned char  c;

    for (i = 0; i < len; i++) {
        c = (unsigned char) s[i];
        if (c < 0x20 || strchr("\"&'()+/:;<>\\{}", c) != NULL) {
            if (c == '\\') {
                page_buf_puts(b, "\\\\");
                continue;
            }
            page_buf_printf(b, "\\%x", c);
            if (i + 1 < len && (page_tpl_hex(s[i + 1])
                                || page_tpl_is_space(s[i + 1])))
            {
                page_buf_putc(b, ' ');
            }
            continue;
        }
        page_buf_putc(b, (char) c);
    }
}


/* Go's jsValEscaper: the value as a JS expression (JSON). */
static void
page_tpl_esc_jsval(page_buf_t *b, const page_value_t *v)
{
    size_t  start;
    char    first, last;

    if (v != NULL && v->type == PAGE_TPL_JS) {
        page_buf_append(b, v->u.s.data, v->u.s.len);
        return;
    }
    if (v != NULL && v->type == PAGE_TPL_JSSTR) {       /* Go: `"` + s + `"` */
        page_buf_putc(b, '"');
        page_buf_append(b, v->u.s.data, v->u.s.len);
        page_buf_putc(b, '"');
        return;
    }

    start = b->len;
    page_tpl_json(b, v, 0);
    if (page_buf_failed(b) || b->len == start) {
        return;
    }

    /* keep identifiers and numbers off neighbouring keywords */
    first = b->data[start];
    last = b->data[b->len - 1];
    if ((first != '"' && first != '[' && first != '{')
        || (last != '"' && last != ']' && last != '}'))
    {
        page_buf_putc(b, ' ');
        memmove(b->data + start + 1, b->data + start, b->len - 1 - start);
        b->data[start] = ' ';
        page_buf_putc(b, ' ');
    }
}


void
page_tpl_escape_str(page_buf_t *b, page_tpl_esc_t esc, page_type_t type,
    const char *s, size_t len)
{
    size_t  k;

    switch (esc) {
    case TPL_ESC_NONE:
        page_buf_append(b, s, len);
        return;

    case TPL_ESC_HTML:
        if (type == PAGE_HTML) {
            page_buf_append(b, s, len);
        } else {
            page_tpl_esc_html(b, s, len, 0, 0);
        }
        return;

    case TPL_ESC_RCDATA:
        page_tpl_esc_html(b, s, len, type == PAGE_HTML, 0);
        return;

    case TPL_ESC_ATTR:
    case TPL_ESC_NOSPACE:
        if (type == PAGE_HTML) {
            page_tpl_strip_tags(b, s, len, esc == TPL_ESC_NOSPACE);
        } else {
            page_tpl_esc_html(b, s, len, 0, esc == TPL_ESC_NOSPACE);
        }
        return;

    case TPL_ESC_NAME:
        if (type == PAGE_TPL_HTMLATTR) {
            page_buf_append(b, s, len);
        } else {
            page_tpl_esc_name(b, s, len);
        }
        return;

    case TPL_ESC_URLFILTER:
        if (type == PAGE_TPL_URL || page_tpl_safe_url(s, len)) {
            page_buf_append(b, s, len);
        } else {
            page_buf_puts(b, "#" PAGE_TPL_FAILSAFE);
        }
        return;

    case TPL_ESC_URLNORM:
        page_tpl_esc_url(b, s, len, 1);
        return;

    case TPL_ESC_HTMLFN:
        page_tpl_esc_htmlfn(b, s, len);
        return;

    case TPL_ESC_URLQUERY:
        page_tpl_esc_query(b, s, len);
        return;

    case TPL_ESC_URLESC:
        page_tpl_esc_url(b, s, len, type == PAGE_TPL_URL);
        return;

    case TPL_ESC_JSSTR:
    case TPL_ESC_JSBQSTR:
        /* a JSStr keeps its escapes (Go's jsStrNormReplacementTable) */
        while (type == PAGE_TPL_JSSTR && memchr(s, '\\', len) != NULL) {
            k = (size_t) ((const char *) memchr(s, '\\', len) - s);
            page_tpl_esc_jsstr(b, s, k, esc == TPL_ESC_JSBQSTR);
            page_buf_putc(b, '\\');
            s += k + 1;
            len -= k + 1;
        }
        page_tpl_esc_jsstr(b, s, len, esc == TPL_ESC_JSBQSTR);
        return;

    case TPL_ESC_JSRE:
        page_tpl_esc_jsre(b, s, len);
        return;

    case TPL_ESC_CSSVAL:
        if (type == PAGE_TPL_CSS) {
            page_buf_append(b, s, len);
        } else {
            page_tpl_esc_cssval(b, s, len);
        }
        return;

    case TPL_ESC_CSSSTR:
        page_tpl_esc_cssstr(b, s, len);
        return;

    case TPL_ESC_JSVAL:
    case TPL_ESC_COMMENT:
        return;
    }
}


void
page_tpl_escape_value(page_buf_t *b, page_tpl_esc_t esc,
    const page_value_t *v)
{
    page_buf_t    tmp;
    const char   *s;
    size_t        len;
    page_type_t   type;

    if (esc == TPL_ESC_COMMENT) {
        return;
    }

    if (esc == TPL_ESC_JSVAL) {
        page_tpl_esc_jsval(b, v);
        return;
    }

    if (page_tpl_str(v, &s, &len)) {
        type = v->type;
    } else {
        page_buf_init(&tmp, b->arena, b->limit);
        page_tpl_print(&tmp, v);
        if (page_buf_failed(&tmp)) {
            b->failed = 1;
            return;
        }
        s = tmp.data ? tmp.data : "";
        len = tmp.len;
        type = PAGE_STRING;
    }

    page_tpl_escape_str(b, esc, type, s, len);
}
