// Text from the workspace (debt notes, tickets, owners, file names) inside a Markdown table: it
// must neither end the cell nor become markup. Pipes are escaped, line breaks joined, and HTML
// shown as text (a ticket written `<img src=x onerror=…>` stays text in a rendered report).
export function markdownCell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');
}
