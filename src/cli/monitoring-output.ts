/**
 * Output of the monitoring commands: records as JSON Lines (each line the record's to_json text, byte for byte
 * what pynenc's `to_json` writes), one JSON array (Python's `json.dumps` separators), or a table for people.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { EventMarker, EventRecord, TriggerRunRecord } from '../../generated/types';

export const OUTPUT_FORMATS = ['jsonl', 'json', 'table'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Writes text, waiting for 'drain' when the stream's buffer is full. */
export async function writeText(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

/** A table column: its header and how a record shows in it. */
interface Column<R> {
  header: string;
  cell: (record: R) => string;
}

const count = (list: readonly unknown[]): string => String(list.length);
const orDash = (text: string | null): string => text ?? '-';

export const EVENT_COLUMNS: Column<EventRecord>[] = [
  { header: 'timestamp', cell: (e) => e.timestamp },
  { header: 'event_id', cell: (e) => e.event_id },
  { header: 'event_code', cell: (e) => e.event_code },
  { header: 'matched', cell: (e) => count(e.matched_condition_ids) },
  { header: 'triggered', cell: (e) => count(e.triggered_invocation_ids) },
  { header: 'emitted_by_task_id', cell: (e) => orDash(e.emitted_by_task_id) },
];

export const MARKER_COLUMNS: Column<EventMarker>[] = [
  { header: 'timestamp', cell: (m) => m.timestamp },
  { header: 'event_id', cell: (m) => m.event_id },
  { header: 'event_code', cell: (m) => m.event_code },
  { header: 'matched', cell: (m) => String(m.matched) },
  { header: 'triggered', cell: (m) => String(m.triggered) },
  { header: 'emitted_by_invocation_id', cell: (m) => orDash(m.emitted_by_invocation_id) },
];

export const RUN_COLUMNS: Column<TriggerRunRecord>[] = [
  { header: 'executed_at', cell: (r) => orDash(r.executed_at) },
  { header: 'trigger_run_id', cell: (r) => r.trigger_run_id },
  { header: 'task_id_key', cell: (r) => r.task_id_key },
  { header: 'logic', cell: (r) => r.logic_value },
  { header: 'events', cell: (r) => count(r.event_ids) },
  { header: 'triggered_invocation_id', cell: (r) => orDash(r.triggered_invocation_id) },
];

/** Cells are one line each: control characters (a code with a newline, say) are shown escaped. */
function cellText(text: string): string {
  return /[\u0000-\u001f\u007f]/.test(text) ? JSON.stringify(text).slice(1, -1) : text;
}

/**
 * Streams records in one format. jsonl and json write as records come; table collects the rows to size its
 * columns and writes them at end().
 */
export class RecordOutput<R> {
  private written = 0;
  private readonly rows: string[][] = [];

  constructor(
    private readonly stream: Writable,
    private readonly format: OutputFormat,
    private readonly columns: readonly Column<R>[],
  ) {}

  /** `json`: the record's to_json text. */
  async add(record: R, json: string): Promise<void> {
    if (this.format === 'jsonl') await writeText(this.stream, `${json}\n`);
    else if (this.format === 'json') await writeText(this.stream, `${this.written === 0 ? '[' : ', '}${json}`);
    else this.rows.push(this.columns.map((c) => cellText(c.cell(record))));
    this.written++;
  }

  async end(): Promise<void> {
    if (this.format === 'json') await writeText(this.stream, `${this.written === 0 ? '[' : ''}]\n`);
    if (this.format !== 'table') return;
    const header = this.columns.map((c) => c.header);
    const widths = header.map((h, i) => Math.max(h.length, ...this.rows.map((row) => row[i]!.length)));
    const line = (cells: string[]): string =>
      cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
    await writeText(this.stream, `${line(header)}\n`);
    for (const row of this.rows) await writeText(this.stream, `${line(row)}\n`);
  }
}
