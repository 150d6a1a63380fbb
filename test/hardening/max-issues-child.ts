/**
 * Child of max-issues-memory.test.ts and bench/bounded.bench.ts: one entry over one 64 MiB many-problem document
 * (bench/problem-documents.ts), run under the heap limit the parent gives node. Prints one JSON line: the issues
 * listed and counted, the time and the process's peak RSS (from the kernel: VmHWM).
 * argv: <document> <parse|validate|fromJson|fromJsonReject|whole> [maxIssues]
 * (`parse`: JSON.parse alone, the floor)
 * (`whole`: one uncapped Ajv run, the behaviour before the cap: the control that must run out of memory)
 */
import { readFileSync } from 'node:fs';
import { fromJson } from '../../src/codec';
import { ContractValidationError, validate } from '../../src/validation';
import { diagnoseWhole } from '../../src/validation/capped';
import { PROBLEM_DTO, problemDocument, type ProblemDocument } from '../../bench/problem-documents';

function peakRssMiB(): number {
  const line = readFileSync('/proc/self/status', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'));
  return line ? Number(line.replace(/\D+/g, '')) / 1024 : process.memoryUsage().rss / 2 ** 20;
}

const [name, entry, max] = process.argv.slice(2) as [ProblemDocument, string, string | undefined];
const dto = PROBLEM_DTO[name];
const maxIssues = max === undefined ? undefined : Number(max);
const text = problemDocument(name);
const started = process.hrtime.bigint();
let listed = 0;
let more = 0;
let kept: unknown;
if (entry === 'parse') {
  kept = JSON.parse(text);
} else if (entry === 'whole') {
  listed = diagnoseWhole(dto, JSON.parse(text)).length;
} else if (entry === 'validate') {
  const result = validate(dto, JSON.parse(text), { maxIssues });
  if (!result.ok) [listed, more] = [result.issues.length, result.moreIssues];
} else {
  try {
    fromJson(dto, text, { maxIssues, unknownKeys: entry === 'fromJsonReject' ? 'reject' : 'ignore' });
  } catch (e) {
    if (!(e instanceof ContractValidationError)) throw e;
    [listed, more] = [e.issues.length, e.moreIssues];
  }
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;
void kept;
const items =
  text.split(name === 'payload-bad-values' ? '"k' : name === 'markers-unknown-keys' ? '"x0"' : '"context_type"')
    .length - 1;
process.stdout.write(
  `${JSON.stringify({ name, entry, length: text.length, items, listed, more, ms, peakRssMiB: peakRssMiB() })}\n`,
);
