// Node-only helpers of @parley/formats: reading scenario files and GENIUS folders from disk.
export {};
