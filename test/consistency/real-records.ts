/**
 * Records the real pynenc writes (scripts/python/consistency_oracle.py: random scenarios played through
 * pynenc's own trigger loop), read back from its backend and validated against the contract.
 */
import type { EventMarkerPage, EventRecord, TriggerRunParticipant, TriggerRunRecord } from '../../generated/types';
import { assertValid } from '../../src/validation';
import { runOracle } from '../support/pynenc-python';

export interface OracleRequest {
  seed: number;
  scenarios: number;
  store?: 'memory' | 'sqlite' | 'redis';
  sqlite_db_path?: string;
  redis_url?: string;
}

interface OracleReply {
  trigger_runs: string[];
  events: string[];
  marker_pages: string[];
  figures: Record<string, number>;
  status_names: string[];
}

export interface RealRecords {
  runs: TriggerRunRecord[];
  events: EventRecord[];
  pages: EventMarkerPage[];
  /** What the oracle played (counts), for the failure messages. */
  figures: Record<string, number>;
  /** Every InvocationStatus member name of the installed pynenc. */
  statusNames: string[];
}

/** The seed of a run: CONSISTENCY_SEED when set (to replay or explore), else `fallback`. */
export function seedOr(fallback: number): number {
  const env = process.env.CONSISTENCY_SEED;
  return env === undefined ? fallback : Number(env);
}

export function realRecords(request: OracleRequest): RealRecords {
  const reply = runOracle<OracleReply>('consistency_oracle.py', request, { timeoutMs: 300_000 });
  return {
    runs: reply.trigger_runs.map((t) => assertValid('TriggerRunRecord', JSON.parse(t))),
    events: reply.events.map((t) => assertValid('EventRecord', JSON.parse(t))),
    pages: reply.marker_pages.map((t) => assertValid('EventMarkerPage', JSON.parse(t))),
    figures: reply.figures,
    statusNames: reply.status_names,
  };
}

export function participantsOf(runs: readonly TriggerRunRecord[]): TriggerRunParticipant[] {
  return runs.flatMap((r) => r.participants);
}
