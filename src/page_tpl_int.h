/*
 * page_tpl_int.h: what the template engine's files share and nobody else
 * sees: tokens, the syntax tree, the set and the execution state.
 */

#ifndef PAGE_TPL_INT_H
#define PAGE_TPL_INT_H

#include <stdint.h>
#include <string.h>

#include "page_tpl.h"

/*
 * Deepest nesting of control structures and parentheses the parser takes.
 * The parser and executor recurse on nesting; this bounds their C stack
 * whatever a template says.
 */
#define PAGE_TPL_MAX_NEST  64

/*
 * Deepest chain of template calls ({{template}}, partial).  Real themes
 * nest a dozen deep; a template that calls itself forever stops here with
 * an error instead of exhausting the stack.
 */
#define PAGE_TPL_MAX_DEPTH  100

/*
 * Most arguments one command may have.  Go has no limit; real themes pass
 * a dict of a few hundred (FixIt's SCSS variables: 160), and a function's
 * arguments are an array of this many pointers on the C stack (8 KB).
 */
#define PAGE_TPL_MAX_ARGS  1024

/* Is c one of the characters of set (never the terminating NUL). */
#define page_tpl_oneof(c, set)  ((c) != '\0' && strchr(set, (c)) != NULL)

/* ---- tokens ---- */

typedef enum {
    TPL_T_EOF = 0,
    TPL_T_ERROR,
    TPL_T_TEXT,
    TPL_T_LEFT,         /* {{ */
    TPL_T_RIGHT,        /* }} */
    TPL_T_IDENT,
    TPL_T_FIELD,        /* .Name */
    TPL_T_VAR,          /* $ or $name */
    TPL_T_DOT,
    TPL_T_STRING,       /* "..." (text is the quoted form) */
    TPL_T_RAW,          /* `...` */
    TPL_T_CHAR,         /* 'x' */
    TPL_T_NUMBER,
    TPL_T_BOOL,
    TPL_T_NIL,
    TPL_T_PIPE,
    TPL_T_LPAREN,
    TPL_T_RPAREN,
    TPL_T_DECLARE,      /* := */
    TPL_T_ASSIGN,       /* = */
    TPL_T_COMMA,
    TPL_T_OTHER,        /* another printable ASCII character (Go's
                           itemChar): the parser says it is unexpected */
    /* keywords */
    TPL_T_IF,
    TPL_T_ELSE,
    TPL_T_END,
    TPL_T_RANGE,
    TPL_T_WITH,
    TPL_T_DEFINE,
    TPL_T_TEMPLATE,
    TPL_T_BLOCK,
    TPL_T_BREAK,
    TPL_T_CONTINUE
} page_tpl_tok_type_t;

typedef struct {
    page_tpl_tok_type_t   type;
    const char           *text;
    size_t                len;
    unsigned              line;
    unsigned              col;
    unsigned              space;    /* whitespace came before it */
} page_tpl_tok_t;

typedef struct {
    const char      *src;
    size_t           len;
    size_t           pos;
    unsigned         line;
    unsigned         col;
    int              in_action;
    int              trim_next;     /* the last action ended with -}} */
    int              paren;
    page_tpl_tok_t   pending;       /* one token of lookahead */
    int              has_pending;
    const char      *err;           /* message of a TPL_T_ERROR */
    char             errbuf[80];    /* room for a message with a value */
} page_tpl_lexer_t;

void page_tpl_lex_init(page_tpl_lexer_t *lx, const char *src, size_t len);
void page_tpl_lex_next(page_tpl_lexer_t *lx, page_tpl_tok_t *t);

/* ---- escaping contexts (page_tpl_escape.c) ---- */

typedef enum {
    TPL_ESC_NONE = 0,
    TPL_ESC_HTML,           /* text: & < > " ' + escaped, HTML passes */
    TPL_ESC_RCDATA,         /* <title>, <textarea> */
    TPL_ESC_ATTR,           /* quoted attribute value */
    TPL_ESC_NOSPACE,        /* unquoted attribute value */
    TPL_ESC_NAME,           /* attribute name position */
    TPL_ESC_URLFILTER,      /* scheme check */
    TPL_ESC_URLNORM,        /* percent-encode, keep reserved */
    TPL_ESC_URLESC,         /* percent-encode all but unreserved */
    TPL_ESC_JSVAL,          /* <script> value: JSON */
    TPL_ESC_JSSTR,          /* inside a JS string literal */
    TPL_ESC_JSBQSTR,        /* inside a JS `template literal` */
    TPL_ESC_JSRE,           /* inside a JS /regular expression/ */
    TPL_ESC_CSSVAL,         /* style value filter */
    TPL_ESC_CSSSTR,         /* inside a CSS string */
    TPL_ESC_COMMENT,        /* inside an HTML comment: prints nothing */
    TPL_ESC_HTMLFN,         /* a trailing |html in an escaper's place */
    TPL_ESC_URLQUERY        /* a trailing |urlquery in an escaper's place */
} page_tpl_esc_t;

