// GENERATED FILE — DO NOT EDIT.
// Made by `npm run generate` (scripts/index.ts) from contract/common.schema.json, contract/event-marker.schema.json, contract/event-marker-page.schema.json, contract/event-record.schema.json, contract/trigger-run-participant.schema.json, contract/trigger-run-record.schema.json.
// Edit the schemas in contract/ and regenerate; CI fails when this file drifts.

import type { JsonSchema } from '../src/spec/json-schema';

/** Major version of the contract, carried by every schema's $id. */
export const CONTRACT_VERSION = 1 as const;

/** The DTOs the contract defines. */
export const DTO_NAMES = ["EventMarker","EventMarkerPage","EventRecord","TriggerRunParticipant","TriggerRunRecord"] as const;

export type DtoName = (typeof DTO_NAMES)[number];

/** Shared definitions referenced by the DTO schemas (common.schema.json). */
export const commonSchema: JsonSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.pynenc.org/monitoring/v1/common.schema.json",
  "title": "Common",
  "description": "Definitions shared by the pynenc trigger-monitoring DTO schemas.",
  "$defs": {
    "timestamp": {
      "title": "Timestamp",
      "description": "An aware instant exactly as Python datetime.isoformat() writes it: YYYY-MM-DDTHH:MM:SS, then a six-digit microsecond fraction only when microseconds are non-zero, then a UTC offset that is always present: +HH:MM (zero is +00:00, never -00:00), with :SS only when the offset has seconds and .ffffff only when it has microseconds. Calendar-impossible dates and hour 24 do not match. Expressed as a pattern, not a format, so every JSON Schema validator enforces it identically.",
      "type": "string",
      "pattern": "^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])",
      "examples": [
        "2026-05-09T10:11:12.345678+00:00",
        "2026-05-09T10:11:12+05:30"
      ]
    },
    "optionalTimestamp": {
      "title": "OptionalTimestamp",
      "description": "A timestamp, or null when the instant is not (yet) known.",
      "oneOf": [
        {
          "$ref": "#/$defs/timestamp"
        },
        {
          "type": "null"
        }
      ]
    },
    "id": {
      "title": "Id",
      "description": "An opaque pynenc identifier (event, condition, invocation, trigger, task or runner id).",
      "type": "string"
    },
    "optionalId": {
      "title": "OptionalId",
      "description": "An identifier, or null when there is none.",
      "type": [
        "string",
        "null"
      ]
    },
    "idList": {
      "title": "IdList",
      "description": "An ordered list of identifiers; empty when there are none.",
      "type": "array",
      "items": {
        "$ref": "#/$defs/id"
      }
    }
  }
};

