"""Fill pages: an HTML form per PDF form that makes the same filled PDF in the browser.

`files.fill_files(standard, specs)` returns, keyed by path under docs/: one Markdown page per
form (raw HTML inside, rendered from the form spec), the blank PDF wrapped as an ES module (so
the page can read it under `connect-src 'none'`), the page scripts and pdf.js copied from
node_modules. This file imports nothing, so `pages` can use `messages` and `fields` without an
import cycle.
"""
