/**
 * checkConsistency: the invariants pynenc's writers guarantee on the records they write, beyond what the
 * contract's JSON Schema can state (lists derived from other fields, ids built from other ids, summaries
 * in a per-class format). Findings are data, never errors: a record that breaks an invariant is still a
 * valid document (older pynenc versions and other writers may break some).
 */
import type { DtoName } from '../../generated/schemas';
import type { DtoTypes } from '../../generated/types';
import { describeReceived } from '../errors';
import { isDtoName, validate } from '../validation';
import type { ConsistencyFinding } from './findings';
import { checkParticipant } from './participant';
import { checkEventMarker, checkEventRecord, checkMarkerPage, checkTriggerRun } from './records';

export { CONSISTENCY_CODES, type ConsistencyCode, type ConsistencyFinding, type FindingValue } from './findings';

/**
 * The findings of `record`, a value of `dto` (as `validate` returns it); [] when it keeps every invariant.
 * Never throws: a value that is not a valid `dto` (or an unknown DTO name) gives one NOT_A_VALID_RECORD finding.
 */
export function checkConsistency<D extends DtoName>(dto: D, record: DtoTypes[D]): ConsistencyFinding[] {
  if (!isDtoName(dto) || !validate(dto, record).ok) {
    return [
      {
        code: 'NOT_A_VALID_RECORD',
        path: '',
        message: isDtoName(dto) ? `not a valid ${dto}: validate it first` : `unknown DTO ${describeReceived(dto)}`,
        expected: isDtoName(dto) ? `<a valid ${dto}>` : '<a DTO name>',
        received: null,
      },
    ];
  }
  return checkValidRecord(dto, record);
}

/**
 * checkConsistency for a value already known to be a valid `dto` (the CLI validates first). Internal: the
 * ./consistency entry exports checkConsistency only, since this one trusts its arguments.
 */
export function checkValidRecord<D extends DtoName>(dto: D, record: DtoTypes[D]): ConsistencyFinding[] {
  const out: ConsistencyFinding[] = [];
  const value: DtoTypes[DtoName] = record;
  const name: DtoName = dto;
  switch (name) {
    case 'TriggerRunRecord':
      checkTriggerRun(value as DtoTypes['TriggerRunRecord'], out);
      break;
    case 'TriggerRunParticipant':
      checkParticipant(value as DtoTypes['TriggerRunParticipant'], '', out);
      break;
    case 'EventRecord':
      checkEventRecord(value as DtoTypes['EventRecord'], out);
      break;
    case 'EventMarker':
      checkEventMarker(value as DtoTypes['EventMarker'], '', out);
      break;
    case 'EventMarkerPage':
      checkMarkerPage(value as DtoTypes['EventMarkerPage'], out);
      break;
    default: {
      const unknown: never = name; // a new DTO in the contract needs its invariants here (or none)
      void unknown;
    }
  }
  return out;
}
