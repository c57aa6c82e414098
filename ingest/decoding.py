"""Plain text in any common encoding: BOM, UTF-8, UTF-16 and Windows-1256 decoded correctly."""

from __future__ import annotations

from dataclasses import dataclass

# High bytes of UTF-16 code units for Basic Latin and Latin-1, Latin Extended, Arabic,
# general punctuation and Arabic presentation forms.
_COMMON_HIGH_BYTES = (0x00, 0x01, 0x06, 0x20, 0xFB, 0xFC, 0xFD, 0xFE)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def utf16_without_bom(raw: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when bytes look like UTF-16 written without a BOM: the high
    byte of nearly every pair names a block our text lives in (Latin, Arabic, punctuation)."""
    raw = raw[: len(raw) - len(raw) % 2]
    if len(raw) < 8:
        return None
    for parity, name in ((1, "utf-16-le"), (0, "utf-16-be")):
        half = raw[parity::2]
        common = sum(half.count(b) for b in _COMMON_HIGH_BYTES)
        if common * 10 >= len(half) * 9:
            try:
                text = raw.decode(name)
            except UnicodeDecodeError:
                continue
            if all(ch.isprintable() or ch in "\r\n\t\f" for ch in text):
                return name
    return None


def decode(raw: bytes) -> Decoded:
    """Decode bytes as the encoding they were written in; never raises."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return Decoded(raw[3:].decode("utf-8", errors="replace"), "utf-8-sig")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Decoded(raw.decode("utf-16", errors="replace"), "utf-16")
    guess = utf16_without_bom(raw)
    if guess:
        return Decoded(raw.decode(guess, errors="replace"), guess)
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    # Windows-1256 puts Arabic letters where Windows-1252 puts accented Latin ones. Arabic
    # words are runs of high bytes; accents in Latin text stand alone among ASCII letters.
    high = [i for i, b in enumerate(raw) if b >= 0x80]
    in_runs = sum(
        1 for i in high if (i + 1 < len(raw) and raw[i + 1] >= 0x80) or (i and raw[i - 1] >= 0x80)
    )
    if in_runs * 2 > len(high):
        return Decoded(raw.decode("cp1256", errors="replace"), "cp1256")
    return Decoded(raw.decode("cp1252", errors="replace"), "cp1252")
