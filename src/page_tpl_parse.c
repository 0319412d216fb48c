/*
 * page_tpl_parse: the template parser.  Turns the lexer's tokens into a
 * syntax tree per template (the file itself and each {{define}} and
 * {{block}} in it), with positions, resolving function names and checking
 * variables as it goes: an unknown function or an undefined variable is a
 * parse error, as in Go.  Also owns the set's bookkeeping.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page_tpl_int.h"
#include "page_utf8.h"

/* Tokens of lookahead the grammar needs: "$i , $v :=". */
#define PAGE_TPL_LOOKAHEAD  4

/*
 * Most variables in scope at once while parsing: the parser keeps their
 * names in a fixed array; real templates use a handful.
 */
#define PAGE_TPL_MAX_VARS   256

typedef struct {
    page_tpl_set_t     *set;
    page_arena_t       *arena;
    page_error_t       *err;
    const char         *path;
    const char         *name;
    page_tpl_lexer_t    lx;
    page_tpl_tok_t      ahead[PAGE_TPL_LOOKAHEAD];
    size_t              nahead;
    page_tpl_tok_t      last;       /* last token consumed */
    const char         *vars[PAGE_TPL_MAX_VARS];
    size_t              nvars;
    size_t              var_base;   /* first variable of this template */
    unsigned            nest;
    unsigned            range_depth;
    page_tpl_tree_t    *trees;      /* defined by this file */
    int                 failed;
} page_tpl_parser_t;

typedef enum {
    TPL_END_EOF,
    TPL_END_END,
    TPL_END_ELSE,
    TPL_END_ELSE_IF,
    TPL_END_ELSE_WITH
} page_tpl_end_t;

static page_tpl_node_t *page_tpl_parse_pipe(page_tpl_parser_t *p,
    const char *ctx, page_tpl_tok_type_t end);
static page_tpl_node_t *page_tpl_parse_list(page_tpl_parser_t *p,
    page_tpl_end_t *end);


static const char *
page_tpl_tok_desc(const page_tpl_tok_t *t)
{
    switch (t->type) {
    case TPL_T_EOF:     return "EOF";
    case TPL_T_RIGHT:   return "\"}}\"";
    case TPL_T_LEFT:    return "\"{{\"";
    case TPL_T_PIPE:    return "\"|\"";
    case TPL_T_LPAREN:  return "\"(\"";
    case TPL_T_RPAREN:  return "\")\"";
    case TPL_T_DECLARE: return "\":=\"";
    case TPL_T_ASSIGN:  return "\"=\"";
    case TPL_T_COMMA:   return "\",\"";
    default:            return NULL;
    }
}


static void
page_tpl_perr(page_tpl_parser_t *p, const page_tpl_tok_t *t,
    const char *fmt, const char *arg, size_t arg_len)
{
    char  msg[256];

    if (p->failed) {
        return;
    }

    p->failed = 1;

    if (t != NULL && t->type == TPL_T_ERROR) {
        page_error_set(p->err, PAGE_ERR_TEMPLATE, p->path, t->line, t->col,
                       "template: %s: %s", p->name, p->lx.err);
        return;
    }

    if (arg_len > 64) {
        arg_len = 64;
    }

    snprintf(msg, sizeof(msg), fmt, (int) arg_len, arg ? arg : "");
    page_error_set(p->err, PAGE_ERR_TEMPLATE, p->path, t ? t->line : 0,
                   t ? t->col : 0, "template: %s: %s", p->name, msg);
}


/* An "unexpected <token> in ..." error. */
static void
page_tpl_unexpected(page_tpl_parser_t *p, const page_tpl_tok_t *t,
    const char *where)
{
    char         fmt[128];
    const char  *d;

    d = page_tpl_tok_desc(t);
    if (d != NULL) {
        snprintf(fmt, sizeof(fmt), "unexpected %s in %s%%.*s", d, where);
        page_tpl_perr(p, t, fmt, "", 0);
        return;
    }

    snprintf(fmt, sizeof(fmt), "unexpected \"%%.*s\" in %s", where);
    page_tpl_perr(p, t, fmt, t->text, t->len);
}


static page_tpl_tok_t *
page_tpl_peek_n(page_tpl_parser_t *p, size_t n)
{
    while (p->nahead <= n) {
        page_tpl_lex_next(&p->lx, &p->ahead[p->nahead]);
        p->nahead++;
    }

    return &p->ahead[n];
}


static page_tpl_tok_t *
page_tpl_peek(page_tpl_parser_t *p)
{
    return page_tpl_peek_n(p, 0);
}


static page_tpl_tok_t *
page_tpl_next(page_tpl_parser_t *p)
{
    page_tpl_peek(p);
    p->last = p->ahead[0];
    memmove(&p->ahead[0], &p->ahead[1],
            (p->nahead - 1) * sizeof(page_tpl_tok_t));
    p->nahead--;

    if (p->last.type == TPL_T_ERROR) {
        page_tpl_perr(p, &p->last, "%.*s", "", 0);
    }

    return &p->last;
}


static page_tpl_node_t *
page_tpl_node(page_tpl_parser_t *p, page_tpl_node_type_t type,
    const page_tpl_tok_t *t)
{
    page_tpl_node_t  *n;

    n = page_arena_calloc(p->arena, 1, sizeof(page_tpl_node_t));
    if (n == NULL) {
        if (!p->failed) {
            p->failed = 1;
            page_error_nomem(p->err, p->path);
        }
        return NULL;
    }

    n->type = type;
    if (t != NULL) {
        n->line = t->line;
        n->col = t->col;
        n->src = t->text;
        n->src_len = t->len;
    }

    return n;
}


static int
page_tpl_nomem(page_tpl_parser_t *p)
{
    if (!p->failed) {
        p->failed = 1;
        page_error_nomem(p->err, p->path);
    }
    return -1;
}


static int
page_tpl_list_add(page_tpl_parser_t *p, page_tpl_node_t *list,
    page_tpl_node_t *n)
{
    size_t             cap;
    page_tpl_node_t  **items;

    if (list->u.list.n == list->u.list.cap) {
        cap = list->u.list.cap ? list->u.list.cap * 2 : 8;
        items = page_arena_realloc(p->arena, list->u.list.items,
                                   list->u.list.n * sizeof(*items),
                                   cap * sizeof(*items));
        if (items == NULL) {
            return page_tpl_nomem(p);
        }
        list->u.list.items = items;
        list->u.list.cap = cap;
    }

    list->u.list.items[list->u.list.n++] = n;
    return 0;
}


