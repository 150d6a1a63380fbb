/**
 * Every public function of the root entry and of /validation, /pyjson, /timestamps, /consistency and /compat
 * (package.json "exports") throws only ContractErrors, whatever its arguments (issue 15; the data store and the
 * monitoring readers have their own walks). The members are enumerated from the entry modules themselves — every
 * function, class, static method, instance method and getter — so a new export is walked or listed as exempt with
 * a reason, or the first test fails. Each is called with a hostile value at each argument position (the others
 * valid), with all positions hostile, and with a hostile value in each field of a plain-object argument (a record,
 * an options object, a snapshot, a gate report), down to the fields of the objects and arrays it holds (depth 3:
 * a run's participants, a page's markers, a report's findings). The compat functions that read folders and git refs
 * get hostile paths and refs in a temporary folder: a file, a folder missing, a schema file that is a folder, a
 * symlink loop, bad JSON, a folder outside git.
 */
import { copyFileSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as root from '../../src';
import * as validation from '../../src/entries/validation';
import * as pyjson from '../../src/entries/pyjson';
import * as timestamps from '../../src/entries/timestamps';
import * as consistency from '../../src/entries/consistency';
import * as compat from '../../src/entries/compat';
import { DTO_NAMES, type DtoName } from '../../generated/schemas';
import { ApiWalk, apiMembers, baseHostileValues, type Fn, type Hostile } from '../support/api-walk';
import { loadVectors } from '../support/vectors';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

jest.setTimeout(600_000);

const ENTRIES: Record<string, Record<string, unknown>> = { root, validation, pyjson, timestamps, consistency, compat };

const REPO = join(__dirname, '..', '..');
const CONTRACT_DIR = join(REPO, 'contract');
const CONSTANT = 'a constant, not a function';
const ERROR_CLASS = 'an error class: the package constructs it, callers catch it and read its fields';

/** Members that are not walked, and why. */
const EXEMPT: Record<string, string> = {
  ...Object.fromEntries(
    [
      'CONTRACT_VERSION',
      'DTO_NAMES',
      'schemas',
      'commonSchema',
      'DEFAULT_READ_LIMITS',
      'LIMIT_CODES',
      'DEFAULT_MAX_ISSUES',
      'PYTHON_INT_MAX_STR_DIGITS',
      'PY_KEY_ORDER',
      'TIMESTAMP_ERROR_CODES',
      'CANONICAL_TIMESTAMP_PATTERN',
      'CONSISTENCY_CODES',
      'RULES',
      'RULE_IDS',
      'COMPAT_MODES',
      'BOUND_KEYWORDS',
      'COMMON_FILE',
      'CONTRACT_SCOPE',
    ].map((name) => [name, CONSTANT]),
  ),
  ...Object.fromEntries(
    [
      'ContractError',
      'LimitExceededError',
      'LimitExceededError#within',
      'InvalidOptionError',
      'InvalidArgumentError',
      'ContractValidationError',
      'UnknownDtoError',
      'PythonJsonSyntaxError',
      'PythonJsonWriteError',
      'TimestampError',
      'CompatInputError',
    ].map((name) => [name, ERROR_CLASS]),
  ),
  PyTimestamp: 'its constructor is private: instances come from its static methods (walked)',
};

let dir: string;

beforeAll(() => {
  dir = makeTempDir('public-walk-');
  const good = join(dir, 'good');
  mkdirSync(good);
  for (const name of readdirSync(CONTRACT_DIR).filter((file) => file.endsWith('.schema.json'))) {
    copyFileSync(join(CONTRACT_DIR, name), join(good, name));
  }
  mkdirSync(join(dir, 'empty'));
  mkdirSync(join(dir, 'bad-json'));
  writeFileSync(join(dir, 'bad-json', 'a.schema.json'), '{');
  mkdirSync(join(dir, 'array'));
  writeFileSync(join(dir, 'array', 'a.schema.json'), '[]');
  mkdirSync(join(dir, 'odd'));
  writeFileSync(
    join(dir, 'odd', 'a.schema.json'),
    JSON.stringify({ $id: 5, title: 7, properties: 5, $ref: '#/nope', allOf: 7, type: 9, required: 'x', $defs: [] }),
  );
  mkdirSync(join(dir, 'folder-named', 'x.schema.json'), { recursive: true });
  mkdirSync(join(dir, 'loop'));
  symlinkSync('loop.schema.json', join(dir, 'loop', 'loop.schema.json'));
  writeFileSync(join(dir, 'a-file'), 'text');
});

afterAll(() => {
  removeTempDir(dir);
});

const VECTORS = loadVectors();

/** The first valid conformance vector of `dto` (contract/vectors). */
const firstValid = (dto: DtoName): unknown =>
  VECTORS.find((each) => each.dto === dto && each.kind === 'valid')!.document;

function hostileValues(): Hostile[] {
  const stamp = timestamps.PyTimestamp.parse('2026-05-09T10:11:12.345678+02:00');
  return [
    ...baseHostileValues(),
    ["'constructor'", 'constructor'],
    ["'__proto__'", '__proto__'],
    ["'toString'", 'toString'],
    ["'EventRecord '", 'EventRecord '],
    ['a text json.loads rejects', '{"a":'],
    ["'NaN'", 'NaN'],
    ['a deep text', `${'['.repeat(3000)}${']'.repeat(3000)}`],
    ['a 20,000-deep array', deepArray(20_000)],
    ['a 20,000-deep object', deepObject(20_000)],
    ['ISO text', '2026-05-09T10:11:12.345678+02:00'],
    ['ISO text past 9999 in UTC', '9999-12-31T23:59:59.999999-05:00'],
    ['PyTimestamp', stamp],
    ['PyFloat', new pyjson.PyFloat(1)],
    ['a frozen object', Object.freeze({ a: 1 })],
    ['[lone surrogate]', ['a\uD800']],
    ["['x', 'x']", ['x', 'x']],
    ['[PyTimestamp, text]', [stamp, 'x']],
    ['2^80 bigint', 2n ** 80n],
    ['-2^80 bigint', -(2n ** 80n)],
    ['a clock returning a string', () => '2026-01-01'],
    ['a clock returning a number', () => 5],
    ['a clock returning an Invalid Date', () => new Date(NaN)],
    ['a clock returning 2^80', () => 2n ** 80n],
    ['a clock returning undefined', () => undefined],
    ['{ maxDepth: -1 }', { maxDepth: -1 }],
    ["{ fastPath: 'bogus' }", { fastPath: 'bogus' }],
    ["{ unknownKeys: 'bogus' }", { unknownKeys: 'bogus' }],
    ['{ maxIssues: 0 }', { maxIssues: 0 }],
    ["{ mode: 'sideways' }", { mode: 'sideways' }],
    ['{ generatedSchemas: 5 }', { mode: 'full', generatedSchemas: 5 }],
    ["{ matched_condition_ids: 'x' }", { matched_condition_ids: 'x', triggered_invocation_ids: 5 }],
    ['a snapshot of no files', { source: 'x', files: new Map() }],
    ['a snapshot with files not a Map', { source: 'x', files: {} }],
    ['a snapshot holding a number', { source: 'x', files: new Map([['a.schema.json', 5]]) }],
    ['a snapshot of odd schemas', oddSnapshot()],
    ['a Map of number texts', new Map([['a.schema.json', 5]])],
    ['a Map of odd texts', new Map([['a.schema.json', '{"properties": 5, "$ref": 7}']])],
    ['a report with findings 5', { mode: 'full', baseline: {}, current: {}, findings: 5 }],
    ['a path with NUL', 'a\0b'],
    ['a too long path', 'x'.repeat(5000)],
    ["'--help'", '--help'],
    ["'HEAD~99999'", 'HEAD~99999'],
    ["'HEAD:..'", 'HEAD:..'],
    ["'/'", '/'],
  ];
}

function deepArray(depth: number): unknown {
  let value: unknown = [];
  for (let level = 1; level < depth; level++) value = [value];
  return value;
}

function deepObject(depth: number): unknown {
  let value: unknown = {};
  for (let level = 1; level < depth; level++) value = { a: value };
  return value;
}

function oddSnapshot(): unknown {
  return {
    source: 'odd',
    files: new Map<string, unknown>([
      ['a.schema.json', { $id: 5, title: 7, properties: 5, $ref: 7, allOf: 7, type: 9, required: 'x', $defs: [] }],
      ['common.schema.json', { $defs: { a: { $ref: '#/$defs/a' } } }],
    ]),
  };
}

/** Hostile paths and refs, as they exist once beforeAll ran. */
function hostilePaths(): Hostile[] {
  return [
    ['a folder of odd schemas', join(dir, 'odd')],
    ['a folder with bad JSON', join(dir, 'bad-json')],
    ['a folder with an array schema', join(dir, 'array')],
    ['an empty folder', join(dir, 'empty')],
    ['a schema file that is a folder', join(dir, 'folder-named')],
    ['a schema file that is a symlink loop', join(dir, 'loop')],
    ['a file', join(dir, 'a-file')],
    ['a missing folder', join(dir, 'missing', 'deeper')],
    ['a folder outside git', dir],
  ];
}

type Spec = Array<[valid: unknown[], fn: Fn]>;

function dtoSpecs(make: (dto: DtoName, document: unknown) => [unknown[], Fn]): Spec {
  return DTO_NAMES.map((dto) => make(dto, firstValid(dto)));
}

/** Valid arguments and an invoker for each member walked (a member may have several, e.g. one per DTO). */
function specs(): Record<string, Spec> {
  const stamp = timestamps.PyTimestamp.parse('2026-05-09T10:11:12.345678+02:00');
  const readOptions = {
    maxDepth: 100,
    maxDocumentLength: 1_000_000,
    maxStringLength: 10_000,
    fastPath: true,
    unknownKeys: 'ignore',
    now: () => new Date(0),
    onUnknownKey: () => undefined,
    maxIssues: 10,
  };
  const textOf = (dto: DtoName, document: unknown): string => root.toJson(dto, document as never);
  // An EventRecord without a timestamp: the reader asks the clock.
  const noTimestamp = { ...(firstValid('EventRecord') as object), timestamp: null };
  const noTimestampText = JSON.stringify(noTimestamp);
  const goodSnapshot = compat.loadSnapshotFromFolder(join(dir, 'good'));
  const report = compat.runGate(goodSnapshot, goodSnapshot, { mode: 'full' });
  const guard = (name: string, dto: DtoName): Spec => [
    [[firstValid(dto)], (value) => (root as never as Record<string, Fn>)[name]!(value)],
  ];
  return {
    // root and /validation
    validate: dtoSpecs((dto, doc) => [
      [dto, doc, { maxIssues: 5 }],
      (a, b, c) => root.validate(a as never, b, c as never),
    ]),
    assertValid: dtoSpecs((dto, doc) => [
      [dto, doc, { maxIssues: 5 }],
      (a, b, c) => root.assertValid(a as never, b, c as never),
    ]),
    isDtoName: [[['EventRecord'], (a) => root.isDtoName(a)]],
    requireDtoName: [[['EventRecord'], (a) => validation.requireDtoName(a)]],
    isEventRecord: guard('isEventRecord', 'EventRecord'),
    isEventMarker: guard('isEventMarker', 'EventMarker'),
    isEventMarkerPage: guard('isEventMarkerPage', 'EventMarkerPage'),
    isTriggerRunParticipant: guard('isTriggerRunParticipant', 'TriggerRunParticipant'),
    isTriggerRunRecord: guard('isTriggerRunRecord', 'TriggerRunRecord'),
    fromJson: [
      ...dtoSpecs((dto, doc) => [
        [dto, textOf(dto, doc), readOptions],
        (a, b, c) => root.fromJson(a as never, b as never, c as never),
      ]),
      [['EventRecord', noTimestampText, readOptions], (a, b, c) => root.fromJson(a as never, b as never, c as never)],
      [
        ['EventRecord', noTimestampText, { ...readOptions, fastPath: false }],
        (a, b, c) => root.fromJson(a as never, b as never, c as never),
      ],
    ],
    fromJsonWithReport: [
      ...dtoSpecs((dto, doc) => [
        [dto, textOf(dto, doc), readOptions],
        (a, b, c) => root.fromJsonWithReport(a as never, b as never, c as never),
      ]),
      [
        ['EventRecord', noTimestampText, readOptions],
        (a, b, c) => root.fromJsonWithReport(a as never, b as never, c as never),
      ],
    ],
    fromDict: [
      ...dtoSpecs((dto, doc) => [[dto, doc, readOptions], (a, b, c) => root.fromDict(a as never, b, c as never)]),
      [['EventRecord', noTimestamp, readOptions], (a, b, c) => root.fromDict(a as never, b, c as never)],
    ],
    toJson: dtoSpecs((dto, doc) => [[dto, doc], (a, b) => root.toJson(a as never, b as never)]),
    isMatched: [[[firstValid('EventRecord')], (a) => root.isMatched(a as never)]],
    isTriggered: [[[firstValid('EventRecord')], (a) => root.isTriggered(a as never)]],
    isAsPythonWrites: [[['2026-05-09T10:11:12.345678+00:00'], (a) => root.isAsPythonWrites(a as never)]],
    // /pyjson
    parsePythonJson: [
      [
        [
          '[1, 2.0, {"a": NaN, "2": 1, "1": 2}]',
          { maxDepth: 10, maxDocumentLength: 1000, maxStringLength: 100, fastPath: 'sniff' },
        ],
        (a, b) => pyjson.parsePythonJson(a as never, b as never),
      ],
    ],
    isPlainJson: [[['[1]'], (a) => pyjson.isPlainJson(a as never)]],
    stringifyPython: [[[{ a: [1, new pyjson.PyFloat(2)], b: 2n ** 70n }], (a) => pyjson.stringifyPython(a)]],
    pythonFloatRepr: [[[1.5], (a) => pyjson.pythonFloatRepr(a as never)]],
    pythonStringRepr: [[['x\u2028'], (a) => pyjson.pythonStringRepr(a as never)]],
    pythonKeyOrder: [
      [[pyjson.parsePythonJson('{"b": 1, "1": 2}') as object], (a) => pyjson.pythonKeyOrder(a as never)],
    ],
    withPythonKeyOrder: [[[{ b: 1, 1: 2 }, ['b', '1']], (a, b) => pyjson.withPythonKeyOrder(a as never, b as never)]],
    isArrayIndexKey: [[['12'], (a) => pyjson.isArrayIndexKey(a as never)]],
    PyFloat: [[[1], (a) => new pyjson.PyFloat(a as never)]],
    'PyFloat#valueOf': [[[], () => new pyjson.PyFloat(1).valueOf()]],
    'PyFloat#toJSON': [[[], () => new pyjson.PyFloat(1).toJSON()]],
    // /timestamps
    'PyTimestamp.parse': [[['2026-05-09T10:11:12+02:00'], (a) => timestamps.PyTimestamp.parse(a)]],
    'PyTimestamp.fromEpochMicros': [
      [[0n, 3_600_000_000], (a, b) => timestamps.PyTimestamp.fromEpochMicros(a as never, b as never)],
    ],
    'PyTimestamp.fromDate': [
      [[new Date(0), 60_000_000], (a, b) => timestamps.PyTimestamp.fromDate(a as never, b as never)],
    ],
    'PyTimestamp.now': [[[() => 0n], (a) => timestamps.PyTimestamp.now(a as never)]],
    'PyTimestamp#offsetSeconds': [[[], () => stamp.offsetSeconds]],
    'PyTimestamp#toString': [[[], () => stamp.toString()]],
    'PyTimestamp#toJSON': [[[], () => stamp.toJSON()]],
    'PyTimestamp#toDate': [[[], () => stamp.toDate()]],
    'PyTimestamp#withOffset': [[[60_000_000], (a) => stamp.withOffset(a as never)]],
    'PyTimestamp#toUtc': [[[], () => stamp.toUtc()]],
    'PyTimestamp#plusMicros': [[[5n], (a) => stamp.plusMicros(a as never)]],
    'PyTimestamp#compare': [[[stamp], (a) => stamp.compare(a as never)]],
    'PyTimestamp#equals': [[[stamp], (a) => stamp.equals(a as never)]],
    parseIsoTimestamp: [[['2026-05-09'], (a) => timestamps.parseIsoTimestamp(a)]],
    normalizeTimestamp: [[['2026-05-09T10:11'], (a) => timestamps.normalizeTimestamp(a)]],
    formatTimestamp: [[[0n, 0], (a, b) => timestamps.formatTimestamp(a as never, b as never)]],
    compareTimestamps: [[[stamp, '2026-05-09'], (a, b) => timestamps.compareTimestamps(a as never, b as never)]],
    sortTimestamps: [[[[stamp, '2026-05-09', '2026-05-08T23:00-01:00']], (a) => timestamps.sortTimestamps(a as never)]],
    isCanonicalTimestamp: [[['2026-05-09T10:11:12+00:00'], (a) => timestamps.isCanonicalTimestamp(a)]],
    // /consistency
    checkConsistency: dtoSpecs((dto, doc) => [
      [dto, doc],
      (a, b) => consistency.checkConsistency(a as never, b as never),
    ]),
    // /compat
    runGate: [
      [
        [goodSnapshot, goodSnapshot, { mode: 'backward', generatedSchemas: { path: 'g.ts', text: 'x' } }],
        (a, b, c) => compat.runGate(a as never, b as never, c as never),
      ],
    ],
    breaksMode: [
      [[{ breaksBackward: true, breaksForward: false }, 'full'], (a, b) => compat.breaksMode(a as never, b as never)],
    ],
    diffContracts: [[[goodSnapshot, goodSnapshot], (a, b) => compat.diffContracts(a as never, b as never)]],
    dtoFiles: [[[goodSnapshot], (a) => compat.dtoFiles(a as never)]],
    contractVersion: [[[goodSnapshot], (a) => compat.contractVersion(a as never)]],
    generatedVersionProblems: [
      [['export const CONTRACT_VERSION = 1', 1], (a, b) => compat.generatedVersionProblems(a as never, b as never)],
    ],
    formatGateReport: [[[report], (a) => compat.formatGateReport(a as never)]],
    loadBaseline: [
      [['HEAD', CONTRACT_DIR, REPO], (a, b, c) => compat.loadBaseline(a as never, b as never, c as never)],
      [[join(dir, 'good'), CONTRACT_DIR, REPO], (a, b, c) => compat.loadBaseline(a as never, b as never, c as never)],
    ],
    loadSnapshotFromFolder: [[[join(dir, 'good')], (a) => compat.loadSnapshotFromFolder(a as never)]],
    loadSnapshotFromGit: [[['HEAD', CONTRACT_DIR], (a, b) => compat.loadSnapshotFromGit(a as never, b as never)]],
    snapshotFromTexts: [
      [
        ['texts', new Map([['a.schema.json', '{"$id": "https://x/v1/a"}']])],
        (a, b) => compat.snapshotFromTexts(a as never, b as never),
      ],
    ],
    isGitRef: [[['HEAD', REPO], (a, b) => compat.isGitRef(a as never, b as never)]],
  };
}

test('every member of the six entries is walked or exempt with a reason (nothing new escapes)', () => {
  const objects = new Map<string, unknown>();
  const members = new Set<string>();
  const missing: string[] = [];
  const differ: string[] = [];
  const walked = new Set(Object.keys(specs()));
  for (const [entry, module] of Object.entries(ENTRIES)) {
    for (const member of apiMembers(module)) {
      members.add(member.name);
      const top = member.name.replace(/[.#].*$/, '');
      // One name is one object in every entry that exports it, so one walk covers them all.
      if (objects.has(top) && objects.get(top) !== module[top]) differ.push(`${entry}: ${top}`);
      objects.set(top, module[top]);
      if (!walked.has(member.name) && EXEMPT[member.name] === undefined) {
        missing.push(`${entry}: ${member.name} (${member.kind})`);
      }
    }
  }
  expect(missing).toEqual([]);
  expect(differ).toEqual([]);
  // Nothing walked or exempt that the entries no longer export.
  expect([...walked, ...Object.keys(EXEMPT)].filter((name) => !members.has(name))).toEqual([]);
});

test('hostile arguments to every function, constructor, static and instance method: only ContractErrors', async () => {
  const walk = new ApiWalk([...hostileValues(), ...hostilePaths()]);
  for (const [name, variants] of Object.entries(specs())) {
    // Down to depth 3: a record's fields, its participants' or markers' fields, a report's findings' fields.
    for (const [valid, fn] of variants) await walk.args(name, valid, fn, { depth: 3 });
  }
  expect(walk.calls).toBeGreaterThan(75_000); // 80,800 when written
  expect(walk.summary()).toEqual([]);
});
