/*
 * page_tpl_exec: the template executor.  Walks a parsed (and escaped)
 * tree with a data value as dot, Go's text/template semantics over page
 * values: fields and methods, variables with Go's scoping, if/with/range
 * with break and continue, template calls, pipelines, and the escapers the
 * escaper chose at configuration time.  It never writes to the tree: all
 * state of one execution lives in page_tpl_state_t and its arena.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page_tpl_int.h"

/*
 * Deepest recursion of the executor, all calls together: bounds the C
 * stack (each level is a few small frames) on top of PAGE_TPL_MAX_DEPTH.
 */
#define PAGE_TPL_MAX_RECURSION  2000

/*
 * Most nodes one execution may evaluate.  Bounds the time a hostile or
 * buggy template can take (range over a huge int, exponential recursion
 * within the depth limit); a large real page needs well under a million.
 */
#define PAGE_TPL_MAX_STEPS  (5 * 1000 * 1000)

/*
 * Most variables alive at once in one execution: each {{ $x := }} in a
 * loop body lives for one iteration, so only runaway recursion gets near.
 */
#define PAGE_TPL_MAX_LIVE_VARS  10000

/*
 * Most bytes of the command an execution error quotes: enough to know
 * it again in the template, short enough for one log line.
 */
#define PAGE_TPL_ERR_QUOTE  80

/* Most bytes of a value "range can't iterate over" quotes. */
#define PAGE_TPL_RANGE_QUOTE  200

#define PAGE_TPL_BREAK     1
#define PAGE_TPL_CONTINUE  2

static int page_tpl_exec_list(page_tpl_state_t *st,
    const page_tpl_node_t *list, page_value_t *dot, page_buf_t *out);
static int page_tpl_eval_pipe(page_tpl_state_t *st,
    const page_tpl_node_t *pipe, page_value_t *dot, page_value_t **res);
static int page_tpl_exec_tree(page_tpl_state_t *st,
    const page_tpl_tree_t *tree, page_value_t *dot, page_buf_t *out);
static int page_tpl_eval_cmd_ext(page_tpl_state_t *st,
    const page_tpl_node_t *cmd, page_value_t *dot, page_value_t *final,
    int has_final, int drop_html, page_value_t **res);


void
page_tpl_env_init(page_tpl_env_t *env, page_arena_t *arena)
{
    memset(env, 0, sizeof(*env));
    env->arena = arena;
}


page_arena_t *
page_tpl_arena(page_tpl_state_t *st)
{
    return st->arena;
}


page_tpl_env_t *
page_tpl_env(page_tpl_state_t *st)
{
    return st->env;
}


/*
 * The command as an execution error quotes it, the way Go prints the
 * node: runs of white space between its words (a command written over
 * several lines) become one space; literals stay as written (the error
 * line escapes what they hold).  out has room for PAGE_TPL_ERR_QUOTE + 1
 * bytes, "..." when the command is cut after PAGE_TPL_ERR_QUOTE (at a
 * character boundary), and the NUL.
 */
static void
page_tpl_quote_cmd(char *out, const char *s, size_t len)
{
    size_t  i, n;
    char    quote, c;

    n = 0;
    quote = '\0';

    for (i = 0; i < len && n < PAGE_TPL_ERR_QUOTE; i++) {
        c = s[i];

        if (quote == '\0' && (c == ' ' || c == '\t' || c == '\r'
                               || c == '\n'))
        {
            while (i + 1 < len && (s[i + 1] == ' ' || s[i + 1] == '\t'
                                   || s[i + 1] == '\r' || s[i + 1] == '\n'))
            {
                i++;
            }
            out[n++] = ' ';
            continue;
        }

        if (quote != '\0' && c == '\\' && quote != '`' && i + 1 < len) {
            out[n++] = c;
            c = s[++i];

        } else if (quote == '\0' && (c == '"' || c == '`' || c == '\'')) {
            quote = c;

        } else if (c == quote) {
            quote = '\0';
        }

        out[n++] = c;
    }

    if (i < len || n > PAGE_TPL_ERR_QUOTE) {
        n = PAGE_TPL_ERR_QUOTE;         /* a step writes at most 2 bytes */

        while (n > 0 && ((unsigned char) out[n - 1] & 0xC0) == 0x80) {
            n--;                        /* continuation bytes */
        }
        if (n > 0 && ((unsigned char) out[n - 1] & 0x80)) {
            n--;                        /* the lead byte */
        }
        memcpy(out + n, "...", 3);
        n += 3;
    }

    out[n] = '\0';
}


int
page_tpl_fail(page_tpl_state_t *st, const char *fmt, ...)
{
    char                    msg[512], cmd[PAGE_TPL_ERR_QUOTE + 5];
    va_list                 ap;
    const char             *calling, *dot;
    const page_tpl_node_t  *n;

    if (st->err->status != PAGE_OK) {
        return -1;
    }

    /*
     * Hugo names a namespaced function by its method: math.Sqrt is
     * "error calling Sqrt: " (the namespace is a value, Sqrt its method)
     */
    calling = st->calling;
    if (calling != NULL && (dot = strrchr(calling, '.')) != NULL
        && dot[1] != '\0')
    {
        calling = dot + 1;
    }

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);

    if (st->trying) {
        /* what try gives as .Err: Go's reason, without the position */
        snprintf(st->try_msg, sizeof(st->try_msg), "%s%.100s%s%.480s",
                 calling ? "error calling " : "",
                 calling ? calling : "", calling ? ": " : "", msg);
    }

    n = st->node;
    if (n == NULL || st->tree == NULL) {
        page_error_set(st->err, PAGE_ERR_TEMPLATE,
                       st->tree ? st->tree->path : NULL, 0, 0, "%s", msg);
        return -1;
    }

    page_tpl_quote_cmd(cmd, n->src ? n->src : "", n->src ? n->src_len : 0);
    page_error_set(st->err, PAGE_ERR_TEMPLATE, st->tree->path, n->line,
                   n->col, "executing \"%s\" at <%s>: %s%s%s",
                   st->tree->name, cmd,
                   calling ? "error calling " : "",
                   calling ? calling : "", calling ? ": " : "");
    page_error_append(st->err, "%s", msg);
    return -1;
}


