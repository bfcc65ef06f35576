/**
 * The child side of `s3-process.ts`: runs the embedded S3 server on the directory and port given
 * as arguments, says `ready` over IPC, and stops when told to or when the bench is gone.
 */
import { createEmbeddedS3 } from '@liaison/embedded-stack';

const [dataDir, port] = process.argv.slice(2);
if (!dataDir || !port) throw new Error('usage: s3-process-main <data directory> <port>');
const s3 = createEmbeddedS3({ dataDir, port: Number(port) });
const stop = () => void s3.stop().finally(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('disconnect', stop);
await s3.start();
process.send?.('ready');
