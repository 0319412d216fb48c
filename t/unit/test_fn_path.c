/*
 * test_fn_path: Hugo's path namespace (src/page_fn_path.c).  Expected
 * outputs are what hugo 0.111.3 printed for the same template as
 * layouts/index.html (/tmp/fna-hugo/oracle.sh).  A documented
 * difference: Hugo prints path.Split's value as "Dir|File"; here it is
 * a map with the same .Dir and .File.
 */

#include "fn_case.h"


static const fn_case_t  path_cases[] = {
    { "{{ path.Base \"a/news.html\" }}|{{ path.Base \"news.html\" }"
      "}|{{ path.Base \"a/b/c\" }}|{{ path.Base \"/x/y/z/\" }}|{{ p"
      "ath.Base \"\" }}|{{ path.Base \"/\" }}|{{ path.Base \"///\" }}"
      "|{{ path.Base \"a\\\\b\" }}", NULL,
      "news.html|news.html|c|z|.|/|/|a\\b",
      NULL, NULL, 0 },
    { "{{ path.BaseName \"a/news.html\" }}|{{ path.BaseName \"news"
      "\" }}|{{ path.BaseName \"a/b.c/\" }}|{{ path.BaseName \".hid"
      "den\" }}|{{ path.BaseName \"a.tar.gz\" }}|{{ path.BaseName "
      "\"\" }}|{{ path.BaseName \"/\" }}", NULL,
      "news|news|b.c||a.tar|.|/",
      NULL, NULL, 0 },
    { "{{ path.Clean \"foo//bar\" }}|{{ path.Clean \"/foo/../bar/."
      "\" }}|{{ path.Clean \"\" }}|{{ path.Clean \"../../a\" }}|{{ p"
      "ath.Clean \"a/../..\" }}|{{ path.Clean \"/../a\" }}|{{ path."
      "Clean \"./\" }}|{{ path.Clean \"a/b/../../../c\" }}|{{ path."
      "Clean \"//a//b//\" }}|{{ path.Clean \"...\" }}", NULL,
      "foo/bar|/bar|.|../../a|..|/a|.|../c|/a/b|...",
      NULL, NULL, 0 },
    { "{{ path.Dir \"a/news.html\" }}|{{ path.Dir \"news.html\" }}|"
      "{{ path.Dir \"a/b/c\" }}|{{ path.Dir \"/x/y/z\" }}|{{ path.D"
      "ir \"\" }}|{{ path.Dir \"/\" }}|{{ path.Dir \"a/b/\" }}|{{ pat"
      "h.Dir \"//a\" }}|{{ path.Dir \"../a\" }}", NULL,
      "a|.|a/b|/x/y|.|/|a/b|/|..",
      NULL, NULL, 0 },
    { "{{ path.Ext \"a/news.html\" }}|{{ path.Ext \"news\" }}|{{ pa"
      "th.Ext \"a.b/c\" }}|{{ path.Ext \"a/b.tar.gz\" }}|{{ path.Ex"
      "t \".\" }}|{{ path.Ext \"a.\" }}|{{ path.Ext 1.5 }}", NULL,
      ".html|||.gz|.|.|.5",
      NULL, NULL, 0 },
    { "{{ path.Join \"partial\" \"news.html\" }}|{{ path.Join \"a\" \""
      "\" \"b\" }}|{{ path.Join \"\" \"\" }}|{{ path.Join \"/a/\" \"../b\""
      " }}|{{ path.Join (slice \"a\" \"b\") \"c\" }}|{{ path.Join \"a/"
      "\" \"/b\" }}|{{ path.Join }}|{{ path.Join \"/\" }}|{{ path.Jo"
      "in 1 2 }}", NULL,
      "partial/news.html|a/b||/b|a/b/c|a/b||/|1/2",
      NULL, NULL, 0 },
    { "{{ $s := path.Split \"a/news.html\" }}{{ $s.Dir }}|{{ $s.F"
      "ile }}|{{ (path.Split \"news.html\").Dir }}|{{ (path.Split"
      " \"a/b/\").File }}|{{ (path.Split \"/\").Dir }}|{{ (path.Spl"
      "it \"\").File }}", NULL,
      "a/|news.html|||/|",
      NULL, NULL, 0 },
    { "{{ path.Base (dict) }}", NULL,
      NULL,
      "unable to cast map[string]interface {}{} of type map[str"
      "ing]interface {} to string", NULL, 0 },
};


int
main(void)
{
    fn_cases_run("path", path_cases, FN_NCASES(path_cases));
    return tap_done();
}