/* Most escapers one action needs (urlfilter, urlnorm, attr). */
#define PAGE_TPL_MAX_ESC  4

/* ---- syntax tree ---- */

typedef enum {
    TPL_N_LIST = 0,
    TPL_N_TEXT,
    TPL_N_ACTION,
    TPL_N_IF,
    TPL_N_WITH,
    TPL_N_RANGE,
    TPL_N_TEMPLATE,
    TPL_N_BREAK,
    TPL_N_CONTINUE,
    TPL_N_PIPE,
    TPL_N_CMD,
    TPL_N_FUNC,         /* an identifier naming a function */
    TPL_N_FIELD,        /* .a.b on dot */
    TPL_N_VAR,          /* $x.a.b */
    TPL_N_DOT,
    TPL_N_CHAIN,        /* (pipe).a.b */
    TPL_N_CONST         /* string, number, bool, nil: a value */
} page_tpl_node_type_t;

typedef struct page_tpl_node_s  page_tpl_node_t;
typedef struct page_tpl_tree_s  page_tpl_tree_t;

typedef enum {
    TPL_B_NONE = 0,     /* an ordinary function */
    TPL_B_AND,
    TPL_B_OR,
    TPL_B_RETURN,       /* Hugo's {{ return value }} in partials */
    TPL_B_TRY,          /* Hugo's try (0.141): an error as a value */
    TPL_B_CALL          /* Go's call: no page value is a function */
} page_tpl_builtin_t;

struct page_tpl_node_s {
    page_tpl_node_type_t   type;
    unsigned               line;
    unsigned               col;
    const char            *src;         /* source text, for errors */
    size_t                 src_len;
    union {
        struct {                        /* TPL_N_LIST */
            page_tpl_node_t  **items;
            size_t             n;
            size_t             cap;
        } list;
        struct {                        /* TPL_N_TEXT */
            const char        *data;
            size_t             len;
        } text;
        struct {                        /* TPL_N_ACTION */
            page_tpl_node_t   *pipe;
            unsigned char      esc[PAGE_TPL_MAX_ESC];
            unsigned           nesc;
            unsigned           drop_html; /* trailing |html or |urlquery
                                             done by an escaper */
        } action;
        struct {                        /* IF, WITH, RANGE */
            page_tpl_node_t   *pipe;
            page_tpl_node_t   *list;
            page_tpl_node_t   *else_list;   /* may be NULL */
            unsigned           chained;     /* else_list holds the next
                                               link of an else-if chain */
        } branch;
        struct {                        /* TPL_N_TEMPLATE */
            const char        *name;
            page_tpl_node_t   *pipe;        /* may be NULL */
            page_tpl_tree_t   *tree;        /* resolved by check */
            unsigned           ctx;         /* escaping context of call */
        } tmpl;
        struct {                        /* TPL_N_PIPE */
            const char       **decl;        /* variable names */
            size_t             ndecl;
            int                is_assign;   /* $x = rather than := */
            page_tpl_node_t  **cmds;
            size_t             ncmds;
        } pipe;
        struct {                        /* TPL_N_CMD */
            page_tpl_node_t  **args;
            size_t             nargs;
        } cmd;
        struct {                        /* TPL_N_FUNC */
            const page_tpl_func_t  *func;
            page_tpl_builtin_t      builtin;
        } func;
        struct {                        /* FIELD, VAR, CHAIN */
            const char        *var;         /* VAR: "$x" */
            page_tpl_node_t   *base;        /* CHAIN: the operand */
            const char       **names;       /* field names, no dots */
            size_t            *lens;
            size_t             n;
        } field;
        page_value_t          *value;       /* TPL_N_CONST */
    } u;
};

struct page_tpl_tree_s {
    const char        *name;
    const char        *path;            /* for errors */
    page_tpl_node_t   *root;            /* a TPL_N_LIST */
    page_tpl_tree_t   *next;            /* in the set's name registry */
    page_tpl_tree_t   *all_next;        /* every tree ever added */
    page_tpl_tree_t   *base;            /* a variant: escaped copy of */
    const char        *file;            /* name of the file it is in */
    const char        *text;            /* whole source file */
    size_t             text_len;
    unsigned           escaped;         /* contexts computed */
    unsigned           out_ctx;         /* context at its end */
    unsigned           in_ctx;          /* context it was escaped from */
    unsigned           busy;            /* being escaped (recursion) */
    page_tpl_node_t   *ret_cmd;         /* Hugo's partial return command */
};

struct page_tpl_set_s {
    page_arena_t           *arena;
    int                     html;
    int                     checked;
    page_tpl_tree_t        *trees;
    page_tpl_tree_t        *all;        /* shadowed defines too */
    page_tpl_tree_t        *variants;   /* trees escaped in other contexts */
    const page_tpl_func_t  *extra[8];   /* caller's function tables */
    size_t                  nextra[8];
    size_t                  nextra_tables;
};

