import 'server-only';
import {
  isSlug,
  type RegisterPage,
  statementWritingOrganizations,
  type WorkRegisterSummary,
} from '@liaison/core';
import { type ApiResponse, callApi, listRegisters } from './api';
import { viewerActor } from './auth/viewer-actor';
import type { Viewer } from './session';

export interface Party {
  slug: string;
  name: string;
}

/** What the draft form needs of a register: its parties, and those the viewer writes for. */
export interface StatementRegister {
  slug: string;
  title: string;
  approved: boolean;
  parties: Party[];
  writesFor: Party[];
}

function partiesOf(register: Pick<WorkRegisterSummary, 'parties'>): Party[] {
  return register.parties.map((party) => ({ slug: party.organization, name: party.name }));
}

/** The register the draft is written under, as the viewer sees it; null when they cannot. */
export async function statementRegister(
  slug: string,
  viewer: Viewer,
): Promise<ApiResponse<StatementRegister | null>> {
  if (!isSlug(slug)) return { ok: true, data: null };
  const answer = await callApi<RegisterPage>(`/api/v1/registers/${encodeURIComponent(slug)}`);
  if (!answer.ok) return answer.error.status === 404 ? { ok: true, data: null } : answer;
  const writable = statementWritingOrganizations(viewerActor(viewer));
  const parties = partiesOf(answer.data);
  return {
    ok: true,
    data: {
      slug: answer.data.slug,
      title: answer.data.title,
      approved: answer.data.state === 'approved',
      parties,
      writesFor: parties.filter((party) => writable.includes(party.slug)),
    },
  };
}

/** The approved registers the viewer may write statements under (for choosing one). */
export async function writableRegisters(
  viewer: Viewer,
): Promise<ApiResponse<Pick<StatementRegister, 'slug' | 'title'>[]>> {
  const answer = await listRegisters({ token: undefined });
  if (!answer.ok) return answer;
  const writable = statementWritingOrganizations(viewerActor(viewer));
  return {
    ok: true,
    data: answer.data
      .filter((register) => register.state === 'approved')
      .filter((register) => register.parties.some((p) => writable.includes(p.organization)))
      .map(({ slug, title }) => ({ slug, title })),
  };
}
