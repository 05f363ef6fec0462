import highsLoader, { type Highs } from "highs";

export interface LoadHighsOptions {
  /** Where the WebAssembly file lives (browsers: `import wasmUrl from "highs/runtime?url"`). */
  readonly locateFile?: (file: string) => string;
}

let loaded: Promise<Highs> | null = null;

/** Load HiGHS once (about 40 ms in Node) and share it. */
export function loadHighs(options: LoadHighsOptions = {}): Promise<Highs> {
  // Under NodeNext resolution the CommonJS default export is typed as a namespace: call it as a function.
  const load = highsLoader as unknown as (o?: LoadHighsOptions) => Promise<Highs>;
  loaded ??= load(options.locateFile ? { locateFile: options.locateFile } : {});
  return loaded;
}
