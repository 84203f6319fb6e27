"""What the phone library makes of a number: impossible ones are refused
with the reason, unusual ones kept and marked."""

from __future__ import annotations

import pytest
from phonenumbers import PhoneNumber

from jobcockpit.core.phones import ImpossiblePhoneError, PhoneCheck, check_phone


@pytest.mark.parametrize(
    ("number", "country"),
    [
        ("+1 212 555 0100", None),
        ("+49 30 1234567", None),
        ("+44 20 7946 0000", "US"),
        ("030 1234567", "DE"),
    ],
)
def test_numbers_in_use_pass(number: str, country: str | None) -> None:
    assert check_phone(number, country) == PhoneCheck()


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        ("+99 123456789012345678", "has no country code after the +"),
        ("+1 212 555 01000", "is too long for a number in US"),
        ("+49 1", "is too short for a phone number"),
        ("+1 720 555 0", "is too short for a number in US: the area code is missing"),
    ],
)
def test_impossible_numbers_are_refused_with_the_reason(number: str, reason: str) -> None:
    with pytest.raises(ImpossiblePhoneError) as raised:
        check_phone(number)
    assert raised.value.reason == reason
    assert str(raised.value) == f"“{number}” {reason}"
    assert isinstance(raised.value, ValueError)


@pytest.mark.parametrize(
    ("number", "country", "unusual"),
    [
        ("+1 200 555 0100", None, "not a number in use in US as far as the phone library knows"),
        ("555 0100", "US", "only dialable locally: add the area code"),
        ("030 1234567", None, "no country code (+...) and no country: cannot be checked"),
    ],
)
def test_unusual_numbers_are_kept_with_a_mark(
    number: str, country: str | None, unusual: str
) -> None:
    assert check_phone(number, country).unusual == unusual


def _numbers_to_compare() -> list[PhoneNumber]:
    """The library's example numbers of every region and type, and variations
    of each (other last digits, one digit fewer or more) that fall in other
    ranges, other types or none."""
    import phonenumbers

    texts: set[str] = set()
    regions = sorted(phonenumbers.SUPPORTED_REGIONS)
    codes = sorted(phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS)
    for region in regions:
        for kind in range(12):
            example = phonenumbers.example_number_for_type(region, kind)
            if example is not None:
                texts.add(phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164))
    for code in codes:
        example = phonenumbers.example_number_for_non_geo_entity(code)
        if example is not None:
            texts.add(phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164))
    for text in sorted(texts):
        for digit in "0159":
            texts.add(text[:-1] + digit)
        texts.add(text[:-1])
        texts.add(text + "7")
        texts.add(text[:4] + "0" + text[5:])
    numbers = []
    for text in sorted(texts):
        try:
            numbers.append(phonenumbers.parse(text, None))
        except phonenumbers.NumberParseException:
            continue
    return numbers


def test_region_and_zones_answer_as_the_phone_library_does() -> None:
    import phonenumbers
    from phonenumbers import timezone

    from jobcockpit.core.phones import region_and_zones

    numbers = _numbers_to_compare()
    assert len(numbers) > 5000
    for number in numbers:
        expected = (
            phonenumbers.region_code_for_number(number),
            list(timezone.time_zones_for_number(number)),
        )
        assert region_and_zones(number) == expected, number
