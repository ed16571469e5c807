import { canonicalJson, sha256Hex } from './canonical-json.util';

describe(canonicalJson.name, () => {
  it('should give the same text for the same data built in another order', () => {
    const one = canonicalJson({ values: { b: '2', a: '1', rows: [{ y: 1, x: 2 }] }, documents: [] });
    const other = canonicalJson({ documents: [], values: { rows: [{ x: 2, y: 1 }], a: '1', b: '2' } });
    expect(one).toBe(other);
    expect(one).toBe('{"documents":[],"values":{"a":"1","b":"2","rows":[{"x":2,"y":1}]}}');
  });

  it('should change the hash when one value changes', () => {
    expect(sha256Hex(canonicalJson({ iban: 'SA0380000000608010167519' }))).not.toBe(
      sha256Hex(canonicalJson({ iban: 'SA0380000000608010167518' })),
    );
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
