import type { ValidationIssue } from './errors';

/**
 * Keeps the first `max` issues it is given and counts the others. A module of its own: validate and the codec's
 * reader make one for every invalid document, while the diagnosis that fills it (capped.ts) is loaded on the first
 * invalid document only (compiled.ts).
 */
export class IssueSink {
  readonly listed: ValidationIssue[] = [];
  /** Issues given beyond `max` (counted, not kept). */
  more = 0;

  constructor(readonly max: number) {}

  /** False once `max` issues are listed: callers may then count without building issues. */
  get listing(): boolean {
    return this.listed.length < this.max;
  }

  get total(): number {
    return this.listed.length + this.more;
  }

  add(issue: ValidationIssue): void {
    if (this.listed.length < this.max) this.listed.push(issue);
    else this.more++;
  }
}
