import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Modules that the public questionnaire bundles: they must not load zod (about 28 KB gzip) at run time. */
const ZOD_FREE = ['definition.constants.ts', 'answers.ts'];

/** Specifiers a module imports (or re-exports) values from; `import type` and `type` specifiers are erased. */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(new URL(file, import.meta.url), 'utf8'), ts.ScriptTarget.Latest);
  return source.statements.flatMap((statement) => {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (!clause.name && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.every((e) => e.isTypeOnly)));
      return typeOnly ? [] : [(statement.moduleSpecifier as ts.StringLiteral).text];
    }
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      return [(statement.moduleSpecifier as ts.StringLiteral).text];
    }
    return [];
  });
}

describe('zod-free modules', () => {
  it.each(ZOD_FREE)('%s imports values only from zod-free modules', (file) => {
    const outside = valueImports(file).filter((specifier) => !ZOD_FREE.includes(specifier.replace(/^\.\//, '')));
    expect(outside).toEqual([]);
  });

  // The check itself: it does see the schema module's zod import.
  it('sees that definition.schema.ts imports zod', () => {
    expect(valueImports('definition.schema.ts')).toContain('zod');
  });
});
