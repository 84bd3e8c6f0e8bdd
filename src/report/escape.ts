/** Escapes text for HTML or XML content and double-quoted attributes: the HTML, matrix, chart and JUnit reports share it. */
export const escapeMarkup = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * Text for one cell of a Markdown table: at most `max` characters (cut with a note of the full
 * length), pipes escaped, on one line. The Markdown report, the matrix, drift and the generated
 * README tables share it; each passes the width its table needs.
 */
export const markdownCell = (s: string, max = Number.POSITIVE_INFINITY): string =>
  cut(s, max).replace(/\|/g, "\\|").replace(/\n/g, " ");

/** At most `max` characters of `s`, and when cut, its full length and where to read the rest. */
export const cut = (s: string, max: number, rest = ""): string =>
  s.length > max ? `${s.slice(0, max)}… (${s.length} characters${rest})` : s;
