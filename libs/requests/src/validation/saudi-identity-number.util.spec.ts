import { checkSaudiIdentityNumber } from './saudi-identity-number.util';

// Published examples:
// - 1058529940 and 1001244019: the worked examples of the check-digit rule in the answer to "Saudi Iqama/National
//   Identity number field validation" (Stack Overflow, mirrored at sql-oc.wekeepcoding.com/article/17604300).
// - 1000000008 (valid) and 1000000000 (invalid): the README of the saudi-id-validator npm package
//   (github.com/malzaid0/saudi-id-validator-npm).
// - 1071724369 (invalid): the usage example of the saudi-id-validator package on PyPI (pypi.org/project/saudi-id-validator).
// No published valid iqama number was found; 2000000006 and 2105578922 are built from the same rule and the leading
// digit 2 that the SAMA Rulebook gives residents ("Explanation of the Combination of the Ten-Digit Computer Number of
// the Ministry of Interior", rulebook.sama.gov.sa/en/node/2420).
describe(checkSaudiIdentityNumber.name, () => {
  it.each([
    ['1058529940', 'national_id'],
    ['1001244019', 'national_id'],
    ['1000000008', 'national_id'],
    ['2000000006', 'iqama'],
    ['2105578922', 'iqama'],
  ])('should accept the published %s as a %s', (input, kind) => {
    expect(checkSaudiIdentityNumber(input)).toEqual({ value: input, kind });
  });

  it.each(['1000000000', '1071724369', '1058529941', '2000000007'])('should refuse %s for its check digit', (input) => {
    expect(checkSaudiIdentityNumber(input).problem).toBe('checksum');
  });

  it('should read Arabic-Indic digits, spaces and dashes as the number they show', () => {
    expect(checkSaudiIdentityNumber('١٠٠٠٠٠٠٠٠٨')).toEqual({ value: '1000000008', kind: 'national_id' });
    expect(checkSaudiIdentityNumber('1058 529 940')).toEqual({ value: '1058529940', kind: 'national_id' });
  });

  it('should refuse a number that starts with neither 1 nor 2, whatever its check digit', () => {
    // 3000000004 passes the Luhn rule; only citizens (1) and residents (2) have these numbers.
    expect(checkSaudiIdentityNumber('3000000004')).toEqual({ value: '3000000004', problem: 'prefix' });
  });

  it.each(['100000000', '10000000080', 'not a number', ''])('should refuse %p as not ten digits', (input) => {
    expect(checkSaudiIdentityNumber(input).problem).toBe('format');
  });
});
