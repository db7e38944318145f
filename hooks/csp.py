"""Content-Security-Policy: only the site's own origin, as a meta tag on every page.

Material and our templates put a few small inline scripts in each page; each one is
allowed by its SHA-256 hash, computed here from the final HTML, so nothing else inline
or from another origin can run.
"""

from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>(.*?)</script>", re.S)
POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)


def with_policy(html: str) -> str:
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
        for body in INLINE_SCRIPT.findall(html)
    )
    meta = f'<meta http-equiv="Content-Security-Policy" content="{POLICY.format(hashes=hashes)}">'
    return html.replace('<meta charset="utf-8">', f'<meta charset="utf-8">\n      {meta}', 1)


def wanted(config) -> bool:
    """Not in the offline bundle: under file:// the browser has no origin to allow."""
    offline = config["plugins"].get("offline") or config["plugins"].get("material/offline")
    return not (offline and offline.config.enabled)


def on_post_page(output, page, config):
    return with_policy(output) if wanted(config) else output


def on_post_template(output_content, template_name, config):
    return with_policy(output_content) if template_name.endswith(".html") and wanted(config) else output_content
