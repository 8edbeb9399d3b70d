"""Text that came from articles or analysts, made safe to show: never Markdown, never HTML.

Streamlit renders the strings given to st.markdown, st.error, st.success, st.subheader… as
Markdown, so an article title such as ``![x](http://tracker/p.png)`` would become an image
fetched from outside (a tracking pixel on a machine that must stay offline). ``plain()``
escapes every Markdown character so the title is shown exactly as written; ``evidence_box()``
builds the article view with the evidence marked, everything else escaped as HTML.
"""

from __future__ import annotations

import html
import re

# CommonMark backslash-escapes any ASCII punctuation; these are the ones Markdown, Streamlit's
# directives (":red[...]", ":material/...:") and its LaTeX ("$...$") give a meaning to.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$&])")


def plain(value) -> str:
    """``value`` as text that Markdown shows literally (one line: line breaks become spaces)."""
    return _MARKDOWN.sub(r"\\\1", " ".join(str(value).split()))


def source_line(title: str, source: str, date: str, prefix: str = "") -> str:
    """HTML for st.html: "prefix **title** · source · date", every part escaped. Not Markdown:
    Markdown would also turn a bare URL in a title or source into a link."""
    parts = [f"<b>{html.escape(title or 'untitled')}</b>", html.escape(source or "unknown source"),
             html.escape(date or "undated")]
    return f"<p style='margin:0 0 0.5rem 0'>{html.escape(prefix)}{' · '.join(parts)}</p>"


def evidence_box(text: str, spans: list[tuple[int, int]], height: int = 420) -> str:
    """Article text as escaped HTML in a scroll box, the given char spans marked.

    The box opens at the paragraph of the first marked span, so the evidence is in view
    without scripts (st.html runs none); the text before it is one click away in a
    collapsed "Earlier text" section at the top of the box."""
    spans = sorted({(int(s), int(e)) for s, e in spans if 0 <= int(s) < int(e) <= len(text)})
    # paragraphs are blank-line separated, or one per line in articles that have no blank lines
    sep = "\n\n" if "\n\n" in text else "\n"
    cut = text.rfind(sep, 0, spans[0][0]) + len(sep) if spans and sep in text[:spans[0][0]] else 0
    marked, pos = [], cut
    for start, end in spans:
        if start < pos:
            continue
        marked.append(html.escape(text[pos:start]))
        marked.append(f"<mark style='background:#fde0b6;padding:0 2px'>{html.escape(text[start:end])}</mark>")
        pos = end
    marked.append(html.escape(text[pos:]))
    body = "<p>" + "".join(marked).replace(sep, "</p><p>") + "</p>"
    earlier = ""
    if cut:
        paragraphs = [p for p in text[:cut].split(sep) if p.strip()]
        inner = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        earlier = (f"<details class='earlier'><summary style='cursor:pointer;color:#555'>Earlier text "
                   f"({len(paragraphs)} paragraph{'s' if len(paragraphs) != 1 else ''})</summary>{inner}</details>")
    return (f"<div class='evidence-box' style='line-height:1.6;max-height:{height}px;overflow-y:auto'>"
            f"{earlier}{body}</div>")
