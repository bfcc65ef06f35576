import * as net from 'node:net';

/** What the socket reads into, again and again. */
const READ_BUFFER_BYTES = 256 * 1024;
const HEAD_END = '\r\n\r\n';

export interface CountedAnswer {
  status: number;
  /** The answer's Content-Length; undefined when it had none. */
  contentLength: number | undefined;
  /** Body bytes received. */
  bytes: number;
}

/**
 * GETs `url` (plain HTTP/1.1) over a connection of its own and counts the body's bytes, up to the
 * Content-Length the answer announces (or the connection's end without one). The socket reads into
 * one buffer over and over (net's `onread`), so receiving allocates nothing per chunk. Node's HTTP
 * clients make a buffer for every chunk: receiving 1 GiB that way cost the bench process about
 * 2 s of CPU, which on two cores was taken from the servers being measured.
 */
export function countedGet(
  url: string,
  headers: Record<string, string> = {},
): Promise<CountedAnswer> {
  const target = new URL(url);
  if (target.protocol !== 'http:') throw new Error(`countedGet speaks plain HTTP only: ${url}`);
  const request =
    `GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\n` +
    'Connection: close\r\n' +
    Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('') +
    '\r\n';

  return new Promise<CountedAnswer>((resolve, reject) => {
    let head = '';
    let answer: CountedAnswer | undefined;
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      if (error) reject(error);
      else if (answer) resolve(answer);
      else reject(new Error(`GET ${url}: the connection closed before an answer`));
    };
    const countBody = (bytes: number) => {
      if (!answer) return;
      answer.bytes += bytes;
      if (answer.contentLength !== undefined && answer.bytes >= answer.contentLength) settle();
    };
    const readBuffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
    const socket = net.connect({
      host: target.hostname,
      port: Number(target.port || 80),
      onread: {
        buffer: readBuffer,
        callback(read) {
          if (answer) {
            countBody(read);
            return true;
          }
          // Only the head is decoded (latin1 keeps one character per byte); the body is counted.
          head += readBuffer.toString('latin1', 0, read);
          const end = head.indexOf(HEAD_END);
          if (end < 0) return true;
          const lines = head.slice(0, end).split('\r\n');
          const status = Number(lines[0]?.split(' ')[1]);
          const lengthLine = lines.find((line) => /^content-length:/i.test(line));
          answer = {
            status,
            contentLength: lengthLine ? Number(lengthLine.slice(15).trim()) : undefined,
            bytes: 0,
          };
          countBody(head.length - end - HEAD_END.length);
          return true;
        },
      },
    });
    socket.on('connect', () => socket.write(request));
    socket.on('end', () => settle());
    socket.on('close', () => settle());
    socket.on('error', (error) => settle(error));
  });
}
