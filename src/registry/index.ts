/** The registry part of a target: model (types.ts), store, .reg parsing and writing, view helpers. */
export * from './types.js';
export { RegistryStore } from './store.js';
export { parseRegFile, parseRegText, parseRegBuffer, type ParseOptions, type ParseResult, type RegEncoding } from './reg-file.js';
export { loadRegistryFiles, compareRegFileNames, type LoadResult, type LoadedFile } from './merge.js';
export { writeRegV5, writeRegedit4 } from './reg-writer.js';
export { otherView, bothViews, interestsBothViews, getValueEitherView, getKeyEitherView, subkeysEitherView } from './views.js';
export { canonicalRoot, parseRegPath, expandRegPath, regPathKey, isAtOrUnder, type RegPath } from './path.js';
export { typeName, typeNumberOf, decodeData, encodeData, makeValue, decodeCp1252, encodeCp1252, isCp1252 } from './values.js';
