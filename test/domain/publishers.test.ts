import { describe, expect, it } from 'vitest';
import { publisherOrganisation } from '../../src/domain/publishers.ts';

describe('a publisher is counted as its organisation', () => {
  it('joins the World Bank datasets, however the publisher line is written', () => {
    expect(publisherOrganisation('World Bank')).toBe('World Bank');
    expect(publisherOrganisation('World Bank (Global Findex; survey fielded by Gallup, Inc.)')).toBe('World Bank');
    expect(publisherOrganisation('World Bank, Bureaucracy Lab')).toBe('World Bank');
    expect(publisherOrganisation('World Bank (D. Kaufmann and A. Kraay)')).toBe('World Bank');
  });

  it('keeps organisations apart, and a derived dataset with the organisation that made it', () => {
    expect(publisherOrganisation('International Telecommunication Union (ITU)')).toBe(
      'International Telecommunication Union',
    );
    expect(publisherOrganisation('Blavatnik School of Government, University of Oxford, from ILO (ILOSTAT) data')).toBe(
      'Blavatnik School of Government',
    );
  });
});
