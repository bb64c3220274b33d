// The rules-file loader's public surface.
export { loadRules, sortProblems } from './loadRules';
export { findRulesFile, findRulesFilesBelow, RULES_FILE_NAME } from './findRulesFile';
export { guardrailsSchemaPath } from './schemaFile';
export { DEFAULT_DEBT_TAGS } from './normalizeDebt';
export { ALWAYS_EXCLUDED, DEFAULT_INCLUDE, DEFAULT_MAX_FILE_BYTES } from './normalizeConfig';
export { didYouMean } from '../util/didYouMean';
export * from '../model/ruleTypes';
