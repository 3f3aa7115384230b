"""Text from articles and uploads shown literally: the one escaping helper of the app.

Streamlit renders Markdown (and a little HTML) in ``st.markdown``, ``st.write`` of a string,
``st.caption``, ``st.success``/``st.info``/``st.warning``/``st.error``, expander and status labels,
button labels and radio options. A title, file name, option, prompt, explanation or source sentence
taken from a document must never become a link, a remote image (a tracker fetched by every browser
that shows it), emphasis, a list, LaTeX or a coloured span there: every such string goes through
:func:`md_escape` (``md`` for short), or into an element that does not render Markdown
(``st.text``, ``st.code``, tables, select boxes).
"""
from __future__ import annotations

import re

__all__ = ["md", "md_escape"]

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-!|~$:@])")
_ORDERED_LIST = re.compile(r"^(\s*\d+)([.)])")
_SPACES = re.compile(r"\s+")


def md_escape(text: object) -> str:
    """``text`` shown literally by Streamlit's Markdown: no emphasis, links (``[x](http://…)``, bare
    ``http://…`` or ``<http://…>``), images, lists, headings, HTML, LaTeX, colours or emoji shortcodes;
    line breaks become spaces (a label is one line). ``None`` is the empty string."""
    if text is None:
        return ""
    text = _SPACES.sub(" ", str(text))
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    text = _ORDERED_LIST.sub(r"\1\\\2", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # a bare web address is linked by the GFM autolink extension even with its ':' escaped ("www.")
    return re.sub(r"(?i)\b(www)\.", r"\1&#46;", text)


md = md_escape
