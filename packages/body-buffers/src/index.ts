export { noteBodyBytes, sweepBodyBuffers, sweepWebBody } from './body-buffer-sweep.js';
