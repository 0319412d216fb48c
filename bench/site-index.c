/*
 * site-index: figures of the site index (src/page_site_index.h) on a
 * generated site of N pages (default 10,000) in 20 sections of 5
 * subsections each, with tags (3 of 300 per page) and a category (1 of
 * 20): the time to build the index, its memory per page against the
 * front matter's size, the cost of one freshness check (inotify, and
 * stat), of one lookup, and of a rebuild after an edit.
 *
 *   make build/site-index; build/site-index [pages] [dir]
 *
 * (`make bench-site`, util/bench-site.sh, runs it with the rest of the
 * site figures.)
 *
 * The site is written under dir (default /tmp/site-bench-N) once and
 * kept for later runs.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "page_config.h"
#include "page_front.h"
#include "page_site_index.h"


static double
ms(void)
{
    struct timespec  ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);

    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}


/* Resident bytes of this process (/proc/self/statm), 0 when unknown. */
static double
resident(void)
{
    long   size, rss;
    FILE  *f;

    f = fopen("/proc/self/statm", "r");
    if (f == NULL) {
        return 0;
    }

    if (fscanf(f, "%ld %ld", &size, &rss) != 2) {
        rss = 0;
    }

    fclose(f);

    return (double) rss * (double) sysconf(_SC_PAGESIZE);
}


/* CPU time of this process: steadier than the clock on a busy machine. */
static double
cpu_ms(void)
{
    struct timespec  ts;

    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);

    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}


static int64_t
wall_ms(void)
{
    struct timespec  ts;

    clock_gettime(CLOCK_REALTIME, &ts);

    return (int64_t) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}


/* Write the site; returns the bytes of front matter written. */
static long
generate(const char *dir, long pages)
{
    char   path[1024];
    long   i, fm, n;
    FILE  *f;

    snprintf(path, sizeof(path), "mkdir -p '%s/content'", dir);
    if (system(path) != 0) {
        return -1;
    }

    snprintf(path, sizeof(path), "%s/hugo.yaml", dir);
    f = fopen(path, "w");
    if (f == NULL) {
        return -1;
    }
    fprintf(f, "baseURL: https://bench.example/\ntitle: Bench\n"
            "paginate: 10\nmenus:\n  main:\n    - name: Home\n      url: /\n");
    fclose(f);

    fm = 0;

    for (i = 0; i < 100; i++) {
        snprintf(path, sizeof(path), "mkdir -p '%s/content/s%02ld/sub%ld'",
                 dir, i / 5, i % 5);
        if (system(path) != 0) {
            return -1;
        }

        snprintf(path, sizeof(path), "%s/content/s%02ld/sub%ld/_index.md",
                 dir, i / 5, i % 5);
        f = fopen(path, "w");
        if (f == NULL) {
            return -1;
        }
        n = fprintf(f, "---\ntitle: Subsection %ld\nweight: %ld\n---\n",
                    i, i % 5 + 1);
        fm += n;
        fclose(f);
    }

    for (i = 0; i < pages; i++) {
        snprintf(path, sizeof(path), "%s/content/s%02ld/sub%ld/post-%ld.md",
                 dir, i % 20, (i / 20) % 5, i);
        f = fopen(path, "w");
        if (f == NULL) {
            return -1;
        }

        n = fprintf(f, "---\ntitle: \"Post number %ld\"\n"
                    "date: 20%02ld-%02ld-%02ldT10:00:00Z\n"
                    "description: A generated page for the benchmark.\n"
                    "tags: [tag%ld, tag%ld, tag%ld]\n"
                    "categories: [cat%ld]\n%s"
                    "---\n",
                    i, 10 + i % 15, 1 + i % 12, 1 + i % 28, i % 300,
                    (i * 7) % 300, (i * 13) % 300, i % 20,
                    i % 10 == 0 ? "weight: 3\nmenu: main\n" : "");
        fm += n;

        fprintf(f, "Some text of post %ld.\n\n", i);
        for (n = 0; n < 12; n++) {
            fprintf(f, "A paragraph of words that make the page a real "
                    "page, as a blog post would be, line %ld.\n", n);
        }

        fclose(f);
    }

    return fm;
}


