/*
 * page_assets: the project's assets/ directories as Hugo's assets file
 * system: one tree where a file of the site hides the theme's file of
 * the same path.  Names are paths relative to that root ("css/main.css");
 * they never leave it: ".." past the root is not found, a leading "/" is
 * the root itself, and a symbolic link that resolves outside its
 * directory is not followed.  Walks (Match) do not enter linked
 * directories at all, so a link loop is never walked.  Names match
 * without regard to case, as in Hugo, exactly first.
 */

#ifndef PAGE_ASSETS_H
#define PAGE_ASSETS_H

#include <stddef.h>
#include <stdint.h>

#include "page_arena.h"

/*
 * Most directory entries one Match walks over all the assets
 * directories.  A theme's assets are a few hundred files; a walk is done
 * at request time, so a huge tree fails the call instead of slowing every
 * page.
 */
#define PAGE_ASSETS_MAX_ENTRIES  20000

/* Deepest directory nesting walked or resolved (symlink loops stop). */
#define PAGE_ASSETS_MAX_DEPTH  32

/* Longest file path built. */
#define PAGE_ASSETS_MAX_PATH  4096

typedef struct {
    const char  *name;          /* "css/main.css": under the root, as on */
    size_t       name_len;      /* disk */
    const char  *path;          /* the real path of the file, to read */
    uint64_t     size;
} page_asset_t;

/*
 * Find name in the directories (the first directory first).  1 found,
 * 0 not found (or not a regular file), -1 out of memory.
 */
int page_assets_find(page_arena_t *a, const char *const *dirs, size_t ndirs,
    const char *name, size_t len, page_asset_t *out);

/*
 * Every file whose name matches the glob pattern (page_glob.h), in the
 * order Hugo walks the tree (each directory's entries sorted by name);
 * with first, at most one.  0 with *out and *n set, or -1 with *why set
 * (too many entries, out of memory).
 */
int page_assets_match(page_arena_t *a, const char *const *dirs,
    size_t ndirs, const char *pattern, size_t plen, int first,
    page_asset_t **out, size_t *n, const char **why);

#endif /* PAGE_ASSETS_H */
