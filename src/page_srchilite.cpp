/*
 * page_srchilite.cpp: the C++ side of page_srchilite.h, over Debian's
 * libsource-highlight.  One formatter per element name reports the
 * element's text to the C callback; a language's highlight state (its
 * parsed .lang file and regular expressions) is built once and kept in
 * the library's LangDefManager, as is a failure to build it.  No
 * exception gets out.
 */

#include <cstddef>
#include <map>
#include <string>

#include <srchilite/formatter.h>
#include <srchilite/formattermanager.h>
#include <srchilite/langdefmanager.h>
#include <srchilite/regexrulefactory.h>
#include <srchilite/sourcehighlighter.h>

#include "page_srchilite.h"


namespace {

/* the callbacks of the block being highlighted (one at a time) */
struct page_srchilite_sink {
    page_srchilite_token_pt  token;
    void                    *ctx;
};


class page_srchilite_formatter : public srchilite::Formatter {
    page_srchilite_sink  *sink;
    int                   elem;

public:
    page_srchilite_formatter(page_srchilite_sink *s, int e)
        : sink(s), elem(e) {}

    void format(const std::string &s, const srchilite::FormatterParams *)
    {
        if (!s.empty()) {
            sink->token(sink->ctx, elem, s.data(), s.size());
        }
    }
};


struct page_srchilite_lang {
    bool                           failed;
    srchilite::HighlightStatePtr   state;
};


page_srchilite_sink                         sink;
srchilite::RegexRuleFactory                *factory;
srchilite::LangDefManager                  *langs;
srchilite::FormatterManager                *formatters;
const char *const                          *formatter_elems;
std::map<std::string, page_srchilite_lang> *states;


srchilite::HighlightStatePtr
page_srchilite_state(const char *langfile)
{
    page_srchilite_lang  *l;

    if (states == NULL) {
        factory = new srchilite::RegexRuleFactory;
        langs = new srchilite::LangDefManager(factory);
        states = new std::map<std::string, page_srchilite_lang>;
    }

    l = &(*states)[langfile];

    if (!l->failed && !l->state) {
        try {
            l->state = langs->getHighlightState(PAGE_SRCHILITE_DATADIR,
                                                langfile);
        } catch (...) {
            l->failed = true;
        }
    }

    return l->state;
}


void
page_srchilite_formatters(const char *const *elems, size_t nelems)
{
    size_t  i;

    /* the element list is the caller's static table: built once */
    if (formatters != NULL && formatter_elems == elems) {
        return;
    }

    delete formatters;
    formatters = new srchilite::FormatterManager(
        srchilite::FormatterPtr(new page_srchilite_formatter(&sink, -1)));

    for (i = 0; i < nelems; i++) {
        formatters->addFormatter(elems[i], srchilite::FormatterPtr(
            new page_srchilite_formatter(&sink, (int) i)));
    }

    formatter_elems = elems;
}

} /* namespace */


extern "C" void
page_srchilite_exit(void)
{
    try {
        delete formatters;
        delete states;
        delete langs;
        delete factory;
    } catch (...) {
        /* nothing to do at exit */
    }

    formatters = NULL;
    formatter_elems = NULL;
    states = NULL;
    langs = NULL;
    factory = NULL;
}


extern "C" int
page_srchilite_run(const char *langfile, const char *const *elems,
    size_t nelems, const char *code, size_t len,
    page_srchilite_token_pt token, page_srchilite_eol_pt eol, void *ctx)
{
    size_t                        i, start;
    srchilite::HighlightStatePtr  state;

    try {
        state = page_srchilite_state(langfile);
        if (!state) {
            return -1;
        }

        page_srchilite_formatters(elems, nelems);
        sink.token = token;
        sink.ctx = ctx;

        srchilite::SourceHighlighter  h(state);

        h.setFormatterManager(formatters);
        h.setOptimize(true);

        start = 0;
        for (i = 0; i <= len; i++) {
            if (i < len && code[i] != '\n') {
                continue;
            }
            if (i == len && start == len) {
                break;
            }

            /* the library keeps multi-line state (comments) across calls */
            h.highlightParagraph(std::string(code + start, i - start));
            eol(ctx, i < len);
            start = i + 1;
        }

    } catch (...) {
        return -1;
    }

    return 0;
}
