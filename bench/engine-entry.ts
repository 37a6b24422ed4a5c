// The benchmark's view of the engine: bundled by bench/run.mjs with esbuild into
// bench/.work/engine.cjs (the engine has no public bundle of its own).
export { lint, Project, classify, defaultConfig } from '../server/src/engine';
export { parseMarkdown } from '../server/src/model/markdown';
