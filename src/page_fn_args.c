/*
 * page_fn_args: what every template function file shares: results
 * allocated in the execution's arena (strings, buffers, booleans,
 * integers, lists), arguments taken as text, strings, integers or floats
 * the way Hugo casts them, and Go's type names for error messages.
 */

#include <stdlib.h>
#include <string.h>

#include "page_fn.h"


int
page_tpl_nomem(page_tpl_state_t *st)
{
    page_tpl_fail(st, "out of memory");
    st->err->status = PAGE_ERR_NOMEM;
    return -1;
}


int
page_tpl_ret_str(page_tpl_state_t *st, page_type_t type, const char *s,
    size_t len, page_value_t **res)
{
    *res = page_value_string(st->arena, s, len);
    if (*res == NULL) {
        return page_tpl_nomem(st);
    }
    (*res)->type = type;
    return 0;
}


/* Return the buffer's bytes (already in the arena) as a value. */
int
page_tpl_ret_buf(page_tpl_state_t *st, page_type_t type, page_buf_t *b,
    page_value_t **res)
{
    /* a string value's bytes are NUL-terminated (page_value.h) */
    if (page_buf_failed(b) || (b->data != NULL && page_buf_cstr(b) == NULL))
    {
        return page_tpl_fail(st, "result too large (or out of memory)");
    }
    *res = page_value_string_ref(st->arena, type, b->data ? b->data : "",
                                 b->len);
    return *res ? 0 : page_tpl_nomem(st);
}


int
page_tpl_ret_bool(page_tpl_state_t *st, int b, page_value_t **res)
{
    *res = page_value_bool(st->arena, b);
    return *res ? 0 : page_tpl_nomem(st);
}


int
page_tpl_ret_int(page_tpl_state_t *st, int64_t i, page_value_t **res)
{
    *res = page_value_int(st->arena, i);
    return *res ? 0 : page_tpl_nomem(st);
}


void
page_tpl_buf(page_tpl_state_t *st, page_buf_t *b)
{
    page_buf_init(b, st->arena, st->max_output);
}


const char *
page_tpl_tname(const page_value_t *v)
{
    if (v == NULL) {
        return "<nil>";
    }
    switch ((int) v->type) {
    case PAGE_TPL_CSS:      return "template.CSS";
    case PAGE_TPL_HTMLATTR: return "template.HTMLAttr";
    case PAGE_TPL_JS:       return "template.JS";
    case PAGE_TPL_URL:      return "template.URL";
    case PAGE_TPL_JSSTR:    return "template.JSStr";
    case PAGE_NIL:          return "<nil>";
    default:                return page_type_name(v->type);
    }
}


/* The value as text: strings as they are, others as %v prints them. */
int
page_tpl_text(page_tpl_state_t *st, const page_value_t *v, const char **s,
    size_t *len)
{
    page_buf_t  b;

    if (page_tpl_str(v, s, len)) {
        return 0;
    }

    page_tpl_buf(st, &b);
    page_tpl_print(&b, v);
    if (page_buf_failed(&b)) {
        return page_tpl_fail(st, "result too large (or out of memory)");
    }
    *s = b.data ? b.data : "";
    *len = b.len;
    return 0;
}


/* A string argument, or a failure naming the function. */
int
page_tpl_arg_str(page_tpl_state_t *st, const char *fn, page_value_t *v,
    const char **s, size_t *len)
{
    if (page_tpl_str(v, s, len)) {
        return 0;
    }

    if (v != NULL && (v->type == PAGE_INT || v->type == PAGE_FLOAT
                      || v->type == PAGE_BOOL))
    {
        return page_tpl_text(st, v, s, len);    /* Hugo casts these */
    }

    if (v == NULL || v->type == PAGE_NIL) {
        *s = "";
        *len = 0;
        return 0;
    }

    return page_tpl_fail(st, "%s: unable to cast %s to string", fn,
                         page_tpl_tname(v));
}


int
page_tpl_is_num(const page_value_t *v)
{
    return v != NULL && (v->type == PAGE_INT || v->type == PAGE_FLOAT);
}


