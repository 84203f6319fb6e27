"""A draft as a `mailto:` link (RFC 6068), for the user's mail program.

The link carries the address, the subject and the body. Everything outside
the characters RFC 6068 lets stand is percent-encoded from UTF-8, line breaks
become CRLF (`%0D%0A`) as the RFC asks, and a space is `%20`, never `+`
(mail programs do not read `+` as a space). A name or note from an imported
file therefore cannot add a header (`&cc=`) or end the link early.
"""

from __future__ import annotations

from urllib.parse import quote

from jobcockpit.core.drafts import Draft

_ADDRESS_SAFE = "@!$'()*+,;:"
"""RFC 6068's `some-delims` and `@`: these may stand in the address part; `%`,
`?`, `#`, `&`, `=` and `/` may not."""


def mailto_address(address: str) -> str | None:
    """The address percent-encoded for the part before `?`, or None for text
    with no shape of an address (nothing either side of the last `@`, spaces
    or control characters)."""
    address = address.strip()
    local, at, domain = address.rpartition("@")
    if not at or not local or not domain:
        return None
    if any(c.isspace() or not c.isprintable() for c in address):
        return None
    return quote(address, safe=_ADDRESS_SAFE)


def _field(value: str) -> str:
    crlf = "\r\n".join(value.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return quote(crlf, safe="")


def mailto_link(draft: Draft) -> str:
    """`mailto:dana@acme.example?subject=...&body=...`; without a usable address the
    link has none, and the mail program asks for it."""
    target = mailto_address(draft.to) if draft.to else None
    return f"mailto:{target or ''}?subject={_field(draft.subject)}&body={_field(draft.body)}"
