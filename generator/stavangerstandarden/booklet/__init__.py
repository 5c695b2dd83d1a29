"""The booklet (issue 22): the whole standard as one tagged, printable A4 PDF per language.

Public API: `booklet_files(edition)` for the build (in `booklet.files`), `render_booklet(edition)`
for one PDF (in `booklet.render`), `BOOKLET_TEXTS` for `check` (in `booklet.texts`). The texts
are the model's, the same the site pages render; the layout is Typst's, through the runner
the forms use (`typst_runner`), so the booklet is PDF/UA-1 tagged as they are. Nothing is
imported here, so `check` reads `booklet.texts` without loading the renderer.
"""