static int
page_tpl_limit(page_tpl_state_t *st, const char *what)
{
    if (st->err->status == PAGE_OK) {
        page_tpl_fail(st, "%s", what);
        st->err->status = PAGE_ERR_LIMIT;
    }
    return -1;
}


static int
page_tpl_step(page_tpl_state_t *st)
{
    if (++st->steps > PAGE_TPL_MAX_STEPS) {
        return page_tpl_limit(st, "template takes too many steps "
                              "(runaway loop or recursion?)");
    }
    return 0;
}


/* ---- values ---- */

int
page_tpl_str(const page_value_t *v, const char **s, size_t *len)
{
    if (v == NULL) {
        return 0;
    }

    switch ((int) v->type) {
    case PAGE_STRING:
    case PAGE_HTML:
    case PAGE_TPL_CSS:
    case PAGE_TPL_HTMLATTR:
    case PAGE_TPL_JS:
    case PAGE_TPL_URL:
    case PAGE_TPL_JSSTR:
        *s = v->u.s.data;
        *len = v->u.s.len;
        return 1;
    default:
        return 0;
    }
}


int
page_tpl_is_str(const page_value_t *v)
{
    const char  *s;
    size_t       len;

    return page_tpl_str(v, &s, &len);
}


int
page_tpl_truth(const page_value_t *v)
{
    const char  *s;
    size_t       len;

    if (page_tpl_str(v, &s, &len)) {
        return len != 0;
    }

    return page_value_truthy(v);
}


/*
 * Deepest nesting of lists and maps printed: bounds the recursion of
 * printing whatever the data.
 */
#define PAGE_TPL_MAX_PRINT_DEPTH  64

static void page_tpl_print_depth(page_buf_t *b, const page_value_t *v,
    int depth);


/* Go prints a map as map[k:v ...] with sorted keys. */
static void
page_tpl_print_map(page_buf_t *b, const page_value_t *v, int depth)
{
    size_t        i, n;
    page_pair_t  *sorted;

    n = v->u.map.n;
    page_buf_puts(b, "map[");

    if (n > 0) {
        sorted = page_map_sorted(b->arena, v);
        if (sorted == NULL) {
            b->failed = 1;
            return;
        }

        for (i = 0; i < n; i++) {
            if (i) {
                page_buf_putc(b, ' ');
            }
            page_buf_append(b, sorted[i].key.data, sorted[i].key.len);
            page_buf_putc(b, ':');
            if (sorted[i].value == NULL
                || sorted[i].value->type == PAGE_NIL)
            {
                page_buf_puts(b, "<nil>");
            } else {
                page_tpl_print_depth(b, sorted[i].value, depth + 1);
            }
        }
    }

    page_buf_putc(b, ']');
}


static void
page_tpl_print_depth(page_buf_t *b, const page_value_t *v, int depth)
{
    const char    *s;
    size_t         i, len;
    page_value_t   copy;

    if (v == NULL || v->type == PAGE_NIL) {
        return;
    }

    if (page_tpl_str(v, &s, &len)) {
        page_buf_append(b, s, len);
        return;
    }

    if (depth > PAGE_TPL_MAX_PRINT_DEPTH) {
        page_buf_puts(b, "...");
        return;
    }

    if (v->type == PAGE_LIST) {
        page_buf_putc(b, '[');
        for (i = 0; i < v->u.list.n; i++) {
            if (i) {
                page_buf_putc(b, ' ');
            }
            if (v->u.list.items[i] == NULL
                || v->u.list.items[i]->type == PAGE_NIL)
            {
                page_buf_puts(b, "<nil>");
            } else {
                page_tpl_print_depth(b, v->u.list.items[i], depth + 1);
            }
        }
        page_buf_putc(b, ']');
        return;
    }

    if (v->type == PAGE_MAP) {
        if (page_tpl_stringer(v) != NULL) {
            page_tpl_print_depth(b, page_tpl_stringer(v), depth + 1);
            return;
        }
        page_tpl_print_map(b, v, depth);
        return;
    }

    copy = *v;
    page_value_print(b, &copy);
}


const page_value_t *
page_tpl_stringer(const page_value_t *v)
{
    if (v != NULL && v->type == PAGE_MAP && v->u.map.n != 0
        && v->u.map.items[0].key.len == sizeof(PAGE_TPL_STRING_MARK) - 1
        && memcmp(v->u.map.items[0].key.data, PAGE_TPL_STRING_MARK,
                  sizeof(PAGE_TPL_STRING_MARK) - 1) == 0)
    {
        return v->u.map.items[0].value;
    }

    return NULL;
}


void
page_tpl_print(page_buf_t *b, const page_value_t *v)
{
    page_tpl_print_depth(b, v, 0);
}


/* ---- variables ---- */

static int
page_tpl_var_push(page_tpl_state_t *st, const char *name, page_value_t *v)
{
    size_t           cap;
    page_tpl_var_t  *vars;

    if (st->nvars == st->cap_vars) {
        if (st->nvars >= PAGE_TPL_MAX_LIVE_VARS) {
            return page_tpl_limit(st, "too many variables");
        }
        cap = st->cap_vars ? st->cap_vars * 2 : 32;
        vars = page_arena_realloc(st->arena, st->vars,
                                  st->nvars * sizeof(page_tpl_var_t),
                                  cap * sizeof(page_tpl_var_t));
        if (vars == NULL) {
            page_error_nomem(st->err, st->tree ? st->tree->path : NULL);
            return -1;
        }
        st->vars = vars;
        st->cap_vars = cap;
    }

    st->vars[st->nvars].name = name;
    st->vars[st->nvars].value = v;
    st->nvars++;

    return 0;
}


/* The variable's slot, searching the current template's frame. */
static page_tpl_var_t *
page_tpl_var_find(page_tpl_state_t *st, const char *name, size_t base)
{
    size_t  i;

    for (i = st->nvars; i-- > base; ) {
        if (strcmp(st->vars[i].name, name) == 0) {
            return &st->vars[i];
        }
    }

    return NULL;
}


/* ---- fields and methods ---- */

/*
 * Where a field is looked up, for errors that name it: the node of the
 * chain (.a.b, $x.a.b or (pipe).a.b) and the index of the field in it;
 * NULL for a lookup by name (where, sort).
 */
typedef struct {
    const page_tpl_node_t  *node;
    size_t                  i;
} page_tpl_at_t;


