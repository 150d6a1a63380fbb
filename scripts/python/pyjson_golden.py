"""Golden oracle for src/pyjson: what Python's own json module does with each case.

Run with the venv's Python (test/support/pynenc-python.ts): the json module of the Python pynenc runs on (3.12+),
which is what writes and reads pynenc's monitoring records.

Reads one JSON request on stdin: {"mode": ..., "cases": [...]}; writes one JSON
array of results on stdout (ASCII, so any text survives the pipe).

modes:
  roundtrip  case = document text; result {"ok": json.dumps(json.loads(text))}
             or {"error": exception type, "msg": JSONDecodeError.msg or str(e), "pos": index or null}
  floatrepr  case = a float literal; result json.dumps(float(case))
  dumps      case = {"text": document, "wrap": bool}; result json.dumps of the loaded value
             (wrapped in a list when wrap), to test values inside containers
"""
import json
import sys


def roundtrip(text):
    try:
        value = json.loads(text)
    except json.JSONDecodeError as e:
        return {"error": "JSONDecodeError", "msg": e.msg, "pos": e.pos}
    except (ValueError, RecursionError) as e:
        return {"error": type(e).__name__, "msg": str(e), "pos": None}
    return {"ok": json.dumps(value)}


def main():
    request = json.load(sys.stdin)
    mode = request["mode"]
    cases = request["cases"]
    if mode == "roundtrip":
        out = [roundtrip(c) for c in cases]
    elif mode == "floatrepr":
        out = [json.dumps(float(c)) for c in cases]
    elif mode == "dumps":
        out = []
        for c in cases:
            value = json.loads(c["text"])
            out.append(json.dumps([value] if c["wrap"] else value))
    else:
        raise SystemExit("unknown mode %r" % mode)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
