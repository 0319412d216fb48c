/*
 * page_fn_safe: Hugo's safe namespace (tpl/safe): safeHTML,
 * safeHTMLAttr, safeURL, safeCSS, safeJS, safeJSStr mark a string as
 * trusted content of a kind, which the contextual escaper then passes.
 */

#include "page_fn.h"


static int
page_tpl_f_safehtml(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_typed(st, args[0], PAGE_HTML, res);
}


static int
page_tpl_f_safeattr(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_typed(st, args[0], PAGE_TPL_HTMLATTR, res);
}


static int
page_tpl_f_safeurl(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_typed(st, args[0], PAGE_TPL_URL, res);
}


static int
page_tpl_f_safecss(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_typed(st, args[0], PAGE_TPL_CSS, res);
}


/* safe.JSStr: text for inside a JS string literal, its escapes kept */
static int
page_tpl_f_safejsstr(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_typed(st, args[0], PAGE_TPL_JSSTR, res);
}


static int
page_tpl_f_safejs(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_typed(st, args[0], PAGE_TPL_JS, res);
}


const page_tpl_func_t  page_fn_safe[] = {
    { "safe.HTML", page_tpl_f_safehtml, 1, 1 },
    { "safeHTML", page_tpl_f_safehtml, 1, 1 },
    { "safe.HTMLAttr", page_tpl_f_safeattr, 1, 1 },
    { "safeHTMLAttr", page_tpl_f_safeattr, 1, 1 },
    { "safe.URL", page_tpl_f_safeurl, 1, 1 },
    { "safeURL", page_tpl_f_safeurl, 1, 1 },
    { "safe.CSS", page_tpl_f_safecss, 1, 1 },
    { "safeCSS", page_tpl_f_safecss, 1, 1 },
    { "safe.JS", page_tpl_f_safejs, 1, 1 },
    { "safeJS", page_tpl_f_safejs, 1, 1 },
    { "safe.JSStr", page_tpl_f_safejsstr, 1, 1 },
    { "safeJSStr", page_tpl_f_safejsstr, 1, 1 },
    { NULL, NULL, 0, 0 }
};