/* The chain's text before its field i: "", ".Params", "$x", "(f .).a". */
static int
page_tpl_chain_len(const page_tpl_node_t *n, size_t i)
{
    size_t  k, tail;

    tail = 0;
    for (k = i; k < n->u.field.n; k++) {
        tail += n->u.field.lens[k] + 1;
    }

    return n->src != NULL && n->src_len >= tail ? (int) (n->src_len - tail)
                                                : 0;
}


/*
 * Go's "invalid value": what a map gives for a key it does not have, and
 * what a pipeline gives when its value is nil.  A field of it is the same
 * nothing, without an error (.Params.meta.level with no meta, $v.x after
 * $v := .Params.nope), where a field of a nil that is there (a map's nil
 * value, a nil element of a range) fails as Go's does.
 */
static page_value_t  page_tpl_missing = { PAGE_NIL, { 0 } };


/* A field of a nil value: Go's words. */
static int
page_tpl_nil_field(page_tpl_state_t *st, const char *name)
{
    return page_tpl_fail(st, "nil pointer evaluating interface {}.%s", name);
}


/* A field of a value that has none: Go's words, then the chain. */
static int
page_tpl_no_field(page_tpl_state_t *st, const page_tpl_at_t *at,
    const char *name, const char *type)
{
    int  recv;

    recv = at != NULL ? page_tpl_chain_len(at->node, at->i) : 0;

    if (recv == 0) {
        return page_tpl_fail(st, "can't evaluate field %s in type %s", name,
                             type);
    }

    return page_tpl_fail(st, "can't evaluate field %s in type %s (%.*s)",
                         name, type, recv, at->node->src);
}


/*
 * Resolve .name (with args for the last name of a chain) on recv.
 * *missing: recv is a map without the key (*res is then NULL).
 */
static int
page_tpl_field(page_tpl_state_t *st, const page_tpl_at_t *at,
    page_value_t *recv, const char *name, size_t len, page_value_t **args,
    size_t nargs, page_value_t **res, int *missing)
{
    int            rc;
    page_value_t  *v;

    *res = NULL;
    *missing = 0;

    if (recv == &page_tpl_missing) {
        *res = &page_tpl_missing;
        *missing = 1;
        return 0;
    }

    if (recv == NULL || recv->type == PAGE_NIL) {
        return page_tpl_nil_field(st, name);
    }

    if (st->env->method != NULL) {
        rc = st->env->method(st, st->env->method_ctx, recv, name, len, args,
                             nargs, res);
        if (rc <= 0) {
            return rc;
        }
    }

    /* the methods of Hugo's values: times, durations, scratch pads */
    rc = page_fn_method(st, recv, name, len, args, nargs, res);
    if (rc <= 0) {
        return rc;
    }

    if (recv->type == PAGE_MAP) {
        if (nargs > 0) {
            return page_tpl_fail(st, "%s is not a method but has arguments",
                                 name);
        }
        v = page_map_get(recv, name, len);
        if (v == NULL) {
            v = page_map_get_ci(recv, name, len);
        }
        *missing = v == NULL;
        *res = v != NULL ? v : &page_tpl_missing;
        return 0;
    }

    return page_tpl_no_field(st, at, name,
                             recv->type == PAGE_TIME ? "time.Time"
                             : (int) recv->type >= 32 ? "string"
                             : page_type_name(recv->type));
}


int
page_tpl_get_field(page_tpl_state_t *st, page_value_t *recv,
    const char *name, size_t len, page_value_t **res)
{
    int    missing;
    char  *n;

    n = page_arena_strndup(st->arena, name, len);
    if (n == NULL) {
        return page_tpl_limit(st, "out of memory");
    }

    if (page_tpl_field(st, NULL, recv, n, len, NULL, 0, res, &missing) != 0) {
        return -1;
    }

    if (*res == &page_tpl_missing) {
        *res = NULL;                    /* nil, for the caller */
    }

    return 0;
}


static int
page_tpl_chain(page_tpl_state_t *st, const page_tpl_node_t *n,
    page_value_t *recv, page_value_t **args, size_t nargs, page_value_t **res)
{
    int            missing;
    size_t         i;
    page_tpl_at_t  at;

    at.node = n;
    missing = 0;

    for (i = 0; i < n->u.field.n; i++) {
        at.i = i;

        if (page_tpl_field(st, &at, recv, n->u.field.names[i],
                           n->u.field.lens[i],
                           i + 1 == n->u.field.n ? args : NULL,
                           i + 1 == n->u.field.n ? nargs : 0, &recv,
                           &missing) != 0)
        {
            return -1;
        }
    }

    *res = recv;
    return 0;
}


/* ---- commands ---- */

static int page_tpl_call_func(page_tpl_state_t *st,
    const page_tpl_func_t *f, page_value_t **argv, size_t argc,
    int drop_html, page_value_t **res);


static int
page_tpl_eval_var(page_tpl_state_t *st, const page_tpl_node_t *n,
    page_value_t **res)
{
    page_tpl_var_t  *var;

    var = page_tpl_var_find(st, n->u.field.var, st->var_base);
    if (var == NULL) {
        return page_tpl_fail(st, "undefined variable: %s", n->u.field.var);
    }

    *res = var->value;
    return 0;
}


/* Evaluate an operand (no arguments of its own). */
static int
page_tpl_eval_arg(page_tpl_state_t *st, const page_tpl_node_t *n,
    page_value_t *dot, page_value_t **res)
{
    page_value_t  *v;

    if (page_tpl_step(st) != 0) {
        return -1;
    }

    switch (n->type) {
    case TPL_N_CONST:
        *res = n->u.value;
        return 0;

    case TPL_N_DOT:
        *res = dot;
        return 0;

    case TPL_N_FIELD:
        return page_tpl_chain(st, n, dot, NULL, 0, res);

    case TPL_N_VAR:
        if (page_tpl_eval_var(st, n, &v) != 0) {
            return -1;
        }
        return page_tpl_chain(st, n, v, NULL, 0, res);

    case TPL_N_CHAIN:
        if (page_tpl_eval_pipe(st, n->u.field.base, dot, &v) != 0) {
            return -1;
        }
        return page_tpl_chain(st, n, v, NULL, 0, res);

    case TPL_N_PIPE:
        return page_tpl_eval_pipe(st, n, dot, res);

    case TPL_N_FUNC:
        /* a function as an argument is called without arguments */
        if (n->u.func.builtin != TPL_B_NONE) {
            return page_tpl_fail(st, "%.*s needs arguments",
                                 (int) n->src_len, n->src);
        }
        return page_tpl_call_func(st, n->u.func.func, NULL, 0, 0, res);

    default:
        return page_tpl_fail(st, "can't evaluate node");
    }
}


