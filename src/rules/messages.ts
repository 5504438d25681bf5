import type { MessageData, RuleMeta } from './types.js';

/** `{{ name }}` placeholders, as ESLint writes them. */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The placeholder names a message template uses, in order of first use. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/**
 * The text of a hit: `meta.messages[messageId]` with each `{{name}}` replaced by `data.name`, or the hit's
 * literal `message`. An unknown id or a placeholder without data is a bug in the rule, so it throws (every
 * message of every rule is exercised by its test file).
 */
export function formatMessage(
  meta: Pick<RuleMeta, 'id' | 'messages'>,
  hit: { messageId?: string; data?: MessageData; message?: string },
): string {
  if (hit.messageId === undefined) {
    if (hit.message === undefined) throw new Error(`${meta.id}: a hit has neither messageId nor message`);
    return hit.message;
  }
  const template = meta.messages?.[hit.messageId];
  if (template === undefined) throw new Error(`${meta.id}: unknown messageId "${hit.messageId}"`);
  return template.replace(PLACEHOLDER, (_m, name: string) => {
    const v = hit.data?.[name];
    if (v === undefined) throw new Error(`${meta.id}: message "${hit.messageId}" needs data.${name}`);
    return String(v);
  });
}
