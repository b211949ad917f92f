// docs/attribute-types.md must list exactly what the catalogue holds.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- specs read and write docs
import { readFileSync, writeFileSync } from 'node:fs';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- specs read and write docs
import { join } from 'node:path';
import { ATTRIBUTE_TYPES, attributeTypesMarkdown } from '../src';

const doc = join(__dirname, '../../../docs/attribute-types.md');

// Prettier aligns Markdown tables; compare content, not padding.
const normalize = (text: string) =>
  text
    .split('\n')
    .map((line) =>
      line
        .replace(/\s*\|\s*/g, '|')
        .replace(/-{3,}/g, '---')
        .trimEnd(),
    )
    .join('\n')
    .trim();

describe('docs/attribute-types.md', () => {
  it('is the generated catalogue', () => {
    const expected = `${attributeTypesMarkdown()}\n`;
    // After an update, run `npx prettier --write docs/attribute-types.md`.
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(doc, expected);
    expect(normalize(readFileSync(doc, 'utf8'))).toBe(normalize(expected));
    for (const spec of ATTRIBUTE_TYPES) expect(expected).toContain(`| ${spec.name} | ${spec.maxSize} |`);
  });
});
