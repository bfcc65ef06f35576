import type { Statement, StatementListQuery, StatementSummary } from '@liaison/client';
import { connect, type Io, print } from '../context.js';
import { pageSizeFor, parseListing, printListing } from '../listing.js';
import { formatBytes } from '../progress.js';
import { table, truncate } from '../table.js';
import { terminalSafeJson } from '../terminal-text.js';
import { parseCommand, runSubcommand, UsageError } from '../usage.js';
import { sendStatement } from './statement-send.js';

const DAY_MS = 86_400_000;

/** "3 days left", "due today" or "5 days overdue", counted in UTC days as the API counts them. */
export function deadlineText(deadline: string | null, now: Date = new Date()): string {
  if (deadline === null) return '-';
  const today = Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  const days = Math.round((Date.parse(`${deadline}T00:00:00Z`) - today) / DAY_MS);
  const count = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
  if (days === 0) return `${deadline} (due today)`;
  return days > 0 ? `${deadline} (${count(days)} left)` : `${deadline} (${count(-days)} overdue)`;
}

/** The state as people tracking answers read it: owed, answered, or the plain state. */
export function standing(statement: StatementSummary): string {
  if (statement.state !== 'sent') return statement.state;
  if (statement.owed) return 'owed';
  return statement.answer ? 'answered' : 'sent';
}

const route = (s: StatementSummary) => `${s.from.slug} -> ${s.to.map((to) => to.slug).join(',')}`;

async function list(args: string[], io: Io): Promise<void> {
  const { values, limit } = parseListing('statements', args, {
    owed: { type: 'boolean' },
    register: { type: 'string' },
    box: { type: 'string' },
    state: { type: 'string' },
  });
  // The values go to the API as they are: it validates them against its own schema.
  const query = {
    ...(values.owed ? { owed: true } : {}),
    ...(values.register ? { register: values.register } : {}),
    ...(values.box ? { box: values.box } : {}),
    ...(values.state ? { state: values.state } : {}),
    limit: pageSizeFor(limit),
  } as StatementListQuery;

  const client = await connect(io);
  await printListing(io, client.statements(query), {
    limit,
    json: values.json,
    none: values.owed ? 'Nothing owed.' : 'No statements match.',
    table: (statements) =>
      table(
        ['ID', 'ROUTE', 'PURPOSE', 'STATE', 'DEADLINE', 'TITLE'],
        statements.map((s) => [
          s.id,
          route(s),
          s.purpose,
          standing(s),
          deadlineText(s.deadline),
          truncate(s.title, 60),
        ]),
      ),
  });
}

function describe(statement: Statement): string {
  const allowed = Object.entries(statement.permissions)
    .filter(([, allowed]) => allowed)
    .map(([action]) => action);
  const contacts = (list: Statement['responseContacts']) =>
    list.map((c) => `${c.name} <${c.email}>`).join(', ') || '-';
  const link = (l: Statement['refersTo'][number]) =>
    `${l.id} ${l.from.slug} ${l.purpose}: ${l.title}`;
  const fields: Array<[string, string]> = [
    ['id', statement.id],
    ['register', statement.register.slug],
    ['from', statement.from.name],
    ['to', statement.to.map((to) => to.name).join(', ')],
    ['purpose', statement.purpose],
    ['state', standing(statement)],
    ['deadline', deadlineText(statement.deadline)],
    ['visibility', statement.visibility],
    ['sent', statement.sentAt ? `${statement.sentAt} by ${statement.sentBy ?? '-'}` : '-'],
    ['their ref', statement.senderReference ?? '-'],
    ['our ref', statement.receiverReference ?? '-'],
    ['responses', contacts(statement.responseContacts)],
    ['technical', contacts(statement.technicalContacts)],
    ['you may', allowed.join(', ') || 'read'],
  ];
  if (statement.answer) {
    const { answer } = statement;
    fields.push([
      'answered',
      `${answer.at} by ${answer.organization.name}${answer.response ? ` with ${answer.response.id}` : ''}${answer.note ? `: ${answer.note}` : ''}`,
    ]);
  }
  if (statement.withdrawal) {
    fields.push(['withdrawn', `${statement.withdrawal.at}: ${statement.withdrawal.reason}`]);
  }
  for (const refers of statement.refersTo) fields.push(['refers to', link(refers)]);
  for (const referred of statement.referredBy) fields.push(['referred by', link(referred)]);
  const lines = [
    `${statement.title}`,
    ...fields.map(([name, value]) => `  ${name.padEnd(12)}${value.replace(/\s+/g, ' ')}`),
    '',
    statement.body || '(no text)',
    '',
  ];
  if (statement.attachments.length === 0) lines.push('No attachments.');
  else {
    lines.push(
      table(
        ['ATTACHMENT', 'SIZE', 'SHA-256', 'FILE'],
        statement.attachments.map((a) => [a.id, formatBytes(a.size), a.sha256, a.filename]),
      ),
    );
  }
  return lines.join('\n');
}

async function show(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommand('statements', args, { json: { type: 'boolean' } });
  const [id, extra] = positionals;
  if (!id) throw new UsageError('name the statement by its id', 'statements');
  if (extra) throw new UsageError(`unexpected ${extra}`, 'statements');
  const statement = await (await connect(io)).getStatement(id);
  print(io.stdout, values.json ? terminalSafeJson(statement) : describe(statement));
}

/** `liaison statements ls|show|send`: liaison statements between the parties of a register. */
export async function statements(args: string[], io: Io): Promise<void> {
  await runSubcommand('statements', { ls: list, show, send: sendStatement }, args, io);
}
