/** The `./consistency` entry: checkConsistency, the invariants pynenc's writers keep beyond the schema. */
export * from '../consistency/index';
