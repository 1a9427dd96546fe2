/** See mutatedModules.mjs. */
export declare const IMPORT_MODULES: string[];
export declare const HISTORY_MODULES: string[];
export declare const EXPORT_MODULES: string[];
