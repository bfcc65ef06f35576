import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createTempDataDir, findFreePort, startEmbeddedStack } from '@liaison/embedded-stack';
import { startApiProcess } from './api-process.js';
import { benchWatermark } from './watermark.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = await createTempDataDir('liaison-bench-try');
const stack = await startEmbeddedStack({ dataDir, ephemeral: true });
const api = await startApiProcess({ repoRoot, port: await findFreePort(), env: { ...stack.env, AUTH_SECRET: randomBytes(32).toString('hex'), LIAISON_DEMO: 'true' } });
const signIn = async (email: string) => ((await (await fetch(`${api.url}/api/v1/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'liaison-demo' }) })).json()) as { accessToken: string }).accessToken;
try {
  console.log(await benchWatermark({ api, tokens: { editor: await signIn('editor@dmtf.example'), owner: await signIn('member@dmtf.example'), partner: await signIn('member@ofa.example') }, fileMiB: Number(process.env.MIB ?? 8), log: (l) => console.error(l) }));
} catch (e) { console.error(e, api.output()); }
await api.stop(); await stack.stop(); await rm(dataDir, { recursive: true, force: true });
