// GENERATED FILE — DO NOT EDIT.
// Made by `npm run generate` (scripts/index.ts) from contract/common.schema.json, contract/event-marker.schema.json, contract/event-marker-page.schema.json, contract/event-record.schema.json, contract/trigger-run-participant.schema.json, contract/trigger-run-record.schema.json.
// Edit the schemas in contract/ and regenerate; CI fails when this file drifts.

/**
 * An aware instant exactly as Python datetime.isoformat() writes it: YYYY-MM-DDTHH:MM:SS, then a six-digit microsecond fraction only when microseconds are non-zero, then a UTC offset that is always present: +HH:MM (zero is +00:00, never -00:00), with :SS only when the offset has seconds and .ffffff only when it has microseconds. Calendar-impossible dates and hour 24 do not match. Expressed as a pattern, not a format, so every JSON Schema validator enforces it identically.
 */
export type Timestamp = string;

/**
 * A timestamp, or null when the instant is not (yet) known.
 */
export type OptionalTimestamp = Timestamp | null;

/**
 * An opaque pynenc identifier (event, condition, invocation, trigger, task or runner id).
 */
export type Id = string;

/**
 * An identifier, or null when there is none.
 */
export type OptionalId = string | null;

/**
 * An ordered list of identifiers; empty when there are none.
 */
export type IdList = Id[];

/**
 * Light projection of an event that a timeline draws, built by backends from indexed columns without reading the payload. Python gives it no JSON form; this contract does, with the same field order and timestamp rules as the other records.
 */
export interface EventMarker {
  /**
   * Id of the event this marker stands for.
   */
  event_id: Id;
  /**
   * The event's kind, as in its EventRecord.
   */
  event_code: string;
  /**
   * When the event was emitted; where the timeline places the marker.
   */
  timestamp: Timestamp;
  /**
   * True when at least one event condition accepted the event.
   */
  matched: boolean;
  /**
   * True when at least one invocation was created from the event.
   */
  triggered: boolean;
  /**
   * The invocation that emitted the event, or null.
   */
  emitted_by_invocation_id: OptionalId;
  /**
   * The runner context the event was emitted from, or null.
   */
  emitted_by_runner_context_id: OptionalId;
}

/**
 * One page of event markers for a time window, with the total count so a timeline can say "showing N of more" instead of silently dropping markers.
 */
export interface EventMarkerPage {
  /**
   * The markers of this page, in the backend's order (by timestamp).
   */
  markers: EventMarker[];
  /**
   * How many markers the whole window holds, on every page.
   */
  total: number;
  /**
   * True when the backend stopped at its limit and more markers exist in the window (offset + markers.length < total).
   */
  truncated: boolean;
}

/**
 * Durable record of one event emitted through a pynenc trigger, written whether or not any condition matched it. The properties are listed in the order Python's EventRecord.to_json writes them.
 */
export interface EventRecord {
  /**
   * Unique id of this event; the key every other record uses to point at it.
   */
  event_id: Id;
  /**
   * The event's kind, chosen by the emitter; event conditions select events by this code.
   */
  event_code: string;
  /**
   * When the event was emitted. A reader that finds it missing, null or empty uses the current UTC time, as Python does.
   */
  timestamp: Timestamp;
  /**
   * The event's data, one entry per payload key. Each value is the client data store's serialized text for the original value: either the serialized value inline, or a `__pynenc__client_data__:<sha256>` reference to a stored copy.
   */
  payload: {
    [k: string]: string;
  };
  /**
   * Ids of the event conditions that accepted this event. Non-empty means the event matched.
   */
  matched_condition_ids: IdList;
  /**
   * Ids of the valid conditions (condition instances bound to a context) this event produced.
   */
  valid_condition_ids: IdList;
  /**
   * Ids of the invocations created because of this event. Backends fill it on read from their event-to-invocation index, in link order; non-empty means the event triggered something.
   */
  triggered_invocation_ids: IdList;
  /**
   * The invocation that emitted the event, or null when it was emitted outside any task.
   */
  emitted_by_invocation_id: OptionalId;
  /**
   * The task of the emitting invocation, or null when unknown.
   */
  emitted_by_task_id: OptionalId;
  /**
   * The runner context the event was emitted from, or null when unknown.
   */
  emitted_by_runner_context_id: OptionalId;
}

