"""Text from articles and analysts shown as text: never Markdown, never HTML; evidence opened in view."""

import pytest
from markdown_it import MarkdownIt

from ui.text import evidence_box, plain, source_line

HOSTILE = ["![x](http://example.invalid/p.png)", "[click](http://example.invalid)", "**bold** _it_ `code`",
           ":red[alert] :material/home: $x^2$", "# heading", "<img src=http://example.invalid/q.png>",
           "a | b\n--|--\n1 | 2", "1. item", "- item", "C:\\path\\file_name.txt"]


@pytest.mark.parametrize("value", HOSTILE)
def test_plain_renders_as_the_literal_text(value):
    rendered = MarkdownIt("commonmark").enable("table").render(plain(value))
    assert "<img" not in rendered and "<a " not in rendered and "<strong" not in rendered and "<em" not in rendered
    assert "<h1" not in rendered and "<table" not in rendered and "<li" not in rendered and "<code" not in rendered
    from html import unescape
    import re

    assert unescape(re.sub(r"<[^>]+>", "", rendered)).strip() == " ".join(value.split())


def test_source_line_escapes_everything():
    line = source_line("![x](http://example.invalid/p.png)", "<img src=x onerror=alert(1)>", "", prefix="From ")
    assert "<img" not in line and "&lt;img src=x onerror=alert(1)&gt;" in line
    assert "<b>![x](http://example.invalid/p.png)</b>" in line and line.endswith("· undated</p>")


def test_evidence_box_opens_at_the_evidence():
    paragraphs = [f"Paragraph {i} <b>text</b>." for i in range(10)] + ["The minister said talks must start.", "After."]
    text = "\n\n".join(paragraphs)
    start = text.index("The minister")
    box = evidence_box(text, [(start, start + len("The minister said talks must start."))])
    earlier, shown = box.split("</details>")
    assert "Earlier text (10 paragraphs)" in earlier and "Paragraph 0 &lt;b&gt;text&lt;/b&gt;." in earlier
    assert shown.index("<mark") < 40  # the first thing in the open part of the box
    assert "Paragraph 9" not in shown and "After." in shown and "<b>" not in box


def test_evidence_box_without_earlier_text_has_no_section():
    box = evidence_box("Only one paragraph here.", [(0, 4)])
    assert "<details" not in box and "<mark style='background:#fde0b6;padding:0 2px'>Only</mark>" in box


def test_evidence_box_opens_at_the_evidence_line_in_an_article_without_blank_lines():
    text = "Headline\nFirst paragraph line.\nSecond line.\nThe evidence sentence is here.\nLast line."
    start = text.index("The evidence")
    box = evidence_box(text, [(start, start + len("The evidence sentence is here."))])
    visible = box.split("</details>", 1)[1]
    assert visible.startswith("<p><mark") and "Earlier text (3 paragraphs)" in box
