/**
 * Text from the server (titles, names, file names, error messages) reaches people's terminals
 * through the CLI; anyone who may edit a title could otherwise drive those terminals with escape
 * sequences (colours, cursor moves, window titles, hyperlinks, clipboard writes).
 */

// Escape sequences first, 7-bit (ESC [ ...) and 8-bit (CSI U+009B ...) alike: CSI with its
// parameters, string sequences (OSC, DCS, SOS, PM, APC) up to their terminator, then ESC with the
// one character after it. Only then the lone control characters, so no sequence leaves a tail.
const ESCAPE_SEQUENCES = new RegExp(
  [
    '(?:\\u001b\\[|\\u009b)[0-?]*[ -/]*[@-~]?',
    '(?:\\u001b[\\]PX^_]|[\\u0090\\u0098\\u009d-\\u009f])[^\\u0007\\u001b\\u009c]*(?:\\u0007|\\u009c|\\u001b\\\\)?',
    '\\u001b.?',
  ].join('|'),
  'g',
);
// C0 except tab and newline, DEL, and C1 (the 8-bit CSI U+009B is among them).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the purpose
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** The text without escape sequences and control characters (tab and newline are kept). */
export function terminalSafe(text: string): string {
  return text.replace(ESCAPE_SEQUENCES, '').replace(CONTROL_CHARACTERS, '');
}

/** JSON for scripts, with DEL and C1 (which JSON.stringify leaves raw) escaped as \u00XX. */
export function terminalSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
