/*
 * page_fn_os: Hugo's os namespace (tpl/os): readFile, readDir,
 * fileExists, os.Stat and getenv.
 *
 * Files are read as current Hugo reads them: relative to the project
 * directory (hugo.WorkingDir), then the content root, through a file
 * system that drops symbolic links (a link, or a path through a linked
 * directory, does not exist).  A path is cleaned against the directory
 * as Go's filepath.Join and Clean do; one that then lies outside it does
 * not exist.  Each component is opened relative to its parent's
 * descriptor with O_NOFOLLOW, so neither ".." nor a link, nor a rename
 * between a check and the open, leaves the directory.  In filter mode
 * (no project) the content root is the only directory.
 *
 * getenv answers only names that Hugo's default security policy allows
 * (security.funcs.getenv: ^HUGO_ and ^CI$).
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "page_io.h"
#include "page_data.h"
#include "page_fn.h"

/*
 * Largest file readFile returns.  A template reads it on every request
 * and its text goes into the page: the size of page_max_size's default.
 * (Hugo's doc comment speaks of a 1 megabyte limit it no longer checks.)
 */
#define PAGE_FN_OS_MAX_FILE  (4 * 1024 * 1024)

/* Most entries readDir lists: a directory a template may range over. */
#define PAGE_FN_OS_MAX_ENTRIES  10000

/* Longest path (directory and name) and deepest path taken. */
#define PAGE_FN_OS_MAX_PATH   4096
#define PAGE_FN_OS_MAX_DEPTH  64

/* Where a name was opened: the file's descriptor and what it is. */
typedef struct {
    int          fd;
    struct stat  sb;
} page_fn_os_file_t;


/*
 * The directories files are read from: the project directory, then the
 * content root; readDir only the first of them.  The number of them.
 */
static size_t
page_fn_os_dirs(page_tpl_state_t *st, const char **dirs)
{
    size_t                 n;
    page_data_t           *d;
    const page_options_t  *opt;

    d = page_tpl_env(st)->data;
    opt = d ? d->opt : NULL;
    n = 0;

    if (opt == NULL) {
        return 0;
    }

    if (opt->workdir != NULL) {
        dirs[n++] = opt->workdir;
    }

    if (opt->root != NULL && opt->root_len > 0) {
        dirs[n] = page_arena_strndup(page_tpl_arena(st), opt->root,
                                     opt->root_len);
        if (dirs[n] != NULL) {
            n++;
        }
    }

    return n;
}


/* One component of a path: a pointer into it and its length. */
typedef struct {
    const char  *s;
    size_t       len;
} page_fn_os_part_t;


/*
 * Push the components of p onto parts, "." dropped, ".." taking one off;
 * *up counts the ".." that found nothing to take (may be NULL).
 */
static int
page_fn_os_split(const char *p, size_t len, page_fn_os_part_t *parts,
    size_t *n, size_t *up)
{
    size_t  i, start;

    for (i = 0; i < len; ) {
        while (i < len && p[i] == '/') {
            i++;
        }
        if (i == len) {
            break;
        }
        for (start = i; i < len && p[i] != '/'; i++) {
            /* one component */
        }
        if (i - start == 1 && p[start] == '.') {
            continue;
        }
        if (i - start == 2 && p[start] == '.' && p[start + 1] == '.') {
            if (*n > 0) {
                (*n)--;
            } else if (up != NULL) {
                (*up)++;
            }
            continue;
        }
        if (*n == PAGE_FN_OS_MAX_DEPTH) {
            return -1;
        }
        parts[*n].s = p + start;
        parts[(*n)++].len = i - start;
    }

    return 0;
}


/*
 * Open name under dir as Hugo's file system for the os functions does
 * (see the top of the file).  1 opened (*f set, the caller closes f->fd),
 * 0 it does not exist there, -1 another error (errno set).
 */
