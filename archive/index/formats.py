"""How word positions are stored in the index: as packed little-endian 32-bit integers, so
that the positions of a whole posting list are decoded by numpy in one call (Whoosh's own
format pickles each document's list, which costs a quarter of a second for a phrase of two
common words at 100,000 records). Whoosh's own phrase and span queries read it as usual."""

from __future__ import annotations

from array import array
from sys import byteorder

from whoosh.formats import Positions


class PackedPositions(Positions):
    """Positions as packed uint32, in order; the frequency is their number."""

    def encode(self, poslist) -> bytes:
        packed = array("I", poslist)
        if byteorder != "little":
            packed.byteswap()
        return packed.tobytes()

    def decode_positions(self, valuestring: bytes) -> list[int]:
        packed = array("I")
        packed.frombytes(valuestring)
        if byteorder != "little":
            packed.byteswap()
        return packed.tolist()

    def decode_frequency(self, valuestring: bytes) -> int:
        return len(valuestring) // 4

    def decode_weight(self, valuestring: bytes) -> float:
        return self.decode_frequency(valuestring) * self.field_boost

    def decode_position_boosts(self, valuestring: bytes) -> list[tuple[int, float]]:
        return [(pos, 1) for pos in self.decode_positions(valuestring)]

    def combine(self, vs) -> bytes:
        s: set[int] = set()
        for v in vs:
            s.update(self.decode_positions(v))
        return self.encode(sorted(s))
