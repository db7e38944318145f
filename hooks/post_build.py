"""MkDocs hook: finish the built site with sitebuild/postbuild.py (Zensical builds run it on its own).

Runs after the search plugin has written its index and before the offline plugin (-100) copies
it. mkdocs-offline.yml turns two steps off: `extra.csp: false` (a page opened from file:// has no
origin to allow) and `extra.link_previews: false` (link previews are read from the website).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitebuild import postbuild


@event_priority(-50)
def on_post_build(config: MkDocsConfig) -> None:
    try:
        postbuild.run(config.site_dir, config.site_url or "/", config.docs_dir, csp=config.extra.get("csp", True),
                      directory_urls=config.use_directory_urls,  # the offline plugin turns them off
                      previews=config.extra.get("link_previews", True))
    except postbuild.PostBuildError as error:
        raise PluginError(str(error)) from None
