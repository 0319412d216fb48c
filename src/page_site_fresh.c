/*
 * page_site_fresh: noticing that a site's content changed (see
 * page_site_index.h).  With inotify (Linux) every content directory is
 * watched while the index is built, and a check reads the queue without
 * blocking: no event, nothing to do.  Without it (or past the watch
 * limit) a check stats the content directories (an added, removed or
 * renamed file changes its directory's mtime) and the content files (an
 * edit changes a file's mtime or size).  Both also compare the clock
 * with the next publishDate or expiryDate that changes what is
 * published.  Checks are rate-limited by the caller's max age, as
 * nginx's open_file_cache_valid does: no timer, no thread.
 */

#define _GNU_SOURCE                 /* inotify's IN_* flags, O_CLOEXEC */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef __linux__
#include <sys/inotify.h>
#define PAGE_SITE_INOTIFY  1
#endif

#include "page_site_int.h"


/* Bytes of inotify events read at once (a check drains the queue). */
#define PAGE_SITE_EVENTS_SIZE  4096


int
page_site_fresh_dir(page_site_t *s, const char *path)
{
    char                full[PAGE_SITE_MAX_PATH * 2];
    const char        **dirs;
    int64_t            *mtimes;
    size_t              ncap;
    struct stat         sb;
    page_site_fresh_t  *f;

    f = &s->fresh;

    if (f->ndirs >= PAGE_SITE_MAX_DIRS) {
        return 0;                   /* not watched: the files' stat sees */
    }

    snprintf(full, sizeof(full), "%s/%s", s->root, path);

    if ((f->ndirs & (f->ndirs - 1)) == 0) {
        ncap = f->ndirs ? f->ndirs * 2 : 16;
        dirs = page_arena_realloc(&s->arena, f->dirs,
                                  f->ndirs * sizeof(char *),
                                  ncap * sizeof(char *));
        mtimes = page_arena_realloc(&s->arena, f->mtimes,
                                    f->ndirs * sizeof(int64_t),
                                    ncap * sizeof(int64_t));
        if (dirs == NULL || mtimes == NULL) {
            return -1;
        }
        f->dirs = dirs;
        f->mtimes = mtimes;
    }

    f->dirs[f->ndirs] = page_site_strdup(s, path, strlen(path));
    if (f->dirs[f->ndirs] == NULL) {
        return -1;
    }

    f->mtimes[f->ndirs] = stat(full, &sb) == 0
                          ? (int64_t) sb.st_mtim.tv_sec * 1000000000
                            + sb.st_mtim.tv_nsec
                          : -1;
    f->ndirs++;

#ifdef PAGE_SITE_INOTIFY

    if (f->fd == -2) {
        /* the first directory: start watching */
        f->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    }

    if (f->fd >= 0
        && inotify_add_watch(f->fd, full, IN_CREATE | IN_DELETE
                             | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE
                             | IN_MODIFY | IN_DELETE_SELF | IN_MOVE_SELF
                             | IN_ONLYDIR | IN_DONT_FOLLOW)
           == -1
        && strcmp(path, ".") != 0)
    {
        /* past the watch limit (or gone): fall back to stat */
        close(f->fd);
        f->fd = -1;
    }

#else

    if (f->fd == -2) {
        f->fd = -1;
    }

#endif

    return 0;
}


void
page_site_fingerprint(page_site_t *s, const void *p, size_t n)
{
    size_t               i;
    uint64_t             h;
    const unsigned char *c;

    h = s->fingerprint ? s->fingerprint : UINT64_C(14695981039346656037);
    c = p;

    for (i = 0; i < n; i++) {
        h ^= c[i];
        h *= UINT64_C(1099511628211);           /* FNV-1a */
    }

    s->fingerprint = h;
}


void
page_site_fresh_file(page_site_t *s, const char *path, int64_t mtime_ns,
    int64_t size)
{
    s->fresh.files_sum += (uint64_t) mtime_ns + (uint64_t) size * 7;

    page_site_fingerprint(s, path, strlen(path) + 1);
    page_site_fingerprint(s, &mtime_ns, sizeof(mtime_ns));
    page_site_fingerprint(s, &size, sizeof(size));
}


void
page_site_fresh_close(page_site_fresh_t *f)
{
    if (f->fd >= 0) {
        close(f->fd);
    }

    f->fd = -1;
}


