"""Zip the offline copy for the download page: python scripts/zip_offline.py FOLDER ZIP.

The archive holds one top folder (the copy's own name), so unzipping never scatters files.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path


def main(folder: str, archive: str) -> None:
    source, target = Path(folder), Path(archive)
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in sorted(source.rglob("*")):
            zipped.write(path, Path(source.name) / path.relative_to(source))


if __name__ == "__main__":
    main(*sys.argv[1:3])
