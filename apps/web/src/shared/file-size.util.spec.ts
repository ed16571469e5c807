import { formatFileSize } from './file-size.util';

describe(formatFileSize.name, () => {
  it('should write kilobytes and megabytes in the interface’s digits, never zero for a small file', () => {
    expect(formatFileSize(5 * 1024 * 1024, 'en')).toBe('5 MB');
    expect(formatFileSize(1536 * 1024, 'en')).toBe('1.5 MB');
    expect(formatFileSize(300, 'en')).toBe('1 kB');
    expect(formatFileSize(2048, 'en')).toBe('2 kB');
    expect(formatFileSize(5 * 1024 * 1024, 'ar')).toMatch(/^٥/);
    expect(formatFileSize(5 * 1024 * 1024, 'ar')).not.toMatch(/[0-9]/);
  });
});
