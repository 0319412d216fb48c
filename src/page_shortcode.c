/*
 * page_shortcode: lexer and parser of Hugo shortcodes in a content body
 * (hugo-spec.md section 1).  One pass over the body: text between tags
 * becomes text nodes; each "{{<" or "{{%" tag is lexed into a name and
 * arguments, then an opening tag becomes a call (open until a closing tag
 * when its template takes inner content), a closing tag closes the
 * innermost open call, and a comment escape becomes literal text.
 *
 * Where Hugo's lexer is lenient or odd, the choices made here:
 *   - whitespace in an action is space, tab, \n, \r, \v and \f, also in a
 *     closing tag ("{{< /x\n>}}" is accepted; Hugo 0.111.3 refuses it);
 *   - an argument is named when "=" follows it, with or without
 *     whitespace between ("a = 1 b=2" is named; Hugo's lexer refuses it);
 *   - a value with no name before it ("{{< x =y >}}") is dropped, as Hugo
 *     drops it;
 *   - after a self-closing "/" only the delimiter may follow
 *     ("unclosed shortcode"); Hugo swallows one more token;
 *   - a closing tag with no name ("{{< / >}}") closes the innermost open
 *     call, as in Hugo;
 *   - a closing tag when no call is open says "got closing shortcode, but
 *     none is open" unless its template takes no inner content (then the
 *     "does not evaluate .Inner" error); Hugo says the latter for both
 *     once any shortcode has been seen;
 *   - letters beyond Latin-1 are approximated: code points outside known
 *     punctuation, symbol, emoji and private-use blocks count as letters;
 *   - the "unterminated quoted string" message leaves out the newline that
 *     ended the string, so the error stays one line.
 * Every error is placed at the opening "{{" of the tag at fault (of the
 * unclosed call for "must be closed"); Hugo 0.111.3 says 1:1 for lexer
 * errors and the top-level call's position for errors in nested ones.
 */

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page_shortcode.h"
#include "page_utf8.h"

/* Buckets of the set of names seen in opening tags. */
#define PAGE_SC_SEEN_BUCKETS  256

/* Longest name or argument quoted in an error message. */
#define PAGE_SC_ERR_QUOTE     256

#define PAGE_SC_MIX  ". Cannot mix named and positional parameters"

enum {
    PAGE_SC_KIND_NONE = 0,
    PAGE_SC_KIND_POSITIONAL,
    PAGE_SC_KIND_NAMED
};

typedef struct page_sc_seen_s  page_sc_seen_t;

struct page_sc_seen_s {
    const char      *name;
    size_t           len;
    page_sc_seen_t  *next;
};

/* A list being filled: the top level or the children of an open call. */
typedef struct {
    page_sc_node_t   *node;         /* the open call; NULL at top level */
    page_sc_node_t  **tail;         /* where the next node goes */
    unsigned          ordinal;      /* calls added so far */
} page_sc_frame_t;

/* The tag being lexed. */
typedef struct {
    size_t           start;         /* offset of "{{" */
    size_t           pos;           /* lexing position */
    unsigned         line, col;     /* of "{{" */
    const char      *close;         /* ">}}" or "%}}" */
    unsigned         markdown:1;
    unsigned         closing:1;     /* "/" before the name */
    unsigned         self_closed:1; /* "/" after the name */
    unsigned         has_name:1;
    unsigned         pending:1;     /* an argument waits for a possible = */
    unsigned         pending_quoted:1;
    int              takes_inner;   /* the lookup's answer */
    int              kind;          /* PAGE_SC_KIND_* */
    const char      *name;
    size_t           name_len;
    const char      *arg;           /* the pending argument */
    size_t           arg_len;
    unsigned         nparams;
    page_value_t    *params;
    page_sc_node_t  *node;          /* the call an opening tag makes */
} page_sc_tag_t;

typedef struct {
    page_arena_t       *arena;
    const char         *src;
    size_t              len;
    const char         *path;
    page_sc_lookup_pt   lookup;
    void               *ctx;
    page_error_t       *err;

    size_t              counted;    /* lines are counted up to here */
    unsigned            line;       /* the line src[counted] is on */
    size_t              line_start; /* offset where that line starts */

    page_sc_frame_t     stack[PAGE_SC_MAX_DEPTH + 1];
    unsigned            depth;      /* open calls; stack[0] is top level */
    unsigned            calls;

    unsigned            any_name:1; /* an opening tag had a name */
    page_sc_seen_t     *seen[PAGE_SC_SEEN_BUCKETS];
} page_sc_parser_t;


