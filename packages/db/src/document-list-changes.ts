import pg from 'pg';

/** The channel migration 0030's triggers notify when a table the document list reads changes. */
export const DOCUMENT_LIST_CHANNEL = 'document_list_changed';

/** What a process is told about the document list's tables, on a connection of its own. */
export interface DocumentListChangeHandlers {
  /** Listening (again): changes committed from now on are reported; earlier ones may have been missed. */
  listening(): void;
  /** A transaction that changed a table the list reads has committed (`source`: the table). */
  changed(source: string): void;
  /** The connection is lost: changes are not reported until `listening` is called again. */
  lost(): void;
}

export interface DocumentListChangeListener {
  close(): Promise<void>;
}

export interface ListenOptions {
  /** Wait before connecting again after the connection is lost or cannot be made. */
  retryMs?: number;
  /**
   * How often the idle connection is checked with a trivial query: a connection that died
   * silently (a dropped network path) delivers nothing, and would otherwise look alive.
   */
  checkMs?: number;
}

/**
 * Listens for committed changes to the document list's tables on one dedicated connection, which
 * is opened again whenever it is lost, until `close`.
 */
export function listenForDocumentListChanges(
  databaseUrl: string,
  handlers: DocumentListChangeHandlers,
  options: ListenOptions = {},
): DocumentListChangeListener {
  const retryMs = options.retryMs ?? 1_000;
  const checkMs = options.checkMs ?? 15_000;
  let closed = false;
  let current: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let check: NodeJS.Timeout | undefined;

  const drop = (client: pg.Client) => {
    if (current !== client) return;
    current = undefined;
    clearInterval(check);
    handlers.lost();
    client.end().catch(() => {});
    if (!closed) {
      retry = setTimeout(connect, retryMs);
      retry.unref();
    }
  };

  function connect() {
    const client = new pg.Client({
      connectionString: databaseUrl,
      application_name: 'liaison-list-listener',
      keepAlive: true,
      query_timeout: 10_000,
      connectionTimeoutMillis: 5_000,
    });
    current = client;
    client.on('error', () => drop(client));
    client.on('end', () => drop(client));
    client.on('notification', (message) => {
      if (current === client && message.channel === DOCUMENT_LIST_CHANNEL)
        handlers.changed(message.payload ?? '');
    });
    client
      .connect()
      .then(() => client.query(`listen ${DOCUMENT_LIST_CHANNEL}`))
      .then(() => {
        if (current !== client) return;
        handlers.listening();
        check = setInterval(() => {
          client.query('select 1').catch(() => drop(client));
        }, checkMs);
        check.unref();
      })
      .catch(() => drop(client));
  }

  connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      const client = current;
      if (client) {
        current = undefined;
        clearInterval(check);
        handlers.lost();
        await client.end().catch(() => {});
      }
    },
  };
}
