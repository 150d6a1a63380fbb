// GENERATED FILE — DO NOT EDIT.
// Made by `npm run generate` (scripts/index.ts) from contract/common.schema.json, contract/event-marker.schema.json, contract/event-marker-page.schema.json, contract/event-record.schema.json, contract/trigger-run-participant.schema.json, contract/trigger-run-record.schema.json.
// Edit the schemas in contract/ and regenerate; CI fails when this file drifts.
/* eslint-disable */
// @ts-nocheck — generated JavaScript; its verdicts are checked against Ajv by scripts/checkers.ts and test/validation/checkers.test.ts

// A PyFloat (a Python float read by parsePythonJson) is the number it holds, never an object (schema-view.ts).
import { PyFloat } from '../src/pyjson/values';

function checkEventMarker$declared(k) {
  switch (k) {
    case "event_id":
    case "event_code":
    case "timestamp":
    case "matched":
    case "triggered":
    case "emitted_by_invocation_id":
    case "emitted_by_runner_context_id":
      return true;
    default:
      return false;
  }
}
const checkEventMarker$keys = ["event_id","event_code","timestamp","matched","triggered","emitted_by_invocation_id","emitted_by_runner_context_id"];
const pattern0 = new RegExp("^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])", "u");
function checkEventMarker(d) {
  if (typeof d !== "object" || d === null || Array.isArray(d) || d instanceof PyFloat) return false;
  const p0 = d["event_id"], p1 = d["event_code"], p2 = d["timestamp"], p3 = d["matched"], p4 = d["triggered"], p5 = d["emitted_by_invocation_id"], p6 = d["emitted_by_runner_context_id"];
  let i = 0;
  for (const k in d) if (!(k === checkEventMarker$keys[i++] || checkEventMarker$declared(k))) return false;
  return (p0 !== undefined) && (p1 !== undefined) && (p2 !== undefined) && (p3 !== undefined) && (p4 !== undefined) && (p5 !== undefined) && (p6 !== undefined) && ((typeof p0 === "string")) && ((typeof p1 === "string")) && (((typeof p2 === "string")) && (pattern0.test(p2))) && ((typeof p3 === "boolean")) && ((typeof p4 === "boolean")) && ((typeof p5 === "string") || (p5 === null)) && ((typeof p6 === "string") || (p6 === null));
}
function checkEventMarkerPage$declared(k) {
  switch (k) {
    case "markers":
    case "total":
    case "truncated":
      return true;
    default:
      return false;
  }
}
const checkEventMarkerPage$keys = ["markers","total","truncated"];
function checkEachEventMarkerPage$markers(a) {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (!(checkEventMarker(x))) return false;
  }
  return true;
}
function checkEventMarkerPage(d) {
  if (typeof d !== "object" || d === null || Array.isArray(d) || d instanceof PyFloat) return false;
  const p0 = d["markers"], p1 = d["total"], p2 = d["truncated"];
  let i = 0;
  for (const k in d) if (!(k === checkEventMarkerPage$keys[i++] || checkEventMarkerPage$declared(k))) return false;
  return (p0 !== undefined) && (p1 !== undefined) && (p2 !== undefined) && (((Array.isArray(p0))) && (checkEachEventMarkerPage$markers(p0))) && (((typeof p1 === "number" && isFinite(p1) && !(p1 % 1))) && (p1 >= 0)) && ((typeof p2 === "boolean"));
}
function checkEventRecord$declared(k) {
  switch (k) {
    case "event_id":
    case "event_code":
    case "timestamp":
    case "payload":
    case "matched_condition_ids":
    case "valid_condition_ids":
    case "triggered_invocation_ids":
    case "emitted_by_invocation_id":
    case "emitted_by_task_id":
    case "emitted_by_runner_context_id":
      return true;
    default:
      return false;
  }
}
const checkEventRecord$keys = ["event_id","event_code","timestamp","payload","matched_condition_ids","valid_condition_ids","triggered_invocation_ids","emitted_by_invocation_id","emitted_by_task_id","emitted_by_runner_context_id"];
function checkEventRecord$payload(d) {
  if (typeof d !== "object" || d === null || Array.isArray(d) || d instanceof PyFloat) return false;
  for (const k in d) {
    const x = d[k];
    if (!((typeof x === "string"))) return false;
  }
  return true;
}
function checkEachEventRecord$matched_condition_ids(a) {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (!((typeof x === "string"))) return false;
  }
  return true;
}
function checkEventRecord(d) {
  if (typeof d !== "object" || d === null || Array.isArray(d) || d instanceof PyFloat) return false;
  const p0 = d["event_id"], p1 = d["event_code"], p2 = d["timestamp"], p3 = d["payload"], p4 = d["matched_condition_ids"], p5 = d["valid_condition_ids"], p6 = d["triggered_invocation_ids"], p7 = d["emitted_by_invocation_id"], p8 = d["emitted_by_task_id"], p9 = d["emitted_by_runner_context_id"];
  let i = 0;
  for (const k in d) if (!(k === checkEventRecord$keys[i++] || checkEventRecord$declared(k))) return false;
  return (p0 !== undefined) && (p1 !== undefined) && (p2 !== undefined) && (p3 !== undefined) && (p4 !== undefined) && (p5 !== undefined) && (p6 !== undefined) && (p7 !== undefined) && (p8 !== undefined) && (p9 !== undefined) && ((typeof p0 === "string")) && ((typeof p1 === "string")) && (((typeof p2 === "string")) && (pattern0.test(p2))) && (checkEventRecord$payload(p3)) && (((Array.isArray(p4))) && (checkEachEventRecord$matched_condition_ids(p4))) && (((Array.isArray(p5))) && (checkEachEventRecord$matched_condition_ids(p5))) && (((Array.isArray(p6))) && (checkEachEventRecord$matched_condition_ids(p6))) && ((typeof p7 === "string") || (p7 === null)) && ((typeof p8 === "string") || (p8 === null)) && ((typeof p9 === "string") || (p9 === null));
}
function checkTriggerRunParticipant$declared(k) {
  switch (k) {
    case "context_type":
    case "condition_id":
    case "valid_condition_id":
    case "event_id":
    case "source_invocation_id":
    case "context_timestamp":
    case "context_summary":
      return true;
    default:
      return false;
  }
}
const checkTriggerRunParticipant$keys = ["context_type","condition_id","valid_condition_id","event_id","source_invocation_id","context_timestamp","context_summary"];
function checkTriggerRunParticipant(d) {
  if (typeof d !== "object" || d === null || Array.isArray(d) || d instanceof PyFloat) return false;
  const p0 = d["context_type"], p1 = d["condition_id"], p2 = d["valid_condition_id"], p3 = d["event_id"], p4 = d["source_invocation_id"], p5 = d["context_timestamp"], p6 = d["context_summary"];
  let i = 0;
  for (const k in d) if (!(k === checkTriggerRunParticipant$keys[i++] || checkTriggerRunParticipant$declared(k))) return false;
  return ((p0 !== undefined) && (p1 !== undefined) && (p2 !== undefined) && (p3 !== undefined) && (p4 !== undefined) && (p5 !== undefined) && (p6 !== undefined) && ((typeof p0 === "string")) && ((typeof p1 === "string") || (p1 === null)) && ((typeof p2 === "string") || (p2 === null)) && ((typeof p3 === "string") || (p3 === null)) && ((typeof p4 === "string") || (p4 === null)) && ((((typeof p5 === "string")) && (pattern0.test(p5))) || ((p5 === null))) && ((typeof p6 === "string"))) && (((p0 !== undefined) && (p0 === "EventContext")) ? ((p3 === undefined || ((typeof p3 === "string"))) && (p4 === undefined || ((p4 === null)))) : (true)) && (((p0 !== undefined) && (p0 === "StatusContext" || p0 === "ResultContext" || p0 === "ExceptionContext")) ? ((p3 === undefined || ((p3 === null))) && (p4 === undefined || ((typeof p4 === "string")))) : (true)) && (((p0 !== undefined) && (p0 === "CronContext")) ? ((p3 === undefined || ((p3 === null))) && (p4 === undefined || ((p4 === null)))) : (true));
}
function checkTriggerRunRecord$declared(k) {
  switch (k) {
    case "trigger_run_id":
    case "trigger_id":
    case "task_id_key":
    case "logic_value":
    case "valid_condition_ids":
    case "condition_ids":
    case "event_ids":
    case "source_invocation_ids":
    case "triggered_invocation_id":
    case "arguments_preview":
    case "claimed_at":
    case "executed_at":
    case "participants":
    case "atomic_service_run_id":
    case "atomic_service_runner_id":
      return true;
    default:
      return false;
  }
}
const checkTriggerRunRecord$keys = ["trigger_run_id","trigger_id","task_id_key","logic_value","valid_condition_ids","condition_ids","event_ids","source_invocation_ids","triggered_invocation_id","arguments_preview","claimed_at","executed_at","participants","atomic_service_run_id","atomic_service_runner_id"];
function checkEachTriggerRunRecord$participants(a) {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (!(checkTriggerRunParticipant(x))) return false;
  }
  return true;
}
function checkTriggerRunRecord(d) {
  if (typeof d !== "object" || d === null || Array.isArray(d) || d instanceof PyFloat) return false;
  const p0 = d["trigger_run_id"], p1 = d["trigger_id"], p2 = d["task_id_key"], p3 = d["logic_value"], p4 = d["valid_condition_ids"], p5 = d["condition_ids"], p6 = d["event_ids"], p7 = d["source_invocation_ids"], p8 = d["triggered_invocation_id"], p9 = d["arguments_preview"], p10 = d["claimed_at"], p11 = d["executed_at"], p12 = d["participants"], p13 = d["atomic_service_run_id"], p14 = d["atomic_service_runner_id"];
  let i = 0;
  for (const k in d) if (!(k === checkTriggerRunRecord$keys[i++] || checkTriggerRunRecord$declared(k))) return false;
  return (p0 !== undefined) && (p1 !== undefined) && (p2 !== undefined) && (p3 !== undefined) && (p4 !== undefined) && (p5 !== undefined) && (p6 !== undefined) && (p7 !== undefined) && (p8 !== undefined) && (p9 !== undefined) && (p10 !== undefined) && (p11 !== undefined) && (p12 !== undefined) && (p13 !== undefined) && (p14 !== undefined) && ((typeof p0 === "string")) && ((typeof p1 === "string")) && ((typeof p2 === "string")) && (((typeof p3 === "string")) && (p3 === "and" || p3 === "or")) && (((Array.isArray(p4))) && (checkEachEventRecord$matched_condition_ids(p4))) && (((Array.isArray(p5))) && (checkEachEventRecord$matched_condition_ids(p5))) && (((Array.isArray(p6))) && (checkEachEventRecord$matched_condition_ids(p6))) && (((Array.isArray(p7))) && (checkEachEventRecord$matched_condition_ids(p7))) && ((typeof p8 === "string") || (p8 === null)) && ((typeof p9 === "object" && p9 !== null && !Array.isArray(p9) && !(p9 instanceof PyFloat))) && ((((typeof p10 === "string")) && (pattern0.test(p10))) || ((p10 === null))) && ((((typeof p11 === "string")) && (pattern0.test(p11))) || ((p11 === null))) && (((Array.isArray(p12))) && (checkEachTriggerRunRecord$participants(p12))) && ((typeof p13 === "string") || (p13 === null)) && ((typeof p14 === "string") || (p14 === null));
}
const inOrderEventMarker$keys = ["event_id","event_code","timestamp","matched","triggered","emitted_by_invocation_id","emitted_by_runner_context_id"];
function inOrderEventMarker(d) {
  if (typeof d !== "object" || d === null || Array.isArray(d) || d instanceof PyFloat) return false;
  const p0 = d["event_id"], p1 = d["event_code"], p2 = d["timestamp"], p3 = d["matched"], p4 = d["triggered"], p5 = d["emitted_by_invocation_id"], p6 = d["emitted_by_runner_context_id"];
  let i = 0;
  for (const k in d) if (k !== inOrderEventMarker$keys[i++]) return false;
  if (i !== 7) return false;
  return (p0 !== undefined) && (p1 !== undefined) && (p2 !== undefined) && (p3 !== undefined) && (p4 !== undefined) && (p5 !== undefined) && (p6 !== undefined) && ((typeof p0 === "string")) && ((typeof p1 === "string")) && (((typeof p2 === "string")) && (pattern0.test(p2))) && ((typeof p3 === "boolean")) && ((typeof p4 === "boolean")) && ((typeof p5 === "string") || (p5 === null)) && ((typeof p6 === "string") || (p6 === null));
}
const inOrderEventMarkerPage$keys = ["markers","total","truncated"];
function inOrderEachEventMarkerPage$markers(a) {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (!(inOrderEventMarker(x))) return false;
  }
  return true;
}
function inOrderEventMarkerPage(d) {
  if (typeof d !== "object" || d === null || Array.isArray(d) || d instanceof PyFloat) return false;
  const p0 = d["markers"], p1 = d["total"], p2 = d["truncated"];
  let i = 0;
  for (const k in d) if (k !== inOrderEventMarkerPage$keys[i++]) return false;
  if (i !== 3) return false;
  return (p0 !== undefined) && (p1 !== undefined) && (p2 !== undefined) && (((Array.isArray(p0))) && (inOrderEachEventMarkerPage$markers(p0))) && (((typeof p1 === "number" && isFinite(p1) && !(p1 % 1))) && (p1 >= 0)) && ((typeof p2 === "boolean"));
}
const inOrderEventRecord$keys = ["event_id","event_code","timestamp","payload","matched_condition_ids","valid_condition_ids","triggered_invocation_ids","emitted_by_invocation_id","emitted_by_task_id","emitted_by_runner_context_id"];
function inOrderEventRecord$payload(d) {
  if (typeof d !== "object" || d === null || Array.isArray(d) || d instanceof PyFloat) return false;
  for (const k in d) {
    const x = d[k];
    if (!((typeof x === "string"))) return false;
  }
  return true;
}
function inOrderEachEventRecord$matched_condition_ids(a) {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (!((typeof x === "string"))) return false;
  }
  return true;
}
function inOrderEventRecord(d) {
  if (typeof d !== "object" || d === null || Array.isArray(d) || d instanceof PyFloat) return false;
  const p0 = d["event_id"], p1 = d["event_code"], p2 = d["timestamp"], p3 = d["payload"], p4 = d["matched_condition_ids"], p5 = d["valid_condition_ids"], p6 = d["triggered_invocation_ids"], p7 = d["emitted_by_invocation_id"], p8 = d["emitted_by_task_id"], p9 = d["emitted_by_runner_context_id"];
  let i = 0;
  for (const k in d) if (k !== inOrderEventRecord$keys[i++]) return false;
  if (i !== 10) return false;
  return (p0 !== undefined) && (p1 !== undefined) && (p2 !== undefined) && (p3 !== undefined) && (p4 !== undefined) && (p5 !== undefined) && (p6 !== undefined) && (p7 !== undefined) && (p8 !== undefined) && (p9 !== undefined) && ((typeof p0 === "string")) && ((typeof p1 === "string")) && (((typeof p2 === "string")) && (pattern0.test(p2))) && (inOrderEventRecord$payload(p3)) && (((Array.isArray(p4))) && (inOrderEachEventRecord$matched_condition_ids(p4))) && (((Array.isArray(p5))) && (inOrderEachEventRecord$matched_condition_ids(p5))) && (((Array.isArray(p6))) && (inOrderEachEventRecord$matched_condition_ids(p6))) && ((typeof p7 === "string") || (p7 === null)) && ((typeof p8 === "string") || (p8 === null)) && ((typeof p9 === "string") || (p9 === null));
}
const inOrderTriggerRunParticipant$keys = ["context_type","condition_id","valid_condition_id","event_id","source_invocation_id","context_timestamp","context_summary"];
function inOrderTriggerRunParticipant(d) {
  if (typeof d !== "object" || d === null || Array.isArray(d) || d instanceof PyFloat) return false;
  const p0 = d["context_type"], p1 = d["condition_id"], p2 = d["valid_condition_id"], p3 = d["event_id"], p4 = d["source_invocation_id"], p5 = d["context_timestamp"], p6 = d["context_summary"];
  let i = 0;
  for (const k in d) if (k !== inOrderTriggerRunParticipant$keys[i++]) return false;
  if (i !== 7) return false;
  return ((p0 !== undefined) && (p1 !== undefined) && (p2 !== undefined) && (p3 !== undefined) && (p4 !== undefined) && (p5 !== undefined) && (p6 !== undefined) && ((typeof p0 === "string")) && ((typeof p1 === "string") || (p1 === null)) && ((typeof p2 === "string") || (p2 === null)) && ((typeof p3 === "string") || (p3 === null)) && ((typeof p4 === "string") || (p4 === null)) && ((((typeof p5 === "string")) && (pattern0.test(p5))) || ((p5 === null))) && ((typeof p6 === "string"))) && (((p0 !== undefined) && (p0 === "EventContext")) ? ((p3 === undefined || ((typeof p3 === "string"))) && (p4 === undefined || ((p4 === null)))) : (true)) && (((p0 !== undefined) && (p0 === "StatusContext" || p0 === "ResultContext" || p0 === "ExceptionContext")) ? ((p3 === undefined || ((p3 === null))) && (p4 === undefined || ((typeof p4 === "string")))) : (true)) && (((p0 !== undefined) && (p0 === "CronContext")) ? ((p3 === undefined || ((p3 === null))) && (p4 === undefined || ((p4 === null)))) : (true));
}
const inOrderTriggerRunRecord$keys = ["trigger_run_id","trigger_id","task_id_key","logic_value","valid_condition_ids","condition_ids","event_ids","source_invocation_ids","triggered_invocation_id","arguments_preview","claimed_at","executed_at","participants","atomic_service_run_id","atomic_service_runner_id"];
function inOrderEachTriggerRunRecord$participants(a) {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (!(inOrderTriggerRunParticipant(x))) return false;
  }
  return true;
}
function inOrderTriggerRunRecord(d) {
  if (typeof d !== "object" || d === null || Array.isArray(d) || d instanceof PyFloat) return false;
  const p0 = d["trigger_run_id"], p1 = d["trigger_id"], p2 = d["task_id_key"], p3 = d["logic_value"], p4 = d["valid_condition_ids"], p5 = d["condition_ids"], p6 = d["event_ids"], p7 = d["source_invocation_ids"], p8 = d["triggered_invocation_id"], p9 = d["arguments_preview"], p10 = d["claimed_at"], p11 = d["executed_at"], p12 = d["participants"], p13 = d["atomic_service_run_id"], p14 = d["atomic_service_runner_id"];
  let i = 0;
  for (const k in d) if (k !== inOrderTriggerRunRecord$keys[i++]) return false;
  if (i !== 15) return false;
  return (p0 !== undefined) && (p1 !== undefined) && (p2 !== undefined) && (p3 !== undefined) && (p4 !== undefined) && (p5 !== undefined) && (p6 !== undefined) && (p7 !== undefined) && (p8 !== undefined) && (p9 !== undefined) && (p10 !== undefined) && (p11 !== undefined) && (p12 !== undefined) && (p13 !== undefined) && (p14 !== undefined) && ((typeof p0 === "string")) && ((typeof p1 === "string")) && ((typeof p2 === "string")) && (((typeof p3 === "string")) && (p3 === "and" || p3 === "or")) && (((Array.isArray(p4))) && (inOrderEachEventRecord$matched_condition_ids(p4))) && (((Array.isArray(p5))) && (inOrderEachEventRecord$matched_condition_ids(p5))) && (((Array.isArray(p6))) && (inOrderEachEventRecord$matched_condition_ids(p6))) && (((Array.isArray(p7))) && (inOrderEachEventRecord$matched_condition_ids(p7))) && ((typeof p8 === "string") || (p8 === null)) && ((typeof p9 === "object" && p9 !== null && !Array.isArray(p9) && !(p9 instanceof PyFloat))) && ((((typeof p10 === "string")) && (pattern0.test(p10))) || ((p10 === null))) && ((((typeof p11 === "string")) && (pattern0.test(p11))) || ((p11 === null))) && (((Array.isArray(p12))) && (inOrderEachTriggerRunRecord$participants(p12))) && ((typeof p13 === "string") || (p13 === null)) && ((typeof p14 === "string") || (p14 === null));
}

