import { LiaisonClient } from '../src/index.js';

/** A client of the API at `url`, signed in as one of the demo accounts. */
export async function signedIn(url: string, email: string): Promise<LiaisonClient> {
  const anonymous = new LiaisonClient({ url });
  return anonymous.withToken((await anonymous.signIn(email, 'liaison-demo')).accessToken);
}

/** Everything the stream holds, read to its end. */
export async function drain(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
