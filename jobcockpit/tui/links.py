"""Phone numbers and e-mail addresses as terminal hyperlinks (OSC 8).

A terminal that knows hyperlinks lets the user click a number to dial it
(`tel:`) or an address to write to it (`mailto:`); one that does not shows
the text alone. The text comes from the user or an imported file, so it is
shown literally (never as markup), and the link target is built only from
what survives checking: the E.164 form of a number the phone library can
read, and an address percent-encoded down to plain ASCII, so no `[`, `]`,
quote, space or control character ever reaches the terminal inside a link.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote

from textual.content import Content
from textual.style import Style

from jobcockpit.core.text import plain

_MAILTO_SAFE = "@.-_+~"


@lru_cache(maxsize=1024)
def _parsed(phone: str, region: str | None) -> tuple[str, str] | None:
    """(international format, E.164) of a number that can be read, else None."""
    import phonenumbers

    for hint in (None, region) if region else (None,):
        try:
            number = phonenumbers.parse(phone, hint)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(number):
            formats = phonenumbers.PhoneNumberFormat
            return (
                str(phonenumbers.format_number(number, formats.INTERNATIONAL)),
                str(phonenumbers.format_number(number, formats.E164)),
            )
    return None


def formatted_phone(phone: str, region: str | None = None) -> str:
    """The number written the international way when it can be read, else as typed."""
    parsed = _parsed(phone, region)
    return parsed[0] if parsed is not None else plain(phone)


def tel_target(phone: str | None, region: str | None = None) -> str | None:
    """`tel:+12125550100`, or None for a number that cannot be read."""
    if not phone:
        return None
    parsed = _parsed(phone, region)
    if parsed is None or not parsed[1][1:].isdigit():
        return None
    return f"tel:{parsed[1]}"


def mailto_target(email: str | None) -> str | None:
    """`mailto:` and the address percent-encoded, or None when it has no
    shape of an address (nothing either side of the last `@`)."""
    address = plain(email).strip()
    local, at, domain = address.rpartition("@")
    if not at or not local or not domain or any(c.isspace() for c in address):
        return None
    return "mailto:" + quote(address, safe=_MAILTO_SAFE)


def linked(text: str, target: str | None, style: str = "") -> Content:
    """`text` shown literally, a hyperlink to `target` when there is one."""
    content = Content.styled(text, style) if style else Content(text)
    if target is None:
        return content
    return content.stylize(Style(link=target))


def phone_content(phone: str, region: str | None = None, style: str = "") -> Content:
    return linked(formatted_phone(phone, region), tel_target(phone, region), style)


def email_content(email: str, style: str = "") -> Content:
    return linked(plain(email), mailto_target(email), style)
