/**
 * The one cleaning every chain- or metadata-sourced string goes through before it is shown: proposal
 * titles and bodies, vote reasons, slash reasons, operator names, descriptions and websites, delegate
 * statements. Svelte already shows it as text (never markup); this makes what the text hides visible:
 * - characters that reorder, hide or fake text (bidi controls, zero-width and other format characters,
 *   control characters, variation selectors, blank fillers, private-use and unassigned code points)
 *   become visible `[U+XXXX]` escapes, so "exe.txt" written right-to-left cannot pass for "txt.exe"
 *   (except an emoji's own: the selector that makes "⚠" read "⚠️", the joiner inside "👩‍💻");
 * - runs of combining marks are cut to a few, so stacked diacritics cannot cover the text around them;
 * - outside multi-line text, line breaks become spaces.
 * The rules are general (by Unicode category), not a list of known payloads.
 */

/** Format, control, private-use, unassigned, and the invisible fillers and selectors in other categories. */
const HIDDEN =
  /[\p{Cf}\p{Cc}\p{Co}\p{Cn}\p{Cs}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u3164\uFE00-\uFE0F\uFFA0\u{E0100}-\u{E01EF}]/gu;
/** More than this many combining marks on one character are dropped. */
const MAX_MARKS = 3;
const MARK_RUN = new RegExp(`(\\p{M}{${MAX_MARKS}})\\p{M}+`, 'gu');

const escape = (c: string) => `[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`;

/**
 * An assigned pictograph (with its presentation selector or skin tone) just before, or just after, a
 * position. Unassigned code points in the pictographic blocks are escaped, and so is what joins them.
 */
const PICTOGRAPH_BEFORE = /(?!\p{Cn})\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?$/u;
const PICTOGRAPH_AFTER = /^(?!\p{Cn})\p{Extended_Pictographic}/u;
const PICTOGRAPH_LAST = /(?!\p{Cn})\p{Extended_Pictographic}$/u;

/**
 * Whether the invisible character at `at` is part of an emoji as written: the presentation selector
 * right after a pictograph or a keycap's base ("⚠️", "1️⃣"), or a joiner between two pictographs
 * ("👩‍💻"). Anywhere else (after a letter, doubled, between letters) it is escaped like the rest.
 */
function inEmoji(c: string, at: number, text: string): boolean {
  const before = text.slice(Math.max(0, at - 4), at);
  if (c === '\uFE0F') return PICTOGRAPH_LAST.test(before) || (/[#*0-9]$/.test(before) && text[at + 1] === '\u20E3');
  if (c === '\u200D') return PICTOGRAPH_BEFORE.test(before) && PICTOGRAPH_AFTER.test(text.slice(at + 1, at + 3));
  return false;
}

/** `text` made safe to read; `multiline` keeps line breaks and tabs (descriptions, reasons). */
export function cleanText(text: string, { multiline = false }: { multiline?: boolean } = {}): string {
  let out = text.replace(/\r\n?/g, '\n');
  if (!multiline) out = out.replace(/[\n\t]+/g, ' ');
  out = out.replace(HIDDEN, (c, at: number, whole: string) =>
    (multiline && (c === '\n' || c === '\t')) || inEmoji(c, at, whole) ? c : escape(c),
  );
  return out.replace(MARK_RUN, '$1');
}

/** `text` cut to at most `max` characters (code points, so no character is split), the last an ellipsis. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}
