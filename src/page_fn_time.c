/*
 * page_fn_time: Hugo's time namespace (tpl/time): now, time, dateFormat
 * (Go reference-time layouts are in page_time.c).
 */

#include <string.h>
#include <time.h>

#include "page_fn.h"


static int
page_tpl_f_now(PAGE_FN_ARGS)
{
    page_time_t  t;

    (void) args;
    (void) nargs;
    memset(&t, 0, sizeof(t));
    t.sec = (int64_t) time(NULL);
    *res = page_value_time(st->arena, &t);
    return *res ? 0 : page_tpl_nomem(st);
}


/* time.Format LAYOUT TIME / dateFormat LAYOUT TIME */
static int
page_tpl_f_dateformat(PAGE_FN_ARGS)
{
    const char    *layout, *s;
    size_t         llen, len;
    page_time_t    t;
    page_buf_t     b;
    page_value_t  *v = args[1];

    (void) nargs;
    if (page_tpl_arg_str(st, "dateFormat", args[0], &layout, &llen) != 0) {
        return -1;
    }

    if (v != NULL && v->type == PAGE_TIME) {
        t = v->u.t;
    } else if (page_tpl_str(v, &s, &len)
               && page_time_parse(s, len, &t) == 0)
    {
        /* a date string, as front matter writes them */
    } else {
        return page_tpl_fail(st, "dateFormat: unable to cast %s to "
                             "time.Time", page_tpl_tname(v));
    }

    page_tpl_time_layout(&layout, &llen);
    page_tpl_buf(st, &b);
    page_time_format(&b, &t, layout, llen);
    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


static int
page_tpl_f_time(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len;
    page_time_t  t;

    (void) nargs;
    if (args[0] != NULL && args[0]->type == PAGE_TIME) {
        *res = args[0];
        return 0;
    }
    if (!page_tpl_str(args[0], &s, &len) || page_time_parse(s, len, &t) != 0)
    {
        return page_tpl_fail(st, "time: unable to parse date");
    }
    *res = page_value_time(st->arena, &t);
    return *res ? 0 : page_tpl_nomem(st);
}


const page_tpl_func_t  page_fn_time[] = {
    { "time.Now", page_tpl_f_now, 0, 0 },
    { "now", page_tpl_f_now, 0, 0 },
    { "time.Format", page_tpl_f_dateformat, 2, 2 },
    { "dateFormat", page_tpl_f_dateformat, 2, 2 },
    { "time", page_tpl_f_time, 1, 1 },
    { NULL, NULL, 0, 0 }
};
