import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../src/search-query.js';

const tsquery = (text: string) => parseSearchQuery(text).tsquery;

describe('parseSearchQuery', () => {
  it('requires every word, each one quoted and lower-cased', () => {
    expect(tsquery('Fabric adapter')).toBe("'fabric' & 'adapter'");
  });

  it('reads a quoted phrase as adjacent words, also when the closing quote is missing', () => {
    expect(tsquery('"fabric adapter" zoning')).toBe("('fabric' <-> 'adapter') & 'zoning'");
    expect(tsquery('"fabric adapter')).toBe("('fabric' <-> 'adapter')");
  });

  it('reads a trailing star as a prefix, on the last word of a hyphenated one', () => {
    expect(tsquery('zon*')).toBe("'zon':*");
    expect(tsquery('fabric-adapt*')).toBe("('fabric' <-> 'adapt':*)");
  });

  it('excludes words with a minus and joins alternatives with or', () => {
    expect(tsquery('zoning -thermal')).toBe("'zoning' & !'thermal'");
    expect(tsquery('zoning -"thermal rules"')).toBe("'zoning' & !('thermal' <-> 'rules')");
    expect(tsquery('redfish zones or zoning')).toBe("'redfish' & ('zones' | 'zoning')");
    expect(tsquery('or zoning or')).toBe("'zoning'");
  });

  it('restricts the wanted words, not the excluded ones, to identifier and title for ranking', () => {
    expect(parseSearchQuery('zon* -thermal "fabric adapter"').titleTsquery).toBe(
      "'zon':*AB & !'thermal' & ('fabric':AB <-> 'adapter':AB)",
    );
  });

  it('keeps only letters, digits and marks of what is typed: no operator or quote gets through', () => {
    expect(tsquery("x' | !y & z:* <-> (w)")).toBe("'x' & 'y' & 'z':* & 'w'");
    expect(tsquery('o\'brien\\ "\'); drop table documents; --"')).toBe(
      "('o' <-> 'brien') & ('drop' <-> 'table' <-> 'documents')",
    );
    expect(tsquery('Überblick naïve 規格')).toBe("'überblick' & 'naïve' & '規格'");
  });

  it('has no query without a wanted word', () => {
    expect(parseSearchQuery('  !!! ** ')).toEqual({
      tsquery: null,
      titleTsquery: null,
      identifier: null,
    });
    expect(tsquery('-thermal')).toBeNull();
  });

  it('offers one identifier-shaped word for an exact identifier match', () => {
    expect(parseSearchQuery(' DSP0266 ').identifier).toBe('DSP0266');
    expect(parseSearchQuery('DSP0266 zoning').identifier).toBeNull();
  });

  it('caps the length of a word', () => {
    expect(tsquery('a'.repeat(150))).toBe(`'${'a'.repeat(100)}'`);
  });
});
