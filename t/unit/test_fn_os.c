/*
 * test_fn_os: the os namespace (readFile, readDir, fileExists, os.Stat,
 * getenv) over a project directory and a content root made for the test.
 * Expected values come from hugo 0.111.3 on the same tree (a site in
 * /tmp with files/README.txt, files/sub/a.txt, content/c.txt and the
 * same links; layouts/index.html printing the expressions), except where
 * current Hugo differs, as said at the case.
 */

#define _XOPEN_SOURCE  700          /* mkdtemp, setenv */

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fn_render.h"

static char  tmp[64], work[128], content[128], outside[128];


static void
put(const char *path, const char *text)
{
    FILE  *f;

    f = fopen(path, "w");
    if (f != NULL) {
        fputs(text, f);
        fclose(f);
    }
}


static void
setup(void)
{
    char  p[256];

    strcpy(tmp, "/tmp/test_fn_os.XXXXXX");
    if (mkdtemp(tmp) == NULL) {
        perror("mkdtemp");
        exit(1);
    }

    snprintf(work, sizeof(work), "%s/site", tmp);
    snprintf(content, sizeof(content), "%s/site/content", tmp);
    snprintf(outside, sizeof(outside), "%s/secret.txt", tmp);
    mkdir(work, 0755);
    mkdir(content, 0755);
    snprintf(p, sizeof(p), "%s/files", work);
    mkdir(p, 0755);
    snprintf(p, sizeof(p), "%s/files/sub", work);
    mkdir(p, 0755);

    snprintf(p, sizeof(p), "%s/files/README.txt", work);
    put(p, "Hugo Rocks!\n");
    snprintf(p, sizeof(p), "%s/files/sub/a.txt", work);
    put(p, "x");
    snprintf(p, sizeof(p), "%s/c.txt", content);
    put(p, "content\n");
    put(outside, "secret\n");

    /* a link to a file outside, and one to a directory inside */
    snprintf(p, sizeof(p), "%s/files/link.txt", work);
    if (symlink(outside, p) != 0) {
        perror("symlink");
    }
    snprintf(p, sizeof(p), "%s/files/linkdir", work);
    if (symlink("sub", p) != 0) {
        perror("symlink");
    }
    snprintf(p, sizeof(p), "%s/up", work);
    if (symlink("..", p) != 0) {
        perror("symlink");
    }

    page_options_init(&fn_opt);
    fn_opt.workdir = work;
    fn_opt.root = content;
    fn_opt.root_len = strlen(content);
}


static void
cleanup(void)
{
    char  cmd[128];

    snprintf(cmd, sizeof(cmd), "rm -rf %s", tmp);
    if (system(cmd) != 0) {
        perror("rm");
    }
}


static void
test_readfile(void)
{
    OUT("[{{ readFile \"files/README.txt\" }}]", "[Hugo Rocks!\n]",
        "readFile: relative to the project directory");
    OUT("[{{ os.ReadFile \"/files/README.txt\" }}]", "[Hugo Rocks!\n]",
        "os.ReadFile: a leading slash is the project directory");
    OUT("[{{ readFile \"nope.txt\" }}]", "[]",
        "readFile: a missing file is the empty string");
    OUT("[{{ readFile \"c.txt\" }}]", "[content\n]",
        "readFile: then the content root");
    OUT("[{{ readFile \"files/./sub/../README.txt\" }}]", "[Hugo Rocks!\n]",
        "readFile: the path is cleaned");
    OUT("[{{ readFile \"../site/files/README.txt\" }}]", "[Hugo Rocks!\n]",
        "readFile: a path that comes back into the directory");

    /* outside the directories: not there (Go's BasePathFs) */
    OUT("[{{ readFile \"../secret.txt\" }}]", "[]",
        "readFile: .. above the directory does not exist");
    OUT("[{{ readFile \"../../secret.txt\" }}]", "[]",
        "readFile: nor from the content root");

    /*
     * current Hugo drops symbolic links (hugofs.DropSymlinksFs);
     * 0.111.3 followed them and printed the linked file
     */
    OUT("[{{ readFile \"files/link.txt\" }}]", "[]",
        "readFile: a link does not exist (current Hugo)");
    OUT("[{{ readFile \"files/linkdir/a.txt\" }}]", "[]",
        "readFile: nor a path through a linked directory");
    OUT("[{{ readFile \"up/secret.txt\" }}]", "[]",
        "readFile: a link to .. leads nowhere");

    FAILS("{{ readFile \"\" }}", "invalid filename",
          "readFile: the empty name is invalid");
    FAILS("{{ readFile \"/\" }}", "invalid filename",
          "readFile: \"/\" is invalid");
    FAILS("{{ readFile \"files/..\" }}", "invalid filename",
          "readFile: a name that cleans to \".\" is invalid");
    FAILS("{{ readFile \"files\" }}", "read files: is a directory",
          "readFile: a directory is Go's read error");
}


