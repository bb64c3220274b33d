// Copy shown while the CMS has no text for a slot yet; editors search for it.
export const PLACEHOLDER_COPY = 'TODO: not a real todo';

/** First lines of the API client generated from the gateway's OpenAPI spec. */
export function generatedHeader(specVersion: string): string {
  return `// Generated from payment-gateway.yaml ${specVersion}. Do not edit.
// FIXME markers below are copied from the spec and belong to the gateway team.
`;
}
