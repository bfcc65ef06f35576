// The browser half of every upload: one multipart POST to one of the portal's streaming proxies
// (app/api/**/route.ts), which passes the bytes on to the API as they arrive. XMLHttpRequest rather
// than fetch(): it reports upload progress, and abort() cancels mid-file.

export type UploadFailure =
  | { ok: false; aborted: true }
  | {
      ok: false;
      aborted: false;
      /** 0 when the connection failed before any answer. */
      status: number;
      code?: string;
      detail?: string;
    };

export interface UploadCallbacks {
  /** Bytes of the request body sent so far, and its total (the files plus the form around them). */
  onProgress?: (loaded: number, total: number) => void;
  /** Every byte is sent; the API is storing the files. */
  onSent?: () => void;
}

export interface UploadHandle<Outcome> {
  done: Promise<Outcome>;
  abort: () => void;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null;
}

/**
 * Parses a proxy's answer: `created` reads the success out of a 201 body (undefined when the body
 * is not what was created, which counts as a bad gateway); anything else carries the API's error.
 */
export function readCreatedAnswer<Success extends { ok: true }>(
  status: number,
  text: string,
  created: (body: JsonObject) => Success | undefined,
): Success | UploadFailure {
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const success = status === 201 && isObject(body) ? created(body) : undefined;
  if (success) return success;
  const error = isObject(body) && isObject(body.error) ? body.error : undefined;
  return {
    ok: false,
    aborted: false,
    status: status === 201 ? 502 : status,
    ...(typeof error?.code === 'string' ? { code: error.code } : {}),
    ...(typeof error?.message === 'string' ? { detail: error.message } : {}),
  };
}

/** Posts `form` to `url`, reporting progress; `read` turns the answer into the outcome. */
export function postMultipart<Outcome>(
  url: string,
  form: FormData,
  read: (status: number, text: string) => Outcome,
  callbacks: UploadCallbacks = {},
): UploadHandle<Outcome | UploadFailure> {
  const xhr = new XMLHttpRequest();
  const done = new Promise<Outcome | UploadFailure>((resolve) => {
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) callbacks.onProgress?.(event.loaded, event.total);
    };
    xhr.upload.onload = () => callbacks.onSent?.();
    xhr.onload = () => resolve(read(xhr.status, xhr.responseText));
    xhr.onerror = () => resolve({ ok: false, aborted: false, status: 0 });
    xhr.ontimeout = () => resolve({ ok: false, aborted: false, status: 0 });
    xhr.onabort = () => resolve({ ok: false, aborted: true });
  });
  xhr.open('POST', url);
  xhr.setRequestHeader('accept', 'application/json');
  xhr.send(form);
  return { done, abort: () => xhr.abort() };
}