double
page_tpl_num(const page_value_t *v)
{
    return v->type == PAGE_INT ? (double) v->u.i : v->u.f;
}


int
page_tpl_to_int(page_tpl_state_t *st, const char *fn, const page_value_t *v,
    int64_t *out)
{
    const char  *s;
    size_t       len;
    char         buf[64], *end;
    double       f;

    if (v == NULL || v->type == PAGE_NIL) {
        *out = 0;
        return 0;
    }

    switch ((int) v->type) {
    case PAGE_INT:
        *out = v->u.i;
        return 0;
    case PAGE_FLOAT:
        if (!(v->u.f > -9.2e18 && v->u.f < 9.2e18)) {
            return page_tpl_fail(st, "%s: %g out of range", fn, v->u.f);
        }
        *out = (int64_t) v->u.f;
        return 0;
    case PAGE_BOOL:
        *out = v->u.b;
        return 0;
    default:
        if (!page_tpl_str(v, &s, &len) || len == 0 || len >= sizeof(buf)) {
            break;
        }
        memcpy(buf, s, len);
        buf[len] = '\0';
        *out = strtoll(buf, &end, 10);
        if (*end == '\0') {
            return 0;
        }
        f = strtod(buf, &end);
        if (*end == '\0' && f > -9.2e18 && f < 9.2e18) {
            *out = (int64_t) f;
            return 0;
        }
        break;
    }

    return page_tpl_fail(st, "%s: unable to cast %s to int", fn,
                         page_tpl_tname(v));
}


int
page_tpl_to_float(page_tpl_state_t *st, const char *fn,
    const page_value_t *v, double *out)
{
    const char  *s;
    size_t       len;
    char         buf[64], *end;

    if (page_tpl_is_num(v)) {
        *out = page_tpl_num(v);
        return 0;
    }

    if (v == NULL || v->type == PAGE_NIL) {
        *out = 0;
        return 0;
    }

    if (v->type == PAGE_BOOL) {
        *out = v->u.b;
        return 0;
    }

    if (page_tpl_str(v, &s, &len) && len > 0 && len < sizeof(buf)) {
        memcpy(buf, s, len);
        buf[len] = '\0';
        *out = strtod(buf, &end);
        if (*end == '\0') {
            return 0;
        }
    }

    return page_tpl_fail(st, "%s: unable to cast %s to float", fn,
                         page_tpl_tname(v));
}


page_value_t *
page_tpl_list_new(page_tpl_state_t *st)
{
    page_value_t  *l;

    l = page_value_list(st->arena);
    if (l == NULL) {
        page_tpl_nomem(st);
    }
    return l;
}


int
page_tpl_push(page_tpl_state_t *st, page_value_t *l, page_value_t *v)
{
    if (page_list_push(st->arena, l, v ? v : &page_nil_value) != 0) {
        return page_tpl_nomem(st);
    }
    return 0;
}


int
page_tpl_typed(page_tpl_state_t *st, page_value_t *v, page_type_t type,
    page_value_t **res)
{
    const char  *s;
    size_t       len;

    if (page_tpl_text(st, v, &s, &len) != 0) {
        return -1;
    }

    *res = page_value_string_ref(st->arena, type, s, len);
    return *res ? 0 : page_tpl_nomem(st);
}


/*
 * A function that does not run here (network, external tool, image
 * processing): "name: why", in one line.  When the engine already names
 * the function ("error calling getJSON: "), the name is not said twice;
 * a namespaced one, which the engine names by its method as Hugo does
 * ("error calling GetRemote: "), and one called by an alias ("error
 * calling toCSS: ") still have the reason name the function
 * ("resources.GetRemote: ...", "css.Sass: ...").
 */
int
page_fn_unavailable(page_tpl_state_t *st, const char *name, const char *why)
{
    if (st->calling != NULL && strcmp(st->calling, name) == 0
        && strchr(name, '.') == NULL)
    {
        return page_tpl_fail(st, "%s", why);
    }

    return page_tpl_fail(st, "%s: %s", name, why);
}
