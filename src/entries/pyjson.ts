/** The `./pyjson` entry: Python's json dialect (parse and write as CPython's json module does). Runs anywhere. */
export * from '../pyjson/index';
