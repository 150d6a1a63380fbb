/** Python's JSON dialect, exactly: what `json.loads` reads and the bytes `json.dumps` writes. */
export { parsePythonJson, PYTHON_INT_MAX_STR_DIGITS, type ParseOptions } from './parse';
export { stringifyPython } from './stringify';
export { PythonJsonSyntaxError, PythonJsonWriteError } from './errors';
/** Thrown for an argument of the wrong kind (a text that is not a string…); also on the root entry. */
export { InvalidArgumentError } from '../errors';
export { PyFloat, PY_KEY_ORDER, type PyJsonValue, type PyJsonObject } from './values';
// The functions the hot paths call unchecked, with their arguments checked (./public.ts).
export {
  isPlainJson,
  pythonFloatRepr,
  pythonStringRepr,
  pythonKeyOrder,
  withPythonKeyOrder,
  isArrayIndexKey,
} from './public';