/* Small argument lists live on the stack, longer ones in the arena. */
#define PAGE_TPL_STACK_ARGS  8

static int
page_tpl_eval_and_or(page_tpl_state_t *st, const page_tpl_node_t *cmd,
    page_value_t *dot, page_value_t *final, int has_final, int is_and,
    page_value_t **res)
{
    size_t         i, n;
    page_value_t  *v;

    n = cmd->u.cmd.nargs - 1 + (has_final ? 1 : 0);
    if (n == 0) {
        return page_tpl_fail(st, "wrong number of args for %s: want at "
                             "least 1 got 0", is_and ? "and" : "or");
    }

    v = NULL;
    for (i = 0; i < n; i++) {
        if (i + 1 < cmd->u.cmd.nargs) {
            if (page_tpl_eval_arg(st, cmd->u.cmd.args[i + 1], dot, &v) != 0) {
                return -1;
            }
        } else {
            v = final;
        }

        if (page_tpl_truth(v) != is_and) {
            break;                      /* the operand that decides */
        }
    }

    *res = v;
    return 0;
}


/*
 * A "return" command that is not the return command of the partial being
 * run: Hugo's return function of no arguments, which gives "" (a bare
 * {{ return }}) or fails as Hugo's does.
 */
static int
page_tpl_eval_return(page_tpl_state_t *st, const page_tpl_node_t *cmd,
    int has_final, page_value_t **res)
{
    size_t  n;

    n = cmd->u.cmd.nargs - 1 + (has_final ? 1 : 0);
    if (n > 0) {
        return page_tpl_fail(st, "wrong number of args for return: want 0 "
                             "got %d", (int) n);
    }

    *res = page_value_string_ref(st->arena, PAGE_STRING, "", 0);
    return *res ? 0 : page_tpl_limit(st, "out of memory");
}


/* Is cmd the return command of the partial being run (skipped in place). */
static int
page_tpl_is_ret_cmd(page_tpl_state_t *st, const page_tpl_node_t *cmd)
{
    return st->ret_list != NULL && st->tree != NULL
           && st->tree->root == st->ret_list && st->tree->ret_cmd == cmd;
}


/* The partial's return value: its return command without "return". */
static int
page_tpl_eval_ret_value(page_tpl_state_t *st, page_value_t *dot)
{
    page_tpl_node_t         c;
    const page_tpl_node_t  *r;
    page_value_t           *v;

    r = st->tree->ret_cmd;
    c = *r;
    c.u.cmd.args = r->u.cmd.args + 1;
    c.u.cmd.nargs = r->u.cmd.nargs - 1;
    c.src = c.u.cmd.args[0]->src;
    c.src_len = r->src != NULL && c.src != NULL
                ? (size_t) (r->src + r->src_len - c.src) : 0;
    c.line = c.u.cmd.args[0]->line;
    c.col = c.u.cmd.args[0]->col;

    if (page_tpl_eval_cmd_ext(st, &c, dot, NULL, 0, 0, &v) != 0) {
        return -1;
    }

    st->ret = v;
    st->returning = 1;
    return 0;
}


/* Go's count check of a function's arguments. */
/*
 * Hugo's try (0.141): {{ with try (expr) }}{{ with .Err }}...{{ else with
 * .Value }}...{{ end }}{{ end }}.  The argument is evaluated; a template
 * error in it (a function's, a field's) is caught: .Err is Go's reason
 * ("error calling div: can't divide the value by 0") and .Value nil, or
 * else .Value is the result and .Err nil.  Our own limits (steps, depth,
 * output, memory) are not errors of the expression and are not caught.
 */
static int
page_tpl_eval_try(page_tpl_state_t *st, const page_tpl_node_t *cmd,
    page_value_t *dot, page_value_t *final, int has_final,
    page_value_t **res)
{
    int                     rc;
    size_t                  n;
    page_value_t           *v, *e, *t;
    const page_tpl_node_t  *saved;

    n = cmd->u.cmd.nargs - 1 + (has_final ? 1 : 0);
    if (n != 1) {
        return page_tpl_fail(st, "wrong number of args for try: want 1 got "
                             "%d", (int) n);
    }

    v = final;
    e = &page_nil_value;

    if (!has_final) {
        saved = st->node;
        st->trying++;
        st->try_msg[0] = '\0';
        rc = page_tpl_eval_arg(st, cmd->u.cmd.args[1], dot, &v);
        st->trying--;
        st->node = saved;

        if (rc != 0) {
            if (st->err->status != PAGE_ERR_TEMPLATE) {
                return -1;              /* a limit, or out of memory */
            }
            page_error_init(st->err);
            e = page_value_string(st->arena, st->try_msg,
                                  strlen(st->try_msg));
            v = &page_nil_value;
            if (e == NULL) {
                return page_tpl_limit(st, "out of memory");
            }
        }
    }

    t = page_value_map(st->arena);
    if (t == NULL
        || page_map_set(st->arena, t, "Value", 5,
                        v != NULL ? v : &page_nil_value) != 0
        || page_map_set(st->arena, t, "Err", 3, e) != 0)
    {
        return page_tpl_limit(st, "out of memory");
    }

    *res = t;
    return 0;
}


/*
 * Go's call builtin.  Templates here have no function values (nor have
 * Hugo's: its methods are called by name), so it compiles, evaluates
 * its arguments and fails as Go's does with what it was given.
 */