int
main(int argc, char **argv)
{
    int            i, runs;
    long           pages, fm;
    char           dir[512], path[1024];
    double         t0, best, t, rss, c0, cbest;
    size_t         mem;
    FILE          *f;
    struct stat    sb;
    page_arena_t   a;
    page_config_t  cfg;
    page_error_t   err;
    page_site_t    s;
    page_site_match_t  m;

    pages = argc > 1 ? atol(argv[1]) : 10000;
    if (argc > 2) {
        snprintf(dir, sizeof(dir), "%s", argv[2]);
    } else {
        snprintf(dir, sizeof(dir), "/tmp/site-bench-%ld", pages);
    }

    snprintf(path, sizeof(path), "%s/hugo.yaml", dir);
    fm = 0;

    if (stat(path, &sb) != 0) {
        fm = generate(dir, pages);
        if (fm < 0) {
            fprintf(stderr, "cannot write %s\n", dir);
            return 1;
        }
    }

    page_arena_init(&a, 0);
    page_error_init(&err);

    if (page_config_load(&a, dir, NULL, &cfg, &err) != 0) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }

    /* build: best of 3 (the first one warms the page cache) */

    best = 1e9;
    cbest = 1e9;
    runs = 3;
    rss = resident();

    for (i = 0; i < runs; i++) {
        t0 = ms();
        c0 = cpu_ms();
        if (page_site_build(&s, &cfg, dir, time(NULL), &err) != 0) {
            fprintf(stderr, "%s\n", err.msg);
            return 1;
        }
        t = ms() - t0;
        if (t < best) {
            best = t;
        }
        t = cpu_ms() - c0;
        if (t < cbest) {
            cbest = t;
        }
        if (i == 0) {
            rss = resident() - rss;
        }
        if (i < runs - 1) {
            page_site_free(&s);
        }
    }

    mem = page_site_memory(&s);

    printf("site index: %zu content files, %zu pages in all (with "
           "sections, taxonomies, terms)\n", s.nfiles, s.nall);
    printf("  build:        %.1f ms, %.1f ms of CPU (best of %d; target "
           "<= 1000 ms for 10,000 pages)\n", best, cbest, runs);
    printf("  memory:       resident +%.2f MB, %.0f bytes per page (parsed "
           "front matter included); arena blocks %.2f MB (with the last "
           "block's unused tail)\n", rss / 1048576.0, rss / s.nall,
           mem / 1048576.0);

    if (fm > 0) {
        printf("  front matter: %.0f bytes per file on disk\n",
               (double) fm / (double) s.nfiles);
    }

    /* the front matter's own share: the same files parsed alone */
    {
        size_t         k;
        char          *buf;
        page_front_t   fmt;
        page_value_t  *v;
        page_arena_t   fa;

        page_arena_init(&fa, 0);
        buf = malloc(65536);
        t0 = cpu_ms();

        for (k = 0; buf != NULL && k < s.nfiles; k++) {
            size_t  len;
            FILE   *in;

            if (s.files[k]->file == NULL) {
                continue;
            }
            snprintf(path, sizeof(path), "%s/%s", dir, s.files[k]->file);
            in = fopen(path, "r");
            if (in == NULL) {
                continue;
            }
            len = fread(buf, 1, 65535, in);
            fclose(in);
            if (page_front_split(buf, len, path, &fmt, &err) == 0) {
                page_front_parse(&fa, &fmt, path, &v, &err);
            }
        }

        free(buf);
        t = cpu_ms() - t0;
        printf("  of which:     %.0f bytes per page are parsed front matter "
               "(its arena alone), %.0f the index's own (resident less "
               "that; target <= 2048)\n", (double) fa.total / s.nall,
               (rss - (double) fa.total) / s.nall);
        printf("  reading and parsing the front matter alone: %.1f ms of "
               "CPU\n", t);
        page_arena_free(&fa);
    }

    /* freshness: inotify, then stat */

    t0 = ms();
    for (i = 0; i < 1000; i++) {
        page_site_check(&s, wall_ms() + i * 10, 1);
    }
    t = (ms() - t0) / 1000;
    printf("  check:        %.3f ms (%s, nothing changed; target <= 5 ms)\n",
           t, s.fresh.fd >= 0 ? "inotify" : "stat");

    if (s.fresh.fd >= 0) {
        close(s.fresh.fd);
        s.fresh.fd = -1;
    }

    t0 = ms();
    for (i = 0; i < 20; i++) {
        page_site_check(&s, wall_ms() + 100000 + i * 10, 1);
    }
    t = (ms() - t0) / 20;
    printf("  check:        %.3f ms (stat of every directory and file, "
           "nothing changed)\n", t);

    /* lookup */

    t0 = ms();
    for (i = 0; i < 100000; i++) {
        page_site_lookup(&s, s.all[i % s.nall]->path,
                         strlen(s.all[i % s.nall]->path), &m);
    }
    printf("  lookup:       %.3f us\n", (ms() - t0) * 1000 / 100000);

    /* an edit, noticed and rebuilt */

    snprintf(path, sizeof(path), "%s/content/s00/sub0/post-0.md", dir);
    f = fopen(path, "a");
    if (f != NULL) {
        fputs("\nAn edit.\n", f);
        fclose(f);
    }

    t0 = ms();
    i = page_site_refresh(&s, wall_ms() + 200000, 0, &err);
    printf("  edit:         %s, rebuilt in %.1f ms (generation %llu)\n",
           i == 1 ? "noticed" : "NOT noticed", ms() - t0,
           (unsigned long long) s.generation);

    page_site_free(&s);
    page_arena_free(&a);

    return 0;
}
