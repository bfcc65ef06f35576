import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { normalizeApiUrl } from '@liaison/client';
import { UsageError } from './usage.js';

export interface SavedLogin {
  url: string;
  token: string;
}

/** Where the login is kept: $XDG_CONFIG_HOME/liaison/config.json, else ~/.config/liaison/config.json. */
export function configPath(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME;
  // The XDG spec says a relative value is to be ignored.
  const root = base && isAbsolute(base) ? base : join(homedir(), '.config');
  return join(root, 'liaison', 'config.json');
}

export async function loadLogin(env: NodeJS.ProcessEnv): Promise<SavedLogin | undefined> {
  const path = configPath(env);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const saved = JSON.parse(text) as Partial<SavedLogin>;
    if (typeof saved.url === 'string' && typeof saved.token === 'string') {
      return { url: saved.url, token: saved.token };
    }
  } catch {
    // Reported below, like a file of the wrong shape.
  }
  throw new UsageError(`${path} is not a saved login: run "liaison login" again`);
}

/** Saves the login readable by its owner only: the directory 0700, the file 0600. */
export async function saveLogin(env: NodeJS.ProcessEnv, login: SavedLogin): Promise<string> {
  const path = configPath(env);
  const directory = dirname(path);
  await mkdir(directory, { recursive: true, mode: 0o700 });
  await chmod(directory, 0o700);
  // Written whole under another name and renamed, so no one ever reads half a file.
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(login, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, path);
  return path;
}

/** Removes the saved login; false when there was none. */
export async function removeLogin(env: NodeJS.ProcessEnv): Promise<boolean> {
  const path = configPath(env);
  try {
    await rm(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

export interface Connection {
  url: string;
  token: string | undefined;
}

/**
 * The API address and token a command uses: LIAISON_URL and LIAISON_TOKEN first, then the saved
 * login. A saved token is only ever sent to the address it was saved with.
 */
export async function connection(env: NodeJS.ProcessEnv): Promise<Connection> {
  const saved = await loadLogin(env);
  const given = env.LIAISON_URL || saved?.url;
  if (!given) {
    throw new UsageError(
      'no API address: run "liaison login --url <api>", or set LIAISON_URL (and LIAISON_TOKEN)',
    );
  }
  const url = apiUrl(given);
  const token = env.LIAISON_TOKEN || (saved && saved.url === url ? saved.token : undefined);
  return { url, token };
}

/** The API address as typed, checked and normalized; a usage error when it is not one. */
export function apiUrl(text: string): string {
  try {
    return normalizeApiUrl(text);
  } catch {
    throw new UsageError(
      `${text} is not an http(s) address of the API, e.g. https://liaison.example.org`,
    );
  }
}
