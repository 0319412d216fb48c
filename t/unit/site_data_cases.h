/*
 * site_data_cases.h: the layouts and hugo 0.111.3's pages for
 * test_site_data.c (see there how they were made).
 */

static const char  step12_layout[] =
    "K={{ .Kind }} T={{ .Type }} S={{ .Section }} Ti={{ .Title }} R={{ .RelPermalink }} P={{ .Permalink }}\n"
    "ST={{ .Site.Title }} SA={{ .Site.Params.author }} SB={{ .Site.BaseURL }} SL={{ .Site.LanguageCode }}\n"
    "H={{ .Site.Home.Title }} {{ .Site.Home.RelPermalink }} {{ .Site.Home.Kind }}\n"
    "NP={{ len .Site.Pages }} NR={{ len .Site.RegularPages }} NS={{ len .Site.Sections }} NA={{ len .Site.AllPages }}\n"
    "RP={{ range .Site.RegularPages }}[{{ .Title }}|{{ .RelPermalink }}|{{ .Kind }}|{{ .Section }}|{{ .Weight }}|{{ .Date.Format \"2006-01-02\" }}]{{ end }}\n"
    "SS={{ range .Site.Sections }}[{{ .Title }}|{{ .RelPermalink }}]{{ end }}\n"
    "PA={{ with .Parent }}{{ .Title }}|{{ .Kind }}{{ end }} CS={{ .CurrentSection.Title }} FS={{ .FirstSection.Title }}\n"
    "AN={{ range .Ancestors }}[{{ .Title }}]{{ end }} IH={{ .IsHome }} IS={{ .IsSection }} IP={{ .IsPage }}\n"
    "PG={{ range .Pages }}[{{ .Title }}]{{ end }} RG={{ range .RegularPages }}[{{ .Title }}]{{ end }} SE={{ range .Sections }}[{{ .Title }}]{{ end }}\n"
    "GP={{ with .Site.GetPage \"/docs/guide\" }}{{ .Title }}|{{ .Kind }}|{{ range .Pages }}[{{ .Title }}]{{ end }}{{ end }} GP2={{ with .GetPage \"install\" }}{{ .Title }}{{ end }} GP3={{ with site.GetPage \"posts/first-light.md\" }}{{ .Params.categories }}{{ .Draft }}{{ end }}\n";

