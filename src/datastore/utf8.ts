/**
 * Stored bytes read as Python's `bytes.decode('utf-8')` reads them (pynenc's SQLite and Redis stores): strict (bytes
 * that are not UTF-8 throw a TypeError) and a leading U+FEFF kept as text. One decoder for every backend: a copy
 * without `ignoreBOM` once dropped a leading U+FEFF. Not streaming, so the shared decoder holds no state.
 */
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeUtf8AsPython(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
