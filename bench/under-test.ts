/**
 * The package under test: with CODEC_BUILD=/tmp/dir, the compiled package (`npx tsc -p tsconfig.build.json --outDir
 * /tmp/dir`: the shipped code, as the speed goals are stated), else the sources (through tsx). Every bench that
 * honours CODEC_BUILD loads its modules here, so that one run never mixes compiled and source code. Required on
 * demand, not imported: with CODEC_BUILD the sources are not loaded at all (the big-values child measures memory).
 */
import { join } from 'node:path';
import type * as codec from '../src/codec';
import type * as pyjson from '../src/pyjson';
import type * as validation from '../src/validation';

const BUILD = process.env.CODEC_BUILD;

/** Where the code under test comes from, for the report. */
export const UNDER_TEST = BUILD ? `built (${BUILD})` : 'sources';

function underTest<T>(entry: string): T {
  const root = BUILD ? join(BUILD, 'src') : join(__dirname, '..', 'src');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(root, entry)) as T;
}

export const codecUnderTest = (): typeof codec => underTest('codec');
export const pyjsonUnderTest = (): typeof pyjson => underTest('pyjson');
export const validationUnderTest = (): typeof validation => underTest('validation');