/** A DTO's verdict: true when the value satisfies the contract's schema. */
export type Checker = (value: unknown) => boolean;

/** One fast verdict per DTO (the diagnosers in generated/diagnosers.ts explain a false one). */
export const checkers: Readonly<Record<'EventMarker' | 'EventMarkerPage' | 'EventRecord' | 'TriggerRunParticipant' | 'TriggerRunRecord', Checker>> = Object.freeze({
  EventMarker: checkEventMarker,
  EventMarkerPage: checkEventMarkerPage,
  EventRecord: checkEventRecord,
  TriggerRunParticipant: checkTriggerRunParticipant,
  TriggerRunRecord: checkTriggerRunRecord,
});

/**
 * The verdict of `checkers`, and every closed object's keys exactly in the
 * schema's order (what Python writes). False says nothing about validity.
 */
export const inOrderCheckers: Readonly<Record<'EventMarker' | 'EventMarkerPage' | 'EventRecord' | 'TriggerRunParticipant' | 'TriggerRunRecord', Checker>> = Object.freeze({
  EventMarker: inOrderEventMarker,
  EventMarkerPage: inOrderEventMarkerPage,
  EventRecord: inOrderEventRecord,
  TriggerRunParticipant: inOrderTriggerRunParticipant,
  TriggerRunRecord: inOrderTriggerRunRecord,
});
