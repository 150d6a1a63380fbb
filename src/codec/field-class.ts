/**
 * The one table classifying a DTO field, for the fast path's walk (src/pyjson/fast-path.ts), the reader
 * (./read.ts) and the writer (./write.ts): from the plan's kind and shape.
 */
import {
  FIELD_ANY,
  FIELD_DTO,
  FIELD_DTO_ARRAY,
  FIELD_LIST,
  FIELD_MAP,
  FIELD_SCALAR,
  FIELD_TIMESTAMP,
} from '../pyjson/fast-path';
import type { FieldPlan } from './plan';

export { FIELD_ANY, FIELD_DTO, FIELD_DTO_ARRAY, FIELD_LIST, FIELD_MAP, FIELD_SCALAR, FIELD_TIMESTAMP };

const BY_SHAPE = { scalar: FIELD_SCALAR, list: FIELD_LIST, map: FIELD_MAP, any: FIELD_ANY } as const;

/** The FIELD_* class of a field. */
export function fieldClass(field: FieldPlan): number {
  switch (field.kind) {
    case 'timestamp':
    case 'optionalTimestamp':
      return FIELD_TIMESTAMP;
    case 'dto':
      return FIELD_DTO;
    case 'dtoArray':
      return FIELD_DTO_ARRAY;
    default:
      return BY_SHAPE[field.shape];
  }
}
