/**
 * `meshtax/model-boundary`: a file under src/model imports only src/model (issue #15). The core rule
 * `no-restricted-imports` matches specifiers as written, and `../x` leaves src/model or not depending on how deep the
 * file sits, so this rule resolves every relative specifier, and every bare one that the tsconfig `baseUrl` (and
 * webpack's `resolve.modules`) would find under src/, to a repo path before it decides. Packages are left to
 * `no-restricted-imports` (eslint.config.mjs).
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MODEL = 'src/model';

/** The repo-relative path a specifier resolves to, or undefined for a package. */
function target(spec, fromFile) {
  if (spec.startsWith('.') || isAbsolute(spec)) {
    return relative(ROOT, resolve(dirname(fromFile), spec))
      .split(sep)
      .join('/');
  }
  // baseUrl is ./src: `import 'panels/x'` compiles and bundles when src/panels exists, so it is a path, not a package.
  const first = spec.split('/')[0];
  const candidates = ['', '.ts', '.tsx', '.json'].map((ext) => join(ROOT, 'src', first + ext));
  return candidates.some((c) => existsSync(c)) ? `src/${spec}` : undefined;
}

const inside = (path, dir) => path === dir || path.startsWith(dir + '/');

export const modelBoundary = {
  meta: {
    type: 'problem',
    docs: { description: 'src/model imports nothing outside src/model (test files: also the listed helper folders)' },
    schema: [
      {
        type: 'object',
        properties: { allow: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
    messages: {
      outside:
        "'{{spec}}' resolves to {{path}}, outside src/model: the model stays pure (no app, panel or UI code); " +
        'move what both need into src/model.{{extra}}',
    },
  },
  create(context) {
    const allow = context.options[0]?.allow ?? [];
    const file = context.filename;
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') {
        return;
      }
      const path = target(source.value, file);
      if (path === undefined || inside(path, MODEL) || allow.some((dir) => inside(path, dir))) {
        return;
      }
      const extra = allow.length ? ` Test helpers may come from ${allow.join(', ')}.` : '';
      context.report({ node: source, messageId: 'outside', data: { spec: source.value, path, extra } });
    };
    return {
      ImportDeclaration: (n) => check(n, n.source),
      ExportAllDeclaration: (n) => check(n, n.source),
      ExportNamedDeclaration: (n) => check(n, n.source),
      ImportExpression: (n) => check(n, n.source.type === 'Literal' ? n.source : undefined),
      TSImportType: (n) => check(n, n.argument?.literal ?? n.argument),
      CallExpression: (n) => {
        if (n.callee.type === 'Identifier' && n.callee.name === 'require' && n.arguments[0]?.type === 'Literal') {
          check(n, n.arguments[0]);
        }
      },
    };
  },
};

export default { rules: { 'model-boundary': modelBoundary } };
