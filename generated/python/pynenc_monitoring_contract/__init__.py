# GENERATED FILE — DO NOT EDIT.
# Made by `npm run generate` (scripts/index.ts) from contract/common.schema.json, contract/event-marker.schema.json, contract/event-marker-page.schema.json, contract/event-record.schema.json, contract/trigger-run-participant.schema.json, contract/trigger-run-record.schema.json.
# Edit the schemas in contract/ and regenerate; CI fails when this file drifts.
"""The pynenc trigger-monitoring contract v1 for Python: one TypedDict per DTO (the JSON wire form, every key
present, None for null) and validation with python-jsonschema (draft 2020-12) against the contract's own
schema files, shipped in this package.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final, Literal, TypeAlias, TypedDict, TypeGuard, overload

from ._validation import ContractError, ContractValidationError, SchemaSet, UnknownDtoError, ValidationIssue

__all__ = [
    "CONTRACT_VERSION",
    "DTO_NAMES",
    "DtoName",
    "SCHEMA_FILES",
    "Timestamp",
    "OptionalTimestamp",
    "Id",
    "OptionalId",
    "IdList",
    "EventMarker",
    "EventMarkerPage",
    "EventRecord",
    "TriggerRunParticipant",
    "TriggerRunRecord",
    "ContractError",
    "ContractValidationError",
    "UnknownDtoError",
    "ValidationIssue",
    "validate",
    "iter_errors",
    "is_valid",
    "load_schema",
]

CONTRACT_VERSION: Final = 1
"""Major version of the contract, carried by every schema's $id."""

DtoName: TypeAlias = Literal[
    "EventMarker",
    "EventMarkerPage",
    "EventRecord",
    "TriggerRunParticipant",
    "TriggerRunRecord",
]
"""The name of a DTO the contract defines."""

DTO_NAMES: Final[tuple[DtoName, ...]] = (
    "EventMarker",
    "EventMarkerPage",
    "EventRecord",
    "TriggerRunParticipant",
    "TriggerRunRecord",
)
"""The DTOs the contract defines."""

SCHEMA_FILES: Final[Mapping[str, str]] = {
    "EventMarker": "event-marker.schema.json",
    "EventMarkerPage": "event-marker-page.schema.json",
    "EventRecord": "event-record.schema.json",
    "TriggerRunParticipant": "trigger-run-participant.schema.json",
    "TriggerRunRecord": "trigger-run-record.schema.json",
}
"""DTO name → its schema file in the package's schemas/ folder (shared definitions: common.schema.json)."""

_SCHEMAS: Final = SchemaSet(__name__, SCHEMA_FILES, "common.schema.json")

Timestamp: TypeAlias = str
"""An aware instant exactly as Python datetime.isoformat() writes it: YYYY-MM-DDTHH:MM:SS, then a six-digit
microsecond fraction only when microseconds are non-zero, then a UTC offset that is always present: +HH:MM
(zero is +00:00, never -00:00), with :SS only when the offset has seconds and .ffffff only when it has
microseconds. Calendar-impossible dates and hour 24 do not match. Expressed as a pattern, not a format, so
every JSON Schema validator enforces it identically.
"""

OptionalTimestamp: TypeAlias = Timestamp | None
"""A timestamp, or null when the instant is not (yet) known."""

Id: TypeAlias = str
"""An opaque pynenc identifier (event, condition, invocation, trigger, task or runner id)."""

OptionalId: TypeAlias = str | None
"""An identifier, or null when there is none."""

IdList: TypeAlias = list[Id]
"""An ordered list of identifiers; empty when there are none."""


class EventMarker(TypedDict):
    """Light projection of an event that a timeline draws, built by backends from indexed columns without reading
    the payload. Python gives it no JSON form; this contract does, with the same field order and timestamp
    rules as the other records.
    """

    event_id: Id
    """Id of the event this marker stands for."""
    event_code: str
    """The event's kind, as in its EventRecord."""
    timestamp: Timestamp
    """When the event was emitted; where the timeline places the marker."""
    matched: bool
    """True when at least one event condition accepted the event."""
    triggered: bool
    """True when at least one invocation was created from the event."""
    emitted_by_invocation_id: OptionalId
    """The invocation that emitted the event, or null.

    Readers substitute None when the key is missing or null.
    """
    emitted_by_runner_context_id: OptionalId
    """The runner context the event was emitted from, or null.

    Readers substitute None when the key is missing or null.
    """


