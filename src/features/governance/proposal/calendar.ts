/**
 * An iCalendar (RFC 5545) event built in the browser, so "add to calendar" sends nothing anywhere.
 * Text from the chain goes into the file escaped, and lines are folded at 75 octets as the RFC asks.
 */
import { downloadText } from '../../../lib/ui/download.ts';

export interface CalendarEvent {
  uid: string;
  /** Seconds since the epoch (a block timestamp). */
  start: bigint;
  title: string;
  description: string;
  url?: string;
  /** The file's creation stamp: chain time too, so the file is reproducible. */
  stamp: bigint;
}

const escape = (text: string) =>
  text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

const utc = (seconds: bigint) =>
  new Date(Number(seconds) * 1000)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

function fold(line: string): string {
  const bytes = new TextEncoder();
  const out: string[] = [];
  let current = '';
  for (const char of line) {
    if (bytes.encode(current + char).length > (out.length ? 74 : 75)) {
      out.push(current);
      current = char;
    } else current += char;
  }
  out.push(current);
  return out.join('\r\n ');
}

export function buildIcs(event: CalendarEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//ALT Governance//EN',
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:${escape(event.uid)}`,
    `DTSTAMP:${utc(event.stamp)}`,
    `DTSTART:${utc(event.start)}`,
    `DTEND:${utc(event.start + 1800n)}`,
    `SUMMARY:${escape(event.title)}`,
    `DESCRIPTION:${escape(event.description)}`,
    ...(event.url ? [`URL:${escape(event.url)}`] : []),
    'BEGIN:VALARM',
    'TRIGGER:-PT1H',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escape(event.title)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** Starts a download of the event's file, built in the browser. */
export const downloadIcs = (event: CalendarEvent, filename: string) =>
  downloadText(filename, 'text/calendar', buildIcs(event));
