/*
 * page_fn_data: Hugo's data namespace functions GetCSV and GetJSON
 * (getCSV, getJSON).  They are defined so that templates that name them
 * parse (an unknown function fails the whole template set, and so
 * nginx -t), and fail when they run, in one line: a remote URL is never
 * fetched at request time, and reading a project file through them is
 * not supported (resources.Get with transform.Unmarshal reads one).
 */

#include <string.h>

#include "page_fn.h"


/* Fail name for its URL (the arguments from first on, joined as Hugo). */
static int
page_fn_data_fail(page_tpl_state_t *st, const char *name,
    page_value_t **args, size_t nargs, size_t first)
{
    size_t       len;
    const char  *s;

    if (first >= nargs
        || page_tpl_arg_str(st, name, args[first], &s, &len) != 0)
    {
        return -1;
    }

    if ((len >= 7 && strncmp(s, "http://", 7) == 0)
        || (len >= 8 && strncmp(s, "https://", 8) == 0))
    {
        return page_fn_unavailable(st, name,
                                   "remote data is not fetched at request "
                                   "time");
    }

    return page_fn_unavailable(st, name,
                               "files are not read through it here (use "
                               "resources.Get and transform.Unmarshal)");
}


/* data.GetCSV SEP URL...: the CSV at URL as rows. */
static int
page_fn_data_getcsv(PAGE_FN_ARGS)
{
    (void) res;

    return page_fn_data_fail(st, "data.GetCSV", args, nargs, 1);
}


/* data.GetJSON URL...: the JSON at URL. */
static int
page_fn_data_getjson(PAGE_FN_ARGS)
{
    (void) res;

    return page_fn_data_fail(st, "data.GetJSON", args, nargs, 0);
}


const page_tpl_func_t  page_fn_data[] = {
    { "data.GetCSV",  page_fn_data_getcsv,  2, -1 },
    { "getCSV",       page_fn_data_getcsv,  2, -1 },
    { "data.GetJSON", page_fn_data_getjson, 1, -1 },
    { "getJSON",      page_fn_data_getjson, 1, -1 },
    { NULL, NULL, 0, 0 }
};
