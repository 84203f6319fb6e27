"""A draft as a mailto: link (RFC 6068): what a mail program decodes is
exactly the draft, and nothing in a name or a note can add a header."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

from jobcockpit.core.drafts import Draft, DraftKind
from jobcockpit.formats.mailto import mailto_address, mailto_link


def decoded(link: str) -> tuple[str, dict[str, list[str]]]:
    parts = urlsplit(link)
    assert parts.scheme == "mailto"
    return unquote(parts.path), parse_qs(parts.query, keep_blank_values=True)


def test_subject_and_body_come_back_exactly_with_crlf_line_breaks() -> None:
    draft = Draft(
        DraftKind.THANK_YOU,
        subject="Thank you & see you: Müller <R&D>",
        body="Dear Dana,\n\n100% sure?&cc=boss@example.com #1\nBest, Sam+Lee",
        to="dana.ruiz+jobs@acme.example",
    )

    link = mailto_link(draft)
    address, fields = decoded(link)

    assert link.startswith("mailto:dana.ruiz+jobs@acme.example?subject=")
    assert " " not in link and "\n" not in link
    assert "%0D%0A" in link
    assert address == "dana.ruiz+jobs@acme.example"
    assert set(fields) == {"subject", "body"}
    assert fields["subject"] == ["Thank you & see you: Müller <R&D>"]
    assert fields["body"] == [
        "Dear Dana,\r\n\r\n100% sure?&cc=boss@example.com #1\r\nBest, Sam+Lee"
    ]


def test_an_address_that_could_end_the_link_is_encoded_or_left_out() -> None:
    assert mailto_address("a?b#c%d@x.example") == "a%3Fb%23c%25d@x.example"
    assert mailto_address("not an address") is None
    assert mailto_address("@x.example") is None
    link = mailto_link(Draft(DraftKind.EMAIL, "Hi", "Body", to="nobody"))
    assert link == "mailto:?subject=Hi&body=Body"
