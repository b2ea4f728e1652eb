import { describe, expect, it } from 'vitest';
import { decodeInlineMetadata, readInlineMetadata, sanitizeMetadata } from './operator-metadata.ts';

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

  it.each([
    ['not JSON', `data:application/json;base64,${b64('{"name": "Half')}`, 'The metadata is not valid JSON.'],
    ['bad base64', 'data:application/json;base64,@@@', 'The metadata is not validly encoded.'],
    ['bad percent-encoding', 'data:application/json,%E0%A4%A', 'The metadata is not validly encoded.'],
    ['no usable field', `data:application/json,{"name":42}`, 'no usable name, website, description or logo'],
    ['huge', `data:application/json,{"name":"${'x'.repeat(300_000)}"}`, 'The metadata is too large (293 KiB'],
    ['another media type', 'data:text/html,<script>1</script>', 'not a JSON data URI'],
  ])('says what is wrong with %s', (_, uri, problem) => {
    const result = readInlineMetadata(uri);
    expect('problem' in result && result.problem).toContain(problem);
  });
});