class EventMarkerPage(TypedDict):
    """One page of event markers for a time window, with the total count so a timeline can say "showing N of
    more" instead of silently dropping markers.
    """

    markers: list[EventMarker]
    """The markers of this page, in the backend's order (by timestamp)."""
    total: int
    """How many markers the whole window holds, on every page."""
    truncated: bool
    """True when the backend stopped at its limit and more markers exist in the window (offset + markers.length <
    total).
    """


class EventRecord(TypedDict):
    """Durable record of one event emitted through a pynenc trigger, written whether or not any condition matched
    it. The properties are listed in the order Python's EventRecord.to_json writes them.
    """

    event_id: Id
    """Unique id of this event; the key every other record uses to point at it."""
    event_code: str
    """The event's kind, chosen by the emitter; event conditions select events by this code."""
    timestamp: Timestamp
    """When the event was emitted. A reader that finds it missing, null or empty uses the current UTC time, as
    Python does.
    """
    payload: dict[str, str]
    """The event's data, one entry per payload key. Each value is the client data store's serialized text for the
    original value: either the serialized value inline, or a `__pynenc__client_data__:<sha256>` reference to a
    stored copy.

    Readers substitute {} when the key is missing or null.
    """
    matched_condition_ids: IdList
    """Ids of the event conditions that accepted this event. Non-empty means the event matched.

    Readers substitute [] when the key is missing or null.
    """
    valid_condition_ids: IdList
    """Ids of the valid conditions (condition instances bound to a context) this event produced.

    Readers substitute [] when the key is missing or null.
    """
    triggered_invocation_ids: IdList
    """Ids of the invocations created because of this event. Backends fill it on read from their
    event-to-invocation index, in link order; non-empty means the event triggered something.

    Readers substitute [] when the key is missing or null.
    """
    emitted_by_invocation_id: OptionalId
    """The invocation that emitted the event, or null when it was emitted outside any task.

    Readers substitute None when the key is missing or null.
    """
    emitted_by_task_id: OptionalId
    """The task of the emitting invocation, or null when unknown.

    Readers substitute None when the key is missing or null.
    """
    emitted_by_runner_context_id: OptionalId
    """The runner context the event was emitted from, or null when unknown.

    Readers substitute None when the key is missing or null.
    """


class TriggerRunParticipant(TypedDict):
    """One per-condition row of a trigger run: which valid condition was satisfied, and by which event or source
    invocation. Python writes it only inside TriggerRunRecord.participants
    (BaseTrigger._build_run_participants). An EventContext carries an event_id; a StatusContext, ResultContext
    or ExceptionContext (the last two subclass StatusContext) carries a source_invocation_id; a CronContext
    carries neither. A user's own context class gets no rule.
    """

    context_type: str
    """The Python class name of the trigger context that satisfied the condition (type(context).__name__):
    EventContext, StatusContext, ResultContext, ExceptionContext or CronContext for pynenc's own contexts; a
    user's own ConditionContext subclass writes its own class name.
    """
    condition_id: OptionalId
    """The trigger condition this row satisfied, or null.

    Readers substitute None when the key is missing or null.
    """
    valid_condition_id: OptionalId
    """The valid condition (condition bound to its context) this row stands for, or null.

    Readers substitute None when the key is missing or null.
    """
    event_id: OptionalId
    """The event that satisfied the condition; set for an EventContext only.

    Readers substitute None when the key is missing or null.
    """
    source_invocation_id: OptionalId
    """The invocation whose status, result or exception satisfied the condition; set for a StatusContext,
    ResultContext or ExceptionContext only.

    Readers substitute None when the key is missing or null.
    """
    context_timestamp: OptionalTimestamp
    """When the satisfying context happened, so a timeline can anchor the row without fetching its source; null
    when unknown. Readers take missing, null or empty as null.

    Readers substitute None when the key is missing or null.
    """
    context_summary: str
    """A short human label for tooltips, such as `code:order.created`, `status:SUCCESS task:shop.tasks.pay` or
    `timestamp:<iso>`; empty when there is none.

    Readers substitute "" when the key is missing or null.
    """


