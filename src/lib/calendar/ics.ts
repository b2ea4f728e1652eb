/**
 * iCalendar (RFC 5545) files built in the browser, so "add to calendar" sends nothing anywhere: one
 * proposal's deadline, or every deadline of an account. Text from the chain goes in escaped (and
 * without control characters), lines end in CRLF and fold at 75 octets, never inside a character.
 */
import { downloadText } from '../ui/download.ts';

export interface CalendarEvent {
  /** Stable across files: importing a newer file updates the event instead of adding a second. */
  uid: string;
  /** Seconds since the epoch (a block timestamp, or a time computed from one). */
  start: bigint;
  title: string;
  description: string;
  /** The page in the app the event is about (http or https only). */
  url?: string;
  /** The file's creation stamp: chain time too, so the file is reproducible. */
  stamp: bigint;
  /**
   * The revision (the block the file was read at): a later file's event has a higher one, which is
   * how a calendar that updates on import knows it replaces the earlier.
   */
  sequence?: bigint;
}

/** TEXT as RFC 5545 §3.3.11 writes it: backslash, semicolon, comma and line breaks escaped. */
export const escapeText = (text: string) =>
  text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');

/** A UTC DATE-TIME ("20260101T000000Z"). */
export const icsTime = (seconds: bigint) =>
  new Date(Number(seconds) * 1000)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** A content line folded at 75 octets (RFC 5545 §3.1); continuation lines start with one space. */
export function fold(line: string): string {
  const bytes = new TextEncoder();
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const width = bytes.encode(char).length;
    // The first line holds 75 octets; each later one 74 after its leading space.
    if (size + width > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += width;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** A URI for the URL property: only http(s), and nothing that could end the line. */
const safeUrl = (url: string | undefined) => {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
};

/** Events last half an hour and remind an hour before. */
const veventLines = (event: CalendarEvent) => {
  const url = safeUrl(event.url);
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${icsTime(event.stamp)}`,
    `LAST-MODIFIED:${icsTime(event.stamp)}`,
    ...(event.sequence !== undefined ? [`SEQUENCE:${event.sequence}`] : []),
    `DTSTART:${icsTime(event.start)}`,
    `DTEND:${icsTime(event.start + 1800n)}`,
    `SUMMARY:${escapeText(event.title)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    ...(url ? [`URL:${url}`] : []),
    'BEGIN:VALARM',
    'TRIGGER:-PT1H',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(event.title)}`,
    'END:VALARM',
    'END:VEVENT',
  ];
};

/** A calendar of `events` (in the order given), named `name` for the apps that show one. */
export function buildCalendar(events: readonly CalendarEvent[], name?: string): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//ALT Governance//EN',
    'CALSCALE:GREGORIAN',
    ...(name ? [`X-WR-CALNAME:${escapeText(name)}`] : []),
    ...events.flatMap(veventLines),
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

export const buildIcs = (event: CalendarEvent) => buildCalendar([event]);

/** Starts a download of the event's file, built in the browser. */
export const downloadIcs = (event: CalendarEvent, filename: string) =>
  downloadText(filename, 'text/calendar', buildIcs(event));
