/*
 * page_glob: Hugo's glob patterns for resource names (resources.Match,
 * GetMatch, .Resources.Match): the syntax of the gobwas/glob package Hugo
 * uses, with '/' as the separator, matched without regard to case.
 *
 *   *        any run of characters but '/'
 *   **       any run of characters, '/' included
 *   ?        one character but '/'
 *   [abc]    one of the characters; [a-z] a range; [!abc] none of them
 *   {a,b}    one of the alternatives (which may hold patterns)
 *   \x       x itself
 */

#ifndef PAGE_GLOB_H
#define PAGE_GLOB_H

#include <stddef.h>

/*
 * Longest pattern matched.  The matcher recurses once per pattern
 * element, so this bounds its stack; resource patterns are a few words.
 */
#define PAGE_GLOB_MAX_PATTERN  512

/*
 * Most steps one match may take.  Stars backtrack; a pattern like
 * "*a*a*a*a*b" against a long name would otherwise take exponential
 * time.  No real pattern comes near.
 */
#define PAGE_GLOB_MAX_STEPS  100000

/* Does name match pattern (both compared in lower case): 1 or 0. */
int page_glob_match(const char *pattern, size_t plen, const char *name,
    size_t nlen);

/*
 * Go's path.Clean, in place in buf (of len bytes, at least len + 1 long):
 * one slash between names, no "." names, ".." backs up over the name
 * before it (and stays at the start of a relative path, or is dropped at
 * the root of an absolute one); "." for nothing.  Gives the new length.
 */
size_t page_glob_clean(char *buf, size_t len);

/*
 * Hugo's NormalizePath: clean the path (as Go's path.Clean) and trim
 * '/' and '.' from both ends, in place in buf (of len bytes, at least
 * len + 1 long); gives the new length.
 */
size_t page_glob_normalize(char *buf, size_t len);

#endif /* PAGE_GLOB_H */