static int
page_tpl_eval_call(page_tpl_state_t *st, const page_tpl_node_t *cmd,
    page_value_t *dot, page_value_t *final, int has_final)
{
    int            rc;
    size_t         i, n;
    const char    *saved;
    page_value_t  *v, *fn;

    n = cmd->u.cmd.nargs - 1 + (has_final ? 1 : 0);
    if (n == 0) {
        return page_tpl_fail(st, "wrong number of args for call: want at "
                             "least 1 got 0");
    }

    fn = NULL;
    for (i = 1; i < cmd->u.cmd.nargs; i++) {
        if (page_tpl_eval_arg(st, cmd->u.cmd.args[i], dot, &v) != 0) {
            return -1;
        }
        if (i == 1) {
            fn = v;
        }
    }

    if (cmd->u.cmd.nargs == 1) {
        fn = final;
    }

    saved = st->calling;
    st->calling = "call";
    if (fn == NULL || fn->type == PAGE_NIL) {
        rc = page_tpl_fail(st, "call of nil");
    } else {
        rc = page_tpl_fail(st, "non-function of type %s",
                           page_tpl_tname(fn));
    }
    st->calling = saved;

    return rc;
}


static int
page_tpl_arity(page_tpl_state_t *st, const page_tpl_func_t *f, size_t argc)
{
    if ((int) argc < f->min_args || (f->max_args >= 0
                                     && (int) argc > f->max_args))
    {
        if (f->max_args == f->min_args) {
            return page_tpl_fail(st, "wrong number of args for %s: want %d "
                                 "got %d", f->name, f->min_args, (int) argc);
        }
        return page_tpl_fail(st, "wrong number of args for %s: want at "
                             "least %d got %d", f->name, f->min_args,
                             (int) argc);
    }

    return 0;
}


static int
page_tpl_call_func(page_tpl_state_t *st, const page_tpl_func_t *f,
    page_value_t **argv, size_t argc, int drop_html, page_value_t **res)
{
    int          rc;
    const char  *saved;
    page_buf_t   b;

    if (page_tpl_arity(st, f, argc) != 0) {
        return -1;
    }

    if (drop_html) {
        /*
         * An escaper does what the trailing html or urlquery would: the
         * operands go on as the string Go's evalArgs makes of them.
         */
        if (argc == 1 && argv[0] != NULL && argv[0]->type == PAGE_STRING) {
            *res = argv[0];
            return 0;
        }
        page_buf_init(&b, st->arena, st->max_output);
        page_tpl_sprint(&b, argv, argc, 0);
        if (page_buf_failed(&b)) {
            return page_tpl_limit(st, "output too large");
        }
        *res = page_value_string_ref(st->arena, PAGE_STRING,
                                     b.data ? b.data : "", b.len);
        return *res ? 0 : page_tpl_limit(st, "out of memory");
    }

    *res = NULL;
    saved = st->calling;
    st->calling = f->name;
    rc = f->fn(st, argv, argc, res);
    st->calling = saved;

    if (rc != 0) {
        if (st->err->status == PAGE_OK) {
            page_tpl_fail(st, "error calling %s", f->name);
        }
        return -1;
    }

    return 0;
}


static int
page_tpl_eval_cmd_ext(page_tpl_state_t *st, const page_tpl_node_t *cmd,
    page_value_t *dot, page_value_t *final, int has_final, int drop_html,
    page_value_t **res)
{
    size_t                  i, argc;
    page_value_t           *stack[PAGE_TPL_STACK_ARGS], **argv, *recv;
    const page_tpl_node_t  *first, *saved;
    int                     rc;

    if (page_tpl_step(st) != 0) {
        return -1;
    }

    first = cmd->u.cmd.args[0];
    saved = st->node;
    st->node = cmd->src != NULL ? cmd : first;

    if (first->type == TPL_N_CONST && first->u.value->type == PAGE_NIL) {
        rc = page_tpl_fail(st, "nil is not a command");
        st->node = saved;
        return rc;
    }

    if (first->type == TPL_N_FUNC && first->u.func.builtin == TPL_B_RETURN) {
        st->node = first;               /* Go: at <return> */
        rc = page_tpl_eval_return(st, cmd, has_final, res);
        st->node = saved;
        return rc;
    }

    if (first->type == TPL_N_FUNC && first->u.func.builtin == TPL_B_CALL) {
        rc = page_tpl_eval_call(st, cmd, dot, final, has_final);
        st->node = saved;
        return rc;
    }

    if (first->type == TPL_N_FUNC && first->u.func.builtin == TPL_B_TRY) {
        rc = page_tpl_eval_try(st, cmd, dot, final, has_final, res);
        st->node = saved;
        return rc;
    }

    if (first->type == TPL_N_FUNC && first->u.func.builtin != TPL_B_NONE) {
        rc = page_tpl_eval_and_or(st, cmd, dot, final, has_final,
                                  first->u.func.builtin == TPL_B_AND, res);
        st->node = saved;
        return rc;
    }

    if (first->type != TPL_N_FUNC && first->type != TPL_N_FIELD
        && first->type != TPL_N_CHAIN
        && !(first->type == TPL_N_VAR && first->u.field.n > 0))
    {
        if (cmd->u.cmd.nargs > 1 || has_final) {
            st->node = first;
            rc = page_tpl_fail(st, "can't give argument to non-function %.*s",
                               (int) first->src_len, first->src);
        } else {
            rc = page_tpl_eval_arg(st, first, dot, res);
        }
        st->node = saved;
        return rc;
    }

    argc = cmd->u.cmd.nargs - 1 + (has_final ? 1 : 0);
    argv = stack;
    if (argc > PAGE_TPL_STACK_ARGS) {
        argv = page_arena_alloc(st->arena, argc * sizeof(page_value_t *));
        if (argv == NULL) {
            st->node = saved;
            return page_tpl_limit(st, "out of memory");
        }
    }

    for (i = 1; i < cmd->u.cmd.nargs; i++) {
        if (page_tpl_eval_arg(st, cmd->u.cmd.args[i], dot, &argv[i - 1])
            != 0)
        {
            st->node = saved;
            return -1;
        }
    }

    if (has_final) {
        argv[argc - 1] = final;
    }

    st->node = cmd->src != NULL ? cmd : first;

    switch (first->type) {
    case TPL_N_FUNC:
        /* Go checks the count at the function's name, calls at the command */
        st->node = first;
        if (page_tpl_arity(st, first->u.func.func, argc) != 0) {
            rc = -1;
            break;
        }
        st->node = cmd->src != NULL ? cmd : first;
        rc = page_tpl_call_func(st, first->u.func.func, argv, argc,
                                drop_html, res);
        break;

    case TPL_N_FIELD:
        rc = page_tpl_chain(st, first, dot, argv, argc, res);
        break;

    case TPL_N_VAR:
        rc = page_tpl_eval_var(st, first, &recv);
        if (rc == 0) {
            rc = page_tpl_chain(st, first, recv, argv, argc, res);
        }
        break;

    default: /* TPL_N_CHAIN */
        rc = page_tpl_eval_pipe(st, first->u.field.base, dot, &recv);
        if (rc == 0) {
            rc = page_tpl_chain(st, first, recv, argv, argc, res);
        }
        break;
    }

    st->node = saved;
    return rc;
}


