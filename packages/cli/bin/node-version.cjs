// Plain ES5 CommonJS: see liaison.cjs.
'use strict';
var engines = require('../package.json').engines;

/** The lowest Node.js major the command runs on, from package.json `engines.node` (">=22"). */
var MINIMUM_NODE_MAJOR = Number(/^>=(\d+)$/.exec(engines.node)[1]);

/**
 * Why `version` (process.versions.node, e.g. "20.20.2") cannot run the command, or undefined when
 * it can.
 */
function unsupportedNodeMessage(version, executable) {
  var major = Number(String(version).split('.')[0]);
  if (major >= MINIMUM_NODE_MAJOR) return undefined;
  return (
    'liaison needs Node.js ' +
    MINIMUM_NODE_MAJOR +
    ' or newer (24 LTS recommended); this is Node.js ' +
    version +
    ' (' +
    executable +
    ').\nInstall a newer Node.js, or run the command from the Liaison checkout with "npx liaison",' +
    ' which uses the Node.js 24 that "npm install" brought.'
  );
}

module.exports = {
  MINIMUM_NODE_MAJOR: MINIMUM_NODE_MAJOR,
  unsupportedNodeMessage: unsupportedNodeMessage,
};
