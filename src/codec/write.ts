/**
 * toJson: the exact text Python's to_json writes for the same record.
 */
import type { DtoName } from '../../generated/schemas';
import type { DtoTypes, EventRecord } from '../../generated/types';
import { PythonJsonWriteError } from '../pyjson/errors';
import { pythonStringRepr, stringifyPython } from '../pyjson/stringify';
import { ContractValidationError, assertValid, requireDtoName } from '../validation';
import { PLANS, type DtoPlan } from './plan';

/**
 * Writes `value` as Python's to_json does: schema key order, `", "` / `": "`
 * separators, ensure_ascii, Python float repr, NaN/Infinity tokens, exact big
 * ints, null for absent optionals; timestamps are already isoformat() text (the
 * contract's pattern) and are written as they are.
 * A value that is not valid per the contract (or holds something JSON cannot:
 * undefined, functions, cycles…) throws ContractValidationError; nothing is
 * returned half-written.
 */
export function toJson<D extends DtoName>(dto: D, value: DtoTypes[D]): string {
  requireDtoName(dto);
  assertValid(dto, value);
  try {
    return writeDto(PLANS[dto], value as unknown as Record<string, unknown>, '');
  } catch (err) {
    if (err instanceof Unwritable) throw new ContractValidationError(dto, [{ path: err.path, message: err.reason, keyword: err.keyword }]);
    throw err;
  }
}

/** EventRecord.matched in Python: at least one event condition accepted the event (derived, never written). */
export function isMatched(record: Pick<EventRecord, 'matched_condition_ids'>): boolean {
  return record.matched_condition_ids.length > 0;
}

/** EventRecord.triggered in Python: at least one invocation was created from the event (derived, never written). */
export function isTriggered(record: Pick<EventRecord, 'triggered_invocation_ids'>): boolean {
  return record.triggered_invocation_ids.length > 0;
}

class Unwritable extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    readonly keyword: string,
  ) {
    super(reason);
  }
}

function writeDto(plan: DtoPlan, value: Record<string, unknown>, path: string): string {
  let out = '{';
  const fields = plan.fields;
  for (let k = 0; k < fields.length; k++) {
    const field = fields[k]!;
    if (k > 0) out += ', ';
    out += field.keyText;
    const v = value[field.name];
    switch (field.kind) {
      case 'timestamp':
      case 'optionalTimestamp':
        // The validator has checked it is text isoformat() writes: written as it is.
        out += v === null ? 'null' : pythonStringRepr(v as string);
        break;
      case 'dto':
        out += writeDto(PLANS[field.nested!], v as Record<string, unknown>, `${path}/${field.pointer}`);
        break;
      case 'dtoArray': {
        const nested = PLANS[field.nested!];
        const list = v as Record<string, unknown>[];
        out += '[';
        for (let i = 0; i < list.length; i++) {
          if (i > 0) out += ', ';
          out += writeDto(nested, list[i]!, `${path}/${field.pointer}/${i}`);
        }
        out += ']';
        break;
      }
      default:
        if (typeof v === 'string') out += pythonStringRepr(v);
        else if (v === null) out += 'null';
        else {
          try {
            out += stringifyPython(v);
          } catch (err) {
            if (err instanceof PythonJsonWriteError) {
              throw new Unwritable(`${path}/${field.pointer}${err.path}`, `cannot be written as JSON: ${err.reason}`, 'type');
            }
            throw err;
          }
        }
    }
  }
  return `${out}}`;
}
