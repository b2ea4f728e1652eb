import { describe, expect, it } from 'vitest';
import { csvField, isoTime, toCsv } from './csv.ts';

describe('CSV', () => {
  it('quotes a field with a comma, quote or line break, doubling its quotes, and ends lines with CRLF', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(toCsv(['a', 'b'], [['1', 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });

  it('keeps outside text from running as a spreadsheet formula, and leaves the app’s own figures alone', () => {
    expect(csvField('=HYPERLINK("http://evil","click")', true)).toBe(`"'=HYPERLINK(""http://evil"",""click"")"`);
    expect(csvField('+1', true)).toBe("'+1");
    expect(csvField('@SUM(A1)', true)).toBe("'@SUM(A1)");
    expect(csvField('-5', false)).toBe('-5');
    expect(toCsv(['amount', 'title'], [['-0', '-x']], ['title'])).toBe("amount,title\r\n-0,'-x\r\n");
  });

  it('writes block times as ISO 8601 UTC', () => {
    expect(isoTime(1_700_000_000n)).toBe('2023-11-14T22:13:20.000Z');
  });
});
