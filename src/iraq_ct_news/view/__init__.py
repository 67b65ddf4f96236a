"""Review pages: each article's Arabic text with its annotations and findings, as static HTML.

``iraq-ct-news view`` writes them; reviewers of a pull request read annotations there rather than
in YAML. The pages need no server, no network and no JavaScript.
"""

from __future__ import annotations

from .website import ViewResult, article_files, render_view

__all__ = ["ViewResult", "article_files", "render_view"]
