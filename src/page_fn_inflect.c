/*
 * page_fn_inflect: Hugo's inflect namespace (tpl/inflect): humanize.
 */

#include <stdio.h>
#include <string.h>

#include "page_fn.h"


/* humanize: "my-first-post" -> "My first post"; 3 -> "3rd". */
static int
page_tpl_f_humanize(PAGE_FN_ARGS)
{
    const char  *s, *suffix;
    size_t       len, i;
    char        *o;
    int64_t      n;

    (void) nargs;

    if (args[0] != NULL && args[0]->type == PAGE_INT) {
        n = args[0]->u.i;
        suffix = "th";
        if ((n % 100 + 100) % 100 < 11 || (n % 100 + 100) % 100 > 13) {
            switch ((n % 10 + 10) % 10) {
            case 1: suffix = "st"; break;
            case 2: suffix = "nd"; break;
            case 3: suffix = "rd"; break;
            }
        }
        o = page_arena_alloc(st->arena, 32);
        if (o == NULL) {
            return page_tpl_nomem(st);
        }
        snprintf(o, 32, "%lld%s", (long long) n, suffix);
        return page_tpl_ret_str(st, PAGE_STRING, o, strlen(o), res);
    }

    if (page_tpl_arg_str(st, "humanize", args[0], &s, &len) != 0) {
        return -1;
    }

    o = page_arena_strndup(st->arena, s, len);
    if (o == NULL) {
        return page_tpl_nomem(st);
    }
    for (i = 0; i < len; i++) {
        if (o[i] == '-' || o[i] == '_') {
            o[i] = ' ';
        }
    }
    if (len > 0 && o[0] >= 'a' && o[0] <= 'z') {
        o[0] -= 'a' - 'A';
    }

    *res = page_value_string_ref(st->arena, PAGE_STRING, o, len);
    return *res ? 0 : page_tpl_nomem(st);
}


const page_tpl_func_t  page_fn_inflect[] = {
    { "humanize", page_tpl_f_humanize, 1, 1 },
    { NULL, NULL, 0, 0 }
};
