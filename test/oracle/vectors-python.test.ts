/**
 * What Python writes: every valid vector of EventRecord, TriggerRunRecord and TriggerRunParticipant goes through
 * pynenc's own from_json -> to_json (scripts/python/vectors_python.py; Python reads the vector file itself), and
 * the text must equal our toJson of the document byte for byte. EventMarker and EventMarkerPage have no JSON form
 * in pynenc (no to_json / from_json), so they are not here.
 *
 * EventRecord goes through two apps: pynenc's defaults (payload values pass client_data_store.deserialize ->
 * serialize with JsonPickleSerializer, as in a real app) and an app whose serializer leaves the wire strings as
 * they are (the one piece that is not pynenc's). The record must be ours with the pass-through app; where the
 * default serializer rewrites payload values, the test lists the vector with what it rewrote, and checks that
 * everything but the payload is still byte for byte ours. Vectors pynenc cannot read at all are listed with the
 * reason, and the list is checked against what Python does (an entry that starts working fails the test).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toJson, type DtoName } from '../../src';
import { parsePythonJson, type PyJsonObject } from '../../src/pyjson';
import { VECTORS_DIR, loadVectors } from '../support/vectors';
import { runOracle } from '../support/pynenc-python';

type Outcome = { ok: string } | { error: string; msg: string };
interface PythonResult {
  dto: DtoName;
  path: string;
  results: Record<string, Outcome>;
}

const DTOS: DtoName[] = ['EventRecord', 'TriggerRunRecord', 'TriggerRunParticipant'];

/**
 * Valid vectors pynenc cannot read back, and why. Each must still fail in Python with the error named here.
 */
const PYNENC_CANNOT: Record<string, { error: string; reason: string }> = {
  'EventRecord/valid/payload-reference.json': {
    error: 'KeyError',
    reason:
      'a payload value that is a client-data reference key is resolved through the store on read ' +
      '(BaseClientDataStore.resolve); the vector names a key nothing stored, and a stored value would be ' +
      'written back under the sha256 key of its text, not under this made-up one',
  },
};

/**
 * Valid vectors whose payload pynenc's default app (JsonPickleSerializer) does not write back as it is, and why.
 * The pass-through app still writes them as we do (above); the payload values are the data store's business.
 */
const DEFAULT_APP_REWRITES: Record<string, { outcome: RegExp; reason: string }> = {
  'EventRecord/valid/unicode-payload.json': {
    outcome: /^ReaderError: unacceptable character #x0001/,
    reason:
      'payload "ctrl" holds raw control characters inside a JSON string: json.loads (strict) refuses them, ' +
      "jsonpickle.loads then falls back to its YAML backend, which refuses U+0001; pynenc's own serializer " +
      'never writes such text (json.dumps escapes control characters)',
  },
};

const files = loadVectors()
  .filter((v) => v.kind === 'valid' && (DTOS as string[]).includes(v.dto))
  .map((v) => ({ file: v.file, dto: v.dto as DtoName, path: join(VECTORS_DIR, v.file) }));

/** Our toJson of the vector's document, read with Python's JSON rules (1.0 stays a float, big ints exact). */
function ours(dto: DtoName, path: string): string {
  const body = parsePythonJson(readFileSync(path, 'utf8')) as PyJsonObject;
  return toJson(dto, body.document as never);
}

function withoutPayload(text: string): unknown {
  const { payload: _payload, ...rest } = JSON.parse(text) as Record<string, unknown>;
  return rest;
}

describe('the valid vectors are what pynenc writes', () => {
  let python: Map<string, PythonResult>;

  beforeAll(() => {
    const reply = runOracle<PythonResult[]>('vectors_python.py', {
      files: files.map(({ dto, path }) => ({ dto, path })),
    });
    python = new Map(reply.map((r, i) => [files[i]!.file, r]));
  }, 60_000);

  it('covers every valid vector of the three DTOs pynenc writes as JSON', () => {
    expect(files.length).toBeGreaterThanOrEqual(50);
    for (const dto of DTOS) expect(files.filter((f) => f.dto === dto).length).toBeGreaterThan(5);
    expect(python.size).toBe(files.length);
  });

  it.each(files.filter((f) => f.dto !== 'EventRecord' && !(f.file in PYNENC_CANNOT)).map((f) => [f.file, f] as const))(
    '%s: pynenc from_json -> to_json gives our toJson byte for byte',
    (_file, { file, dto, path }) => {
      expect(python.get(file)!.results.pynenc).toEqual({ ok: ours(dto, path) });
    },
  );

  it.each(files.filter((f) => f.dto === 'EventRecord' && !(f.file in PYNENC_CANNOT)).map((f) => [f.file, f] as const))(
    '%s: pynenc EventRecord.from_json -> to_json gives our toJson byte for byte',
    (_file, { file, path }) => {
      const { passthrough, default: real } = python.get(file)!.results;
      const text = ours('EventRecord', path);
      expect(passthrough).toEqual({ ok: text });
      // pynenc's default app: the record is ours, except payload values its serializer rewrites (listed below).
      if ('ok' in real!) expect(withoutPayload(real.ok)).toEqual(withoutPayload(text));
    },
  );

  it("lists the vectors whose payload pynenc's default serializer rewrites or refuses", () => {
    const rewritten: Record<string, string> = {};
    for (const f of files.filter((x) => x.dto === 'EventRecord' && !(x.file in PYNENC_CANNOT))) {
      const real = python.get(f.file)!.results.default!;
      const text = ours('EventRecord', f.path);
      if ('error' in real) rewritten[f.file] = `${real.error}: ${real.msg}`;
      else if (real.ok !== text) {
        const mine = (JSON.parse(text) as { payload: Record<string, string> }).payload;
        const theirs = (JSON.parse(real.ok) as { payload: Record<string, string> }).payload;
        const changed = Object.keys(mine).filter((k) => mine[k] !== theirs[k]);
        const show = (k: string) => `${k}: ${JSON.stringify(mine[k])} -> ${JSON.stringify(theirs[k])}`;
        rewritten[f.file] = changed.map(show).join('; ');
      }
    }
    // Payload values are the client data store's business (src/datastore), not the record codec's: this is what
    // a Python round trip through a real app does to them.
    expect(Object.keys(rewritten).sort()).toEqual(Object.keys(DEFAULT_APP_REWRITES).sort());
    for (const [file, what] of Object.entries(DEFAULT_APP_REWRITES)) expect(rewritten[file]).toMatch(what.outcome);
  });

  it.each(Object.entries(PYNENC_CANNOT))('%s: pynenc cannot read it back', (file, { error }) => {
    const results = python.get(file)!.results;
    for (const outcome of Object.values(results)) expect(outcome).toMatchObject({ error });
  });
});
