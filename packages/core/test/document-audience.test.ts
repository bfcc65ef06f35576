import { describe, expect, it } from 'vitest';
import { documentAudience, isPartnersWithoutRegister } from '../src/document-audience.js';

const OFA = { organization: 'ofa', name: 'OFA' };
const DMTF = { organization: 'dmtf', name: 'DMTF' };
const SNIA = { organization: 'snia', name: 'SNIA' };
const OFA_DMTF = { slug: 'ofa-dmtf', title: 'OFA/DMTF work register', parties: [OFA, DMTF] };
const SNIA_DMTF = { slug: 'snia-dmtf', title: 'SNIA/DMTF work register', parties: [SNIA, DMTF] };

describe('a partners document needs a register', () => {
  it('refuses partners with no register, and nothing else', () => {
    expect(isPartnersWithoutRegister({ visibility: 'partners', registers: [] })).toBe(true);
    expect(isPartnersWithoutRegister({ visibility: 'partners', registers: ['ofa-dmtf'] })).toBe(
      false,
    );
    expect(isPartnersWithoutRegister({ visibility: 'organization', registers: [] })).toBe(false);
    expect(isPartnersWithoutRegister({ visibility: 'public', registers: [] })).toBe(false);
  });
});

describe('documentAudience', () => {
  it('names everyone for public and the owner alone for organization, whatever the registers', () => {
    expect(documentAudience('ofa', 'public', [OFA_DMTF])).toEqual({ kind: 'everyone' });
    expect(documentAudience('ofa', 'organization', [OFA_DMTF])).toEqual({ kind: 'owner-only' });
  });

  it('names nobody else for partners under no register', () => {
    expect(documentAudience('ofa', 'partners', [])).toEqual({ kind: 'nobody-else' });
  });

  it('names every other party once, with every register that reaches it', () => {
    expect(documentAudience('dmtf', 'partners', [OFA_DMTF, SNIA_DMTF])).toEqual({
      kind: 'partners',
      partners: [
        { organization: 'ofa', name: 'OFA', through: ['OFA/DMTF work register'] },
        { organization: 'snia', name: 'SNIA', through: ['SNIA/DMTF work register'] },
      ],
    });
    const twoWays = { ...SNIA_DMTF, slug: 'ofa-dmtf-2', title: 'Second', parties: [OFA, DMTF] };
    expect(documentAudience('ofa', 'partners', [OFA_DMTF, twoWays])).toEqual({
      kind: 'partners',
      partners: [
        { organization: 'dmtf', name: 'DMTF', through: ['OFA/DMTF work register', 'Second'] },
      ],
    });
  });
});