static int page_sc_fail(page_sc_parser_t *p, page_status_t status,
    unsigned line, unsigned col, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 5, 6)))
#endif
    ;


/* ---- characters ------------------------------------------------------ */

/* Whitespace between the parts of an action. */
static int
page_sc_is_space(uint32_t r)
{
    return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v'
           || r == '\f';
}


/* Go's unicode.IsSpace: ends an unquoted named value. */
static int
page_sc_is_uspace(uint32_t r)
{
    return page_sc_is_space(r) || r == 0x85 || r == 0xa0 || r == 0x1680
           || (r >= 0x2000 && r <= 0x200a) || r == 0x2028 || r == 0x2029
           || r == 0x202f || r == 0x205f || r == 0x3000;
}


/* Go's unicode.IsLetter || unicode.IsDigit; approximated past Latin-1. */
static int
page_sc_is_letter_digit(uint32_t r)
{
    if (r < 0x80) {
        return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
               || (r >= '0' && r <= '9');
    }

    if (r < 0x100) {
        return r == 0xaa || r == 0xb5 || r == 0xba
               || (r >= 0xc0 && r != 0xd7 && r != 0xf7);
    }

    return !((r >= 0x300 && r <= 0x36f)         /* combining marks */
             || (r >= 0x2000 && r <= 0x2bff)    /* punctuation, symbols */
             || (r >= 0x3000 && r <= 0x3004)
             || (r >= 0x3008 && r <= 0x3020)
             || (r >= 0xd800 && r <= 0xf8ff)    /* surrogates, private */
             || (r >= 0xfe00 && r <= 0xfe6f)    /* variation selectors.. */
             || (r >= 0xff00 && r <= 0xff0f)
             || (r >= 0xff1a && r <= 0xff20)
             || (r >= 0xff3b && r <= 0xff40)
             || (r >= 0xff5b && r <= 0xff65)
             || r >= 0xfff0                     /* specials, U+FFFD */
             || (r >= 0x1f000 && r <= 0x1faff)  /* emoji, pictographs */
             || r >= 0xe0000);
}


/* Hugo's isAlphaNumeric: "_", letters and digits. */
static int
page_sc_is_alnum(uint32_t r)
{
    return r == '_' || page_sc_is_letter_digit(r);
}


/* Go's strconv.IsPrint, approximately: does %#U show the character? */
static int
page_sc_is_print(uint32_t r)
{
    return r >= 0x20 && !(r >= 0x7f && r < 0xa0) && r != 0xad
           && (r == ' ' || !page_sc_is_uspace(r))
           && !(r >= 0x200b && r <= 0x200f)
           && !(r >= 0x2060 && r <= 0x206f) && r != 0xfeff;
}


/* ---- errors and positions -------------------------------------------- */

static int
page_sc_fail(page_sc_parser_t *p, page_status_t status, unsigned line,
    unsigned col, const char *fmt, ...)
{
    char     msg[PAGE_ERROR_MAX];
    va_list  ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);

    page_error_set(p->err, status, p->path, line, col, "%s", msg);

    return -1;
}


static int
page_sc_nomem(page_sc_parser_t *p)
{
    page_error_nomem(p->err, p->path);
    return -1;
}


/* A length fit for "%.*s" in a message. */
static int
page_sc_qlen(size_t len)
{
    return len > PAGE_SC_ERR_QUOTE ? PAGE_SC_ERR_QUOTE : (int) len;
}


/* Line and column of src[off]; off never decreases between calls. */
static void
page_sc_position(page_sc_parser_t *p, size_t off, unsigned *line,
    unsigned *col)
{
    const char  *nl;

    while (p->counted < off) {
        nl = memchr(p->src + p->counted, '\n', off - p->counted);
        if (nl == NULL) {
            p->counted = off;
            break;
        }

        p->line++;
        p->counted = (size_t) (nl - p->src) + 1;
        p->line_start = p->counted;
    }

    *line = p->line;
    *col = (unsigned) (off - p->line_start + 1);
}


/* ---- nodes ----------------------------------------------------------- */

static page_sc_node_t *
page_sc_node(page_sc_parser_t *p, size_t start)
{
    page_sc_frame_t  *f;
    page_sc_node_t   *n;

    n = page_arena_calloc(p->arena, 1, sizeof(page_sc_node_t));
    if (n == NULL) {
        return NULL;
    }

    f = &p->stack[p->depth];

    n->parent = f->node;
    n->level = p->depth;
    n->start = start;
    page_sc_position(p, start, &n->line, &n->col);

    *f->tail = n;
    f->tail = &n->next;

    return n;
}


