/** Types for gen-hive.mjs (a plain-JS benchmark helper, also used by test/registry/stream.test.ts). */
export declare const MFA_KEY: string;
export declare const MFA_PRODUCT_CODE: string;
export declare const MFA_UNINSTALL_KEY: string;
/** Write a deterministic UTF-16LE whole-hive export of about sizeMB MiB; resolves to the number of [KEY] sections. */
export declare function generateHive(path: string, sizeMB: number, seed?: number): Promise<number>;