/* ---- literals ---- */

static int
page_tpl_hexval(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}


/*
 * Go's strconv.Unquote for "..." and '...' bodies: s..e without quotes.
 * Writes to out (room for len bytes suffices: escapes never grow).
 * Returns the length, or -1 on a bad escape.
 */
static long
page_tpl_unescape(const char *s, size_t len, char *out, char q)
{
    size_t    i, o, k, nd;
    uint32_t  r;
    int       h;

    o = 0;
    for (i = 0; i < len; i++) {
        if (s[i] != '\\') {
            out[o++] = s[i];
            continue;
        }

        if (++i >= len) {
            return -1;
        }

        switch (s[i]) {
        case 'a':  out[o++] = '\a'; break;
        case 'b':  out[o++] = '\b'; break;
        case 'f':  out[o++] = '\f'; break;
        case 'n':  out[o++] = '\n'; break;
        case 'r':  out[o++] = '\r'; break;
        case 't':  out[o++] = '\t'; break;
        case 'v':  out[o++] = '\v'; break;
        case '\\': out[o++] = '\\'; break;
        case '"':
        case '\'':
            if (s[i] != q) {
                return -1;
            }
            out[o++] = s[i];
            break;
        case 'x':
        case 'u':
        case 'U':
            nd = s[i] == 'x' ? 2 : s[i] == 'u' ? 4 : 8;
            if (i + nd >= len) {
                return -1;
            }
            r = 0;
            for (k = 1; k <= nd; k++) {
                h = page_tpl_hexval(s[i + k]);
                if (h < 0) {
                    return -1;
                }
                r = r * 16 + (uint32_t) h;
            }
            if (nd == 2) {
                out[o++] = (char) r;
            } else {
                if (r > 0x10ffff) {
                    return -1;
                }
                o += page_utf8_encode(r, out + o);
            }
            i += nd;
            break;
        default:
            if (s[i] >= '0' && s[i] <= '7') {
                if (i + 2 >= len) {
                    return -1;
                }
                r = 0;
                for (k = 0; k < 3; k++) {
                    if (s[i + k] < '0' || s[i + k] > '7') {
                        return -1;
                    }
                    r = r * 8 + (uint32_t) (s[i + k] - '0');
                }
                if (r > 255) {
                    return -1;
                }
                out[o++] = (char) r;
                i += 2;
                break;
            }
            return -1;
        }
    }

    return (long) o;
}


static page_tpl_node_t *
page_tpl_parse_string(page_tpl_parser_t *p, const page_tpl_tok_t *t)
{
    char             *buf;
    long              n;
    page_tpl_node_t  *node;

    node = page_tpl_node(p, TPL_N_CONST, t);
    buf = page_arena_alloc(p->arena, t->len + 1);
    if (node == NULL || buf == NULL) {
        page_tpl_nomem(p);
        return NULL;
    }

    if (t->type == TPL_T_RAW) {
        n = (long) t->len - 2;
        memcpy(buf, t->text + 1, (size_t) n);
    } else {
        n = page_tpl_unescape(t->text + 1, t->len - 2, buf, '"');
        if (n < 0) {
            page_tpl_perr(p, t, "invalid syntax in string %.*s", t->text,
                          t->len);
            return NULL;
        }
    }

    buf[n] = '\0';
    node->u.value = page_value_string_ref(p->arena, PAGE_STRING, buf,
                                          (size_t) n);
    if (node->u.value == NULL) {
        page_tpl_nomem(p);
        return NULL;
    }

    return node;
}


static page_tpl_node_t *
page_tpl_parse_char(page_tpl_parser_t *p, const page_tpl_tok_t *t)
{
    char              buf[16];
    long              n;
    uint32_t          r;
    unsigned char     c;
    page_tpl_node_t  *node;

    if (t->len < 3 || t->len > 12) {
        goto bad;
    }

    n = page_tpl_unescape(t->text + 1, t->len - 2, buf, '\'');
    if (n <= 0) {
        goto bad;
    }

    /* one character: a byte escape ('\xff') is that byte's rune, as Go */
    c = (unsigned char) buf[0];
    if (n == 1) {
        r = c;
        goto done;
    }

    if (page_utf8_decode(buf, (size_t) n, &r) != (size_t) n) {
        goto bad;
    }

done:

    node = page_tpl_node(p, TPL_N_CONST, t);
    if (node == NULL) {
        return NULL;
    }
    node->u.value = page_value_int(p->arena, (int64_t) r);
    if (node->u.value == NULL) {
        page_tpl_nomem(p);
        return NULL;
    }
    return node;

bad:

    page_tpl_perr(p, t, "malformed character constant: %.*s", t->text,
                  t->len);
    return NULL;
}


static page_tpl_node_t *
page_tpl_parse_number(page_tpl_parser_t *p, const page_tpl_tok_t *t)
{
    char              buf[128], *end;
    size_t            i, n;
    int               neg, base, is_float;
    const char       *d;
    unsigned long long  u;
    double            f;
    page_tpl_node_t  *node;

    if (t->len >= sizeof(buf)) {
        goto bad;
    }

    /* drop '_' separators */
    n = 0;
    for (i = 0; i < t->len; i++) {
        if (t->text[i] != '_') {
            buf[n++] = t->text[i];
        }
    }
    buf[n] = '\0';

    d = buf;
    neg = 0;
    if (*d == '+' || *d == '-') {
        neg = *d == '-';
        d++;
    }

    base = 10;
    is_float = 0;
    if (d[0] == '0' && (d[1] == 'x' || d[1] == 'X')) {
        base = 16;
        is_float = strpbrk(d, ".pP") != NULL;
    } else if (d[0] == '0' && (d[1] == 'o' || d[1] == 'O')) {
        base = 8;
        d += 2;
    } else if (d[0] == '0' && (d[1] == 'b' || d[1] == 'B')) {
        base = 2;
        d += 2;
    } else {
        is_float = strpbrk(d, ".eE") != NULL;
        if (!is_float && d[0] == '0' && d[1] != '\0') {
            base = 8;
        }
    }

    node = page_tpl_node(p, TPL_N_CONST, t);
    if (node == NULL) {
        return NULL;
    }

    if (*d == '\0') {
        goto bad;
    }

    if (is_float) {
        f = strtod(buf, &end);
        if (*end != '\0' || end == buf) {
            goto bad;
        }
        node->u.value = page_value_float(p->arena, f);

    } else {
        if (base == 16) {
            d += 2;
        }
        if (*d == '\0' || *d == '+' || *d == '-') {
            goto bad;
        }
        u = strtoull(d, &end, base);
        if (*end != '\0') {
            goto bad;
        }
        if ((!neg && u > (unsigned long long) INT64_MAX)
            || (neg && u > (unsigned long long) INT64_MAX + 1))
        {
            /* too big for an int: Go keeps it as a float constant */
            node->u.value = page_value_float(p->arena,
                                             neg ? -(double) u : (double) u);
        } else {
            node->u.value = page_value_int(p->arena,
                                 neg ? (int64_t) (0 - u) : (int64_t) u);
        }
    }

    if (node->u.value == NULL) {
        page_tpl_nomem(p);
        return NULL;
    }

    return node;

bad:

    page_tpl_perr(p, t, "bad number syntax: %.*s", t->text, t->len);
    return NULL;
}