static int
page_sc_text(page_sc_parser_t *p, size_t start, size_t end)
{
    page_sc_node_t  *n;

    if (start == end) {
        return 0;
    }

    n = page_sc_node(p, start);
    if (n == NULL) {
        return page_sc_nomem(p);
    }

    n->text = p->src + start;
    n->len = end - start;
    n->end = end;

    return 0;
}


/* Spaces and tabs before src[off] when only those precede it on its line */
static void
page_sc_indent(page_sc_parser_t *p, size_t off, page_sc_node_t *n)
{
    size_t  i = off;

    while (i > 0 && (p->src[i - 1] == ' ' || p->src[i - 1] == '\t')) {
        i--;
    }

    if (i < off && (i == 0 || p->src[i - 1] == '\n')) {
        n->indent = p->src + i;
        n->indent_len = off - i;
    }
}


static unsigned
page_sc_hash(const char *s, size_t len)
{
    return page_fnv1a(s, len) % PAGE_SC_SEEN_BUCKETS;
}


static int
page_sc_seen(page_sc_parser_t *p, const char *name, size_t len)
{
    page_sc_seen_t  *s;

    for (s = p->seen[page_sc_hash(name, len)]; s != NULL; s = s->next) {
        if (s->len == len && memcmp(s->name, name, len) == 0) {
            return 1;
        }
    }

    return 0;
}


static int
page_sc_see(page_sc_parser_t *p, const char *name, size_t len)
{
    unsigned         h;
    page_sc_seen_t  *s;

    p->any_name = 1;

    if (page_sc_seen(p, name, len)) {
        return 0;
    }

    s = page_arena_alloc(p->arena, sizeof(page_sc_seen_t));
    if (s == NULL) {
        return page_sc_nomem(p);
    }

    h = page_sc_hash(name, len);
    s->name = name;
    s->len = len;
    s->next = p->seen[h];
    p->seen[h] = s;

    return 0;
}


/* ---- arguments ------------------------------------------------------- */

/* Hugo's typing of unquoted values: bool, [-+]?\d+, [-+]?\d*\.\d+. */
static page_value_t *
page_sc_typed(page_arena_t *a, const char *s, size_t len)
{
    char      *copy;
    size_t     i, digits, frac;
    double     f;
    uint64_t   v, max;

    if (len == 4 && memcmp(s, "true", 4) == 0) {
        return page_value_bool(a, 1);
    }

    if (len == 5 && memcmp(s, "false", 5) == 0) {
        return page_value_bool(a, 0);
    }

    i = (len && (s[0] == '-' || s[0] == '+')) ? 1 : 0;

    for (digits = 0; i + digits < len; digits++) {
        if (s[i + digits] < '0' || s[i + digits] > '9') {
            break;
        }
    }

    /* [-+]?\d+ : an int, unless it overflows int64 (Go's Atoi fails) */
    if (digits && i + digits == len) {
        max = s[0] == '-' ? (uint64_t) INT64_MAX + 1 : (uint64_t) INT64_MAX;

        for (v = 0; i < len; i++) {
            if (v > (max - (uint64_t) (s[i] - '0')) / 10) {
                return page_value_string(a, s, len);
            }
            v = v * 10 + (uint64_t) (s[i] - '0');
        }

        if (s[0] != '-') {
            return page_value_int(a, (int64_t) v);
        }

        return page_value_int(a, v == (uint64_t) INT64_MAX + 1
                                 ? INT64_MIN : -(int64_t) v);
    }

    /* [-+]?\d*\.\d+ : a float, unless out of range (ParseFloat fails) */
    if (i + digits < len && s[i + digits] == '.') {
        for (frac = 0; i + digits + 1 + frac < len; frac++) {
            if (s[i + digits + 1 + frac] < '0'
                || s[i + digits + 1 + frac] > '9')
            {
                break;
            }
        }

        if (frac && i + digits + 1 + frac == len) {
            copy = page_arena_strndup(a, s, len);
            if (copy == NULL) {
                return NULL;
            }

            f = strtod(copy, NULL);
            if (f == HUGE_VAL || f == -HUGE_VAL) {
                return page_value_string(a, s, len);
            }

            return page_value_float(a, f);
        }
    }

    return page_value_string(a, s, len);
}


