// GENERATED FILE — DO NOT EDIT.
// Made by `npm run generate` (scripts/index.ts) from contract/common.schema.json, contract/event-marker.schema.json, contract/event-marker-page.schema.json, contract/event-record.schema.json, contract/trigger-run-participant.schema.json, contract/trigger-run-record.schema.json.
// Edit the schemas in contract/ and regenerate; CI fails when this file drifts.
/* eslint-disable */
// @ts-nocheck — Ajv standalone output
import type { ValidateFunction } from 'ajv';

export type DtoValidators = Readonly<Record<'EventMarker' | 'EventMarkerPage' | 'EventRecord' | 'TriggerRunParticipant' | 'TriggerRunRecord', ValidateFunction>>;

/** First-error verdicts, one per DTO. */
export const checkers: DtoValidators = (function () {
const module = { exports: {} as Record<string, unknown> };
const exports = module.exports;
exports.EventMarker = validate21;
const schema32 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://schemas.pynenc.org/monitoring/v1/event-marker.schema.json","type":"object","additionalProperties":false,"required":["event_id","event_code","timestamp","matched","triggered","emitted_by_invocation_id","emitted_by_runner_context_id"],"properties":{"event_id":{"type":"string"},"event_code":{"type":"string"},"timestamp":{"type":"string","pattern":"^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])"},"matched":{"type":"boolean"},"triggered":{"type":"boolean"},"emitted_by_invocation_id":{"type":["string","null"]},"emitted_by_runner_context_id":{"type":["string","null"]}}};
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
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((data.event_id === undefined) && (missing0 = "event_id")) || ((data.event_code === undefined) && (missing0 = "event_code"))) || ((data.timestamp === undefined) && (missing0 = "timestamp"))) || ((data.matched === undefined) && (missing0 = "matched"))) || ((data.triggered === undefined) && (missing0 = "triggered"))) || ((data.emitted_by_invocation_id === undefined) && (missing0 = "emitted_by_invocation_id"))) || ((data.emitted_by_runner_context_id === undefined) && (missing0 = "emitted_by_runner_context_id"))){
validate21.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0}}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((((key0 === "event_id") || (key0 === "event_code")) || (key0 === "timestamp")) || (key0 === "matched")) || (key0 === "triggered")) || (key0 === "emitted_by_invocation_id")) || (key0 === "emitted_by_runner_context_id"))){
validate21.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0}}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.event_id !== undefined){
const _errs2 = errors;
if(typeof data.event_id !== "string"){
validate21.errors = [{instancePath:instancePath+"/event_id",schemaPath:"#/properties/event_id/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.event_code !== undefined){
const _errs4 = errors;
if(typeof data.event_code !== "string"){
validate21.errors = [{instancePath:instancePath+"/event_code",schemaPath:"#/properties/event_code/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.timestamp !== undefined){
let data2 = data.timestamp;
const _errs6 = errors;
if(errors === _errs6){
if(typeof data2 === "string"){
if(!pattern4.test(data2)){
validate21.errors = [{instancePath:instancePath+"/timestamp",schemaPath:"#/properties/timestamp/pattern",keyword:"pattern",params:{pattern: "^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])"}}];
return false;
}
}
else {
validate21.errors = [{instancePath:instancePath+"/timestamp",schemaPath:"#/properties/timestamp/type",keyword:"type",params:{type: "string"}}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.matched !== undefined){
const _errs8 = errors;
if(typeof data.matched !== "boolean"){
validate21.errors = [{instancePath:instancePath+"/matched",schemaPath:"#/properties/matched/type",keyword:"type",params:{type: "boolean"}}];
return false;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.triggered !== undefined){
const _errs10 = errors;
if(typeof data.triggered !== "boolean"){
validate21.errors = [{instancePath:instancePath+"/triggered",schemaPath:"#/properties/triggered/type",keyword:"type",params:{type: "boolean"}}];
return false;
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.emitted_by_invocation_id !== undefined){
let data5 = data.emitted_by_invocation_id;
const _errs12 = errors;
if((typeof data5 !== "string") && (data5 !== null)){
validate21.errors = [{instancePath:instancePath+"/emitted_by_invocation_id",schemaPath:"#/properties/emitted_by_invocation_id/type",keyword:"type",params:{type: schema32.properties.emitted_by_invocation_id.type}}];
return false;
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.emitted_by_runner_context_id !== undefined){
let data6 = data.emitted_by_runner_context_id;
const _errs14 = errors;
if((typeof data6 !== "string") && (data6 !== null)){
validate21.errors = [{instancePath:instancePath+"/emitted_by_runner_context_id",schemaPath:"#/properties/emitted_by_runner_context_id/type",keyword:"type",params:{type: schema32.properties.emitted_by_runner_context_id.type}}];
return false;
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
else {
validate21.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
validate21.errors = vErrors;
return errors === 0;
}
validate21.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

exports.EventMarkerPage = validate22;
const schema33 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://schemas.pynenc.org/monitoring/v1/event-marker-page.schema.json","type":"object","additionalProperties":false,"required":["markers","total","truncated"],"properties":{"markers":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["event_id","event_code","timestamp","matched","triggered","emitted_by_invocation_id","emitted_by_runner_context_id"],"properties":{"event_id":{"type":"string"},"event_code":{"type":"string"},"timestamp":{"type":"string","pattern":"^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])"},"matched":{"type":"boolean"},"triggered":{"type":"boolean"},"emitted_by_invocation_id":{"type":["string","null"]},"emitted_by_runner_context_id":{"type":["string","null"]}}}},"total":{"type":"integer","minimum":0},"truncated":{"type":"boolean"}}};

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://schemas.pynenc.org/monitoring/v1/event-marker-page.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate22.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.markers === undefined) && (missing0 = "markers")) || ((data.total === undefined) && (missing0 = "total"))) || ((data.truncated === undefined) && (missing0 = "truncated"))){
validate22.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0}}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "markers") || (key0 === "total")) || (key0 === "truncated"))){
validate22.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0}}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.markers !== undefined){
let data0 = data.markers;
const _errs2 = errors;
if(errors === _errs2){
if(Array.isArray(data0)){
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
const _errs4 = errors;
if(errors === _errs4){
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
let missing1;
if((((((((data1.event_id === undefined) && (missing1 = "event_id")) || ((data1.event_code === undefined) && (missing1 = "event_code"))) || ((data1.timestamp === undefined) && (missing1 = "timestamp"))) || ((data1.matched === undefined) && (missing1 = "matched"))) || ((data1.triggered === undefined) && (missing1 = "triggered"))) || ((data1.emitted_by_invocation_id === undefined) && (missing1 = "emitted_by_invocation_id"))) || ((data1.emitted_by_runner_context_id === undefined) && (missing1 = "emitted_by_runner_context_id"))){
validate22.errors = [{instancePath:instancePath+"/markers/" + i0,schemaPath:"#/properties/markers/items/required",keyword:"required",params:{missingProperty: missing1}}];
return false;
}
else {
const _errs6 = errors;
for(const key1 in data1){
if(!(((((((key1 === "event_id") || (key1 === "event_code")) || (key1 === "timestamp")) || (key1 === "matched")) || (key1 === "triggered")) || (key1 === "emitted_by_invocation_id")) || (key1 === "emitted_by_runner_context_id"))){
validate22.errors = [{instancePath:instancePath+"/markers/" + i0,schemaPath:"#/properties/markers/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1}}];
return false;
break;
}
}
if(_errs6 === errors){
if(data1.event_id !== undefined){
const _errs7 = errors;
if(typeof data1.event_id !== "string"){
validate22.errors = [{instancePath:instancePath+"/markers/" + i0+"/event_id",schemaPath:"#/properties/markers/items/properties/event_id/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid2 = _errs7 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data1.event_code !== undefined){
const _errs9 = errors;
if(typeof data1.event_code !== "string"){
validate22.errors = [{instancePath:instancePath+"/markers/" + i0+"/event_code",schemaPath:"#/properties/markers/items/properties/event_code/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid2 = _errs9 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data1.timestamp !== undefined){
let data4 = data1.timestamp;
const _errs11 = errors;
if(errors === _errs11){
if(typeof data4 === "string"){
if(!pattern4.test(data4)){
validate22.errors = [{instancePath:instancePath+"/markers/" + i0+"/timestamp",schemaPath:"#/properties/markers/items/properties/timestamp/pattern",keyword:"pattern",params:{pattern: "^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])"}}];
return false;
}
}
else {
validate22.errors = [{instancePath:instancePath+"/markers/" + i0+"/timestamp",schemaPath:"#/properties/markers/items/properties/timestamp/type",keyword:"type",params:{type: "string"}}];
return false;
}
}
var valid2 = _errs11 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data1.matched !== undefined){
const _errs13 = errors;
if(typeof data1.matched !== "boolean"){
validate22.errors = [{instancePath:instancePath+"/markers/" + i0+"/matched",schemaPath:"#/properties/markers/items/properties/matched/type",keyword:"type",params:{type: "boolean"}}];
return false;
}
var valid2 = _errs13 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data1.triggered !== undefined){
const _errs15 = errors;
if(typeof data1.triggered !== "boolean"){
validate22.errors = [{instancePath:instancePath+"/markers/" + i0+"/triggered",schemaPath:"#/properties/markers/items/properties/triggered/type",keyword:"type",params:{type: "boolean"}}];
return false;
}
var valid2 = _errs15 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data1.emitted_by_invocation_id !== undefined){
let data7 = data1.emitted_by_invocation_id;
const _errs17 = errors;
if((typeof data7 !== "string") && (data7 !== null)){
validate22.errors = [{instancePath:instancePath+"/markers/" + i0+"/emitted_by_invocation_id",schemaPath:"#/properties/markers/items/properties/emitted_by_invocation_id/type",keyword:"type",params:{type: schema33.properties.markers.items.properties.emitted_by_invocation_id.type}}];
return false;
}
var valid2 = _errs17 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data1.emitted_by_runner_context_id !== undefined){
let data8 = data1.emitted_by_runner_context_id;
const _errs19 = errors;
if((typeof data8 !== "string") && (data8 !== null)){
validate22.errors = [{instancePath:instancePath+"/markers/" + i0+"/emitted_by_runner_context_id",schemaPath:"#/properties/markers/items/properties/emitted_by_runner_context_id/type",keyword:"type",params:{type: schema33.properties.markers.items.properties.emitted_by_runner_context_id.type}}];
return false;
}
var valid2 = _errs19 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
}
}
}
}
}
else {
validate22.errors = [{instancePath:instancePath+"/markers/" + i0,schemaPath:"#/properties/markers/items/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
var valid1 = _errs4 === errors;
if(!valid1){
break;
}
}
}
else {
validate22.errors = [{instancePath:instancePath+"/markers",schemaPath:"#/properties/markers/type",keyword:"type",params:{type: "array"}}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.total !== undefined){
let data9 = data.total;
const _errs21 = errors;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
validate22.errors = [{instancePath:instancePath+"/total",schemaPath:"#/properties/total/type",keyword:"type",params:{type: "integer"}}];
return false;
}
if(errors === _errs21){
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 < 0 || isNaN(data9)){
validate22.errors = [{instancePath:instancePath+"/total",schemaPath:"#/properties/total/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0}}];
return false;
}
}
}
var valid0 = _errs21 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.truncated !== undefined){
const _errs23 = errors;
if(typeof data.truncated !== "boolean"){
validate22.errors = [{instancePath:instancePath+"/truncated",schemaPath:"#/properties/truncated/type",keyword:"type",params:{type: "boolean"}}];
return false;
}
var valid0 = _errs23 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate22.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
validate22.errors = vErrors;
return errors === 0;
}
validate22.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

exports.EventRecord = validate23;
const schema34 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://schemas.pynenc.org/monitoring/v1/event-record.schema.json","type":"object","additionalProperties":false,"required":["event_id","event_code","timestamp","payload","matched_condition_ids","valid_condition_ids","triggered_invocation_ids","emitted_by_invocation_id","emitted_by_task_id","emitted_by_runner_context_id"],"properties":{"event_id":{"type":"string"},"event_code":{"type":"string"},"timestamp":{"type":"string","pattern":"^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])"},"payload":{"type":"object","additionalProperties":{"type":"string"}},"matched_condition_ids":{"type":"array","items":{"type":"string"}},"valid_condition_ids":{"type":"array","items":{"type":"string"}},"triggered_invocation_ids":{"type":"array","items":{"type":"string"}},"emitted_by_invocation_id":{"type":["string","null"]},"emitted_by_task_id":{"type":["string","null"]},"emitted_by_runner_context_id":{"type":["string","null"]}}};
const func1 = Object.prototype.hasOwnProperty;

function validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://schemas.pynenc.org/monitoring/v1/event-record.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate23.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((((((((data.event_id === undefined) && (missing0 = "event_id")) || ((data.event_code === undefined) && (missing0 = "event_code"))) || ((data.timestamp === undefined) && (missing0 = "timestamp"))) || ((data.payload === undefined) && (missing0 = "payload"))) || ((data.matched_condition_ids === undefined) && (missing0 = "matched_condition_ids"))) || ((data.valid_condition_ids === undefined) && (missing0 = "valid_condition_ids"))) || ((data.triggered_invocation_ids === undefined) && (missing0 = "triggered_invocation_ids"))) || ((data.emitted_by_invocation_id === undefined) && (missing0 = "emitted_by_invocation_id"))) || ((data.emitted_by_task_id === undefined) && (missing0 = "emitted_by_task_id"))) || ((data.emitted_by_runner_context_id === undefined) && (missing0 = "emitted_by_runner_context_id"))){
validate23.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0}}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func1.call(schema34.properties, key0))){
validate23.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0}}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.event_id !== undefined){
const _errs2 = errors;
if(typeof data.event_id !== "string"){
validate23.errors = [{instancePath:instancePath+"/event_id",schemaPath:"#/properties/event_id/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.event_code !== undefined){
const _errs4 = errors;
if(typeof data.event_code !== "string"){
validate23.errors = [{instancePath:instancePath+"/event_code",schemaPath:"#/properties/event_code/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.timestamp !== undefined){
let data2 = data.timestamp;
const _errs6 = errors;
if(errors === _errs6){
if(typeof data2 === "string"){
if(!pattern4.test(data2)){
validate23.errors = [{instancePath:instancePath+"/timestamp",schemaPath:"#/properties/timestamp/pattern",keyword:"pattern",params:{pattern: "^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])"}}];
return false;
}
}
else {
validate23.errors = [{instancePath:instancePath+"/timestamp",schemaPath:"#/properties/timestamp/type",keyword:"type",params:{type: "string"}}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.payload !== undefined){
let data3 = data.payload;
const _errs8 = errors;
if(errors === _errs8){
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
for(const key1 in data3){
const _errs11 = errors;
if(typeof data3[key1] !== "string"){
validate23.errors = [{instancePath:instancePath+"/payload/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/payload/additionalProperties/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid1 = _errs11 === errors;
if(!valid1){
break;
}
}
}
else {
validate23.errors = [{instancePath:instancePath+"/payload",schemaPath:"#/properties/payload/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.matched_condition_ids !== undefined){
let data5 = data.matched_condition_ids;
const _errs13 = errors;
if(errors === _errs13){
if(Array.isArray(data5)){
var valid2 = true;
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
const _errs15 = errors;
if(typeof data5[i0] !== "string"){
validate23.errors = [{instancePath:instancePath+"/matched_condition_ids/" + i0,schemaPath:"#/properties/matched_condition_ids/items/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid2 = _errs15 === errors;
if(!valid2){
break;
}
}
}
else {
validate23.errors = [{instancePath:instancePath+"/matched_condition_ids",schemaPath:"#/properties/matched_condition_ids/type",keyword:"type",params:{type: "array"}}];
return false;
}
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.valid_condition_ids !== undefined){
let data7 = data.valid_condition_ids;
const _errs17 = errors;
if(errors === _errs17){
if(Array.isArray(data7)){
var valid3 = true;
const len1 = data7.length;
for(let i1=0; i1<len1; i1++){
const _errs19 = errors;
if(typeof data7[i1] !== "string"){
validate23.errors = [{instancePath:instancePath+"/valid_condition_ids/" + i1,schemaPath:"#/properties/valid_condition_ids/items/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid3 = _errs19 === errors;
if(!valid3){
break;
}
}
}
else {
validate23.errors = [{instancePath:instancePath+"/valid_condition_ids",schemaPath:"#/properties/valid_condition_ids/type",keyword:"type",params:{type: "array"}}];
return false;
}
}
var valid0 = _errs17 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.triggered_invocation_ids !== undefined){
let data9 = data.triggered_invocation_ids;
const _errs21 = errors;
if(errors === _errs21){
if(Array.isArray(data9)){
var valid4 = true;
const len2 = data9.length;
for(let i2=0; i2<len2; i2++){
const _errs23 = errors;
if(typeof data9[i2] !== "string"){
validate23.errors = [{instancePath:instancePath+"/triggered_invocation_ids/" + i2,schemaPath:"#/properties/triggered_invocation_ids/items/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid4 = _errs23 === errors;
if(!valid4){
break;
}
}
}
else {
validate23.errors = [{instancePath:instancePath+"/triggered_invocation_ids",schemaPath:"#/properties/triggered_invocation_ids/type",keyword:"type",params:{type: "array"}}];
return false;
}
}
var valid0 = _errs21 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.emitted_by_invocation_id !== undefined){
let data11 = data.emitted_by_invocation_id;
const _errs25 = errors;
if((typeof data11 !== "string") && (data11 !== null)){
validate23.errors = [{instancePath:instancePath+"/emitted_by_invocation_id",schemaPath:"#/properties/emitted_by_invocation_id/type",keyword:"type",params:{type: schema34.properties.emitted_by_invocation_id.type}}];
return false;
}
var valid0 = _errs25 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.emitted_by_task_id !== undefined){
let data12 = data.emitted_by_task_id;
const _errs27 = errors;
if((typeof data12 !== "string") && (data12 !== null)){
validate23.errors = [{instancePath:instancePath+"/emitted_by_task_id",schemaPath:"#/properties/emitted_by_task_id/type",keyword:"type",params:{type: schema34.properties.emitted_by_task_id.type}}];
return false;
}
var valid0 = _errs27 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.emitted_by_runner_context_id !== undefined){
let data13 = data.emitted_by_runner_context_id;
const _errs29 = errors;
if((typeof data13 !== "string") && (data13 !== null)){
validate23.errors = [{instancePath:instancePath+"/emitted_by_runner_context_id",schemaPath:"#/properties/emitted_by_runner_context_id/type",keyword:"type",params:{type: schema34.properties.emitted_by_runner_context_id.type}}];
return false;
}
var valid0 = _errs29 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate23.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
validate23.errors = vErrors;
return errors === 0;
}
validate23.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

exports.TriggerRunParticipant = validate24;
const schema35 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://schemas.pynenc.org/monitoring/v1/trigger-run-participant.schema.json","type":"object","additionalProperties":false,"required":["context_type","condition_id","valid_condition_id","event_id","source_invocation_id","context_timestamp","context_summary"],"properties":{"context_type":{"type":"string"},"condition_id":{"type":["string","null"]},"valid_condition_id":{"type":["string","null"]},"event_id":{"type":["string","null"]},"source_invocation_id":{"type":["string","null"]},"context_timestamp":{"anyOf":[{"type":"string","pattern":"^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])"},{"type":"null"}]},"context_summary":{"type":"string"}},"allOf":[{"if":{"required":["context_type"],"properties":{"context_type":{"const":"event"}}},"then":{"properties":{"event_id":{"type":"string"},"source_invocation_id":{"type":"null"}}}},{"if":{"required":["context_type"],"properties":{"context_type":{"enum":["status","result","exception"]}}},"then":{"properties":{"event_id":{"type":"null"},"source_invocation_id":{"type":"string"}}}},{"if":{"required":["context_type"],"properties":{"context_type":{"const":"cron"}}},"then":{"properties":{"event_id":{"type":"null"},"source_invocation_id":{"type":"null"}}}}]};

function validate24(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://schemas.pynenc.org/monitoring/v1/trigger-run-participant.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate24.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs1 = errors;
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
if("event" !== data.context_type){
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
const _errs6 = errors;
if(typeof data.event_id !== "string"){
validate24.errors = [{instancePath:instancePath+"/event_id",schemaPath:"#/allOf/0/then/properties/event_id/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid3 = _errs6 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data.source_invocation_id !== undefined){
const _errs8 = errors;
if(data.source_invocation_id !== null){
validate24.errors = [{instancePath:instancePath+"/source_invocation_id",schemaPath:"#/allOf/0/then/properties/source_invocation_id/type",keyword:"type",params:{type: "null"}}];
return false;
}
var valid3 = _errs8 === errors;
}
else {
var valid3 = true;
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
const err2 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: "then"}};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
validate24.errors = vErrors;
return false;
}
var valid0 = _errs1 === errors;
if(valid0){
const _errs10 = errors;
const _errs11 = errors;
let valid4 = true;
const _errs12 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if((data.context_type === undefined) && (missing1 = "context_type")){
const err3 = {};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
else {
if(data.context_type !== undefined){
let data3 = data.context_type;
if(!(((data3 === "status") || (data3 === "result")) || (data3 === "exception"))){
const err4 = {};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
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
const _errs15 = errors;
if(data.event_id !== null){
validate24.errors = [{instancePath:instancePath+"/event_id",schemaPath:"#/allOf/1/then/properties/event_id/type",keyword:"type",params:{type: "null"}}];
return false;
}
var valid6 = _errs15 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data.source_invocation_id !== undefined){
const _errs17 = errors;
if(typeof data.source_invocation_id !== "string"){
validate24.errors = [{instancePath:instancePath+"/source_invocation_id",schemaPath:"#/allOf/1/then/properties/source_invocation_id/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid6 = _errs17 === errors;
}
else {
var valid6 = true;
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
const err5 = {instancePath,schemaPath:"#/allOf/1/if",keyword:"if",params:{failingKeyword: "then"}};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
validate24.errors = vErrors;
return false;
}
var valid0 = _errs10 === errors;
if(valid0){
if(props0 !== true && props1 !== undefined){
if(props1 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props1);
}
}
const _errs19 = errors;
const _errs20 = errors;
let valid7 = true;
const _errs21 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing2;
if((data.context_type === undefined) && (missing2 = "context_type")){
const err6 = {};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
else {
if(data.context_type !== undefined){
if("cron" !== data.context_type){
const err7 = {};
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
const _errs24 = errors;
if(data.event_id !== null){
validate24.errors = [{instancePath:instancePath+"/event_id",schemaPath:"#/allOf/2/then/properties/event_id/type",keyword:"type",params:{type: "null"}}];
return false;
}
var valid9 = _errs24 === errors;
}
else {
var valid9 = true;
}
if(valid9){
if(data.source_invocation_id !== undefined){
const _errs26 = errors;
if(data.source_invocation_id !== null){
validate24.errors = [{instancePath:instancePath+"/source_invocation_id",schemaPath:"#/allOf/2/then/properties/source_invocation_id/type",keyword:"type",params:{type: "null"}}];
return false;
}
var valid9 = _errs26 === errors;
}
else {
var valid9 = true;
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
const err8 = {instancePath,schemaPath:"#/allOf/2/if",keyword:"if",params:{failingKeyword: "then"}};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
validate24.errors = vErrors;
return false;
}
var valid0 = _errs19 === errors;
if(valid0){
if(props0 !== true && props2 !== undefined){
if(props2 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props2);
}
}
}
}
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing3;
if((((((((data.context_type === undefined) && (missing3 = "context_type")) || ((data.condition_id === undefined) && (missing3 = "condition_id"))) || ((data.valid_condition_id === undefined) && (missing3 = "valid_condition_id"))) || ((data.event_id === undefined) && (missing3 = "event_id"))) || ((data.source_invocation_id === undefined) && (missing3 = "source_invocation_id"))) || ((data.context_timestamp === undefined) && (missing3 = "context_timestamp"))) || ((data.context_summary === undefined) && (missing3 = "context_summary"))){
validate24.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing3}}];
return false;
}
else {
const _errs28 = errors;
for(const key0 in data){
if(!(((((((key0 === "context_type") || (key0 === "condition_id")) || (key0 === "valid_condition_id")) || (key0 === "event_id")) || (key0 === "source_invocation_id")) || (key0 === "context_timestamp")) || (key0 === "context_summary"))){
validate24.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0}}];
return false;
break;
}
}
if(_errs28 === errors){
if(data.context_type !== undefined){
const _errs29 = errors;
if(typeof data.context_type !== "string"){
validate24.errors = [{instancePath:instancePath+"/context_type",schemaPath:"#/properties/context_type/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid10 = _errs29 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data.condition_id !== undefined){
let data10 = data.condition_id;
const _errs31 = errors;
if((typeof data10 !== "string") && (data10 !== null)){
validate24.errors = [{instancePath:instancePath+"/condition_id",schemaPath:"#/properties/condition_id/type",keyword:"type",params:{type: schema35.properties.condition_id.type}}];
return false;
}
var valid10 = _errs31 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data.valid_condition_id !== undefined){
let data11 = data.valid_condition_id;
const _errs33 = errors;
if((typeof data11 !== "string") && (data11 !== null)){
validate24.errors = [{instancePath:instancePath+"/valid_condition_id",schemaPath:"#/properties/valid_condition_id/type",keyword:"type",params:{type: schema35.properties.valid_condition_id.type}}];
return false;
}
var valid10 = _errs33 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data.event_id !== undefined){
let data12 = data.event_id;
const _errs35 = errors;
if((typeof data12 !== "string") && (data12 !== null)){
validate24.errors = [{instancePath:instancePath+"/event_id",schemaPath:"#/properties/event_id/type",keyword:"type",params:{type: schema35.properties.event_id.type}}];
return false;
}
var valid10 = _errs35 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data.source_invocation_id !== undefined){
let data13 = data.source_invocation_id;
const _errs37 = errors;
if((typeof data13 !== "string") && (data13 !== null)){
validate24.errors = [{instancePath:instancePath+"/source_invocation_id",schemaPath:"#/properties/source_invocation_id/type",keyword:"type",params:{type: schema35.properties.source_invocation_id.type}}];
return false;
}
var valid10 = _errs37 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data.context_timestamp !== undefined){
let data14 = data.context_timestamp;
const _errs39 = errors;
const _errs40 = errors;
let valid11 = false;
const _errs41 = errors;
if(errors === _errs41){
if(typeof data14 === "string"){
if(!pattern4.test(data14)){
const err9 = {instancePath:instancePath+"/context_timestamp",schemaPath:"#/properties/context_timestamp/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])"}};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/context_timestamp",schemaPath:"#/properties/context_timestamp/anyOf/0/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
var _valid3 = _errs41 === errors;
valid11 = valid11 || _valid3;
const _errs43 = errors;
if(data14 !== null){
const err11 = {instancePath:instancePath+"/context_timestamp",schemaPath:"#/properties/context_timestamp/anyOf/1/type",keyword:"type",params:{type: "null"}};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
var _valid3 = _errs43 === errors;
valid11 = valid11 || _valid3;
if(!valid11){
const err12 = {instancePath:instancePath+"/context_timestamp",schemaPath:"#/properties/context_timestamp/anyOf",keyword:"anyOf",params:{}};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
validate24.errors = vErrors;
return false;
}
else {
errors = _errs40;
if(vErrors !== null){
if(_errs40){
vErrors.length = _errs40;
}
else {
vErrors = null;
}
}
}
var valid10 = _errs39 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data.context_summary !== undefined){
const _errs45 = errors;
if(typeof data.context_summary !== "string"){
validate24.errors = [{instancePath:instancePath+"/context_summary",schemaPath:"#/properties/context_summary/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid10 = _errs45 === errors;
}
else {
var valid10 = true;
}
}
}
}
}
}
}
}
}
}
else {
validate24.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
validate24.errors = vErrors;
return errors === 0;
}
validate24.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

exports.TriggerRunRecord = validate25;
const schema36 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://schemas.pynenc.org/monitoring/v1/trigger-run-record.schema.json","type":"object","additionalProperties":false,"required":["trigger_run_id","trigger_id","task_id_key","logic_value","valid_condition_ids","condition_ids","event_ids","source_invocation_ids","triggered_invocation_id","arguments_preview","claimed_at","executed_at","participants","atomic_service_run_id","atomic_service_runner_id"],"properties":{"trigger_run_id":{"type":"string"},"trigger_id":{"type":"string"},"task_id_key":{"type":"string"},"logic_value":{"type":"string","enum":["and","or"]},"valid_condition_ids":{"type":"array","items":{"type":"string"}},"condition_ids":{"type":"array","items":{"type":"string"}},"event_ids":{"type":"array","items":{"type":"string"}},"source_invocation_ids":{"type":"array","items":{"type":"string"}},"triggered_invocation_id":{"type":["string","null"]},"arguments_preview":{"type":"object","additionalProperties":true},"claimed_at":{"anyOf":[{"type":"string","pattern":"^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])"},{"type":"null"}]},"executed_at":{"anyOf":[{"type":"string","pattern":"^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])"},{"type":"null"}]},"participants":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["context_type","condition_id","valid_condition_id","event_id","source_invocation_id","context_timestamp","context_summary"],"properties":{"context_type":{"type":"string"},"condition_id":{"type":["string","null"]},"valid_condition_id":{"type":["string","null"]},"event_id":{"type":["string","null"]},"source_invocation_id":{"type":["string","null"]},"context_timestamp":{"anyOf":[{"type":"string","pattern":"^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])"},{"type":"null"}]},"context_summary":{"type":"string"}},"allOf":[{"if":{"required":["context_type"],"properties":{"context_type":{"const":"event"}}},"then":{"properties":{"event_id":{"type":"string"},"source_invocation_id":{"type":"null"}}}},{"if":{"required":["context_type"],"properties":{"context_type":{"enum":["status","result","exception"]}}},"then":{"properties":{"event_id":{"type":"null"},"source_invocation_id":{"type":"string"}}}},{"if":{"required":["context_type"],"properties":{"context_type":{"const":"cron"}}},"then":{"properties":{"event_id":{"type":"null"},"source_invocation_id":{"type":"null"}}}}]}},"atomic_service_run_id":{"type":["string","null"]},"atomic_service_runner_id":{"type":["string","null"]}}};

function validate25(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://schemas.pynenc.org/monitoring/v1/trigger-run-record.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate25.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((((((((((data.trigger_run_id === undefined) && (missing0 = "trigger_run_id")) || ((data.trigger_id === undefined) && (missing0 = "trigger_id"))) || ((data.task_id_key === undefined) && (missing0 = "task_id_key"))) || ((data.logic_value === undefined) && (missing0 = "logic_value"))) || ((data.valid_condition_ids === undefined) && (missing0 = "valid_condition_ids"))) || ((data.condition_ids === undefined) && (missing0 = "condition_ids"))) || ((data.event_ids === undefined) && (missing0 = "event_ids"))) || ((data.source_invocation_ids === undefined) && (missing0 = "source_invocation_ids"))) || ((data.triggered_invocation_id === undefined) && (missing0 = "triggered_invocation_id"))) || ((data.arguments_preview === undefined) && (missing0 = "arguments_preview"))) || ((data.claimed_at === undefined) && (missing0 = "claimed_at"))) || ((data.executed_at === undefined) && (missing0 = "executed_at"))) || ((data.participants === undefined) && (missing0 = "participants"))) || ((data.atomic_service_run_id === undefined) && (missing0 = "atomic_service_run_id"))) || ((data.atomic_service_runner_id === undefined) && (missing0 = "atomic_service_runner_id"))){
validate25.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0}}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func1.call(schema36.properties, key0))){
validate25.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0}}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.trigger_run_id !== undefined){
const _errs2 = errors;
if(typeof data.trigger_run_id !== "string"){
validate25.errors = [{instancePath:instancePath+"/trigger_run_id",schemaPath:"#/properties/trigger_run_id/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.trigger_id !== undefined){
const _errs4 = errors;
if(typeof data.trigger_id !== "string"){
validate25.errors = [{instancePath:instancePath+"/trigger_id",schemaPath:"#/properties/trigger_id/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.task_id_key !== undefined){
const _errs6 = errors;
if(typeof data.task_id_key !== "string"){
validate25.errors = [{instancePath:instancePath+"/task_id_key",schemaPath:"#/properties/task_id_key/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.logic_value !== undefined){
let data3 = data.logic_value;
const _errs8 = errors;
if(typeof data3 !== "string"){
validate25.errors = [{instancePath:instancePath+"/logic_value",schemaPath:"#/properties/logic_value/type",keyword:"type",params:{type: "string"}}];
return false;
}
if(!((data3 === "and") || (data3 === "or"))){
validate25.errors = [{instancePath:instancePath+"/logic_value",schemaPath:"#/properties/logic_value/enum",keyword:"enum",params:{allowedValues: schema36.properties.logic_value.enum}}];
return false;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.valid_condition_ids !== undefined){
let data4 = data.valid_condition_ids;
const _errs10 = errors;
if(errors === _errs10){
if(Array.isArray(data4)){
var valid1 = true;
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
const _errs12 = errors;
if(typeof data4[i0] !== "string"){
validate25.errors = [{instancePath:instancePath+"/valid_condition_ids/" + i0,schemaPath:"#/properties/valid_condition_ids/items/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid1 = _errs12 === errors;
if(!valid1){
break;
}
}
}
else {
validate25.errors = [{instancePath:instancePath+"/valid_condition_ids",schemaPath:"#/properties/valid_condition_ids/type",keyword:"type",params:{type: "array"}}];
return false;
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.condition_ids !== undefined){
let data6 = data.condition_ids;
const _errs14 = errors;
if(errors === _errs14){
if(Array.isArray(data6)){
var valid2 = true;
const len1 = data6.length;
for(let i1=0; i1<len1; i1++){
const _errs16 = errors;
if(typeof data6[i1] !== "string"){
validate25.errors = [{instancePath:instancePath+"/condition_ids/" + i1,schemaPath:"#/properties/condition_ids/items/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid2 = _errs16 === errors;
if(!valid2){
break;
}
}
}
else {
validate25.errors = [{instancePath:instancePath+"/condition_ids",schemaPath:"#/properties/condition_ids/type",keyword:"type",params:{type: "array"}}];
return false;
}
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.event_ids !== undefined){
let data8 = data.event_ids;
const _errs18 = errors;
if(errors === _errs18){
if(Array.isArray(data8)){
var valid3 = true;
const len2 = data8.length;
for(let i2=0; i2<len2; i2++){
const _errs20 = errors;
if(typeof data8[i2] !== "string"){
validate25.errors = [{instancePath:instancePath+"/event_ids/" + i2,schemaPath:"#/properties/event_ids/items/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid3 = _errs20 === errors;
if(!valid3){
break;
}
}
}
else {
validate25.errors = [{instancePath:instancePath+"/event_ids",schemaPath:"#/properties/event_ids/type",keyword:"type",params:{type: "array"}}];
return false;
}
}
var valid0 = _errs18 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.source_invocation_ids !== undefined){
let data10 = data.source_invocation_ids;
const _errs22 = errors;
if(errors === _errs22){
if(Array.isArray(data10)){
var valid4 = true;
const len3 = data10.length;
for(let i3=0; i3<len3; i3++){
const _errs24 = errors;
if(typeof data10[i3] !== "string"){
validate25.errors = [{instancePath:instancePath+"/source_invocation_ids/" + i3,schemaPath:"#/properties/source_invocation_ids/items/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid4 = _errs24 === errors;
if(!valid4){
break;
}
}
}
else {
validate25.errors = [{instancePath:instancePath+"/source_invocation_ids",schemaPath:"#/properties/source_invocation_ids/type",keyword:"type",params:{type: "array"}}];
return false;
}
}
var valid0 = _errs22 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.triggered_invocation_id !== undefined){
let data12 = data.triggered_invocation_id;
const _errs26 = errors;
if((typeof data12 !== "string") && (data12 !== null)){
validate25.errors = [{instancePath:instancePath+"/triggered_invocation_id",schemaPath:"#/properties/triggered_invocation_id/type",keyword:"type",params:{type: schema36.properties.triggered_invocation_id.type}}];
return false;
}
var valid0 = _errs26 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.arguments_preview !== undefined){
let data13 = data.arguments_preview;
const _errs28 = errors;
if(errors === _errs28){
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
}
else {
validate25.errors = [{instancePath:instancePath+"/arguments_preview",schemaPath:"#/properties/arguments_preview/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
var valid0 = _errs28 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.claimed_at !== undefined){
let data14 = data.claimed_at;
const _errs31 = errors;
const _errs32 = errors;
let valid5 = false;
const _errs33 = errors;
if(errors === _errs33){
if(typeof data14 === "string"){
if(!pattern4.test(data14)){
const err0 = {instancePath:instancePath+"/claimed_at",schemaPath:"#/properties/claimed_at/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])"}};
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
const err1 = {instancePath:instancePath+"/claimed_at",schemaPath:"#/properties/claimed_at/anyOf/0/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs33 === errors;
valid5 = valid5 || _valid0;
const _errs35 = errors;
if(data14 !== null){
const err2 = {instancePath:instancePath+"/claimed_at",schemaPath:"#/properties/claimed_at/anyOf/1/type",keyword:"type",params:{type: "null"}};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs35 === errors;
valid5 = valid5 || _valid0;
if(!valid5){
const err3 = {instancePath:instancePath+"/claimed_at",schemaPath:"#/properties/claimed_at/anyOf",keyword:"anyOf",params:{}};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate25.errors = vErrors;
return false;
}
else {
errors = _errs32;
if(vErrors !== null){
if(_errs32){
vErrors.length = _errs32;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs31 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.executed_at !== undefined){
let data15 = data.executed_at;
const _errs37 = errors;
const _errs38 = errors;
let valid6 = false;
const _errs39 = errors;
if(errors === _errs39){
if(typeof data15 === "string"){
if(!pattern4.test(data15)){
const err4 = {instancePath:instancePath+"/executed_at",schemaPath:"#/properties/executed_at/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])"}};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/executed_at",schemaPath:"#/properties/executed_at/anyOf/0/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
var _valid1 = _errs39 === errors;
valid6 = valid6 || _valid1;
const _errs41 = errors;
if(data15 !== null){
const err6 = {instancePath:instancePath+"/executed_at",schemaPath:"#/properties/executed_at/anyOf/1/type",keyword:"type",params:{type: "null"}};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
var _valid1 = _errs41 === errors;
valid6 = valid6 || _valid1;
if(!valid6){
const err7 = {instancePath:instancePath+"/executed_at",schemaPath:"#/properties/executed_at/anyOf",keyword:"anyOf",params:{}};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
validate25.errors = vErrors;
return false;
}
else {
errors = _errs38;
if(vErrors !== null){
if(_errs38){
vErrors.length = _errs38;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs37 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.participants !== undefined){
let data16 = data.participants;
const _errs43 = errors;
if(errors === _errs43){
if(Array.isArray(data16)){
var valid7 = true;
const len4 = data16.length;
for(let i4=0; i4<len4; i4++){
let data17 = data16[i4];
const _errs45 = errors;
const _errs47 = errors;
const _errs48 = errors;
let valid9 = true;
const _errs49 = errors;
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
let missing1;
if((data17.context_type === undefined) && (missing1 = "context_type")){
const err8 = {};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
else {
if(data17.context_type !== undefined){
if("event" !== data17.context_type){
const err9 = {};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
}
var _valid2 = _errs49 === errors;
errors = _errs48;
if(vErrors !== null){
if(_errs48){
vErrors.length = _errs48;
}
else {
vErrors = null;
}
}
if(_valid2){
const _errs51 = errors;
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
if(data17.event_id !== undefined){
const _errs52 = errors;
if(typeof data17.event_id !== "string"){
validate25.errors = [{instancePath:instancePath+"/participants/" + i4+"/event_id",schemaPath:"#/properties/participants/items/allOf/0/then/properties/event_id/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid11 = _errs52 === errors;
}
else {
var valid11 = true;
}
if(valid11){
if(data17.source_invocation_id !== undefined){
const _errs54 = errors;
if(data17.source_invocation_id !== null){
validate25.errors = [{instancePath:instancePath+"/participants/" + i4+"/source_invocation_id",schemaPath:"#/properties/participants/items/allOf/0/then/properties/source_invocation_id/type",keyword:"type",params:{type: "null"}}];
return false;
}
var valid11 = _errs54 === errors;
}
else {
var valid11 = true;
}
}
}
var _valid2 = _errs51 === errors;
valid9 = _valid2;
if(valid9){
var props0 = {};
props0.event_id = true;
props0.source_invocation_id = true;
props0.context_type = true;
}
}
if(!valid9){
const err10 = {instancePath:instancePath+"/participants/" + i4,schemaPath:"#/properties/participants/items/allOf/0/if",keyword:"if",params:{failingKeyword: "then"}};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
validate25.errors = vErrors;
return false;
}
var valid8 = _errs47 === errors;
if(valid8){
const _errs56 = errors;
const _errs57 = errors;
let valid12 = true;
const _errs58 = errors;
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
let missing2;
if((data17.context_type === undefined) && (missing2 = "context_type")){
const err11 = {};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
else {
if(data17.context_type !== undefined){
let data21 = data17.context_type;
if(!(((data21 === "status") || (data21 === "result")) || (data21 === "exception"))){
const err12 = {};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
}
var _valid3 = _errs58 === errors;
errors = _errs57;
if(vErrors !== null){
if(_errs57){
vErrors.length = _errs57;
}
else {
vErrors = null;
}
}
if(_valid3){
const _errs60 = errors;
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
if(data17.event_id !== undefined){
const _errs61 = errors;
if(data17.event_id !== null){
validate25.errors = [{instancePath:instancePath+"/participants/" + i4+"/event_id",schemaPath:"#/properties/participants/items/allOf/1/then/properties/event_id/type",keyword:"type",params:{type: "null"}}];
return false;
}
var valid14 = _errs61 === errors;
}
else {
var valid14 = true;
}
if(valid14){
if(data17.source_invocation_id !== undefined){
const _errs63 = errors;
if(typeof data17.source_invocation_id !== "string"){
validate25.errors = [{instancePath:instancePath+"/participants/" + i4+"/source_invocation_id",schemaPath:"#/properties/participants/items/allOf/1/then/properties/source_invocation_id/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid14 = _errs63 === errors;
}
else {
var valid14 = true;
}
}
}
var _valid3 = _errs60 === errors;
valid12 = _valid3;
if(valid12){
var props1 = {};
props1.event_id = true;
props1.source_invocation_id = true;
props1.context_type = true;
}
}
if(!valid12){
const err13 = {instancePath:instancePath+"/participants/" + i4,schemaPath:"#/properties/participants/items/allOf/1/if",keyword:"if",params:{failingKeyword: "then"}};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
validate25.errors = vErrors;
return false;
}
var valid8 = _errs56 === errors;
if(valid8){
if(props0 !== true && props1 !== undefined){
if(props1 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props1);
}
}
const _errs65 = errors;
const _errs66 = errors;
let valid15 = true;
const _errs67 = errors;
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
let missing3;
if((data17.context_type === undefined) && (missing3 = "context_type")){
const err14 = {};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
else {
if(data17.context_type !== undefined){
if("cron" !== data17.context_type){
const err15 = {};
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
}
var _valid4 = _errs67 === errors;
errors = _errs66;
if(vErrors !== null){
if(_errs66){
vErrors.length = _errs66;
}
else {
vErrors = null;
}
}
if(_valid4){
const _errs69 = errors;
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
if(data17.event_id !== undefined){
const _errs70 = errors;
if(data17.event_id !== null){
validate25.errors = [{instancePath:instancePath+"/participants/" + i4+"/event_id",schemaPath:"#/properties/participants/items/allOf/2/then/properties/event_id/type",keyword:"type",params:{type: "null"}}];
return false;
}
var valid17 = _errs70 === errors;
}
else {
var valid17 = true;
}
if(valid17){
if(data17.source_invocation_id !== undefined){
const _errs72 = errors;
if(data17.source_invocation_id !== null){
validate25.errors = [{instancePath:instancePath+"/participants/" + i4+"/source_invocation_id",schemaPath:"#/properties/participants/items/allOf/2/then/properties/source_invocation_id/type",keyword:"type",params:{type: "null"}}];
return false;
}
var valid17 = _errs72 === errors;
}
else {
var valid17 = true;
}
}
}
var _valid4 = _errs69 === errors;
valid15 = _valid4;
if(valid15){
var props2 = {};
props2.event_id = true;
props2.source_invocation_id = true;
props2.context_type = true;
}
}
if(!valid15){
const err16 = {instancePath:instancePath+"/participants/" + i4,schemaPath:"#/properties/participants/items/allOf/2/if",keyword:"if",params:{failingKeyword: "then"}};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
validate25.errors = vErrors;
return false;
}
var valid8 = _errs65 === errors;
if(valid8){
if(props0 !== true && props2 !== undefined){
if(props2 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props2);
}
}
}
}
}
if(errors === _errs45){
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
let missing4;
if((((((((data17.context_type === undefined) && (missing4 = "context_type")) || ((data17.condition_id === undefined) && (missing4 = "condition_id"))) || ((data17.valid_condition_id === undefined) && (missing4 = "valid_condition_id"))) || ((data17.event_id === undefined) && (missing4 = "event_id"))) || ((data17.source_invocation_id === undefined) && (missing4 = "source_invocation_id"))) || ((data17.context_timestamp === undefined) && (missing4 = "context_timestamp"))) || ((data17.context_summary === undefined) && (missing4 = "context_summary"))){
validate25.errors = [{instancePath:instancePath+"/participants/" + i4,schemaPath:"#/properties/participants/items/required",keyword:"required",params:{missingProperty: missing4}}];
return false;
}
else {
const _errs74 = errors;
for(const key1 in data17){
if(!(((((((key1 === "context_type") || (key1 === "condition_id")) || (key1 === "valid_condition_id")) || (key1 === "event_id")) || (key1 === "source_invocation_id")) || (key1 === "context_timestamp")) || (key1 === "context_summary"))){
validate25.errors = [{instancePath:instancePath+"/participants/" + i4,schemaPath:"#/properties/participants/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1}}];
return false;
break;
}
}
if(_errs74 === errors){
if(data17.context_type !== undefined){
const _errs75 = errors;
if(typeof data17.context_type !== "string"){
validate25.errors = [{instancePath:instancePath+"/participants/" + i4+"/context_type",schemaPath:"#/properties/participants/items/properties/context_type/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid18 = _errs75 === errors;
}
else {
var valid18 = true;
}
if(valid18){
if(data17.condition_id !== undefined){
let data28 = data17.condition_id;
const _errs77 = errors;
if((typeof data28 !== "string") && (data28 !== null)){
validate25.errors = [{instancePath:instancePath+"/participants/" + i4+"/condition_id",schemaPath:"#/properties/participants/items/properties/condition_id/type",keyword:"type",params:{type: schema36.properties.participants.items.properties.condition_id.type}}];
return false;
}
var valid18 = _errs77 === errors;
}
else {
var valid18 = true;
}
if(valid18){
if(data17.valid_condition_id !== undefined){
let data29 = data17.valid_condition_id;
const _errs79 = errors;
if((typeof data29 !== "string") && (data29 !== null)){
validate25.errors = [{instancePath:instancePath+"/participants/" + i4+"/valid_condition_id",schemaPath:"#/properties/participants/items/properties/valid_condition_id/type",keyword:"type",params:{type: schema36.properties.participants.items.properties.valid_condition_id.type}}];
return false;
}
var valid18 = _errs79 === errors;
}
else {
var valid18 = true;
}
if(valid18){
if(data17.event_id !== undefined){
let data30 = data17.event_id;
const _errs81 = errors;
if((typeof data30 !== "string") && (data30 !== null)){
validate25.errors = [{instancePath:instancePath+"/participants/" + i4+"/event_id",schemaPath:"#/properties/participants/items/properties/event_id/type",keyword:"type",params:{type: schema36.properties.participants.items.properties.event_id.type}}];
return false;
}
var valid18 = _errs81 === errors;
}
else {
var valid18 = true;
}
if(valid18){
if(data17.source_invocation_id !== undefined){
let data31 = data17.source_invocation_id;
const _errs83 = errors;
if((typeof data31 !== "string") && (data31 !== null)){
validate25.errors = [{instancePath:instancePath+"/participants/" + i4+"/source_invocation_id",schemaPath:"#/properties/participants/items/properties/source_invocation_id/type",keyword:"type",params:{type: schema36.properties.participants.items.properties.source_invocation_id.type}}];
return false;
}
var valid18 = _errs83 === errors;
}
else {
var valid18 = true;
}
if(valid18){
if(data17.context_timestamp !== undefined){
let data32 = data17.context_timestamp;
const _errs85 = errors;
const _errs86 = errors;
let valid19 = false;
const _errs87 = errors;
if(errors === _errs87){
if(typeof data32 === "string"){
if(!pattern4.test(data32)){
const err17 = {instancePath:instancePath+"/participants/" + i4+"/context_timestamp",schemaPath:"#/properties/participants/items/properties/context_timestamp/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^(?:(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.(?!000000)[0-9]{6})?(?:\\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00(?!:))(?:[01][0-9]|2[0-3]):[0-5][0-9])(?::(?:(?!00)[0-5][0-9](?:\\.(?!000000)[0-9]{6})?|00\\.(?!000000)[0-9]{6}))?(?![\\s\\S])"}};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/participants/" + i4+"/context_timestamp",schemaPath:"#/properties/participants/items/properties/context_timestamp/anyOf/0/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
var _valid5 = _errs87 === errors;
valid19 = valid19 || _valid5;
const _errs89 = errors;
if(data32 !== null){
const err19 = {instancePath:instancePath+"/participants/" + i4+"/context_timestamp",schemaPath:"#/properties/participants/items/properties/context_timestamp/anyOf/1/type",keyword:"type",params:{type: "null"}};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
var _valid5 = _errs89 === errors;
valid19 = valid19 || _valid5;
if(!valid19){
const err20 = {instancePath:instancePath+"/participants/" + i4+"/context_timestamp",schemaPath:"#/properties/participants/items/properties/context_timestamp/anyOf",keyword:"anyOf",params:{}};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
validate25.errors = vErrors;
return false;
}
else {
errors = _errs86;
if(vErrors !== null){
if(_errs86){
vErrors.length = _errs86;
}
else {
vErrors = null;
}
}
}
var valid18 = _errs85 === errors;
}
else {
var valid18 = true;
}
if(valid18){
if(data17.context_summary !== undefined){
const _errs91 = errors;
if(typeof data17.context_summary !== "string"){
validate25.errors = [{instancePath:instancePath+"/participants/" + i4+"/context_summary",schemaPath:"#/properties/participants/items/properties/context_summary/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid18 = _errs91 === errors;
}
else {
var valid18 = true;
}
}
}
}
}
}
}
}
}
}
else {
validate25.errors = [{instancePath:instancePath+"/participants/" + i4,schemaPath:"#/properties/participants/items/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
var valid7 = _errs45 === errors;
if(!valid7){
break;
}
}
}
else {
validate25.errors = [{instancePath:instancePath+"/participants",schemaPath:"#/properties/participants/type",keyword:"type",params:{type: "array"}}];
return false;
}
}
var valid0 = _errs43 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.atomic_service_run_id !== undefined){
let data34 = data.atomic_service_run_id;
const _errs93 = errors;
if((typeof data34 !== "string") && (data34 !== null)){
validate25.errors = [{instancePath:instancePath+"/atomic_service_run_id",schemaPath:"#/properties/atomic_service_run_id/type",keyword:"type",params:{type: schema36.properties.atomic_service_run_id.type}}];
return false;
}
var valid0 = _errs93 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.atomic_service_runner_id !== undefined){
let data35 = data.atomic_service_runner_id;
const _errs95 = errors;
if((typeof data35 !== "string") && (data35 !== null)){
validate25.errors = [{instancePath:instancePath+"/atomic_service_runner_id",schemaPath:"#/properties/atomic_service_runner_id/type",keyword:"type",params:{type: schema36.properties.atomic_service_runner_id.type}}];
return false;
}
var valid0 = _errs95 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate25.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
validate25.errors = vErrors;
return errors === 0;
}
validate25.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

return module.exports;
})();
