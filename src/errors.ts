/**
 * Base of every error this package throws: a stable machine-readable `code`,
 * and, where the error is about a document, the DTO and the JSON path.
 */
export abstract class ContractError extends Error {
  abstract readonly code: string;
  /** DTO the failing document was read or written as, when known. */
  readonly dto: string | undefined;
  /** JSON pointer into the document ('' is the whole document), when known. */
  readonly path: string | undefined;

  protected constructor(message: string, details: { dto?: string; path?: string; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.dto = details.dto;
    this.path = details.path;
  }
}

/** Shortens a received value for an error message: one line, at most `max` characters. */
export function describeReceived(value: unknown, max = 60): string {
  let text: string;
  if (value === undefined) text = 'undefined';
  else if (typeof value === 'bigint') text = `${value}n`;
  else if (typeof value === 'number' && !Number.isFinite(value)) text = String(value);
  else if (typeof value === 'function' || typeof value === 'symbol') text = typeof value;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  text = text.replace(/[\r\n]+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