/**
 * One per-condition row of a trigger run: which valid condition was satisfied, and by which event or source invocation. Python writes it only inside TriggerRunRecord.participants (BaseTrigger._build_run_participants). An EventContext carries an event_id; a StatusContext, ResultContext or ExceptionContext (the last two subclass StatusContext) carries a source_invocation_id; a CronContext carries neither. A user's own context class gets no rule.
 */
export interface TriggerRunParticipant {
  /**
   * The Python class name of the trigger context that satisfied the condition (type(context).__name__): EventContext, StatusContext, ResultContext, ExceptionContext or CronContext for pynenc's own contexts; a user's own ConditionContext subclass writes its own class name.
   */
  context_type: string;
  /**
   * The trigger condition this row satisfied, or null.
   */
  condition_id: OptionalId;
  /**
   * The valid condition (condition bound to its context) this row stands for, or null.
   */
  valid_condition_id: OptionalId;
  /**
   * The event that satisfied the condition; set for an EventContext only.
   */
  event_id: OptionalId;
  /**
   * The invocation whose status, result or exception satisfied the condition; set for a StatusContext, ResultContext or ExceptionContext only.
   */
  source_invocation_id: OptionalId;
  /**
   * When the satisfying context happened, so a timeline can anchor the row without fetching its source; null when unknown. Readers take missing, null or empty as null.
   */
  context_timestamp: OptionalTimestamp;
  /**
   * A short human label for tooltips, such as `code:order.created`, `status:SUCCESS task:shop.tasks.pay` or `timestamp:<iso>`; empty when there is none.
   */
  context_summary: string;
}

/**
 * Durable record of one trigger run: the participants that satisfied a trigger and the invocation it created. The flat id lists are kept beside participants for older readers and simple indexes. Python writes it without the client data store: arguments_preview is raw JSON.
 */
export interface TriggerRunRecord {
  /**
   * Unique id of this run; also the claim key that keeps two runners from firing it twice.
   */
  trigger_run_id: Id;
  /**
   * The trigger definition that fired.
   */
  trigger_id: Id;
  /**
   * Key of the task the trigger invokes.
   */
  task_id_key: string;
  /**
   * How the trigger combines its conditions: "and" needs every condition, "or" any one (Python's CompositeLogic value).
   */
  logic_value: 'and' | 'or';
  /**
   * Ids of the valid conditions that took part in the run.
   */
  valid_condition_ids: IdList;
  /**
   * Ids of the trigger conditions that were satisfied.
   */
  condition_ids: IdList;
  /**
   * Flat list of the events that took part (the per-condition mapping is in participants).
   */
  event_ids: IdList;
  /**
   * Flat list of the invocations whose status, result or exception took part.
   */
  source_invocation_ids: IdList;
  /**
   * The invocation the run created, or null until it exists.
   */
  triggered_invocation_id: OptionalId;
  /**
   * The arguments the triggered task receives, as raw JSON for display. Values are user data of any JSON type; Python may write NaN and Infinity here.
   */
  arguments_preview: {
    [k: string]: unknown;
  };
  /**
   * When a runner claimed the run, or null. Readers take missing, null or empty as null.
   */
  claimed_at: OptionalTimestamp;
  /**
   * When the triggered task was invoked, or null. Readers take missing, null or empty as null.
   */
  executed_at: OptionalTimestamp;
  /**
   * One row per satisfied condition, in evaluation order; an AND run has one per condition.
   */
  participants: TriggerRunParticipant[];
  /**
   * The atomic-service execution cycle that produced the run, or null for runs outside that path (status, event or result triggers fired from a task).
   */
  atomic_service_run_id: OptionalId;
  /**
   * The runner that executed that atomic-service cycle, or null.
   */
  atomic_service_runner_id: OptionalId;
}

/** Each DTO name of the contract with its interface. */
export interface DtoTypes {
  EventMarker: EventMarker;
  EventMarkerPage: EventMarkerPage;
  EventRecord: EventRecord;
  TriggerRunParticipant: TriggerRunParticipant;
  TriggerRunRecord: TriggerRunRecord;
}
