/** The `./validation` entry: validate and the guards with the types and schemas they judge by, without the codec. */
export * from '../validation/index';
export type * from '../../generated/types';
export { CONTRACT_VERSION, DTO_NAMES, schemas, commonSchema, type DtoName } from '../../generated/schemas';
