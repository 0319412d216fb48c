/*
 * page_regexp: regular expressions in RE2's syntax, as Go's regexp takes
 * them, compiled and matched by PCRE2.  A pattern is checked first: what
 * RE2 refuses (back-references, lookaround, possessive and nested
 * repetition, PCRE2-only groups, verbs and escapes) is refused with Go's
 * message, and the escapes whose meaning differs are rewritten.  Compiled
 * patterns are kept for the life of the process (a bounded cache); every
 * match runs under named limits.  One thread uses it at a time (an nginx
 * worker, the CLI).
 */

#ifndef PAGE_REGEXP_H
#define PAGE_REGEXP_H

#include <stddef.h>

/* Room for an error message: Go's wording and a piece of the pattern. */
#define PAGE_REGEXP_ERR_SIZE  256

typedef struct page_regexp_s  page_regexp_t;

/*
 * The compiled pattern p[0, len): from the cache, or compiled now.  NULL
 * with err set ("error parsing regexp: ...", as Go says it) when the
 * pattern is refused or does not compile, or out of memory.  Give it
 * back with page_regexp_release().
 */
page_regexp_t *page_regexp_get(const char *p, size_t len, char *err);
void page_regexp_release(page_regexp_t *re);

/* Capture groups of the pattern, the whole match not counted. */
size_t page_regexp_groups(const page_regexp_t *re);

/*
 * The leftmost-first match of re in s[0, len) starting at or after off
 * (the text before off is seen by \b and the like, and ^ does not match
 * at off > 0 unless (?m)): 1, and the groups are read with
 * page_regexp_group(); 0 when there is none; -1 with err set when a
 * limit stopped the match or memory ran out.
 */
int page_regexp_match(page_regexp_t *re, const char *s, size_t len,
    size_t off, char *err);

/* Group i (0: the whole match) of the last match: 0 when it is unset. */
int page_regexp_group(const page_regexp_t *re, size_t i, size_t *from,
    size_t *to);

/* The number of the group named name[0, len), or -1. */
int page_regexp_group_number(const page_regexp_t *re, const char *name,
    size_t len);

/*
 * Length of the run of letters, digits (Unicode's L and Nd) and '_' at
 * the start of s[0, len): Go's rule for a $name in a replacement.
 */
size_t page_regexp_name_len(const char *s, size_t len);

/* Free the cache and the contexts, when the process exits (page_exit()). */
void page_regexp_exit(void);

#endif /* PAGE_REGEXP_H */
