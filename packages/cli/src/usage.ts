import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { Io } from './context.js';

/** The command line is wrong: exit code 1, with the command's help pointed at. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose help explains the fix, if any. */
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

type Strict<T> = { args: string[]; options: T; allowPositionals: true; strict: true };

/** node:util parseArgs, with its errors turned into usage errors naming the command. */
export function parseCommand<const T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: string[],
  options: T,
): ReturnType<typeof parseArgs<Strict<T>>> {
  try {
    return parseArgs<Strict<T>>({
      args,
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]!, command);
  }
}

type Subcommand = (args: string[], io: Io) => Promise<void>;

/** Runs the subcommand the first argument names (`liaison statements ls …`) with the rest. */
export async function runSubcommand(
  command: string,
  subcommands: Record<string, Subcommand>,
  args: string[],
  io: Io,
): Promise<void> {
  const [name, ...rest] = args;
  if (name === undefined) {
    const names = Object.keys(subcommands);
    const choices =
      names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
    throw new UsageError(`name what to do: ${choices}`, command);
  }
  const subcommand = Object.hasOwn(subcommands, name) ? subcommands[name] : undefined;
  if (!subcommand) throw new UsageError(`unknown subcommand ${name}`, command);
  await subcommand(rest, io);
}

export const MAIN_HELP = `liaison: the Liaison document portal from the command line

Usage: liaison <command> [options]

Commands:
  login --url <api> [--token <token>]     check a personal API token and save it for later commands
  logout                                  forget the saved address and token
  ls [filters] [--json]                   list the documents you may read
  show <document> [--json]                a document's metadata and versions
  push <file> --doc <org>/<identifier> --label <label> [--note <text>] [--create ...]
                                          upload a file as a new version (progress, SHA-256 checked)
  pull <document> [--version <label>] [-o <path>] [--force]
                                          download a version (resumable, SHA-256 verified)
  submit <files...> --to <org> --register <slug> --title <title> --accept-ipr
                                          submit files to another party of a work register
  statements ls|show|send                 liaison statements between the parties of a register
  comments export <document> --format csv|json [--review <id>] [-o <file>]
                                          a review's comments and dispositions (the resolution log)

<document> is a document id or <organization>/<identifier>, e.g. ofa/OFA-FAB-1.
LIAISON_URL and LIAISON_TOKEN, when set, are used instead of the saved login.
Exit codes: 0 done, 1 usage error, 2 not found or not allowed, 3 network or server error.
Run "liaison <command> --help" for a command's options.
`;

