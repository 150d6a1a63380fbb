/**
 * Invariants of one TriggerRunParticipant, as pynenc 0.4.0's BaseTrigger._build_run_participants writes it:
 *   context_type        type(ctx).__name__
 *   condition_id        vc.condition.condition_id                      (always set)
 *   valid_condition_id  vc.valid_condition_id = f"valid_condition_{condition_id}_context_{ctx.context_id}"
 *   context_timestamp   ctx.timestamp                                  (every ConditionContext has one)
 *   context_summary     join_tokens(*context_extra_tokens(ctx))        (log_messages.py)
 * Only pynenc's five context classes get rules: a user's subclass writes its own class name, and the
 * tokens and context_id of whichever pynenc class it extends, which the record does not say.
 */
import type { TriggerRunParticipant } from '../../generated/types';
import { parseIsoTimestamp } from '../timestamps';
import { pointer, type ConsistencyFinding } from './findings';

/** What a context's summary tells beyond the participant's own fields. */
interface Summary {
  /** EventContext: the event code ('' when the summary is empty). */
  code?: string;
  /** StatusContext family: the status NAME, undefined when the status token is absent (status None). */
  status?: string;
  /** ExceptionContext: the exception type ('' when the token is absent). */
  exception?: string;
  /** CronContext: the isoformat of the context's timestamp. */
  timestamp?: string;
}

interface ContextRule {
  /** The summary pynenc writes, described for a finding. */
  readonly form: string;
  /** Reads the summary; undefined when pynenc cannot have written it. */
  parse(summary: string, p: TriggerRunParticipant): Summary | undefined;
  /** ctx.context_id rebuilt from the participant and its summary; undefined when a needed field is missing. */
  contextId(p: TriggerRunParticipant, s: Summary): string | undefined;
  /** Whether ctx.timestamp is always datetime.now(UTC) (CronContext takes the instant its caller passes). */
  readonly utc: boolean;
}

// A status token is `status:<InvocationStatus member name>`; the task token ends the summary.
const STATUS_SUMMARY = /^(?:status:([A-Z][A-Z0-9_]*) )?task:(.+)$/s;
const EXCEPTION_SUMMARY = /^(?:status:([A-Z][A-Z0-9_]*) )?(?:exception:(\S+) )?task:(.+)$/s;

// A Map: context_type is data, and may be any string (`__proto__`, `constructor`).
const RULES: ReadonlyMap<string, ContextRule> = new Map(
  Object.entries({
    EventContext: {
      form: '"" or "code:<event_code>"',
      parse: (summary) => {
        if (summary === '') return { code: '' };
        return summary.startsWith('code:') && summary.length > 5 ? { code: summary.slice(5) } : undefined;
      },
      // EventContext.context_id: f"event_{event_code}_{event_id}"
      contextId: (p, s) => (p.event_id === null ? undefined : `event_${s.code}_${p.event_id}`),
      utc: true,
    },
    StatusContext: {
      form: '"status:<NAME> task:<task id>" (the status token only when the status is set)',
      parse: (summary) => {
        const match = STATUS_SUMMARY.exec(summary);
        return match ? { status: match[1] } : undefined;
      },
      // StatusContext.context_id: f"status_{invocation_id}_{status}"; str() of the StrEnum is its value, the
      // lower-case name for every InvocationStatus member; str(None) when there is no status.
      contextId: (p, s) =>
        p.source_invocation_id === null
          ? undefined
          : `status_${p.source_invocation_id}_${s.status === undefined ? 'None' : s.status.toLowerCase()}`,
      utc: true,
    },
    ResultContext: {
      form: '"status:SUCCESS task:<task id>" (a ResultContext refuses any other status)',
      parse: (summary) => (/^status:SUCCESS task:.+$/s.test(summary) ? {} : undefined),
      // ResultContext.context_id: f"result_{invocation_id}"
      contextId: (p) => (p.source_invocation_id === null ? undefined : `result_${p.source_invocation_id}`),
      utc: true,
    },
    ExceptionContext: {
      form: '"status:<NAME> exception:<type> task:<task id>" (status and exception tokens only when set)',
      parse: (summary) => {
        const match = EXCEPTION_SUMMARY.exec(summary);
        return match ? { status: match[1], exception: match[2] ?? '' } : undefined;
      },
      // ExceptionContext.context_id: f"exception_{exception_type}" (no invocation id in it)
      contextId: (_p, s) => `exception_${s.exception}`,
      utc: true,
    },
    CronContext: {
      form: '"timestamp:<context_timestamp>"',
      parse: (summary, participant) => {
        if (participant.context_timestamp !== null) {
          return summary === `timestamp:${participant.context_timestamp}`
            ? { timestamp: participant.context_timestamp }
            : undefined;
        }
        const match = /^timestamp:(\S+)$/.exec(summary);
        return match ? { timestamp: match[1] } : undefined;
      },
      // CronContext.context_id: f"cron_{timestamp.isoformat()}"
      contextId: (_p, s) => `cron_${s.timestamp}`,
      utc: false,
    },
  } satisfies Record<string, ContextRule>),
);

