import pg from 'pg';

/** The channel migration 0030's triggers notify when a table the document list reads changes. */
export const DOCUMENT_LIST_CHANNEL = 'document_list_changed';

/**
 * The channel migration 0031's triggers notify when a table the caller lookup (queries/callers.ts)
 * reads changes in a way that can change a credential's caller.
 */
export const CALLER_CHANNEL = 'caller_changed';

/** What a process is told about one channel's tables, on a connection of its own. */
export interface TableChangeHandlers {
  /** Listening (again): changes committed from now on are reported; earlier ones may have been missed. */
  listening(): void;
  /** A transaction that changed one of the channel's tables has committed (`source`: the table). */
  changed(source: string): void;
  /** The connection is lost: changes are not reported until `listening` is called again. */
  lost(): void;
}

export interface TableChangeListener {
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
 * Listens for committed changes on each channel of `channels`, all on one dedicated connection,
 * which is opened again whenever it is lost, until `close`.
 */
export function listenForTableChanges(
  databaseUrl: string,
  channels: ReadonlyMap<string, TableChangeHandlers>,
  options: ListenOptions = {},
): TableChangeListener {
  const retryMs = options.retryMs ?? 1_000;
  const checkMs = options.checkMs ?? 15_000;
  let closed = false;
  let current: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let check: NodeJS.Timeout | undefined;
  const each = (event: 'listening' | 'lost') => {
    for (const handlers of channels.values()) handlers[event]();
  };

  const drop = (client: pg.Client) => {
    if (current !== client) return;
    current = undefined;
    clearInterval(check);
    each('lost');
    client.end().catch(() => {});
    if (!closed) {
      retry = setTimeout(connect, retryMs);
      retry.unref();
    }
  };

  function connect() {
    const client = new pg.Client({
      connectionString: databaseUrl,
      application_name: 'liaison-change-listener',
      keepAlive: true,
      query_timeout: 10_000,
      connectionTimeoutMillis: 5_000,
    });
    current = client;
    client.on('error', () => drop(client));
    client.on('end', () => drop(client));
    client.on('notification', (message) => {
      if (current === client) channels.get(message.channel)?.changed(message.payload ?? '');
    });
    client
      .connect()
      .then(() => client.query([...channels.keys()].map((name) => `listen ${name};`).join(' ')))
      .then(() => {
        if (current !== client) return;
        each('listening');
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
        each('lost');
        await client.end().catch(() => {});
      }
    },
  };
}
