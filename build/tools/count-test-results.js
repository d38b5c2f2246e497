#!/usr/bin/env node
// Sums the counters of every TRX file under a directory and prints the CI summary line.
'use strict';
const fs = require('fs');
const path = require('path');

const dir = process.argv[2] || 'artifacts/test-results';
const totals = { passed: 0, failed: 0, skipped: 0 };
const walk = (d) => {
  if (!fs.existsSync(d)) return;
  for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
    const full = path.join(d, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith('.trx')) {
      const counters = /<Counters\b([^>]*)>/.exec(fs.readFileSync(full, 'utf8'));
      if (!counters) continue;
      const attr = (name) => Number((new RegExp(`\\b${name}="(\\d+)"`).exec(counters[1]) || [0, 0])[1]);
      totals.passed += attr('passed');
      totals.failed += attr('failed') + attr('error') + attr('timeout') + attr('aborted');
      // Skipped tests are counted from their results: the counters leave them out (total - executed).
      totals.skipped += Math.max(attr('notExecuted'), attr('total') - attr('executed'));
    }
  }
};
walk(dir);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