static int
page_tpl_eval_pipe_ext(page_tpl_state_t *st, const page_tpl_node_t *pipe,
    page_value_t *dot, int drop_html, page_value_t **res)
{
    size_t            i;
    int               have;
    page_value_t     *v;
    page_tpl_var_t   *var;

    v = NULL;

    if (st->nest >= PAGE_TPL_MAX_RECURSION) {
        return page_tpl_limit(st, "template nesting too deep");
    }
    st->nest++;

    have = 0;
    for (i = 0; i < pipe->u.pipe.ncmds; i++) {
        if (page_tpl_is_ret_cmd(st, pipe->u.pipe.cmds[i])) {
            continue;                   /* Hugo takes it out of the pipe */
        }
        if (page_tpl_eval_cmd_ext(st, pipe->u.pipe.cmds[i], dot, v, have,
                                  drop_html && i + 1 == pipe->u.pipe.ncmds,
                                  &v) != 0)
        {
            st->nest--;
            return -1;
        }
        have = 1;
    }

    st->nest--;

    /* Go digs a nil out of its interface: an invalid value */
    if (v == NULL || v->type == PAGE_NIL) {
        v = &page_tpl_missing;
    }

    if (pipe->u.pipe.ndecl == 1) {
        if (pipe->u.pipe.is_assign) {
            var = page_tpl_var_find(st, pipe->u.pipe.decl[0], st->var_base);
            if (var == NULL) {
                return page_tpl_fail(st, "undefined variable: %s",
                                     pipe->u.pipe.decl[0]);
            }
            var->value = v;
        } else if (page_tpl_var_push(st, pipe->u.pipe.decl[0], v) != 0) {
            return -1;
        }
    }

    *res = v;
    return 0;
}


static int
page_tpl_eval_pipe(page_tpl_state_t *st, const page_tpl_node_t *pipe,
    page_value_t *dot, page_value_t **res)
{
    return page_tpl_eval_pipe_ext(st, pipe, dot, 0, res);
}


/* ---- output ---- */

static int
page_tpl_check_out(page_tpl_state_t *st, page_buf_t *out)
{
    if (page_buf_failed(out)) {
        return page_tpl_limit(st, "output too large (or out of memory)");
    }
    return 0;
}


static int
page_tpl_exec_action(page_tpl_state_t *st, const page_tpl_node_t *n,
    page_value_t *dot, page_buf_t *out)
{
    unsigned           i;
    page_value_t      *v;
    page_buf_t         tmp;
    const page_tpl_node_t  *saved;

    saved = st->node;
    st->node = n;

    if (page_tpl_eval_pipe_ext(st, n->u.action.pipe, dot,
                               n->u.action.drop_html, &v) != 0)
    {
        return -1;
    }

    st->node = saved;

    if (n->u.action.pipe->u.pipe.ndecl > 0) {
        return 0;                       /* declarations print nothing */
    }

    if (n->u.action.nesc == 0) {
        page_tpl_print(out, v);
        return page_tpl_check_out(st, out);
    }

    for (i = 0; i + 1 < n->u.action.nesc; i++) {
        page_buf_init(&tmp, st->arena, st->max_output);
        page_tpl_escape_value(&tmp, (page_tpl_esc_t) n->u.action.esc[i], v);
        if (page_tpl_check_out(st, &tmp) != 0) {
            return -1;
        }
        v = page_value_string_ref(st->arena, PAGE_STRING,
                                  tmp.data ? tmp.data : "", tmp.len);
        if (v == NULL) {
            return page_tpl_limit(st, "out of memory");
        }
    }

    page_tpl_escape_value(out, (page_tpl_esc_t) n->u.action.esc[i], v);
    return page_tpl_check_out(st, out);
}


static int
page_tpl_range_body(page_tpl_state_t *st, const page_tpl_node_t *n,
    page_value_t *key, page_value_t *elem, page_buf_t *out)
{
    size_t                  saved;
    const page_tpl_node_t  *pipe;
    int                     rc;

    pipe = n->u.branch.pipe;
    saved = st->nvars;

    /* every iteration is a step, even of an empty body */
    if (page_tpl_step(st) != 0) {
        return -1;
    }

    if (pipe->u.pipe.ndecl == 1) {
        if (page_tpl_var_push(st, pipe->u.pipe.decl[0], elem) != 0) {
            return -1;
        }
    } else if (pipe->u.pipe.ndecl == 2) {
        if (page_tpl_var_push(st, pipe->u.pipe.decl[0], key) != 0
            || page_tpl_var_push(st, pipe->u.pipe.decl[1], elem) != 0)
        {
            return -1;
        }
    }

    rc = page_tpl_exec_list(st, n->u.branch.list, elem, out);
    st->nvars = saved;

    return rc;
}


