/*
 * page_site_datadir: .Site.Data (site.Data, hugo.Data) from the data/
 * directories of the site and its themes, read on first use and kept
 * with the site index (a change under data/ rebuilds the index, see
 * page_site_fresh.c, and the next use reads data/ again).
 */

#ifndef PAGE_SITE_DATADIR_H
#define PAGE_SITE_DATADIR_H

#include "page_site_index.h"
#include "page_tpl.h"

/*
 * Most bytes of one data file read.  Hugo holds the whole data tree in
 * memory for the build; a file larger than this is a mistake (a dump
 * or an archive under data/) and would hold a worker's memory.
 */
#define PAGE_SITE_DATA_MAX_FILE   (32 * 1024 * 1024)

/* Most bytes of all data files together, for the same reason. */
#define PAGE_SITE_DATA_MAX_TOTAL  (128 * 1024 * 1024)

/* Most data files read: a site has tens; this bounds a runaway tree. */
#define PAGE_SITE_DATA_MAX_FILES  20000

/*
 * The data tree of s, loading it on the first call: a map (file and
 * directory names as keys, case kept).  0 with *data; -1 with *error a
 * line ("failed to load data: \"/site/data/a.json:2:5\": unmarshal
 * failed: ..."), kept as well until the index is rebuilt.
 */
int page_site_datadir(page_site_t *s, page_value_t **data,
    const char **error);

/* .Site.Data for a template: 0 with *res, or -1 failing st. */
int page_site_datadir_value(page_tpl_state_t *st, page_site_t *s,
    page_value_t **res);

#endif /* PAGE_SITE_DATADIR_H */
