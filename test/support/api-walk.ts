/**
 * The public-API walk (issue 15: "every public function throws only ContractErrors; a test walks the public API
 * with hostile arguments"): hostile values of every kind, a walker that calls a function with each of them at each
 * argument position (the others valid), with all positions hostile and, for a plain-object argument, in each of its
 * fields, and the one assertion: whatever a call does, when it throws or rejects, the error is a ContractError with
 * a non-empty string code and a one-line message. Used by test/hardening/*-api-walk.test.ts.
 */
import { ContractError } from '../../src/errors';

export type Fn = (...args: unknown[]) => unknown;

/** A labelled hostile value. */
export type Hostile = readonly [label: string, value: unknown];

/** A call that threw something else than a ContractError (or one without a code, or a multi-line message). */
export interface Failure {
  call: string;
  error: string;
}

/** An object that refers to itself. */
export function cyclicObject(): Record<string, unknown> {
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = cyclic;
  return cyclic;
}

/**
 * Values no caller should pass, of every JavaScript kind: each test adds the ones of its own domain (options,
 * stores, references) to these.
 */
export function baseHostileValues(): Hostile[] {
  return [
    ['undefined', undefined],
    ['null', null],
    ['0', 0],
    ['-1', -1],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['1.5', 1.5],
    ['2^60', 2 ** 60],
    ['bigint', 2n ** 70n],
    ["''", ''],
    ["'x'", 'x'],
    ['lone surrogate', 'a\uD800'],
    ["'::::'", '::::'],
    ['true', true],
    ['symbol', Symbol('s')],
    ['function', () => 1],
    ['{}', {}],
    ['[]', []],
    ['[null]', [null]],
    ['[5]', [5]],
    ['null-prototype object', Object.create(null)],
    ['Date', new Date(0)],
    ['Invalid Date', new Date(NaN)],
    ['Map', new Map([[1, 2]])],
    ['cycle', cyclicObject()],
    ['a deep array', JSON.parse(`${'['.repeat(5000)}${']'.repeat(5000)}`)],
    ['a huge string', 'x'.repeat(1_000_000)],
  ];
}

