#!/usr/bin/env node
// Plain ES5 CommonJS on purpose: any Node.js, however old, can parse this file, so one that is
// too old says which version is needed instead of failing with a syntax error or a stack trace.
'use strict';
var unsupportedNodeMessage = require('./node-version.cjs').unsupportedNodeMessage;

var problem = unsupportedNodeMessage(process.versions.node, process.execPath);
if (problem) {
  // biome-ignore lint/style/useTemplate: no template literals here, see above
  process.stderr.write(problem + '\n');
  process.exit(1);
}
require('./run.cjs');