static int
page_tpl_exec_range(page_tpl_state_t *st, const page_tpl_node_t *n,
    page_value_t *dot, page_buf_t *out)
{
    size_t                  i, count, saved;
    int                     rc;
    page_buf_t              b;
    page_value_t           *v, *key, *elem;
    page_pair_t            *pairs;
    const page_tpl_node_t  *pipe;

    pipe = n->u.branch.pipe;
    saved = st->nvars;

    /* evaluate without declaring: the variables are per iteration */
    v = NULL;
    for (i = 0; i < pipe->u.pipe.ncmds; i++) {
        if (page_tpl_eval_cmd_ext(st, pipe->u.pipe.cmds[i], dot, v, i > 0, 0,
                                  &v) != 0)
        {
            return -1;
        }
    }

    if (pipe->u.pipe.is_assign) {
        return page_tpl_fail(st, "range: assignment to existing variables "
                             "is not supported");
    }

    count = 0;
    rc = 0;

    if (v == NULL || v->type == PAGE_NIL) {
        count = 0;

    } else if (v->type == PAGE_LIST) {
        count = v->u.list.n;
        for (i = 0; i < count && rc == 0; i++) {
            key = pipe->u.pipe.ndecl == 2
                  ? page_value_int(st->arena, (int64_t) i) : &page_nil_value;
            elem = v->u.list.items[i];
            if (key == NULL) {
                return page_tpl_limit(st, "out of memory");
            }
            if (elem == NULL) {
                elem = &page_nil_value;
            }
            rc = page_tpl_range_body(st, n, key, elem, out);
            if (rc == PAGE_TPL_CONTINUE) {
                rc = 0;
            }
        }

    } else if (v->type == PAGE_MAP) {
        count = v->u.map.n;
        pairs = page_map_sorted(st->arena, v);
        if (pairs == NULL) {
            return page_tpl_limit(st, "out of memory");
        }

        for (i = 0; i < count && rc == 0; i++) {
            key = page_value_string_ref(st->arena, PAGE_STRING,
                                        pairs[i].key.data, pairs[i].key.len);
            elem = pairs[i].value ? pairs[i].value : &page_nil_value;
            if (key == NULL) {
                return page_tpl_limit(st, "out of memory");
            }
            rc = page_tpl_range_body(st, n, key, elem, out);
            if (rc == PAGE_TPL_CONTINUE) {
                rc = 0;
            }
        }

    } else if (v->type == PAGE_INT) {
        /* Go 1.22: range over an integer, 0 to n-1 */
        if (pipe->u.pipe.ndecl == 2) {
            st->node = pipe->u.pipe.cmds[0]->u.cmd.args[0];
            return page_tpl_fail(st, "can't use %lld to iterate over more "
                                 "than one variable", (long long) v->u.i);
        }
        count = v->u.i > 0 ? (size_t) v->u.i : 0;
        for (i = 0; i < count && rc == 0; i++) {
            elem = page_value_int(st->arena, (int64_t) i);
            if (elem == NULL) {
                return page_tpl_limit(st, "out of memory");
            }
            rc = page_tpl_range_body(st, n, elem, elem, out);
            if (rc == PAGE_TPL_CONTINUE) {
                rc = 0;
            }
        }

    } else {
        /* Go prints the value (%v) */
        st->node = pipe->u.pipe.cmds[0]->u.cmd.args[0];
        page_buf_init(&b, st->arena, PAGE_TPL_RANGE_QUOTE);
        page_tpl_print(&b, v);
        return page_tpl_fail(st, "range can't iterate over %.*s",
                             (int) b.len, b.data ? b.data : "");
    }

    st->nvars = saved;

    if (rc == PAGE_TPL_BREAK) {
        rc = 0;
    }

    if (rc != 0) {
        return rc;
    }

    if (count == 0 && n->u.branch.else_list != NULL) {
        return page_tpl_exec_list(st, n->u.branch.else_list, dot, out);
    }

    return 0;
}


/* if and with, an else-if chain in a loop (its variables stay in scope). */
static int
page_tpl_exec_branch(page_tpl_state_t *st, const page_tpl_node_t *n,
    page_value_t *dot, page_buf_t *out)
{
    size_t         saved;
    int            rc;
    page_value_t  *v;

    saved = st->nvars;
    rc = 0;

    for ( ;; ) {
        if (page_tpl_eval_pipe(st, n->u.branch.pipe, dot, &v) != 0) {
            rc = -1;
            break;
        }

        if (page_tpl_truth(v)) {
            rc = page_tpl_exec_list(st, n->u.branch.list,
                                    n->type == TPL_N_WITH ? v : dot, out);
            break;
        }

        if (n->u.branch.chained) {
            n = n->u.branch.else_list->u.list.items[0];
            if (page_tpl_step(st) != 0) {
                rc = -1;
                break;
            }
            continue;
        }

        if (n->u.branch.else_list != NULL) {
            rc = page_tpl_exec_list(st, n->u.branch.else_list, dot, out);
        }
        break;
    }

    st->nvars = saved;
    return rc;
}


/*
 * Hugo's baseof pattern: with env->overlay naming a file, its {{define}}s
 * win over same-named ones of other files ({{block "main"}} in baseof.html
 * runs the "main" of the chosen layout).
 */
static const page_tpl_tree_t *
page_tpl_overlay(page_tpl_state_t *st, const page_tpl_node_t *n)
{
    int                     pass;
    const char             *file, *name;
    const page_tpl_tree_t  *t;

    name = n->u.tmpl.tree->name;

    if (st->env->overlay == NULL) {
        return n->u.tmpl.tree;
    }

    /* first the overlay's definition, then the calling file's own */
    for (pass = 0; pass < 2; pass++) {
        file = pass == 0 ? st->env->overlay : st->tree->file;

        if (strcmp(n->u.tmpl.tree->file, file) == 0) {
            return n->u.tmpl.tree;
        }

        t = n->u.tmpl.ctx == 0 ? st->set->all : st->set->variants;
        for ( ; t != NULL; t = n->u.tmpl.ctx == 0 ? t->all_next : t->next) {
            if (strcmp(t->file, file) == 0 && strcmp(t->name, name) == 0
                && (n->u.tmpl.ctx == 0 || t->in_ctx == n->u.tmpl.ctx))
            {
                return t;
            }
        }
    }

    return n->u.tmpl.tree;
}


static int
page_tpl_exec_template(page_tpl_state_t *st, const page_tpl_node_t *n,
    page_value_t *dot, page_buf_t *out)
{
    page_value_t  *v;

    v = &page_nil_value;
    if (n->u.tmpl.pipe != NULL
        && page_tpl_eval_pipe(st, n->u.tmpl.pipe, dot, &v) != 0)
    {
        return -1;
    }

    if (n->u.tmpl.tree == NULL) {
        st->node = n;
        return page_tpl_fail(st, "no such template \"%s\"", n->u.tmpl.name);
    }

    st->node = n;
    return page_tpl_exec_tree(st, page_tpl_overlay(st, n), v, out);
}


