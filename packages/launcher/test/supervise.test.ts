// `npm start` keeps the API and the web app running: a server that dies is started again, and one
// that keeps dying is given up on (issue 16). Real child processes, no fakes.
import { afterEach, describe, expect, it } from 'vitest';
import { type SupervisedChild, superviseChild } from '../src/children.js';

const running: SupervisedChild[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((child) => child.stop()));
});

function supervise(script: string, maxRestarts: number, lines: string[]): SupervisedChild {
  const child = superviseChild(
    { name: 'test server', args: ['-e', script], cwd: process.cwd(), env: process.env },
    { maxRestarts, windowMs: 60_000, log: (line) => lines.push(line) },
  );
  running.push(child);
  return child;
}

describe('superviseChild', () => {
  it('restarts a server that dies, up to the limit, then gives up and says so', async () => {
    const lines: string[] = [];
    const child = supervise('process.exit(3)', 2, lines);
    expect(await child.gaveUp).toBe(3);
    expect(lines.filter((line) => line.includes('; restarting it'))).toHaveLength(2);
    expect(lines.at(-1)).toMatch(/exited \(code 3\) 3 times within 1 minutes; not restarting it/);
  });

  it('keeps a restarted server running, and stops it when asked', async () => {
    const lines: string[] = [];
    // Dies the first time (no marker file yet), then runs until stopped.
    const marker = `/tmp/liaison-supervise-${process.pid}-${Date.now()}`;
    const script = `const fs=require('node:fs');if(!fs.existsSync('${marker}')){fs.writeFileSync('${marker}','');process.exit(7)}setInterval(()=>{},1000)`;
    const child = supervise(script, 3, lines);
    await expect
      .poll(() => lines.some((line) => line.includes('code 7')), { timeout: 10_000 })
      .toBe(true);
    await expect
      .poll(
        () =>
          child.current().process.exitCode === null && child.current().process.pid !== undefined,
      )
      .toBe(true);
    const second = child.current().process;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(second.exitCode).toBeNull();
    await child.stop();
    expect(second.exitCode !== null || second.signalCode !== null).toBe(true);
    let settled = false;
    void child.gaveUp.then(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(settled).toBe(false);
  });
});
