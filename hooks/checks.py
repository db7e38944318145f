"""MkDocs hook: check every page and data file before the pages are converted.

The checks are sitebuild/checks.py (Zensical builds run the same file on its own). A problem in
a data file stops the build at once, listing all of them; a problem in a page is a warning at
its file and line, so strict mode (`make check`, `make test`, `make build`) fails after listing
every problem of every page, and `make serve` shows them and keeps serving.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from sitebuild import checks

log = logging.getLogger("mkdocs.hooks.checks")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # The extension reads the data next to the pages being built (tests build fixture folders), and
    # links pages the way this build writes them (the offline plugin turns directory URLs off).
    config.mdx_configs.setdefault("sitebuild.extension", {}).update(
        docs_dir=config.docs_dir, directory_urls=config.use_directory_urls)
    problems = checks.data_problems(config.docs_dir)
    if problems:
        raise PluginError("The data files have problems:\n  " + "\n  ".join(problems))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for problem in checks.page_problems_all(config.docs_dir, [Path(f.abs_src_path) for f in files.documentation_pages()]):
        log.warning(problem)
    return files
