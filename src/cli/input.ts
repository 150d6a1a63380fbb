/**
 * The CLI's one input layer: bytes in (a file, or stdin), strict UTF-8 out, limits kept while reading.
 *
 * - Bytes are decoded by the platform's decoder (`TextDecoder('utf-8', { fatal: true })`): a byte sequence that
 *   is not UTF-8 (an invalid or overlong byte, an encoded surrogate, a sequence cut by the end of the input) is an
 *   InvalidUtf8Error naming its byte offset in the input and its line — a problem of that document, never a
 *   U+FFFD put in its place.
 * - `maxDocumentLength` (UTF-16 code units of the decoded text, as everywhere in the package) is counted as the
 *   text is decoded: a document stops being read as soon as it is passed; a JSON Lines line too long is skipped
 *   to its end without being kept, reported, and the next line is read. Memory stays about the limit, whatever
 *   the input (a line of 300 MB, /dev/zero).
 * - JSON Lines are split on the bytes: LF, CRLF or a lone CR ends a line (as readline and Python's text files
 *   read them); none of these bytes occurs inside a UTF-8 sequence.
 * - A read failure is an InputError (exit 2).
 * - A BOM at the start of a document, or of the first line, is read and dropped.
 */
import { constants as bufferConstants } from 'node:buffer';
import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { ContractError } from '../errors';
import { LimitExceededError, resolveLimits, type ReadLimits } from '../limits';
import { InputError, STDIN, describeIoError, labelOf } from './io';

/** Why a byte sequence is not UTF-8, in the words of Python's UnicodeDecodeError. */
type Utf8Reason = 'invalid start byte' | 'invalid continuation byte' | 'unexpected end of data';

/** Bytes of an input that are not UTF-8. Nothing of the document is read. */
export class InvalidUtf8Error extends ContractError {
  override readonly name = 'InvalidUtf8Error';
  readonly code = 'INVALID_UTF8';
  /** Offset of the first byte that cannot be decoded, from the start of the input (file or stdin). */
  readonly byteOffset: number;
  /** 1-based line of the input the byte is on. */
  readonly line: number;
  readonly reason: Utf8Reason;
  /** The bytes named in the message: the byte that cannot start or continue a sequence, or the cut sequence. */
  readonly bytes: readonly number[];
  declare readonly expected: string;
  declare readonly received: string;

  constructor(byteOffset: number, line: number, reason: Utf8Reason, bytes: readonly number[]) {
    const shown = bytes.map((b) => `0x${b.toString(16).padStart(2, '0')}`).join(' ');
    const received = `${bytes.length === 1 ? 'byte' : 'bytes'} ${shown}`;
    super(`cannot decode ${received} at byte offset ${byteOffset} (line ${line}): ${reason}`, {
      expected: 'UTF-8 text',
      received,
    });
    this.byteOffset = byteOffset;
    this.line = line;
    this.reason = reason;
    this.bytes = bytes;
  }
}

/** An input opened for reading: its bytes, once. */
export interface Source {
  /** `<stdin>` or the file name, for messages. */
  label: string;
  /** Size in bytes when known (regular files), for progress. */
  size: number | undefined;
  /** Bytes read so far. */
  bytesRead(): number;
  /** The bytes in chunks; InputError when reading fails. Leaving the loop early closes the input. */
  chunks(): AsyncGenerator<Buffer>;
}

/** Opens a file, or stdin for `-` (`stdin` is called then); InputError when it cannot be read. */
export async function openSource(file: string, stdin: () => Readable): Promise<Source> {
  const label = labelOf(file);
  if (file === STDIN) return sourceOf(label, stdin(), undefined);
  let info;
  try {
    info = await stat(file);
  } catch (err) {
    throw new InputError(`${label}: cannot read: ${describeIoError(err)}`, err);
  }
  if (info.isDirectory()) throw new InputError(`${label}: cannot read: is a folder`);
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    throw new InputError(`${label}: cannot read: ${describeIoError(err)}`, err);
  }
  return sourceOf(label, handle.createReadStream({ highWaterMark: CHUNK }), info.isFile() ? info.size : undefined);
}

