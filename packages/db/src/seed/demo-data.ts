/**
 * The fixed demo data: docs and tests rely on these slugs and addresses. The OFA/DMTF register's
 * text comes from the OFA/DMTF Work Register (shared/seed/ofa-dmtf-work-register.txt).
 */
import type { CommentKind, Disposition, Role } from '@liaison/core';
import type { NewRegisterDetails } from '../queries/register-details.js';
import type { NewRegister } from '../queries/register-records.js';

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

/** A demo register: what `insertRegister` writes, with its parties and items. */
export interface DemoRegister extends NewRegister {
  initiatedOn: string;
  parties: { organization: string; description: string }[];
  /** Every item of the register, in its order; gaps it leaves ("?") are `open`, never invented. */
  details: NewRegisterDetails;
}

const ofa = demoOrganizations.find((organization) => organization.slug === 'ofa')!;
const dmtf = demoOrganizations.find((organization) => organization.slug === 'dmtf')!;

export const demoRegisters: DemoRegister[] = [
  {
    slug: 'ofa-dmtf',
    title: 'OFA/DMTF Work Register',
    version: '1.0b',
    initiatedOn: '2018-09-13',
    summary:
      'The DMTF Work Register is created between the DMTF and an Alliance Partner to formally define the objectives, scope, benefits, and deliverables of the alliance partnership. The register helps both organizations coordinate efforts to achieve the stated goals and objectives.',
    state: 'approved',
    // "The next review date is expected to be March 2020": the date stands for the month's start.
    reviewDue: '2020-03-01',
    reviewDueAsWritten: 'March 2020',
    reviewProcess: 'DSP4003',
    reviewProcessUrl:
      'https://www.dmtf.org/sites/default/files/standards/documents/DSP4003_1.6.0.pdf',
    // "The Open Fabrics Alliance and the Distributed Management Task Force (DMTF)"
    parties: [
      { organization: 'ofa', description: ofa.description },
      { organization: 'dmtf', description: dmtf.description },
    ],
    details: {
      benefits: [
        {
          party: 'ofa',
          text: 'Access to Redfish expertise within the DMTF and its membership',
          open: false,
        },
        { party: 'dmtf', text: 'Access to fabric management expertise', open: false },
        {
          party: null,
          text: 'Cross-promote DMTF and OFA work products and events to their member companies.',
          open: false,
        },
        {
          party: null,
          text: "Activities to coordinate and align DMTF Redfish and OFA's work products.",
          open: false,
        },
      ],
      activities: [
        {
          party: 'ofa',
          text: 'Provides expertise on fabrics and their manageability',
          open: false,
        },
        { party: 'dmtf', text: 'Provides expertise on Redfish', open: false },
      ],
      limitations: [
        {
          party: 'ofa',
          text: 'OFA will not produce delegated standards that conflict or diverge from existing or proposed DMTF standards where possible.',
          open: false,
        },
      ],
      milestones: [
        {
          deliverable: 'DMTF and OFA approves of Work Register',
          timeframe: 'Oct 2018',
          state: 'planned',
          doneOn: null,
          open: false,
        },
        {
          deliverable: 'DMTF announces OFA as a new alliance partner and publish work register',
          timeframe: 'Oct 2018',
          state: 'planned',
          doneOn: null,
          open: false,
        },
        // The register's third row: no deliverable, timeframe "?".
        { deliverable: '', timeframe: '?', state: 'planned', doneOn: null, open: true },
      ],
      accessRules: [
        {
          scope: 'general',
          party: null,
          text: 'The DMTF and OFA may want to provide documentation and collateral to each other. This information can be exchanged publicly, or not.',
          open: false,
        },
        {
          scope: 'public',
          party: 'dmtf',
          text: 'DMTF will make the information available by posting as “Work-in-Progress”, “Informational”, or “Standard” (dmtf.org/redfish)',
          open: false,
        },
        {
          scope: 'public',
          party: 'ofa',
          text: 'OFA will make the information available by posting to the OFA web site.',
          open: false,
        },
        {
          scope: 'non-public',
          party: 'ofa',
          text: 'For non-public work in progress, …?',
          open: true,
        },
        {
          scope: 'intellectual-property',
          party: 'ofa',
          text: 'OFA can submit to the DMTF Technology Submission Portal (dmtf.org/standards/feedback)',
          open: false,
        },
        {
          scope: 'intellectual-property',
          party: null,
          text: 'OFA and DMTF can host a meeting to exchange the information',
          open: false,
        },
      ],
      commitments: [
        {
          from: 'dmtf',
          to: 'ofa',
          title: 'Redfish Fabric Extensions (work-in-progress)',
          note: 'These will generally be available on the public DMTF Redfish site.',
          documentIdentifier: 'DSP-WIP-FABRIC',
          open: false,
        },
        // "The OFA will make the following documents available to the DMTF. ?"
        { from: 'ofa', to: 'dmtf', title: '', note: '', documentIdentifier: null, open: true },
      ],
      contacts: [
        // "OFA: ?"
        { party: 'ofa', role: '', address: null, open: true },
        {
          party: 'dmtf',
          role: 'DMTF VP of Alliances',
          address: 'vpalliances@dmtf.org',
          open: false,
        },
        {
          party: 'dmtf',
          role: "DMTF's OFA Alliance Contacts mail-list",
          address: 'OFA-alliance@dmtf.org',
          open: false,
        },
      ],
      approvals: [
        {
          party: 'ofa',
          body: 'OFA Board',
          state: 'approved',
          resolution: null,
          approvedOn: null,
          asWritten: 'This document was approved by the OFA Board on xx/xx/2018.',
          // Under the register's heading "Corresponding OFA Document".
          note: 'There are no corresponding documents created by OFA.',
          resolutionDocument: null,
        },
        {
          party: 'dmtf',
          body: 'DMTF Board of Directors',
          state: 'pending',
          resolution: null,
          approvedOn: null,
          asWritten: 'Board Resolution <resolution ID>, on <date>.',
          note: '',
          resolutionDocument: null,
        },
      ],
    },
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
    reviewDueAsWritten: '',
    reviewProcess: 'DSP4003',
    reviewProcessUrl: '',
    parties: [
      {
        organization: 'snia',
        description: 'Provides expertise on storage management (Swordfish).',
      },
      { organization: 'dmtf', description: 'Provides expertise on Redfish.' },
    ],
    details: {
      benefits: [],
      activities: [
        {
          party: 'snia',
          text: 'Provides expertise on storage management (Swordfish)',
          open: false,
        },
        { party: 'dmtf', text: 'Provides expertise on Redfish', open: false },
      ],
      limitations: [],
      milestones: [
        {
          deliverable: 'DMTF and SNIA approve the Work Register',
          timeframe: '2026',
          state: 'planned',
          doneOn: null,
          open: false,
        },
      ],
      accessRules: [],
      commitments: [],
      contacts: [
        { party: 'snia', role: '', address: null, open: true },
        {
          party: 'dmtf',
          role: 'DMTF VP of Alliances',
          address: 'vpalliances@dmtf.org',
          open: false,
        },
      ],
      approvals: [],
    },
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
    title: 'Redfish Fabric Extensions (work-in-progress)',
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

export interface DemoStatement {
  /** Fixed, so that loading the demo data again finds it and leaves it as it is. */
  id: string;
  register: string;
  from: string;
  to: string[];
  title: string;
  purpose: 'information' | 'comment' | 'action';
  /** The deadline: this many days after the demo data is first loaded. */
  deadlineInDays: number | null;
  visibility: 'parties' | 'public';
  /** The demo document the body links to. */
  document: { organization: string; identifier: string };
  /** Markdown; `documentLink` is the portal link to the document (or its identifier alone). */
  body: (documentLink: string) => string;
}

export const demoStatements: DemoStatement[] = [
  {
    id: '5e0a7c1e-12a0-4c5b-9d1e-0fa0d317f001',
    register: 'ofa-dmtf',
    from: 'dmtf',
    to: ['ofa'],
    title: 'Redfish Fabric Extensions (work-in-progress) available for comment',
    purpose: 'comment',
    deadlineInDays: 30,
    visibility: 'parties',
    document: { organization: 'dmtf', identifier: 'DSP-WIP-FABRIC' },
    body: (documentLink) =>
      [
        'Under the OFA/DMTF Work Register the DMTF makes its work-in-progress **Redfish Fabric',
        'Extensions** available to the OpenFabrics Alliance, and asks for the OFA\u2019s comments.',
        '',
        `- The document: ${documentLink} (version 0.9a).`,
        '- It is shared with the parties of the register only; please do not forward it.',
        '',
        'Please send your comments as a response to this statement by the deadline. The DMTF and',
        'the OFA can host a meeting to go through them.',
      ].join('\n'),
  },
];

export interface DemoReviewComment {
  author: string;
  location: string;
  kind: CommentKind;
  body: string;
  proposedChange: string;
  disposition: { by: string; value: Disposition; response: string } | null;
}

/**
 * The demo call for comments: the DMTF asks the OFA about its fabric work in progress. It closes
 * REVIEW_DAYS days after the demo data is first loaded.
 */
export const demoReview = {
  organization: 'dmtf',
  identifier: 'DSP-WIP-FABRIC',
  version: '0.9a',
  title: 'Call for comments on Redfish Fabric Extensions 0.9a',
  note: 'The DMTF asks the OpenFabrics Alliance for comments on the fabric zone and endpoint model before the 1.0 draft.',
  openedBy: 'editor@dmtf.example',
  days: 30,
  comments: [
    {
      author: 'member@ofa.example',
      location: 'Section 5.3, Zone',
      kind: 'technical',
      body: 'Zones group endpoints one by one. OFS fabrics manage thousands of endpoints; a zone should be able to name endpoint groups.',
      proposedChange: 'Add an EndpointGroups link collection to Zone, alongside Endpoints.',
      disposition: {
        by: 'editor@dmtf.example',
        value: 'accepted-with-changes',
        response:
          'Agreed. 0.9b adds an EndpointGroups collection to Zone; the group resource follows the Redfish EndpointGroup schema.',
      },
    },
    {
      author: 'editor@ofa.example',
      location: 'Table 12',
      kind: 'editorial',
      body: 'The table lists "InfiniBand" twice with different descriptions.',
      proposedChange: '',
      disposition: null,
    },
  ] satisfies DemoReviewComment[],
};
