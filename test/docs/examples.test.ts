// Docs that cannot drift (issue 11): every `npx caseplan` example in the README and docs/ runs, and
// every output shown under one is exactly what caseplan prints. After a deliberate change, rewrite
// them with `node scripts/docs-examples.mjs --update` and read the diff.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module shared with the update script
import { documents, examplesOf, ROOT, run, sandbox, shown } from '../../scripts/docs-examples.mjs';

for (const doc of documents() as string[]) {
  const examples = examplesOf(readFileSync(join(ROOT, doc), 'utf8'));
  // The README and the guide are made of examples; the reference and method may have none.
  const needsExamples = doc === 'README.md' || doc === 'docs/guide.md';
  if (examples.length === 0 && !needsExamples) continue;
  describe(doc, () => {
    const cwd = sandbox();
    if (needsExamples) {
      it('has examples with shown outputs', () => {
        expect(examples.filter((e: { output: unknown }) => e.output !== null).length).toBeGreaterThan(0);
      });
    }
    for (const example of examples) {
      it(`line ${example.line}: ${example.command.slice(13, 110)}`, () => {
        const result = run(example.command, cwd);
        if (example.output === null) {
          expect(result.code, result.stderr).toBe(0);
          return;
        }
        expect(result.code, result.stderr).toBe(example.output.exit);
        const printed = example.output.kind === 'stdout' ? result.stdout : result.stderr;
        expect(shown(example.output, printed)).toBe(example.output.text);
      });
    }
  });
}