/** A source over any readable stream of bytes (stdin, a file stream, a test's or the fuzz target's stream). */
export function sourceOf(label: string, stream: Readable, size?: number): Source {
  let read = 0;
  return {
    label,
    size,
    bytesRead: () => read,
    async *chunks() {
      try {
        for await (const chunk of stream) {
          const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
          read += bytes.length;
          yield bytes;
        }
      } catch (err) {
        throw new InputError(`${label}: cannot read: ${describeIoError(err)}`, err);
      }
    },
  };
}

const CHUNK = 1 << 16;
const EMPTY = Buffer.alloc(0);
/** The longest string V8 makes: with maxDocumentLength Infinity, the ceiling that still gives a typed error. */
const MAX_STRING = bufferConstants.MAX_STRING_LENGTH;

/** One text read from an input: a document, or a line of JSON Lines. */
export type TextRead =
  { ok: true; text: string; line: number } | { ok: false; error: InvalidUtf8Error | LimitExceededError; line: number };

/** Reads the whole input as one document. */
export async function readDocument(source: Source, limits?: ReadLimits): Promise<TextRead> {
  const texts = new TextAssembler(maxUnits(limits));
  texts.begin(0, 1, true, true);
  for await (const chunk of source.chunks()) {
    texts.push(chunk, false);
    if (texts.failed) break; // the rest is not read: a document too large, or not UTF-8, is one problem
  }
  if (!texts.failed) texts.push(EMPTY, true);
  return texts.finish();
}

/**
 * Reads the input line by line (the line numbers count every line, blank ones too), in batches: the lines that
 * end in each chunk read. Each line is a document; one that is not UTF-8 or too long is an error in its place,
 * and reading goes on with the next line.
 */
export async function* readLines(source: Source, limits?: ReadLimits): AsyncGenerator<TextRead[]> {
  const texts = new TextAssembler(maxUnits(limits));
  let line = 1;
  let offset = 0; // of the chunk, in the input
  let lineOpen = false; // a line has begun and not ended
  let afterCR = false; // the last chunk ended with CR: an LF starting this one belongs to it
  for await (const chunk of source.chunks()) {
    const batch: TextRead[] = [];
    let pos = afterCR && chunk[0] === LF ? 1 : 0;
    afterCR = false;
    let nextLF = -2; // -2: not looked for yet; -1: none in the rest of the chunk
    let nextCR = -2;
    // The whole lines of the chunk decoded at once (the common case: no line lineOpen, all UTF-8, none too long);
    // else, and from the first line that is not, line by line on the bytes.
    const last = lineOpen ? -1 : Math.max(chunk.lastIndexOf(LF), chunk.lastIndexOf(CR));
    const whole = last >= pos ? texts.wholeLines(chunk.subarray(pos, last + 1)) : undefined;
    if (whole !== undefined) {
      for (const text of whole) {
        batch.push({ ok: true, text: line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, line });
        line++;
      }
      pos = last + 1;
      if (chunk[last] === CR) {
        if (pos === chunk.length) afterCR = true;
        else if (chunk[pos] === LF) pos++;
      }
    }
    while (pos < chunk.length) {
      if (nextLF !== -1 && nextLF < pos) nextLF = chunk.indexOf(LF, pos);
      if (nextCR !== -1 && nextCR < pos) nextCR = chunk.indexOf(CR, pos);
      const end = nextLF === -1 ? nextCR : nextCR === -1 ? nextLF : Math.min(nextLF, nextCR);
      if (!lineOpen) {
        texts.begin(offset + pos, line, line === 1, false);
        lineOpen = true;
      }
      if (end === -1) {
        texts.push(chunk.subarray(pos), false);
        break;
      }
      texts.push(chunk.subarray(pos, end), true);
      batch.push(texts.finish());
      lineOpen = false;
      line++;
      pos = end + 1;
      if (chunk[end] === CR) {
        if (pos === chunk.length) afterCR = true;
        else if (chunk[pos] === LF) pos++;
      }
    }
    offset += chunk.length;
    if (batch.length > 0) yield batch;
  }
  if (lineOpen) {
    texts.push(EMPTY, true);
    yield [texts.finish()];
  }
}

