/**
 * The lines of a few JSON pointers in a large text, in memory bounded by the pointers (issue 15 #2): locator()
 * (locate.ts) builds jsonc-parser's syntax tree of the whole text, millions of nodes for a 64 MiB document of
 * problems (2.2 GB peak on a page of 283,000 markers with unknown keys). Here the text is walked once with
 * jsonc-parser's visitor, and only the members and elements on the way to a wanted pointer are noted. The answer
 * is locator()'s, pointer for pointer (test/hardening/max-issues-cli.test.ts compares them): the line of the key of
 * an object member (the last of duplicate keys), of an array element's start, or, for a pointer naming something
 * absent, of the deepest part that exists.
 */
import { visit } from 'jsonc-parser';
import { asStandardJson } from './locate';

/** One segment of a wanted pointer; `line` is valid while `parentVisit` equals its parent's `visit`. */
interface Step {
  readonly children: Map<string, Step>;
  line: number;
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
  return { children: new Map(), line: 0, visit: -1, parentVisit: -2 };
}

/** Pointer → 1-based line in `text` (which parsed as JSON, Python's NaN/Infinity allowed) for each of `pointers`. */
export function linesOf(text: string, pointers: Iterable<string>): Map<string, number> {
  const root = newStep();
  const wanted = new Map<string, string[]>();
  for (const pointer of pointers) {
    if (wanted.has(pointer)) continue;
    const tokens = pointer === '' ? [] : pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
    wanted.set(pointer, tokens);
    let step = root;
    for (const token of tokens) {
      let child = step.children.get(token);
      if (child === undefined) step.children.set(token, (child = newStep()));
      step = child;
    }
  }
  let counter = 0;
  const enter = (step: Step, parent: Step, line: number): void => {
    step.line = line;
    step.visit = ++counter;
    step.parentVisit = parent.visit;
  };
  const stack: Frame[] = [];
  let rootSeen = false;
  /** The step of a value starting at `line` (undefined: nothing wanted below it). */
  const valueStep = (line: number): Step | undefined => {
    const frame = stack[stack.length - 1];
    if (frame === undefined) {
      if (rootSeen) return undefined;
      rootSeen = true;
      root.line = line;
      root.visit = ++counter;
      return root;
    }
    if (!frame.array) return frame.next;
    const index = frame.index++;
    const step = frame.step?.children.get(String(index));
    if (step !== undefined) enter(step, frame.step!, line);
    return step;
  };
  const begin = (array: boolean) => (_offset: number, _length: number, startLine: number): boolean => {
    const step = valueStep(startLine + 1);
    stack.push({ step, array, index: 0, next: undefined });
    return step !== undefined && step.children.size > 0;
  };
  const end = (): void => {
    stack.pop();
  };
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  visit(asStandardJson(bom ? text.slice(1) : text), {
    onObjectBegin: begin(false),
    onArrayBegin: begin(true),
    onObjectEnd: end,
    onArrayEnd: end,
    onObjectProperty: (property: string, _offset: number, _length: number, startLine: number) => {
      const frame = stack[stack.length - 1]!;
      const step = frame.step?.children.get(property);
      if (step !== undefined) enter(step, frame.step!, startLine + 1);
      frame.next = step;
    },
    onLiteralValue: (_value: unknown, _offset: number, _length: number, startLine: number) => {
      valueStep(startLine + 1);
    },
  }, { allowTrailingComma: false, disallowComments: true });
  const lines = new Map<string, number>();
  for (const [pointer, tokens] of wanted) {
    let step = root;
    let line = root.visit >= 0 ? root.line : 1;
    for (const token of tokens) {
      const child = step.children.get(token);
      if (child === undefined || child.visit < 0 || child.parentVisit !== step.visit) break;
      line = child.line;
      step = child;
    }
    lines.set(pointer, line);
  }
  return lines;
}
