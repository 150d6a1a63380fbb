/**
 * Runs scripts/python/redis_client_data.py (the Python side of the Redis cross-language tests) with the real
 * pynenc and pynenc_redis (the Python of .venv, see test/support/pynenc-python.ts): a real Pynenc app with
 * pynenc_redis's RedisClientDataStore on the test's redis-server.
 */
import { runOracle } from './pynenc-python';

export interface PyStored {
  reference: string;
  key: string;
}
export interface PyFetched {
  reference: string;
  key: string;
  text: string;
  sha256_ok: boolean;
}
export type PyKey = { key: string } | { error: string };

export function pyRedis(command: 'store', request: object): Promise<PyStored[]>;
export function pyRedis(command: 'fetch', request: object): Promise<Array<PyFetched | null>>;
export function pyRedis(command: 'keys', request: object): Promise<PyKey[]>;
export function pyRedis(command: 'write_records', request: object): Promise<{ texts: string[]; stored: number }>;
export function pyRedis(command: 'read_records', request: object): Promise<Array<Record<string, unknown>>>;
export function pyRedis(command: 'purge', request: object): Promise<null>;
export function pyRedis(command: 'defaults', request: object): Promise<Record<string, string | number>>;
export async function pyRedis(command: string, request: object): Promise<unknown> {
  return runOracle<unknown>('redis_client_data.py', request, { args: [command] });
}