/* ---- variables ---- */

static int
page_tpl_var_defined(page_tpl_parser_t *p, const char *name, size_t len)
{
    size_t  i;

    if (len == 1) {
        return 1;                               /* $ */
    }

    for (i = p->nvars; i-- > p->var_base; ) {
        if (strlen(p->vars[i]) == len && memcmp(p->vars[i], name, len) == 0) {
            return 1;
        }
    }

    return 0;
}


static int
page_tpl_var_push(page_tpl_parser_t *p, const char *name)
{
    if (p->nvars == PAGE_TPL_MAX_VARS) {
        page_tpl_perr(p, &p->last, "too many variables%.*s", "", 0);
        return -1;
    }

    p->vars[p->nvars++] = name;
    return 0;
}


/* ---- operands ---- */

/* Collect the field names that follow immediately (".a.b"). */
static int
page_tpl_parse_fields(page_tpl_parser_t *p, page_tpl_node_t *n,
    const page_tpl_tok_t *first)
{
    size_t                 cap, k;
    const page_tpl_tok_t  *t;
    const char           **names;
    size_t                *lens;

    cap = 0;
    k = 0;
    names = NULL;
    lens = NULL;

    for ( ;; ) {
        if (first != NULL) {
            t = first;
            first = NULL;
        } else {
            t = page_tpl_peek(p);
            if (t->type != TPL_T_FIELD || t->space) {
                break;
            }
            t = page_tpl_next(p);
        }

        if (k == cap) {
            cap = cap ? cap * 2 : 4;
            names = page_arena_realloc(p->arena, names, k * sizeof(*names),
                                       cap * sizeof(*names));
            lens = page_arena_realloc(p->arena, lens, k * sizeof(*lens),
                                      cap * sizeof(*lens));
            if (names == NULL || lens == NULL) {
                return page_tpl_nomem(p);
            }
        }

        names[k] = page_arena_strndup(p->arena, t->text + 1, t->len - 1);
        if (names[k] == NULL) {
            return page_tpl_nomem(p);
        }
        lens[k] = t->len - 1;
        k++;
    }

    n->u.field.names = names;
    n->u.field.lens = lens;
    n->u.field.n = k;
    n->src_len = (size_t) (p->last.text + p->last.len - n->src);

    return 0;
}


/* A function called without arguments, then fields: (f).a.b */
static page_tpl_node_t *
page_tpl_func_chain(page_tpl_parser_t *p, const page_tpl_tok_t *t,
    page_tpl_node_t *f)
{
    page_tpl_node_t  *chain, *pipe, *cmd;

    chain = page_tpl_node(p, TPL_N_CHAIN, t);
    pipe = page_tpl_node(p, TPL_N_PIPE, t);
    cmd = page_tpl_node(p, TPL_N_CMD, t);
    if (chain == NULL || pipe == NULL || cmd == NULL) {
        return NULL;
    }

    cmd->u.cmd.args = page_arena_alloc(p->arena, sizeof(page_tpl_node_t *));
    pipe->u.pipe.cmds = page_arena_alloc(p->arena,
                                         sizeof(page_tpl_node_t *));
    if (cmd->u.cmd.args == NULL || pipe->u.pipe.cmds == NULL) {
        page_tpl_nomem(p);
        return NULL;
    }

    cmd->u.cmd.args[0] = f;
    cmd->u.cmd.nargs = 1;
    pipe->u.pipe.cmds[0] = cmd;
    pipe->u.pipe.ncmds = 1;
    chain->u.field.base = pipe;

    if (page_tpl_parse_fields(p, chain, NULL) != 0) {
        return NULL;
    }

    return chain;
}


static page_tpl_node_t *
page_tpl_parse_func(page_tpl_parser_t *p, const page_tpl_tok_t *t)
{
    char                    name[128];
    size_t                  len;
    const page_tpl_func_t  *f;
    page_tpl_tok_t         *ft;
    page_tpl_node_t        *n;

    n = page_tpl_node(p, TPL_N_FUNC, t);
    if (n == NULL) {
        return NULL;
    }

    if (t->len == 3 && memcmp(t->text, "and", 3) == 0) {
        n->u.func.builtin = TPL_B_AND;
        return n;
    }

    if (t->len == 2 && memcmp(t->text, "or", 2) == 0) {
        n->u.func.builtin = TPL_B_OR;
        return n;
    }

    if (t->len == 6 && memcmp(t->text, "return", 6) == 0) {
        n->u.func.builtin = TPL_B_RETURN;
        return n;
    }

    if (t->len == 3 && memcmp(t->text, "try", 3) == 0) {
        n->u.func.builtin = TPL_B_TRY;
        return n;
    }

    if (t->len == 4 && memcmp(t->text, "call", 4) == 0) {
        n->u.func.builtin = TPL_B_CALL;
        return n;
    }

    /* Hugo's namespaced functions: strings.ToLower */
    ft = page_tpl_peek(p);
    if (ft->type == TPL_T_FIELD && !ft->space
        && t->len + ft->len < sizeof(name))
    {
        memcpy(name, t->text, t->len);
        memcpy(name + t->len, ft->text, ft->len);
        len = t->len + ft->len;
        f = page_tpl_lookup_func(p->set, name, len);
        if (f != NULL) {
            page_tpl_next(p);
            n->u.func.func = f;
            n->src_len = len;

            ft = page_tpl_peek(p);
            if (ft->type == TPL_T_FIELD && !ft->space) {
                /* templates.Current.Name */
                return page_tpl_func_chain(p, t, n);
            }

            return n;
        }
    }

    f = page_tpl_lookup_func(p->set, t->text, t->len);
    if (f == NULL) {
        page_tpl_perr(p, t, "function \"%.*s\" not defined", t->text, t->len);
        return NULL;
    }

    n->u.func.func = f;

    ft = page_tpl_peek(p);
    if (ft->type == TPL_T_FIELD && !ft->space) {
        return page_tpl_func_chain(p, t, n);    /* now.Year */
    }

    return n;
}