/** DTO name → its JSON Schema, exactly as in contract/. */
export const schemas: Readonly<Record<DtoName, JsonSchema>> = {
  EventMarker: {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://schemas.pynenc.org/monitoring/v1/event-marker.schema.json",
    "title": "EventMarker",
    "description": "Light projection of an event that a timeline draws, built by backends from indexed columns without reading the payload. Python gives it no JSON form; this contract does, with the same field order and timestamp rules as the other records.",
    "type": "object",
    "additionalProperties": false,
    "required": [
      "event_id",
      "event_code",
      "timestamp",
      "matched",
      "triggered",
      "emitted_by_invocation_id",
      "emitted_by_runner_context_id"
    ],
    "properties": {
      "event_id": {
        "$ref": "common.schema.json#/$defs/id",
        "description": "Id of the event this marker stands for."
      },
      "event_code": {
        "type": "string",
        "description": "The event's kind, as in its EventRecord."
      },
      "timestamp": {
        "$ref": "common.schema.json#/$defs/timestamp",
        "description": "When the event was emitted; where the timeline places the marker."
      },
      "matched": {
        "type": "boolean",
        "description": "True when at least one event condition accepted the event."
      },
      "triggered": {
        "type": "boolean",
        "description": "True when at least one invocation was created from the event."
      },
      "emitted_by_invocation_id": {
        "$ref": "common.schema.json#/$defs/optionalId",
        "description": "The invocation that emitted the event, or null.",
        "default": null
      },
      "emitted_by_runner_context_id": {
        "$ref": "common.schema.json#/$defs/optionalId",
        "description": "The runner context the event was emitted from, or null.",
        "default": null
      }
    },
    "examples": [
      {
        "event_id": "evt-7f3a",
        "event_code": "order.created",
        "timestamp": "2026-05-09T10:11:12.345678+00:00",
        "matched": true,
        "triggered": true,
        "emitted_by_invocation_id": "inv-3",
        "emitted_by_runner_context_id": null
      }
    ]
  },
  EventMarkerPage: {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://schemas.pynenc.org/monitoring/v1/event-marker-page.schema.json",
    "title": "EventMarkerPage",
    "description": "One page of event markers for a time window, with the total count so a timeline can say \"showing N of more\" instead of silently dropping markers.",
    "type": "object",
    "additionalProperties": false,
    "required": [
      "markers",
      "total",
      "truncated"
    ],
    "properties": {
      "markers": {
        "type": "array",
        "description": "The markers of this page, in the backend's order (by timestamp).",
        "items": {
          "$ref": "event-marker.schema.json"
        }
      },
      "total": {
        "type": "integer",
        "minimum": 0,
        "description": "How many markers the whole window holds, on every page."
      },
      "truncated": {
        "type": "boolean",
        "description": "True when the backend stopped at its limit and more markers exist in the window (offset + markers.length < total)."
      }
    },
    "examples": [
      {
        "markers": [
          {
            "event_id": "evt-7f3a",
            "event_code": "order.created",
            "timestamp": "2026-05-09T10:11:12.345678+00:00",
            "matched": true,
            "triggered": false,
            "emitted_by_invocation_id": null,
            "emitted_by_runner_context_id": null
          }
        ],
        "total": 3,
        "truncated": true
      },
      {
        "markers": [],
        "total": 0,
        "truncated": false
      }
    ]
  },
  EventRecord: {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://schemas.pynenc.org/monitoring/v1/event-record.schema.json",
    "title": "EventRecord",
    "description": "Durable record of one event emitted through a pynenc trigger, written whether or not any condition matched it. The properties are listed in the order Python's EventRecord.to_json writes them.",
    "type": "object",
    "additionalProperties": false,
    "required": [
      "event_id",
      "event_code",
      "timestamp",
      "payload",
      "matched_condition_ids",
      "valid_condition_ids",
      "triggered_invocation_ids",
      "emitted_by_invocation_id",
      "emitted_by_task_id",
      "emitted_by_runner_context_id"
    ],
    "properties": {
      "event_id": {
        "$ref": "common.schema.json#/$defs/id",
        "description": "Unique id of this event; the key every other record uses to point at it."
      },
      "event_code": {
        "type": "string",
        "description": "The event's kind, chosen by the emitter; event conditions select events by this code."
      },
      "timestamp": {
        "$ref": "common.schema.json#/$defs/timestamp",
        "description": "When the event was emitted. A reader that finds it missing, null or empty uses the current UTC time, as Python does."
      },
      "payload": {
        "type": "object",
        "description": "The event's data, one entry per payload key. Each value is the client data store's serialized text for the original value: either the serialized value inline, or a `__pynenc__client_data__:<sha256>` reference to a stored copy.",
        "additionalProperties": {
          "type": "string"
        },
        "default": {}
      },
      "matched_condition_ids": {
        "$ref": "common.schema.json#/$defs/idList",
        "description": "Ids of the event conditions that accepted this event. Non-empty means the event matched.",
        "default": []
      },
      "valid_condition_ids": {
        "$ref": "common.schema.json#/$defs/idList",
        "description": "Ids of the valid conditions (condition instances bound to a context) this event produced.",
        "default": []
      },
      "triggered_invocation_ids": {
        "$ref": "common.schema.json#/$defs/idList",
        "description": "Ids of the invocations created because of this event. Backends fill it on read from their event-to-invocation index, in link order; non-empty means the event triggered something.",
        "default": []
      },
      "emitted_by_invocation_id": {
        "$ref": "common.schema.json#/$defs/optionalId",
        "description": "The invocation that emitted the event, or null when it was emitted outside any task.",
        "default": null
      },
      "emitted_by_task_id": {
        "$ref": "common.schema.json#/$defs/optionalId",
        "description": "The task of the emitting invocation, or null when unknown.",
        "default": null
      },
      "emitted_by_runner_context_id": {
        "$ref": "common.schema.json#/$defs/optionalId",
        "description": "The runner context the event was emitted from, or null when unknown.",
        "default": null
      }
    },
    "examples": [
      {
        "event_id": "evt-7f3a",
        "event_code": "order.created",
        "timestamp": "2026-05-09T10:11:12.345678+00:00",
        "payload": {
          "order_id": "42",
          "customer": "\"ada\""
        },
        "matched_condition_ids": [
          "cond-event-order"
        ],
        "valid_condition_ids": [
          "vc-1"
        ],
        "triggered_invocation_ids": [
          "inv-9"
        ],
        "emitted_by_invocation_id": "inv-3",
        "emitted_by_task_id": "shop.tasks.checkout",
        "emitted_by_runner_context_id": "runner-ctx-1"
      },
      {
        "event_id": "evt-0001",
        "event_code": "ping",
        "timestamp": "2026-05-09T10:11:12+05:30",
        "payload": {},
        "matched_condition_ids": [],
        "valid_condition_ids": [],
        "triggered_invocation_ids": [],
        "emitted_by_invocation_id": null,
        "emitted_by_task_id": null,
        "emitted_by_runner_context_id": null
      }
    ]
  },
  TriggerRunParticipant: {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://schemas.pynenc.org/monitoring/v1/trigger-run-participant.schema.json",
    "title": "TriggerRunParticipant",
    "description": "One per-condition row of a trigger run: which valid condition was satisfied, and by which event or source invocation. Python writes it only inside TriggerRunRecord.participants (BaseTrigger._build_run_participants). An EventContext carries an event_id; a StatusContext, ResultContext or ExceptionContext (the last two subclass StatusContext) carries a source_invocation_id; a CronContext carries neither. A user's own context class gets no rule.",
    "type": "object",
    "additionalProperties": false,
    "required": [
      "context_type",
      "condition_id",
      "valid_condition_id",
      "event_id",
      "source_invocation_id",
      "context_timestamp",
      "context_summary"
    ],
    "properties": {
      "context_type": {
        "type": "string",
        "description": "The Python class name of the trigger context that satisfied the condition (type(context).__name__): EventContext, StatusContext, ResultContext, ExceptionContext or CronContext for pynenc's own contexts; a user's own ConditionContext subclass writes its own class name.",
        "examples": [
          "EventContext",
          "StatusContext",
          "ResultContext",
          "ExceptionContext",
          "CronContext"
        ]
      },
      "condition_id": {
        "$ref": "common.schema.json#/$defs/optionalId",
        "description": "The trigger condition this row satisfied, or null.",
        "default": null
      },
      "valid_condition_id": {
        "$ref": "common.schema.json#/$defs/optionalId",
        "description": "The valid condition (condition bound to its context) this row stands for, or null.",
        "default": null
      },
      "event_id": {
        "$ref": "common.schema.json#/$defs/optionalId",
        "description": "The event that satisfied the condition; set for an EventContext only.",
        "default": null
      },
      "source_invocation_id": {
        "$ref": "common.schema.json#/$defs/optionalId",
        "description": "The invocation whose status, result or exception satisfied the condition; set for a StatusContext, ResultContext or ExceptionContext only.",
        "default": null
      },
      "context_timestamp": {
        "$ref": "common.schema.json#/$defs/optionalTimestamp",
        "description": "When the satisfying context happened, so a timeline can anchor the row without fetching its source; null when unknown. Readers take missing, null or empty as null.",
        "default": null
      },
      "context_summary": {
        "type": "string",
        "description": "A short human label for tooltips, such as `code:order.created`, `status:SUCCESS task:shop.tasks.pay` or `timestamp:<iso>`; empty when there is none.",
        "default": ""
      }
    },
    "allOf": [
      {
        "if": {
          "required": [
            "context_type"
          ],
          "properties": {
            "context_type": {
              "const": "EventContext"
            }
          }
        },
        "then": {
          "properties": {
            "event_id": {
              "type": "string"
            },
            "source_invocation_id": {
              "type": "null"
            }
          }
        }
      },
      {
        "if": {
          "required": [
            "context_type"
          ],
          "properties": {
            "context_type": {
              "enum": [
                "StatusContext",
                "ResultContext",
                "ExceptionContext"
              ]
            }
          }
        },
        "then": {
          "properties": {
            "event_id": {
              "type": "null"
            },
            "source_invocation_id": {
              "type": "string"
            }
          }
        }
      },
      {
        "if": {
          "required": [
            "context_type"
          ],
          "properties": {
            "context_type": {
              "const": "CronContext"
            }
          }
        },
        "then": {
          "properties": {
            "event_id": {
              "type": "null"
            },
            "source_invocation_id": {
              "type": "null"
            }
          }
        }
      }
    ],
    "examples": [
      {
        "context_type": "EventContext",
        "condition_id": "cond-event-order",
        "valid_condition_id": "vc-1",
        "event_id": "evt-7f3a",
        "source_invocation_id": null,
        "context_timestamp": "2026-05-09T10:11:12.345678+00:00",
        "context_summary": "code:order.created"
      },
      {
        "context_type": "CronContext",
        "condition_id": "cond-cron-hourly",
        "valid_condition_id": "vc-2",
        "event_id": null,
        "source_invocation_id": null,
        "context_timestamp": "2026-05-09T11:00:00+00:00",
        "context_summary": "timestamp:2026-05-09T11:00:00+00:00"
      }
    ]
  },
  TriggerRunRecord: {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://schemas.pynenc.org/monitoring/v1/trigger-run-record.schema.json",
    "title": "TriggerRunRecord",
    "description": "Durable record of one trigger run: the participants that satisfied a trigger and the invocation it created. The flat id lists are kept beside participants for older readers and simple indexes. Python writes it without the client data store: arguments_preview is raw JSON.",
    "type": "object",
    "additionalProperties": false,
    "required": [
      "trigger_run_id",
      "trigger_id",
      "task_id_key",
      "logic_value",
      "valid_condition_ids",
      "condition_ids",
      "event_ids",
      "source_invocation_ids",
      "triggered_invocation_id",
      "arguments_preview",
      "claimed_at",
      "executed_at",
      "participants",
      "atomic_service_run_id",
      "atomic_service_runner_id"
    ],
    "properties": {
      "trigger_run_id": {
        "$ref": "common.schema.json#/$defs/id",
        "description": "Unique id of this run; also the claim key that keeps two runners from firing it twice."
      },
      "trigger_id": {
        "$ref": "common.schema.json#/$defs/id",
        "description": "The trigger definition that fired."
      },
      "task_id_key": {
        "type": "string",
        "description": "Key of the task the trigger invokes."
      },
      "logic_value": {
        "type": "string",
        "enum": [
          "and",
          "or"
        ],
        "description": "How the trigger combines its conditions: \"and\" needs every condition, \"or\" any one (Python's CompositeLogic value)."
      },
      "valid_condition_ids": {
        "$ref": "common.schema.json#/$defs/idList",
        "description": "Ids of the valid conditions that took part in the run.",
        "default": []
      },
      "condition_ids": {
        "$ref": "common.schema.json#/$defs/idList",
        "description": "Ids of the trigger conditions that were satisfied.",
        "default": []
      },
      "event_ids": {
        "$ref": "common.schema.json#/$defs/idList",
        "description": "Flat list of the events that took part (the per-condition mapping is in participants).",
        "default": []
      },
      "source_invocation_ids": {
        "$ref": "common.schema.json#/$defs/idList",
        "description": "Flat list of the invocations whose status, result or exception took part.",
        "default": []
      },
      "triggered_invocation_id": {
        "$ref": "common.schema.json#/$defs/optionalId",
        "description": "The invocation the run created, or null until it exists.",
        "default": null
      },
      "arguments_preview": {
        "type": "object",
        "additionalProperties": true,
        "description": "The arguments the triggered task receives, as raw JSON for display. Values are user data of any JSON type; Python may write NaN and Infinity here.",
        "default": {}
      },
      "claimed_at": {
        "$ref": "common.schema.json#/$defs/optionalTimestamp",
        "description": "When a runner claimed the run, or null. Readers take missing, null or empty as null.",
        "default": null
      },
      "executed_at": {
        "$ref": "common.schema.json#/$defs/optionalTimestamp",
        "description": "When the triggered task was invoked, or null. Readers take missing, null or empty as null.",
        "default": null
      },
      "participants": {
        "type": "array",
        "description": "One row per satisfied condition, in evaluation order; an AND run has one per condition.",
        "items": {
          "$ref": "trigger-run-participant.schema.json"
        },
        "default": []
      },
      "atomic_service_run_id": {
        "$ref": "common.schema.json#/$defs/optionalId",
        "description": "The atomic-service execution cycle that produced the run, or null for runs outside that path (status, event or result triggers fired from a task).",
        "default": null
      },
      "atomic_service_runner_id": {
        "$ref": "common.schema.json#/$defs/optionalId",
        "description": "The runner that executed that atomic-service cycle, or null.",
        "default": null
      }
    },
    "examples": [
      {
        "trigger_run_id": "run-1",
        "trigger_id": "trg-order-and-payment",
        "task_id_key": "shop.tasks.ship",
        "logic_value": "and",
        "valid_condition_ids": [
          "vc-1",
          "vc-3"
        ],
        "condition_ids": [
          "cond-event-order",
          "cond-status-pay"
        ],
        "event_ids": [
          "evt-7f3a"
        ],
        "source_invocation_ids": [
          "inv-5"
        ],
        "triggered_invocation_id": "inv-9",
        "arguments_preview": {
          "order_id": 42,
          "express": true
        },
        "claimed_at": "2026-05-09T10:11:13.000001+00:00",
        "executed_at": "2026-05-09T10:11:13.500000+00:00",
        "participants": [
          {
            "context_type": "EventContext",
            "condition_id": "cond-event-order",
            "valid_condition_id": "vc-1",
            "event_id": "evt-7f3a",
            "source_invocation_id": null,
            "context_timestamp": "2026-05-09T10:11:12.345678+00:00",
            "context_summary": "code:order.created"
          },
          {
            "context_type": "StatusContext",
            "condition_id": "cond-status-pay",
            "valid_condition_id": "vc-3",
            "event_id": null,
            "source_invocation_id": "inv-5",
            "context_timestamp": "2026-05-09T10:11:12.900000+00:00",
            "context_summary": "status:SUCCESS task:shop.tasks.pay"
          }
        ],
        "atomic_service_run_id": null,
        "atomic_service_runner_id": null
      }
    ]
  },
};
