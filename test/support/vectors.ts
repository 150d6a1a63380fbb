/** Reads the shared conformance vectors in contract/vectors/<DTO>/{valid,invalid}/*.json. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export const VECTORS_DIR = join(__dirname, '..', '..', 'contract', 'vectors');

export interface Vector {
  dto: string;
  kind: 'valid' | 'invalid';
  /** `EventRecord/invalid/timestamp-naive.json` */
  file: string;
  description: string;
  document: unknown;
  /** For invalid vectors: the JSON pointer validation must fail at. */
  error_path?: string;
}

export function loadVectors(): Vector[] {
  const vectors: Vector[] = [];
  for (const dto of readdirSync(VECTORS_DIR).sort()) {
    for (const kind of ['valid', 'invalid'] as const) {
      const dir = join(VECTORS_DIR, dto, kind);
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()) {
        const body = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Omit<Vector, 'dto' | 'kind' | 'file'>;
        vectors.push({ ...body, dto, kind, file: `${dto}/${kind}/${name}` });
      }
    }
  }
  return vectors;
}