static page_tpl_node_t *
page_tpl_parse_term(page_tpl_parser_t *p)
{
    page_tpl_tok_t    t;
    page_tpl_node_t  *n;

    t = *page_tpl_next(p);

    switch (t.type) {
    case TPL_T_IDENT:
        return page_tpl_parse_func(p, &t);

    case TPL_T_DOT:
        return page_tpl_node(p, TPL_N_DOT, &t);

    case TPL_T_FIELD:
        n = page_tpl_node(p, TPL_N_FIELD, &t);
        if (n == NULL || page_tpl_parse_fields(p, n, &t) != 0) {
            return NULL;
        }
        return n;

    case TPL_T_VAR:
        if (!page_tpl_var_defined(p, t.text, t.len)) {
            page_tpl_perr(p, &t, "undefined variable \"%.*s\"", t.text,
                          t.len);
            return NULL;
        }
        n = page_tpl_node(p, TPL_N_VAR, &t);
        if (n == NULL) {
            return NULL;
        }
        n->u.field.var = page_arena_strndup(p->arena, t.text, t.len);
        if (n->u.field.var == NULL || page_tpl_parse_fields(p, n, NULL) != 0)
        {
            return NULL;
        }
        return n;

    case TPL_T_LPAREN:
        if (++p->nest > PAGE_TPL_MAX_NEST) {
            page_tpl_perr(p, &t, "nesting too deep%.*s", "", 0);
            return NULL;
        }
        n = page_tpl_node(p, TPL_N_CHAIN, &t);
        if (n == NULL) {
            return NULL;
        }
        n->u.field.base = page_tpl_parse_pipe(p, "parenthesized pipeline",
                                              TPL_T_RPAREN);
        p->nest--;
        if (n->u.field.base == NULL) {
            return NULL;
        }
        if (page_tpl_parse_fields(p, n, NULL) != 0) {
            return NULL;
        }
        if (n->u.field.n == 0) {
            return n->u.field.base;     /* plain parentheses */
        }
        return n;

    case TPL_T_STRING:
    case TPL_T_RAW:
        return page_tpl_parse_string(p, &t);

    case TPL_T_CHAR:
        return page_tpl_parse_char(p, &t);

    case TPL_T_NUMBER:
        return page_tpl_parse_number(p, &t);

    case TPL_T_BOOL:
        n = page_tpl_node(p, TPL_N_CONST, &t);
        if (n == NULL) {
            return NULL;
        }
        n->u.value = page_value_bool(p->arena, t.text[0] == 't');
        if (n->u.value == NULL) {
            page_tpl_nomem(p);
            return NULL;
        }
        return n;

    case TPL_T_NIL:
        n = page_tpl_node(p, TPL_N_CONST, &t);
        if (n != NULL) {
            n->u.value = &page_nil_value;
        }
        return n;

    default:
        page_tpl_unexpected(p, &t, "operand");
        return NULL;
    }
}


static int
page_tpl_is_term_end(page_tpl_tok_type_t type)
{
    return type == TPL_T_RIGHT || type == TPL_T_PIPE
           || type == TPL_T_RPAREN;
}


static page_tpl_node_t *
page_tpl_parse_cmd(page_tpl_parser_t *p)
{
    page_tpl_tok_t    *t;
    page_tpl_node_t   *cmd, *arg;
    page_tpl_node_t  **args;
    size_t             cap;

    t = page_tpl_peek(p);
    cmd = page_tpl_node(p, TPL_N_CMD, t);
    if (cmd == NULL) {
        return NULL;
    }

    cap = 0;
    args = NULL;

    for ( ;; ) {
        t = page_tpl_peek(p);
        if (page_tpl_is_term_end(t->type) && cmd->u.cmd.nargs > 0) {
            break;
        }

        if (cmd->u.cmd.nargs > 0 && !t->space) {
            page_tpl_unexpected(p, t, "operand");
            return NULL;
        }

        if (cmd->u.cmd.nargs == PAGE_TPL_MAX_ARGS) {
            page_tpl_perr(p, t, "too many arguments%.*s", "", 0);
            return NULL;
        }

        arg = page_tpl_parse_term(p);
        if (arg == NULL) {
            return NULL;
        }

        if (cmd->u.cmd.nargs == cap) {
            cap = cap ? cap * 2 : 4;
            args = page_arena_realloc(p->arena, args,
                                      cmd->u.cmd.nargs * sizeof(*args),
                                      cap * sizeof(*args));
            if (args == NULL) {
                page_tpl_nomem(p);
                return NULL;
            }
            cmd->u.cmd.args = args;
        }

        args[cmd->u.cmd.nargs++] = arg;
    }

    cmd->u.cmd.args = args;
    cmd->src_len = (size_t) (p->last.text + p->last.len - cmd->src);
    return cmd;
}


/*
 * pipeline: [decl :=] cmd { | cmd } up to end (RIGHT or RPAREN, which is
 * consumed).  ctx names the construct for error messages; "range" allows
 * two variables.
 */