static int
page_tpl_exec_list(page_tpl_state_t *st, const page_tpl_node_t *list,
    page_value_t *dot, page_buf_t *out)
{
    size_t                  i, saved;
    int                     rc;
    const page_tpl_node_t  *n;

    if (st->nest >= PAGE_TPL_MAX_RECURSION) {
        return page_tpl_limit(st, "template nesting too deep");
    }

    st->nest++;
    saved = st->nvars;
    rc = 0;

    for (i = 0; i < list->u.list.n && rc == 0; i++) {
        n = list->u.list.items[i];

        if (page_tpl_step(st) != 0) {
            rc = -1;
            break;
        }

        switch (n->type) {
        case TPL_N_TEXT:
            page_buf_append(out, n->u.text.data, n->u.text.len);
            rc = page_tpl_check_out(st, out);
            break;

        case TPL_N_ACTION:
            rc = page_tpl_exec_action(st, n, dot, out);
            break;

        case TPL_N_IF:
        case TPL_N_WITH:
            rc = page_tpl_exec_branch(st, n, dot, out);
            break;

        case TPL_N_RANGE:
            rc = page_tpl_exec_range(st, n, dot, out);
            break;

        case TPL_N_TEMPLATE:
            rc = page_tpl_exec_template(st, n, dot, out);
            break;

        case TPL_N_BREAK:
            rc = PAGE_TPL_BREAK;
            break;

        case TPL_N_CONTINUE:
            rc = PAGE_TPL_CONTINUE;
            break;

        case TPL_N_LIST:
            rc = page_tpl_exec_list(st, n, dot, out);
            break;

        default:
            rc = page_tpl_fail(st, "unexpected node");
            break;
        }
    }

    /* a partial's return value, at the end of its top level */
    if (rc == 0 && list == st->ret_list && st->tree->root == list
        && st->tree->ret_cmd != NULL)
    {
        rc = page_tpl_eval_ret_value(st, dot);
    }

    /* variables declared in this list end with it ({{end}} scoping) */
    st->nvars = saved;
    st->nest--;

    return rc;
}


static int
page_tpl_exec_tree(page_tpl_state_t *st, const page_tpl_tree_t *tree,
    page_value_t *dot, page_buf_t *out)
{
    size_t                  saved_base, saved_n;
    const page_tpl_tree_t  *saved_tree;
    const page_tpl_node_t  *saved_node;
    const char             *saved_calling;
    int                     rc;

    if (st->depth >= PAGE_TPL_MAX_DEPTH) {
        return page_tpl_limit(st, "template calls nested too deep "
                              "(endless recursion?)");
    }

    saved_base = st->var_base;
    saved_n = st->nvars;
    saved_tree = st->tree;
    saved_node = st->node;
    saved_calling = st->calling;
    st->calling = NULL;

    if (page_tpl_var_push(st, "$", dot) != 0) {
        return -1;
    }

    st->var_base = saved_n;
    st->tree = tree;
    st->calls[st->depth] = tree;        /* for templates.Current */
    st->depth++;

    rc = page_tpl_exec_list(st, tree->root, dot, out);

    st->depth--;
    st->calling = saved_calling;
    st->tree = saved_tree;
    st->node = saved_node;
    st->var_base = saved_base;
    st->nvars = saved_n;

    return rc < 0 ? -1 : 0;
}


int
page_tpl_call(page_tpl_state_t *st, const char *name, page_value_t *dot,
    page_value_t **res)
{
    return page_tpl_call_in(st, st->set, name, dot, res);
}


int
page_tpl_call_in(page_tpl_state_t *st, const page_tpl_set_t *set,
    const char *name, page_value_t *dot, page_value_t **res)
{
    int                     rc;
    char                    msg[256];
    page_buf_t              b;
    const page_tpl_set_t   *saved;
    const page_tpl_tree_t  *tree;
    const page_tpl_node_t  *saved_ret;

    if (!set->checked) {
        return page_tpl_fail(st, "template set of \"%s\" not checked", name);
    }

    tree = page_tpl_find(set, name, strlen(name));
    if (tree == NULL) {
        return page_tpl_fail(st, "template \"%s\" not defined", name);
    }

    if (page_tpl_end_context(set, tree, msg, sizeof(msg)) != 0) {
        return page_tpl_fail(st, "%s", msg);
    }

    page_buf_init(&b, st->arena, st->max_output);
    st->returning = 0;
    st->ret = NULL;

    /*
     * a nil context (partial "x" with none, or nil) is Go's invalid
     * value: .field of it is nothing, not an error (hextra's theme-toggle)
     */
    if (dot == NULL || dot->type == PAGE_NIL) {
        dot = &page_tpl_missing;
    }

    /* the other set's partials call their own set's templates */
    saved = st->set;
    saved_ret = st->ret_list;
    st->set = set;
    st->ret_list = tree->root;
    rc = page_tpl_exec_tree(st, tree, dot, &b);
    st->set = saved;
    st->ret_list = saved_ret;

    if (rc != 0) {
        return -1;
    }

    if (st->returning) {
        st->returning = 0;
        *res = st->ret;
        st->ret = NULL;
        return 0;
    }

    *res = page_value_string_ref(st->arena, PAGE_HTML,
                                 b.data ? b.data : "", b.len);
    return *res ? 0 : page_tpl_limit(st, "out of memory");
}


int
page_tpl_execute(const page_tpl_set_t *set, const char *name,
    page_value_t *dot, page_tpl_env_t *env, page_buf_t *out,
    page_error_t *err)
{
    char                    msg[256];
    page_tpl_state_t        st;
    const page_tpl_tree_t  *tree;

    if (!set->checked) {
        page_error_set(err, PAGE_ERR_TEMPLATE, name, 0, 0,
                       "template set not checked");
        return -1;
    }

    tree = page_tpl_find(set, name, strlen(name));
    if (tree == NULL) {
        page_error_set(err, PAGE_ERR_TEMPLATE, name, 0, 0,
                       "template \"%s\" not defined", name);
        return -1;
    }

    if (page_tpl_end_context(set, tree, msg, sizeof(msg)) != 0) {
        page_tpl_set_check_entry(set, name, err);     /* with the position */
        return -1;
    }

    memset(&st, 0, sizeof(st));
    st.set = set;
    st.env = env;
    st.arena = env->arena;
    st.err = err;
    st.max_output = env->max_output ? env->max_output : PAGE_TPL_MAX_OUTPUT;

    if (dot == NULL) {
        dot = &page_nil_value;
    }

    if (page_tpl_exec_tree(&st, tree, dot, out) != 0) {
        if (err->status == PAGE_OK) {
            page_error_set(err, PAGE_ERR_TEMPLATE, tree->path, 0, 0,
                           "template failed");
        }
        return -1;
    }

    return 0;
}
