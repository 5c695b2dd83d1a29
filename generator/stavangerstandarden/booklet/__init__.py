"""The booklet (issue 22): the whole standard as one tagged, printable A4 PDF per language.

Public API: `booklet_files(edition)` for the build (in `booklet.files`),
`render_booklet(edition)` for one PDF (in `booklet.render`); the texts it prints, for
`check`, are `glyphs.BOOKLET_TEXTS`. The texts are the model's, the same the site pages
render; the layout is Typst's, through the runner the forms use (`typst_runner`), so the
booklet is PDF/UA-1 tagged as they are. Nothing is imported here, so importing the package
does not load the renderer.
"""
