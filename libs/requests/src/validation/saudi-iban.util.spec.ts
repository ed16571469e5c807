import { checkSaudiIban } from './saudi-iban.util';

// SA0380000000608010167519 is Saudi Arabia's example in the SWIFT IBAN Registry (the ISO 13616 registration
// authority's list of IBAN formats), in electronic format; "SA03 8000 0000 6080 1016 7519" is its print format.
describe(checkSaudiIban.name, () => {
  it('should accept the IBAN Registry example in electronic and print format', () => {
    expect(checkSaudiIban('SA0380000000608010167519')).toEqual({ value: 'SA0380000000608010167519' });
    expect(checkSaudiIban('SA03 8000 0000 6080 1016 7519')).toEqual({ value: 'SA0380000000608010167519' });
    expect(checkSaudiIban('sa0380000000608010167519')).toEqual({ value: 'SA0380000000608010167519' });
  });

  it.each([
    // The registry example with its last digit changed, and with two digits swapped: mod 97 catches both.
    'SA0380000000608010167518',
    'SA0380000000608010176519',
    // Wrong check digits.
    'SA0480000000608010167519',
  ])('should refuse %s for its check digits', (input) => {
    expect(checkSaudiIban(input).problem).toBe('checksum');
  });

  it.each([
    'SA038000000060801016751',
    'SA03800000006080101675190',
    'AE070331234567890123456',
    'GB82WEST12345698765432',
    'SAXX80000000608010167519',
    '',
  ])('should refuse %p as not the Saudi format', (input) => {
    expect(checkSaudiIban(input).problem).toBe('format');
  });
});
