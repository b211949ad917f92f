import { ATTRIBUTE_TYPES, type AttributeTypeSpec } from './attribute-types';

/** docs/attribute-types.md, generated from the catalogue (a spec keeps the file in step). */
export function attributeTypesMarkdown(types: readonly AttributeTypeSpec[] = ATTRIBUTE_TYPES): string {
  const section = (target: AttributeTypeSpec['target'], title: string) => [
    `## ${title}`,
    '',
    '| Name | Max Size | Allow Markdown | Create it? | What it holds |',
    '| --- | --- | --- | --- | --- |',
    ...types
      .filter((t) => t.target === target)
      .map(
        (t) =>
          `| ${t.name} | ${t.maxSize} | ${t.allowMarkdown ? 'yes' : 'no'} | ${t.builtIn ? 'built in (check it applies)' : 'yes'} | ${t.description} |`,
      ),
    '',
  ];
  return [
    '# Attribute types wiztc writes',
    '',
    '<!-- Generated from libs/mapping (ATTRIBUTE_TYPES); `UPDATE_GOLDEN=1 npx nx test mapping` rewrites it. -->',
    '',
    'A ThreatConnect administrator creates each type below (Org Config ▸ Attribute Types) before the first',
    'run, applying it to the object type named in the section title. Use at least the max size given:',
    'wiztc truncates a longer value to the max size ThreatConnect reports and records an issue.',
    'The same list is available as JSON: `attributeTypesJson()` from `@wiztc/mapping`.',
    '',
    ...section('Vulnerability', 'Vulnerability Group (Table 2)'),
    ...section('Case', 'Workflow Case (Table 3)'),
  ].join('\n');
}
