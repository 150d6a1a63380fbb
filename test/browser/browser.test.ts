/**
 * The package root and the data store in a real browser: Debian's chromium (apt, installed by .ci/run) driven by
 * playwright-core (no browser download), on a page served from a loopback http server under the CSP
 * `default-src 'none'; script-src 'self'` (no eval, no inline script, no fetch). The page's only script is an
 * esbuild bundle (platform browser, minified) of a program importing the package as a browser app would. It
 * validates, reads with fromJson and writes with toJson the texts the installed pynenc wrote (byte-identical),
 * encodes an EventRecord into a MemoryStore and reads it back, and reports a thrown error's name (fixed strings,
 * whatever the minifier renamed). Expected values: pynenc for the texts, this Node process for the rest.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { fromJson, schemas, validate, type DtoName } from '../../src';
import {
  ClientDataStore,
  MemoryStore,
  decodeEventRecord,
  encodeEventRecord,
  type EventRecordInput,
} from '../../src/entries/datastore';
import { runOracle } from '../support/pynenc-python';
import { loadVectors } from '../support/vectors';

jest.setTimeout(120_000);

/** Debian's chromium (apt-get install chromium); CHROMIUM_PATH names another. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CSP = "default-src 'none'; script-src 'self'";
const NOW = '2026-05-09T10:11:12.345678+00:00';

const valid = loadVectors().filter((v) => v.kind === 'valid');
/**
 * What pynenc writes after reading each valid vector (its own from_json / to_json); a vector it cannot read alone
 * (a payload reference into a store it does not have) is left out.
 */
const pythonTexts = runOracle<({ ok: string } | { error: string })[]>('codec_golden.py', {
  now: NOW,
  cases: valid.map((v) => ({ dto: v.dto, text: JSON.stringify(v.document) })),
}).flatMap((reply, i) => ('ok' in reply ? [{ dto: valid[i]!.dto as DtoName, text: reply.ok }] : []));

const EXAMPLE = (schemas.EventRecord.examples as Record<string, unknown>[])[0]!;
const RECORD = { ...EXAMPLE, payload: { order_id: 42, items: ['a', 'b'], note: 'x'.repeat(2000) } };
const INVALID = { ...EXAMPLE, timestamp: '2026-02-30T10:11:12+00:00' };

/** The page's program: inputs inlined as JSON, results written into #out (read by the test, not evaluated). */
const PAGE_PROGRAM = `
import { validate, fromJson, toJson } from '../../src';
import { ClientDataStore, MemoryStore, encodeEventRecord, decodeEventRecord } from '../../src/entries/datastore';
const texts = ${JSON.stringify(pythonTexts)};
const record = ${JSON.stringify(RECORD)};
const invalid = ${JSON.stringify(INVALID)};
const example = ${JSON.stringify(EXAMPLE)};
async function main() {
  const out = {};
  out.valid = validate('EventRecord', example).ok;
  const bad = validate('EventRecord', invalid);
  out.invalidPaths = bad.ok ? [] : bad.issues.map((i) => i.path);
  out.roundTrips = texts.map(({ dto, text }) => toJson(dto, fromJson(dto, text)) === text);
  try {
    fromJson('EventRecord', JSON.stringify(invalid));
  } catch (err) {
    out.errorName = err.name;
    out.code = err.code;
  }
  const store = new ClientDataStore({ backend: new MemoryStore() });
  out.encoded = await encodeEventRecord(record, store);
  out.decodedPayload = (await decodeEventRecord(out.encoded, store)).payload;
  return out;
}
main().then(
  (out) => { document.getElementById('out').textContent = JSON.stringify(out); },
  (err) => {
    document.getElementById('out').textContent = JSON.stringify({ failed: String((err && err.stack) || err) });
  },
);
`;

let server: Server;
let browser: Browser;
let origin: string;
let bundleBytes: number;

beforeAll(async () => {
  const bundle = await build({
    stdin: { contents: PAGE_PROGRAM, resolveDir: __dirname, loader: 'js' },
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.contents;
  bundleBytes = script.length;
  const page =
    '<!doctype html><meta charset="utf-8"><title>contract</title><pre id="out"></pre>' +
    '<script src="/app.js"></script>';
  server = createServer((req, res) => {
    const headers = { 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store' };
    if (req.url === '/') res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(page);
    else if (req.url === '/app.js') res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(script);
    else res.writeHead(404, headers).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
});

test('the bundle is built for the browser from the package sources', () => {
  expect(bundleBytes).toBeGreaterThan(10_000);
  // every DTO has texts, and pynenc read nearly every vector
  expect(new Set(pythonTexts.map((t) => t.dto))).toEqual(new Set(valid.map((v) => v.dto)));
  expect(pythonTexts.length).toBeGreaterThan(valid.length - 3);
});

test('under a strict CSP the page validates, round-trips pynenc texts, encodes with a MemoryStore', async () => {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`);
  });
  const response = await page.goto(`${origin}/`);
  expect(response!.headers()['content-security-policy']).toBe(CSP);
  await page.waitForFunction("document.getElementById('out').textContent !== ''");
  const out = JSON.parse((await page.textContent('#out'))!) as Record<string, unknown>;
  await page.close();

  // the same calls in this process
  const store = new ClientDataStore({ backend: new MemoryStore() });
  const encoded = await encodeEventRecord(RECORD as unknown as EventRecordInput, store);
  const bad = validate('EventRecord', INVALID);
  let code = '';
  try {
    fromJson('EventRecord', JSON.stringify(INVALID));
  } catch (err) {
    code = (err as { code: string }).code;
  }
  expect(problems).toEqual([]);
  expect(out).toEqual({
    valid: true,
    invalidPaths: bad.ok ? [] : bad.issues.map((i) => i.path),
    roundTrips: pythonTexts.map(() => true),
    errorName: 'ContractValidationError',
    code,
    encoded,
    decodedPayload: JSON.parse(JSON.stringify((await decodeEventRecord(encoded, store)).payload)),
  });
  expect(out.invalidPaths).toEqual(['/timestamp']);
  expect(encoded).toContain('__pynenc__client_data__:'); // the 2,000-character note went to the store
});
