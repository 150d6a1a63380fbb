/**
 * The errors the public API walk (public-api-walk.test.ts) found, one regression test each: what used to be a
 * TypeError, a RangeError or a raw Node.js error is a ContractError that names the function and the argument.
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import {
  InvalidArgumentError,
  InvalidOptionError,
  UnknownDtoError,
  fromJson,
  isMatched,
  isTriggered,
  validate,
  type DtoName,
} from '../../src';
import { PyFloat, parsePythonJson, pythonFloatRepr, withPythonKeyOrder } from '../../src/entries/pyjson';
import { PyTimestamp, formatTimestamp, sortTimestamps } from '../../src/entries/timestamps';
import { checkConsistency } from '../../src/entries/consistency';
import * as consistencyEntry from '../../src/entries/consistency';
import {
  CompatInputError,
  breaksMode,
  formatGateReport,
  loadSnapshotFromFolder,
  runGate,
  snapshotFromTexts,
} from '../../src/entries/compat';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

function expectArgument(run: () => unknown, callee: string, argument: string): void {
  const err = thrown(run) as InvalidArgumentError;
  expect(err).toBeInstanceOf(InvalidArgumentError);
  expect([err.code, err.callee, err.argument]).toEqual(['INVALID_ARGUMENT', callee, argument]);
}

const STAMP = PyTimestamp.parse('2026-05-09T10:11:12+02:00');

test('new PyFloat of a non-number: INVALID_ARGUMENT (was TypeError)', () => {
  expectArgument(() => new PyFloat('1' as never), 'PyFloat', 'value');
});

test('PyTimestamp factories and methods check their arguments (were TypeErrors)', () => {
  expectArgument(() => PyTimestamp.fromEpochMicros(5 as never), 'PyTimestamp.fromEpochMicros', 'epochMicros');
  expectArgument(
    () => PyTimestamp.fromEpochMicros(0n, Object.create(null)),
    'PyTimestamp.fromEpochMicros',
    'offsetMicros',
  );
  expectArgument(() => PyTimestamp.fromDate(0 as never), 'PyTimestamp.fromDate', 'date');
  expectArgument(() => PyTimestamp.now(null as never), 'PyTimestamp.now', 'clock');
  expectArgument(() => PyTimestamp.now((() => 5) as never), 'PyTimestamp.now', 'clock()');
  expectArgument(() => STAMP.plusMicros(1 as never), 'PyTimestamp.plusMicros', 'deltaMicros');
  expectArgument(() => STAMP.withOffset('1' as never), 'PyTimestamp.withOffset', 'offsetMicros');
  expectArgument(() => STAMP.compare('2026-05-09' as never), 'PyTimestamp.compare', 'other');
  expectArgument(() => formatTimestamp(1 as never), 'formatTimestamp', 'epochMicros');
  expectArgument(() => sortTimestamps('2026' as never), 'sortTimestamps', 'list');
  // As Python's ==, a datetime equals nothing else.
  expect(STAMP.equals(undefined as never)).toBe(false);
  expect(STAMP.equals(PyTimestamp.parse('2026-05-09T08:11:12+00:00'))).toBe(true);
});

test("PyTimestamp.fromDate takes a Date of another realm, refuses a look-alike (the check is Date's own brand)", () => {
  const foreign = runInNewContext('new Date(86400000)') as Date;
  expect(foreign instanceof Date).toBe(false);
  expect(PyTimestamp.fromDate(foreign).toString()).toBe('1970-01-02T00:00:00+00:00');
  const lookAlike = { getTime: () => 5, [Symbol.toStringTag]: 'Date' };
  expectArgument(() => PyTimestamp.fromDate(lookAlike as never), 'PyTimestamp.fromDate', 'date');
});

test('an options.now clock returning a number: INVALID_OPTION now (was TypeError)', () => {
  const text = '{"event_id": "e", "event_code": "c", "timestamp": null}';
  const err = thrown(() => fromJson('EventRecord', text, { now: (() => 5) as never })) as InvalidOptionError;
  expect(err).toBeInstanceOf(InvalidOptionError);
  expect(err.option).toBe('now');
});

test('parsePythonJson with options null: INVALID_OPTION options (was TypeError destructuring null)', () => {
  expect((thrown(() => parsePythonJson('1', null as never)) as InvalidOptionError).option).toBe('options');
});

test('the /pyjson helpers check their arguments; the hot paths keep the unchecked ones', () => {
  expectArgument(() => pythonFloatRepr(1n as never), 'pythonFloatRepr', 'value');
  expectArgument(() => withPythonKeyOrder(Object.freeze({ a: 1 }), ['a']), 'withPythonKeyOrder', 'obj');
  expectArgument(() => withPythonKeyOrder({}, [5] as never), 'withPythonKeyOrder', 'order');
});

test('isMatched/isTriggered of something else than a record: INVALID_ARGUMENT (was TypeError)', () => {
  expectArgument(() => isMatched(null as never), 'isMatched', 'record');
  expectArgument(() => isTriggered({} as never), 'isTriggered', 'record');
});

test('a DTO name of any value is an UnknownDtoError (String() threw for a null-prototype object)', () => {
  expect(() => validate(Object.create(null) as DtoName, {})).toThrow(UnknownDtoError);
  expect(checkConsistency(10n as never, {} as never)[0]!.message).toBe('unknown DTO 10');
});

test('/consistency exports checkConsistency, not the CLI’s checkValidRecord that trusts its arguments', () => {
  expect(Object.keys(consistencyEntry).sort()).toEqual(['CONSISTENCY_CODES', 'checkConsistency']);
});

describe('compat', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir('compat-args-');
    mkdirSync(join(dir, 'folder', 'a.schema.json'), { recursive: true });
    mkdirSync(join(dir, 'loop'));
    symlinkSync('b.schema.json', join(dir, 'loop', 'b.schema.json'));
  });
  afterAll(() => removeTempDir(dir));

  test('a schema file that is a folder or a symlink loop: CompatInputError (was EISDIR/ELOOP)', () => {
    expect(() => loadSnapshotFromFolder(join(dir, 'folder'))).toThrow(CompatInputError);
    expect(() => loadSnapshotFromFolder(join(dir, 'loop'))).toThrow(CompatInputError);
  });

  test('snapshots, reports, modes and paths of the wrong kind: INVALID_ARGUMENT / INVALID_OPTION', () => {
    const snapshot = snapshotFromTexts('s', new Map([['a.schema.json', '{"$id": "https://x/v1/a"}']]));
    expectArgument(() => runGate(null as never, snapshot, { mode: 'full' }), 'runGate', 'baseline');
    expectArgument(
      () => runGate({ source: 's', files: {} } as never, snapshot, { mode: 'full' }),
      'runGate',
      'baseline',
    );
    expect((thrown(() => runGate(snapshot, snapshot, { mode: 'x' as never })) as InvalidOptionError).option).toBe(
      'mode',
    );
    const generatedSchemas = 5 as never;
    const err = thrown(() => runGate(snapshot, snapshot, { mode: 'full', generatedSchemas })) as InvalidOptionError;
    expect(err.option).toBe('generatedSchemas');
    expectArgument(() => formatGateReport({ findings: 5 } as never), 'formatGateReport', 'report');
    expectArgument(() => breaksMode(null as never, 'full'), 'breaksMode', 'info');
    expectArgument(
      () => snapshotFromTexts('s', new Map([['a.schema.json', 5]]) as never),
      'snapshotFromTexts',
      'texts',
    );
    expectArgument(() => loadSnapshotFromFolder(5 as never), 'loadSnapshotFromFolder', 'dir');
  });
});