/** True for what the walk accepts as thrown: a ContractError with a non-empty string code and a one-line message. */
export function isWellFormedContractError(error: unknown): boolean {
  return (
    error instanceof ContractError &&
    typeof error.code === 'string' &&
    error.code !== '' &&
    !/[\n\r]/.test(error.message)
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}

export interface WalkArgsOptions {
  /** Also put each hostile value in each field of a plain-object argument (default true). */
  fields?: boolean;
  /**
   * How deep `fields` goes: 1 (default) the argument's own fields; 2 and more also the fields of the plain objects
   * and the items of the arrays it holds (a record's participants, its payload), down to that depth.
   */
  depth?: number;
  /** May refuse replacing argument `position` whole by `value` (e.g. options whose defaults would poll forever). */
  wholeArg?: (position: number, value: unknown) => boolean;
}

/** One walk: the hostile values it uses, the failures it found and the number of calls it made. */
export class ApiWalk {
  readonly failures: Failure[] = [];
  calls = 0;

  constructor(readonly values: readonly Hostile[]) {}

  /** Runs `run` once; records a failure when it throws or rejects with anything but a well-formed ContractError. */
  async call(call: string, run: () => unknown): Promise<unknown> {
    this.calls++;
    try {
      return await run();
    } catch (error) {
      if (!isWellFormedContractError(error)) {
        const text = error instanceof Error ? `${error.name}: ${error.message.slice(0, 160)}` : String(error);
        this.failures.push({ call, error: text });
      }
      return undefined;
    }
  }

  /**
   * Calls `fn` with each hostile value at each position (the others from `valid`), with all positions hostile,
   * and (options.fields) with each hostile value in each field of a plain-object argument. Returns the calls made.
   */
  async args(name: string, valid: readonly unknown[], fn: Fn, options: WalkArgsOptions = {}): Promise<number> {
    const before = this.calls;
    const fields = options.fields ?? true;
    const wholeArg = options.wholeArg ?? (() => true);
    const positions = Math.max(valid.length, 1);
    for (const [label, value] of this.values) {
      for (let position = 0; position < positions; position++) {
        const arg = valid[position];
        if (wholeArg(position, value)) {
          const args = [...valid];
          args[position] = value;
          await this.call(`${name}(arg ${position} = ${label})`, () => fn(...args));
        }
        if (!fields || !isPlainObject(arg)) continue;
        for (const path of fieldPaths(arg, options.depth ?? 1)) {
          const fieldArgs = [...valid];
          fieldArgs[position] = replaced(arg, path, value);
          await this.call(`${name}(arg ${position}.${path.join('.')} = ${label})`, () => fn(...fieldArgs));
        }
      }
      if (valid.every((_, position) => wholeArg(position, value))) {
        await this.call(`${name}(all = ${label})`, () => fn(...valid.map(() => value)));
      }
    }
    return this.calls - before;
  }

  /**
   * The failures, one line per function and kind of error (the first call that showed it), so a regression reads
   * at a glance: `[]` when every call returned or threw a well-formed ContractError.
   */
  summary(): string[] {
    const seen = new Map<string, string>();
    for (const failure of this.failures) {
      const key = `${failure.call.replace(/\(.*$/, '')} → ${failure.error.replace(/[0-9]+/g, 'N').slice(0, 90)}`;
      if (!seen.has(key)) seen.set(key, failure.call);
    }
    return [...seen].map(([key, call]) => `${key}  [e.g. ${call}]`);
  }
}

/** The paths to every field of `value` (a plain object) and, below depth 1, of the objects and arrays it holds. */
function fieldPaths(value: unknown, depth: number): string[][] {
  if (depth < 1 || !(isPlainObject(value) || Array.isArray(value))) return [];
  const paths: string[][] = [];
  for (const key of Object.keys(value)) {
    paths.push([key]);
    const inner = (value as Record<string, unknown>)[key];
    for (const below of fieldPaths(inner, depth - 1)) paths.push([key, ...below]);
  }
  return paths;
}

/** A copy of `value` (copied along `path` only) with the field at `path` set to `replacement`. */
function replaced(value: unknown, path: readonly string[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [key, ...rest] = path as [string, ...string[]];
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as object) };
  (copy as Record<string, unknown>)[key] = replaced((value as Record<string, unknown>)[key], rest, replacement);
  return copy;
}

/** A member of a module's public surface: an export, a class's static method or an instance method. */
export interface ApiMember {
  /** `name`, `Class.staticMethod` or `Class#method` (`Class#get accessor` for a getter). */
  name: string;
  kind: 'function' | 'class' | 'static' | 'method' | 'getter' | 'value';
}

/** True when `value` is a class (its source starts with `class`), not a plain function. */
export function isClass(value: unknown): boolean {
  return typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value));
}

/**
 * Every member of `module`'s exports: functions, classes with their static and instance methods and getters, and
 * values (constants). A new export, or a new method of an exported class, appears here by itself.
 */
export function apiMembers(module: Record<string, unknown>): ApiMember[] {
  const members: ApiMember[] = [];
  for (const [name, value] of Object.entries(module)) {
    if (typeof value !== 'function') {
      members.push({ name, kind: 'value' });
      continue;
    }
    if (!isClass(value)) {
      members.push({ name, kind: 'function' });
      continue;
    }
    members.push({ name, kind: 'class' });
    for (const key of Object.getOwnPropertyNames(value)) {
      if (['length', 'name', 'prototype'].includes(key)) continue;
      const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
      if (typeof descriptor.value === 'function') members.push({ name: `${name}.${key}`, kind: 'static' });
    }
    const prototype = (value as { prototype: object }).prototype;
    for (const key of Object.getOwnPropertyNames(prototype)) {
      if (key === 'constructor') continue;
      const descriptor = Object.getOwnPropertyDescriptor(prototype, key)!;
      if (typeof descriptor.value === 'function') members.push({ name: `${name}#${key}`, kind: 'method' });
      else if (descriptor.get !== undefined) members.push({ name: `${name}#${key}`, kind: 'getter' });
    }
  }
  return members;
}

/** The exports of `module` neither in `walked` nor an error class (…Error): what a walk test has not covered. */
export function unwalkedExports(module: Record<string, unknown>, walked: readonly string[]): string[] {
  const listed = new Set(walked);
  return Object.keys(module).filter((name) => !listed.has(name) && !/Error$/.test(name));
}