/** Findings of one participant; `base` is its JSON pointer ('' when the participant is the record). */
export function checkParticipant(participant: TriggerRunParticipant, base: string, out: ConsistencyFinding[]): void {
  if (participant.condition_id === null) out.push(unset(pointer(base, 'condition_id'), 'vc.condition.condition_id'));
  if (participant.valid_condition_id === null) {
    out.push(unset(pointer(base, 'valid_condition_id'), 'vc.valid_condition_id'));
  }
  if (participant.context_timestamp === null) {
    out.push(unset(pointer(base, 'context_timestamp'), 'every ConditionContext has a timestamp'));
  }
  const rule = RULES.get(participant.context_type);
  if (rule === undefined) return;
  if (rule.utc && participant.context_timestamp !== null) {
    checkUtc(
      participant.context_timestamp,
      pointer(base, 'context_timestamp'),
      `a ${participant.context_type}'s timestamp`,
      out,
    );
  }
  const summary = rule.parse(participant.context_summary, participant);
  if (summary === undefined) {
    out.push({
      code: 'PARTICIPANT_SUMMARY',
      path: pointer(base, 'context_summary'),
      message: `a ${participant.context_type}'s context_summary is ${rule.form}`,
      expected: rule.form,
      received: participant.context_summary,
    });
    return;
  }
  const contextId = rule.contextId(participant, summary);
  if (contextId === undefined || participant.condition_id === null || participant.valid_condition_id === null) return;
  const expected = `valid_condition_${participant.condition_id}_context_${contextId}`;
  if (participant.valid_condition_id !== expected) {
    out.push({
      code: 'PARTICIPANT_VALID_CONDITION_ID',
      path: pointer(base, 'valid_condition_id'),
      message:
        `a ${participant.context_type}'s valid_condition_id is ` +
        '"valid_condition_<condition_id>_context_<context_id>"',
      expected,
      received: participant.valid_condition_id,
    });
  }
}

export function unset(path: string, why: string): ConsistencyFinding {
  const message = `pynenc always sets this (${why}); found null`;
  return { code: 'UNSET', path, message, expected: '<set>', received: null };
}

/** A NOT_UTC finding unless `text` has a +00:00 offset (text that is not a timestamp is the schema's business). */
export function checkUtc(text: string, path: string, what: string, out: ConsistencyFinding[]): void {
  let offset: number;
  try {
    offset = parseIsoTimestamp(text).offsetMicros;
  } catch {
    return;
  }
  if (offset !== 0) {
    const message = `${what} is datetime.now(UTC): its offset is +00:00`;
    out.push({ code: 'NOT_UTC', path, message, expected: '<+00:00>', received: text });
  }
}
