import { sourceRegexes, contractPatterns, sampleStrings, timeRegex } from '../fuzz/regex';
const root = process.cwd();
const { found, dynamic } = sourceRegexes(root);
const contract = contractPatterns(root);
console.log(found.length, 'src regexes;', contract.length, 'contract patterns;', dynamic);
const samples = sampleStrings(root);
console.log(samples.length, 'samples');
const t0 = performance.now();
for (const r of [...contract, ...found]) {
  const t = timeRegex(r, samples, 100_000, () => {});
  console.log(t.worstMs.toFixed(2).padStart(8), t.worstTenthMs.toFixed(2).padStart(7), String(t.strings).padStart(4), `/${r.source.slice(0, 50)}/${r.flags}`, r.where[0], t.worstInput.slice(0, 40));
}
console.log('total', (performance.now() - t0).toFixed(0), 'ms');
