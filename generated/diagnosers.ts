// GENERATED FILE — DO NOT EDIT.
// Made by `npm run generate` (scripts/index.ts) from contract/common.schema.json, contract/event-marker.schema.json, contract/event-marker-page.schema.json, contract/event-record.schema.json, contract/trigger-run-participant.schema.json, contract/trigger-run-record.schema.json.
// Edit the schemas in contract/ and regenerate; CI fails when this file drifts.
/* eslint-disable */
// @ts-nocheck — Ajv standalone output
import type { ValidateFunction } from 'ajv';

export type DtoValidators = Readonly<Record<'EventMarker' | 'EventMarkerPage' | 'EventRecord' | 'TriggerRunParticipant' | 'TriggerRunRecord', ValidateFunction>>;

/** All-errors validators with data and schemas in each error, one per DTO. */
export const diagnosers: DtoValidators = (function () {
const module = { exports: {} as Record<string, unknown> };
const exports = module.exports;
exports.EventMarker = validate21;
const schema32 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://schemas.pynenc.org/monitoring/v1/event-marker.schema.json","title":"EventMarker","description":"Light projection of an event that a timeline draws, built by backends from indexed columns without reading the payload. Python gives it no JSON form; this contract does, with the same field order and timestamp rules as the other records.","type":"object","additionalProperties":false,"required":["event_id","event_code","timestamp","matched","triggered","emitted_by_invocation_id","emitted_by_runner_context_id"],"properties":{"event_id":{"$ref":"common.schema.json#/$defs/id","description":"Id of the event this marker stands for."},"event_code":{"type":"string","description":"The event's kind, as in its EventRecord."},"timestamp":{"$ref":"common.schema.json#/$defs/timestamp","description":"When the event was emitted; where the timeline places the marker."},"matched":{"type":"boolean","description":"True when at least one event condition accepted the event."},"triggered":{"type":"boolean","description":"True when at least one invocation was created from the event."},"emitted_by_invocation_id":{"$ref":"common.schema.json#/$defs/optionalId","description":"The invocation that emitted the event, or null.","default":null},"emitted_by_runner_context_id":{"$ref":"common.schema.json#/$defs/optionalId","description":"The runner context the event was emitted from, or null.","default":null}},"examples":[{"event_id":"evt-7f3a","event_code":"order.created","timestamp":"2026-05-09T10:11:12.345678+00:00","matched":true,"triggered":true,"emitted_by_invocation_id":"inv-3","emitted_by_runner_context_id":null}]};
const schema34 = {"title":"Id","description":"An opaque pynenc identifier (event, condition, invocation, trigger, task or runner id).","type":"string"};
const schema35 = {"title":"Timestamp","description":"An aware instant exactly as Python datetime.isoformat() writes it: YYYY-MM-DDTHH:MM:SS, then a six-digit microsecond fraction only when microseconds are non-zero, then a UTC offset that is always present: +HH:MM (zero is +00:00, never -00:00), with :SS only when the offset has seconds and .ffffff only when it has microseconds. Calendar-impossible dates and hour 24 do not match. Expressed as a pattern, not a format, so every JSON Schema validator enforces it identically.","type":"string","pattern":"^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])","examples":["2026-05-09T10:11:12.345678+00:00","2026-05-09T10:11:12+05:30"]};
const schema36 = {"title":"OptionalId","description":"An identifier, or null when there is none.","type":["string","null"]};
const pattern4 = new RegExp("^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])", "u");

function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://schemas.pynenc.org/monitoring/v1/event-marker.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate21.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.event_id === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "event_id"},message:"must have required property '"+"event_id"+"'",schema:schema32.required,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.event_code === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "event_code"},message:"must have required property '"+"event_code"+"'",schema:schema32.required,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.timestamp === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "timestamp"},message:"must have required property '"+"timestamp"+"'",schema:schema32.required,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.matched === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "matched"},message:"must have required property '"+"matched"+"'",schema:schema32.required,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.triggered === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "triggered"},message:"must have required property '"+"triggered"+"'",schema:schema32.required,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.emitted_by_invocation_id === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "emitted_by_invocation_id"},message:"must have required property '"+"emitted_by_invocation_id"+"'",schema:schema32.required,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.emitted_by_runner_context_id === undefined){
const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "emitted_by_runner_context_id"},message:"must have required property '"+"emitted_by_runner_context_id"+"'",schema:schema32.required,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
for(const key0 in data){
if(!(((((((key0 === "event_id") || (key0 === "event_code")) || (key0 === "timestamp")) || (key0 === "matched")) || (key0 === "triggered")) || (key0 === "emitted_by_invocation_id")) || (key0 === "emitted_by_runner_context_id"))){
const err7 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.event_id !== undefined){
let data0 = data.event_id;
if(typeof data0 !== "string"){
const err8 = {instancePath:instancePath+"/event_id",schemaPath:"common.schema.json#/$defs/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.type,parentSchema:schema34,data:data0};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.event_code !== undefined){
let data1 = data.event_code;
if(typeof data1 !== "string"){
const err9 = {instancePath:instancePath+"/event_code",schemaPath:"#/properties/event_code/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.event_code.type,parentSchema:schema32.properties.event_code,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.timestamp !== undefined){
let data2 = data.timestamp;
if(typeof data2 === "string"){
if(!pattern4.test(data2)){
const err10 = {instancePath:instancePath+"/timestamp",schemaPath:"common.schema.json#/$defs/timestamp/pattern",keyword:"pattern",params:{pattern: "^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])"},message:"must match pattern \""+"^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])"+"\"",schema:"^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])",parentSchema:schema35,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/timestamp",schemaPath:"common.schema.json#/$defs/timestamp/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.type,parentSchema:schema35,data:data2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.matched !== undefined){
let data3 = data.matched;
if(typeof data3 !== "boolean"){
const err12 = {instancePath:instancePath+"/matched",schemaPath:"#/properties/matched/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema32.properties.matched.type,parentSchema:schema32.properties.matched,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.triggered !== undefined){
let data4 = data.triggered;
if(typeof data4 !== "boolean"){
const err13 = {instancePath:instancePath+"/triggered",schemaPath:"#/properties/triggered/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema32.properties.triggered.type,parentSchema:schema32.properties.triggered,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.emitted_by_invocation_id !== undefined){
let data5 = data.emitted_by_invocation_id;
if((typeof data5 !== "string") && (data5 !== null)){
const err14 = {instancePath:instancePath+"/emitted_by_invocation_id",schemaPath:"common.schema.json#/$defs/optionalId/type",keyword:"type",params:{type: schema36.type},message:"must be string,null",schema:schema36.type,parentSchema:schema36,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.emitted_by_runner_context_id !== undefined){
let data6 = data.emitted_by_runner_context_id;
if((typeof data6 !== "string") && (data6 !== null)){
const err15 = {instancePath:instancePath+"/emitted_by_runner_context_id",schemaPath:"common.schema.json#/$defs/optionalId/type",keyword:"type",params:{type: schema36.type},message:"must be string,null",schema:schema36.type,parentSchema:schema36,data:data6};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
else {
const err16 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.type,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
validate21.errors = vErrors;
return errors === 0;
}
validate21.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

exports.EventMarkerPage = validate23;
const schema38 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://schemas.pynenc.org/monitoring/v1/event-marker-page.schema.json","title":"EventMarkerPage","description":"One page of event markers for a time window, with the total count so a timeline can say \"showing N of more\" instead of silently dropping markers.","type":"object","additionalProperties":false,"required":["markers","total","truncated"],"properties":{"markers":{"type":"array","description":"The markers of this page, in the backend's order (by timestamp).","items":{"$ref":"event-marker.schema.json"}},"total":{"type":"integer","minimum":0,"description":"How many markers the whole window holds, on every page."},"truncated":{"type":"boolean","description":"True when the backend stopped at its limit and more markers exist in the window (offset + markers.length < total)."}},"examples":[{"markers":[{"event_id":"evt-7f3a","event_code":"order.created","timestamp":"2026-05-09T10:11:12.345678+00:00","matched":true,"triggered":false,"emitted_by_invocation_id":null,"emitted_by_runner_context_id":null}],"total":3,"truncated":true},{"markers":[],"total":0,"truncated":false}]};

function validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://schemas.pynenc.org/monitoring/v1/event-marker-page.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate23.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.markers === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "markers"},message:"must have required property '"+"markers"+"'",schema:schema38.required,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.total === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "total"},message:"must have required property '"+"total"+"'",schema:schema38.required,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.truncated === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "truncated"},message:"must have required property '"+"truncated"+"'",schema:schema38.required,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!(((key0 === "markers") || (key0 === "total")) || (key0 === "truncated"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.markers !== undefined){
let data0 = data.markers;
if(Array.isArray(data0)){
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
if(!(validate21(data0[i0], {instancePath:instancePath+"/markers/" + i0,parentData:data0,parentDataProperty:i0,rootData,dynamicAnchors}))){
if (vErrors === null) vErrors = validate21.errors.slice(); else for (const e of validate21.errors) vErrors.push(e);
errors = vErrors.length;
}
}
}
else {
const err4 = {instancePath:instancePath+"/markers",schemaPath:"#/properties/markers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema38.properties.markers.type,parentSchema:schema38.properties.markers,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.total !== undefined){
let data2 = data.total;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err5 = {instancePath:instancePath+"/total",schemaPath:"#/properties/total/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema38.properties.total.type,parentSchema:schema38.properties.total,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 0 || isNaN(data2)){
const err6 = {instancePath:instancePath+"/total",schemaPath:"#/properties/total/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema38.properties.total,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
if(data.truncated !== undefined){
let data3 = data.truncated;
if(typeof data3 !== "boolean"){
const err7 = {instancePath:instancePath+"/truncated",schemaPath:"#/properties/truncated/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema38.properties.truncated.type,parentSchema:schema38.properties.truncated,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema38.type,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
validate23.errors = vErrors;
return errors === 0;
}
validate23.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

exports.EventRecord = validate25;
const schema39 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://schemas.pynenc.org/monitoring/v1/event-record.schema.json","title":"EventRecord","description":"Durable record of one event emitted through a pynenc trigger, written whether or not any condition matched it. The properties are listed in the order Python's EventRecord.to_json writes them.","type":"object","additionalProperties":false,"required":["event_id","event_code","timestamp","payload","matched_condition_ids","valid_condition_ids","triggered_invocation_ids","emitted_by_invocation_id","emitted_by_task_id","emitted_by_runner_context_id"],"properties":{"event_id":{"$ref":"common.schema.json#/$defs/id","description":"Unique id of this event; the key every other record uses to point at it."},"event_code":{"type":"string","description":"The event's kind, chosen by the emitter; event conditions select events by this code."},"timestamp":{"$ref":"common.schema.json#/$defs/timestamp","description":"When the event was emitted. A reader that finds it missing, null or empty uses the current UTC time, as Python does."},"payload":{"type":"object","description":"The event's data, one entry per payload key. Each value is the client data store's serialized text for the original value: either the serialized value inline, or a `__pynenc__client_data__:<sha256>` reference to a stored copy.","additionalProperties":{"type":"string"},"default":{}},"matched_condition_ids":{"$ref":"common.schema.json#/$defs/idList","description":"Ids of the event conditions that accepted this event. Non-empty means the event matched.","default":[]},"valid_condition_ids":{"$ref":"common.schema.json#/$defs/idList","description":"Ids of the valid conditions (condition instances bound to a context) this event produced.","default":[]},"triggered_invocation_ids":{"$ref":"common.schema.json#/$defs/idList","description":"Ids of the invocations created because of this event. Backends fill it on read from their event-to-invocation index, in link order; non-empty means the event triggered something.","default":[]},"emitted_by_invocation_id":{"$ref":"common.schema.json#/$defs/optionalId","description":"The invocation that emitted the event, or null when it was emitted outside any task.","default":null},"emitted_by_task_id":{"$ref":"common.schema.json#/$defs/optionalId","description":"The task of the emitting invocation, or null when unknown.","default":null},"emitted_by_runner_context_id":{"$ref":"common.schema.json#/$defs/optionalId","description":"The runner context the event was emitted from, or null when unknown.","default":null}},"examples":[{"event_id":"evt-7f3a","event_code":"order.created","timestamp":"2026-05-09T10:11:12.345678+00:00","payload":{"order_id":"42","customer":"\"ada\""},"matched_condition_ids":["cond-event-order"],"valid_condition_ids":["vc-1"],"triggered_invocation_ids":["inv-9"],"emitted_by_invocation_id":"inv-3","emitted_by_task_id":"shop.tasks.checkout","emitted_by_runner_context_id":"runner-ctx-1"},{"event_id":"evt-0001","event_code":"ping","timestamp":"2026-05-09T10:11:12+05:30","payload":{},"matched_condition_ids":[],"valid_condition_ids":[],"triggered_invocation_ids":[],"emitted_by_invocation_id":null,"emitted_by_task_id":null,"emitted_by_runner_context_id":null}]};
const func1 = Object.prototype.hasOwnProperty;
const schema42 = {"title":"IdList","description":"An ordered list of identifiers; empty when there are none.","type":"array","items":{"$ref":"#/$defs/id"}};

function validate26(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate26.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(Array.isArray(data)){
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
let data0 = data[i0];
if(typeof data0 !== "string"){
const err0 = {instancePath:instancePath+"/" + i0,schemaPath:"#/$defs/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.type,parentSchema:schema34,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
}
else {
const err1 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema42.type,parentSchema:schema42,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
validate26.errors = vErrors;
return errors === 0;
}
validate26.evaluated = {"items":true,"dynamicProps":false,"dynamicItems":false};


function validate25(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://schemas.pynenc.org/monitoring/v1/event-record.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate25.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.event_id === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "event_id"},message:"must have required property '"+"event_id"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.event_code === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "event_code"},message:"must have required property '"+"event_code"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.timestamp === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "timestamp"},message:"must have required property '"+"timestamp"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.payload === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "payload"},message:"must have required property '"+"payload"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.matched_condition_ids === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "matched_condition_ids"},message:"must have required property '"+"matched_condition_ids"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.valid_condition_ids === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "valid_condition_ids"},message:"must have required property '"+"valid_condition_ids"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.triggered_invocation_ids === undefined){
const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "triggered_invocation_ids"},message:"must have required property '"+"triggered_invocation_ids"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data.emitted_by_invocation_id === undefined){
const err7 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "emitted_by_invocation_id"},message:"must have required property '"+"emitted_by_invocation_id"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data.emitted_by_task_id === undefined){
const err8 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "emitted_by_task_id"},message:"must have required property '"+"emitted_by_task_id"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data.emitted_by_runner_context_id === undefined){
const err9 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "emitted_by_runner_context_id"},message:"must have required property '"+"emitted_by_runner_context_id"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
for(const key0 in data){
if(!(func1.call(schema39.properties, key0))){
const err10 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.event_id !== undefined){
let data0 = data.event_id;
if(typeof data0 !== "string"){
const err11 = {instancePath:instancePath+"/event_id",schemaPath:"common.schema.json#/$defs/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.type,parentSchema:schema34,data:data0};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.event_code !== undefined){
let data1 = data.event_code;
if(typeof data1 !== "string"){
const err12 = {instancePath:instancePath+"/event_code",schemaPath:"#/properties/event_code/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.event_code.type,parentSchema:schema39.properties.event_code,data:data1};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.timestamp !== undefined){
let data2 = data.timestamp;
if(typeof data2 === "string"){
if(!pattern4.test(data2)){
const err13 = {instancePath:instancePath+"/timestamp",schemaPath:"common.schema.json#/$defs/timestamp/pattern",keyword:"pattern",params:{pattern: "^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])"},message:"must match pattern \""+"^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])"+"\"",schema:"^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])",parentSchema:schema35,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/timestamp",schemaPath:"common.schema.json#/$defs/timestamp/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.type,parentSchema:schema35,data:data2};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.payload !== undefined){
let data3 = data.payload;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
for(const key1 in data3){
let data4 = data3[key1];
if(typeof data4 !== "string"){
const err15 = {instancePath:instancePath+"/payload/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/payload/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.payload.additionalProperties.type,parentSchema:schema39.properties.payload.additionalProperties,data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
else {
const err16 = {instancePath:instancePath+"/payload",schemaPath:"#/properties/payload/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.properties.payload.type,parentSchema:schema39.properties.payload,data:data3};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.matched_condition_ids !== undefined){
if(!(validate26(data.matched_condition_ids, {instancePath:instancePath+"/matched_condition_ids",parentData:data,parentDataProperty:"matched_condition_ids",rootData,dynamicAnchors}))){
if (vErrors === null) vErrors = validate26.errors.slice(); else for (const e of validate26.errors) vErrors.push(e);
errors = vErrors.length;
}
}
if(data.valid_condition_ids !== undefined){
if(!(validate26(data.valid_condition_ids, {instancePath:instancePath+"/valid_condition_ids",parentData:data,parentDataProperty:"valid_condition_ids",rootData,dynamicAnchors}))){
if (vErrors === null) vErrors = validate26.errors.slice(); else for (const e of validate26.errors) vErrors.push(e);
errors = vErrors.length;
}
}
if(data.triggered_invocation_ids !== undefined){
if(!(validate26(data.triggered_invocation_ids, {instancePath:instancePath+"/triggered_invocation_ids",parentData:data,parentDataProperty:"triggered_invocation_ids",rootData,dynamicAnchors}))){
if (vErrors === null) vErrors = validate26.errors.slice(); else for (const e of validate26.errors) vErrors.push(e);
errors = vErrors.length;
}
}
if(data.emitted_by_invocation_id !== undefined){
let data8 = data.emitted_by_invocation_id;
if((typeof data8 !== "string") && (data8 !== null)){
const err17 = {instancePath:instancePath+"/emitted_by_invocation_id",schemaPath:"common.schema.json#/$defs/optionalId/type",keyword:"type",params:{type: schema36.type},message:"must be string,null",schema:schema36.type,parentSchema:schema36,data:data8};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.emitted_by_task_id !== undefined){
let data9 = data.emitted_by_task_id;
if((typeof data9 !== "string") && (data9 !== null)){
const err18 = {instancePath:instancePath+"/emitted_by_task_id",schemaPath:"common.schema.json#/$defs/optionalId/type",keyword:"type",params:{type: schema36.type},message:"must be string,null",schema:schema36.type,parentSchema:schema36,data:data9};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.emitted_by_runner_context_id !== undefined){
let data10 = data.emitted_by_runner_context_id;
if((typeof data10 !== "string") && (data10 !== null)){
const err19 = {instancePath:instancePath+"/emitted_by_runner_context_id",schemaPath:"common.schema.json#/$defs/optionalId/type",keyword:"type",params:{type: schema36.type},message:"must be string,null",schema:schema36.type,parentSchema:schema36,data:data10};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.type,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
validate25.errors = vErrors;
return errors === 0;
}
validate25.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

exports.TriggerRunParticipant = validate30;
const schema47 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://schemas.pynenc.org/monitoring/v1/trigger-run-participant.schema.json","title":"TriggerRunParticipant","description":"One per-condition row of a trigger run: which valid condition was satisfied, and by which event or source invocation. Python writes it only inside TriggerRunRecord.participants (BaseTrigger._build_run_participants). An EventContext carries an event_id; a StatusContext, ResultContext or ExceptionContext (the last two subclass StatusContext) carries a source_invocation_id; a CronContext carries neither. A user's own context class gets no rule.","type":"object","additionalProperties":false,"required":["context_type","condition_id","valid_condition_id","event_id","source_invocation_id","context_timestamp","context_summary"],"properties":{"context_type":{"type":"string","description":"The Python class name of the trigger context that satisfied the condition (type(context).__name__): EventContext, StatusContext, ResultContext, ExceptionContext or CronContext for pynenc's own contexts; a user's own ConditionContext subclass writes its own class name.","examples":["EventContext","StatusContext","ResultContext","ExceptionContext","CronContext"]},"condition_id":{"$ref":"common.schema.json#/$defs/optionalId","description":"The trigger condition this row satisfied, or null.","default":null},"valid_condition_id":{"$ref":"common.schema.json#/$defs/optionalId","description":"The valid condition (condition bound to its context) this row stands for, or null.","default":null},"event_id":{"$ref":"common.schema.json#/$defs/optionalId","description":"The event that satisfied the condition; set for an EventContext only.","default":null},"source_invocation_id":{"$ref":"common.schema.json#/$defs/optionalId","description":"The invocation whose status, result or exception satisfied the condition; set for a StatusContext, ResultContext or ExceptionContext only.","default":null},"context_timestamp":{"$ref":"common.schema.json#/$defs/optionalTimestamp","description":"When the satisfying context happened, so a timeline can anchor the row without fetching its source; null when unknown. Readers take missing, null or empty as null.","default":null},"context_summary":{"type":"string","description":"A short human label for tooltips, such as `code:order.created`, `status:SUCCESS task:shop.tasks.pay` or `timestamp:<iso>`; empty when there is none.","default":""}},"allOf":[{"if":{"required":["context_type"],"properties":{"context_type":{"const":"EventContext"}}},"then":{"properties":{"event_id":{"type":"string"},"source_invocation_id":{"type":"null"}}}},{"if":{"required":["context_type"],"properties":{"context_type":{"enum":["StatusContext","ResultContext","ExceptionContext"]}}},"then":{"properties":{"event_id":{"type":"null"},"source_invocation_id":{"type":"string"}}}},{"if":{"required":["context_type"],"properties":{"context_type":{"const":"CronContext"}}},"then":{"properties":{"event_id":{"type":"null"},"source_invocation_id":{"type":"null"}}}}],"examples":[{"context_type":"EventContext","condition_id":"cond-event-order","valid_condition_id":"vc-1","event_id":"evt-7f3a","source_invocation_id":null,"context_timestamp":"2026-05-09T10:11:12.345678+00:00","context_summary":"code:order.created"},{"context_type":"CronContext","condition_id":"cond-cron-hourly","valid_condition_id":"vc-2","event_id":null,"source_invocation_id":null,"context_timestamp":"2026-05-09T11:00:00+00:00","context_summary":"timestamp:2026-05-09T11:00:00+00:00"}]};
const schema52 = {"title":"OptionalTimestamp","description":"A timestamp, or null when the instant is not (yet) known.","oneOf":[{"$ref":"#/$defs/timestamp"},{"type":"null"}]};

function validate31(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate31.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs0 = errors;
let valid0 = false;
let passing0 = null;
const _errs1 = errors;
if(typeof data === "string"){
if(!pattern4.test(data)){
const err0 = {instancePath,schemaPath:"#/$defs/timestamp/pattern",keyword:"pattern",params:{pattern: "^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])"},message:"must match pattern \""+"^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])"+"\"",schema:"^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])",parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
else {
const err1 = {instancePath,schemaPath:"#/$defs/timestamp/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.type,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
var _valid0 = _errs1 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
}
const _errs4 = errors;
if(data !== null){
const err2 = {instancePath,schemaPath:"#/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema52.oneOf[1].type,parentSchema:schema52.oneOf[1],data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs4 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
}
}
if(!valid0){
const err3 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema52.oneOf,parentSchema:schema52,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
else {
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
}
validate31.errors = vErrors;
return errors === 0;
}
validate31.evaluated = {"dynamicProps":false,"dynamicItems":false};


function validate30(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://schemas.pynenc.org/monitoring/v1/trigger-run-participant.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate30.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs2 = errors;
let valid1 = true;
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.context_type === undefined) && (missing0 = "context_type")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.context_type !== undefined){
if("EventContext" !== data.context_type){
const err1 = {};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
}
var _valid0 = _errs3 === errors;
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs5 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.event_id !== undefined){
let data1 = data.event_id;
if(typeof data1 !== "string"){
const err2 = {instancePath:instancePath+"/event_id",schemaPath:"#/allOf/0/then/properties/event_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.allOf[0].then.properties.event_id.type,parentSchema:schema47.allOf[0].then.properties.event_id,data:data1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.source_invocation_id !== undefined){
let data2 = data.source_invocation_id;
if(data2 !== null){
const err3 = {instancePath:instancePath+"/source_invocation_id",schemaPath:"#/allOf/0/then/properties/source_invocation_id/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema47.allOf[0].then.properties.source_invocation_id.type,parentSchema:schema47.allOf[0].then.properties.source_invocation_id,data:data2};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
var _valid0 = _errs5 === errors;
valid1 = _valid0;
if(valid1){
var props0 = {};
props0.event_id = true;
props0.source_invocation_id = true;
props0.context_type = true;
}
}
if(!valid1){
const err4 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema47.allOf[0].if,parentSchema:schema47.allOf[0],data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
const _errs11 = errors;
let valid4 = true;
const _errs12 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if((data.context_type === undefined) && (missing1 = "context_type")){
const err5 = {};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
else {
if(data.context_type !== undefined){
let data3 = data.context_type;
if(!(((data3 === "StatusContext") || (data3 === "ResultContext")) || (data3 === "ExceptionContext"))){
const err6 = {};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
}
var _valid1 = _errs12 === errors;
errors = _errs11;
if(vErrors !== null){
if(_errs11){
vErrors.length = _errs11;
}
else {
vErrors = null;
}
}
if(_valid1){
const _errs14 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.event_id !== undefined){
let data4 = data.event_id;
if(data4 !== null){
const err7 = {instancePath:instancePath+"/event_id",schemaPath:"#/allOf/1/then/properties/event_id/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema47.allOf[1].then.properties.event_id.type,parentSchema:schema47.allOf[1].then.properties.event_id,data:data4};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.source_invocation_id !== undefined){
let data5 = data.source_invocation_id;
if(typeof data5 !== "string"){
const err8 = {instancePath:instancePath+"/source_invocation_id",schemaPath:"#/allOf/1/then/properties/source_invocation_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.allOf[1].then.properties.source_invocation_id.type,parentSchema:schema47.allOf[1].then.properties.source_invocation_id,data:data5};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
var _valid1 = _errs14 === errors;
valid4 = _valid1;
if(valid4){
var props1 = {};
props1.event_id = true;
props1.source_invocation_id = true;
props1.context_type = true;
}
}
if(!valid4){
const err9 = {instancePath,schemaPath:"#/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema47.allOf[1].if,parentSchema:schema47.allOf[1],data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(props0 !== true && props1 !== undefined){
if(props1 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props1);
}
}
const _errs20 = errors;
let valid7 = true;
const _errs21 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing2;
if((data.context_type === undefined) && (missing2 = "context_type")){
const err10 = {};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
else {
if(data.context_type !== undefined){
if("CronContext" !== data.context_type){
const err11 = {};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
}
var _valid2 = _errs21 === errors;
errors = _errs20;
if(vErrors !== null){
if(_errs20){
vErrors.length = _errs20;
}
else {
vErrors = null;
}
}
if(_valid2){
const _errs23 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.event_id !== undefined){
let data7 = data.event_id;
if(data7 !== null){
const err12 = {instancePath:instancePath+"/event_id",schemaPath:"#/allOf/2/then/properties/event_id/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema47.allOf[2].then.properties.event_id.type,parentSchema:schema47.allOf[2].then.properties.event_id,data:data7};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.source_invocation_id !== undefined){
let data8 = data.source_invocation_id;
if(data8 !== null){
const err13 = {instancePath:instancePath+"/source_invocation_id",schemaPath:"#/allOf/2/then/properties/source_invocation_id/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema47.allOf[2].then.properties.source_invocation_id.type,parentSchema:schema47.allOf[2].then.properties.source_invocation_id,data:data8};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
var _valid2 = _errs23 === errors;
valid7 = _valid2;
if(valid7){
var props2 = {};
props2.event_id = true;
props2.source_invocation_id = true;
props2.context_type = true;
}
}
if(!valid7){
const err14 = {instancePath,schemaPath:"#/allOf/2/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema47.allOf[2].if,parentSchema:schema47.allOf[2],data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(props0 !== true && props2 !== undefined){
if(props2 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props2);
}
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.context_type === undefined){
const err15 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "context_type"},message:"must have required property '"+"context_type"+"'",schema:schema47.required,parentSchema:schema47,data};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data.condition_id === undefined){
const err16 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "condition_id"},message:"must have required property '"+"condition_id"+"'",schema:schema47.required,parentSchema:schema47,data};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(data.valid_condition_id === undefined){
const err17 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "valid_condition_id"},message:"must have required property '"+"valid_condition_id"+"'",schema:schema47.required,parentSchema:schema47,data};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data.event_id === undefined){
const err18 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "event_id"},message:"must have required property '"+"event_id"+"'",schema:schema47.required,parentSchema:schema47,data};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(data.source_invocation_id === undefined){
const err19 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "source_invocation_id"},message:"must have required property '"+"source_invocation_id"+"'",schema:schema47.required,parentSchema:schema47,data};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data.context_timestamp === undefined){
const err20 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "context_timestamp"},message:"must have required property '"+"context_timestamp"+"'",schema:schema47.required,parentSchema:schema47,data};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data.context_summary === undefined){
const err21 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "context_summary"},message:"must have required property '"+"context_summary"+"'",schema:schema47.required,parentSchema:schema47,data};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
for(const key0 in data){
if(!(((((((key0 === "context_type") || (key0 === "condition_id")) || (key0 === "valid_condition_id")) || (key0 === "event_id")) || (key0 === "source_invocation_id")) || (key0 === "context_timestamp")) || (key0 === "context_summary"))){
const err22 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema47,data};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.context_type !== undefined){
let data9 = data.context_type;
if(typeof data9 !== "string"){
const err23 = {instancePath:instancePath+"/context_type",schemaPath:"#/properties/context_type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.properties.context_type.type,parentSchema:schema47.properties.context_type,data:data9};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.condition_id !== undefined){
let data10 = data.condition_id;
if((typeof data10 !== "string") && (data10 !== null)){
const err24 = {instancePath:instancePath+"/condition_id",schemaPath:"common.schema.json#/$defs/optionalId/type",keyword:"type",params:{type: schema36.type},message:"must be string,null",schema:schema36.type,parentSchema:schema36,data:data10};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.valid_condition_id !== undefined){
let data11 = data.valid_condition_id;
if((typeof data11 !== "string") && (data11 !== null)){
const err25 = {instancePath:instancePath+"/valid_condition_id",schemaPath:"common.schema.json#/$defs/optionalId/type",keyword:"type",params:{type: schema36.type},message:"must be string,null",schema:schema36.type,parentSchema:schema36,data:data11};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.event_id !== undefined){
let data12 = data.event_id;
if((typeof data12 !== "string") && (data12 !== null)){
const err26 = {instancePath:instancePath+"/event_id",schemaPath:"common.schema.json#/$defs/optionalId/type",keyword:"type",params:{type: schema36.type},message:"must be string,null",schema:schema36.type,parentSchema:schema36,data:data12};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.source_invocation_id !== undefined){
let data13 = data.source_invocation_id;
if((typeof data13 !== "string") && (data13 !== null)){
const err27 = {instancePath:instancePath+"/source_invocation_id",schemaPath:"common.schema.json#/$defs/optionalId/type",keyword:"type",params:{type: schema36.type},message:"must be string,null",schema:schema36.type,parentSchema:schema36,data:data13};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data.context_timestamp !== undefined){
if(!(validate31(data.context_timestamp, {instancePath:instancePath+"/context_timestamp",parentData:data,parentDataProperty:"context_timestamp",rootData,dynamicAnchors}))){
if (vErrors === null) vErrors = validate31.errors.slice(); else for (const e of validate31.errors) vErrors.push(e);
errors = vErrors.length;
}
}
if(data.context_summary !== undefined){
let data15 = data.context_summary;
if(typeof data15 !== "string"){
const err28 = {instancePath:instancePath+"/context_summary",schemaPath:"#/properties/context_summary/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.properties.context_summary.type,parentSchema:schema47.properties.context_summary,data:data15};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
else {
const err29 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema47.type,parentSchema:schema47,data};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
validate30.errors = vErrors;
return errors === 0;
}
validate30.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

exports.TriggerRunRecord = validate33;
const schema54 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://schemas.pynenc.org/monitoring/v1/trigger-run-record.schema.json","title":"TriggerRunRecord","description":"Durable record of one trigger run: the participants that satisfied a trigger and the invocation it created. The flat id lists are kept beside participants for older readers and simple indexes. Python writes it without the client data store: arguments_preview is raw JSON.","type":"object","additionalProperties":false,"required":["trigger_run_id","trigger_id","task_id_key","logic_value","valid_condition_ids","condition_ids","event_ids","source_invocation_ids","triggered_invocation_id","arguments_preview","claimed_at","executed_at","participants","atomic_service_run_id","atomic_service_runner_id"],"properties":{"trigger_run_id":{"$ref":"common.schema.json#/$defs/id","description":"Unique id of this run; also the claim key that keeps two runners from firing it twice."},"trigger_id":{"$ref":"common.schema.json#/$defs/id","description":"The trigger definition that fired."},"task_id_key":{"type":"string","description":"Key of the task the trigger invokes."},"logic_value":{"type":"string","enum":["and","or"],"description":"How the trigger combines its conditions: \"and\" needs every condition, \"or\" any one (Python's CompositeLogic value)."},"valid_condition_ids":{"$ref":"common.schema.json#/$defs/idList","description":"Ids of the valid conditions that took part in the run.","default":[]},"condition_ids":{"$ref":"common.schema.json#/$defs/idList","description":"Ids of the trigger conditions that were satisfied.","default":[]},"event_ids":{"$ref":"common.schema.json#/$defs/idList","description":"Flat list of the events that took part (the per-condition mapping is in participants).","default":[]},"source_invocation_ids":{"$ref":"common.schema.json#/$defs/idList","description":"Flat list of the invocations whose status, result or exception took part.","default":[]},"triggered_invocation_id":{"$ref":"common.schema.json#/$defs/optionalId","description":"The invocation the run created, or null until it exists.","default":null},"arguments_preview":{"type":"object","additionalProperties":true,"description":"The arguments the triggered task receives, as raw JSON for display. Values are user data of any JSON type; Python may write NaN and Infinity here.","default":{}},"claimed_at":{"$ref":"common.schema.json#/$defs/optionalTimestamp","description":"When a runner claimed the run, or null. Readers take missing, null or empty as null.","default":null},"executed_at":{"$ref":"common.schema.json#/$defs/optionalTimestamp","description":"When the triggered task was invoked, or null. Readers take missing, null or empty as null.","default":null},"participants":{"type":"array","description":"One row per satisfied condition, in evaluation order; an AND run has one per condition.","items":{"$ref":"trigger-run-participant.schema.json"},"default":[]},"atomic_service_run_id":{"$ref":"common.schema.json#/$defs/optionalId","description":"The atomic-service execution cycle that produced the run, or null for runs outside that path (status, event or result triggers fired from a task).","default":null},"atomic_service_runner_id":{"$ref":"common.schema.json#/$defs/optionalId","description":"The runner that executed that atomic-service cycle, or null.","default":null}},"examples":[{"trigger_run_id":"run-1","trigger_id":"trg-order-and-payment","task_id_key":"shop.tasks.ship","logic_value":"and","valid_condition_ids":["vc-1","vc-3"],"condition_ids":["cond-event-order","cond-status-pay"],"event_ids":["evt-7f3a"],"source_invocation_ids":["inv-5"],"triggered_invocation_id":"inv-9","arguments_preview":{"order_id":42,"express":true},"claimed_at":"2026-05-09T10:11:13.000001+00:00","executed_at":"2026-05-09T10:11:13.500000+00:00","participants":[{"context_type":"EventContext","condition_id":"cond-event-order","valid_condition_id":"vc-1","event_id":"evt-7f3a","source_invocation_id":null,"context_timestamp":"2026-05-09T10:11:12.345678+00:00","context_summary":"code:order.created"},{"context_type":"StatusContext","condition_id":"cond-status-pay","valid_condition_id":"vc-3","event_id":null,"source_invocation_id":"inv-5","context_timestamp":"2026-05-09T10:11:12.900000+00:00","context_summary":"status:SUCCESS task:shop.tasks.pay"}],"atomic_service_run_id":null,"atomic_service_runner_id":null}]};

function validate34(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate34.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(Array.isArray(data)){
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
let data0 = data[i0];
if(typeof data0 !== "string"){
const err0 = {instancePath:instancePath+"/" + i0,schemaPath:"#/$defs/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.type,parentSchema:schema34,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
}
else {
const err1 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema42.type,parentSchema:schema42,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
validate34.errors = vErrors;
return errors === 0;
}
validate34.evaluated = {"items":true,"dynamicProps":false,"dynamicItems":false};


function validate39(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate39.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs0 = errors;
let valid0 = false;
let passing0 = null;
const _errs1 = errors;
if(typeof data === "string"){
if(!pattern4.test(data)){
const err0 = {instancePath,schemaPath:"#/$defs/timestamp/pattern",keyword:"pattern",params:{pattern: "^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])"},message:"must match pattern \""+"^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])"+"\"",schema:"^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])",parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
else {
const err1 = {instancePath,schemaPath:"#/$defs/timestamp/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.type,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
var _valid0 = _errs1 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
}
const _errs4 = errors;
if(data !== null){
const err2 = {instancePath,schemaPath:"#/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema52.oneOf[1].type,parentSchema:schema52.oneOf[1],data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs4 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
}
}
if(!valid0){
const err3 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema52.oneOf,parentSchema:schema52,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
else {
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
}
validate39.errors = vErrors;
return errors === 0;
}
validate39.evaluated = {"dynamicProps":false,"dynamicItems":false};


function validate33(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://schemas.pynenc.org/monitoring/v1/trigger-run-record.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate33.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.trigger_run_id === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "trigger_run_id"},message:"must have required property '"+"trigger_run_id"+"'",schema:schema54.required,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.trigger_id === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "trigger_id"},message:"must have required property '"+"trigger_id"+"'",schema:schema54.required,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.task_id_key === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "task_id_key"},message:"must have required property '"+"task_id_key"+"'",schema:schema54.required,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.logic_value === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "logic_value"},message:"must have required property '"+"logic_value"+"'",schema:schema54.required,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.valid_condition_ids === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "valid_condition_ids"},message:"must have required property '"+"valid_condition_ids"+"'",schema:schema54.required,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.condition_ids === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "condition_ids"},message:"must have required property '"+"condition_ids"+"'",schema:schema54.required,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.event_ids === undefined){
const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "event_ids"},message:"must have required property '"+"event_ids"+"'",schema:schema54.required,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data.source_invocation_ids === undefined){
const err7 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "source_invocation_ids"},message:"must have required property '"+"source_invocation_ids"+"'",schema:schema54.required,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data.triggered_invocation_id === undefined){
const err8 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "triggered_invocation_id"},message:"must have required property '"+"triggered_invocation_id"+"'",schema:schema54.required,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data.arguments_preview === undefined){
const err9 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "arguments_preview"},message:"must have required property '"+"arguments_preview"+"'",schema:schema54.required,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data.claimed_at === undefined){
const err10 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "claimed_at"},message:"must have required property '"+"claimed_at"+"'",schema:schema54.required,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data.executed_at === undefined){
const err11 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "executed_at"},message:"must have required property '"+"executed_at"+"'",schema:schema54.required,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data.participants === undefined){
const err12 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "participants"},message:"must have required property '"+"participants"+"'",schema:schema54.required,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data.atomic_service_run_id === undefined){
const err13 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "atomic_service_run_id"},message:"must have required property '"+"atomic_service_run_id"+"'",schema:schema54.required,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data.atomic_service_runner_id === undefined){
const err14 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "atomic_service_runner_id"},message:"must have required property '"+"atomic_service_runner_id"+"'",schema:schema54.required,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
for(const key0 in data){
if(!(func1.call(schema54.properties, key0))){
const err15 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.trigger_run_id !== undefined){
let data0 = data.trigger_run_id;
if(typeof data0 !== "string"){
const err16 = {instancePath:instancePath+"/trigger_run_id",schemaPath:"common.schema.json#/$defs/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.type,parentSchema:schema34,data:data0};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.trigger_id !== undefined){
let data1 = data.trigger_id;
if(typeof data1 !== "string"){
const err17 = {instancePath:instancePath+"/trigger_id",schemaPath:"common.schema.json#/$defs/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.type,parentSchema:schema34,data:data1};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.task_id_key !== undefined){
let data2 = data.task_id_key;
if(typeof data2 !== "string"){
const err18 = {instancePath:instancePath+"/task_id_key",schemaPath:"#/properties/task_id_key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema54.properties.task_id_key.type,parentSchema:schema54.properties.task_id_key,data:data2};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.logic_value !== undefined){
let data3 = data.logic_value;
if(typeof data3 !== "string"){
const err19 = {instancePath:instancePath+"/logic_value",schemaPath:"#/properties/logic_value/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema54.properties.logic_value.type,parentSchema:schema54.properties.logic_value,data:data3};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(!((data3 === "and") || (data3 === "or"))){
const err20 = {instancePath:instancePath+"/logic_value",schemaPath:"#/properties/logic_value/enum",keyword:"enum",params:{allowedValues: schema54.properties.logic_value.enum},message:"must be equal to one of the allowed values",schema:schema54.properties.logic_value.enum,parentSchema:schema54.properties.logic_value,data:data3};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.valid_condition_ids !== undefined){
if(!(validate34(data.valid_condition_ids, {instancePath:instancePath+"/valid_condition_ids",parentData:data,parentDataProperty:"valid_condition_ids",rootData,dynamicAnchors}))){
if (vErrors === null) vErrors = validate34.errors.slice(); else for (const e of validate34.errors) vErrors.push(e);
errors = vErrors.length;
}
}
if(data.condition_ids !== undefined){
if(!(validate34(data.condition_ids, {instancePath:instancePath+"/condition_ids",parentData:data,parentDataProperty:"condition_ids",rootData,dynamicAnchors}))){
if (vErrors === null) vErrors = validate34.errors.slice(); else for (const e of validate34.errors) vErrors.push(e);
errors = vErrors.length;
}
}
if(data.event_ids !== undefined){
if(!(validate34(data.event_ids, {instancePath:instancePath+"/event_ids",parentData:data,parentDataProperty:"event_ids",rootData,dynamicAnchors}))){
if (vErrors === null) vErrors = validate34.errors.slice(); else for (const e of validate34.errors) vErrors.push(e);
errors = vErrors.length;
}
}
if(data.source_invocation_ids !== undefined){
if(!(validate34(data.source_invocation_ids, {instancePath:instancePath+"/source_invocation_ids",parentData:data,parentDataProperty:"source_invocation_ids",rootData,dynamicAnchors}))){
if (vErrors === null) vErrors = validate34.errors.slice(); else for (const e of validate34.errors) vErrors.push(e);
errors = vErrors.length;
}
}
if(data.triggered_invocation_id !== undefined){
let data8 = data.triggered_invocation_id;
if((typeof data8 !== "string") && (data8 !== null)){
const err21 = {instancePath:instancePath+"/triggered_invocation_id",schemaPath:"common.schema.json#/$defs/optionalId/type",keyword:"type",params:{type: schema36.type},message:"must be string,null",schema:schema36.type,parentSchema:schema36,data:data8};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.arguments_preview !== undefined){
let data9 = data.arguments_preview;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
}
else {
const err22 = {instancePath:instancePath+"/arguments_preview",schemaPath:"#/properties/arguments_preview/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema54.properties.arguments_preview.type,parentSchema:schema54.properties.arguments_preview,data:data9};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.claimed_at !== undefined){
if(!(validate39(data.claimed_at, {instancePath:instancePath+"/claimed_at",parentData:data,parentDataProperty:"claimed_at",rootData,dynamicAnchors}))){
if (vErrors === null) vErrors = validate39.errors.slice(); else for (const e of validate39.errors) vErrors.push(e);
errors = vErrors.length;
}
}
if(data.executed_at !== undefined){
if(!(validate39(data.executed_at, {instancePath:instancePath+"/executed_at",parentData:data,parentDataProperty:"executed_at",rootData,dynamicAnchors}))){
if (vErrors === null) vErrors = validate39.errors.slice(); else for (const e of validate39.errors) vErrors.push(e);
errors = vErrors.length;
}
}
if(data.participants !== undefined){
let data12 = data.participants;
if(Array.isArray(data12)){
const len0 = data12.length;
for(let i0=0; i0<len0; i0++){
if(!(validate30(data12[i0], {instancePath:instancePath+"/participants/" + i0,parentData:data12,parentDataProperty:i0,rootData,dynamicAnchors}))){
if (vErrors === null) vErrors = validate30.errors.slice(); else for (const e of validate30.errors) vErrors.push(e);
errors = vErrors.length;
}
}
}
else {
const err23 = {instancePath:instancePath+"/participants",schemaPath:"#/properties/participants/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema54.properties.participants.type,parentSchema:schema54.properties.participants,data:data12};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.atomic_service_run_id !== undefined){
let data14 = data.atomic_service_run_id;
if((typeof data14 !== "string") && (data14 !== null)){
const err24 = {instancePath:instancePath+"/atomic_service_run_id",schemaPath:"common.schema.json#/$defs/optionalId/type",keyword:"type",params:{type: schema36.type},message:"must be string,null",schema:schema36.type,parentSchema:schema36,data:data14};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.atomic_service_runner_id !== undefined){
let data15 = data.atomic_service_runner_id;
if((typeof data15 !== "string") && (data15 !== null)){
const err25 = {instancePath:instancePath+"/atomic_service_runner_id",schemaPath:"common.schema.json#/$defs/optionalId/type",keyword:"type",params:{type: schema36.type},message:"must be string,null",schema:schema36.type,parentSchema:schema36,data:data15};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema54.type,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
validate33.errors = vErrors;
return errors === 0;
}
validate33.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

return module.exports;
})();
