// Test helper run as a child process: starts a stack in the given directory and waits to be killed.
import { startEmbeddedStack } from '../src/index.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: start-and-wait <dataDir>');
await startEmbeddedStack({ dataDir });
console.log('started');
setInterval(() => {}, 60_000);