class TriggerRunRecord(TypedDict):
    """Durable record of one trigger run: the participants that satisfied a trigger and the invocation it
    created. The flat id lists are kept beside participants for older readers and simple indexes. Python
    writes it without the client data store: arguments_preview is raw JSON.
    """

    trigger_run_id: Id
    """Unique id of this run; also the claim key that keeps two runners from firing it twice."""
    trigger_id: Id
    """The trigger definition that fired."""
    task_id_key: str
    """Key of the task the trigger invokes."""
    logic_value: Literal["and", "or"]
    """How the trigger combines its conditions: "and" needs every condition, "or" any one (Python's
    CompositeLogic value).
    """
    valid_condition_ids: IdList
    """Ids of the valid conditions that took part in the run.

    Readers substitute [] when the key is missing or null.
    """
    condition_ids: IdList
    """Ids of the trigger conditions that were satisfied.

    Readers substitute [] when the key is missing or null.
    """
    event_ids: IdList
    """Flat list of the events that took part (the per-condition mapping is in participants).

    Readers substitute [] when the key is missing or null.
    """
    source_invocation_ids: IdList
    """Flat list of the invocations whose status, result or exception took part.

    Readers substitute [] when the key is missing or null.
    """
    triggered_invocation_id: OptionalId
    """The invocation the run created, or null until it exists.

    Readers substitute None when the key is missing or null.
    """
    arguments_preview: dict[str, Any]
    """The arguments the triggered task receives, as raw JSON for display. Values are user data of any JSON type;
    Python may write NaN and Infinity here.

    Readers substitute {} when the key is missing or null.
    """
    claimed_at: OptionalTimestamp
    """When a runner claimed the run, or null. Readers take missing, null or empty as null.

    Readers substitute None when the key is missing or null.
    """
    executed_at: OptionalTimestamp
    """When the triggered task was invoked, or null. Readers take missing, null or empty as null.

    Readers substitute None when the key is missing or null.
    """
    participants: list[TriggerRunParticipant]
    """One row per satisfied condition, in evaluation order; an AND run has one per condition.

    Readers substitute [] when the key is missing or null.
    """
    atomic_service_run_id: OptionalId
    """The atomic-service execution cycle that produced the run, or null for runs outside that path (status,
    event or result triggers fired from a task).

    Readers substitute None when the key is missing or null.
    """
    atomic_service_runner_id: OptionalId
    """The runner that executed that atomic-service cycle, or null.

    Readers substitute None when the key is missing or null.
    """


def load_schema(dto: str) -> dict[str, Any]:
    """The JSON Schema of a DTO, parsed from the file shipped in this package (a fresh copy on every call).
    Raises UnknownDtoError for a name the contract does not define.
    """
    return _SCHEMAS.load_schema(dto)


@overload
def validate(dto: Literal["EventMarker"], document: object) -> EventMarker: ...


@overload
def validate(dto: Literal["EventMarkerPage"], document: object) -> EventMarkerPage: ...


@overload
def validate(dto: Literal["EventRecord"], document: object) -> EventRecord: ...


@overload
def validate(dto: Literal["TriggerRunParticipant"], document: object) -> TriggerRunParticipant: ...


@overload
def validate(dto: Literal["TriggerRunRecord"], document: object) -> TriggerRunRecord: ...


@overload
def validate(dto: str, document: object) -> Mapping[str, object]: ...


def validate(dto: str, document: object) -> Mapping[str, object]:
    """Returns the document, typed as the DTO, when it is a valid instance of the DTO.

    Raises ContractValidationError (.dto, .path, .issues) listing every problem otherwise, each with the JSON
    pointer of the offending value (also for a missing or unknown key), and UnknownDtoError for a name the
    contract does not define.
    """
    return _SCHEMAS.validate(dto, document)


@overload
def is_valid(dto: Literal["EventMarker"], document: object) -> TypeGuard[EventMarker]: ...


@overload
def is_valid(dto: Literal["EventMarkerPage"], document: object) -> TypeGuard[EventMarkerPage]: ...


@overload
def is_valid(dto: Literal["EventRecord"], document: object) -> TypeGuard[EventRecord]: ...


@overload
def is_valid(dto: Literal["TriggerRunParticipant"], document: object) -> TypeGuard[TriggerRunParticipant]: ...


@overload
def is_valid(dto: Literal["TriggerRunRecord"], document: object) -> TypeGuard[TriggerRunRecord]: ...


@overload
def is_valid(dto: str, document: object) -> bool: ...


def is_valid(dto: str, document: object) -> bool:
    """True when the document is a valid instance of the DTO (narrows its type). Raises UnknownDtoError for a
    name the contract does not define.
    """
    return _SCHEMAS.is_valid(dto, document)


def iter_errors(dto: str, document: object) -> Iterator[ValidationIssue]:
    """Every reason the document is not a valid instance of the DTO, in document order (a missing key after the
    keys present); none when it is valid.

    One issue per offending value: ValidationIssue(path, message, keyword), where path is a JSON pointer
    (RFC 6901; "" is the whole document) to the value, or to the key for a missing or unknown key.
    Raises UnknownDtoError (at the call, not on iteration) for a name the contract does not define.
    """
    return _SCHEMAS.iter_errors(dto, document)
