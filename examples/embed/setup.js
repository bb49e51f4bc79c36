// Imported first by main.js, so it runs before anything asks for a summary: the build
// copies precis-core.wasm next to the bundle, and this points the default core at it.
import { configure } from 'precis';

export const wasmURL = new URL('./precis-core.wasm', import.meta.url);
configure({ wasmURL });