static int
page_sc_count_param(page_sc_parser_t *p, page_sc_tag_t *t)
{
    if (++t->nparams > PAGE_SC_MAX_PARAMS) {
        return page_sc_fail(p, PAGE_ERR_LIMIT, t->line, t->col,
                            "shortcode \"%.*s\" has too many parameters "
                            "(limit %d)", page_sc_qlen(t->name_len),
                            t->name, PAGE_SC_MAX_PARAMS);
    }

    return 0;
}


/* The pending argument had no "=" after it: it is positional. */
static int
page_sc_commit(page_sc_parser_t *p, page_sc_tag_t *t)
{
    page_value_t  *v;

    if (!t->pending) {
        return 0;
    }

    t->pending = 0;

    if (t->kind == PAGE_SC_KIND_NAMED) {
        if (t->pending_quoted) {
            return page_sc_fail(p, PAGE_ERR_CONTENT, t->line, t->col,
                                "got quoted positional parameter" PAGE_SC_MIX);
        }
        return page_sc_fail(p, PAGE_ERR_CONTENT, t->line, t->col,
                            "got positional parameter '%.*s'" PAGE_SC_MIX,
                            page_sc_qlen(t->arg_len), t->arg);
    }

    if (page_sc_count_param(p, t) != 0) {
        return -1;
    }

    if (t->params == NULL) {
        t->kind = PAGE_SC_KIND_POSITIONAL;
        t->params = page_value_list(p->arena);
        if (t->params == NULL) {
            return page_sc_nomem(p);
        }
    }

    v = t->pending_quoted ? page_value_string(p->arena, t->arg, t->arg_len)
                          : page_sc_typed(p->arena, t->arg, t->arg_len);

    if (v == NULL || page_list_push(p->arena, t->params, v) != 0) {
        return page_sc_nomem(p);
    }

    return 0;
}


/* The pending argument is the name of value v. */
static int
page_sc_named(page_sc_parser_t *p, page_sc_tag_t *t, page_value_t *v)
{
    t->pending = 0;

    if (t->kind == PAGE_SC_KIND_POSITIONAL) {
        return page_sc_fail(p, PAGE_ERR_CONTENT, t->line, t->col,
                            "got named parameter '%.*s'" PAGE_SC_MIX,
                            page_sc_qlen(t->arg_len), t->arg);
    }

    if (page_sc_count_param(p, t) != 0) {
        return -1;
    }

    if (t->params == NULL) {
        t->kind = PAGE_SC_KIND_NAMED;
        t->params = page_value_map(p->arena);
        if (t->params == NULL) {
            return page_sc_nomem(p);
        }
    }

    if (page_map_set(p->arena, t->params, t->arg, t->arg_len, v) != 0) {
        return page_sc_nomem(p);
    }

    return 0;
}


/* Drop the backslashes of s[0..len) (a value that had \" in it). */
static const char *
page_sc_unescape(page_sc_parser_t *p, const char *s, size_t *len)
{
    char    *out;
    size_t   i, n;

    out = page_arena_alloc(p->arena, *len + 1);
    if (out == NULL) {
        return NULL;
    }

    for (i = 0, n = 0; i < *len; i++) {
        if (s[i] != '\\') {
            out[n++] = s[i];
        }
    }

    out[n] = '\0';
    *len = n;

    return out;
}


/*
 * A "..." string from t->pos, which is at its opening quote or, for a
 * named value written =\"...\", at the backslash.  With escaped_close (the
 * argument started with \") the string ends at the next \"; otherwise \"
 * is a quote inside it, and then every backslash of the value is dropped.
 */
static int
page_sc_quoted(page_sc_parser_t *p, page_sc_tag_t *t, int escaped_close,
    const char **s, size_t *len)
{
    size_t  i, start, end;
    int     open, inner_quote, escaped;

    open = 0;
    inner_quote = 0;
    escaped = 0;
    start = t->pos;

    for (i = t->pos; ; i++) {

        if (i >= p->len || p->src[i] == '\n') {
            return page_sc_fail(p, PAGE_ERR_CONTENT, t->line, t->col,
                                "unterminated quoted string in shortcode "
                                "parameter-argument: '%.*s'",
                                page_sc_qlen(i - start), p->src + start);
        }

        if (p->src[i] == '\\') {
            if (i + 1 < p->len && p->src[i + 1] == '"') {
                if (open && escaped_close) {
                    break;
                }
                if (open) {
                    inner_quote = 1;
                    escaped = 1;
                }

            } else if (i + 1 < p->len && p->src[i + 1] == '`') {
                return page_sc_fail(p, PAGE_ERR_CONTENT, t->line, t->col,
                                    "unrecognized escape character");
            }

        } else if (p->src[i] == '"') {
            if (escaped) {
                escaped = 0;

            } else if (open) {
                break;

            } else {
                open = 1;
                start = i + 1;
            }
        }
    }

    end = i;
    *s = p->src + start;
    *len = end - start;

    if (inner_quote) {
        *s = page_sc_unescape(p, *s, len);
        if (*s == NULL) {
            return page_sc_nomem(p);
        }
    }

    /* past the closing " or \" */
    t->pos = end + (p->src[end] == '\\' ? 2 : 1);

    return 0;
}


