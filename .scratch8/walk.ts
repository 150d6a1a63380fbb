import { parsePythonJson } from '../src/pyjson';
import { isArrayIndexKey } from '../src/pyjson/values';
function ambiguous(v: number) { return Number.isInteger(v) || !Number.isFinite(v); }
function oldWalk(root: any): boolean {
  const stack: object[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (Array.isArray(node)) {
      for (let k = 0; k < node.length; k++) { const v: unknown = node[k];
        if (typeof v === 'object') { if (v !== null) stack.push(v); } else if (typeof v === 'number' && ambiguous(v)) return false; }
    } else { const obj = node as Record<string, unknown>;
      for (const key in obj) { const c = key.charCodeAt(0); if (c >= 48 && c <= 57 && isArrayIndexKey(key)) return false;
        const v = obj[key]; if (typeof v === 'object') { if (v !== null) stack.push(v); } else if (typeof v === 'number' && ambiguous(v)) return false; } }
  }
  return true;
}
const rec = (i: number) => ({ event_id: `evt-${i}`, event_code: 'order.created', timestamp: '2026-05-09T10:11:12.345678+00:00', payload: { a: 'x'.repeat(20), b: '"y"', c: '[1.5, 2.5]' }, matched_condition_ids: ['c1', 'c2'], valid_condition_ids: [], triggered_invocation_ids: ['i1'], emitted_by_invocation_id: null, emitted_by_task_id: null, emitted_by_runner_context_id: null });
const text = JSON.stringify({ records: Array.from({ length: 200 }, (_, i) => rec(i)) });
console.log('len', text.length);
const root = JSON.parse(text);
function time(name: string, f: () => unknown) {
  for (let r = 0; r < 3; r++) { const t0 = performance.now(); for (let k = 0; k < 2000; k++) f(); console.log(name, ((performance.now() - t0) / 2000 * 1000).toFixed(1), 'us'); }
}
time('JSON.parse', () => JSON.parse(text));
time('old walk', () => oldWalk(root));
time('parsePythonJson (new, checked walk)', () => parsePythonJson(text));
time('parsePythonJson maxDepth Inf (plain walk)', () => parsePythonJson(text, { maxDepth: Infinity }));
