import pytest

from ui.text import WORD_JOINER, md


@pytest.mark.parametrize(
    "text",
    [
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "![](http://evil.example/p.png)",
        "**bold** _it_ `code` $x^2$",
        ":red[alarm] :smile: :material/home:",
        "# heading",
        "www.evil.example",
    ],
)
def test_markup_is_escaped(text):
    escaped = md(text)
    for special in "<>[]()!*_`$:#":
        assert f"{special}" not in escaped.replace(f"\\{special}", "")
    assert escaped.replace("\\", "").replace(WORD_JOINER, "") == text.replace("\\", "")


def test_line_breaks_cannot_start_a_new_block():
    assert "\n" not in md("line\n# heading")


@pytest.mark.parametrize(
    "text",
    [
        "x http://evil.invalid/s.png",
        "HTTPS://evil.invalid",
        "see www.evil.invalid/p",
        "mail dana@evil.invalid",
        "mailto:dana@evil.invalid",
        "xmpp:dana@evil.invalid",
    ],
)
def test_addresses_cannot_become_links(text):
    """GitHub's autolinks read the text after escapes: the patterns themselves must be broken."""
    shown = md(text).replace("\\", "")
    assert shown.replace(WORD_JOINER, "") == text
    for start in ("http:", "https:", "www.", "mailto:", "xmpp:"):
        assert start not in shown.lower()
    assert "@" not in shown.replace(WORD_JOINER + "@", "")
