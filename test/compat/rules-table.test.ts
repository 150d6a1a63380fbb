/**
 * docs/compat.md's rule tables are generated from src/compat/rules.ts (the rules the gate applies), so the page can
 * never list a rule the gate does not know or miss one it applies. `UPDATE_RULES_TABLE=1 npx jest
 * test/compat/rules-table.test.ts` rewrites them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_IDS, RULES } from '../../src/compat/rules';

const PAGE = join(__dirname, '..', '..', 'docs', 'compat.md');
const START = '<!-- rules-table:start (generated from src/compat/rules.ts by test/compat/rules-table.test.ts) -->';
const END = '<!-- rules-table:end -->';

function cell(breaks: boolean): string {
  return breaks ? '**breaks**' : 'ok';
}

function tables(): string {
  const escape = (text: string): string => text.replace(/\|/g, '\\|');
  const changes = RULE_IDS.filter((id) => !RULES[id].policy).map(
    (id) =>
      `| \`${id}\` | ${cell(RULES[id].breaksBackward)} | ${cell(RULES[id].breaksForward)} | ${escape(RULES[id].summary)} |`,
  );
  const policy = RULE_IDS.filter((id) => RULES[id].policy).map((id) => `| \`${id}\` | ${escape(RULES[id].summary)} |`);
  return [
    START,
    '| rule id | backward | forward | change |',
    '|---|---|---|---|',
    ...changes,
    '',
    '| policy rule (fails in every mode, major bump or not) | what |',
    '|---|---|',
    ...policy,
    END,
  ].join('\n');
}

test('docs/compat.md lists every rule of src/compat/rules.ts, with its verdicts', () => {
  const page = readFileSync(PAGE, 'utf8');
  const from = page.indexOf(START);
  const to = page.indexOf(END);
  expect(from).toBeGreaterThanOrEqual(0);
  expect(to).toBeGreaterThan(from);
  const generated = tables();
  if (process.env.UPDATE_RULES_TABLE === '1')
    writeFileSync(PAGE, page.slice(0, from) + generated + page.slice(to + END.length));
  else expect(page.slice(from, to + END.length)).toBe(generated);
});
