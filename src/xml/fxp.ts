/**
 * fast-xml-parser, loaded from its CommonJS build. The package's ESM entry is some forty source modules
 * (about 40 ms to resolve and load here, a tenth of a scan's start-up); its CommonJS build is one file
 * (about 8 ms). Same classes, same behaviour; the types are the package's own.
 */
import { createRequire } from 'node:module';

const fxp = createRequire(import.meta.url)('fast-xml-parser') as typeof import('fast-xml-parser');

export const XMLParser = fxp.XMLParser;
export const XMLValidator = fxp.XMLValidator;
export const XMLBuilder = fxp.XMLBuilder;
export type { X2jOptions } from 'fast-xml-parser';
