import { describe, expect, it } from 'vitest';
import { buildCalendar, buildIcs, escapeText, fold } from './ics.ts';

/** The content lines of a file, unfolded as RFC 5545 §3.1 says a reader does. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '').split('\r\n');

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
    expect(ics).toContain('DTSTAMP:20251229T092000Z');
    expect(ics).toContain('SUMMARY:Voting ends: AIP-10\\; fund\\, things');
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
  });

  it('escapes newlines and folds long lines at 75 octets', () => {
    expect(ics).toContain('Line one\\nLine two');
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(ics).toMatch(/\r\n [^\r]/);
  });
});

describe('buildCalendar (RFC 5545)', () => {
  const events = [
    {
      uid: 'vote-end-7@alt-governance-31337',
      start: 1_800_000_000n,
      stamp: 1_790_000_000n,
      title: 'Voting ends: “Fund the ✨ grants”, part 2',
      description: `${'Ünïcödé '.repeat(20)}\r\nback\\slash; semi`,
      url: 'https://app.example/#/governance/proposals/7',
    },
    {
      uid: 'unlock-3@alt-staking-31337',
      start: 1_800_100_000n,
      stamp: 1_790_000_000n,
      title: 'Unstaked ALT can be withdrawn',
      description: 'bell\u0007 and nul\u0000 are dropped',
      url: 'javascript:alert(1)',
    },
  ];
  const text = buildCalendar(events, 'ALT deadlines');
  const lines = unfold(text);

  it('ends every line with CRLF and has no bare CR or LF', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('has the calendar properties a reader requires, once', () => {
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.filter((l) => l === 'VERSION:2.0')).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('PRODID:'))).toHaveLength(1);
    expect(lines).toContain('X-WR-CALNAME:ALT deadlines');
    // PUBLISH would need an ORGANIZER (RFC 5546): a plain calendar file names no method.
    expect(lines.some((l) => l.startsWith('METHOD:'))).toBe(false);
  });

  it('gives each event its revision, so a later file replaces it where the calendar updates on import', () => {
    const revised = unfold(buildCalendar([{ ...events[0], sequence: 19_000_000n }]));
    expect(revised).toContain('SEQUENCE:19000000');
    expect(revised).toContain('LAST-MODIFIED:20260921T141320Z');
  });

  it('gives each event its UID and a DTSTAMP, DTSTART and DTEND in UTC', () => {
    const blocks = text.split('BEGIN:VEVENT').slice(1).map(unfold);
    expect(blocks).toHaveLength(2);
    blocks.forEach((block, i) => {
      expect(block).toContain(`UID:${events[i].uid}`);
      for (const name of ['DTSTAMP', 'DTSTART', 'DTEND'])
        expect(block.find((l) => l.startsWith(`${name}:`))).toMatch(new RegExp(`^${name}:\\d{8}T\\d{6}Z$`));
    });
  });

  it('folds at 75 octets without splitting a character, and unfolds to the original text', () => {
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    // Decoding each physical line alone proves no UTF-8 sequence was cut.
    for (const line of text.split('\r\n'))
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(line))).not.toThrow();
    const description = lines.find((l) => l.startsWith('DESCRIPTION:Ünïcödé'))!;
    expect(description).toBe(`DESCRIPTION:${'Ünïcödé '.repeat(20)}\\nback\\\\slash\\; semi`);
  });

  it('escapes TEXT, drops control characters, and keeps only http(s) links', () => {
    expect(lines).toContain('SUMMARY:Voting ends: “Fund the ✨ grants”\\, part 2');
    expect(lines).toContain('DESCRIPTION:bell and nul are dropped');
    expect(lines).toContain('URL:https://app.example/#/governance/proposals/7');
    expect(lines.filter((l) => l.startsWith('URL:'))).toHaveLength(1);
  });

  it('escapes and folds in isolation', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    expect(fold('x'.repeat(75))).toBe('x'.repeat(75));
    expect(fold('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
    expect(fold('é'.repeat(38))).toBe(`${'é'.repeat(37)}\r\n é`);
  });
});
