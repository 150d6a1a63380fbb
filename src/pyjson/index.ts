/** Python's JSON dialect, exactly: what `json.loads` reads and the bytes `json.dumps` writes. */
export { parsePythonJson, isPlainJson, PYTHON_INT_MAX_STR_DIGITS, type ParseOptions } from './parse';
export { stringifyPython, pythonFloatRepr, pythonStringRepr } from './stringify';
export { PythonJsonSyntaxError, PythonJsonWriteError } from './errors';
export {
  PyFloat,
  PY_KEY_ORDER,
  pythonKeyOrder,
  withPythonKeyOrder,
  isArrayIndexKey,
  type PyJsonValue,
  type PyJsonObject,
} from './values';
