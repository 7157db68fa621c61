/**
 * Types for clipper2-wasm's ES build. The package's `types` field names
 * `dist/es/clipper2z.d.ts`, which 0.4.0 does not ship (its declarations are
 * `dist/clipper2z.d.ts`), so the ES entry is declared here with those types.
 * Benchmark only (`bench/_wasm.ts`).
 */
declare module 'clipper2-wasm/dist/es/clipper2z.js' {
  import type { MainModule } from 'clipper2-wasm/dist/clipper2z';
  export type { Path64, Paths64, PolyPath64 } from 'clipper2-wasm/dist/clipper2z';
  /** The initialised module: Clipper2's bindings and emscripten's heaps. */
  export type Clipper2Module = MainModule & EmscriptenModule;
  /** Compiles and instantiates the wasm module (asynchronous, as every emscripten module). */
  export default function Clipper2Z(moduleArg?: object): Promise<Clipper2Module>;
}