static page_tpl_node_t *
page_tpl_parse_pipe(page_tpl_parser_t *p, const char *ctx,
    page_tpl_tok_type_t end)
{
    page_tpl_tok_t    *t, *t1, *t2;
    page_tpl_node_t   *pipe, *cmd, **cmds;
    const char        *names[2];
    size_t             ndecl, i, cap;
    int                range, is_assign, after_pipe;

    t = page_tpl_peek(p);
    pipe = page_tpl_node(p, TPL_N_PIPE, t);
    if (pipe == NULL) {
        return NULL;
    }

    range = strcmp(ctx, "range") == 0;
    ndecl = 0;
    is_assign = 0;

    if (t->type == TPL_T_VAR && end == TPL_T_RIGHT) {
        t1 = page_tpl_peek_n(p, 1);
        if (t1->type == TPL_T_DECLARE || t1->type == TPL_T_ASSIGN) {
            ndecl = 1;
            is_assign = t1->type == TPL_T_ASSIGN;
        } else if (t1->type == TPL_T_COMMA && range) {
            t2 = page_tpl_peek_n(p, 2);
            t1 = page_tpl_peek_n(p, 3);
            if (t2->type != TPL_T_VAR
                || (t1->type != TPL_T_DECLARE && t1->type != TPL_T_ASSIGN))
            {
                page_tpl_perr(p, t2, "range can only initialize variables"
                              "%.*s", "", 0);
                return NULL;
            }
            ndecl = 2;
            is_assign = t1->type == TPL_T_ASSIGN;
        } else if (t1->type == TPL_T_COMMA) {
            page_tpl_perr(p, t1, "too many declarations in %.*s", ctx,
                          strlen(ctx));
            return NULL;
        }
    }

    for (i = 0; i < ndecl; i++) {
        t = page_tpl_next(p);
        names[i] = page_arena_strndup(p->arena, t->text, t->len);
        if (names[i] == NULL) {
            page_tpl_nomem(p);
            return NULL;
        }
        /* $x = of an undeclared $x compiles: Go fails when it runs */
        page_tpl_next(p);                       /* "," or ":=" or "=" */
    }

    if (ndecl) {
        pipe->u.pipe.decl = page_arena_alloc(p->arena,
                                             ndecl * sizeof(char *));
        if (pipe->u.pipe.decl == NULL) {
            page_tpl_nomem(p);
            return NULL;
        }
        memcpy(pipe->u.pipe.decl, names, ndecl * sizeof(char *));
        pipe->u.pipe.ndecl = ndecl;
        pipe->u.pipe.is_assign = is_assign;
    }

    cap = 0;
    cmds = NULL;
    after_pipe = 0;

    for ( ;; ) {
        t = page_tpl_peek(p);

        if (t->type == end) {
            if (pipe->u.pipe.ncmds == 0) {
                page_tpl_perr(p, t, "missing value for %.*s", ctx,
                              strlen(ctx));
                return NULL;
            }
            page_tpl_next(p);
            break;
        }

        if (pipe->u.pipe.ncmds > 0 && !after_pipe) {
            if (t->type != TPL_T_PIPE) {
                page_tpl_unexpected(p, t, ctx);
                return NULL;
            }
            /*
             * Go's command() takes the "|" with the command before it: a
             * pipeline may end in "|" ({{ .Get "src" | }}).
             */
            page_tpl_next(p);
            after_pipe = 1;
            continue;
        }

        after_pipe = 0;

        if (page_tpl_is_term_end(t->type) || t->type == TPL_T_OTHER) {
            page_tpl_unexpected(p, t, ctx);
            return NULL;
        }

        cmd = page_tpl_parse_cmd(p);
        if (cmd == NULL) {
            return NULL;
        }

        /*
         * "nil is not a command" and "can't give argument to
         * non-function" are Go's execution errors, not parse errors: a
         * template that has them compiles (the executor says them).
         */

        if (pipe->u.pipe.ncmds > 0 && cmd->u.cmd.args[0]->type == TPL_N_CONST)
        {
            page_tpl_perr(p, &p->last, "non executable command in pipeline"
                          " stage %.*s", "2", 1);
            return NULL;
        }

        if (pipe->u.pipe.ncmds == cap) {
            cap = cap ? cap * 2 : 4;
            cmds = page_arena_realloc(p->arena, cmds,
                                      pipe->u.pipe.ncmds * sizeof(*cmds),
                                      cap * sizeof(*cmds));
            if (cmds == NULL) {
                page_tpl_nomem(p);
                return NULL;
            }
        }
        cmds[pipe->u.pipe.ncmds++] = cmd;
    }

    pipe->u.pipe.cmds = cmds;
    pipe->src_len = (size_t) (p->last.text - pipe->src);

    /* Declarations are visible after the pipeline. */
    if (!is_assign) {
        for (i = 0; i < ndecl; i++) {
            if (page_tpl_var_push(p, pipe->u.pipe.decl[i]) != 0) {
                return NULL;
            }
        }
    }

    return pipe;
}


/* ---- control structures ---- */

/*
 * if, with, range.  An "else if" ("else with") chain is parsed in a loop,
 * each link a node of the same type alone in the else list of the one
 * before it (branch.chained), as Go nests them, but it counts as one level
 * of nesting however long it is: an icon partial of a few hundred
 * branches is one if.  Variables of every pipeline of the chain stay
 * visible in the links after it, as in Go.
 */
static page_tpl_node_t *
page_tpl_parse_control(page_tpl_parser_t *p, page_tpl_node_type_t type,
    const page_tpl_tok_t *kw)
{
    const char       *ctx;
    size_t            saved;
    page_tpl_end_t    end;
    page_tpl_node_t  *n, *head, *prev;
    page_tpl_tok_t    t;

    ctx = type == TPL_N_IF ? "if" : type == TPL_N_WITH ? "with" : "range";

    if (++p->nest > PAGE_TPL_MAX_NEST) {
        page_tpl_perr(p, kw, "nesting too deep%.*s", "", 0);
        return NULL;
    }

    saved = p->nvars;
    head = NULL;
    prev = NULL;
    t = *kw;

    for ( ;; ) {
        n = page_tpl_node(p, type, &t);
        if (n == NULL) {
            return NULL;
        }

        if (prev == NULL) {
            head = n;
        } else {
            prev->u.branch.else_list = page_tpl_node(p, TPL_N_LIST, &t);
            if (prev->u.branch.else_list == NULL
                || page_tpl_list_add(p, prev->u.branch.else_list, n) != 0)
            {
                return NULL;
            }
            prev->u.branch.chained = 1;
        }

        n->u.branch.pipe = page_tpl_parse_pipe(p, ctx, TPL_T_RIGHT);
        if (n->u.branch.pipe == NULL) {
            return NULL;
        }

        if (type == TPL_N_RANGE) {
            p->range_depth++;
        }

        n->u.branch.list = page_tpl_parse_list(p, &end);

        if (type == TPL_N_RANGE) {
            p->range_depth--;
        }

        if (n->u.branch.list == NULL) {
            return NULL;
        }

        if (end != TPL_END_ELSE_IF && end != TPL_END_ELSE_WITH) {
            break;
        }

        if ((end == TPL_END_ELSE_IF && type != TPL_N_IF)
            || (end == TPL_END_ELSE_WITH && type != TPL_N_WITH))
        {
            page_tpl_perr(p, &p->last, "unexpected \"%.*s\" after else",
                          p->last.text, p->last.len);
            return NULL;
        }

        t = p->last;
        prev = n;
    }

    /* variables of the pipeline stay visible in the else part, as in Go */
    switch (end) {
    case TPL_END_END:
        break;

    case TPL_END_ELSE:
        n->u.branch.else_list = page_tpl_parse_list(p, &end);
        if (n->u.branch.else_list == NULL) {
            return NULL;
        }
        if (end != TPL_END_END) {
            page_tpl_perr(p, &p->last, "expected end; found %.*s",
                          end == TPL_END_EOF ? "EOF" : "{{else}}",
                          end == TPL_END_EOF ? 3 : 8);
            return NULL;
        }
        break;

    default:
        page_tpl_perr(p, &p->last, "unexpected EOF%.*s", "", 0);
        return NULL;
    }

    p->nvars = saved;
    p->nest--;

    return head;
}


