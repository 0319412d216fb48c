/*
 * page_site_content: other pages' rendered content as templates read it
 * in site mode (.Content, .Summary, .Truncated, .Plain, .PlainWords,
 * .WordCount, .FuzzyWordCount, .ReadingTime, .TableOfContents, .Len,
 * .RawContent of a page value of the site index): the page's file is
 * read and rendered on demand, without a layout, in its own context,
 * and kept per file version in a bounded per-process cache that the
 * index owns.  Also Hugo's summary, plain text and word rules that the
 * page being rendered shares.
 */

#ifndef PAGE_SITE_CONTENT_H
#define PAGE_SITE_CONTENT_H

#include "page_data.h"
#include "page_site_index.h"
#include "page_tpl.h"

/*
 * Most bytes of rendered content one process keeps for the pages of its
 * index (the oldest used go first).  A list page reads the summaries of
 * its 10 or 20 pages on every request; a few megabytes hold a site of
 * some thousand pages of a few kilobytes each, and the total is bounded
 * the same for a site of 200,000.
 */
#define PAGE_SITE_CONTENT_CACHE_BYTES  (16 * 1024 * 1024)

/*
 * Deepest nesting of on-demand renders (a list reads P's content, whose
 * shortcode reads Q's, ...).  Each level is a whole render on the C
 * stack, with its own template recursion (PAGE_TPL_MAX_RECURSION).
 */
#define PAGE_SITE_CONTENT_MAX_DEPTH  4

/*
 * Largest content file rendered on demand: page_max_size's default, as
 * the handler would refuse a larger page when asked for it.
 */
#define PAGE_SITE_CONTENT_MAX_FILE  (4 * 1024 * 1024)

/*
 * The method hook's part for the content fields of page p, whose value
 * is m (page_tpl_method_pt's contract): on the first read of one of
 * them, render p (or take it from the cache) and set them all in m;
 * then 1, so that the engine finds the field in m.  1 at once for
 * another name; -1 after page_tpl_fail (p's error, a loop, a limit).
 */
int page_site_content_method(page_tpl_state_t *st, page_data_t *d,
    const page_site_page_t *p, page_value_t *m, const char *name,
    size_t len, size_t nargs);

/* Free what the index's cache holds (page_site_free). */
void page_site_content_free(page_site_t *s);

/* Bound the cache to bytes instead (tests); 0: the constant again. */
void page_site_content_bound(size_t bytes);

/* Bytes and entries the cache of s holds now. */
size_t page_site_content_cached(const page_site_t *s, size_t *entries);

/* ---- Hugo's rules, on rendered HTML ---- */

/* Hugo's StripHTML (.Plain): tags out, </p> and <br> as newlines, runs
   of white space as their first character, entities kept. */
void page_site_content_plain(page_buf_t *out, const char *html, size_t len);

/*
 * Current Hugo's automatic summary: whole paragraphs until summary_len
 * words are counted (HTML tokens not counted; each character of a
 * non-ASCII word with cjk).  *end is where the summary ends in html;
 * the summary is html[0, *end) without surrounding space, truncated
 * when *end < len.
 */
void page_site_content_auto_summary(const char *html, size_t len,
    int64_t summary_len, int cjk, size_t *end);

/* Words of plain text as Hugo counts them (.WordCount). */
size_t page_site_content_words(const char *plain, size_t len, int cjk);

/*
 * .Summary and .Truncated of a page by current Hugo's precedence: the
 * HTML before <!--more--> (more, empty when none), then front matter
 * summary (Markdown, md_flags), then the automatic summary of content.
 * summary points into content, more or a's memory.  0, or -1 with err.
 */
int page_site_content_summary(page_arena_t *a, const page_value_t *params,
    const page_str_t *content, const page_str_t *more, int64_t summary_len,
    int cjk, unsigned md_flags, const char *path, page_str_t *summary,
    int *truncated, page_error_t *err);

/* .ReadingTime of words: current Hugo's 212 a minute (500 for CJK). */
int64_t page_site_content_minutes(int64_t words, int cjk);

/* isCJKLanguage of the front matter, else the config's hasCJKLanguage
   (cfg may be NULL) and a CJK character in text. */
int page_site_content_is_cjk(const page_config_t *cfg,
    const page_value_t *params, const char *text, size_t len);

/* Does text have Han, Hangul, Hiragana or Katakana (hasCJKLanguage). */
int page_site_content_has_cjk(const char *s, size_t len);

#endif /* PAGE_SITE_CONTENT_H */
