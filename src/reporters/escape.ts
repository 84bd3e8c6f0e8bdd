/** Escapes text for HTML or XML content and double-quoted attributes: the HTML, matrix, chart and JUnit reports share it. */
export const escapeMarkup = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