const LF = 0x0a;
const CR = 0x0d;

function maxUnits(limits: ReadLimits | undefined): number {
  return Math.min(resolveLimits(limits).maxDocumentLength, MAX_STRING);
}

/**
 * Decodes one text at a time from byte parts, strictly, counting its UTF-16 code units against the limit. Once
 * the text fails (not UTF-8, too long) the rest of its parts are skipped without being decoded or kept.
 */
class TextAssembler {
  private decoder = strictDecoder();
  private pieces: string[] = [];
  private units = 0;
  /** Bytes of this text given to the decoder so far. */
  private fed = 0;
  /** The last (up to 3) bytes fed: a sequence the decoder holds unfinished starts among them. */
  private tail: Buffer = EMPTY;
  /** A BOM at the text's start that is dropped (not counted against the limit). */
  private bom = 0;
  private start = 0;
  private line = 1;
  private dropBom = false;
  /** Whether the text is a whole document (lines counted inside it) or one line. */
  private multiLine = false;
  private failure: InvalidUtf8Error | LimitExceededError | undefined;

  constructor(private readonly max: number) {}

  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Starts a text whose first byte is at `start` in the input, on line `line`. */
  begin(start: number, line: number, dropBom: boolean, multiLine: boolean): void {
    this.pieces = [];
    this.units = 0;
    this.fed = 0;
    this.tail = EMPTY;
    this.bom = 0;
    this.start = start;
    this.line = line;
    this.dropBom = dropBom;
    this.multiLine = multiLine;
    this.failure = undefined;
  }

  /**
   * The lines of `bytes` (which end with a line break), when all are UTF-8 and none is longer than the limit;
   * else undefined, and nothing is read (the caller reads them one by one, which finds and locates the failure).
   */
  wholeLines(bytes: Buffer): string[] | undefined {
    let text: string;
    try {
      text = this.decoder.decode(bytes);
    } catch {
      this.decoder = strictDecoder();
      return undefined;
    }
    if (text.length - 1 > this.max) return undefined; // some line may be too long: line by line finds which
    const lines: string[] = [];
    let from = 0;
    let lf = -2;
    let cr = -2;
    while (from < text.length) {
      if (lf !== -1 && lf < from) lf = text.indexOf('\n', from);
      if (cr !== -1 && cr < from) cr = text.indexOf('\r', from);
      const end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      lines.push(text.slice(from, end));
      from = end + (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? 2 : 1);
    }
    return lines;
  }

  /** `last`: the text ends with this part. */
  push(part: Buffer, last: boolean): void {
    if (this.failure !== undefined) return;
    let piece: string;
    try {
      piece = this.decoder.decode(part, { stream: !last });
    } catch {
      this.failure = this.locate(part, last);
      this.decoder = strictDecoder(); // its state after an error is not the start of a text
      this.pieces = [];
      return;
    }
    if (this.units === 0 && this.dropBom && piece.charCodeAt(0) === 0xfeff) this.bom = 1;
    this.fed += part.length;
    this.tail = part.length >= 3 ? part.subarray(part.length - 3) : Buffer.concat([this.tail, part]).subarray(-3);
    if (piece.length === 0) return;
    this.units += piece.length;
    if (this.units - this.bom > this.max) {
      this.failure = this.tooLarge();
      if (!last) this.decoder = strictDecoder();
      this.pieces = [];
      return;
    }
    this.pieces.push(piece);
  }

  finish(): TextRead {
    const line = this.line;
    if (this.failure !== undefined) {
      const error = this.failure;
      this.failure = undefined;
      return { ok: false, error, line: error instanceof InvalidUtf8Error ? error.line : line };
    }
    const text = this.pieces.length === 1 ? this.pieces[0]! : this.pieces.join('');
    this.pieces = [];
    return { ok: true, text: this.bom ? text.slice(1) : text, line };
  }

  /** Reading stops here: the limit plus one is what was read (as maxDepth's error says max + 1). */
  private tooLarge(): LimitExceededError {
    return new LimitExceededError('LIMIT_DOCUMENT_SIZE', this.max, this.max + 1, 0);
  }

