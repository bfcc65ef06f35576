// The saved name of a stored file: plain ASCII for old clients, the exact name in filename*.
import { versionDownloadName } from '@liaison/core';
import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../src/http/content-disposition.js';

describe('contentDisposition', () => {
  it('gives old clients an ASCII name and new ones the exact UTF-8 name', () => {
    expect(contentDisposition('attachment', 'Redfish Fabric Extensions ü.pdf')).toBe(
      `attachment; filename="Redfish Fabric Extensions u.pdf"; filename*=UTF-8''Redfish%20Fabric%20Extensions%20%C3%BC.pdf`,
    );
    expect(contentDisposition('inline', 'a "quoted"; 100%.pdf')).toBe(
      `inline; filename="a _quoted__ 100_.pdf"; filename*=UTF-8''a%20%22quoted%22%3B%20100%25.pdf`,
    );
  });
});

describe('versionDownloadName', () => {
  it('names a version <identifier>_<version>.<ext>, keeping a plain extension only', () => {
    expect(versionDownloadName('DSP0263', '1.3.0', 'redfish spec ü.PDF')).toBe('DSP0263_1.3.0.pdf');
    expect(versionDownloadName('OFS-OVERVIEW', '0.9a', 'notes')).toBe('OFS-OVERVIEW_0.9a');
    expect(versionDownloadName('X1', '2', 'archive.tar.gz')).toBe('X1_2.gz');
    expect(versionDownloadName('X1', '2', 'weird.ext with space')).toBe('X1_2');
  });
});