static int
page_fn_os_open(const char *dir, const char *name, size_t len,
    page_fn_os_file_t *f)
{
    int                 fd, next, flags;
    char                comp[256];
    size_t              i, nd, n;
    page_fn_os_part_t   parts[PAGE_FN_OS_MAX_DEPTH];
    page_fn_os_part_t   base[PAGE_FN_OS_MAX_DEPTH];

    if (memchr(name, '\0', len) != NULL || len >= PAGE_FN_OS_MAX_PATH) {
        return 0;
    }

    /* Go's filepath.Join(dir, name): the cleaned result must stay in dir */
    nd = 0;
    if (page_fn_os_split(dir, strlen(dir), base, &nd, NULL) != 0) {
        return 0;
    }
    n = nd;
    memcpy(parts, base, nd * sizeof(base[0]));
    if (page_fn_os_split(name, len, parts, &n, NULL) != 0 || n < nd) {
        return 0;
    }
    for (i = 0; i < nd; i++) {
        if (parts[i].len != base[i].len
            || memcmp(parts[i].s, base[i].s, base[i].len) != 0)
        {
            return 0;                       /* it went out of dir */
        }
    }

    /* the directory itself may be a link (a site root often is) */
    fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd == -1) {
        return errno == ENOENT || errno == ENOTDIR ? 0 : -1;
    }

    for (i = nd; i < n; i++) {
        if (parts[i].len >= sizeof(comp)) {
            close(fd);
            return 0;
        }
        memcpy(comp, parts[i].s, parts[i].len);
        comp[parts[i].len] = '\0';

        flags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK;
        if (i + 1 < n) {
            flags |= O_DIRECTORY;
        }
        next = openat(fd, comp, flags);
        close(fd);
        if (next == -1) {
            /* ELOOP: a link; ENOTDIR: a file or a link on the way */
            return errno == ENOENT || errno == ENOTDIR || errno == ELOOP
                   || errno == ENAMETOOLONG ? 0 : -1;
        }
        fd = next;
    }

    if (fstat(fd, &f->sb) != 0) {
        close(fd);
        return -1;
    }

    f->fd = fd;

    return 1;
}


/* Open name in the first directory that has it (readDir: the first only). */
static int
page_fn_os_find(page_tpl_state_t *st, const char *name, size_t len,
    int work_only, page_fn_os_file_t *f)
{
    int          rc;
    size_t       i, n;
    const char  *dirs[2];

    n = page_fn_os_dirs(st, dirs);
    if (work_only && n > 1) {
        n = 1;
    }

    for (i = 0; i < n; i++) {
        rc = page_fn_os_open(dirs[i], name, len, f);
        if (rc != 0) {
            return rc;
        }
    }

    return 0;
}


/* Go's FileMode.String of st_mode: "-rw-r--r--", "drwxr-xr-x", ... */
static void
page_fn_os_mode(page_buf_t *b, mode_t m)
{
    int          i, any;
    const char  *rwx = "rwxrwxrwx";

    any = 0;
    if (S_ISDIR(m)) {
        page_buf_putc(b, 'd');
        any = 1;
    }
    if (S_ISLNK(m)) {
        page_buf_putc(b, 'L');
        any = 1;
    }
    if (S_ISBLK(m) || S_ISCHR(m)) {
        page_buf_putc(b, 'D');
        any = 1;
    }
    if (S_ISFIFO(m)) {
        page_buf_putc(b, 'p');
        any = 1;
    }
    if (S_ISSOCK(m)) {
        page_buf_putc(b, 'S');
        any = 1;
    }
    if (m & S_ISUID) {
        page_buf_putc(b, 'u');
        any = 1;
    }
    if (m & S_ISGID) {
        page_buf_putc(b, 'g');
        any = 1;
    }
    if (S_ISCHR(m)) {
        page_buf_putc(b, 'c');
    }
    if (m & 01000) {                    /* S_ISVTX (XSI), sticky */
        page_buf_putc(b, 't');
        any = 1;
    }
    if (!any) {
        page_buf_putc(b, '-');
    }

    for (i = 0; i < 9; i++) {
        page_buf_putc(b, (m & (1u << (8 - i))) ? rwx[i] : '-');
    }
}


/*
 * A FileInfo as Hugo's templates see it: Name, Size, Mode, ModTime
 * (UTC), IsDir.
 */
static page_value_t *
page_fn_os_info(page_tpl_state_t *st, const char *name, size_t len,
    const struct stat *sb)
{
    page_buf_t     b;
    page_time_t    t;
    page_arena_t  *a;
    page_value_t  *m, *mode;

    a = page_tpl_arena(st);
    m = page_value_map(a);
    if (m == NULL || page_map_reserve(a, m, 5) != 0) {
        return NULL;
    }

    page_tpl_buf(st, &b);
    page_fn_os_mode(&b, sb->st_mode);
    mode = page_value_string(a, b.data ? b.data : "", b.len);

    page_time_zero(&t);
    t.is_zero = 0;
    t.sec = (int64_t) sb->st_mtim.tv_sec;
    t.nsec = (int32_t) sb->st_mtim.tv_nsec;
    t.offset = 0;

    if (page_map_add(a, m, "Name", 4, page_value_string(a, name, len)) != 0
        || page_map_add(a, m, "Size", 4, page_value_int(a, sb->st_size))
           != 0
        || mode == NULL
        || page_map_add(a, m, "Mode", 4, mode) != 0
        || page_map_add(a, m, "ModTime", 7, page_value_time(a, &t)) != 0
        || page_map_add(a, m, "IsDir", 5,
                        page_value_const_bool(S_ISDIR(sb->st_mode))) != 0)
    {
        return NULL;
    }

    return m;
}