/* A `...` raw string from t->pos (at the opening backtick). */
static int
page_sc_raw(page_sc_parser_t *p, page_sc_tag_t *t, const char **s,
    size_t *len)
{
    size_t       start;
    const char  *q;

    start = t->pos + 1;
    q = memchr(p->src + start, '`', p->len - start);

    if (q == NULL) {
        return page_sc_fail(p, PAGE_ERR_CONTENT, t->line, t->col,
                            "unterminated raw string in shortcode "
                            "parameter-argument: '%.*s'",
                            page_sc_qlen(p->len - start), p->src + start);
    }

    *s = p->src + start;
    *len = (size_t) (q - *s);
    t->pos = (size_t) (q - p->src) + 1;

    return 0;
}


/* A positional argument (or the name of a named one) at t->pos. */
static int
page_sc_arg(page_sc_parser_t *p, page_sc_tag_t *t, int escaped)
{
    size_t    i, w;
    uint32_t  r;
    char      c = p->src[t->pos];

    t->pending = 1;
    t->pending_quoted = 1;

    if (c == '"') {
        return page_sc_quoted(p, t, escaped, &t->arg, &t->arg_len);
    }

    if (c == '`') {
        return page_sc_raw(p, t, &t->arg, &t->arg_len);
    }

    /* unquoted: [\pL\pN_-][\pL\pN_.-]* */
    t->pending_quoted = 0;

    for (i = t->pos; i < p->len; i += w) {
        w = page_utf8_decode(p->src + i, p->len - i, &r);
        if (!page_sc_is_alnum(r) && r != '-' && r != '.') {
            break;
        }
    }

    t->arg = p->src + t->pos;
    t->arg_len = i - t->pos;
    t->pos = i;

    return 0;
}


/* "=" and the value after it (t->pos is at the "="). */
static int
page_sc_value(page_sc_parser_t *p, page_sc_tag_t *t)
{
    char           c;
    size_t         i, w, len;
    uint32_t       r;
    const char    *s;
    page_value_t  *v;

    for (i = t->pos + 1; i < p->len; i += w) {
        w = page_utf8_decode(p->src + i, p->len - i, &r);
        if (!page_sc_is_uspace(r)) {
            break;
        }
    }

    t->pos = i;
    c = i < p->len ? p->src[i] : '\0';

    if (c == '"' || c == '\\') {
        if (page_sc_quoted(p, t, c == '\\', &s, &len) != 0) {
            return -1;
        }
        v = page_value_string(p->arena, s, len);

    } else if (c == '`') {
        if (page_sc_raw(p, t, &s, &len) != 0) {
            return -1;
        }
        v = page_value_string(p->arena, s, len);

    } else {
        /* unquoted: runs to the next whitespace, delimiters included */
        for ( ; i < p->len; i += w) {
            w = page_utf8_decode(p->src + i, p->len - i, &r);
            if (page_sc_is_uspace(r)) {
                break;
            }
        }
        s = p->src + t->pos;
        len = i - t->pos;
        t->pos = i;
        v = page_sc_typed(p->arena, s, len);
    }

    if (v == NULL) {
        return page_sc_nomem(p);
    }

    if (!t->pending) {
        return 0;                   /* a value with no name: dropped */
    }

    return page_sc_named(p, t, v);
}


/* ---- tags ------------------------------------------------------------ */

static int
page_sc_at_close(page_sc_parser_t *p, page_sc_tag_t *t)
{
    return p->len - t->pos >= 3 && memcmp(p->src + t->pos, t->close, 3) == 0;
}


static void
page_sc_skip_space(page_sc_parser_t *p, page_sc_tag_t *t)
{
    while (t->pos < p->len
           && page_sc_is_space((unsigned char) p->src[t->pos]))
    {
        t->pos++;
    }
}


