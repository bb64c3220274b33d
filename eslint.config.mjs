// ESLint (flat config) with typescript-eslint: `npm run lint`, part of `npm test`.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test/fixtures/**', 'examples/**', 'bench/.cache/**', 'bench/node_modules/**', '.example-history/**', '.test-artifacts/**', 'media/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Promises are either awaited or deliberately let go with `void`.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      // Async handlers without an await are how the protocol and VS Code ask for a Thenable.
      '@typescript-eslint/require-await': 'off',
      // Passing `paint.red` or `log.info` along is how the reporters are written; they do not use `this`.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // No size limit by accident: a spread into a call's arguments puts every element on the stack,
    // and a few hundred thousand (a 50,000-file workspace's edges) overflow it. Use appendAll,
    // maxOf and minOf from src/core/util/arrays.ts. Where the array is bounded by something other
    // than the workspace (a handful of rules, a fixed list), say so in a disable comment:
    //   // eslint-disable-next-line no-restricted-syntax -- bounded: at most one entry per rule
    files: ['src/**/*.ts', 'bench/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.property.name=/^(push|unshift|splice)$/] > SpreadElement", message: 'A spread into push/unshift/splice overflows the stack on large arrays: use appendAll (src/core/util/arrays.ts) or a loop.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name=/^(max|min)$/] > SpreadElement", message: 'Math.max/min over a spread overflows the stack on large arrays: use maxOf/minOf (src/core/util/arrays.ts).' },
        { selector: "CallExpression[callee.object.name='String'][callee.property.name=/^fromC(harCode|odePoint)$/] > SpreadElement", message: 'String.fromCharCode over a spread overflows the stack on large arrays: decode with TextDecoder or in chunks.' },
        { selector: "CallExpression[callee.property.name='apply'][arguments.length=2]", message: '.apply with an argument array overflows the stack on large arrays: use a loop (appendAll, maxOf).' },
        { selector: ":matches(ForStatement, ForInStatement, ForOfStatement, WhileStatement, DoWhileStatement) AssignmentExpression[left.type='Identifier'] > CallExpression[callee.property.name='concat']", message: 'concat in a loop copies the whole array each time (quadratic): push into one array (appendAll).' },
        { selector: ":matches(ForStatement, ForInStatement, ForOfStatement, WhileStatement, DoWhileStatement) AssignmentExpression[left.type='Identifier'] > ArrayExpression > SpreadElement", message: 'Re-spreading an array in a loop copies it each time (quadratic): push into one array (appendAll).' },
      ],
    },
  },
  {
    // The engine's types are its contract: no `any` there.
    files: ['src/core/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    // Tests and scripts may assert loosely on parsed JSON.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off', '@typescript-eslint/no-unsafe-call': 'off', '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['**/*.mjs', '**/*.js'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { globals: globals.node } },
);
