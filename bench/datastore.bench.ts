/**
 * Client data store: encode and decode of 10k EventRecords with 5 payload
 * values each (25 % of records hold one value above min_size_to_cache, stored
 * and referenced), through MemoryStore and SqliteStore (a temp file), as
 * ratios to JSON.stringify / JSON.parse of the same records. Batch calls: one
 * backend set per encode round, one get per decode round.
 */
import { join } from 'node:path';
import { ClientDataStore } from '../src/datastore/client-data-store';
import { decodeEventRecords, encodeEventRecords } from '../src/datastore/event-record';
import { MemoryStore } from '../src/datastore/memory-store';
import { SqliteStore } from '../src/datastore/sqlite-store';
import { makeEventRecords } from './fixtures';
import { measure, measureAsync, type Report } from './harness';
import { makeTempDir, removeTempDir } from '../test/support/temp-dir';

const N = 10_000;

export default async function datastoreBench(report: Report): Promise<void> {
  const options = { rounds: 7, warmup: 2 };
  const records = makeEventRecords(N);
  let sink = 0;
  const jsonTexts = records.map((r) => JSON.stringify(r));
  // Baselines are measured again beside each subject: on a shared machine the load drifts.
  const stringifyBase = () =>
    measure(
      'JSON.stringify (same records)',
      () => {
        for (const r of records) sink += JSON.stringify(r).length;
      },
      options,
    );
  const parseBase = () =>
    measure(
      'JSON.parse (same records)',
      () => {
        for (const t of jsonTexts) sink += (JSON.parse(t) as object) ? 1 : 0;
      },
      options,
    );

  const dir = makeTempDir('datastore-bench-');
  const sqlite = new SqliteStore({ path: join(dir, 'bench.sqlite'), appId: 'bench' });
  try {
    const stores: Array<[string, ClientDataStore]> = [
      ['MemoryStore', new ClientDataStore({ backend: new MemoryStore() })],
      ['SqliteStore', new ClientDataStore({ backend: sqlite })],
    ];
    for (const [name, store] of stores) {
      const texts = await encodeEventRecords(records, store);
      const refs = texts.reduce((n, t) => n + (t.match(/__pynenc__client_data__:/g)?.length ?? 0), 0);
      const group = `datastore: ${N} EventRecords × 5 payload values, ${refs} references, ${name}`;
      const encBase = stringifyBase();
      const enc = await measureAsync(
        `encodeEventRecords (${name})`,
        async () => {
          sink += (await encodeEventRecords(records, store)).length;
        },
        options,
      );
      const decBase = parseBase();
      const dec = await measureAsync(
        `decodeEventRecords (${name}, LRU 1024)`,
        async () => {
          store.clearLocalCache();
          sink += (await decodeEventRecords(texts, store)).length;
        },
        options,
      );
      const decoded = await decodeEventRecords(texts, store);
      const reencBase = stringifyBase();
      const reenc = await measureAsync(
        `re-encode decoded (${name}, wire reused)`,
        async () => {
          sink += (await encodeEventRecords(decoded, store)).length;
        },
        options,
      );
      report.ratio(group, enc, encBase, N);
      report.ratio(group, dec, decBase, N);
      report.ratio(group, reenc, reencBase, N);
      report.plain(group, encBase, N);
      report.plain(group, decBase, N);
    }
  } finally {
    await sqlite.close();
    removeTempDir(dir);
  }
  if (sink === -1) console.log(sink);
}