static int
page_tpl_expect_right(page_tpl_parser_t *p, const char *ctx)
{
    page_tpl_tok_t  *t;

    t = page_tpl_next(p);
    if (t->type != TPL_T_RIGHT) {
        page_tpl_unexpected(p, t, ctx);
        return -1;
    }
    return 0;
}


/* The quoted name after template/block/define. */
static const char *
page_tpl_parse_name(page_tpl_parser_t *p, const char *ctx)
{
    page_tpl_tok_t    t;
    page_tpl_node_t  *n;
    const char       *name;

    t = *page_tpl_next(p);
    if (t.type != TPL_T_STRING && t.type != TPL_T_RAW) {
        if (t.type == TPL_T_ERROR) {
            return NULL;
        }
        page_tpl_unexpected(p, &t, ctx);
        return NULL;
    }

    n = page_tpl_parse_string(p, &t);
    if (n == NULL) {
        return NULL;
    }

    name = n->u.value->u.s.data;
    return name;
}


static int page_tpl_tree_empty(const page_tpl_tree_t *t);


static page_tpl_tree_t *
page_tpl_new_tree(page_tpl_parser_t *p, const char *name)
{
    page_tpl_tree_t  *tree;

    tree = page_arena_calloc(p->arena, 1, sizeof(page_tpl_tree_t));
    if (tree == NULL) {
        page_tpl_nomem(p);
        return NULL;
    }

    tree->name = name;
    tree->path = p->path;
    tree->text = p->lx.src;
    tree->text_len = p->lx.len;
    tree->next = p->trees;
    p->trees = tree;

    return tree;
}


/*
 * Hugo's return: the first command "return value..." of a tree, in the
 * order Hugo's template transformer visits it (the lists in order, a
 * control structure's pipeline before its lists, a command before the
 * parenthesised pipelines among its arguments), becomes the tree's return
 * command.  Run as a partial, the tree executes in full and then gives
 * that command's value, evaluated at the end of its top level with dot
 * the partial's argument, as Hugo does; later "return x" stay calls of
 * Hugo's return function of no arguments, and fail.
 */
static page_tpl_node_t *
page_tpl_find_return(page_tpl_node_t *n, unsigned depth)
{
    size_t            i;
    page_tpl_node_t  *r, *a;

    if (n == NULL || depth > 2 * PAGE_TPL_MAX_NEST + 8) {
        return NULL;
    }

    switch (n->type) {
    case TPL_N_LIST:
        for (i = 0; i < n->u.list.n; i++) {
            r = page_tpl_find_return(n->u.list.items[i], depth + 1);
            if (r != NULL) {
                return r;
            }
        }
        return NULL;

    case TPL_N_ACTION:
        return page_tpl_find_return(n->u.action.pipe, depth + 1);

    case TPL_N_IF:
    case TPL_N_WITH:
    case TPL_N_RANGE:
        for ( ;; ) {
            r = page_tpl_find_return(n->u.branch.pipe, depth + 1);
            if (r == NULL) {
                r = page_tpl_find_return(n->u.branch.list, depth + 1);
            }
            if (r != NULL || !n->u.branch.chained) {
                break;
            }
            n = n->u.branch.else_list->u.list.items[0];     /* else if */
        }
        if (r == NULL) {
            r = page_tpl_find_return(n->u.branch.else_list, depth + 1);
        }
        return r;

    case TPL_N_PIPE:
        for (i = 0; i < n->u.pipe.ncmds; i++) {
            r = page_tpl_find_return(n->u.pipe.cmds[i], depth + 1);
            if (r != NULL) {
                return r;
            }
        }
        return NULL;

    case TPL_N_CMD:
        a = n->u.cmd.args[0];
        if (n->u.cmd.nargs >= 2 && a->type == TPL_N_FUNC
            && a->u.func.builtin == TPL_B_RETURN)
        {
            return n;
        }
        for (i = 0; i < n->u.cmd.nargs; i++) {
            if (n->u.cmd.args[i]->type == TPL_N_PIPE) {
                r = page_tpl_find_return(n->u.cmd.args[i], depth + 1);
                if (r != NULL) {
                    return r;
                }
            }
        }
        return NULL;

    default:
        return NULL;
    }
}


/* {{define "x"}} ... {{end}} or {{block "x" pipe}} ... {{end}} */
static page_tpl_node_t *
page_tpl_parse_define(page_tpl_parser_t *p, const page_tpl_tok_t *kw,
    int block)
{
    const char       *name;
    size_t            saved_vars, saved_base;
    unsigned          saved_range;
    page_tpl_end_t    end;
    page_tpl_tree_t  *tree, *prev, **pp;
    page_tpl_node_t  *n;

    name = page_tpl_parse_name(p, block ? "block clause" : "define clause");
    if (name == NULL) {
        return NULL;
    }

    for (prev = p->trees; prev != NULL; prev = prev->next) {
        if (strcmp(prev->name, name) == 0) {
            break;
        }
    }

    n = NULL;
    if (block) {
        n = page_tpl_node(p, TPL_N_TEMPLATE, kw);
        if (n == NULL) {
            return NULL;
        }
        n->u.tmpl.name = name;
        n->u.tmpl.pipe = page_tpl_parse_pipe(p, "block clause", TPL_T_RIGHT);
        if (n->u.tmpl.pipe == NULL) {
            return NULL;
        }
    } else if (page_tpl_expect_right(p, "define clause") != 0) {
        return NULL;
    }

    tree = page_tpl_new_tree(p, name);
    if (tree == NULL) {
        return NULL;
    }

    /*
     * A defined template starts with only $ in scope; the variables of
     * the body around it stay on the stack below var_base (Go takes
     * defines out of the body before scoping).
     */
    saved_vars = p->nvars;
    saved_base = p->var_base;
    saved_range = p->range_depth;
    p->var_base = p->nvars;
    p->range_depth = 0;

    if (++p->nest > PAGE_TPL_MAX_NEST) {
        page_tpl_perr(p, kw, "nesting too deep%.*s", "", 0);
        return NULL;
    }

    tree->root = page_tpl_parse_list(p, &end);
    p->nest--;
    p->nvars = saved_vars;
    p->var_base = saved_base;
    p->range_depth = saved_range;

    if (tree->root == NULL) {
        return NULL;
    }

    if (end != TPL_END_END) {
        page_tpl_perr(p, &p->last, "unexpected %.*s in define clause",
                      end == TPL_END_EOF ? "EOF" : "{{else}}",
                      end == TPL_END_EOF ? 3 : 8);
        return NULL;
    }

    /*
     * A name defined twice in one text: as Go's parser, an empty
     * definition (only whitespace) gives way to the other one; two real
     * ones are an error.  Themes write {{ block "main" . }}{{ end }} twice.
     */
    if (prev != NULL) {
        if (!page_tpl_tree_empty(prev) && !page_tpl_tree_empty(tree)) {
            page_tpl_perr(p, kw, "template: multiple definition of "
                          "template \"%.*s\"", name, strlen(name));
            return NULL;
        }

        if (page_tpl_tree_empty(tree)) {
            prev = tree;                /* keep the earlier one */
        }

        for (pp = &p->trees; *pp != NULL; pp = &(*pp)->next) {
            if (*pp == prev) {
                *pp = prev->next;
                break;
            }
        }
    }

    return n;
}


