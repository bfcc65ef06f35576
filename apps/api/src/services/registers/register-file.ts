/**
 * A work register as a structured file (JSON or YAML, schema WorkRegisterFileSchema): reading one,
 * and finding every problem in it at once, each with its path, before anything is written.
 */
import {
  RegisterApprovalItemSchema,
  RegisterCommitmentItemSchema,
  RegisterContactItemSchema,
  RegisterMilestoneItemSchema,
  type WorkRegisterFile,
  WorkRegisterFileSchema,
} from '@liaison/core';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import {
  commitmentProblems,
  contactProblems,
  milestoneProblems,
  type Problem,
  partyProblems,
  prefixed,
} from './item-rules.js';

// Every error, not the first: a file is fixed in one go. Files come from the operator's disk.
const ajv = new Ajv({ allErrors: true, strict: false });
formats.default(ajv);
const validateFile = ajv.compile(WorkRegisterFileSchema) as ValidateFunction<WorkRegisterFile>;
const itemValidators = {
  milestones: ajv.compile(RegisterMilestoneItemSchema),
  commitments: ajv.compile(RegisterCommitmentItemSchema),
  contacts: ajv.compile(RegisterContactItemSchema),
  approvals: ajv.compile(RegisterApprovalItemSchema),
};

export class RegisterFileError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `The register file has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((problem) => `  ${problem.path || '/'}: ${problem.message}`).join('\n'),
    );
    this.name = 'RegisterFileError';
  }
}

/** Parses a register file: JSON for *.json, YAML otherwise (YAML also reads JSON). */
export function parseRegisterFile(text: string, fileName: string): unknown {
  try {
    return fileName.toLowerCase().endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new RegisterFileError([
      {
        path: '',
        message: `not valid ${fileName.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message}`,
      },
    ]);
  }
}

/**
 * Ajv's errors as one problem per path: a value that fits no branch of a union gets each branch's
 * complaint, which reads better merged ("must be one of 'draft', 'approved'").
 */
function schemaProblems(errors: readonly ErrorObject[]): Problem[] {
  const byPath = new Map<string, { allowed: string[]; messages: string[] }>();
  for (const error of errors) {
    const params = error.params as Record<string, unknown>;
    const path =
      error.keyword === 'required'
        ? `${error.instancePath}/${String(params.missingProperty)}`
        : error.keyword === 'additionalProperties'
          ? `${error.instancePath}/${String(params.additionalProperty)}`
          : error.instancePath;
    const entry = byPath.get(path) ?? { allowed: [], messages: [] };
    byPath.set(path, entry);
    if (error.keyword === 'anyOf') continue;
    if (error.keyword === 'const') entry.allowed.push(JSON.stringify(params.allowedValue));
    else {
      const message =
        error.keyword === 'required'
          ? 'is missing'
          : error.keyword === 'additionalProperties'
            ? 'is not a known field'
            : (error.message ?? 'is invalid');
      if (!entry.messages.includes(message)) entry.messages.push(message);
    }
  }
  return [...byPath].map(([path, { allowed, messages }]) => ({
    path,
    message: [
      ...messages,
      ...(allowed.length ? [`must be one of ${allowed.join(', ')}`] : []),
    ].join(' or '),
  }));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function listOf(data: Record<string, unknown>, key: string): unknown[] {
  const value = data[key];
  return Array.isArray(value) ? value : [];
}

/** `problemsOf` each item of `section` that matches its schema, at the item's place in the file. */
function itemProblems<Section extends 'milestones' | 'commitments' | 'contacts'>(
  data: Record<string, unknown>,
  section: Section,
  problemsOf: (item: WorkRegisterFile[Section][number]) => Problem[],
): Problem[] {
  return listOf(data, section).flatMap((item, index) =>
    itemValidators[section](item)
      ? prefixed(`/${section}/${index}`, problemsOf(item as WorkRegisterFile[Section][number]))
      : [],
  );
}

/**
 * The rules a schema cannot state, checked on every item that matches its own schema (so a file
 * with both kinds of problem reports both): each party named once, items naming parties of the
 * register, fields that go together.
 */
function ruleProblems(data: unknown): Problem[] {
  if (!isRecord(data)) return [];
  const problems: Problem[] = [];
  const parties: string[] = [];
  for (const [index, party] of listOf(data, 'parties').entries()) {
    if (!isRecord(party) || typeof party.organization !== 'string') continue;
    if (parties.includes(party.organization)) {
      problems.push({
        path: `/parties/${index}/organization`,
        message: `'${party.organization}' is named twice`,
      });
    }
    parties.push(party.organization);
  }
  for (const section of ['benefits', 'activities', 'limitations', 'accessRules', 'approvals']) {
    for (const [index, item] of listOf(data, section).entries()) {
      if (isRecord(item) && (typeof item.party === 'string' || item.party === null)) {
        problems.push(...partyProblems(item.party, parties, `/${section}/${index}/party`));
      }
    }
  }
  const approved = new Set<string>();
  for (const [index, item] of listOf(data, 'approvals').entries()) {
    if (!itemValidators.approvals(item)) continue;
    const approval = item as {
      party: string;
      state: string;
      resolution?: unknown;
      approvedOn?: unknown;
    };
    if (approved.has(approval.party)) {
      problems.push({ path: `/approvals/${index}/party`, message: 'one approval per party' });
    }
    approved.add(approval.party);
    if (approval.state === 'pending' && (approval.resolution || approval.approvedOn)) {
      problems.push({
        path: `/approvals/${index}/state`,
        message: 'a pending approval has no resolution and no date',
      });
    }
  }
  problems.push(
    ...itemProblems(data, 'milestones', (milestone) =>
      milestoneProblems({
        ...milestone,
        doneOn: milestone.doneOn ?? null,
        open: milestone.open ?? false,
      }),
    ),
    ...itemProblems(data, 'commitments', (commitment) =>
      commitmentProblems(
        { ...commitment, document: commitment.document ?? null, open: commitment.open ?? false },
        parties,
      ),
    ),
    ...itemProblems(data, 'contacts', (contact) =>
      contactProblems({ ...contact, open: contact.open ?? false }, parties),
    ),
  );
  return problems;
}

/** The file as a register, or RegisterFileError listing every problem found in the file itself. */
export function checkRegisterFile(data: unknown): WorkRegisterFile {
  const valid = validateFile(data);
  const problems = [
    ...(valid ? [] : schemaProblems(validateFile.errors ?? [])),
    ...ruleProblems(data),
  ];
  if (problems.length > 0 || !valid) throw new RegisterFileError(problems);
  return data;
}
