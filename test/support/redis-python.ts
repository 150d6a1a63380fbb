/**
 * Runs scripts/python/redis_client_data.py (the pynenc_redis side of the
 * cross-language tests) with /usr/bin/python3 and its Debian `redis` module.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';

export const PYTHON = process.env.PYTHON_BIN ?? '/usr/bin/python3';
const SCRIPT = join(__dirname, '..', '..', 'scripts', 'python', 'redis_client_data.py');

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
export function pyRedis(command: string, request: object): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = execFile(PYTHON, [SCRIPT, command], { maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) {
        reject(new Error(`${PYTHON} ${SCRIPT} ${command} failed: ${err.message}\n${stderr}`));
        return;
      }
      try {
        resolve(JSON.parse(stdout));
      } catch (parseErr) {
        reject(new Error(`unparsable output of ${command}: ${String(parseErr)}\n${stdout.slice(0, 500)}`));
      }
    });
    child.stdin!.end(JSON.stringify(request));
  });
}
