"""Which characters a CSV file's bytes stand for.

A spreadsheet saved as plain "CSV" on Windows is written in the machine's code
page, not UTF-8, and nothing in the file says which one. Windows-1250 and
Windows-1252 give the same bytes different letters (`ø` or `ř`), so a wrong
guess garbles names silently, and since ids are made from names, importing the
file again under the right guess would add every application twice. So the
reader never imports on a guess that another code page reads differently:

- a byte-order mark, or bytes that are valid UTF-8, settle it;
- `--encoding NAME` settles it;
- otherwise every Windows code page (and charset-normalizer's own best
  guesses) reads the file; readings that look garbled (letters of two scripts
  in one word, a symbol between letters, a word mostly made of accents) are
  dropped. One reading left (the code pages that agree count as one): that is
  the guess, shown with how sure it is. Several: the file is refused, showing
  a line as each reads it, and the user says which with `--encoding`.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from jobcockpit.formats.refusal import ImportRefused

WINDOWS_CODE_PAGES: dict[str, str] = {
    "cp1252": "Windows-1252 (Western European)",
    "cp1250": "Windows-1250 (Central European)",
    "cp1251": "Windows-1251 (Cyrillic)",
    "cp1253": "Windows-1253 (Greek)",
    "cp1254": "Windows-1254 (Turkish)",
    "cp1255": "Windows-1255 (Hebrew)",
    "cp1256": "Windows-1256 (Arabic)",
    "cp1257": "Windows-1257 (Baltic)",
    "cp1258": "Windows-1258 (Vietnamese)",
}
"""The code pages Excel writes a plain "CSV" in, the most common first: among
code pages that read a file the same, the first is named."""

_NAMES = {
    "utf_8": "UTF-8",
    "utf_8_sig": "UTF-8",
    "utf_16": "UTF-16",
    "utf_16_le": "UTF-16",
    "utf_16_be": "UTF-16",
    "latin_1": "Latin-1 (ISO-8859-1)",
    "iso8859_2": "ISO-8859-2 (Central European)",
    "iso8859_15": "ISO-8859-15 (Western European)",
    "mac_roman": "Mac Roman",
    "koi8_r": "KOI8-R (Russian)",
    "cp932": "Shift JIS (Japanese)",
    "shift_jis": "Shift JIS (Japanese)",
    "gb18030": "GB18030 (Chinese)",
    "gbk": "GBK (Chinese)",
    "big5": "Big5 (Chinese)",
    "euc_kr": "EUC-KR (Korean)",
}
_OTHER_GUESSES = 3
"""How many of charset-normalizer's own guesses are tried when no Windows code
page reads the file cleanly."""
_SHOWN_LINE = 60


@dataclass(frozen=True, slots=True)
class Decoded:
    """A file's text and how its encoding was known."""

    text: str
    encoding: str
    """The encoding's name for a person: "UTF-8", "Windows-1250 (Central European)"."""
    guessed: bool = False
    """True when neither the file nor the user said which encoding it is."""
    confidence: int | None = None
    """For a guess: how sure, in percent."""
    codec: str = "utf_8"
    """The encoding's name for `--encoding`."""

    def describe(self) -> str:
        """ "UTF-8", or "Windows-1252 (Western European), guessed: 96% sure"."""
        if not self.guessed:
            return self.encoding
        return f"{self.encoding}, guessed: {self.confidence}% sure"


def encoding_name(name: str) -> str:
    """The codec an `--encoding` value names ("cp1250", "windows-1250",
    "latin2"...); ValueError for a name Python does not know."""
    try:
        codec = codecs.lookup(name.strip()).name
    except LookupError:
        raise ValueError(
            f"{name!r} is not an encoding; e.g. utf-8, cp1250 (Central European), "
            "cp1251 (Cyrillic), cp1252 (Western European), utf-16"
        ) from None
    return codec.replace("-", "_")


def display_name(codec: str) -> str:
    canonical = codecs.lookup(codec).name.replace("-", "_")
    return WINDOWS_CODE_PAGES.get(canonical) or _NAMES.get(canonical) or canonical