  /**
   * Where the decoder found bytes that are not UTF-8. The bytes it decoded before this part re-encode to what
   * was read (valid UTF-8 has one encoding), so the unfinished sequence it holds is the last `pending` bytes fed;
   * decoding those and this part with replacement, the first U+FFFD that the input did not spell (EF BF BD) is
   * the sequence the strict decoder refused. When the text before it is already beyond the limit, the limit is
   * what reading met first, whatever the chunks the bytes came in.
   */
  private locate(part: Buffer, last: boolean): InvalidUtf8Error | LimitExceededError {
    const decoded = this.pieces.join('');
    const before = Buffer.byteLength(decoded); // a BOM is in the pieces too, as its 3 bytes are in the input
    const pending = this.fed - before;
    const window = pending > 0 ? Buffer.concat([this.tail.subarray(this.tail.length - pending), part]) : part;
    const lax = new TextDecoder('utf-8', { ignoreBOM: true }).decode(window, { stream: !last });
    let at = -1;
    let bytePos = 0;
    let charPos = 0;
    for (let index = lax.indexOf('\ufffd'); index !== -1; index = lax.indexOf('\ufffd', index + 1)) {
      bytePos += Buffer.byteLength(lax.slice(charPos, index));
      charPos = index;
      if (window[bytePos] === 0xef && window[bytePos + 1] === 0xbf && window[bytePos + 2] === 0xbd) {
        bytePos += 3;
        charPos = index + 1;
        continue;
      }
      at = bytePos;
      break;
    }
    if (at === -1) at = 0; // not reached: the strict decoder refused these bytes, so the lax one replaced some
    const bom = this.units === 0 && this.dropBom && lax.charCodeAt(0) === 0xfeff ? 1 : this.bom;
    if (this.units - bom + charPos > this.max) return this.tooLarge();
    let line = this.line;
    if (this.multiLine) {
      for (let index = decoded.indexOf('\n'); index !== -1; index = decoded.indexOf('\n', index + 1)) line++;
      for (let index = window.indexOf(LF); index !== -1 && index < at; index = window.indexOf(LF, index + 1)) line++;
    }
    const { reason, length } = explain(window, at);
    return new InvalidUtf8Error(this.start + before + at, line, reason, [...window.subarray(at, at + length)]);
  }
}

function strictDecoder(): TextDecoder {
  // ignoreBOM: a BOM is kept in the text (and dropped by the caller where one may start it), so every decoded
  // character stands for its bytes and offsets can be counted back.
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
}

/**
 * Why the sequence at `at` is refused, and the bytes to name, as Python's UnicodeDecodeError says them: the lead
 * byte and the continuation bytes that fit it before the one that does not (or before the end). The decoder has
 * already refused the bytes; this only words its verdict (the ranges are Unicode's table 3-7).
 */
function explain(bytes: Buffer, at: number): { reason: Utf8Reason; length: number } {
  const lead = bytes[at]!;
  if (lead < 0xc2 || lead > 0xf4) return { reason: 'invalid start byte', length: 1 };
  const need = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : 1;
  for (let count = 1; count <= need; count++) {
    // Cut by the end of the text (of the input, or of its line in JSON Lines: each line is decoded on its own).
    if (at + count >= bytes.length) return { reason: 'unexpected end of data', length: count };
    const byte = bytes[at + count]!;
    const [lo, hi] = count > 1 ? [0x80, 0xbf] : (SECOND_BYTE[lead] ?? [0x80, 0xbf]);
    if (byte < lo || byte > hi) return { reason: 'invalid continuation byte', length: count };
  }
  return { reason: 'invalid continuation byte', length: 1 }; // not reached: a whole valid sequence is decoded
}

/** Lead bytes whose second byte has a narrower range (no overlong forms, no surrogates, nothing past U+10FFFF). */
const SECOND_BYTE: Readonly<Record<number, readonly [number, number]>> = {
  0xe0: [0xa0, 0xbf],
  0xed: [0x80, 0x9f],
  0xf0: [0x90, 0xbf],
  0xf4: [0x80, 0x8f],
};
