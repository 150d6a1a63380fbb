/** Compares our reader with Python's verdict for one value; returns a description of any mismatch. */
import { ContractError } from '../../src/errors';
import { PyTimestamp, TimestampError } from '../../src/timestamps';
import { CODE_FOR_CATEGORY, type PyRead } from './oracle';

export interface Mismatch {
  case: string; // JSON-quoted input, so invisible characters are visible
  python: string;
  ours: string;
}

export function checkAgainstPython(value: unknown, py: PyRead): Mismatch | null {
  const name = JSON.stringify(value) ?? String(value);
  let ours: PyTimestamp | TimestampError;
  try {
    ours = PyTimestamp.parse(value);
  } catch (e) {
    if (!(e instanceof TimestampError))
      return { case: name, python: describePy(py), ours: `non-TimestampError ${String(e)}` };
    ours = e;
  }

  if (!py.ok) {
    if (!(ours instanceof TimestampError))
      return { case: name, python: describePy(py), ours: `accepted as ${ours.toString()}` };
    const expected = CODE_FOR_CATEGORY[py.category];
    if (ours.code !== expected) return { case: name, python: describePy(py), ours: `rejected ${ours.code}` };
    if (!(ours instanceof ContractError) || ours.dto !== undefined || ours.path !== undefined) {
      return { case: name, python: describePy(py), ours: 'error is not a context-free ContractError' };
    }
    if (!ours.message.includes(ours.received) || ours.expected.length === 0) {
      return { case: name, python: describePy(py), ours: `error message lacks received/expected: ${ours.message}` };
    }
    return null;
  }

  if (ours instanceof TimestampError)
    return { case: name, python: describePy(py), ours: `rejected ${ours.code}: ${ours.reason}` };
  const problems: string[] = [];
  if (ours.toString() !== py.iso) problems.push(`isoformat ${ours.toString()}`);
  const fields = [ours.year, ours.month, ours.day, ours.hour, ours.minute, ours.second, ours.microsecond];
  if (fields.join(',') !== py.fields.join(',')) problems.push(`fields ${fields.join(',')}`);
  if (ours.offsetMicros !== py.offset_micros) problems.push(`offsetMicros ${ours.offsetMicros}`);
  if (ours.epochMicros !== BigInt(py.epoch_micros)) problems.push(`epochMicros ${ours.epochMicros}`);
  if (BigInt(ours.toDate().getTime()) !== BigInt(py.epoch_millis_floor))
    problems.push(`toDate ${ours.toDate().getTime()}`);
  return problems.length === 0 ? null : { case: name, python: describePy(py), ours: problems.join('; ') };
}

function describePy(py: PyRead): string {
  return py.ok
    ? `${py.iso} (epoch µs ${py.epoch_micros}, offset µs ${py.offset_micros})`
    : `${py.category}: ${py.error}`;
}

/** Checks every value against one batch of oracle replies; returns all mismatches. */
export function checkAll(values: readonly unknown[], replies: readonly PyRead[]): Mismatch[] {
  if (values.length !== replies.length) throw new Error(`oracle answered ${replies.length} of ${values.length} values`);
  const out: Mismatch[] = [];
  values.forEach((v, i) => {
    const m = checkAgainstPython(v, replies[i]!);
    if (m) out.push(m);
  });
  return out;
}
