/**
 * Rounds interleaved across subjects (baseline, then every subject, per
 * round), so that a load spike on the shared machine hits all of them alike;
 * each subject's figure is the median of its rounds after warm-up.
 */
import { performance } from 'node:perf_hooks';
import { median, type Measurement } from './harness';

export interface Subject {
  name: string;
  run: () => unknown;
}

export function interleaved(subjects: Subject[], rounds = 7, warmup = 2): Measurement[] {
  const times = subjects.map(() => [] as number[]);
  for (let r = 0; r < warmup + rounds; r++) {
    subjects.forEach((s, i) => {
      const start = performance.now();
      s.run();
      const ms = performance.now() - start;
      if (r >= warmup) times[i]!.push(ms);
    });
  }
  return subjects.map((s, i) => ({ name: s.name, medianMs: median(times[i]!), roundsMs: times[i]! }));
}