static int
page_sc_bad_char(page_sc_parser_t *p, page_sc_tag_t *t, uint32_t r)
{
    char    ch[4];
    size_t  n;

    if (!page_sc_is_print(r)) {
        return page_sc_fail(p, PAGE_ERR_CONTENT, t->line, t->col,
                            "unrecognized character in shortcode action: "
                            "U+%04X. Note: Parameters with non-alphanumeric "
                            "args must be quoted", (unsigned) r);
    }

    n = page_utf8_encode(r, ch);

    return page_sc_fail(p, PAGE_ERR_CONTENT, t->line, t->col,
                        "unrecognized character in shortcode action: "
                        "U+%04X '%.*s'. Note: Parameters with "
                        "non-alphanumeric args must be quoted",
                        (unsigned) r, (int) n, ch);
}


/*
 * The comment escape {{</\* anything *\/>}} (written with \ here):
 * the literal text "{{<" anything ">}}".  t->pos is at its slash-star.
 */
static int
page_sc_comment(page_sc_parser_t *p, page_sc_tag_t *t)
{
    char            *text;
    size_t           i, n;
    page_sc_node_t  *node;

    /* the first star-slash and delimiter; one sharing the star of the
     * opening slash-star ({{</\*\/>}}) is unclosed, as in Hugo */
    for (i = t->pos + 1; p->len - i >= 5; i++) {
        if (p->src[i] == '*' && p->src[i + 1] == '/'
            && memcmp(p->src + i + 2, t->close, 3) == 0)
        {
            break;
        }
    }

    if (p->len - i < 5 || i == t->pos + 1) {
        return page_sc_fail(p, PAGE_ERR_CONTENT, t->line, t->col,
                            "comment must be closed");
    }

    n = i - (t->pos + 2);
    text = page_arena_alloc(p->arena, n + 7);
    node = page_sc_node(p, t->start);
    if (text == NULL || node == NULL) {
        return page_sc_nomem(p);
    }

    memcpy(text, p->src + t->start, 3);
    memcpy(text + 3, p->src + t->pos + 2, n);
    memcpy(text + 3 + n, t->close, 3);
    text[n + 6] = '\0';

    node->comment = 1;
    node->text = text;
    node->len = n + 6;
    node->end = i + 5;
    t->pos = i + 5;

    return 0;
}


/* The name at t->pos: letters, digits, "_", "-", "/" (and ".inline "). */
static int
page_sc_name(page_sc_parser_t *p, page_sc_tag_t *t)
{
    size_t    i, w;
    uint32_t  r;

    for (i = t->pos; i < p->len; i += w) {
        w = page_utf8_decode(p->src + i, p->len - i, &r);

        if (page_sc_is_alnum(r) || r == '-' || r == '/') {
            continue;
        }

        if (r != '.') {
            break;
        }

        if (p->len - i > 7 && memcmp(p->src + i + 1, "inline ", 7) == 0) {
            continue;                   /* name.inline: the executor's */
        }

        return page_sc_fail(p, PAGE_ERR_CONTENT, t->line, t->col,
                            "period in shortcode name only allowed for "
                            "inline identifiers");
    }

    t->name = p->src + t->pos;
    t->name_len = i - t->pos;
    t->has_name = 1;
    t->pos = i;

    return 0;
}


/* An opening tag's name was read: find its template, make its node. */
static int
page_sc_open(page_sc_parser_t *p, page_sc_tag_t *t)
{
    page_sc_node_t  *n;

    if (page_sc_see(p, t->name, t->name_len) != 0) {
        return -1;
    }

    t->takes_inner = p->lookup ? p->lookup(p->ctx, t->name, t->name_len)
                               : 0;

    if (t->takes_inner < 0) {
        return page_sc_fail(p, PAGE_ERR_CONTENT, t->line, t->col,
                            "template for shortcode \"%.*s\" not found",
                            page_sc_qlen(t->name_len), t->name);
    }

    if (p->depth >= PAGE_SC_MAX_DEPTH) {
        return page_sc_fail(p, PAGE_ERR_LIMIT, t->line, t->col,
                            "shortcode \"%.*s\" is nested too deeply "
                            "(limit %d)", page_sc_qlen(t->name_len),
                            t->name, PAGE_SC_MAX_DEPTH);
    }

    if (++p->calls > PAGE_SC_MAX_CALLS) {
        return page_sc_fail(p, PAGE_ERR_LIMIT, t->line, t->col,
                            "too many shortcodes in one page (limit %d)",
                            PAGE_SC_MAX_CALLS);
    }

    n = page_sc_node(p, t->start);
    if (n == NULL) {
        return page_sc_nomem(p);
    }

    n->is_call = 1;
    n->markdown = t->markdown;
    n->name.data = t->name;
    n->name.len = t->name_len;
    n->ordinal = p->stack[p->depth].ordinal++;
    page_sc_indent(p, t->start, n);

    t->node = n;

    return 0;
}


