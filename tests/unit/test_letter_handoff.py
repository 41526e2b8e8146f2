import io
from email import policy
from email.parser import BytesParser
from urllib.parse import parse_qs, unquote, urlsplit

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup.letters.handoff import MAILTO_LIMIT, eml_bytes, file_name, letter_docx, mailto_link

NAME = 'Zoë "Z" Ångström-Núñez, PhD'
ADDRESS = "zoe.angstrom+jobs@example.com"
SUBJECT = 'Thank you, Zoë — "Data & AI" role? 100% keen'
BODY = 'Hi Zoë,\n\nThanks for Tuesday, "really".\nÅngström, Núñez & co: 50% + more?\n\nBest,\nSam'


def parse_mailto(url):
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    query = parse_qs(parts.query, keep_blank_values=True)
    return unquote(parts.path), query.get("subject", [""])[0], query.get("body", [""])[0]


def test_mailto_round_trips_with_crlf_line_breaks():
    link = mailto_link(ADDRESS, SUBJECT, BODY)
    assert not link.too_long and link.length == len(link.url)
    assert "%0D%0A" in link.url
    assert not any(c in link.url for c in ' \n\r"<>')
    to, subject, body = parse_mailto(link.url)
    assert (to, subject) == (ADDRESS, SUBJECT)
    assert body == BODY.replace("\n", "\r\n")


def test_mailto_too_long_gives_no_url():
    link = mailto_link(ADDRESS, SUBJECT, "é" * MAILTO_LIMIT)
    assert link.too_long and link.url is None and link.length > MAILTO_LIMIT


one_line = st.text(max_size=60).filter(lambda s: s == "".join(s.splitlines()))


@given(to=st.emails(), subject=one_line, body=st.text(max_size=200))
def test_mailto_round_trips_any_text(to, subject, body):
    link = mailto_link(to, subject, body)
    if link.too_long:
        return
    got_to, got_subject, got_body = parse_mailto(link.url)
    assert got_to == to
    assert got_subject == subject.strip()
    assert got_body == body.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")


# Names short enough for one encoded word: the standard library's parser
# keeps the folding space between two encoded words in a display name,
# where mail programs drop it.
person_name = (
    st.lists(
        st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), min_size=1, max_size=7),
        min_size=1,
        max_size=2,
    )
    .map(" ".join)
    .filter(lambda name: len(name.encode()) <= 40)
)


@given(name=person_name, subject=one_line, body=st.text(max_size=200))
def test_eml_round_trips_any_text(name, subject, body):
    message = parse_eml(eml_bytes(name, ADDRESS, subject, body))
    assert message["To"].addresses[0].display_name == name.strip()
    assert message["Subject"] == subject.strip()
    lines = body.replace("\r\n", "\n").replace("\r", "\n")
    assert message.get_content().replace("\r\n", "\n") == lines + ("" if lines.endswith("\n") else "\n")


def parse_eml(data):
    return BytesParser(policy=policy.default).parsebytes(data)


def test_eml_round_trips_names_subject_and_body():
    data = eml_bytes(NAME, ADDRESS, SUBJECT, BODY, from_addr="sam@example.org")
    data.decode("ascii")
    message = parse_eml(data)
    (recipient,) = message["To"].addresses
    assert recipient.display_name == NAME and recipient.addr_spec == ADDRESS
    assert message["From"].addresses[0].addr_spec == "sam@example.org"
    assert message["Subject"] == SUBJECT
    assert message["X-Unsent"] == "1"
    assert message.get_content().replace("\r\n", "\n") == BODY + "\n"


def test_eml_subject_line_breaks_become_spaces():
    message = parse_eml(eml_bytes(NAME, ADDRESS, "Thank you\r\nfor Tuesday", "Hi"))
    assert message["Subject"] == "Thank you for Tuesday"


def test_eml_without_address_leaves_to_empty_and_rejects_non_addresses():
    assert parse_eml(eml_bytes(NAME, "", SUBJECT, BODY))["To"] is None
    with pytest.raises(ValueError):
        eml_bytes(NAME, "not an address", SUBJECT, BODY)
    with pytest.raises(ValueError):
        eml_bytes(NAME, "a@example.com\nBcc: b@example.com", SUBJECT, BODY)


def test_docx_opens_with_the_letter_in_unicode():
    body = "Dear Zoë Ångström-Núñez,\n\nThank you, Szczepański.\nSecond line\x0b.\n\nBest,\nSam"
    data = letter_docx(body, title="Note for Zoë", handwritten=True, paper="a4")
    assert data[:2] == b"PK"
    document = docx.Document(io.BytesIO(data))
    assert [p.text for p in document.paragraphs] == [
        "Dear Zoë Ångström-Núñez,",
        "Thank you, Szczepański.\nSecond line.",
        "Best,\nSam",
    ]
    assert document.core_properties.title == "Note for Zoë"
    assert round(document.sections[0].page_width.mm) == 210


def test_file_name_is_plain_ascii():
    assert (
        file_name("Thank-you", "Zoë Ångström/../Núñez", extension=".eml")
        == "thank-you-zoe-angstrom-nunez.eml"
    )
    assert file_name("", extension="docx") == "letter.docx"


def test_the_email_draft_really_carries_the_chosen_work_sample():
    import email
    from email import policy

    from followup.letters.handoff import Attachment

    data = eml_bytes(
        "Priya Raman",
        "priya@northwind.example",
        "Thank you",
        "Hi Priya,\n\nThe deck is attached.",
        attachments=[Attachment("churn déck.pdf", b"%PDF-1.4 sample", "application/pdf")],
    )
    message = email.message_from_bytes(data, policy=policy.default)
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "churn déck.pdf"
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_content() == b"%PDF-1.4 sample"
    assert "The deck is attached." in message.get_body(("plain",)).get_content()
    assert data.isascii()