/* Walk dir (under the site) for the check: its directories, its files. */
static int
page_site_fresh_tree(page_site_t *s, int dfd, const char *dir,
    unsigned depth)
{
    DIR                *d;
    int                 cfd;
    char                sub[PAGE_SITE_MAX_PATH];
    size_t              ncap;
    const char        **extra;
    struct stat         sb;
    struct dirent      *e;
    page_site_fresh_t  *f;

    f = &s->fresh;

    d = fdopendir(dfd);
    if (d == NULL) {
        close(dfd);
        return 0;
    }

    if (page_site_fresh_dir(s, dir) != 0) {
        closedir(d);
        return -1;
    }

    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.'
            || strlen(dir) + strlen(e->d_name) + 2 >= sizeof(sub)
            || fstatat(dfd, e->d_name, &sb, AT_SYMLINK_NOFOLLOW) != 0)
        {
            continue;
        }

        snprintf(sub, sizeof(sub), "%s/%s", dir, e->d_name);

        if (S_ISDIR(sb.st_mode)) {
            if (depth + 1 >= PAGE_SITE_MAX_DEPTH) {
                continue;
            }

            cfd = openat(dfd, e->d_name,
                         O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (cfd != -1 && page_site_fresh_tree(s, cfd, sub, depth + 1)
                             != 0)
            {
                closedir(d);
                return -1;
            }
            continue;
        }

        if (!S_ISREG(sb.st_mode) || f->nextra >= PAGE_SITE_MAX_EXTRA) {
            continue;
        }

        if ((f->nextra & (f->nextra - 1)) == 0) {
            ncap = f->nextra ? f->nextra * 2 : 16;
            extra = page_arena_realloc(&s->arena, f->extra,
                                       f->nextra * sizeof(char *),
                                       ncap * sizeof(char *));
            if (extra == NULL) {
                closedir(d);
                return -1;
            }
            f->extra = extra;
        }

        f->extra[f->nextra] = page_site_strdup(s, sub, strlen(sub));
        if (f->extra[f->nextra] == NULL) {
            closedir(d);
            return -1;
        }
        f->nextra++;

        page_site_fresh_file(s, sub, (int64_t) sb.st_mtim.tv_sec
                                     * 1000000000 + sb.st_mtim.tv_nsec,
                             (int64_t) sb.st_size);
    }

    closedir(d);

    return 0;
}


