import { describeReceived } from '../src/errors';
import fc from 'fast-check';
function old(value: unknown, max = 60): string {
  let text: string;
  if (value === undefined) text = 'undefined';
  else if (typeof value === 'bigint') text = `${value}n`;
  else if (typeof value === 'number' && !Number.isFinite(value)) text = String(value);
  else if (typeof value === 'function' || typeof value === 'symbol') text = typeof value;
  else { try { text = JSON.stringify(value) ?? String(value); } catch { text = Object.prototype.toString.call(value); } }
  text = text.replace(/[\r\n]+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
fc.assert(fc.property(fc.jsonValue(), fc.integer({min:5,max:80}), (v, m) => { const a = old(v, m), b = describeReceived(v, m); if (a !== b) throw new Error(JSON.stringify([a,b])); }), {numRuns: 20000});
fc.assert(fc.property(fc.anything({withBoxedValues:false, withNullPrototype:false, withObjectString:true, withMap:false, withSet:false, withBigInt:false, withDate:true, withTypedArray:false, withSparseArray:true}), (v) => { const a = old(v), b = describeReceived(v); if (a !== b) throw new Error(JSON.stringify([a,b])); }), {numRuns: 20000});
console.log('same');