static const sd_case_t  step12_cases[] = {
    { "posts/first-light.md",
    "K=page T=posts S=posts Ti=First Light R=/blog/2024/03/first-light/ P=https://example.org/blog/2024/03/first-light/\n"
    "ST=Lighthouse Notes SA=Ada Keeper SB=https://example.org/blog/ SL=en-us\n"
    "H=Welcome aboard /blog/ home\n"
    "NP=26 NR=11 NS=3 NA=33\n"
    "RP=[Configuring|/blog/docs/configure/|page|docs|1|0001-01-01][Lenses|/blog/docs/guide/lenses/|page|docs|1|0001-01-01][Installing the Lamp|/blog/docs/install/|page|docs|2|0001-01-01][The Fog Horn|/blog/2024/02/the-fog-horn/|page|posts|5|2024-02-01][A Trip to the Island|/blog/2024/05/a-trip-to-the-island/|page|posts|0|2024-05-20][Storm Log|/blog/2024/04/storm/|page|posts|0|2024-04-11][First Light|/blog/2024/03/first-light/|page|posts|0|2024-03-05][Tide Tables|/blog/tides/|page|notes|0|2023-07-07][Signals|/blog/docs/reference/signals/|page|docs|0|2023-06-01][About|/blog/about/|page||0|0001-01-01][Rotation|/blog/docs/guide/advanced/rotation/|page|docs|0|0001-01-01]\n"
    "SS=[Posts|/blog/posts/][Documentation|/blog/docs/][Notes|/blog/notes/]\n"
    "PA=Posts|section CS=Posts FS=Posts\n"
    "AN=[Posts][Welcome aboard] IH=false IS=false IP=true\n"
    "PG= RG= SE=\n"
    "GP=The Guide|section|[Lenses][Rotation] GP2= GP3=[Keeping]false\n" },
    { "_index.md",
    "K=home T=page S= Ti=Welcome aboard R=/blog/ P=https://example.org/blog/\n"
    "ST=Lighthouse Notes SA=Ada Keeper SB=https://example.org/blog/ SL=en-us\n"
    "H=Welcome aboard /blog/ home\n"
    "NP=26 NR=11 NS=3 NA=33\n"
    "RP=[Configuring|/blog/docs/configure/|page|docs|1|0001-01-01][Lenses|/blog/docs/guide/lenses/|page|docs|1|0001-01-01][Installing the Lamp|/blog/docs/install/|page|docs|2|0001-01-01][The Fog Horn|/blog/2024/02/the-fog-horn/|page|posts|5|2024-02-01][A Trip to the Island|/blog/2024/05/a-trip-to-the-island/|page|posts|0|2024-05-20][Storm Log|/blog/2024/04/storm/|page|posts|0|2024-04-11][First Light|/blog/2024/03/first-light/|page|posts|0|2024-03-05][Tide Tables|/blog/tides/|page|notes|0|2023-07-07][Signals|/blog/docs/reference/signals/|page|docs|0|2023-06-01][About|/blog/about/|page||0|0001-01-01][Rotation|/blog/docs/guide/advanced/rotation/|page|docs|0|0001-01-01]\n"
    "SS=[Posts|/blog/posts/][Documentation|/blog/docs/][Notes|/blog/notes/]\n"
    "PA= CS=Welcome aboard FS=Welcome aboard\n"
    "AN= IH=true IS=false IP=false\n"
    "PG=[Posts][Documentation][Notes][About] RG=[About] SE=[Posts][Documentation][Notes]\n"
    "GP=The Guide|section|[Lenses][Rotation] GP2= GP3=[Keeping]false\n" },
    { "docs/guide/_index.md",
    "K=section T=docs S=docs Ti=The Guide R=/blog/docs/guide/ P=https://example.org/blog/docs/guide/\n"
    "ST=Lighthouse Notes SA=Ada Keeper SB=https://example.org/blog/ SL=en-us\n"
    "H=Welcome aboard /blog/ home\n"
    "NP=26 NR=11 NS=3 NA=33\n"
    "RP=[Configuring|/blog/docs/configure/|page|docs|1|0001-01-01][Lenses|/blog/docs/guide/lenses/|page|docs|1|0001-01-01][Installing the Lamp|/blog/docs/install/|page|docs|2|0001-01-01][The Fog Horn|/blog/2024/02/the-fog-horn/|page|posts|5|2024-02-01][A Trip to the Island|/blog/2024/05/a-trip-to-the-island/|page|posts|0|2024-05-20][Storm Log|/blog/2024/04/storm/|page|posts|0|2024-04-11][First Light|/blog/2024/03/first-light/|page|posts|0|2024-03-05][Tide Tables|/blog/tides/|page|notes|0|2023-07-07][Signals|/blog/docs/reference/signals/|page|docs|0|2023-06-01][About|/blog/about/|page||0|0001-01-01][Rotation|/blog/docs/guide/advanced/rotation/|page|docs|0|0001-01-01]\n"
    "SS=[Posts|/blog/posts/][Documentation|/blog/docs/][Notes|/blog/notes/]\n"
    "PA=Documentation|section CS=The Guide FS=Documentation\n"
    "AN=[Documentation][Welcome aboard] IH=false IS=true IP=false\n"
    "PG=[Lenses][Rotation] RG=[Lenses][Rotation] SE=\n"
    "GP=The Guide|section|[Lenses][Rotation] GP2= GP3=[Keeping]false\n" },
    { "docs/install.md",
    "K=page T=docs S=docs Ti=Installing the Lamp R=/blog/docs/install/ P=https://example.org/blog/docs/install/\n"
    "ST=Lighthouse Notes SA=Ada Keeper SB=https://example.org/blog/ SL=en-us\n"
    "H=Welcome aboard /blog/ home\n"
    "NP=26 NR=11 NS=3 NA=33\n"
    "RP=[Configuring|/blog/docs/configure/|page|docs|1|0001-01-01][Lenses|/blog/docs/guide/lenses/|page|docs|1|0001-01-01][Installing the Lamp|/blog/docs/install/|page|docs|2|0001-01-01][The Fog Horn|/blog/2024/02/the-fog-horn/|page|posts|5|2024-02-01][A Trip to the Island|/blog/2024/05/a-trip-to-the-island/|page|posts|0|2024-05-20][Storm Log|/blog/2024/04/storm/|page|posts|0|2024-04-11][First Light|/blog/2024/03/first-light/|page|posts|0|2024-03-05][Tide Tables|/blog/tides/|page|notes|0|2023-07-07][Signals|/blog/docs/reference/signals/|page|docs|0|2023-06-01][About|/blog/about/|page||0|0001-01-01][Rotation|/blog/docs/guide/advanced/rotation/|page|docs|0|0001-01-01]\n"
    "SS=[Posts|/blog/posts/][Documentation|/blog/docs/][Notes|/blog/notes/]\n"
    "PA=Documentation|section CS=Documentation FS=Documentation\n"
    "AN=[Documentation][Welcome aboard] IH=false IS=false IP=true\n"
    "PG= RG= SE=\n"
    "GP=The Guide|section|[Lenses][Rotation] GP2=Installing the Lamp GP3=[Keeping]false\n" },
    { "posts/_index.md",
    "K=section T=posts S=posts Ti=Posts R=/blog/posts/ P=https://example.org/blog/posts/\n"
    "ST=Lighthouse Notes SA=Ada Keeper SB=https://example.org/blog/ SL=en-us\n"
    "H=Welcome aboard /blog/ home\n"
    "NP=26 NR=11 NS=3 NA=33\n"
    "RP=[Configuring|/blog/docs/configure/|page|docs|1|0001-01-01][Lenses|/blog/docs/guide/lenses/|page|docs|1|0001-01-01][Installing the Lamp|/blog/docs/install/|page|docs|2|0001-01-01][The Fog Horn|/blog/2024/02/the-fog-horn/|page|posts|5|2024-02-01][A Trip to the Island|/blog/2024/05/a-trip-to-the-island/|page|posts|0|2024-05-20][Storm Log|/blog/2024/04/storm/|page|posts|0|2024-04-11][First Light|/blog/2024/03/first-light/|page|posts|0|2024-03-05][Tide Tables|/blog/tides/|page|notes|0|2023-07-07][Signals|/blog/docs/reference/signals/|page|docs|0|2023-06-01][About|/blog/about/|page||0|0001-01-01][Rotation|/blog/docs/guide/advanced/rotation/|page|docs|0|0001-01-01]\n"
    "SS=[Posts|/blog/posts/][Documentation|/blog/docs/][Notes|/blog/notes/]\n"
    "PA=Welcome aboard|home CS=Posts FS=Posts\n"
    "AN=[Welcome aboard] IH=false IS=true IP=false\n"
    "PG=[The Fog Horn][A Trip to the Island][Storm Log][First Light] RG=[The Fog Horn][A Trip to the Island][Storm Log][First Light] SE=\n"
    "GP=The Guide|section|[Lenses][Rotation] GP2= GP3=[Keeping]false\n" },
    { "about.md",
    "K=page T=page S= Ti=About R=/blog/about/ P=https://example.org/blog/about/\n"
    "ST=Lighthouse Notes SA=Ada Keeper SB=https://example.org/blog/ SL=en-us\n"
    "H=Welcome aboard /blog/ home\n"
    "NP=26 NR=11 NS=3 NA=33\n"
    "RP=[Configuring|/blog/docs/configure/|page|docs|1|0001-01-01][Lenses|/blog/docs/guide/lenses/|page|docs|1|0001-01-01][Installing the Lamp|/blog/docs/install/|page|docs|2|0001-01-01][The Fog Horn|/blog/2024/02/the-fog-horn/|page|posts|5|2024-02-01][A Trip to the Island|/blog/2024/05/a-trip-to-the-island/|page|posts|0|2024-05-20][Storm Log|/blog/2024/04/storm/|page|posts|0|2024-04-11][First Light|/blog/2024/03/first-light/|page|posts|0|2024-03-05][Tide Tables|/blog/tides/|page|notes|0|2023-07-07][Signals|/blog/docs/reference/signals/|page|docs|0|2023-06-01][About|/blog/about/|page||0|0001-01-01][Rotation|/blog/docs/guide/advanced/rotation/|page|docs|0|0001-01-01]\n"
    "SS=[Posts|/blog/posts/][Documentation|/blog/docs/][Notes|/blog/notes/]\n"
    "PA=Welcome aboard|home CS=Welcome aboard FS=Welcome aboard\n"
    "AN=[Welcome aboard] IH=false IS=false IP=true\n"
    "PG= RG= SE=\n"
    "GP=The Guide|section|[Lenses][Rotation] GP2= GP3=[Keeping]false\n" },
    { "docs/guide/advanced/rotation.md",
    "K=page T=docs S=docs Ti=Rotation R=/blog/docs/guide/advanced/rotation/ P=https://example.org/blog/docs/guide/advanced/rotation/\n"
    "ST=Lighthouse Notes SA=Ada Keeper SB=https://example.org/blog/ SL=en-us\n"
    "H=Welcome aboard /blog/ home\n"
    "NP=26 NR=11 NS=3 NA=33\n"
    "RP=[Configuring|/blog/docs/configure/|page|docs|1|0001-01-01][Lenses|/blog/docs/guide/lenses/|page|docs|1|0001-01-01][Installing the Lamp|/blog/docs/install/|page|docs|2|0001-01-01][The Fog Horn|/blog/2024/02/the-fog-horn/|page|posts|5|2024-02-01][A Trip to the Island|/blog/2024/05/a-trip-to-the-island/|page|posts|0|2024-05-20][Storm Log|/blog/2024/04/storm/|page|posts|0|2024-04-11][First Light|/blog/2024/03/first-light/|page|posts|0|2024-03-05][Tide Tables|/blog/tides/|page|notes|0|2023-07-07][Signals|/blog/docs/reference/signals/|page|docs|0|2023-06-01][About|/blog/about/|page||0|0001-01-01][Rotation|/blog/docs/guide/advanced/rotation/|page|docs|0|0001-01-01]\n"
    "SS=[Posts|/blog/posts/][Documentation|/blog/docs/][Notes|/blog/notes/]\n"
    "PA=The Guide|section CS=The Guide FS=Documentation\n"
    "AN=[The Guide][Documentation][Welcome aboard] IH=false IS=false IP=true\n"
    "PG= RG= SE=\n"
    "GP=The Guide|section|[Lenses][Rotation] GP2= GP3=[Keeping]false\n" },
    { NULL, NULL }
};

