/**
 * Nanoseconds per timestamp check, on 10k texts like the goal cases hold:
 * - the contract's `pattern` as Ajv compiles it (`new RegExp(pattern, "u")`),
 *   raw and through an Ajv validator of `common.schema.json#/$defs/timestamp`;
 * - ajv-formats' `date-time` (full and fast), the usual alternative — a
 *   different definition (RFC 3339: `Z`, lowercase `t`, any fraction length);
 * - two checks derived from the contract pattern (bench/timestamp-dfa.ts):
 *   its minimal DFA as a table-driven matcher, and the DFA turned back into a
 *   lookahead-free RegExp.
 * Before timing, each check is run on every one-character edit (substitution,
 * insertion, deletion over a 40-character alphabet incl. non-ASCII and a lone
 * surrogate) of a set of valid timestamps and on the 10k texts; disagreements
 * with the contract RegExp are printed. Each loop is its own function so every
 * call site sees one check only.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { commonSchema } from '../generated/schemas';
import { N, timestampText } from './cases';
import type { Measurement, Report } from './harness';
import { interleaved } from './interleave';
import { derivePatternDfa, dfaRegExpSource, tableMatcher } from './timestamp-dfa';

const PATTERN = (commonSchema.$defs as Record<string, { pattern: string }>).timestamp!.pattern;

const BASES = [
  '2026-05-09T10:11:12.345678+00:00',
  '2026-05-09T10:11:12+05:30',
  '2024-02-29T23:59:59.000001-03:00',
  '2000-02-29T00:00:00+14:00:30',
  '1900-02-28T12:00:00-00:30:15.500000',
  '0001-01-01T00:00:00+00:00',
  '9999-12-31T23:59:59.999999-23:59:59.999999',
];
const ALPHABET = [
  ...'0123456789-+:.TtZz _/\\x',
  '\u00e9',
  '\u0660',
  '\ud800',
  '\ud83d\ude00',
  '\u0000',
  '\u007f',
  '\u0080',
  '\uff10',
  '\u2212',
  '\n',
  '\t',
  '１',
  'Ｔ',
  'ß',
  '\u200b',
];

function edits(): string[] {
  const out: string[] = [];
  for (const base of BASES) {
    out.push(base);
    for (let i = 0; i <= base.length; i++) {
      out.push(base.slice(0, i) + base.slice(i + 1));
      for (const ch of ALPHABET)
        out.push(base.slice(0, i) + ch + base.slice(i + 1), base.slice(0, i) + ch + base.slice(i));
    }
  }
  return out;
}

export default function timestampsBench(report: Report): void {
  const texts = Array.from({ length: N }, (_, i) => timestampText(i, i % 6));
  const contract = new RegExp(PATTERN, 'u');
  const ajv = new Ajv2020({
    strict: true,
    allowUnionTypes: true,
    unevaluated: false,
    dynamicRef: false,
    messages: false,
  });
  addFormats(ajv);
  ajv.addSchema(commonSchema);
  const viaAjv = ajv.compile({ $ref: `${String(commonSchema.$id)}#/$defs/timestamp` });
  const full = new Ajv2020({ messages: false });
  addFormats(full, { mode: 'full', formats: ['date-time'] });
  const formatFull = full.compile({ type: 'string', format: 'date-time' });
  const fast = new Ajv2020({ messages: false });
  addFormats(fast, { mode: 'fast', formats: ['date-time'] });
  const formatFast = fast.compile({ type: 'string', format: 'date-time' });
  const derived = derivePatternDfa(PATTERN);
  const dfa = 'dfa' in derived ? tableMatcher(derived.dfa) : undefined;
  const dfaRegExp = new RegExp(dfaRegExpSource(PATTERN), 'u');

  const group = `timestamp checks: ${N} texts, ns per check (ratio to the contract RegExp)`;
  const checks: [string, (s: string) => boolean][] = [
    ['contract pattern via Ajv validator', (s) => viaAjv(s) as boolean],
    ['ajv-formats date-time (full)', (s) => formatFull(s) as boolean],
    ['ajv-formats date-time (fast)', (s) => formatFast(s) as boolean],
    ['derived DFA table matcher', (s) => dfa!(s)],
    ['derived DFA as RegExp', (s) => dfaRegExp.test(s)],
  ];
  const probe = [...edits(), ...texts];
  for (const [name, check] of checks) {
    if (name.includes('DFA') && !dfa) {
      report.note(group, name, `not derived: ${'unsupported' in derived ? derived.unsupported : ''}`);
      continue;
    }
    const differ = probe.filter((s) => check(s) !== contract.test(s)).length;
    report.note(
      `${group}: exactness`,
      name,
      differ === 0
        ? `same verdict as the contract on all ${probe.length} probes`
        : `DIFFERS on ${differ}/${probe.length} probes`,
    );
  }

  let ok = 0;
  const [base, ajvM, fullM, fastM, dfaM, dfaReM] = interleaved(
    [
      {
        name: 'contract pattern (RegExp, u)',
        run: () => {
          for (let i = 0; i < texts.length; i++) if (contract.test(texts[i]!)) ok++;
        },
      },
      {
        name: checks[0]![0],
        run: () => {
          for (let i = 0; i < texts.length; i++) if (viaAjv(texts[i]!)) ok++;
        },
      },
      {
        name: checks[1]![0],
        run: () => {
          for (let i = 0; i < texts.length; i++) if (formatFull(texts[i]!)) ok++;
        },
      },
      {
        name: checks[2]![0],
        run: () => {
          for (let i = 0; i < texts.length; i++) if (formatFast(texts[i]!)) ok++;
        },
      },
      {
        name: checks[3]![0],
        run: () => {
          for (let i = 0; i < texts.length; i++) if (dfa?.(texts[i]!)) ok++;
        },
      },
      {
        name: checks[4]![0],
        run: () => {
          for (let i = 0; i < texts.length; i++) if (dfaRegExp.test(texts[i]!)) ok++;
        },
      },
    ],
    15,
    5,
  );
  const ns = (m: Measurement) => `${((m.medianMs * 1e6) / texts.length).toFixed(0)} ns/check`;
  report.plain(group, base!, texts.length, ns(base!));
  for (const m of [ajvM!, fullM!, fastM!, dfaM!, dfaReM!]) {
    report.ratio(group, m, base!, texts.length);
    report.rows[report.rows.length - 1]!.note = ns(m);
  }
  if (ok === -1) console.log(ok);
}