/* After "{{": one action or control structure. */
static page_tpl_node_t *
page_tpl_parse_action(page_tpl_parser_t *p, page_tpl_end_t *end, int *done)
{
    page_tpl_tok_t    t, *k;
    page_tpl_node_t  *n;

    *done = 0;
    k = page_tpl_peek(p);
    t = *k;

    switch (t.type) {
    case TPL_T_END:
        page_tpl_next(p);
        if (page_tpl_expect_right(p, "end") != 0) {
            return NULL;
        }
        *end = TPL_END_END;
        *done = 1;
        return NULL;

    case TPL_T_ELSE:
        page_tpl_next(p);
        k = page_tpl_peek(p);
        if (k->type == TPL_T_IF || k->type == TPL_T_WITH) {
            *end = k->type == TPL_T_IF ? TPL_END_ELSE_IF : TPL_END_ELSE_WITH;
            page_tpl_next(p);
            *done = 1;
            return NULL;
        }
        if (page_tpl_expect_right(p, "else") != 0) {
            return NULL;
        }
        *end = TPL_END_ELSE;
        *done = 1;
        return NULL;

    case TPL_T_IF:
        page_tpl_next(p);
        return page_tpl_parse_control(p, TPL_N_IF, &t);

    case TPL_T_WITH:
        page_tpl_next(p);
        return page_tpl_parse_control(p, TPL_N_WITH, &t);

    case TPL_T_RANGE:
        page_tpl_next(p);
        return page_tpl_parse_control(p, TPL_N_RANGE, &t);

    case TPL_T_BREAK:
    case TPL_T_CONTINUE:
        page_tpl_next(p);
        if (p->range_depth == 0) {
            page_tpl_perr(p, &t, "{{%.*s}} outside {{range}}", t.text, t.len);
            return NULL;
        }
        if (page_tpl_expect_right(p, t.type == TPL_T_BREAK ? "break"
                                  : "continue") != 0)
        {
            return NULL;
        }
        return page_tpl_node(p, t.type == TPL_T_BREAK ? TPL_N_BREAK
                             : TPL_N_CONTINUE, &t);

    case TPL_T_TEMPLATE:
        page_tpl_next(p);
        n = page_tpl_node(p, TPL_N_TEMPLATE, &t);
        if (n == NULL) {
            return NULL;
        }
        n->u.tmpl.name = page_tpl_parse_name(p, "template clause");
        if (n->u.tmpl.name == NULL) {
            return NULL;
        }
        if (page_tpl_peek(p)->type == TPL_T_RIGHT) {
            page_tpl_next(p);
            return n;
        }
        n->u.tmpl.pipe = page_tpl_parse_pipe(p, "template clause",
                                             TPL_T_RIGHT);
        return n->u.tmpl.pipe ? n : NULL;

    case TPL_T_BLOCK:
        page_tpl_next(p);
        return page_tpl_parse_define(p, &t, 1);

    case TPL_T_DEFINE:
        page_tpl_next(p);
        if (p->nest > 0) {
            page_tpl_perr(p, &t, "unexpected <define> in command%.*s", "", 0);
            return NULL;
        }
        n = page_tpl_parse_define(p, &t, 0);
        if (!p->failed) {
            *done = 2;                          /* nothing to add */
        }
        return n;

    default:
        n = page_tpl_node(p, TPL_N_ACTION, &t);
        if (n == NULL) {
            return NULL;
        }
        n->u.action.pipe = page_tpl_parse_pipe(p, "command", TPL_T_RIGHT);
        if (n->u.action.pipe == NULL) {
            return NULL;
        }
        n->src_len = n->u.action.pipe->src_len;
        return n;
    }
}


static page_tpl_node_t *
page_tpl_parse_list(page_tpl_parser_t *p, page_tpl_end_t *end)
{
    int               done;
    page_tpl_tok_t   *t;
    page_tpl_node_t  *list, *n;

    list = page_tpl_node(p, TPL_N_LIST, page_tpl_peek(p));
    if (list == NULL) {
        return NULL;
    }

    for ( ;; ) {
        if (p->failed) {
            return NULL;
        }

        t = page_tpl_next(p);

        switch (t->type) {
        case TPL_T_EOF:
            *end = TPL_END_EOF;
            return list;

        case TPL_T_ERROR:
            return NULL;

        case TPL_T_TEXT:
            n = page_tpl_node(p, TPL_N_TEXT, t);
            if (n == NULL) {
                return NULL;
            }
            n->u.text.data = t->text;
            n->u.text.len = t->len;
            if (page_tpl_list_add(p, list, n) != 0) {
                return NULL;
            }
            break;

        case TPL_T_LEFT:
            n = page_tpl_parse_action(p, end, &done);
            if (done == 1) {
                return list;
            }
            if (done == 2) {
                break;
            }
            if (n == NULL) {
                return NULL;
            }
            if (page_tpl_list_add(p, list, n) != 0) {
                return NULL;
            }
            break;

        default:
            page_tpl_unexpected(p, t, "input");
            return NULL;
        }
    }
}


