/**
 * Runs scripts/python/real_flow.py (the real pynenc producing trigger runs, see its module doc) and
 * scripts/python/vectors_python.py with the pynenc venv, through runOracle (pynenc logs the expected task failure and
 * its traceback on stderr, shown only when the script fails).
 */
import { runOracle } from '../support/pynenc-python';

export interface StoredText {
  /** event_id or trigger_run_id. */
  key: string;
  /** The text exactly as stored (SQLite event_json / trigger_run_json; the Redis string key's value). */
  text: string;
  /** Redis only: the full key, and its Redis type. */
  redis_key?: string;
  type?: string;
}

export interface LinkRow {
  event_id: string;
  invocation_id: string;
  /** SQLite keeps the run in the link row; Redis keeps it in truns_for_event (null here). */
  trigger_run_id: string | null;
}

export interface LoggedError {
  logger: string;
  message: string;
  exception_type: string | null;
  exception_message: string | null;
}

export interface RealFlowReply {
  pynenc_trigger_class: string;
  app_id: string;
  events: StoredText[];
  trigger_runs: StoredText[];
  /** The event -> invocation link index, in link order. */
  links: LinkRow[];
  /** Per event: what BaseTrigger.get_event returns (its link-index ids and its to_json text). */
  rehydrated: Record<string, { triggered_invocation_ids: string[]; text: string }>;
  /** Table / key names as pynenc used them (for the report against the reference notes). */
  storage: Record<string, unknown>;
  summary: {
    iterations: number;
    pending_invocations: number;
    valid_conditions_left: number;
    seconds: number;
    /** Where make_cron_due_again moved the "* * * * *" condition's last execution from and to. */
    cron_rewound: { condition_id: string; last_execution: string; moved_to: string };
    errors_logged: LoggedError[];
    threads_alive: string[];
  };
}

export type RealFlowRequest =
  | { backend: 'sqlite'; sqlite_db_path: string; app_id: string }
  | { backend: 'redis'; redis_url: string; app_id: string };

export function runRealFlow(request: RealFlowRequest): RealFlowReply {
  return runOracle<RealFlowReply>('real_flow.py', request, { timeoutMs: 60_000 });
}
