"""Handing a finished letter to the tools that send or print it.

The app never sends mail itself: it opens the user's mail program with a
``mailto:`` link, offers an ``.eml`` draft to open there when the link would
be too long, and a Word file to print or copy a handwritten note from.

The print file is .docx rather than PDF: PDF's built-in fonts cover Latin-1
only, so names like "Szczepański" would need a font file shipped with the
app, while a .docx leaves the glyphs to the fonts on the user's machine.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from email import policy
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from typing import Literal
from urllib.parse import quote

from docx import Document
from docx.shared import Inches, Mm, Pt

# Browsers and mail programs differ; around 2000 characters every common
# combination still opens the link whole.
MAILTO_LIMIT = 2000

Paper = Literal["letter", "a4"]
_PAPER = {"letter": (Inches(8.5), Inches(11)), "a4": (Mm(210), Mm(297))}
# Characters XML 1.0 cannot hold; Word refuses a file that contains them.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class MailtoLink:
    """``url`` is None when the link would be too long to open reliably."""

    url: str | None
    too_long: bool
    length: int


def mailto_link(to: str, subject: str, body: str) -> MailtoLink:
    """A ``mailto:`` URL per RFC 6068: every value percent-encoded as UTF-8,
    line breaks in the body as CRLF."""
    address = quote(to.strip(), safe="@")
    fields = []
    if subject.strip():
        fields.append("subject=" + quote(_one_line(subject), safe=""))
    if body:
        fields.append("body=" + quote(_crlf(body), safe=""))
    url = f"mailto:{address}" + ("?" + "&".join(fields) if fields else "")
    too_long = len(url) > MAILTO_LIMIT
    return MailtoLink(url=None if too_long else url, too_long=too_long, length=len(url))


@dataclass(frozen=True)
class Attachment:
    """A file the email draft carries, such as a work sample (seed 001: one or two, non-confidential)."""

    name: str
    data: bytes
    mime: str = "application/octet-stream"


def eml_bytes(
    to_name: str,
    to_addr: str,
    subject: str,
    body: str,
    from_addr: str = "",
    attachments: Sequence[Attachment] = (),
) -> bytes:
    """An unsent email draft (.eml) that Outlook and Thunderbird open ready to edit,
    carrying ``attachments`` as real attachments.

    An empty ``to_addr`` leaves the To line for the user to fill in; an
    address that is not one raises ValueError.
    """
    message = EmailMessage(policy=policy.default)
    if to_addr.strip():
        message["To"] = _address(to_name, to_addr)
    if from_addr.strip():
        message["From"] = _address("", from_addr)
    message["Subject"] = _one_line(subject)
    message["X-Unsent"] = "1"
    # Quoted-printable keeps the file plain ASCII whatever the letter contains.
    message.set_content(_newlines(body), cte="quoted-printable")
    for attachment in attachments:
        maintype, _, subtype = (attachment.mime or "application/octet-stream").partition("/")
        if not subtype or "\n" in attachment.mime:
            maintype, subtype = "application", "octet-stream"
        message.add_attachment(
            attachment.data, maintype=maintype, subtype=subtype, filename=_one_line(attachment.name) or "file"
        )
    return message.as_bytes(policy=policy.default.clone(linesep="\r\n"))


def letter_docx(body: str, *, title: str = "", handwritten: bool = False, paper: Paper = "letter") -> bytes:
    """A print-ready Word file of the letter.

    A handwritten note comes out large and widely spaced, to copy from by
    hand onto a card.
    """
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = _PAPER[paper]
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(1))
    style = document.styles["Normal"]
    style.font.size = Pt(14 if handwritten else 11)
    style.paragraph_format.line_spacing = 1.5 if handwritten else 1.15
    style.paragraph_format.space_after = Pt(10)
    if title.strip():
        document.core_properties.title = _xml_safe(_one_line(title))
    for block in re.split(r"\n\s*\n", _newlines(body).strip()):
        paragraph = document.add_paragraph()
        lines = block.split("\n")
        for i, line in enumerate(lines):
            run = paragraph.add_run(_xml_safe(line))
            if i < len(lines) - 1:
                run.add_break()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def file_name(*parts: str, extension: str) -> str:
    """A download name such as ``thank-you-zoe-angstrom.eml``: ASCII, no path characters."""
    text = " ".join(p for p in parts if p)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "letter"
    return f"{stem[:80]}.{extension.lstrip('.')}"


def _address(name: str, addr: str) -> Address:
    try:
        return Address(display_name=_one_line(name), addr_spec=addr.strip())
    except (ValueError, IndexError, HeaderParseError) as error:
        raise ValueError(f"Not an email address: {addr!r}") from error


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _crlf(text: str) -> str:
    return _newlines(text).replace("\n", "\r\n")


def _one_line(text: str) -> str:
    """Headers cannot hold line breaks, so a pasted subject keeps one line."""
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


def _xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)
