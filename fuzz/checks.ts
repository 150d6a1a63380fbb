/**
 * What every fuzz outcome must satisfy: a value of the right shape, or one of
 * the package's typed errors with a stable code, a one-line bounded message
 * and a JSON pointer path; no prototype changed anywhere.
 */
import { ContractError } from '../src/errors';
import { PyFloat } from '../src/pyjson';
import { PyOpaque, PySet, PyTuple } from '../src/datastore';

/** A broken property (not a package error). */
export class FuzzFailure extends Error {}

const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/;
const CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
/** No message should carry a document: received values and paths are truncated. */
export const MAX_MESSAGE = 2000;

function show(err: unknown): string {
  if (err instanceof Error) return `${err.constructor.name}: ${err.message.slice(0, 300)}\n${err.stack ?? ''}`;
  return String(err);
}

/** The error is one of the package's typed errors, well formed. */
export function checkError(err: unknown, dto?: string): ContractError {
  if (!(err instanceof ContractError))
    throw new FuzzFailure(`an error that is not a ContractError escaped: ${show(err)}`);
  if (typeof err.code !== 'string' || !CODE.test(err.code))
    throw new FuzzFailure(`bad code ${String(err.code)} on ${err.name}`);
  if (LINE_BREAK.test(err.message))
    throw new FuzzFailure(`${err.code}: message has a line break: ${JSON.stringify(err.message.slice(0, 300))}`);
  if (err.message.length > MAX_MESSAGE)
    throw new FuzzFailure(`${err.code}: message of ${err.message.length} chars: ${err.message.slice(0, 200)}…`);
  if (err.path !== undefined && (typeof err.path !== 'string' || (err.path !== '' && !err.path.startsWith('/')))) {
    throw new FuzzFailure(`${err.code}: path ${JSON.stringify(err.path)} is not a JSON pointer`);
  }
  if (dto !== undefined && err.dto !== undefined && err.dto !== dto)
    throw new FuzzFailure(`${err.code}: dto ${err.dto}, expected ${dto}`);
  for (const field of ['expected', 'received'] as const) {
    const v = err[field];
    if (v !== undefined && (typeof v !== 'string' || LINE_BREAK.test(v) || v.length > MAX_MESSAGE)) {
      throw new FuzzFailure(
        `${err.code}: ${field} is not a short single line: ${JSON.stringify(String(v).slice(0, 200))}`,
      );
    }
  }
  return err;
}

const PROTOTYPES = [
  Object.prototype,
  Array.prototype,
  Function.prototype,
  String.prototype,
  Number.prototype,
  Boolean.prototype,
];

function protoSnapshot(): string {
  return (
    PROTOTYPES.map((p) => Reflect.ownKeys(p).map(String).join(',')).join('|') +
    String(Object.getPrototypeOf(Object.prototype))
  );
}

const BASELINE = protoSnapshot();

/** No built-in prototype gained, lost or replaced a property (prototype pollution). */
export function checkPrototypes(): void {
  const now = protoSnapshot();
  if (now !== BASELINE) throw new FuzzFailure(`a built-in prototype changed: ${now.slice(0, 300)}`);
  if (({} as Record<string, unknown>).polluted !== undefined) throw new FuzzFailure('Object.prototype.polluted is set');
}

const ARRAY_PROTOS = new Set<unknown>([Array.prototype, PyTuple.prototype, PySet.prototype]);

/**
 * Array.prototype / Object.prototype of any realm (jest runs tests in a vm
 * context: values made by Node built-ins such as structuredClone come from the
 * outer realm). A prototype set from data would be an ordinary object.
 */
function isBuiltinPrototype(proto: object | null, array: boolean): boolean {
  if (proto === null) return false;
  if (array) return Array.isArray(proto) && isBuiltinPrototype(Object.getPrototypeOf(proto) as object | null, false);
  return Object.getPrototypeOf(proto) === null && Object.prototype.hasOwnProperty.call(proto, 'isPrototypeOf');
}

/**
 * Every object reachable from `value` is what the package documents: plain
 * objects with Object.prototype and data properties only, arrays (PyTuple,
 * PySet), PyFloat, PyOpaque, Uint8Array. A `__proto__` key is an own data
 * property, never a prototype.
 */
export function checkShape(value: unknown): void {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    if (v instanceof PyFloat || v instanceof Uint8Array) continue;
    if (v instanceof PyOpaque) {
      stack.push(v.raw);
      continue;
    }
    const proto = Object.getPrototypeOf(v) as object | null;
    if (Array.isArray(v)) {
      if (!ARRAY_PROTOS.has(proto) && !isBuiltinPrototype(proto, true))
        throw new FuzzFailure('an array with a foreign prototype');
      for (const item of v) stack.push(item);
      continue;
    }
    if (!isBuiltinPrototype(proto, false)) {
      throw new FuzzFailure(
        `an object whose prototype is not Object.prototype (keys ${Object.keys(v).join(',').slice(0, 100)})`,
      );
    }
    for (const k of Object.keys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, k)!;
      if (d.get || d.set) throw new FuzzFailure(`accessor property ${JSON.stringify(k)}`);
      stack.push(d.value);
    }
  }
}

/** Outcome of a call, comparable across parser paths. */
export type Outcome = { ok: true; text: string } | { ok: false; error: ContractError };

export function sameOutcome(a: Outcome, b: Outcome, what: string): void {
  if (a.ok && b.ok) {
    if (a.text !== b.text)
      throw new FuzzFailure(`${what}: results differ: ${a.text.slice(0, 120)} vs ${b.text.slice(0, 120)}`);
    return;
  }
  if (a.ok !== b.ok) {
    const err = a.ok ? (b as { error: ContractError }).error : (a as { error: ContractError }).error;
    throw new FuzzFailure(`${what}: one path read the text, the other threw ${err.code}: ${err.message.slice(0, 200)}`);
  }
  const ea = (a as { error: ContractError }).error;
  const eb = (b as { error: ContractError }).error;
  if (ea.code !== eb.code || ea.message !== eb.message || ea.path !== eb.path) {
    throw new FuzzFailure(
      `${what}: errors differ: ${ea.code} ${ea.path} ${ea.message.slice(0, 150)} vs ${eb.code} ${eb.path} ${eb.message.slice(0, 150)}`,
    );
  }
}

/** Throws when a case ran longer than its budget (a hang is caught by the runner's watchdog). */
export function checkTime(started: number, budgetMs: number): void {
  const took = performance.now() - started;
  if (took > budgetMs) throw new FuzzFailure(`the case took ${took.toFixed(0)} ms, over its budget of ${budgetMs} ms`);
}
