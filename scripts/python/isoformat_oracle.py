"""Oracle for src/timestamps: pynenc's own timestamp reader, on the Python pynenc runs on (.venv, 3.12+).

Run with the venv's Python (test/support/pynenc-python.ts): `pynenc.trigger.monitoring._parse_timestamp`
is the reader every pynenc timestamp field goes through (`datetime.fromisoformat`, naive -> UTC).
Request on stdin (JSON), reply on stdout (JSON, ASCII-escaped so lone surrogates survive).

  {"mode": "read", "values": [...]}
      For each value, what pynenc's `_parse_timestamp(value)` does, then `isoformat()`. Reply per value:
        {"ok": true, "iso": ..., "fields": [y, m, d, H, M, S, us], "offset_micros": int,
         "epoch_micros": "<int>", "epoch_millis_floor": "<int>"}
      or {"ok": false, "category": ..., "error": "<type>: <message>"}.
      A falsy value ("", None, 0, False, [], {}) never reaches fromisoformat in pynenc: `_parse_timestamp`
      gives "now" and `_parse_timestamp_optional` None (that rule is src/codec's; the oracle checks that pynenc
      still does it). src/timestamps reads only the text, so for such a value the verdict is that of
      `datetime.fromisoformat` itself, the function pynenc's reader calls, and the reply says
      "pynenc_default": true.
  {"mode": "sort", "lists": [[...], ...]}
      For each list, the indices of `sorted()` of its parsed datetimes (Python's stable sort,
      aware comparison).
  {"mode": "compare", "pairs": [[a, b], ...]}
      For each pair, -1 / 0 / 1 from Python's < and == on the parsed datetimes.
  {"mode": "format", "items": [["<epoch micros>", offset_micros], ...]}
      For each, isoformat() of the instant at that fixed offset (the local time is epoch + offset, as
      `astimezone` computes it), or the error (OverflowError when the local date leaves 1..9999).
"""

import json
import sys
from datetime import datetime, timedelta, timezone

from pynenc.trigger import monitoring

UTC = timezone.utc
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
EPOCH_NAIVE = datetime(1970, 1, 1)


def category(exc):
    """Map Python's exception to the family our TimestampError codes name; unknown ones are fatal."""
    msg = str(exc)
    if isinstance(exc, TypeError) and msg == "fromisoformat: argument must be str":
        return "not_a_string"
    if isinstance(exc, OverflowError):
        return "overflow"
    if isinstance(exc, ValueError):
        if msg.startswith("Invalid isoformat string: "):
            return "invalid_format"
        if msg.startswith("year ") and msg.endswith(" is out of range"):
            return "year_out_of_range"
        if msg == "month must be in 1..12":
            return "month_out_of_range"
        if msg == "day is out of range for month":
            return "day_out_of_range"
        if msg == "hour must be in 0..23":
            return "hour_out_of_range"
        if msg == "minute must be in 0..59":
            return "minute_out_of_range"
        if msg == "second must be in 0..59":
            return "second_out_of_range"
        if msg.startswith("offset must be a timedelta strictly between"):
            return "offset_out_of_range"
    raise RuntimeError(f"unclassified Python error {type(exc).__name__}: {msg}") from exc


def micros(delta):
    return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds


class PynencDefault(Exception):
    """Raised by the patched clock: pynenc's reader took its "now" default instead of parsing."""


def _no_clock():
    raise PynencDefault()


# pynenc's `_parse_timestamp` calls the module's `_now_utc()` for a falsy value; patched here so such a value is
# seen (PynencDefault) rather than turned into the time of the run.
monitoring._now_utc = _no_clock


def read(value):
    """pynenc's reader. For a falsy value it checks pynenc's default rule, then raises fromisoformat's error."""
    try:
        return monitoring._parse_timestamp(value)
    except PynencDefault:
        if monitoring._parse_timestamp_optional(value) is not None:
            raise RuntimeError(f"pynenc's optional reader kept the falsy value {value!r}") from None
        datetime.fromisoformat(value)
        raise RuntimeError(f"fromisoformat read the falsy value {value!r}") from None


def describe_read(value):
    try:
        dt = read(value)
    except Exception as exc:  # noqa: BLE001 - every failure is reported, classified
        reply = {"ok": False, "category": category(exc), "error": f"{type(exc).__name__}: {exc}"}
        if not value:
            reply["pynenc_default"] = True
        return reply
    epoch = micros(dt - EPOCH)
    return {
        "ok": True,
        "iso": dt.isoformat(),
        "fields": [dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second, dt.microsecond],
        "offset_micros": micros(dt.utcoffset()),
        "epoch_micros": str(epoch),
        "epoch_millis_floor": str(epoch // 1000),
    }


def describe_format(epoch_micros, offset_micros):
    try:
        tz = timezone(timedelta(microseconds=offset_micros))
        local = EPOCH_NAIVE + timedelta(microseconds=int(epoch_micros) + offset_micros)
        dt = local.replace(tzinfo=tz)
        assert micros(dt - EPOCH) == int(epoch_micros)
        return {"ok": True, "iso": dt.isoformat()}
    except Exception as exc:  # noqa: BLE001
        return {"ok": False, "category": category(exc), "error": f"{type(exc).__name__}: {exc}"}


def sign(a, b):
    return -1 if a < b else (0 if a == b else 1)


def main():
    request = json.loads(sys.stdin.read())
    mode = request["mode"]
    if mode == "read":
        reply = [describe_read(v) for v in request["values"]]
    elif mode == "sort":
        reply = []
        for values in request["lists"]:
            parsed = [read(v) for v in values]
            reply.append(sorted(range(len(parsed)), key=lambda i: parsed[i]))
    elif mode == "compare":
        reply = [sign(read(a), read(b)) for a, b in request["pairs"]]
    elif mode == "format":
        reply = [describe_format(e, o) for e, o in request["items"]]
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    sys.stdout.write(json.dumps(reply))


if __name__ == "__main__":
    main()
