"""Which characters a CSV file's bytes stand for: settled by the file (a
byte-order mark, valid UTF-8) or by the user, guessed only when no other code
page reads the file differently, and never silently wrong between the
Windows code pages."""

from __future__ import annotations

import pytest

from jobcockpit.formats.refusal import ImportRefused
from jobcockpit.formats.spreadsheet.encodings import decode, encoding_name

CZECH = (
    "Company,Position,Date Applied\nDvořák s.r.o.,Účetní,10.11.2026\nŘíha a syn,Řidič,11.11.2026\n"
)
POLISH = (
    "Company,Position,Date Applied,Contact\n"
    "Łódź Logistyka,Księgowa,04.11.2026,Paweł Wójcik\n"
    "Żabka Polska,Kierownik sklepu,05.11.2026,Małgorzata Kęska\n"
)
GERMAN = (
    "Company,Position,Date Applied\n"
    "Müller & Söhne GmbH,Lagerist,10.11.2026\n"
    "Jürgen Weiß KG,Fahrer,11.11.2026\n"
)


def refusal(data: bytes) -> str:
    with pytest.raises(ImportRefused) as caught:
        decode(data)
    (problem,) = caught.value.problems
    return problem


def test_utf8_with_or_without_its_mark_and_utf16_are_certain() -> None:
    for data, name in (
        (GERMAN.encode("utf-8"), "UTF-8"),
        (GERMAN.encode("utf-8-sig"), "UTF-8"),
        (GERMAN.encode("utf-16"), "UTF-16"),
    ):
        decoded = decode(data)
        assert (decoded.text, decoded.encoding, decoded.guessed) == (GERMAN, name, False)
        assert decoded.describe() == name


def test_a_windows_file_that_every_plausible_code_page_reads_alike_is_guessed_with_confidence() -> (
    None
):
    decoded = decode(GERMAN.encode("cp1252"))

    assert decoded.text == GERMAN
    assert decoded.guessed
    assert decoded.encoding == "Windows-1252 (Western European)"
    assert decoded.confidence is not None and 50 <= decoded.confidence < 100
    assert (
        decoded.describe()
        == f"Windows-1252 (Western European), guessed: {decoded.confidence}% sure"
    )


def test_letters_only_one_code_page_has_make_the_guess() -> None:
    decoded = decode(POLISH.encode("cp1250"))

    assert decoded.text == POLISH
    assert decoded.encoding == "Windows-1250 (Central European)"
    assert decoded.guessed


def test_code_pages_that_read_a_file_differently_are_never_guessed_between() -> None:
    problem = refusal(CZECH.encode("cp1250"))

    assert "cannot be told for sure: on line 2" in problem
    assert "Windows-1250 (Central European) reads 'Dvořák s.r.o.,Účetní,10.11.2026'" in problem
    assert "Windows-1252 (Western European) reads 'Dvoøák s.r.o.,Úèetní,10.11.2026'" in problem
    assert "--encoding cp1250" in problem and "--encoding cp1252" in problem


def test_cyrillic_and_greek_are_told_apart_or_asked_about() -> None:
    assert decode("Company\nΑθήνα Α.Ε.\n".encode("cp1253")).text == "Company\nΑθήνα Α.Ε.\n"
    problem = refusal("Company,Position\nЯндекс,Аналитик\n".encode("cp1251"))
    assert "Windows-1251 (Cyrillic) reads 'Яндекс,Аналитик'" in problem


def test_the_encoding_told_is_used_as_told() -> None:
    decoded = decode(CZECH.encode("cp1250"), "windows-1250")

    assert decoded.text == CZECH
    assert (decoded.encoding, decoded.guessed, decoded.codec) == (
        "Windows-1250 (Central European)",
        False,
        "cp1250",
    )


def test_bytes_that_do_not_fit_the_encoding_told_are_refused_by_line() -> None:
    with pytest.raises(ImportRefused) as caught:
        decode(b"Company\nAcme\n\xff\xfe\x81 Tools\n", "utf-8")

    assert caught.value.problems == (
        "line 3: byte 0xFF is not UTF-8 text; the file is in another encoding "
        "(leave out --encoding to have it guessed)",
    )


def test_an_unknown_encoding_name_says_what_to_write() -> None:
    with pytest.raises(ValueError, match=r"'klingon' is not an encoding; e\.g\. utf-8, cp1250"):
        encoding_name("klingon")
    assert encoding_name("Windows-1250") == "cp1250"
    assert encoding_name("latin2") == "iso8859_2"


def test_a_file_no_encoding_reads_cleanly_is_refused() -> None:
    mixed = "Company\nMüller\n".encode() + "Café\n".encode("cp1252")

    problem = refusal(mixed)

    assert problem.startswith("the file is not UTF-8 and no encoding reads it cleanly")
    assert "--encoding NAME" in problem


def test_east_asian_files_are_guessed_by_charset_normalizer() -> None:
    text = (
        "Company,Position,Date Applied\n"
        "株式会社トヨタ,エンジニア,2026-11-10\n"
        "ソニー,デザイナー,2026-11-11\n"
    )

    decoded = decode(text.encode("cp932"))

    assert decoded.text == text
    assert decoded.guessed
