export { sweepBodyBuffers, sweepWebBody } from './body-buffer-sweep.js';