static void
test_fileexists(void)
{
    OUT("{{ fileExists \"files\" }} {{ fileExists \"files/README.txt\" }} "
        "{{ os.FileExists \"nope\" }} {{ fileExists \"c.txt\" }}",
        "true true false true", "fileExists: files, directories, content");

    /* current Hugo: false for "" (0.111.3 failed) and for links */
    OUT("{{ fileExists \"\" }} {{ fileExists \"files/link.txt\" }} "
        "{{ fileExists \"../secret.txt\" }}", "false false false",
        "fileExists: empty, a link, outside");
}


static void
test_readdir(void)
{
    OUT("{{ range readDir \"files\" }}[{{ .Name }} {{ .IsDir }} {{ .Mode }}]"
        "{{ end }}",
        "[README.txt false -rw-r--r--][link.txt false Lrwxrwxrwx]"
        "[linkdir false Lrwxrwxrwx][sub true drwxr-xr-x]",
        "readDir: sorted by name, links listed as links");
    OUT("{{ range os.ReadDir \"files/sub\" }}{{ .Name }} {{ .Size }}{{ end }}",
        "a.txt 1", "os.ReadDir: sizes");

    /* current Hugo: nil when missing (0.111.3 failed) */
    OUT("[{{ readDir \"nope\" }}]", "[]", "readDir: missing is nil");
    OUT("[{{ readDir \"files/linkdir\" }}]", "[]",
        "readDir: a linked directory does not exist");
    OUT("[{{ readDir \"..\" }}]", "[]", "readDir: nothing above");
    FAILS("{{ readDir \"files/README.txt\" }}",
          "failed to read directory \"files/README.txt\"",
          "readDir: a file is not a directory");
}


static void
test_stat(void)
{
    OUT("{{ with os.Stat \"files/README.txt\" }}{{ .Name }} {{ .Size }} "
        "{{ .IsDir }} {{ .Mode }} {{ .ModTime.Year | printf \"%T\" }}"
        "{{ end }}",
        "README.txt 12 false -rw-r--r-- int",
        "os.Stat: a file's FileInfo");
    OUT("{{ with os.Stat \"files\" }}{{ .Name }} {{ .IsDir }}{{ end }}",
        "files true", "os.Stat: a directory");

    /* current Hugo: nil (0.111.3 failed: "file does not exist") */
    OUT("[{{ os.Stat \"nope\" }}][{{ os.Stat \"\" }}]"
        "[{{ os.Stat \"files/link.txt\" }}]", "[][][]",
        "os.Stat: missing, empty, a link");
}


static void
test_getenv(void)
{
    setenv("HUGO_X", "hx", 1);
    setenv("CI", "yes", 1);
    setenv("HOME_X", "no", 1);

    OUT("{{ getenv \"HUGO_X\" }}|{{ os.Getenv \"CI\" }}|"
        "{{ getenv \"HUGO_UNSET_VAR\" }}|", "hx|yes||",
        "getenv: the names Hugo's policy allows");
    FAILS("{{ getenv \"HOME_X\" }}",
          "access denied: \"HOME_X\" is not whitelisted in policy "
          "\"security.funcs.getenv\"", "getenv: others are denied");
    FAILS("{{ getenv 3 }}", "access denied: \"3\" is not whitelisted",
          "getenv: a number is its text");
    FAILS("{{ getenv \"CIX\" }}", "access denied", "getenv: ^CI$ exactly");
}


int
main(void)
{
    setup();

    test_readfile();
    test_fileexists();
    test_readdir();
    test_stat();
    test_getenv();

    fn_reset();
    cleanup();
    page_exit();

    return tap_done();
}
