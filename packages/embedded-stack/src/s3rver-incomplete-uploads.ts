import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The parts of s3rver's FilesystemStore (5.x) that locate a bucket's uploads in progress. */
interface FilesystemStore {
  getBucketPath(bucket: string): string;
  getResourcePath(bucket: string, key: string | undefined, resource: string): string;
}

/** The parts of a Koa context (s3rver is a Koa app) these handlers use. */
interface S3Context {
  method: string;
  path: string;
  query: Record<string, string | string[] | undefined>;
  params?: Record<string, string>;
  status: number;
  body: unknown;
}
type Next = () => Promise<unknown>;
type Middleware = (ctx: S3Context, next: Next) => Promise<unknown>;

interface KoaApp {
  middleware: Middleware[];
}

// s3rver is CommonJS without type declarations.
const require = createRequire(import.meta.url);
type S3ErrorClass = new (code: string, message?: string, detail?: Record<string, unknown>) => Error;

const MAX_UPLOADS = 1000;
/** s3rver's upload ids: 16 random bytes in hex. Anything else could walk out of the directory. */
const UPLOAD_ID = /^[0-9a-f]{32}$/;

interface Upload {
  key: string;
  uploadId: string;
  initiated: Date;
}

function queryValue(ctx: S3Context, name: string): string {
  const value = ctx.query[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** The uploads in progress in a bucket, as s3rver keeps them: `<bucket>/._S3rver_uploads/<id>/`. */
async function uploadsOf(store: FilesystemStore, bucket: string): Promise<Upload[]> {
  const directory = store.getResourcePath(bucket, undefined, 'uploads');
  const ids = await readdir(directory).catch(() => [] as string[]);
  const uploads: Upload[] = [];
  for (const uploadId of ids) {
    const keyFile = join(directory, uploadId, 'key');
    // The key file is written when the upload starts, and never again.
    const [key, stats] = await Promise.all([
      readFile(keyFile, 'utf8').catch(() => undefined),
      stat(keyFile).catch(() => undefined),
    ]);
    if (key === undefined || stats === undefined) continue; // completed or aborted meanwhile
    uploads.push({ key, uploadId, initiated: stats.mtime });
  }
  return uploads.sort((a, b) =>
    a.key === b.key ? a.uploadId.localeCompare(b.uploadId) : a.key < b.key ? -1 : 1,
  );
}

/**
 * Teaches s3rver, which answers both with NotImplemented or MethodNotAllowed, the two calls that
 * clean up after multipart uploads nobody completed: ListMultipartUploads (`GET /<bucket>?uploads`)
 * and AbortMultipartUpload (`DELETE /<bucket>/<key>?uploadId=<id>`), which removes the upload's
 * parts from disk. Path-style addressing only; requests are authenticated as s3rver's own are.
 */
export function serveIncompleteUploads(app: KoaApp, store: FilesystemStore): void {
  const S3Error = require('@20minutes/s3rver/lib/models/error') as S3ErrorClass;
  const authenticate = (
    require('@20minutes/s3rver/lib/middleware/authentication') as () => Middleware
  )();

  const bucketExists = async (bucket: string) => {
    const found = await stat(store.getBucketPath(bucket)).catch(() => undefined);
    if (!found?.isDirectory()) {
      throw new S3Error('NoSuchBucket', 'The specified bucket does not exist', {
        BucketName: bucket,
      });
    }
  };

  const listUploads = async (ctx: S3Context, bucket: string) => {
    await bucketExists(bucket);
    const prefix = queryValue(ctx, 'prefix');
    const keyMarker = queryValue(ctx, 'key-marker');
    const uploadIdMarker = queryValue(ctx, 'upload-id-marker');
    const requested = Number(queryValue(ctx, 'max-uploads') || MAX_UPLOADS);
    const maxUploads = Number.isInteger(requested) && requested > 0 ? requested : MAX_UPLOADS;
    const after = (upload: Upload) =>
      keyMarker === '' ||
      upload.key > keyMarker ||
      (upload.key === keyMarker && uploadIdMarker !== '' && upload.uploadId > uploadIdMarker);
    const matching = (await uploadsOf(store, bucket)).filter(
      (upload) => upload.key.startsWith(prefix) && after(upload),
    );
    const page = matching.slice(0, maxUploads);
    const truncated = matching.length > page.length;
    const last = page.at(-1);
    ctx.body = {
      ListMultipartUploadsResult: {
        '@': { xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' },
        Bucket: bucket,
        KeyMarker: keyMarker,
        UploadIdMarker: uploadIdMarker,
        NextKeyMarker: truncated && last ? last.key : '',
        NextUploadIdMarker: truncated && last ? last.uploadId : '',
        Prefix: prefix,
        MaxUploads: maxUploads,
        IsTruncated: truncated,
        Upload: page.map((upload) => ({
          Key: upload.key,
          UploadId: upload.uploadId,
          StorageClass: 'STANDARD',
          Initiated: upload.initiated.toISOString(),
        })),
      },
    };
  };

  const abortUpload = async (ctx: S3Context, bucket: string, key: string) => {
    await bucketExists(bucket);
    const uploadId = queryValue(ctx, 'uploadId');
    const uploadDir = join(store.getResourcePath(bucket, undefined, 'uploads'), uploadId);
    const storedKey = UPLOAD_ID.test(uploadId)
      ? await readFile(join(uploadDir, 'key'), 'utf8').catch(() => undefined)
      : undefined;
    if (storedKey !== key) {
      throw new S3Error(
        'NoSuchUpload',
        'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
        { UploadId: uploadId },
      );
    }
    await rm(uploadDir, { recursive: true, force: true });
    ctx.status = 204;
  };

  const handler: Middleware = async (ctx, next) => {
    const [, bucket = '', ...rest] = ctx.path.split('/');
    const key = rest.map((segment) => decodeURIComponent(segment)).join('/');
    let handle: (() => Promise<void>) | undefined;
    if (ctx.method === 'GET' && 'uploads' in ctx.query && bucket !== '' && key === '') {
      handle = () => listUploads(ctx, bucket);
    } else if (ctx.method === 'DELETE' && 'uploadId' in ctx.query && bucket !== '' && key !== '') {
      handle = () => abortUpload(ctx, bucket, key);
    }
    if (handle === undefined) return next();
    ctx.params = { bucket, ...(key ? { key } : {}) };
    return authenticate(ctx, handle);
  };

  // Ahead of s3rver's router (the last middleware), behind its logging and XML encoding.
  app.middleware.splice(app.middleware.length - 1, 0, handler);
}
