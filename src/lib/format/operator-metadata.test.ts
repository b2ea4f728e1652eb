import { describe, expect, it } from 'vitest';
import { decodeInlineMetadata, sanitizeMetadata } from './operator-metadata.ts';

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('operator metadata', () => {
  it('decodes base64 and percent-encoded inline JSON', () => {
    expect(
      decodeInlineMetadata(`data:application/json;base64,${b64('{"name":"Kiln","website":"https://kiln.example"}')}`),
    ).toEqual({
      name: 'Kiln',
      website: 'https://kiln.example',
      description: undefined,
      logo: undefined,
    });
    expect(decodeInlineMetadata(`data:application/json,${encodeURIComponent('{"name":"Ottie"}')}`)?.name).toBe('Ottie');
  });

  it.each([
    ['not JSON', `data:application/json;base64,${b64('{"name": "Half')}`],
    ['a remote URI', 'https://metadata.invalid/op.json'],
    ['bad base64', 'data:application/json;base64,@@@'],
    ['no fields', `data:application/json;base64,${b64('{"foo":1}')}`],
  ])('gives nothing for %s', (_, uri) => {
    expect(decodeInlineMetadata(uri)).toBeUndefined();
  });

  it('drops non-strings, overlong text, script URLs and non-image logos', () => {
    expect(
      sanitizeMetadata({
        name: { toString: () => 'x' },
        description: 'd'.repeat(1_001),
        website: 'javascript:alert(1)',
        logo: 'data:text/html;base64,PHNjcmlwdD4=',
      }),
    ).toBeUndefined();
    expect(sanitizeMetadata({ name: '  Lumen  ', logo: 'data:image/svg+xml;base64,PHN2Zy8+' })).toEqual({
      name: 'Lumen',
      description: undefined,
      website: undefined,
      logo: 'data:image/svg+xml;base64,PHN2Zy8+',
    });
  });
});
