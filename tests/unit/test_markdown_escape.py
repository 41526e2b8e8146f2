import pytest

from ui.text import md


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
    assert escaped.replace("\\", "") == text.replace("\\", "")


def test_line_breaks_cannot_start_a_new_block():
    assert "\n" not in md("line\n# heading")