int
page_site_fresh_others(page_site_t *s)
{
    int          fd;
    char         dir[PAGE_SITE_MAX_PATH], full[PAGE_SITE_MAX_PATH * 2];
    size_t       i, t;

    static const char  *const names[] = { "data", "i18n", "assets", NULL };

    for (t = 0; t <= s->cfg->nthemes; t++) {
        for (i = 0; names[i] != NULL; i++) {
            if (t == 0) {
                snprintf(dir, sizeof(dir), "%s", names[i]);
            } else {
                if (s->cfg->theme_list[t - 1][0] == '.'
                    || strchr(s->cfg->theme_list[t - 1], '/') != NULL)
                {
                    continue;       /* inside themes/ only */
                }
                snprintf(dir, sizeof(dir), "themes/%s/%s",
                         s->cfg->theme_list[t - 1], names[i]);
            }

            snprintf(full, sizeof(full), "%s/%s", s->root, dir);

            /* O_NOFOLLOW: a linked data/ is not followed out */
            fd = open(full, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (fd == -1) {
                continue;
            }

            if (page_site_fresh_tree(s, fd, dir, 0) != 0) {
                return -1;
            }
        }
    }

    return 0;
}


/* Does the name of an event matter: a content file or a directory. */
static int
page_site_fresh_name(const char *name, uint32_t mask)
{
    size_t  len;

    (void) mask;

    if (name[0] == '.' || name[0] == '#') {
        return 0;                   /* ignored by the walk (editors' swap
                                       files, .git) */
    }

    len = strlen(name);

    if (len > 0 && name[len - 1] == '~') {
        return 0;
    }

    return 1;
}


#ifdef PAGE_SITE_INOTIFY

/* Drain the inotify queue: 1 when a change matters, 0 none, -1 error. */
static int
page_site_fresh_events(page_site_fresh_t *f)
{
    int                          changed;
    char                        *p;
    ssize_t                      n;
    const struct inotify_event  *ev;

    char  buf[PAGE_SITE_EVENTS_SIZE]
          __attribute__((aligned(__alignof__(struct inotify_event))));

    changed = 0;

    for ( ;; ) {
        n = read(f->fd, buf, sizeof(buf));

        if (n == -1 && errno == EINTR) {
            continue;
        }

        if (n <= 0) {
            return (n == -1 && errno != EAGAIN) ? -1 : changed;
        }

        for (p = buf; p < buf + n;
             p += sizeof(struct inotify_event) + ev->len)
        {
            ev = (const struct inotify_event *) p;

            if (ev->mask & (IN_Q_OVERFLOW | IN_DELETE_SELF | IN_MOVE_SELF
                            | IN_IGNORED))
            {
                changed = 1;
                continue;
            }

            if (ev->len == 0 || page_site_fresh_name(ev->name, ev->mask)) {
                changed = 1;
            }
        }
    }
}

#endif


/* Stat every watched directory and content file: 1 when changed. */
static int
page_site_fresh_stat(page_site_t *s)
{
    int                 rfd;
    size_t              i;
    int64_t             m;
    uint64_t            sum;
    struct stat         sb;
    page_site_fresh_t  *f;

    f = &s->fresh;

    rfd = open(s->root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (rfd == -1) {
        return 1;
    }

    for (i = 0; i < f->ndirs; i++) {
        m = fstatat(rfd, f->dirs[i], &sb, AT_SYMLINK_NOFOLLOW) == 0
            ? (int64_t) sb.st_mtim.tv_sec * 1000000000 + sb.st_mtim.tv_nsec
            : -1;

        if (m != f->mtimes[i]) {
            close(rfd);
            return 1;
        }
    }

    sum = 0;

    for (i = 0; i < f->nextra; i++) {
        if (fstatat(rfd, f->extra[i], &sb, AT_SYMLINK_NOFOLLOW) != 0) {
            close(rfd);
            return 1;
        }

        sum += (uint64_t) sb.st_mtim.tv_sec * 1000000000
               + (uint64_t) sb.st_mtim.tv_nsec + (uint64_t) sb.st_size * 7;
    }

    for (i = 0; i < s->nfiles; i++) {
        if (s->files[i]->file == NULL) {
            continue;
        }

        if (fstatat(rfd, s->files[i]->file, &sb, 0) != 0) {
            close(rfd);
            return 1;
        }

        sum += (uint64_t) sb.st_mtim.tv_sec * 1000000000
               + (uint64_t) sb.st_mtim.tv_nsec + (uint64_t) sb.st_size * 7;
    }

    close(rfd);

    return sum != f->files_sum;
}


int
page_site_check(page_site_t *s, int64_t now_ms, int64_t max_age_ms)
{
    int                 rc;
    page_site_fresh_t  *f;

    f = &s->fresh;

    if (f->stale) {
        return 1;
    }

    if (max_age_ms > 0 && now_ms - f->checked_ms < max_age_ms
        && now_ms >= f->checked_ms)
    {
        return 0;
    }

    f->checked_ms = now_ms;

    if (f->next_change > 0 && now_ms / 1000 >= f->next_change) {
        f->stale = 1;
        return 1;
    }

#ifdef PAGE_SITE_INOTIFY

    if (f->fd >= 0) {
        rc = page_site_fresh_events(f);

        if (rc >= 0) {
            f->stale = rc;
            return rc;
        }

        close(f->fd);               /* broken: stat from now on */
        f->fd = -1;
    }

#endif

    rc = page_site_fresh_stat(s);
    f->stale = rc;

    return rc;
}


int
page_site_refresh(page_site_t *s, int64_t now_ms, int64_t max_age_ms,
    page_error_t *err)
{
    uint64_t     gen;
    page_site_t  next;

    if (!page_site_check(s, now_ms, max_age_ms)) {
        return 0;
    }

    gen = s->generation;

    if (page_site_build(&next, s->cfg, s->dir, now_ms / 1000, err) != 0) {
        page_site_free(&next);
        s->fresh.stale = 0;         /* retry after max age, not at once */
        return -1;
    }

    page_site_free(s);
    *s = next;
    s->generation = gen + 1;
    s->fresh.checked_ms = now_ms;

    return 1;
}
