// The command itself is built into dist/. The bin files exist before any build, so that
// `npm install` on a fresh checkout links the `liaison` bin (npm links no bin whose file is missing).
'use strict';
import('../dist/main.js').catch((error) => {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  process.stderr.write(`liaison: not built yet (${error.message}): run "npm run build" first\n`);
  process.exitCode = 1;
});
