#!/usr/bin/env node
// Turns a curated spec into the document NSwag generates from. The curated spec stays honest
// about the wire (a contract-validating proxy checks real traffic against it); this step only
// maps wire-level unions onto the C# types the client exposes:
//  - a string that is "a date-time or a date" becomes format date-time (DateTimeOffset; the
//    lenient converter reads both forms);
//  - enum spellings that differ only in case, whitespace, '-' or '_' collapse to the first
//    (documented) one, because the generated extensible enums compare values that way;
//  - enum members get PascalCase C# names (x-enumNames) unless the spec names them;
//  - a schema with x-codegen {type, format} takes that shape (see applyCodegenShape).
'use strict';
const fs = require('fs');
const path = require('path');
const yaml = require('js-yaml');

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: prepare-spec.js <spec.yaml> <out.json>');
  process.exit(2);
}

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

const doc = yaml.load(fs.readFileSync(input, 'utf8'));
walk(doc);
fs.mkdirSync(path.dirname(output), { recursive: true });
fs.writeFileSync(output, JSON.stringify(doc, null, 2) + '\n');
