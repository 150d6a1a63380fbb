/**
 * `pynenc-contract format <DTO> [file|-]`: reads each document as Python's
 * from_json reads it (fromJson: defaults filled in, timestamps normalized,
 * unknown keys dropped — and reported here) and writes it as Python's to_json
 * writes it (toJson). A document that cannot be read is reported, not written.
 */
import { createInterface } from 'node:readline';

import { fromJsonWithReport, toJson } from '../codec';
import { shortPath } from '../errors';
import { LimitExceededError } from '../limits';
import { PythonJsonSyntaxError } from '../pyjson';
import { ContractValidationError } from '../validation';
import { EXIT_INVALID, EXIT_OK, InputError, LineWriter, STDIN, describeIoError, labelOf, openInput, readText } from './io';
import { lineAt, locator } from './locate';
import { requireDto } from './validate';

export interface FormatOptions {
  jsonl?: boolean;
}

interface Counts {
  documents: number;
  invalid: number;
}

export async function runFormat(dtoName: string, file: string | undefined, options: FormatOptions): Promise<number> {
  const dto = requireDto(dtoName);
  const input = file ?? STDIN;
  const label = labelOf(input);
  const out = new LineWriter(process.stdout);
  const err = new LineWriter(process.stderr);
  const counts: Counts = { documents: 0, invalid: 0 };

  const one = async (text: string, firstLine: number, multiLine: boolean): Promise<void> => {
    counts.documents++;
    let line: ((path: string) => number) | undefined; // one parse of the text, made on the first problem
    const where = (path: string): number => (multiLine ? firstLine + (line ??= locator(text))(path) - 1 : firstLine);
    try {
      const { value, unknownKeys } = fromJsonWithReport(dto, text);
      for (const u of unknownKeys) {
        await err.line(`${label}:${where(u.path)} ${u.path}: unknown key of ${u.dto}, dropped as Python's reader drops it`);
      }
      await out.line(toJson(dto, value));
    } catch (e) {
      counts.invalid++;
      if (e instanceof PythonJsonSyntaxError) {
        await err.line(`${label}:${firstLine + e.line - 1} /: not JSON: ${e.message}`);
      } else if (e instanceof LimitExceededError) {
        await err.line(`${label}:${firstLine + lineAt(text, e.offset) - 1} ${shortPath(e.path)}: too large to read: ${e.message}`);
      } else if (e instanceof ContractValidationError) {
        for (const issue of e.issues) await err.line(`${label}:${where(issue.path)} ${issue.path || '/'}: ${issue.message}`);
      } else {
        throw e;
      }
    }
  };

  if (options.jsonl) {
    const opened = await openInput(input);
    let failure: unknown;
    const lines = createInterface({ input: opened.stream, crlfDelay: Infinity });
    opened.stream.on('error', (e) => {
      failure = e;
      lines.close();
    });
    let lineNo = 0;
    for await (const raw of lines) {
      lineNo++;
      const line = lineNo === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
      if (line.trim() === '') continue;
      await one(line, lineNo, false);
    }
    if (failure) throw new InputError(`${label}: cannot read: ${describeIoError(failure)}`);
  } else {
    const text = await readText(input);
    await one(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, 1, true);
  }
  if (counts.invalid > 0) {
    await err.line(`${dto}: ${counts.invalid} of ${counts.documents} document${counts.documents === 1 ? '' : 's'} could not be read; not written`);
  }
  return counts.invalid > 0 ? EXIT_INVALID : EXIT_OK;
}