/* ---- the set ---- */

page_tpl_set_t *
page_tpl_set_new(page_arena_t *conf_arena, int html)
{
    page_tpl_set_t  *set;

    set = page_arena_calloc(conf_arena, 1, sizeof(page_tpl_set_t));
    if (set == NULL) {
        return NULL;
    }

    set->arena = conf_arena;
    set->html = html;

    return set;
}


int
page_tpl_set_funcs(page_tpl_set_t *set, const page_tpl_func_t *funcs,
    size_t n)
{
    if (set->nextra_tables == sizeof(set->extra) / sizeof(set->extra[0])) {
        return -1;
    }

    set->extra[set->nextra_tables] = funcs;
    set->nextra[set->nextra_tables] = n;
    set->nextra_tables++;

    return 0;
}


static const page_tpl_func_t *
page_tpl_lookup_table(const page_tpl_func_t *tab, size_t n, const char *name,
    size_t len)
{
    size_t  i;

    for (i = 0; i < n; i++) {
        if (strlen(tab[i].name) == len && memcmp(tab[i].name, name, len) == 0)
        {
            return &tab[i];
        }
    }

    return NULL;
}


const page_tpl_func_t *
page_tpl_lookup_func(const page_tpl_set_t *set, const char *name, size_t len)
{
    size_t                  i;
    const page_tpl_func_t  *f;

    /* the caller's functions come first: they may override ours */
    for (i = set->nextra_tables; i-- > 0; ) {
        f = page_tpl_lookup_table(set->extra[i], set->nextra[i], name, len);
        if (f != NULL) {
            return f;
        }
    }

    return page_fn_lookup(name, len);
}


page_tpl_tree_t *
page_tpl_find(const page_tpl_set_t *set, const char *name, size_t len)
{
    page_tpl_tree_t  *t;

    for (t = set->trees; t != NULL; t = t->next) {
        if (strlen(t->name) == len && memcmp(t->name, name, len) == 0) {
            return t;
        }
    }

    return NULL;
}


int
page_tpl_set_has(const page_tpl_set_t *set, const char *name)
{
    return page_tpl_find(set, name, strlen(name)) != NULL;
}


const char *
page_tpl_set_name(const page_tpl_set_t *set, const char *name, size_t len)
{
    page_tpl_tree_t  *t;

    t = page_tpl_find(set, name, len);

    return t ? t->name : NULL;
}


/* A tree of nothing but whitespace does not replace a real definition. */
static int
page_tpl_tree_empty(const page_tpl_tree_t *t)
{
    size_t                  i, k;
    const page_tpl_node_t  *n;

    for (i = 0; i < t->root->u.list.n; i++) {
        n = t->root->u.list.items[i];
        if (n->type != TPL_N_TEXT) {
            return 0;
        }
        for (k = 0; k < n->u.text.len; k++) {
            if (!page_tpl_oneof(n->u.text.data[k], " \t\r\n")) {
                return 0;
            }
        }
    }

    return 1;
}


static void
page_tpl_register(page_tpl_set_t *set, page_tpl_tree_t *tree)
{
    page_tpl_tree_t  **pp;

    for (pp = &set->trees; *pp != NULL; pp = &(*pp)->next) {
        if (strcmp((*pp)->name, tree->name) == 0) {
            if (page_tpl_tree_empty(tree) && !page_tpl_tree_empty(*pp)) {
                return;
            }
            tree->next = (*pp)->next;
            *pp = tree;
            return;
        }
    }

    tree->next = set->trees;
    set->trees = tree;
}


int
page_tpl_parse(page_tpl_set_t *set, const char *name, const char *path,
    const char *text, size_t len, page_error_t *err)
{
    char               *src;
    page_tpl_end_t      end;
    page_tpl_tree_t    *main, *t, *next;
    page_tpl_parser_t  *p;
    int                 rc;

    if (set->checked) {
        page_error_set(err, PAGE_ERR_TEMPLATE, path, 0, 0,
                       "template set already checked");
        return -1;
    }

    p = calloc(1, sizeof(page_tpl_parser_t));
    src = page_arena_strndup(set->arena, text, len);
    name = page_arena_strndup(set->arena, name, strlen(name));
    path = page_arena_strndup(set->arena, path ? path : name,
                              strlen(path ? path : name));
    if (p == NULL || src == NULL || name == NULL || path == NULL) {
        free(p);
        page_error_nomem(err, path);
        return -1;
    }

    p->set = set;
    p->arena = set->arena;
    p->err = err;
    p->path = path;
    p->name = name;
    page_tpl_lex_init(&p->lx, src, len);

    rc = -1;

    main = page_tpl_new_tree(p, name);
    if (main == NULL) {
        goto done;
    }

    main->root = page_tpl_parse_list(p, &end);
    if (main->root == NULL || p->failed) {
        goto done;
    }

    if (end != TPL_END_EOF) {
        page_tpl_perr(p, &p->last, "unexpected %.*s", end == TPL_END_END
                      ? "{{end}}" : "{{else}}", end == TPL_END_END ? 7 : 8);
        goto done;
    }

    for (t = p->trees; t != NULL; t = next) {
        next = t->next;
        t->next = NULL;
        t->ret_cmd = page_tpl_find_return(t->root, 0);
        t->file = name;
        t->all_next = set->all;
        set->all = t;
        page_tpl_register(set, t);
    }

    rc = 0;

done:

    if (rc != 0 && !p->failed) {
        page_error_nomem(err, path);
    }

    free(p);
    return rc;
}


int
page_tpl_set_add(page_tpl_set_t *set, const char *name, const char *path,
    const char *text, size_t len, page_error_t *err)
{
    return page_tpl_parse(set, name, path, text, len, err);
}


/* Does any tree of the file that defines name mention ".field". */
int
page_tpl_mentions(const page_tpl_set_t *set, const char *name,
    const char *field)
{
    size_t                  n, i;
    const page_tpl_tree_t  *t;

    t = page_tpl_find(set, name, strlen(name));
    if (t == NULL) {
        return 0;
    }

    n = strlen(field);
    for (i = 0; i + n <= t->text_len; i++) {
        if (memcmp(t->text + i, field, n) == 0
            && (i + n == t->text_len
                || !page_tpl_oneof(t->text[i + n],
                                   "abcdefghijklmnopqrstuvwxyz"
                                   "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")))
        {
            return 1;
        }
    }

    return 0;
}
