"""Is a phone number one that can be dialled?

The phone library knows, for every country, how long its numbers are and
which ranges are in use. A number it calls impossible (too short, too long,
an unknown country code) is refused where it is typed, with its reason: such
a number never rings anyone. A number of a possible length that falls in no
range in use (`is_valid_number` says no), or one that cannot be checked
because it has no country code and no country is known, is kept as typed but
marked, so the person looks at it again before calling (R1).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from phonenumbers import PhoneNumber


class ImpossiblePhoneError(ValueError):
    """A number no phone can have; `reason` says why without quoting it."""

    def __init__(self, text: str, reason: str) -> None:
        self.reason = reason
        super().__init__(f"“{text.strip()}” {reason}")


@dataclass(frozen=True, slots=True)
class PhoneCheck:
    """What the phone library makes of a number."""

    unusual: str | None = None
    """Why the number may not ring, when it is kept but marked; None when it is
    a number in use."""


_REASONS = {
    "INVALID_COUNTRY_CODE": "{code} is not a country code",
    "TOO_SHORT": "too short for a number in {country}",
    "TOO_LONG": "too long for a number in {country}",
    "INVALID_LENGTH": "not a length any number in {country} has",
}


@lru_cache(maxsize=4096)
def check_phone(text: str, country: str | None = None) -> PhoneCheck:
    """Check a number typed with its country code (+1 ...) or, when `country`
    (two letters) is known, as dialled within that country. Raises
    `ImpossiblePhoneError` (a `ValueError`) with the reason when it is impossible."""
    import phonenumbers

    reason = phonenumbers.ValidationResult
    region = country.upper() if country else None
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as error:
        if error.error_type == phonenumbers.NumberParseException.INVALID_COUNTRY_CODE:
            if text.strip().startswith("+"):
                raise ImpossiblePhoneError(text, "has no country code after the +") from None
            return PhoneCheck("no country code (+...) and no country: cannot be checked")
        if error.error_type == phonenumbers.NumberParseException.TOO_SHORT_NSN:
            raise ImpossiblePhoneError(text, "is too short for a phone number") from None
        if error.error_type == phonenumbers.NumberParseException.TOO_LONG:
            raise ImpossiblePhoneError(text, "is too long for a phone number") from None
        raise ImpossiblePhoneError(text, "is not a number the phone library can read") from None
    possible = phonenumbers.is_possible_number_with_reason(number)
    if possible not in (reason.IS_POSSIBLE, reason.IS_POSSIBLE_LOCAL_ONLY):
        where = phonenumbers.region_code_for_number(number)
        name = _REASONS.get(_name_of(possible), "not a possible number in {country}")
        said = name.format(code=f"+{number.country_code}", country=_country(where, number))
        raise ImpossiblePhoneError(text, f"is {said}")
    if possible == reason.IS_POSSIBLE_LOCAL_ONLY:
        if text.strip().startswith("+"):
            where = _country(phonenumbers.region_code_for_number(number), number)
            raise ImpossiblePhoneError(
                text, f"is too short for a number in {where}: the area code is missing"
            )
        return PhoneCheck("only dialable locally: add the area code")
    if not phonenumbers.is_valid_number(number):
        where = _country(phonenumbers.region_code_for_number(number), number)
        return PhoneCheck(f"not a number in use in {where} as far as the phone library knows")
    return PhoneCheck()


def _name_of(result: int) -> str:
    import phonenumbers

    for name in ("INVALID_COUNTRY_CODE", "TOO_SHORT", "TOO_LONG", "INVALID_LENGTH"):
        if getattr(phonenumbers.ValidationResult, name) == result:
            return name
    return ""


def _country(region: str | None, number: object) -> str:
    """The country a number belongs to, by its two letters."""
    import phonenumbers

    if region and region != "ZZ":
        return region
    code = getattr(number, "country_code", None)
    if not code:
        return "that country"
    main = phonenumbers.region_code_for_country_code(code)
    return main if main and main != "ZZ" else f"+{code}"


def region_and_zones(number: PhoneNumber) -> tuple[str | None, list[str]]:
    """`(region_code_for_number(number), time_zones_for_number(number))` of
    the phone library, with the number's type worked out once.

    The library's two functions each find the region, and the type of the
    number (checking its digits against every pattern of the region) up to
    three times between them: for a board's thousands of numbers this is most
    of what reading them costs. This follows their code in phonenumbers 9.0
    (which pyproject.toml pins), and tests/core/test_phones.py holds it to
    their answers over the library's example numbers and variations of them.
    """
    from phonenumbers import phonenumberutil as util
    from phonenumbers import timezone as phone_zones
    from phonenumbers.phonemetadata import PhoneMetadata
    from phonenumbers.re_util import re_compile

    unknown = util.PhoneNumberType.UNKNOWN
    code = cast(int, number.country_code)  # every parsed number has one
    regions = util.COUNTRY_CODE_TO_REGION_CODE.get(code)
    digits = util.national_significant_number(number)
    region: str | None = None
    kind: int | None = None
    if regions is not None and len(regions) == 1:
        region = regions[0]
    elif regions is not None:
        for candidate in regions:
            metadata = PhoneMetadata.metadata_for_region(candidate.upper(), None)
            if metadata is None:
                continue
            if metadata.leading_digits is not None:
                if re_compile(metadata.leading_digits).match(digits):
                    region = candidate
                    break
                continue
            found = util._number_type_helper(digits, metadata)
            if found != unknown:
                region, kind = candidate, found
                break
    if kind is None or region is None or region.upper() != region:
        # No region: no metadata, so the type is unknown (as the library finds).
        metadata = (
            None
            if region is None
            else PhoneMetadata.metadata_for_region_or_calling_code(code, region)
        )
        kind = unknown if metadata is None else util._number_type_helper(digits, metadata)
    if kind == unknown:
        zones = phone_zones._UNKNOWN_TIME_ZONE_LIST
    elif not util.is_number_type_geographical(kind, code):
        zones = phone_zones._country_level_time_zones_for_number(number)
    else:
        zones = phone_zones.time_zones_for_geographical_number(number)
    return region, list(zones)
