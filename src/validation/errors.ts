import { ContractError } from '../errors';

/** One reason a document does not satisfy its DTO schema. */
export interface ValidationIssue {
  /** JSON pointer to the offending value, or to the missing/unknown property. */
  path: string;
  /** One readable line: what was expected there (and what was found). */
  message: string;
  /** The JSON Schema keyword that failed (`required`, `type`, `pattern`, …). */
  keyword: string;
}

/** A document is not a valid instance of its DTO; `issues` lists every reason. */
export class ContractValidationError extends ContractError {
  readonly code = 'CONTRACT_INVALID';
  override readonly dto: string;
  readonly issues: readonly ValidationIssue[];

  constructor(dto: string, issues: readonly ValidationIssue[]) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? 's' : ''})` : '';
    const where = first ? `${first.path || '/'}: ${first.message}` : 'invalid';
    super(`${dto} ${where}${more}`, { dto, path: first?.path });
    this.dto = dto;
    this.issues = issues;
  }
}

/** A DTO name the contract does not define. */
export class UnknownDtoError extends ContractError {
  readonly code = 'UNKNOWN_DTO';
  readonly received: string;

  constructor(received: unknown, known: readonly string[]) {
    super(`unknown DTO ${JSON.stringify(String(received))}; expected one of ${known.join(', ')}`);
    this.received = String(received);
  }
}
