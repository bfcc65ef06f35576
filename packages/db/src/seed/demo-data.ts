/**
 * The fixed demo data: docs and tests rely on these slugs and addresses. The OFA/DMTF register's
 * text comes from the OFA/DMTF Work Register (shared/seed/ofa-dmtf-work-register.txt).
 */
import type { RegisterState, Role } from '@liaison/core';

export const DEMO_PASSWORD = 'liaison-demo';
export const DEMO_OPERATOR_EMAIL = 'operator@liaison.example';

export interface DemoOrganization {
  slug: string;
  name: string;
  description: string;
  iprPolicy: string;
}

export const demoOrganizations: DemoOrganization[] = [
  {
    slug: 'ofa',
    name: 'OpenFabrics Alliance',
    description:
      'The Open Fabrics Alliance (OFA) is an open source-based organization that develops, tests, licenses, supports and distributes OpenFabrics Software (OFS). The Alliance’s mission is to develop and promote software that enables maximum application efficiency by delivering wire-speed messaging, ultra-low latencies and maximum bandwidth directly to applications with minimal CPU overhead.',
    iprPolicy:
      'Contributions to the OpenFabrics Alliance are made under the OFA intellectual property rights policy. By submitting you confirm that you are authorized to contribute this material under that policy.',
  },
  {
    slug: 'dmtf',
    name: 'Distributed Management Task Force',
    description:
      'The Distributed Management Task Force is an industry standards organization working to simplify the manageability of network accessible technologies through open and collaborative efforts by leading technology companies. DMTF creates and drives the international adoption of interoperable management standards, supporting implementations that enable the management of diverse traditional and emerging technologies including cloud, virtualization, network and infrastructure.',
    iprPolicy:
      'Submissions to the DMTF Technology Submission Portal are subject to the DMTF IPR Policy. By submitting you confirm that you have read the policy and are authorized to contribute this material under it.',
  },
  {
    slug: 'snia',
    name: 'Storage Networking Industry Association',
    description:
      'The Storage Networking Industry Association (SNIA) is a DMTF alliance partner that develops standards and education for storage and information management.',
    iprPolicy:
      'Contributions to SNIA are made under the SNIA IP Policy. By submitting you confirm that you are authorized to contribute this material under that policy.',
  },
];

export interface DemoUser {
  email: string;
  name: string;
  operator: boolean;
  memberships: { organization: string; role: Role }[];
}

const ROLE_NAMES: Record<Role, string> = { admin: 'Admin', editor: 'Editor', member: 'Member' };

export const demoUsers: DemoUser[] = [
  ...demoOrganizations.flatMap((organization) =>
    (['admin', 'editor', 'member'] as const).map((role) => ({
      email: `${role}@${organization.slug}.example`,
      name: `${organization.slug.toUpperCase()} ${ROLE_NAMES[role]}`,
      operator: false,
      memberships: [{ organization: organization.slug, role }],
    })),
  ),
  { email: DEMO_OPERATOR_EMAIL, name: 'Portal Operator', operator: true, memberships: [] },
];

export interface DemoRegister {
  slug: string;
  title: string;
  version: string;
  initiatedOn: string;
  summary: string;
  state: RegisterState;
  reviewDue: string | null;
  reviewProcess: string;
  parties: { organization: string; description: string }[];
}

export const demoRegisters: DemoRegister[] = [
  {
    slug: 'ofa-dmtf',
    title: 'OFA/DMTF Work Register',
    version: '1.0b',
    initiatedOn: '2018-09-13',
    summary:
      'The DMTF Work Register is created between the DMTF and an Alliance Partner to formally define the objectives, scope, benefits, and deliverables of the alliance partnership. The register helps both organizations coordinate efforts to achieve the stated goals and objectives.',
    state: 'approved',
    // "The next review date is expected to be March 2020."
    reviewDue: '2020-03-01',
    reviewProcess:
      'DSP4003 (https://www.dmtf.org/sites/default/files/standards/documents/DSP4003_1.6.0.pdf)',
    parties: [
      {
        organization: 'ofa',
        description: 'Provides expertise on fabrics and their manageability.',
      },
      { organization: 'dmtf', description: 'Provides expertise on Redfish.' },
    ],
  },
  {
    slug: 'snia-dmtf',
    title: 'SNIA/DMTF Work Register',
    version: '0.1',
    initiatedOn: '2026-01-15',
    summary:
      'Draft work register between SNIA and the DMTF to coordinate storage management work (Swordfish and Redfish).',
    state: 'draft',
    reviewDue: null,
    reviewProcess: 'DSP4003',
    parties: [
      {
        organization: 'snia',
        description: 'Provides expertise on storage management (Swordfish).',
      },
      { organization: 'dmtf', description: 'Provides expertise on Redfish.' },
    ],
  },
];

export interface DemoDocument {
  organization: string;
  identifier: string;
  title: string;
  abstract: string;
  status: 'work-in-progress' | 'informational' | 'standard';
  visibility: 'public' | 'partners' | 'organization';
  registers: string[];
  /** Uploaded by the organization's editor, oldest first. */
  versions: string[];
}

export const demoDocuments: DemoDocument[] = [
  {
    organization: 'dmtf',
    identifier: 'DSP0266',
    title: 'Redfish Specification',
    abstract:
      'The Redfish standard: a RESTful interface for the management of servers, storage, networking and converged infrastructure.',
    status: 'standard',
    visibility: 'public',
    registers: [],
    versions: ['1.19.0', '1.20.0'],
  },
  {
    organization: 'dmtf',
    identifier: 'DSP2065',
    title: 'Redfish Fabrics Overview',
    abstract:
      'An informational white paper on how Redfish models fabrics, zones, endpoints and connections.',
    status: 'informational',
    visibility: 'public',
    registers: [],
    versions: ['1.0.0'],
  },
  {
    organization: 'dmtf',
    identifier: 'DSP-WIP-FABRIC',
    title: 'Redfish Fabric Extensions (WIP)',
    abstract:
      'Work-in-progress extensions of the Redfish fabric model, made available to the OpenFabrics Alliance under the OFA/DMTF Work Register.',
    status: 'work-in-progress',
    visibility: 'partners',
    registers: ['ofa-dmtf'],
    versions: ['0.9a'],
  },
  {
    organization: 'ofa',
    identifier: 'OFA-FMM',
    title: 'Fabric Management Model (OFA internal draft)',
    abstract:
      'Draft of the OpenFabrics fabric management model, internal to the OFA until it is submitted.',
    status: 'work-in-progress',
    visibility: 'organization',
    registers: [],
    versions: ['0.3'],
  },
  {
    organization: 'ofa',
    identifier: 'OFS-OVERVIEW',
    title: 'OpenFabrics Software Overview',
    abstract: 'What OpenFabrics Software (OFS) is, what it contains and how it is released.',
    status: 'informational',
    visibility: 'public',
    registers: [],
    versions: ['2025.1'],
  },
  {
    organization: 'snia',
    identifier: 'SWORDFISH',
    title: 'SNIA Swordfish Specification',
    abstract: 'Storage management built on Redfish: the Swordfish schema and its profiles.',
    status: 'standard',
    visibility: 'public',
    registers: [],
    versions: ['1.2.6'],
  },
  {
    organization: 'snia',
    identifier: 'SWORDFISH-MAP-WIP',
    title: 'Swordfish to Redfish Mapping (WIP)',
    abstract: 'Work in progress shared with the DMTF under the SNIA/DMTF Work Register.',
    status: 'work-in-progress',
    visibility: 'partners',
    registers: ['snia-dmtf'],
    versions: ['0.2'],
  },
];