def decode(data: bytes, told: str | None = None) -> Decoded:
    """The file's text. Raises `ImportRefused` when `told` does not fit the
    bytes, or when no encoding was told and the bytes leave it open."""
    if told is not None:
        return _as_told(data, encoding_name(told))
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "UTF-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(data.decode("utf-16", errors="replace"), "UTF-16", codec="utf_16")
    try:
        return Decoded(data.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError:
        pass
    return _guess(data)


def _as_told(data: bytes, codec: str) -> Decoded:
    body = data
    if codec in ("utf_8", "utf_8_sig") and data.startswith(codecs.BOM_UTF8):
        body = data[len(codecs.BOM_UTF8) :]
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as error:
        line = body[: error.start].count(b"\n") + 1
        byte = body[error.start : error.start + 1].hex().upper()
        raise ImportRefused(
            [
                f"line {line}: byte 0x{byte} is not {display_name(codec)} text; the file is "
                "in another encoding (leave out --encoding to have it guessed)"
            ]
        ) from None
    return Decoded(text.removeprefix("\ufeff"), display_name(codec), codec=codec)


# -- the guess -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Reading:
    codecs: tuple[str, ...]
    text: str
    garbled: int
    """Words that look garbled in this reading."""
    words: int
    """Words with a letter outside ASCII: the only ones readings disagree on."""


def _guess(data: bytes) -> Decoded:
    readings = _readings(data, list(WINDOWS_CODE_PAGES))
    plausible = _plausible(readings)
    if not plausible:
        # Not a Windows code page at all (UTF-16 without its mark, Shift JIS...):
        # charset-normalizer's own guesses.
        readings = _readings(data, _detected(data)[:_OTHER_GUESSES]) or readings
        plausible = _plausible(readings)
    if not plausible:
        raise ImportRefused([_unknown(readings)])
    if len(plausible) > 1:
        raise ImportRefused([_ambiguous(plausible)])
    (chosen,) = plausible
    codec = chosen.codecs[0]
    return Decoded(
        chosen.text,
        display_name(codec),
        guessed=True,
        confidence=_confidence(data, chosen),
        codec=codec,
    )


def _plausible(readings: Sequence[_Reading]) -> list[_Reading]:
    """The readings that look least garbled, if any looks clean enough."""
    if not readings:
        return []
    least = min(r.garbled for r in readings)
    allowed = max(1, min(r.words for r in readings) // 20)
    return [r for r in readings if r.garbled == least and least < allowed]


def _detected(data: bytes) -> list[str]:
    from charset_normalizer import from_bytes

    names: list[str] = []
    for match in from_bytes(data):
        try:
            names.append(encoding_name(match.encoding))
        except ValueError:
            continue
    return names


def _readings(data: bytes, candidates: Sequence[str]) -> list[_Reading]:
    """One reading per distinct text the candidates give, garbled or not."""
    texts: dict[str, list[str]] = {}
    for codec in candidates:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        texts.setdefault(text, []).append(codec)
    readings = []
    for text, names in texts.items():
        garbled, words = _garbled(text)
        readings.append(_Reading(tuple(names), text, garbled, words))
    return readings


_WORD = re.compile(r"[\w\u0300-\u036f]+")
"""Letters, digits and the combining accents on them."""


def _garbled(text: str) -> tuple[int, int]:
    """(words that look garbled, words with a non-ASCII character or beside
    one). Lines of ASCII alone read the same in every code page and are
    passed over; each distinct word is judged once."""
    garbled = words = 0
    judged: dict[tuple[str, str, str], bool] = {}
    for line in text.splitlines():
        if line.isascii():
            continue
        if any(_is_control(c) for c in line if not c.isascii()):
            return (1_000_000, 1)
        for match in _WORD.finditer(line):
            start, end = match.span()
            key = (line[max(0, start - 2) : start], match.group(), line[end : end + 2])
            if key[0].isascii() and key[1].isascii() and key[2].isascii():
                continue
            words += 1
            odd = judged.get(key)
            if odd is None:
                before, word, after = key
                odd = _odd(word) or _glued(before[::-1]) or _glued(after)
                judged[key] = odd
            garbled += odd
    return garbled, words


def _is_control(character: str) -> bool:
    return unicodedata.category(character) in ("Cc", "Co", "Cn") or character == "\ufffd"


_EAST_ASIAN = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HANGUL", "FULLWIDTH", "HALFWIDTH"})


def _script(character: str) -> str:
    """The script a letter belongs to; the scripts of East Asia count as one,
    since Japanese and Korean words mix them."""
    script = re.split(r"[ -]", unicodedata.name(character, ""), maxsplit=1)[0]
    return "CJK" if script in _EAST_ASIAN else script


def _odd(word: str) -> bool:
    """Letters of two scripts in one word, a digit or fraction of another
    script beside a letter, an accented capital inside a word that is not all
    capitals, or a Latin word of accented letters only."""
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return False
    if any(c.isnumeric() and not c.isascii() for c in word):
        return True
    scripts = {_script(c) for c in letters if not c.isascii()}
    scripts |= {"LATIN"} if any(c.isascii() for c in letters) else set()
    if len(scripts) > 1:
        return True
    if not word.isupper() and any(c.isupper() and not c.isascii() for c in word[1:]):
        return True
    return scripts == {"LATIN"} and len(letters) >= 4 and not any(c.isascii() for c in letters)


def _glued(beside: str) -> bool:
    """What stands next to a word, nearest first, shows the word garbled: a
    mark of another script on it, or a non-ASCII symbol with a letter on its
    far side ("M¸ller"), the byte of a letter read as a symbol."""
    if not beside or beside[0].isascii():
        return False
    category = unicodedata.category(beside[0])
    if category.startswith("M"):
        return _script(beside[0]) not in ("COMBINING", "LATIN")
    return category.startswith("S") and beside[1:2].isalpha()


def _confidence(data: bytes, chosen: _Reading) -> int:
    """How sure the guess is, in percent: how clean charset-normalizer finds the
    chosen reading, less the share of its words that still look odd. Never
    100: it is a guess."""
    from charset_normalizer import from_bytes

    clean = 1.0
    matches = from_bytes(data, cp_isolation=list(chosen.codecs))
    best = matches.best()
    if best is not None:
        clean = max(0.0, 1.0 - best.chaos)
    odd = chosen.garbled / chosen.words if chosen.words else 0.0
    return max(1, min(99, round(100 * clean * (1.0 - odd))))


def _line_where_they_differ(readings: Sequence[_Reading]) -> tuple[int, list[str]]:
    """The first line the readings disagree on, as each reads it, cut to a
    window around the first difference."""
    split = [r.text.splitlines() for r in readings]
    for index, lines in enumerate(zip(*split, strict=False)):
        if len(set(lines)) > 1:
            first = min(
                next(
                    (i for i, (a, b) in enumerate(zip(lines[0], other, strict=False)) if a != b), 0
                )
                for other in lines[1:]
            )
            start = max(0, first - _SHOWN_LINE // 3)
            return index + 1, [line[start : start + _SHOWN_LINE].strip() for line in lines]
    return 1, [r.text[:_SHOWN_LINE] for r in readings]


def _ambiguous(readings: Sequence[_Reading]) -> str:
    line, shown = _line_where_they_differ(readings)
    each = "; ".join(
        f"{display_name(r.codecs[0])} reads {text!r}"
        for r, text in zip(readings, shown, strict=True)
    )
    options = " or ".join(f"--encoding {r.codecs[0]}" for r in readings)
    return (
        f"the file is not UTF-8, and its encoding cannot be told for sure: on line {line}, "
        f"{each}; import again with {options}, whichever shows the names right"
    )


def _unknown(readings: Sequence[_Reading] = ()) -> str:
    sample = ""
    if readings:
        best = min(readings, key=lambda r: r.garbled)
        odd = _first_odd_line(best.text)
        if odd is not None:
            number, text = odd
            sample = f" (line {number} reads {text!r} as {display_name(best.codecs[0])})"
    return (
        "the file is not UTF-8 and no encoding reads it cleanly" + sample + "; save it as "
        "CSV UTF-8, or say its encoding with --encoding NAME (e.g. cp1250, cp1251, cp1252)"
    )


def _first_odd_line(text: str) -> tuple[int, str] | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if _garbled(line)[0]:
            return number, line.strip()[:_SHOWN_LINE]
    return None
