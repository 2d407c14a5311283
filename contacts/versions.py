"""Version vectors: per origin replica, how many of its updates are held.

Every update has an origin replica and a sequence number (1, 2, 3 ... per origin).
``VersionVector[origin] == n`` means updates 1..n of that origin are all held, so a
peer can be asked for exactly "everything past this vector".
"""


class VersionVector(dict):
    """``{origin_replica_id: highest contiguous sequence number held}``."""

    @classmethod
    def from_wire(cls, data):
        """Rebuild from a wire dict (serializers turn int keys into strings)."""
        if data is None:
            return cls()
        if not isinstance(data, dict):
            from .errors import WrongTypeError
            raise WrongTypeError("version vector", f"must be a dict, not {type(data).__name__}")
        vector = cls()
        for origin, seq in data.items():
            # strict on purpose: int(1.5), int(True) or int(inf) would pass or escape as
            # bare OverflowErrors; origins are ints or their strings, sequence numbers ints
            if isinstance(origin, str) and origin.isdigit() and origin.isascii():
                origin = int(origin)
            if (isinstance(origin, bool) or not isinstance(origin, int) or isinstance(seq, bool)
                    or not isinstance(seq, int) or not 1 <= origin < 2 ** 31 or not 0 <= seq < 2 ** 53):
                from .errors import ValidationError
                raise ValidationError("version vector", f"bad entry {origin!r:.40}: {seq!r:.40}; "
                                                        "want {replica id: sequence number}")
            vector[origin] = seq
        return vector

    def to_wire(self):
        return {str(origin): seq for origin, seq in self.items()}

    def covers(self, other):
        """True if this vector holds everything ``other`` holds."""
        return all(self.get(origin, 0) >= seq for origin, seq in other.items())

    def missing_from(self, other):
        """How many updates ``other`` holds that this vector lacks."""
        return sum(max(seq - self.get(origin, 0), 0) for origin, seq in other.items())

    def merged(self, other):
        result = VersionVector(self)
        for origin, seq in other.items():
            result[origin] = max(result.get(origin, 0), seq)
        return result
