import type { AuditEvent } from '@liaison/core';
import { csvRow } from '@liaison/core';
import { describe, expect, it } from 'vitest';
import { AUDIT_CSV_HEADER, auditCsvFilename, auditCsvRows, auditCsvValues } from '../lib/audit-csv';

const event: AuditEvent = {
  id: '42',
  occurredAt: '2026-05-04T10:00:00.000Z',
  actor: '=cmd|"/c calc"!A1@evil.example',
  action: 'document.update',
  objectType: 'document',
  objectId: '7f1c…',
  objectName: '@SUM(1) · title',
  organization: 'ofa',
  onBehalfOf: 'dmtf',
  address: '127.0.0.1',
  details: { title: '+Redfish, "fabric" draft' },
};

describe('audit CSV', () => {
  it('has one column per header', () => {
    expect(auditCsvValues(event)).toHaveLength(AUDIT_CSV_HEADER.length);
    expect(csvRow(AUDIT_CSV_HEADER)).toBe(
      'id,occurred_at,actor,action,object_type,object_id,object_name,organization,on_behalf_of,address,details\r\n',
    );
  });

  it('guards attacker-controlled cells against formulas and quotes them safely', () => {
    expect(auditCsvRows([event])).toBe(
      `42,2026-05-04T10:00:00.000Z,"'=cmd|""/c calc""!A1@evil.example",document.update,document,7f1c…,'@SUM(1) · title,ofa,dmtf,127.0.0.1,"{""title"":""+Redfish, \\""fabric\\"" draft""}"\r\n`,
    );
  });

  it('writes empty cells for missing values and empty details', () => {
    const row = auditCsvRows([
      {
        ...event,
        actor: null,
        objectId: null,
        objectName: null,
        organization: null,
        onBehalfOf: null,
        address: null,
        details: {},
      },
    ]);
    expect(row).toBe('42,2026-05-04T10:00:00.000Z,,document.update,document,,,,,,\r\n');
  });

  it('names the file after the UTC date', () => {
    expect(auditCsvFilename(new Date('2026-05-04T23:30:00-02:00'))).toBe('audit-2026-05-05.csv');
  });
});