/* The end of an opening tag: self-closed, complete, or open for inner. */
static int
page_sc_opened(page_sc_parser_t *p, page_sc_tag_t *t)
{
    page_sc_node_t   *n = t->node;
    page_sc_frame_t  *f;

    n->params = t->params;
    n->named = t->kind == PAGE_SC_KIND_NAMED;
    n->end = t->pos;

    if (t->self_closed) {
        if (!t->takes_inner) {
            return page_sc_fail(p, PAGE_ERR_CONTENT, t->line, t->col,
                                "shortcode \"%.*s\" does not evaluate .Inner "
                                "or .InnerDeindent, yet a closing tag was "
                                "provided", page_sc_qlen(t->name_len),
                                t->name);
        }
        n->self_closed = 1;
        return 0;
    }

    if (!t->takes_inner) {
        return 0;
    }

    n->inner = p->src + t->pos;

    f = &p->stack[++p->depth];
    f->node = n;
    f->tail = &n->children;
    f->ordinal = 0;

    return 0;
}


/* A closing tag ends: it closes the innermost open call. */
static int
page_sc_closed(page_sc_parser_t *p, page_sc_tag_t *t)
{
    int              inner;
    page_sc_node_t  *n;

    if (p->depth == 0) {
        if (t->has_name) {
            inner = p->lookup ? p->lookup(p->ctx, t->name, t->name_len) : 0;
            if (inner == 0) {
                return page_sc_fail(p, PAGE_ERR_CONTENT, t->line, t->col,
                                    "shortcode \"%.*s\" does not evaluate "
                                    ".Inner or .InnerDeindent, yet a closing "
                                    "tag was provided",
                                    page_sc_qlen(t->name_len), t->name);
            }
        }

        return page_sc_fail(p, PAGE_ERR_CONTENT, t->line, t->col,
                            "got closing shortcode, but none is open");
    }

    n = p->stack[p->depth--].node;
    n->closed = 1;
    n->inner_len = t->start - (size_t) (n->inner - p->src);
    n->end = t->pos;

    return 0;
}


/* The end of the name in a closing tag: only the delimiter may follow. */
static int
page_sc_close_name(page_sc_parser_t *p, page_sc_tag_t *t)
{
    if (!page_sc_seen(p, t->name, t->name_len)) {
        return page_sc_fail(p, PAGE_ERR_CONTENT, t->line, t->col,
                            "closing tag for shortcode '%.*s' does not "
                            "match start tag", page_sc_qlen(t->name_len),
                            t->name);
    }

    page_sc_skip_space(p, t);

    if (!page_sc_at_close(p, t)) {
        return page_sc_fail(p, PAGE_ERR_CONTENT, t->line, t->col,
                            "unclosed shortcode");
    }

    return 0;
}


/* Lex the action of the tag until its closing delimiter (t->pos at it). */
static int
page_sc_action(page_sc_parser_t *p, page_sc_tag_t *t)
{
    uint32_t  r;

    for ( ;; ) {
        page_sc_skip_space(p, t);

        if (page_sc_at_close(p, t)) {
            return page_sc_commit(p, t);
        }

        if (t->pos >= p->len) {
            return page_sc_fail(p, PAGE_ERR_CONTENT, t->line, t->col,
                                "unclosed shortcode action");
        }

        (void) page_utf8_decode(p->src + t->pos, p->len - t->pos, &r);

        if (r == '=') {
            if (page_sc_value(p, t) != 0) {
                return -1;
            }
            continue;
        }

        if (page_sc_commit(p, t) != 0) {
            return -1;
        }

        if (t->self_closed) {
            return page_sc_fail(p, PAGE_ERR_CONTENT, t->line, t->col,
                                "unclosed shortcode");
        }

        if (r == '/' && t->has_name) {
            t->self_closed = 1;
            t->pos++;

        } else if (r == '/' && !t->closing) {
            if (!p->any_name) {
                return page_sc_fail(p, PAGE_ERR_CONTENT, t->line, t->col,
                                    "got closing shortcode, but none is "
                                    "open");
            }
            t->closing = 1;
            t->pos++;

        } else if (r == '\\' && t->pos + 1 < p->len
                   && p->src[t->pos + 1] == '`')
        {
            return page_sc_fail(p, PAGE_ERR_CONTENT, t->line, t->col,
                                "unrecognized escape character");

        } else if (r == '\\' && t->pos + 1 < p->len
                   && p->src[t->pos + 1] == '"')
        {
            if (!t->has_name) {
                return page_sc_bad_char(p, t, '"');
            }
            t->pos++;
            if (page_sc_arg(p, t, 1) != 0) {
                return -1;
            }

        } else if (r == '\\') {
            t->pos++;               /* a lone backslash is ignored */

        } else if (t->has_name
                   && (page_sc_is_alnum(r) || r == '-' || r == '"'
                       || r == '`'))
        {
            if (page_sc_arg(p, t, 0) != 0) {
                return -1;
            }

        } else if (!t->has_name && page_sc_is_alnum(r)) {
            if (page_sc_name(p, t) != 0) {
                return -1;
            }

            if (t->closing) {
                return page_sc_close_name(p, t);
            }

            if (page_sc_open(p, t) != 0) {
                return -1;
            }

        } else {
            return page_sc_bad_char(p, t, r);
        }
    }
}


