/**
 * Issue 15 item 13, "options not checked": an option of the wrong kind is an InvalidOptionError (a ContractError
 * naming the option and what it takes), never accepted silently and never a TypeError from deep inside.
 */
import { ContractError, InvalidOptionError, fromDict, fromJson, fromJsonWithReport } from '../../src';
import { parsePythonJson } from '../../src/entries/pyjson';

const TEXT = '{"event_id": "e", "event_code": "c", "extra": 1}';

const BAD: [string, unknown][] = [
  ['unknownKeys', 'bogus'],
  ['unknownKeys', true],
  ['fastPath', 'bogus'],
  ['fastPath', 1],
  ['onUnknownKey', 'log'],
  ['now', new Date(0)],
  ['maxDepth', -1],
  ['maxDocumentLength', '10'],
];

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  return undefined;
}

describe('options are checked (issue 15 #13)', () => {
  it.each(BAD)('fromJson, fromJsonWithReport and fromDict refuse %s: %p', (option, value) => {
    const options = { [option]: value } as never;
    for (const call of [
      () => fromJson('EventRecord', TEXT, options),
      () => fromJsonWithReport('EventRecord', TEXT, options),
      () => fromDict('EventRecord', JSON.parse(TEXT), options),
    ]) {
      const err = thrown(call);
      expect(err).toBeInstanceOf(InvalidOptionError);
      expect(err).toBeInstanceOf(ContractError);
      expect((err as InvalidOptionError).option).toBe(option);
      expect((err as InvalidOptionError).code).toBe('INVALID_OPTION');
    }
  });

  it('parsePythonJson refuses an unknown fastPath', () => {
    const err = thrown(() => parsePythonJson('{}', { fastPath: 'bogus' as never }));
    expect(err).toBeInstanceOf(InvalidOptionError);
    expect((err as Error).message).toBe('option fastPath: expected one of true, false, "sniff", got "bogus"');
  });

  it('null options are refused, undefined options are the defaults', () => {
    expect(thrown(() => fromJson('EventRecord', TEXT, null as never))).toBeInstanceOf(InvalidOptionError);
    expect(fromJson('EventRecord', TEXT, undefined).event_id).toBe('e');
  });

  it('every valid value still works', () => {
    for (const fastPath of [true, false, 'sniff'] as const) {
      for (const unknownKeys of ['ignore', undefined] as const) {
        expect(fromJson('EventRecord', TEXT, { fastPath, unknownKeys, onUnknownKey: () => undefined }).event_code).toBe(
          'c',
        );
      }
    }
    expect(() => fromJson('EventRecord', TEXT, { unknownKeys: 'reject' })).toThrow(/extra/);
  });
});
