#!/usr/bin/env node
// Renders each spec into a standalone HTML reference (Redoc 2, from node_modules: no network at
// build time or when reading): artifacts/docs/<spec>.html plus an index. Built, never committed.
'use strict';
const fs = require('fs');
const path = require('path');
const yaml = require('js-yaml');

const root = path.resolve(__dirname, '..', '..');
const out = path.resolve(root, process.argv[2] || 'artifacts/docs');
const redoc = fs.readFileSync(require.resolve('redoc/bundles/redoc.standalone.js'), 'utf8');
const escapeHtml = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
// Keeps the embedded JSON from closing the <script> element early.
const embed = (value) => JSON.stringify(value).replace(/</g, '\\u003c');

fs.mkdirSync(out, { recursive: true });
const pages = [];
for (const file of fs.readdirSync(path.join(root, 'specs')).filter((f) => f.endsWith('.yaml')).sort()) {
  const spec = yaml.load(fs.readFileSync(path.join(root, 'specs', file), 'utf8'));
  const name = file.replace(/\.yaml$/, '');
  const title = (spec.info && spec.info.title) || name;
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — API reference</title>
<style>body { margin: 0; padding: 0; }</style>
</head>
<body>
<div id="redoc"></div>
<script>${redoc}</script>
<script>
Redoc.init(${embed(spec)}, { hideDownloadButton: false, expandResponses: "200", jsonSampleExpandLevel: 3 }, document.getElementById("redoc"));
</script>
</body>
</html>
`;
  fs.writeFileSync(path.join(out, `${name}.html`), html);
  pages.push({ name, title, version: spec.info && spec.info.version });
  console.log(`wrote ${path.relative(root, path.join(out, name + '.html'))}`);
}
fs.writeFileSync(path.join(out, 'index.html'), `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>API references</title></head>
<body><h1>API references</h1><ul>
${pages.map((p) => `<li><a href="${p.name}.html">${escapeHtml(p.title)}</a> (${escapeHtml(p.version || '')})</li>`).join('\n')}
</ul></body></html>
`);