const page_tpl_func_t *page_tpl_lookup_func(const page_tpl_set_t *set,
    const char *name, size_t len);
page_tpl_tree_t *page_tpl_find(const page_tpl_set_t *set, const char *name,
    size_t len);

/* page_tpl_parse.c: parse one file into the set. */
int page_tpl_parse(page_tpl_set_t *set, const char *name, const char *path,
    const char *text, size_t len, page_error_t *err);

/* page_tpl_escape.c: compute contexts of every tree of the set. */
int page_tpl_escape_set(page_tpl_set_t *set, page_error_t *err);
/*
 * Go escapes the template it executes as the entry point and refuses one
 * that ends outside HTML text (ErrEndContext: an open tag, attribute,
 * script, comment...).  -1 when t, run on its own, ends so: msg then
 * holds Go's error "html/template:NAME: ends in a non-text context: {..}".
 */
int page_tpl_end_context(const page_tpl_set_t *set,
    const page_tpl_tree_t *t, char *msg, size_t size);
/* Apply one escaper to v, appending to out. */
void page_tpl_escape_value(page_buf_t *out, page_tpl_esc_t esc,
    const page_value_t *v);
/* The same for a plain byte string already stringified. */
void page_tpl_escape_str(page_buf_t *out, page_tpl_esc_t esc,
    page_type_t type, const char *s, size_t len);

/* page_fn.c: Go's and Hugo's functions by name, or NULL. */
const page_tpl_func_t *page_fn_lookup(const char *name, size_t len);
/* page_fn.c: the methods of Hugo's values; 1 when name is none of recv's. */
int page_fn_method(page_tpl_state_t *st, page_value_t *recv,
    const char *name, size_t len, page_value_t **args, size_t nargs,
    page_value_t **res);
/* page_fn_encoding.c: JSON encoding (jsonify, <script> values). */
void page_tpl_json(page_buf_t *b, const page_value_t *v, int depth);
/* page_fn_fmt.c: fmt.Sprintf subset. */
int page_tpl_sprintf(page_tpl_state_t *st, page_buf_t *b, const char *fmt,
    size_t len, page_value_t **args, size_t nargs);
/* page_fn_compare.c: Hugo's eq across numbers and strings. */
int page_tpl_equal(const page_value_t *a, const page_value_t *b);
/* Compare: -1, 0, 1, or -2 when the types cannot be compared. */
int page_tpl_compare(const page_value_t *a, const page_value_t *b);
/* page_fn_fmt.c: Go's fmt.Sprint rule for spaces between operands. */
void page_tpl_sprint(page_buf_t *b, page_value_t **args, size_t nargs,
    int ln);
/* page_fn_args.c, shared with the executor. */
const char *page_tpl_tname(const page_value_t *v);
int page_tpl_to_int(page_tpl_state_t *st, const char *fn,
    const page_value_t *v, int64_t *out);
int page_tpl_is_num(const page_value_t *v);
double page_tpl_num(const page_value_t *v);
/* Map pairs by key, for qsort. */
/* String bytes of any string-like value; 0 when not a string. */
int page_tpl_str(const page_value_t *v, const char **s, size_t *len);

/* Field or method lookup as .name does it (for where, sort). */
int page_tpl_get_field(page_tpl_state_t *st, page_value_t *recv,
    const char *name, size_t len, page_value_t **res);
/* Go's truth, typed strings included. */
int page_tpl_truth(const page_value_t *v);

/* ---- execution state (page_tpl_exec.c) ---- */

typedef struct {
    const char     *name;
    page_value_t   *value;
} page_tpl_var_t;

struct page_tpl_state_s {
    const page_tpl_set_t   *set;
    page_tpl_env_t         *env;
    page_arena_t           *arena;
    page_error_t           *err;
    const page_tpl_tree_t  *tree;       /* template being executed */
    const page_tpl_node_t  *node;       /* action being executed */
    page_tpl_var_t         *vars;
    size_t                  nvars;
    size_t                  cap_vars;
    size_t                  var_base;   /* first variable of this call */
    unsigned                depth;      /* template calls */
    const page_tpl_tree_t  *calls[PAGE_TPL_MAX_DEPTH];  /* their trees */
    unsigned                nest;       /* recursion inside one template */
    uint64_t                steps;
    size_t                  max_output;
    const char             *calling;    /* function being called */
    page_value_t           *ret;        /* value of {{ return }} */
    int                     returning;  /* a partial's return value set */
    const page_tpl_node_t  *ret_list;   /* root of the partial being run */
    unsigned                trying;     /* inside try's argument */
    char                    try_msg[640];   /* the error try caught */
};

#endif /* PAGE_TPL_INT_H */
