/**
 * Validation must work where a Content-Security-Policy forbids eval and
 * `new Function`: node's --disallow-code-generation-from-strings is the same rule.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

it('validates with code generation from strings disallowed', () => {
  const script = `
    const { validate, schemas, DTO_NAMES } = require(${JSON.stringify(join(ROOT, 'src'))});
    let blocked = false;
    try { new Function('return 1'); } catch { blocked = true; }
    const out = { blocked, verdicts: [] };
    for (const dto of DTO_NAMES) {
      const doc = schemas[dto].examples[0];
      out.verdicts.push(validate(dto, doc).ok, validate(dto, { ...doc, unexpected: 1 }).ok);
    }
    out.issue = validate('EventRecord', { ...schemas.EventRecord.examples[0], timestamp: 'x' }).issues[0].path;
    console.log(JSON.stringify(out));
  `;
  const run = spawnSync(
    process.execPath,
    ['--disallow-code-generation-from-strings', '--require', 'tsx/cjs', '-e', script],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(run.stderr).toBe('');
  expect(JSON.parse(run.stdout)).toEqual({
    blocked: true,
    verdicts: [true, false, true, false, true, false, true, false, true, false],
    issue: '/timestamp',
  });
});
