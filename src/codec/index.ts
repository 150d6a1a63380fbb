/** Byte-identical codecs for every DTO: read what Python's from_json reads, write what its to_json writes. */
export { fromJson, fromJsonWithReport, fromDict, type FromJsonOptions, type ReadReport, type UnknownKey } from './read';
export { toJson, isMatched, isTriggered } from './write';
export { isAsPythonWrites, type Clock } from './timestamps';
