import { describe, expect, it } from 'vitest';
import { buildIcs } from './calendar.ts';

describe('buildIcs', () => {
  const ics = buildIcs({
    uid: 'vote-end-42@alt-governance',
    start: 1_767_225_600n,
    stamp: 1_767_000_000n,
    title: 'Voting ends: AIP-10; fund, things',
    description: `Line one\nLine two ${'long '.repeat(30)}`,
  });

  it('writes a valid VEVENT with UTC times', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('DTSTART:20260101T000000Z');
    expect(ics).toContain('DTEND:20260101T003000Z');
    expect(ics).toContain('SUMMARY:Voting ends: AIP-10\\; fund\\, things');
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
  });

  it('escapes newlines and folds long lines at 75 octets', () => {
    expect(ics).toContain('Line one\\nLine two');
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(ics).toMatch(/\r\n [^\r]/);
  });
});
