/**
 * fast-check arbitraries for the pyjson value model, shared by the pyjson and codec property tests:
 * the fuzz run's values (fuzz/arbitraries.ts: hostile leaves, keys JavaScript treats specially).
 */
import fc from 'fast-check';
import { key, objectOf, pyValue } from '../../fuzz/arbitraries';
import type { PyJsonValue } from '../../src/pyjson';

export const pyJsonValue: fc.Arbitrary<PyJsonValue> = pyValue;

/** A JSON object of any values (arguments_preview). */
export const pyJsonObject = fc
  .array(fc.tuple(key, pyValue), { maxLength: 6 })
  .map((e) => objectOf(e) as Record<string, PyJsonValue>);