/* The last component of a path (Go's filepath.Base). */
static void
page_fn_os_base(const char *s, size_t len, const char **b, size_t *blen)
{
    size_t  i;

    while (len > 1 && s[len - 1] == '/') {
        len--;
    }
    for (i = len; i > 0 && s[i - 1] != '/'; i--) {
        /* back to the last '/' */
    }
    *b = s + i;
    *blen = len - i;
    if (*blen == 0) {
        *b = len ? "/" : ".";
        *blen = 1;
    }
}


/*
 * readFile PATH: the file's text; "" when it does not exist.  A
 * directory or a special file is an error, as reading it is in Go.
 */
static int
page_fn_os_readfile(PAGE_FN_ARGS)
{
    int                 rc;
    char               *data;
    size_t              len, got, np, up;
    ssize_t             n;
    const char         *s;
    page_fn_os_file_t   f;
    page_fn_os_part_t   parts[PAGE_FN_OS_MAX_DEPTH];

    (void) nargs;

    if (page_tpl_text(st, args[0], &s, &len) != 0) {
        return -1;
    }

    /* Hugo: a name that cleans to ".", or to "/", is invalid */
    np = 0;
    up = 0;
    if (page_fn_os_split(s, len, parts, &np, &up) == 0 && np == 0
        && (up == 0 || (len > 0 && s[0] == '/')))
    {
        return page_tpl_fail(st, "invalid filename");
    }

    rc = page_fn_os_find(st, s, len, 0, &f);
    if (rc == 0) {
        return page_tpl_ret_str(st, PAGE_STRING, "", 0, res);
    }
    if (rc < 0) {
        return page_tpl_fail(st, "open %.*s: %s", (int) len, s,
                             strerror(errno));
    }

    if (S_ISDIR(f.sb.st_mode)) {
        close(f.fd);
        return page_tpl_fail(st, "read %.*s: is a directory", (int) len, s);
    }

    if (!S_ISREG(f.sb.st_mode)) {
        close(f.fd);
        return page_tpl_fail(st, "read %.*s: not a regular file", (int) len,
                             s);
    }

    if (f.sb.st_size > PAGE_FN_OS_MAX_FILE) {
        close(f.fd);
        return page_tpl_fail(st, "readFile: %.*s is larger than %d bytes",
                             (int) len, s, PAGE_FN_OS_MAX_FILE);
    }

    data = page_arena_alloc(page_tpl_arena(st), (size_t) f.sb.st_size + 1);
    if (data == NULL) {
        close(f.fd);
        return page_tpl_nomem(st);
    }

    /* a file that shrank is read as far as it goes */
    n = page_read_full(f.fd, data, (size_t) f.sb.st_size);
    rc = n == -1 ? errno : 0;
    got = n > 0 ? (size_t) n : 0;
    close(f.fd);

    if (n == -1) {
        return page_tpl_fail(st, "read %.*s: %s", (int) len, s,
                             strerror(rc));
    }

    data[got] = '\0';
    *res = page_value_string_ref(page_tpl_arena(st), PAGE_STRING, data, got);

    return *res ? 0 : page_tpl_nomem(st);
}


static int
page_fn_os_name_cmp(const void *x, const void *y)
{
    const page_value_t  *a = *(page_value_t *const *) x;
    const page_value_t  *b = *(page_value_t *const *) y;
    const page_value_t  *na, *nb;

    na = a->u.map.items[0].value;
    nb = b->u.map.items[0].value;

    return strcmp(na->u.s.data, nb->u.s.data);
}


/*
 * readDir PATH: the directory's entries as FileInfo values, sorted by
 * name (links listed as links, as afero.ReadDir lists them); nil when it
 * does not exist (current Hugo; 0.111.3 failed).
 */
static int
page_fn_os_readdir(PAGE_FN_ARGS)
{
    int                 rc, fd;
    DIR                *dir;
    size_t              len, count;
    const char         *s;
    struct stat         sb;
    page_value_t       *list, *info;
    struct dirent      *e;
    page_fn_os_file_t   f;

    (void) nargs;

    if (page_tpl_text(st, args[0], &s, &len) != 0) {
        return -1;
    }

    rc = page_fn_os_find(st, s, len, 1, &f);
    if (rc == 0) {
        *res = NULL;
        return 0;
    }
    if (rc < 0) {
        return page_tpl_fail(st, "failed to read directory \"%.*s\": %s",
                             (int) len, s, strerror(errno));
    }

    if (!S_ISDIR(f.sb.st_mode)) {
        close(f.fd);
        return page_tpl_fail(st, "failed to read directory \"%.*s\": "
                             "not a directory", (int) len, s);
    }

    fd = f.fd;
    dir = fdopendir(fd);
    if (dir == NULL) {
        close(fd);
        return page_tpl_fail(st, "failed to read directory \"%.*s\": %s",
                             (int) len, s, strerror(errno));
    }

    list = page_tpl_list_new(st);
    if (list == NULL) {
        closedir(dir);
        return -1;
    }

    count = 0;
    while ((e = readdir(dir)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            continue;
        }
        if (++count > PAGE_FN_OS_MAX_ENTRIES) {
            closedir(dir);
            return page_tpl_fail(st, "failed to read directory \"%.*s\": "
                                 "more than %d entries", (int) len, s,
                                 PAGE_FN_OS_MAX_ENTRIES);
        }
        if (fstatat(dirfd(dir), e->d_name, &sb, AT_SYMLINK_NOFOLLOW) != 0) {
            continue;                   /* gone since it was listed */
        }
        info = page_fn_os_info(st, e->d_name, strlen(e->d_name), &sb);
        if (info == NULL || page_tpl_push(st, list, info) != 0) {
            closedir(dir);
            return page_tpl_nomem(st);
        }
    }
    closedir(dir);

    if (list->u.list.n > 1) {
        qsort(list->u.list.items, list->u.list.n, sizeof(page_value_t *),
              page_fn_os_name_cmp);
    }

    *res = list;

    return 0;
}


