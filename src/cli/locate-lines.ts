/**
 * The lines of a few JSON pointers in a large text, in memory bounded by the pointers (issue 15 #2): jsonc-parser's
 * syntax tree of the whole text (test/support/json-locator.ts, the reference) is millions of nodes for a 64 MiB
 * document of problems (2.2 GB peak on a page of 283,000 markers with unknown keys). Here the text is walked once
 * with jsonc-parser's visitor, and only the members and elements on the way to a wanted pointer are noted. The answer
 * is the reference's, pointer for pointer (test/hardening/max-issues-cli.test.ts compares them): the line of the key of
 * an object member (the last of duplicate keys), of an array element's start, or, for a pointer naming something
 * absent, of the deepest part that exists.
 */
import { visit } from 'jsonc-parser';
import { pointerTokens } from '../spec/json-pointer';
import { asStandardJson } from './locate';

/** One segment of a wanted pointer; `line` is valid while `parentVisit` equals its parent's `visit`. */
interface Step {
  readonly children: Map<string, Step>;
  /** Offset of the member's key or the element's start (lines are counted at the end, by '\n' as locator does). */
  offset: number;
  /** Counter value when this member/element was last entered (a later duplicate key enters it again). */
  visit: number;
  /** The parent's `visit` when this was entered: a mark left by an earlier duplicate of the parent is stale. */
  parentVisit: number;
}

interface Frame {
  readonly step: Step | undefined;
  readonly array: boolean;
  index: number;
  /** In an object: the step of the member whose value comes next. */
  next: Step | undefined;
}

function newStep(): Step {
  return { children: new Map(), offset: 0, visit: -1, parentVisit: -2 };
}

/** Pointer → 1-based line in `text` (which parsed as JSON, Python's NaN/Infinity allowed) for each of `pointers`. */
export function linesOf(text: string, pointers: Iterable<string>): Map<string, number> {
  const root = newStep();
  const wanted = new Map<string, string[]>();
  for (const pointer of pointers) {
    if (wanted.has(pointer)) continue;
    const tokens = pointerTokens(pointer) ?? [];
    wanted.set(pointer, tokens);
    let step = root;
    for (const token of tokens) {
      let child = step.children.get(token);
      if (child === undefined) step.children.set(token, (child = newStep()));
      step = child;
    }
  }
  let counter = 0;
  const enter = (step: Step, parent: Step, offset: number): void => {
    step.offset = offset;
    step.visit = ++counter;
    step.parentVisit = parent.visit;
  };
  const stack: Frame[] = [];
  let rootSeen = false;
  /** The step of a value starting at `offset` (undefined: nothing wanted below it). */
  const valueStep = (offset: number): Step | undefined => {
    const frame = stack[stack.length - 1];
    if (frame === undefined) {
      if (rootSeen) return undefined;
      rootSeen = true;
      root.offset = offset;
      root.visit = ++counter;
      return root;
    }
    if (!frame.array) return frame.next;
    const index = frame.index++;
    const step = frame.step?.children.get(String(index));
    if (step !== undefined) enter(step, frame.step!, offset);
    return step;
  };
  const begin =
    (array: boolean) =>
    (offset: number): boolean => {
      const step = valueStep(offset);
      stack.push({ step, array, index: 0, next: undefined });
      return step !== undefined && step.children.size > 0;
    };
  const end = (): void => {
    stack.pop();
  };
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  visit(
    asStandardJson(bom ? text.slice(1) : text),
    {
      onObjectBegin: begin(false),
      onArrayBegin: begin(true),
      onObjectEnd: end,
      onArrayEnd: end,
      onObjectProperty: (property: string, offset: number) => {
        const frame = stack[stack.length - 1]!;
        const step = frame.step?.children.get(property);
        if (step !== undefined) enter(step, frame.step!, offset);
        frame.next = step;
      },
      onLiteralValue: (_value: unknown, offset: number) => {
        valueStep(offset);
      },
    },
    { allowTrailingComma: false, disallowComments: true },
  );
  const offsets = new Map<string, number>();
  for (const [pointer, tokens] of wanted) {
    let step = root;
    let offset = root.visit >= 0 ? root.offset : 0;
    for (const token of tokens) {
      const child = step.children.get(token);
      if (child === undefined || child.visit < 0 || child.parentVisit !== step.visit) break;
      offset = child.offset;
      step = child;
    }
    offsets.set(pointer, offset + bom);
  }
  return linesAt(text, offsets);
}

/** The 1-based line of each offset ('\n' ends a line, as locator counts), from one scan of the text. */
function linesAt(text: string, offsets: Map<string, number>): Map<string, number> {
  const sorted = [...new Set(offsets.values())].sort((a, b) => a - b);
  const lineOf = new Map<number, number>();
  let line = 1;
  let newline = text.indexOf('\n');
  for (const offset of sorted) {
    while (newline !== -1 && newline < offset) {
      line++;
      newline = text.indexOf('\n', newline + 1);
    }
    lineOf.set(offset, line);
  }
  return new Map([...offsets].map(([pointer, offset]) => [pointer, lineOf.get(offset)!]));
}
