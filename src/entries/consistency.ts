/** The `./consistency` entry: checkConsistency, the invariants pynenc's writers keep beyond the schema. */
export {
  checkConsistency,
  CONSISTENCY_CODES,
  type ConsistencyCode,
  type ConsistencyFinding,
  type FindingValue,
} from '../consistency/index';
