/** Text from a rules file or a repository (window titles, file names) made safe inside HTML text and attribute values. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[<>&"']/g, (ch) => ESCAPES[ch] ?? ch);
}

const ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' };
