import { ContractError, describeReceived, shortPath } from '../errors';

/** One reason a document does not satisfy its DTO schema. */
export interface ValidationIssue {
  /** JSON pointer to the offending value, or to the missing/unknown property. */
  path: string;
  /** One readable line: what was expected there (and what was found). */
  message: string;
  /** The JSON Schema keyword that failed (`required`, `type`, `pattern`, …). */
  keyword: string;
}

/**
 * A document is not a valid instance of its DTO. `issues` lists the first reasons (at most the call's `maxIssues`,
 * default 1,000), in order; `moreIssues` counts the others, which were not listed.
 */
export class ContractValidationError extends ContractError {
  readonly code = 'CONTRACT_INVALID';
  override readonly dto: string;
  readonly issues: readonly ValidationIssue[];
  /** Issues found beyond the listed ones (0 when `issues` is complete). */
  readonly moreIssues: number;

  constructor(dto: string, issues: readonly ValidationIssue[], moreIssues = 0) {
    const first = issues[0];
    const others = issues.length - 1 + moreIssues;
    const unlisted = moreIssues > 0 ? `, ${moreIssues} not listed` : '';
    const more = others > 0 ? ` (and ${others} more issue${others > 1 ? 's' : ''}${unlisted})` : '';
    const where = first ? `${shortPath(first.path)}: ${first.message}` : 'invalid';
    super(`${dto} ${where}${more}`, { dto, path: first?.path, ...(first ? issueParts(first) : {}) });
    this.dto = dto;
    this.issues = issues;
    this.moreIssues = moreIssues;
  }
}

/**
 * What an issue's message says was expected and received. Messages are built
 * as `must be <expected>, got <received>` (validator, codec), or are one of the
 * fixed texts below; the received part comes last and is already truncated.
 */
export function issueParts(issue: ValidationIssue): { expected?: string; received?: string } {
  const m = issue.message;
  if (m === 'is required but missing') return { expected: 'the key to be present (it is required)', received: 'no such key' };
  if (m.startsWith('is not a property of this DTO')) {
    const segment = issue.path.slice(issue.path.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~');
    return { expected: 'only the keys the DTO defines', received: `the key ${describeReceived(segment)}` };
  }
  if (m.startsWith(UNWRITABLE)) return { expected: 'a value json.dumps can write', received: m.slice(UNWRITABLE.length) };
  const at = m.indexOf(', got ');
  const head = at < 0 ? m : m.slice(0, at);
  const expected = head.startsWith('must be ') ? head.slice('must be '.length) : head;
  return at < 0 ? { expected } : { expected, received: m.slice(at + ', got '.length) };
}

const UNWRITABLE = 'cannot be written as JSON: ';

/** A DTO name the contract does not define. */
export class UnknownDtoError extends ContractError {
  readonly code = 'UNKNOWN_DTO';
  /** The name given, as shown to people (JSON-quoted, one line, truncated). */
  override readonly received: string;
  override readonly expected: string;

  constructor(received: unknown, known: readonly string[]) {
    const expected = `one of ${known.join(', ')}`;
    const shown = describeReceived(typeof received === 'string' ? received : String(received));
    super(`unknown DTO ${shown}; expected ${expected}`, { expected, received: shown });
    this.received = shown;
    this.expected = expected;
  }
}