/* The tag at src[start] ("{{<" or "{{%"); sets *next past it. */
static int
page_sc_tag(page_sc_parser_t *p, size_t start, size_t *next)
{
    page_sc_tag_t  t;

    memset(&t, 0, sizeof(t));
    t.start = start;
    t.pos = start + 3;
    t.markdown = p->src[start + 2] == '%';
    t.close = t.markdown ? "%}}" : ">}}";
    page_sc_position(p, start, &t.line, &t.col);

    if (p->len - t.pos >= 2 && p->src[t.pos] == '/'
        && p->src[t.pos + 1] == '*')
    {
        if (page_sc_comment(p, &t) != 0) {
            return -1;
        }
        *next = t.pos;
        return 0;
    }

    if (page_sc_action(p, &t) != 0) {
        return -1;
    }

    t.pos += 3;                     /* the closing delimiter */
    *next = t.pos;

    if (t.closing) {
        return page_sc_closed(p, &t);
    }

    if (!t.has_name) {
        return page_sc_fail(p, PAGE_ERR_CONTENT, t.line, t.col,
                            "shortcode has no name");
    }

    return page_sc_opened(p, &t);
}


/* Offset of the next "{{<" or "{{%" at or after from, or len. */
static size_t
page_sc_find(const page_sc_parser_t *p, size_t from)
{
    const char  *q;

    while (p->len - from >= 3) {
        q = memchr(p->src + from, '{', p->len - from - 2);
        if (q == NULL) {
            break;
        }

        if (q[1] == '{' && (q[2] == '<' || q[2] == '%')) {
            return (size_t) (q - p->src);
        }

        from = (size_t) (q - p->src) + 1;
    }

    return p->len;
}


int
page_shortcode_parse(page_arena_t *a, const char *src, size_t len,
    unsigned first_line, const char *path, page_sc_lookup_pt lookup,
    void *ctx, page_sc_node_t **out, page_error_t *err)
{
    size_t             pos, tag;
    page_sc_node_t    *n;
    page_sc_parser_t  *p;

    *out = NULL;

    /* the parser is a few kilobytes: keep it off the (nginx) stack */
    p = page_arena_calloc(a, 1, sizeof(page_sc_parser_t));
    if (p == NULL) {
        page_error_nomem(err, path);
        return -1;
    }

    p->arena = a;
    p->src = src ? src : "";
    p->len = src ? len : 0;
    p->path = path;
    p->lookup = lookup;
    p->ctx = ctx;
    p->err = err;
    p->line = first_line ? first_line : 1;
    p->stack[0].tail = out;

    pos = 0;

    for ( ;; ) {
        tag = page_sc_find(p, pos);

        if (page_sc_text(p, pos, tag) != 0) {
            return -1;
        }

        if (tag == p->len) {
            break;
        }

        if (page_sc_tag(p, tag, &pos) != 0) {
            return -1;
        }
    }

    if (p->depth > 0) {
        n = p->stack[p->depth].node;
        return page_sc_fail(p, PAGE_ERR_CONTENT, n->line, n->col,
                            "shortcode \"%.*s\" must be closed or "
                            "self-closed", page_sc_qlen(n->name.len),
                            n->name.data);
    }

    return 0;
}
