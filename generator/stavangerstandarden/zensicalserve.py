"""The preview's Zensical process: Zensical's own `serve` (its public `zensical.serve`), which
builds every page once and then, on each change under docs/, renders only the changed Markdown
again and rewrites the pages from its cache, in milliseconds. It ends when the preview does,
however that ends: its standard input is a pipe from the preview, and the end of that pipe
ends it (a killed preview leaves no engine running).

Run as `python -m stavangerstandarden.zensicalserve CONFIG HOST:PORT`.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path


def _end_with_parent() -> None:
    sys.stdin.buffer.read()
    os._exit(0)


def main() -> None:
    config, address = sys.argv[1:3]
    threading.Thread(target=_end_with_parent, daemon=True).start()
    from zensical import serve

    serve(str(Path(config).resolve()), {"dev_addr": address, "open": False})


if __name__ == "__main__":
    main()