export const COMMAND_HELP: Record<string, string> = {
  login: `Usage: liaison login --url <api> [--token <token>]

Checks a personal API token against the API (GET /api/v1/me) and saves the address and token in
$XDG_CONFIG_HOME/liaison/config.json (default ~/.config/liaison/config.json), readable by you only.
Create the token in the portal under Admin > API tokens. Without --token, the token is read from
LIAISON_TOKEN, else from standard input (a hidden prompt on a terminal), which keeps it out of
your shell history.

  --url <api>       the API's address, e.g. https://liaison.example.org (or LIAISON_URL)
  --token <token>   the personal API token
`,
  logout: `Usage: liaison logout

Deletes the saved address and token. The token itself keeps working until it expires or is revoked
in the portal (Admin > API tokens).
`,
  ls: `Usage: liaison ls [--org <slug>] [--status <status>] [--visibility <visibility>]
                  [--register <slug>] [-q <text>] [--limit <n> | --all] [--json]

Lists the documents you may read, newest first.

  --org <slug>            owned by this organization
  --status <status>       work-in-progress, informational or standard
  --visibility <vis>      public, partners or organization
  --register <slug>       shared under this work register
  -q, --query <text>      full-text search over identifier, title and abstract
  --limit <n>             at most n documents (default 50)
  --all                   every matching document
  --json                  a JSON array of the documents, for scripts
`,
  show: `Usage: liaison show <document> [--json]

Shows a document's metadata, what you may do with it, and its versions (newest first).
<document> is its id or <organization>/<identifier>.

  --json    the document as JSON
`,
  push: `Usage: liaison push <file> --doc <org>/<identifier> --label <label> [--note <text>]
                    [--create --title <title> [--status <status>] [--visibility <vis>]
                     [--register <slug>]... [--abstract <text>]] [--json]

Uploads <file> as a new version of the document, streamed, with a progress bar on a terminal and
occasional progress lines otherwise. Prints the SHA-256 the API stored and checks it against the
file's own.

  --doc <ref>           the document: <org>/<identifier> or its id
  --label <label>       the new version's label, e.g. 1.2.0
  --note <text>         what changed in this version (at most 2000 characters), shown with it
                        and mailed to the document's followers
  --create              create the document first if it does not exist yet; then:
    --title <title>       its title (required when it is created)
    --status <status>     work-in-progress (default), informational or standard
    --visibility <vis>    organization (default), partners or public
    --register <slug>     share it under this work register (repeat for several)
    --abstract <text>     its abstract
  --json                the stored version as JSON
`,
  submit: `Usage: liaison submit <files...> --to <org> --register <slug> --title <title>
                      [--description <text>] [--from <org>] [--attach <document-id>@<version>]
                      --accept-ipr [--json]

Submits one or more files to another party of a work register (e.g. an OFA contribution to the
DMTF under the OFA/DMTF register), streamed with progress; checks the SHA-256 the API stored for
every file. The receiver's IPR policy applies: without --accept-ipr the command prints the policy
and stops; with it, you acknowledge exactly the policy text shown (its SHA-256 is sent along).

  --to <org>            the receiving organization
  --register <slug>     the work register it is submitted under
  --title <title>       the submission's title
  --description <text>  what it is
  --from <org>          your organization, when you are an editor of more than one party
  --attach <id>@<version>
                        also submit a copy of this Liaison document version (its id or label;
                        repeat for several). The receiver sees the copy; documents that require
                        watermarks cannot be attached: submit their file instead
  --accept-ipr          acknowledge the receiver's IPR policy
  --json                the submission as JSON
`,
  comments: `Usage: liaison comments export <org>/<identifier> --format csv|json [--review <id>]
                                [-o <file>] [--force]

Exports the resolution log of a review of the document: every comment with its disposition and
response (JSON adds the counts per disposition). Without --review, the document's open review, else
its latest one. The log is for the owner's editors and admins, and for every reader of the document
once the owner has published it (then attributed to organizations, never to people).

  --format <format>       csv (cells a spreadsheet would run as formulas are neutralized) or json
  --review <id>           this review of the document
  -o, --output <file>     write to this file instead of standard output
  --force                 overwrite the --output file when it exists
`,
  statements: `Usage: liaison statements ls [--owed] [--register <slug>] [--box <box>]
                           [--state <state>] [--limit <n> | --all] [--json]
       liaison statements show <id> [--json]
       liaison statements send --register <slug> --to <org>[,<org>...] --purpose <purpose>
                           --title <title> [--deadline <YYYY-MM-DD>] [--body-file <file>]
                           [--attach <file>]... [--from <org>] [--refers-to <id>]...
                           [--visibility parties|public] [--reference <text>] [--json]

Liaison statements are formal letters from one party of a work register to others: for
information, for comment or for action (with a deadline), or a response to earlier statements.

ls lists the statements you may read, newest first; --owed the comment and action statements your
organizations still owe an answer to, soonest deadline first.
  --owed                  owed by your organizations
  --register <slug>       under this work register
  --box <box>             incoming, outgoing or awaiting-approval (drafts you may send)
  --state <state>         draft, sent or withdrawn
  --limit <n>             at most n statements (default 50); --all for every one
  --json                  a JSON array, for scripts

show prints one statement: its route, deadline, answer, thread, text and attachments.

send writes a draft, uploads its attachments (with a progress bar, SHA-256 checked), then sends
it. Sending is an admin's approval: when you are an editor, the draft is kept and waits for an
admin of your organization, and the command says so and exits 0.
  --register <slug>       the work register it is sent under
  --to <org>              a receiving party (repeat, or a comma list)
  --purpose <purpose>     information, comment, action or response
  --deadline <date>       the answer's due date (required for comment and action)
  --title <title>         its title
  --body-file <file>      its text, Markdown
  --attach <file>         a file to attach (repeat for several)
  --from <org>            your organization, when you write for more than one party
  --refers-to <id>        an earlier statement it answers or follows (required for a response)
  --visibility <vis>      parties (default: members of the sending and receiving organizations)
                          or public (anyone)
  --reference <text>      your own reference number for it
  --json                  the statement as JSON
`,
  pull: `Usage: liaison pull <document> [--version <label>] [-o <path>] [--force]

Downloads a version (the newest one not withdrawn, unless --version says which) into the current
directory under its own file name, or to <path> (a file, or a directory to put it in). The bytes
go to <path>.part first; an interrupted download resumes from there with a Range request, and the
file gets its final name only once its SHA-256 matches the one the API stored. The server's file
name is used as a plain name (no directories, no leading dots), and an existing file of that name
is left alone unless --force says to overwrite it.

  --version <label>   the version to download
  -o, --output <path> where to save it
  --force             overwrite an existing file of the version's name
`,
};
