// A name for a captured path segment that a reader understands: the folder above it, in the
// singular ("features/{feature}", "entities/{entity}"), or the folder's own name otherwise.

export function captureNameAfter(folder: string | undefined, fallback: string): string {
  if (!folder || !/^[A-Za-z][A-Za-z0-9]{2,}$/.test(folder)) return fallback;
  if (/ies$/.test(folder)) return `${folder.slice(0, -3)}y`;
  if (/[^s]s$/.test(folder)) return folder.slice(0, -1);
  return folder;
}
