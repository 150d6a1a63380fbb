/** The `./timestamps` entry: timestamps as Python's datetime reads, compares and writes them. Runs anywhere. */
export * from '../timestamps/index';
