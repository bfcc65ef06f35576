import type {} from 'vitest';
import type { StackEnvironment } from '../stack.js';

/** What the global setup hands to every test through vitest's `inject()`. */
export interface ProvidedStack {
  stack: StackEnvironment;
  postgresDataDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext extends ProvidedStack {}
}
