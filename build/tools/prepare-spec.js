#!/usr/bin/env node
// Turns a curated spec into the document NSwag generates from. The curated spec stays honest
// about the wire (a contract-validating proxy checks real traffic against it); this step only
// maps wire-level unions onto the C# types the client exposes:
//  - a string that is "a date-time or a date" becomes format date-time (DateTimeOffset; the
//    lenient converter reads both forms);
//  - enum spellings that differ only in case, whitespace, '-' or '_' collapse to the first
//    (documented) one, because the generated extensible enums compare values that way;
//  - enum members get PascalCase C# names (x-enumNames) unless the spec names them;
//  - a schema with x-codegen {type, format} takes that shape (see applyCodegenShape);
//  - form-encodable request bodies are generated as forms (preferForm);
//  - values the client injects (--omit) leave the generated signatures (omitInjected).
'use strict';
const fs = require('fs');
const path = require('path');
const yaml = require('js-yaml');

const [input, output, ...flags] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: prepare-spec.js <spec.yaml> <out.json> [--omit name,name]');
  process.exit(2);
}
const omitIndex = flags.indexOf('--omit');
const omitted = new Set(omitIndex >= 0 && flags[omitIndex + 1] ? flags[omitIndex + 1].split(',').map((n) => n.trim()).filter(Boolean) : []);

const normalize = (v) => String(v).toUpperCase().replace(/[\s\-_]/g, '');

// "Pax8 Partner" -> Pax8Partner, "Nothing Due" -> NothingDue, "One-Time" -> OneTime, "3-Year" -> _3Year.
function memberName(value) {
  const words = String(value).split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('') || 'Empty';
  return /^[0-9]/.test(name) ? '_' + name : name;
}

function isDateUnion(node) {
  const branches = node.anyOf || node.oneOf;
  if (!Array.isArray(branches) || branches.length === 0) return false;
  const formats = branches.map((b) => b && b.format);
  return formats.includes('date-time') && formats.every((f) => f === 'date-time' || f === 'date')
    && branches.every((b) => !b.type || b.type === 'string');
}

// x-codegen: {type, format} states the C# shape of a value whose wire form is a union or a
// non-standard string (e.g. SmartPay's 'YYYY-MM-DD HH:MM:SS' UTC timestamps, booleans sent as
// true/"true"/1, Smartex's epoch-millisecond times); the runtime's lenient converters read every
// wire form into that type.
function applyCodegenShape(node) {
  const shape = node['x-codegen'];
  if (!shape || typeof shape !== 'object') return;
  for (const key of ['anyOf', 'oneOf', 'enum', 'pattern', 'minimum', 'maximum', 'format', 'type']) delete node[key];
  if (shape.type) node.type = shape.type;
  if (shape.format) node.format = shape.format;
  delete node['x-codegen'];
}

function walk(node) {
  if (Array.isArray(node)) { node.forEach(walk); return; }
  if (!node || typeof node !== 'object') return;
  applyCodegenShape(node);
  if (isDateUnion(node)) {
    delete node.anyOf;
    delete node.oneOf;
    node.type = 'string';
    node.format = 'date-time';
  }
  if (Array.isArray(node.enum) && node.enum.every((v) => typeof v === 'string')) {
    const seen = new Set();
    const keep = [];
    const names = Array.isArray(node['x-enumNames']) ? node['x-enumNames'] : null;
    const keptNames = [];
    node.enum.forEach((v, i) => {
      const key = normalize(v);
      if (seen.has(key)) return;
      seen.add(key);
      keep.push(v);
      if (names) keptNames.push(names[i]);
    });
    node.enum = keep;
    node['x-enumNames'] = names ? keptNames : keep.map(memberName);
  }
  for (const value of Object.values(node)) walk(value);
}

// Request bodies: when a body may be form-encoded, the client sends the form (the primary
// encoding of such APIs); the JSON alternative stays in the spec for other tools.
function preferForm(doc) {
  for (const item of Object.values(doc.paths || {})) {
    for (const operation of Object.values(item || {})) {
      const content = operation && operation.requestBody && operation.requestBody.content;
      if (content && content['application/x-www-form-urlencoded'] && content['application/json']) {
        delete content['application/json'];
      }
    }
  }
}

// Values the client injects itself (a session token, a facade token) are not part of the
// generated signatures: their parameters go, and so do their properties in request-body schemas.
function omitInjected(doc) {
  if (omitted.size === 0) return;
  const schemas = (doc.components && doc.components.schemas) || {};
  const requestSchemas = new Set();
  const collect = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) { node.forEach(collect); return; }
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#/components/schemas/')) {
      const name = node.$ref.slice('#/components/schemas/'.length);
      if (!requestSchemas.has(name)) { requestSchemas.add(name); collect(schemas[name]); }
    }
    for (const key of ['allOf', 'anyOf', 'oneOf']) if (node[key]) collect(node[key]);
  };
  const parameters = (doc.components && doc.components.parameters) || {};
  const isOmitted = (p) => {
    const target = p && p.$ref ? parameters[p.$ref.split('/').pop()] : p;
    return target && target.in !== 'path' && omitted.has(target.name);
  };
  for (const item of Object.values(doc.paths || {})) {
    if (Array.isArray(item.parameters)) item.parameters = item.parameters.filter((p) => !isOmitted(p));
    for (const operation of Object.values(item || {})) {
      if (!operation || typeof operation !== 'object' || Array.isArray(operation)) continue;
      if (Array.isArray(operation.parameters)) operation.parameters = operation.parameters.filter((p) => !isOmitted(p));
      const content = operation.requestBody && operation.requestBody.content;
      if (content) Object.values(content).forEach((media) => collect(media.schema));
    }
  }
  const strip = (schema) => {
    if (!schema || typeof schema !== 'object') return;
    if (schema.properties) for (const name of omitted) delete schema.properties[name];
    if (Array.isArray(schema.required)) schema.required = schema.required.filter((name) => !omitted.has(name));
    if (Array.isArray(schema.required) && schema.required.length === 0) delete schema.required;
    for (const key of ['allOf', 'anyOf', 'oneOf']) if (Array.isArray(schema[key])) schema[key].forEach(strip);
  };
  requestSchemas.forEach((name) => strip(schemas[name]));
}

const doc = yaml.load(fs.readFileSync(input, 'utf8'));
preferForm(doc);
omitInjected(doc);
walk(doc);
fs.mkdirSync(path.dirname(output), { recursive: true });
fs.writeFileSync(output, JSON.stringify(doc, null, 2) + '\n');
