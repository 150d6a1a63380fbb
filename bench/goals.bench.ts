/**
 * Issue 7's speed goals on its three cases, with the peers side by side:
 *   fromJson (parse + validate + leniency) ≤ 1.25× JSON.parse of the same texts,
 *   toJson ≤ 1.5× JSON.stringify of the same values, both as UTF-8 bytes (Buffer.from of the text).
 * Peers on the same data: Zod 4 schemas made from the contract
 * (zod-from-json-schema, full contract; z.fromJSONSchema, conditionals left
 * out because it refuses them) after JSON.parse, and quicktype's generated
 * converter. How many conformance vectors each gets right is printed too: a
 * faster checker that checks less is not the same thing.
 *
 * Rounds are interleaved (bench/interleave.ts); each figure is the median
 * of its rounds after warm-up. CODEC_BUILD=/tmp/dir measures the compiled
 * package (bench/under-test.ts), as the goals are stated.
 */
import type { DtoName } from '../generated/schemas';
import { CASE_NAMES, makeCase, type Case } from './cases';
import type { Measurement, Report } from './harness';
import { interleaved } from './interleave';
import { UNDER_TEST, codecUnderTest, validationUnderTest } from './under-test';
import { quicktypeConverter, vectorAgreement, zodNativeRefusal, zodNativeSchemas, zodSchemas } from './peers';

export const READ_GOAL = 1.25;
export const WRITE_GOAL = 1.5;

let sink = 0;
const consume = (v: unknown) => {
  sink += v ? 1 : 0;
};

const { fromJson, toJson } = codecUnderTest();
const { validate } = validationUnderTest();

export default async function goalsBench(report: Report): Promise<void> {
  report.note('code under test', 'fromJson, toJson, validate', UNDER_TEST);
  const zod = zodSchemas();
  const zodNative = zodNativeSchemas();
  const quicktype = await quicktypeConverter();
  try {
    const agreement = `conformance vectors judged as the contract does`;
    const rows: [string, (dto: DtoName, v: unknown) => boolean][] = [
      ['this package (validate)', (dto, v) => validate(dto, v).ok],
      ['Zod 4 via zod-from-json-schema', (dto, v) => zod[dto].safeParse(v).success],
      ['Zod 4 z.fromJSONSchema (no if/then)', (dto, v) => zodNative[dto].safeParse(v).success],
      ['quicktype Convert.toX', (dto, v) => (quicktype.read(dto, JSON.stringify(v)), true)],
    ];
    for (const [name, check] of rows) {
      const { agree, total } = vectorAgreement(check);
      report.note(agreement, name, `${agree}/${total}`);
    }
    const refusal = zodNativeRefusal();
    if (refusal) report.note(agreement, 'z.fromJSONSchema on the full contract', `refuses it: ${refusal}`);

    const summary: string[] = [];
    for (const name of CASE_NAMES) summary.push(runCase(report, makeCase(name), zod, zodNative, quicktype));
    for (const line of summary)
      report.note(
        'summary: ratios to JSON.parse / JSON.stringify (median of rounds)',
        line.split('|')[0]!,
        line.split('|')[1]!,
      );
  } finally {
    quicktype.dispose();
  }
  if (sink === -1) console.log(sink);
}

function runCase(
  report: Report,
  c: Case,
  zod: ReturnType<typeof zodSchemas>,
  zodNative: ReturnType<typeof zodNativeSchemas>,
  quicktype: Awaited<ReturnType<typeof quicktypeConverter>>,
): string {
  const { dto, texts, values } = c;
  const readGroup = `read ${c.label} (goal fromJson ≤ ${READ_GOAL}× JSON.parse)`;
  const [parse, ours, oursValidate, zodRead, zodNativeRead, qtRead] = interleaved([
    { name: 'JSON.parse', run: () => texts.forEach((t) => consume(JSON.parse(t))) },
    { name: 'fromJson', run: () => texts.forEach((t) => consume(fromJson(dto, t))) },
    { name: 'JSON.parse + validate', run: () => texts.forEach((t) => consume(validate(dto, JSON.parse(t)).ok)) },
    {
      name: 'JSON.parse + Zod (zod-from-json-schema)',
      run: () => texts.forEach((t) => consume(zod[dto].safeParse(JSON.parse(t)).success)),
    },
    {
      name: 'JSON.parse + Zod (z.fromJSONSchema, no if/then)',
      run: () => texts.forEach((t) => consume(zodNative[dto].safeParse(JSON.parse(t)).success)),
    },
    { name: 'quicktype Convert.toX', run: () => texts.forEach((t) => consume(quicktype.read(dto, t))) },
  ]);
  report.plain(readGroup, parse!, c.items);
  for (const m of [ours!, oursValidate!, zodRead!, zodNativeRead!, qtRead!])
    report.ratio(readGroup, m, parse!, c.items);
  const readRatio = ours!.medianMs / parse!.medianMs;
  report.note(readGroup, 'goal', `fromJson ${readRatio.toFixed(2)}× — ${readRatio <= READ_GOAL ? 'met' : 'MISSED'}`);

  const writeGroup = `write ${c.label} (goal toJson ≤ ${WRITE_GOAL}× JSON.stringify, as bytes)`;
  // Judged as a writer's output is used (issue 16): as UTF-8 bytes, Buffer.from(text) on both sides, which also
  // flattens a rope. The text rows (never read, and so never flattened) are kept for the record.
  const [stringifyBytes, writeBytes, stringify, write, qtWrite] = interleaved([
    { name: 'JSON.stringify → bytes', run: () => values.forEach((v) => consume(Buffer.from(JSON.stringify(v)))) },
    { name: 'toJson → bytes', run: () => values.forEach((v) => consume(Buffer.from(toJson(dto, v as never)))) },
    { name: 'JSON.stringify', run: () => values.forEach((v) => consume(JSON.stringify(v))) },
    { name: 'toJson', run: () => values.forEach((v) => consume(toJson(dto, v as never))) },
    { name: 'quicktype Convert.xToJson', run: () => values.forEach((v) => consume(quicktype.write(dto, v))) },
  ]);
  report.plain(writeGroup, stringifyBytes!, c.items);
  report.ratio(writeGroup, writeBytes!, stringifyBytes!, c.items);
  report.ratio(writeGroup, write!, stringify!, c.items);
  report.ratio(writeGroup, qtWrite!, stringify!, c.items);
  const writeRatio = writeBytes!.medianMs / stringifyBytes!.medianMs;
  report.note(writeGroup, 'goal', `toJson ${writeRatio.toFixed(2)}× — ${writeRatio <= WRITE_GOAL ? 'met' : 'MISSED'}`);

  const r = (m: Measurement, base: Measurement) => `${(m.medianMs / base.medianMs).toFixed(2)}×`;
  return (
    `${c.label}|read: fromJson ${r(ours!, parse!)}, validate ${r(oursValidate!, parse!)}, ` +
    `Zod ${r(zodRead!, parse!)}, Zod native ${r(zodNativeRead!, parse!)}, quicktype ${r(qtRead!, parse!)}; ` +
    `write: toJson as bytes ${r(writeBytes!, stringifyBytes!)} (text ${r(write!, stringify!)}), quicktype ${r(qtWrite!, stringify!)}`
  );
}