/* fileExists PATH: a file or directory there (links do not exist). */
static int
page_fn_os_fileexists(PAGE_FN_ARGS)
{
    int                 rc;
    size_t              len;
    const char         *s;
    page_fn_os_file_t   f;

    (void) nargs;

    if (page_tpl_text(st, args[0], &s, &len) != 0) {
        return -1;
    }

    /* "": false in current Hugo (0.111.3 failed: "needs a path") */
    if (len == 0) {
        return page_tpl_ret_bool(st, 0, res);
    }

    rc = page_fn_os_find(st, s, len, 0, &f);
    if (rc < 0) {
        return page_tpl_fail(st, "stat %.*s: %s", (int) len, s,
                             strerror(errno));
    }
    if (rc > 0) {
        close(f.fd);
    }

    return page_tpl_ret_bool(st, rc > 0, res);
}


/* os.Stat PATH: its FileInfo; nil when it does not exist (current Hugo). */
static int
page_fn_os_stat(PAGE_FN_ARGS)
{
    int                 rc;
    size_t              len, blen;
    const char         *s, *base;
    page_fn_os_file_t   f;

    (void) nargs;

    if (page_tpl_text(st, args[0], &s, &len) != 0) {
        return -1;
    }

    if (len == 0) {
        *res = NULL;
        return 0;
    }

    rc = page_fn_os_find(st, s, len, 0, &f);
    if (rc == 0) {
        *res = NULL;
        return 0;
    }
    if (rc < 0) {
        return page_tpl_fail(st, "stat %.*s: %s", (int) len, s,
                             strerror(errno));
    }
    close(f.fd);

    page_fn_os_base(s, len, &base, &blen);
    *res = page_fn_os_info(st, base, blen, &f.sb);

    return *res ? 0 : page_tpl_nomem(st);
}


/*
 * getenv NAME: the variable's value when Hugo's default policy allows
 * the name (^HUGO_ or ^CI$), else Hugo's error, without the dump of the
 * whole security configuration it appends on further lines.
 */
static int
page_fn_os_getenv(PAGE_FN_ARGS)
{
    char        *name;
    size_t       len;
    const char  *s, *v;

    (void) nargs;

    if (page_tpl_text(st, args[0], &s, &len) != 0) {
        return -1;
    }

    if (!((len >= 5 && memcmp(s, "HUGO_", 5) == 0)
          || (len == 2 && memcmp(s, "CI", 2) == 0)))
    {
        return page_tpl_fail(st, "access denied: \"%.*s\" is not "
                             "whitelisted in policy "
                             "\"security.funcs.getenv\"", (int) len, s);
    }

    name = page_arena_strndup(page_tpl_arena(st), s, len);
    if (name == NULL) {
        return page_tpl_nomem(st);
    }

    v = memchr(s, '\0', len) == NULL ? getenv(name) : NULL;

    return page_tpl_ret_str(st, PAGE_STRING, v ? v : "", v ? strlen(v) : 0,
                            res);
}


const page_tpl_func_t  page_fn_os[] = {
    { "os.ReadFile", page_fn_os_readfile, 1, 1 },
    { "readFile", page_fn_os_readfile, 1, 1 },
    { "os.ReadDir", page_fn_os_readdir, 1, 1 },
    { "readDir", page_fn_os_readdir, 1, 1 },
    { "os.FileExists", page_fn_os_fileexists, 1, 1 },
    { "fileExists", page_fn_os_fileexists, 1, 1 },
    { "os.Stat", page_fn_os_stat, 1, 1 },
    { "os.Getenv", page_fn_os_getenv, 1, 1 },
    { "getenv", page_fn_os_getenv, 1, 1 },
    { NULL, NULL, 0, 0 }
};
